import { useId, useState } from 'react';
import { useAccess } from '../../../hooks/useAccess';
import { useI18n } from '../../../i18n/useI18n';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime, formatDay, percentOf, toPercent } from '../../../lib/format';
import { parsePriority } from '../../../lib/priority';
import { latestJobFor, type UploadJobView } from '../../../lib/uploadJobs';
import type { FormattedRecording, SubtitleModel } from '../../../types';
import { ProgressBar } from '../../../components/ProgressBar';
import { ReadOnlyNote } from '../../../components/ReadOnlyNote';
import { StatusPill, toneForState } from '../../../components/StatusPill';
import { ModelSelect, PriorityInput } from '../../../components/UploadOptions';
import { useRecordings } from '../api/getRecordings';
import { useManualUpload } from '../api/manualUpload';

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
              key={rec.id}
              recording={rec}
              job={latestJobFor(jobs, rec.session_name)}
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
  recording: FormattedRecording;
  /** The session's latest job from the shared uploads cache, for live progress. */
  job: UploadJobView | undefined;
  canUpload: boolean;
  /** id of the read-only reason, when a viewer's token leaves the row's controls disabled. */
  readOnlyNote: string | undefined;
}

function RecordingRow({ recording: rec, job, canUpload, readOnlyNote }: RecordingRowProps) {
  const { t, lang } = useI18n();
  const ids = useId();
  const upload = useManualUpload();
  const [model, setModel] = useState<SubtitleModel>('base');
  const [priorityRaw, setPriorityRaw] = useState('1');
  const priority = parsePriority(priorityRaw);

  const sessionName = rec.session_name;
  // The live job is fresher than the list (which refreshes on events); fall back to the list's own fields.
  const state = job?.state ?? rec.upload_status ?? null;
  const taskId = job?.task_id ?? rec.vultr_task_id ?? null;
  const transferPercent = job?.state === 'uploading' ? percentOf(job.bytes_sent, job.total_bytes) : null;
  const processing = toPercent(job?.processing_progress ?? rec.processing_progress);

  const send = () => {
    if (priority === null) return;
    upload.mutate({ sessionName, subtitleModel: model, priority });
  };

  return (
    <li className="recording" data-testid="recording-row">
      <div className="recording__main">
        <h3 id={`${ids}-title`} className="recording__title ellipsis" title={rec.title}>
          {rec.title}
        </h3>
        {rec.title !== sessionName && <p className="recording__session mono ellipsis">{sessionName}</p>}
        <dl className="recording__meta">
          <div>
            <dt>{t.recordings.date}</dt>
            <dd>{rec.start_time ? formatDateTime(rec.start_time, lang) : formatDay(rec.date, lang)}</dd>
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
        {rec.isManualUpload && <span className="tag">{t.recordings.manual}</span>}
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
    </li>
  );
}
