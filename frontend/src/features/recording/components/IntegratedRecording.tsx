import { useEffect, useEffectEvent, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useAccess } from '../../../hooks/useAccess';
import { useNow } from '../../../hooks/useNow';
import { useI18n } from '../../../i18n/useI18n';
import type { Messages } from '../../../i18n/messages';
import { errorMessage } from '../../../lib/errors';
import {
  formatBytes,
  formatClock,
  formatDateTime,
  formatDuration,
  formatTimecode,
  minutesLeft,
} from '../../../lib/format';
import type { ActiveRecordingStatus, StopResult } from '../../../types';
import { StatusPill } from '../../../components/StatusPill';
import { Timeline } from '../../../components/Timeline';
import { useAddMarker } from '../api/addMarker';
import { usePauseResume } from '../api/pauseRecording';
import { currentPauseMs, totalPausedMs } from '../status';
import { ModelSelect, PriorityInput } from '../../../components/UploadOptions';
import { useRecordingStatus } from '../api/getRecordingStatus';
import { useStartRecording } from '../api/startRecording';
import { useStopRecording } from '../api/stopRecording';
import { useStartForm, type StartForm } from '../hooks/useStartForm';

interface IntegratedRecordingProps {
  latestUpload?: ReactNode;
  /** The start form's fields, when the page shares them (the rig grid starts with them too). */
  form?: StartForm;
}

/**
 * « Enregistrement Intégré »: live state of the recording and its controls. The page puts the latest
 * upload (another feature) at the bottom of the card.
 */
export function IntegratedRecording({ latestUpload, form: sharedForm }: IntegratedRecordingProps) {
  const { t, lang } = useI18n();
  const ids = useId();
  const { serverDown, authNeeded, obs, storage, role } = useAccess();
  const readOnly = role === 'viewer';
  const status = useRecordingStatus();
  const start = useStartRecording();
  const stop = useStopRecording();
  const pauseResume = usePauseResume();
  const mark = useAddMarker();
  const [markerLabel, setMarkerLabel] = useState('');

  const ownForm = useStartForm();
  const form = sharedForm ?? ownForm;
  const { sessionName, setSessionName, autoUpload, setAutoUpload, model, setModel, priorityRaw, setPriorityRaw } = form;
  const priority = form.priority;

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
  // Pause, resume and markers need a recording that is running or paused (not starting or closing).
  const running = rec?.active === true && (rec.state === 'recording' || rec.state === 'paused');
  const paused = rec?.active === true && (rec.state === 'paused' || rec.obs_status.paused);
  const canPause = !blocked && !busy && running && !pauseResume.isPending;
  const canMark = !blocked && !busy && running && !mark.isPending;
  const now = useNow(paused);
  const showPaused = rec?.active === true && (paused || rec.paused_s > 0 || rec.pauses.length > 0);

  const resetOthers = (keep: 'start' | 'stop' | 'pause' | 'mark') => {
    if (keep !== 'start') start.reset();
    if (keep !== 'stop') stop.reset();
    if (keep !== 'pause') pauseResume.reset();
    if (keep !== 'mark') mark.reset();
  };

  const onStart = (event: FormEvent) => {
    event.preventDefault();
    if (!canStart || form.options === null) return;
    resetOthers('start');
    start.mutate(form.options, { onSuccess: form.clearName });
  };

  const onStop = () => {
    if (!canStop) return;
    resetOthers('stop');
    stop.mutate();
  };

  const onPauseResume = () => {
    if (!canPause) return;
    resetOthers('pause');
    pauseResume.mutate(paused ? 'resume' : 'pause');
  };

  const onMark = () => {
    if (!canMark) return;
    resetOthers('mark');
    const label = markerLabel.trim();
    mark.mutate(label ? { label } : {}, { onSuccess: () => setMarkerLabel('') });
  };

  // « M » anywhere on the page but in a text field adds a marker (the button says so).
  const onShortcut = useEffectEvent((event: KeyboardEvent) => {
    if (event.key !== 'm' && event.key !== 'M') return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || isTextField(event.target)) return;
    if (!canMark) return;
    event.preventDefault();
    onMark();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onShortcut(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const failure = start.error ?? stop.error ?? pauseResume.error ?? mark.error;
  const obsStatus = rec?.active ? rec.obs_status : null;

  return (
    <section className="card card--recording" aria-labelledby={`${ids}-heading`}>
      <header className="card__header">
        <h2 id={`${ids}-heading`}>{t.recording.heading}</h2>
        {rec?.active && paused ? (
          <StatusPill tone="warn" testId="recording-state">
            {t.recording.pausedFor(formatClock(currentPauseMs(rec, now)))}
          </StatusPill>
        ) : active ? (
          <StatusPill tone="live" pulse testId="recording-state">
            {t.recording.live}
          </StatusPill>
        ) : serverDown ? (
          <StatusPill tone="bad" testId="recording-state">
            {t.recording.badgeServerDown}
          </StatusPill>
        ) : obs && !obs.connected ? (
          <StatusPill tone={obs.state === 'reconnecting' ? 'warn' : 'bad'} testId="recording-state">
            {obs.state === 'reconnecting' ? t.recording.badgeObsReconnecting : t.recording.badgeObsDown}
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

      {rec?.active && (showPaused || rec.disk) && (
        <dl className="live-stats live-stats--extra">
          {rec?.active && showPaused && (
            <div className={`live-stats__item${paused ? ' live-stats__item--paused' : ''}`}>
              <dt>{t.recording.pausedTotal}</dt>
              <dd className="mono" data-testid="paused-total">
                {formatClock(totalPausedMs(rec, now))}
              </dd>
            </div>
          )}
          {rec?.active && rec.disk && (
            <div className={`live-stats__item${rec.disk.low ? ' live-stats__item--low' : ''}`}>
              <dt>{t.recording.diskFree}</dt>
              <dd data-testid="disk-free">
                {formatBytes(rec.disk.free_bytes, lang)}
                {minutesLeft(rec.disk.estimated_remaining_s) !== null && (
                  <span className="live-stats__sub" data-testid="disk-remaining">
                    {t.recording.minutesLeft(minutesLeft(rec.disk.estimated_remaining_s)!)}
                  </span>
                )}
              </dd>
            </div>
          )}
        </dl>
      )}

      {rec?.active && rec.disk?.low && (
        <p className="notice notice--warn" role="alert" data-testid="disk-warning">
          {t.recording.diskLow(formatBytes(rec.disk.free_bytes, lang), minutesLeft(rec.disk.estimated_remaining_s))}
        </p>
      )}

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
            className="btn btn--ghost"
            onClick={onPauseResume}
            disabled={!canPause}
            aria-describedby={`${ids}-reason`}
            data-testid="pause-resume"
          >
            <span className={`btn__icon ${paused ? 'btn__icon--play' : 'btn__icon--pause'}`} aria-hidden="true" />
            {pauseResume.isPending
              ? pauseResume.variables === 'resume'
                ? t.recording.resuming
                : t.recording.pausing
              : paused
                ? t.recording.resume
                : t.recording.pause}
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

      <form
        className="marker-form"
        onSubmit={(event) => {
          event.preventDefault();
          onMark();
        }}
        noValidate
      >
        <div className="field field--wide">
          <label htmlFor={`${ids}-marker`}>{t.recording.markerLabel}</label>
          <input
            id={`${ids}-marker`}
            type="text"
            value={markerLabel}
            onChange={(e) => setMarkerLabel(e.target.value)}
            placeholder={t.recording.markerPlaceholder}
            maxLength={200}
            autoComplete="off"
            disabled={!running || readOnly}
          />
        </div>
        <button
          type="submit"
          className="btn btn--marker"
          disabled={!canMark}
          title={t.recording.markerTitle}
          aria-keyshortcuts="M"
          aria-describedby={`${ids}-reason`}
        >
          <span className="btn__icon btn__icon--marker" aria-hidden="true" />
          {t.recording.marker}
          <kbd className="btn__kbd" aria-hidden="true">
            M
          </kbd>
        </button>
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

      {rec?.active && <LiveTimeline status={rec} t={t} />}

      {!active && stop.data && <StopSummary result={stop.data} t={t} lang={lang} />}

      {latestUpload}
    </section>
  );
}

/** What the « M » shortcut must not steal: typing in a field. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** The current recording's markers and its timeline, growing live. */
function LiveTimeline({ status, t }: { status: ActiveRecordingStatus; t: Messages }) {
  const ids = useId();
  return (
    <section className="live-timeline" aria-labelledby={`${ids}-h`} data-testid="live-timeline">
      <h3 id={`${ids}-h`}>{t.recording.liveTimeline}</h3>
      <Timeline
        name={status.title || status.session_name}
        source={{ start: status.start_time, end: null, pauses: status.pauses, markers: status.markers }}
      />
      <h3 id={`${ids}-markers`}>{t.recording.markers}</h3>
      {status.markers.length === 0 ? (
        <p className="muted">{t.recording.noMarkers}</p>
      ) : (
        <ol className="marker-list" data-testid="marker-list" aria-labelledby={`${ids}-markers`}>
          {status.markers.map((m) => (
            <li key={`${m.timecode_ms}-${m.at}`} data-testid="marker">
              <span className="mono marker-list__time">{formatClock(m.timecode_ms)}</span>
              {m.label ? <span className="marker-list__label">{m.label}</span> : null}
            </li>
          ))}
        </ol>
      )}
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
