import { useId, useMemo, useState } from 'react';
import { useAccess } from '../../../hooks/useAccess';
import { useI18n } from '../../../i18n/useI18n';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime, percentOf, toPercent } from '../../../lib/format';
import { parsePriority } from '../../../lib/priority';
import { mergeUploads, storyOfJob, type TimelineSource } from '../../../lib/timeline';
import type { UploadJobView } from '../../../lib/uploadJobs';
import type { Session, SubtitleModel } from '../../../types';
import { ProgressBar } from '../../../components/ProgressBar';
import { ReadOnlyNote } from '../../../components/ReadOnlyNote';
import { StatusPill, toneForState } from '../../../components/StatusPill';
import { Timeline } from '../../../components/Timeline';
import { ModelSelect, PriorityInput } from '../../../components/UploadOptions';
import { useRecordings } from '../api/getRecordings';
import { useManualUpload } from '../api/manualUpload';
import { firstRigFiles } from '../rigFiles';
import { SessionDetails } from './SessionDetails';
import { SessionResults } from './SessionResults';

const NO_JOBS: UploadJobView[] = [];

interface RecordingsListProps {
  /** The upload jobs (newest first), for each row's live upload state. */
  jobs: UploadJobView[] | undefined;
  /** The session being recorded, which cannot be uploaded yet. */
  recordingNow: string | null;
}

/** Recorded sessions, newest first, with a manual upload action per row and "Charger plus". */
export function RecordingsList({ jobs, recordingNow }: RecordingsListProps) {
  const { t } = useI18n();
  const ids = useId();
  const { recordings, total, isPending, isError, error, hasNextPage, fetchNextPage, isFetchingNextPage } =
    useRecordings();
  const { uploadsEnabled, role } = useAccess();
  const readOnly = role === 'viewer';
  const jobsBySession = useMemo(() => {
    const map = new Map<string, UploadJobView[]>();
    for (const job of jobs ?? []) map.set(job.session_name, [...(map.get(job.session_name) ?? []), job]);
    return map;
  }, [jobs]);

  return (
    <section className="card card--recordings" aria-labelledby={`${ids}-h`}>
      <header className="card__header">
        <h2 id={`${ids}-h`}>{t.recordings.heading}</h2>
        {typeof total === 'number' && <span className="muted">{t.recordings.shown(recordings.length, total)}</span>}
      </header>

      {readOnly && recordings.length > 0 && <ReadOnlyNote id={`${ids}-readonly`} />}
      {!uploadsEnabled && (
        <p className="notice notice--warn" role="status">
          {t.connection.uploadsDisabled}
        </p>
      )}
      {isError && (
        <p className="notice notice--bad" role="alert">
          {errorMessage(error, t)}
        </p>
      )}
      {isPending && <p className="muted">{t.recordings.loading}</p>}
      {!isPending && !isError && recordings.length === 0 && <p className="empty">{t.recordings.empty}</p>}

      {recordings.length > 0 && (
        <ul className="recordings">
          {recordings.map((rec) => (
            <RecordingRow
              key={rec.session_name}
              recording={rec}
              jobs={jobsBySession.get(rec.session_name) ?? NO_JOBS}
              canUpload={uploadsEnabled && role === 'operator' && recordingNow !== rec.session_name}
              readOnlyNote={readOnly ? `${ids}-readonly` : undefined}
            />
          ))}
        </ul>
      )}

      {hasNextPage && (
        <div className="load-more">
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
          >
            {isFetchingNextPage ? t.recordings.loading : t.recordings.loadMore}
          </button>
        </div>
      )}
    </section>
  );
}

interface RecordingRowProps {
  recording: Session;
  /** The session's upload jobs from the shared uploads cache (newest first), for live state and phases. */
  jobs: UploadJobView[];
  canUpload: boolean;
  /** id of the read-only reason, when a viewer's token leaves the row's controls disabled. */
  readOnlyNote: string | undefined;
}

function RecordingRow({ recording: rec, jobs, canUpload, readOnlyNote }: RecordingRowProps) {
  const { t, lang } = useI18n();
  const ids = useId();
  const upload = useManualUpload();
  const [model, setModel] = useState<SubtitleModel>('base');
  const [priorityRaw, setPriorityRaw] = useState('1');
  const priority = parsePriority(priorityRaw);

  const sessionName = rec.session_name;
  const job = jobs[0];
  const summary = rec.vultr_upload;
  // The live job is fresher than the list (which refreshes on events); fall back to the list's own fields.
  const state = job?.state ?? summary?.status ?? null;
  const taskId = job?.task_id ?? summary?.task_id ?? null;
  const transferPercent = job?.state === 'uploading' ? percentOf(job.bytes_sent, job.total_bytes) : null;
  const processing = toPercent(job?.processing_progress ?? summary?.progress);
  const manual = job?.manual ?? summary?.manual ?? false;

  const source = useMemo<TimelineSource>(
    () => ({
      start: rec.start_time,
      end: rec.status === 'recording' ? null : (rec.end_time ?? rec.start_time),
      pauses: rec.pauses,
      markers: rec.markers,
      // Several rigs record the same moments: the breaks are those of one rig's split files.
      fileDurationsS: firstRigFiles(rec).map((f) => f.duration_s ?? null),
      uploads: mergeUploads(rec.uploads, jobs.map(storyOfJob)),
      recordedS: rec.status === 'recording' ? null : rec.duration_s,
    }),
    [rec, jobs],
  );

  const send = () => {
    if (priority === null) return;
    upload.mutate({ sessionName, subtitleModel: model, priority });
  };

  return (
    <li className="recording" data-testid="recording-row" data-session={sessionName}>
      <div className="recording__thumb">
        {rec.thumbnail_url ? (
          <img
            src={rec.thumbnail_url}
            alt={t.recordings.thumbnail(rec.title)}
            loading="lazy"
            data-testid="recording-thumbnail"
          />
        ) : (
          <span className="recording__thumb-empty" aria-hidden="true" />
        )}
      </div>

      <div className="recording__main">
        <h3 id={`${ids}-title`} className="recording__title ellipsis" title={rec.title}>
          {rec.title}
        </h3>
        {rec.title !== sessionName && <p className="recording__session mono ellipsis">{sessionName}</p>}
        <dl className="recording__meta">
          <div>
            <dt>{t.recordings.date}</dt>
            <dd>{formatDateTime(rec.start_time, lang)}</dd>
          </div>
          <div>
            <dt>{t.recordings.duration}</dt>
            <dd className="mono">{rec.duration || '—'}</dd>
          </div>
          <div>
            <dt>{t.recordings.size}</dt>
            <dd>{rec.size || '—'}</dd>
          </div>
        </dl>
      </div>

      <div className="recording__status">
        <StatusPill
          tone={state ? toneForState(state) : 'muted'}
          pulse={state === 'uploading' || state === 'processing'}
        >
          {t.states[state ?? 'none'] ?? state}
          {transferPercent !== null
            ? ` · ${transferPercent} %`
            : state === 'processing' && processing !== null
              ? ` · ${processing} %`
              : ''}
        </StatusPill>
        {manual && <span className="tag">{t.recordings.manual}</span>}
        {transferPercent !== null && <ProgressBar value={transferPercent} label="" decorative />}
        {taskId && (
          <p className="recording__task">
            <span className="muted">{t.recordings.taskId}</span> <code>{taskId}</code>
          </p>
        )}
      </div>

      <div className="recording__actions" role="group" aria-label={`${t.recordings.manualUpload} — ${sessionName}`}>
        <span className="recording__actions-title" aria-hidden="true">
          {t.recordings.manualUpload}
        </span>
        <ModelSelect
          aria-label={t.recordings.modelFor(sessionName)}
          value={model}
          onChange={setModel}
          disabled={!!readOnlyNote}
        />
        <PriorityInput
          className="input--priority"
          aria-label={t.recordings.priorityFor(sessionName)}
          value={priorityRaw}
          onChange={setPriorityRaw}
          invalid={priority === null}
          disabled={!!readOnlyNote}
        />
        <button
          type="button"
          className="btn btn--small"
          onClick={send}
          disabled={!canUpload || upload.isPending || priority === null}
          aria-describedby={readOnlyNote}
        >
          {upload.isPending ? t.recordings.sending : t.recordings.send}
        </button>
        {upload.isError && (
          <p className="recording__feedback recording__feedback--bad" role="alert">
            {errorMessage(upload.error, t)}
          </p>
        )}
        {upload.isSuccess && (
          <p className="recording__feedback" role="status">
            {t.recordings.queued}
          </p>
        )}
      </div>

      <div className="recording__story">
        <Timeline source={source} name={rec.title} />
        <SessionDetails recording={rec} />
        <SessionResults recording={rec} jobs={jobs} />
      </div>
    </li>
  );
}
