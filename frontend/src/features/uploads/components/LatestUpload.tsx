import { useId } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { formatBytes, formatDuration, formatRate, formatTime, toPercent } from '../../../lib/format';
import { ProgressBar } from '../../../components/ProgressBar';
import { StatusPill, toneForProcessing, toneForState } from '../../../components/StatusPill';
import { useUploads } from '../api/getUploads';
import { isSent, uploadPercent } from '../jobs';

/** The latest upload: transfer, retries, Task ID, then the processing API's status. */
export function LatestUpload() {
  const { t, lang } = useI18n();
  const ids = useId();
  const job = useUploads().data?.[0];

  if (!job) {
    return (
      <section className="upload" aria-labelledby={`${ids}-h`}>
        <h3 id={`${ids}-h`}>{t.upload.heading}</h3>
        <p className="muted">{t.upload.none}</p>
      </section>
    );
  }

  const percent = uploadPercent(job);
  const uploading = job.state === 'uploading';
  const processing = toPercent(job.processing_progress);
  const failed = job.state === 'failed' || job.state === 'retrying';

  return (
    <section className="upload" aria-labelledby={`${ids}-h`} data-testid="latest-upload">
      <header className="upload__header">
        <h3 id={`${ids}-h`}>{t.upload.heading}</h3>
        <StatusPill
          tone={toneForState(job.state)}
          pulse={uploading || job.state === 'processing'}
          testId="upload-state"
        >
          {t.states[job.state] ?? job.state}
        </StatusPill>
      </header>
      <p className="upload__file">
        <span className="mono ellipsis" title={job.file_name}>
          {job.session_name}
          {job.file_name ? ` / ${job.file_name}` : ''}
        </span>
        <span className="upload__percent" aria-hidden="true">
          {percent} %
        </span>
      </p>
      <ProgressBar
        value={percent}
        label={t.upload.progress(job.session_name)}
        tone={job.state === 'failed' ? 'bad' : job.state === 'retrying' ? 'warn' : isSent(job) ? 'ok' : 'accent'}
      />
      <dl className="upload__facts">
        <div>
          <dt>{t.recordings.size}</dt>
          <dd>
            {formatBytes(job.bytes_sent, lang)} / {formatBytes(job.total_bytes, lang)}
          </dd>
        </div>
        <div>
          <dt>{t.upload.rate}</dt>
          <dd data-testid="upload-rate">{uploading ? formatRate(job.rate_bps, lang) : '—'}</dd>
        </div>
        <div>
          <dt>{t.upload.eta}</dt>
          <dd data-testid="upload-eta">{uploading ? formatDuration(job.eta_s) : '—'}</dd>
        </div>
        <div>
          <dt>{t.upload.attempts}</dt>
          <dd>{job.attempts}</dd>
        </div>
        <div className="upload__task">
          <dt>{t.upload.taskId}</dt>
          <dd>
            {job.task_id ? (
              <code data-testid="task-id">{job.task_id}</code>
            ) : (
              <span className="muted">{t.upload.taskPending}</span>
            )}
          </dd>
        </div>
      </dl>

      {failed && job.last_error && (
        <p className={`notice ${job.state === 'failed' ? 'notice--bad' : 'notice--warn'}`} role="alert">
          <strong>
            {t.upload.lastError}
            {t.common.colon}
          </strong>{' '}
          {job.last_error}
          {' — '}
          {job.state === 'retrying' && job.next_attempt_at
            ? t.upload.nextRetry(formatTime(job.next_attempt_at, lang))
            : job.state === 'failed'
              ? t.upload.noRetry
              : ''}
        </p>
      )}

      {(job.processing_status || job.task_id) && (
        <div className="processing" data-testid="processing-status">
          <div className="processing__line">
            <span>{t.upload.processing}</span>
            <StatusPill tone={toneForProcessing(job.processing_status)}>
              {job.processing_status
                ? (t.processingStates[job.processing_status] ?? job.processing_status)
                : t.upload.taskPending}
            </StatusPill>
            {processing !== null && <span className="processing__percent">{processing} %</span>}
          </div>
          {processing !== null && (
            <ProgressBar
              value={processing}
              label={t.upload.processingProgress(job.session_name)}
              tone="ok"
              decorative
            />
          )}
          {job.processing_message && <p className="muted">{job.processing_message}</p>}
        </div>
      )}
    </section>
  );
}
