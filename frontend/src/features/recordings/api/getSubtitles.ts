import { useQuery } from '@tanstack/react-query';
import { parseCues, type Cue } from '../../../lib/vtt';
import { queryKeys } from '../../../lib/queryKeys';

/** How many cues the preview shows. */
export const PREVIEW_CUES = 3;

/**
 * A subtitles result as text. Its URL is ready as it is (signed when the server has tokens, like
 * the <img>/<video> ones), so it is fetched plainly, without the API client's token.
 */
export async function getSubtitles(url: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/** The first cues of the subtitles at `url` (fetched once: a result never changes under its URL). */
export function useSubtitlesPreview(url: string | undefined) {
  return useQuery<Cue[]>({
    queryKey: queryKeys.subtitles(url ?? ''),
    enabled: !!url,
    staleTime: Infinity,
    queryFn: async ({ signal }) => parseCues(await getSubtitles(url!, signal), PREVIEW_CUES),
  });
}
