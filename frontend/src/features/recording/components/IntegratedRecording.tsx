import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useAccess } from '../../../hooks/useAccess';
import { useI18n } from '../../../i18n/useI18n';
import type { Messages } from '../../../i18n/messages';
import { errorMessage } from '../../../lib/errors';
import { parsePriority } from '../../../lib/priority';
import { formatBytes, formatDateTime, formatDuration, formatTimecode } from '../../../lib/format';
import type { StopResult, SubtitleModel } from '../../../types';
import { StatusPill } from '../../../components/StatusPill';
import { ModelSelect, PriorityInput } from '../../../components/UploadOptions';
import { useRecordingStatus } from '../api/getRecordingStatus';
import { useStartRecording } from '../api/startRecording';
import { useStopRecording } from '../api/stopRecording';

/**
 * « Enregistrement Intégré »: live state of the recording and its controls. The page puts the latest
 * upload (another feature) at the bottom of the card.
 */
export function IntegratedRecording({ latestUpload }: { latestUpload?: ReactNode }) {
  const { t, lang } = useI18n();
  const ids = useId();
  const { serverDown, authNeeded, obs, storage, role } = useAccess();
  const readOnly = role === 'viewer';
  const status = useRecordingStatus();
  const start = useStartRecording();
  const stop = useStopRecording();

  const [sessionName, setSessionName] = useState('');
  const [autoUpload, setAutoUpload] = useState(true);
  const [model, setModel] = useState<SubtitleModel>('base');
  const [priorityRaw, setPriorityRaw] = useState('1');
  const priority = parsePriority(priorityRaw);

  const rec = status.data;
  const active = rec?.active === true;
  // Someone (another page, OBS itself) is closing the session: wait for it.
  const closing = rec?.active === true && rec.stopping;
  const busy = start.isPending || stop.isPending || closing;

  // Why the controls are unavailable, shown next to them rather than leaving a mute grey button.
  const readOnlyReason = t.auth.readOnly;
  const reason = serverDown
    ? t.recording.reasonServer
    : authNeeded
      ? t.recording.reasonAuth
      : readOnly
        ? readOnlyReason
        : obs && !obs.connected
          ? obs.state === 'reconnecting'
            ? t.recording.reasonObsReconnecting
            : t.recording.reasonObs
          : // A session could not be written; a running one may still be stopped (OBS keeps the file).
            !active && storage?.ok === false
            ? t.recording.reasonStorage
            : null;
  const blocked = reason !== null || !obs || !rec || role !== 'operator';
  const canStart = !blocked && !busy && !active && priority !== null;
  const canStop = !blocked && !busy && active;

  const onStart = (event: FormEvent) => {
    event.preventDefault();
    if (!canStart || priority === null) return;
    const name = sessionName.trim();
    stop.reset();
    start.mutate(
      { ...(name ? { sessionName: name } : {}), autoUpload, subtitleModel: model, priority },
      { onSuccess: () => setSessionName('') },
    );
  };

  const onStop = () => {
    if (!canStop) return;
    start.reset();
    stop.mutate();
  };

  const failure = start.error ?? stop.error;
  const obsStatus = rec?.active ? rec.obs_status : null;

  return (
    <section className="card card--recording" aria-labelledby={`${ids}-heading`}>
      <header className="card__header">
        <h2 id={`${ids}-heading`}>{t.recording.heading}</h2>
        {active ? (
          <StatusPill tone="live" pulse testId="recording-state">
            {obsStatus?.paused ? t.recording.paused : t.recording.live}
          </StatusPill>
        ) : (
          <StatusPill tone="muted" testId="recording-state">
            {t.recording.idle}
          </StatusPill>
        )}
      </header>

      <dl className={`live-stats${active ? ' live-stats--active' : ''}`}>
        <div className="live-stats__item live-stats__item--time">
          <dt>{t.recording.timecode}</dt>
          <dd className="timecode" data-testid="timecode">
            {active ? formatTimecode(obsStatus?.timecode, obsStatus?.duration_ms) : '00:00:00'}
          </dd>
        </div>
        <div className="live-stats__item">
          <dt>{t.recording.size}</dt>
          <dd data-testid="recording-size">{active ? formatBytes(obsStatus?.bytes ?? 0, lang) : '—'}</dd>
        </div>
        <div className="live-stats__item">
          <dt>{t.recording.session}</dt>
          <dd
            className="mono ellipsis"
            data-testid="recording-session"
            title={rec?.active ? rec.session_name : undefined}
          >
            {rec?.active ? rec.session_name : '—'}
          </dd>
        </div>
        <div className="live-stats__item">
          <dt>{t.recording.startedBy}</dt>
          <dd data-testid="started-by">{rec?.active ? t.recording.startedByLabels[rec.started_by] : '—'}</dd>
        </div>
      </dl>

      {rec?.active && (
        <ul className="chips" aria-label={t.recording.session}>
          <li>{rec.auto_upload ? t.recording.autoUploadOn : t.recording.autoUploadOff}</li>
          <li>
            {t.recording.model}
            {t.common.colon} {rec.subtitle_model}
          </li>
          <li>
            {t.recording.priority}
            {t.common.colon} {rec.priority}
          </li>
          <li>
            {t.recording.startedAt}
            {t.common.colon} {formatDateTime(rec.start_time, lang)}
          </li>
        </ul>
      )}

      <form className="controls" onSubmit={onStart} noValidate>
        <div className="field field--wide">
          <label htmlFor={`${ids}-name`}>{t.recording.sessionName}</label>
          <input
            id={`${ids}-name`}
            type="text"
            value={sessionName}
            onChange={(e) => setSessionName(e.target.value)}
            placeholder={t.recording.sessionPlaceholder}
            maxLength={120}
            autoComplete="off"
            disabled={active || readOnly}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-model`}>{t.recording.model}</label>
          <ModelSelect id={`${ids}-model`} value={model} onChange={setModel} disabled={active || readOnly} />
        </div>
        <div className="field field--narrow">
          <label htmlFor={`${ids}-priority`}>{t.recording.priority}</label>
          <PriorityInput
            id={`${ids}-priority`}
            value={priorityRaw}
            onChange={setPriorityRaw}
            invalid={priority === null}
            aria-describedby={`${ids}-priority-hint`}
            disabled={active || readOnly}
          />
          <span
            id={`${ids}-priority-hint`}
            className={priority === null ? 'field__hint field__hint--bad' : 'field__hint'}
          >
            {priority === null ? t.recording.priorityInvalid : t.recording.priorityHint}
          </span>
        </div>
        <div className="field field--check">
          <input
            id={`${ids}-auto`}
            type="checkbox"
            checked={autoUpload}
            onChange={(e) => setAutoUpload(e.target.checked)}
            disabled={active || readOnly}
          />
          <label htmlFor={`${ids}-auto`}>{t.recording.autoUpload}</label>
        </div>

        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={!canStart} aria-describedby={`${ids}-reason`}>
            <span className="btn__icon btn__icon--rec" aria-hidden="true" />
            {t.recording.start}
          </button>
          <button
            type="button"
            className="btn btn--danger"
            onClick={onStop}
            disabled={!canStop}
            aria-describedby={`${ids}-reason`}
          >
            <span className="btn__icon btn__icon--stop" aria-hidden="true" />
            {t.recording.stop}
          </button>
          <span
            id={`${ids}-reason`}
            className={reason === readOnlyReason ? 'actions__note actions__note--info' : 'actions__note'}
            role="status"
          >
            {start.isPending ? t.recording.starting : stop.isPending || closing ? t.recording.stopping : (reason ?? '')}
          </span>
        </div>
      </form>

      {failure && (
        <p className="notice notice--bad" role="alert">
          {errorMessage(failure, t)}
        </p>
      )}
      {rec?.active && rec.stop_error && !stop.isPending && (
        <p className="notice notice--bad" data-testid="stop-error">
          {t.recording.stopFailed(rec.stop_error)}
        </p>
      )}

      {!active && stop.data && <StopSummary result={stop.data} t={t} lang={lang} />}

      {latestUpload}
    </section>
  );
}

function StopSummary({ result, t, lang }: { result: StopResult; t: Messages; lang: 'fr' | 'en' }) {
  const upload = result.upload_result;
  return (
    <div className="stop-summary" data-testid="stop-summary">
      <h3>
        {t.recording.lastStop}
        {t.common.colon} <span className="mono">{result.session_name}</span>
      </h3>
      {result.files.length > 0 && (
        <ul className="file-list" aria-label={t.recording.files}>
          {result.files.map((f) => (
            <li key={f.path}>
              <span className="mono ellipsis">{f.name}</span>
              <span>{formatBytes(f.size_bytes, lang)}</span>
              <span>{formatDuration(f.duration_s)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        {upload == null
          ? t.recording.uploadOff
          : upload.queued === false
            ? t.recording.uploadNotQueued(upload.reason)
            : t.recording.uploadQueued}
      </p>
    </div>
  );
}
