import { useId } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import type { UploadJobView } from '../../../lib/uploadJobs';
import { useAccess } from '../../../hooks/useAccess';
import { ProgressBar } from '../../../components/ProgressBar';
import { ReadOnlyNote } from '../../../components/ReadOnlyNote';
import { StatusPill, toneForState } from '../../../components/StatusPill';
import { useCancelUpload } from '../api/cancelUpload';
import { useRetryUpload } from '../api/retryUpload';
import { useUploads } from '../api/getUploads';
import { jobActions, uploadPercent } from '../jobs';

const hasActions = (job: UploadJobView) => {
  const { canRetry, canCancel } = jobActions(job);
  return canRetry || canCancel;
};

/** « File d'envoi »: the recent upload jobs with retry / cancel. */
export function UploadQueue() {
  const { t } = useI18n();
  const ids = useId();
  const uploads = useUploads();
  const retry = useRetryUpload();
  const cancel = useCancelUpload();
  const actionError = retry.error ?? cancel.error;
  const jobs = uploads.data ?? [];
  const { role } = useAccess();
  const readOnly = role === 'viewer';

  return (
    <section className="card card--queue" aria-labelledby={`${ids}-h`}>
      <header className="card__header">
        <h2 id={`${ids}-h`}>{t.queue.heading}</h2>
      </header>
      {readOnly && jobs.some(hasActions) && <ReadOnlyNote id={`${ids}-readonly`} />}
      {uploads.isError && (
        <p className="notice notice--bad" role="alert">
          {errorMessage(uploads.error, t)}
        </p>
      )}
      {actionError && (
        <p className="notice notice--bad" role="alert">
          {errorMessage(actionError, t)}
        </p>
      )}
      {uploads.isSuccess && jobs.length === 0 && <p className="empty">{t.queue.empty}</p>}
      {jobs.length > 0 && (
        <ul className="jobs">
          {jobs.map((job) => (
            <JobRow
              key={String(job.id)}
              job={job}
              disabled={role !== 'operator' || retry.isPending || cancel.isPending}
              readOnlyNote={readOnly ? `${ids}-readonly` : undefined}
              onRetry={() => retry.mutate(job.id)}
              onCancel={() => cancel.mutate(job.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface JobRowProps {
  job: UploadJobView;
  disabled: boolean;
  /** id of the read-only reason, when a viewer's token leaves the buttons disabled. */
  readOnlyNote: string | undefined;
  onRetry: () => void;
  onCancel: () => void;
}

function JobRow({ job, disabled, readOnlyNote, onRetry, onCancel }: JobRowProps) {
  const { t, lang } = useI18n();
  const percent = uploadPercent(job);
  const { canRetry, canCancel } = jobActions(job);
  return (
    <li className="job" data-testid="upload-job">
      <div className="job__head">
        <span className="mono ellipsis" title={job.file_name}>
          {job.session_name}
        </span>
        <StatusPill tone={toneForState(job.state)} pulse={job.state === 'uploading'}>
          {t.states[job.state] ?? job.state}
        </StatusPill>
      </div>
      <ProgressBar value={percent} label="" decorative tone={job.state === 'failed' ? 'bad' : 'accent'} />
      <p className="job__meta muted">
        {percent} % · {t.queue.attempts(job.attempts)} · {formatDateTime(job.created_at, lang)}
        {job.task_id && (
          <>
            {' · '}
            <code>{job.task_id}</code>
          </>
        )}
      </p>
      {job.last_error && job.state !== 'completed' && <p className="job__error">{job.last_error}</p>}
      {(canRetry || canCancel) && (
        <div className="job__actions">
          {canRetry && (
            <button
              type="button"
              className="btn btn--small"
              onClick={onRetry}
              disabled={disabled}
              aria-describedby={readOnlyNote}
              aria-label={t.queue.retryFor(job.session_name)}
            >
              {t.queue.retry}
            </button>
          )}
          {canCancel && (
            <button
              type="button"
              className="btn btn--small btn--ghost"
              onClick={onCancel}
              disabled={disabled}
              aria-describedby={readOnlyNote}
              aria-label={t.queue.cancelFor(job.session_name)}
            >
              {t.queue.cancel}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
