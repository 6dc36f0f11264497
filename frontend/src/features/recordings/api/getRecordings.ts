import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { RECORDINGS_PAGE_SIZE } from '../../../config/constants';
import { useAccess } from '../../../hooks/useAccess';
import { client, send } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryKeys';
import type { RecordingsPage, Session } from '../../../types';

/**
 * Sessions as /api/integrated/recordings gives them: with their files, pauses, markers, thumbnail,
 * uploads (phase by phase) and processed results, all that a row and its timeline show. (The
 * formatted list, the original StreamAI's shape, has none of these.)
 */
export const getRecordings = (query: { limit: number; offset: number }) =>
  send((init) => client.GET('/api/integrated/recordings', { ...init, params: { query } }));

/** Where the next page starts, or undefined when this one was the last. */
export function nextOffset(last: Pick<RecordingsPage, 'recordings' | 'total'>, offset: number): number | undefined {
  const loaded = offset + last.recordings.length;
  return loaded < last.total && last.recordings.length > 0 ? loaded : undefined;
}

/** Recordings, newest first, one page of RECORDINGS_PAGE_SIZE at a time ("Charger plus"). */
export function useRecordings() {
  const { ready } = useAccess();
  const query = useInfiniteQuery({
    queryKey: queryKeys.recordings,
    enabled: ready,
    initialPageParam: 0,
    queryFn: ({ pageParam }) => getRecordings({ limit: RECORDINGS_PAGE_SIZE, offset: pageParam }),
    getNextPageParam: (last, _pages, offset) => nextOffset(last, offset),
  });

  // A recording made between two page loads shifts the offsets: drop the duplicate it causes.
  const recordings = useMemo(() => {
    const seen = new Set<string>();
    const rows: Session[] = [];
    for (const page of query.data?.pages ?? []) {
      for (const rec of page.recordings) {
        if (!seen.has(rec.session_name)) {
          seen.add(rec.session_name);
          rows.push(rec);
        }
      }
    }
    return rows;
  }, [query.data]);

  const pages = query.data?.pages;
  const total = pages?.length ? pages[pages.length - 1].total : undefined;
  return { ...query, recordings, total };
}
