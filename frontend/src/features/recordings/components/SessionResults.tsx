import { useId } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import type { UploadJobView } from '../../../lib/uploadJobs';
import type { ResultFile, Session } from '../../../types';
import { useSubtitlesPreview } from '../api/getSubtitles';

/**
 * What processing gave back: the processed thumbnail, the first subtitles and the processed video.
 * The session's `results` are those of its latest completed upload; a job fresher than the list
 * (processing_results_ready refetches both) may already have them. URLs are used as they are.
 */
export function SessionResults({ recording: rec, jobs }: { recording: Session; jobs: UploadJobView[] }) {
  const { t } = useI18n();
  const ids = useId();
  const latest = jobs[0];
  const results: ResultFile[] =
    rec.results.length > 0 ? rec.results : (jobs.find((j) => j.results.length)?.results ?? []);
  const fetching =
    latest?.state === 'completed' && (latest.results_state === 'pending' || latest.results_state === 'fetching');
  const failed = latest?.state === 'completed' && latest.results_state === 'failed' && results.length === 0;
  if (results.length === 0 && !fetching && !failed) return null;

  const byKind = (kind: ResultFile['kind']) => results.find((r) => r.kind === kind);
  const thumbnail = byKind('thumbnail');
  const subtitles = byKind('subtitles');
  const video = byKind('video');

  return (
    <section className="results" aria-labelledby={`${ids}-h`} data-testid="session-results">
      <h4 id={`${ids}-h`}>{t.recordings.results}</h4>
      {fetching && results.length === 0 && <p className="muted">{t.recordings.resultsPending}</p>}
      {failed && <p className="notice notice--warn">{t.recordings.resultsFailed}</p>}
      <div className="results__grid">
        {thumbnail && (
          <figure className="results__item results__item--thumbnail">
            <img src={thumbnail.url} alt={t.recordings.processedThumbnail(rec.title)} data-testid="result-thumbnail" />
          </figure>
        )}
        {video && (
          <figure className="results__item results__item--video">
            <video
              controls
              preload="metadata"
              src={video.url}
              aria-label={`${t.recordings.video} — ${rec.title}`}
              data-testid="result-video"
            />
            <figcaption className="muted">{t.recordings.video}</figcaption>
          </figure>
        )}
        {subtitles && <SubtitlesPreview result={subtitles} />}
      </div>
    </section>
  );
}

function SubtitlesPreview({ result }: { result: ResultFile }) {
  const { t } = useI18n();
  const ids = useId();
  const cues = useSubtitlesPreview(result.url);
  return (
    <div className="results__item results__item--subtitles" data-testid="subtitles-preview">
      <h5 id={`${ids}-h`}>{t.recordings.subtitles}</h5>
      {cues.isPending && <p className="muted">{t.recordings.subtitlesLoading}</p>}
      {cues.isError && <p className="muted">{t.recordings.subtitlesEmpty}</p>}
      {cues.data && cues.data.length === 0 && <p className="muted">{t.recordings.subtitlesEmpty}</p>}
      {cues.data && cues.data.length > 0 && (
        <ol className="cues" aria-labelledby={`${ids}-h`}>
          {cues.data.map((cue) => (
            <li key={`${cue.start}-${cue.text}`} data-testid="subtitle-cue">
              <span className="cues__time mono">{cue.start}</span>
              <span className="cues__text">{cue.text}</span>
            </li>
          ))}
        </ol>
      )}
      <a className="results__link" href={result.url} target="_blank" rel="noreferrer">
        {t.recordings.subtitlesOpen} ({result.name})
      </a>
    </div>
  );
}
