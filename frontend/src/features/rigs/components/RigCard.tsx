import { useId } from 'react';
import { StatusPill, type Tone } from '../../../components/StatusPill';
import { useI18n } from '../../../i18n/useI18n';
import { formatBytes, formatTimecode, minutesLeft } from '../../../lib/format';
import type { ObsLinkState, RecorderState, RigStartRecordingBody, RigState } from '../../../types';
import { isBusy } from '../rigState';
import { RigControls } from './RigControls';

const CONNECTION_TONES: Record<ObsLinkState, Tone> = { connected: 'ok', reconnecting: 'warn', disconnected: 'bad' };

const STATE_TONES: Record<RecorderState, Tone> = {
  idle: 'muted',
  starting: 'active',
  recording: 'live',
  paused: 'warn',
  stopping: 'active',
  interrupted: 'bad',
  stop_failed: 'bad',
};

interface RigCardProps {
  rig: RigState;
  /** How the page names the rig: « Caméra 2 (cam2) ». */
  name: string;
  /** Part of the next « Tout enregistrer ». */
  ticked: boolean;
  onTick: (ticked: boolean) => void;
  /** An operator's page with the server reachable. */
  mayAct: boolean;
  /** The start form's options; null while a start cannot go out (invalid options, storage down). */
  startOptions: RigStartRecordingBody | null;
  onStarted: () => void;
  /** The last « Tout enregistrer » / « Tout arrêter » failed because of this rig. */
  atFault: boolean;
  /** id of the sentence saying why the controls are disabled (a viewer's token). */
  describedBy?: string;
}

/** One rig: its OBS connection, what it records, its live timecode and disk, and its own controls. */
export function RigCard({
  rig,
  name,
  ticked,
  onTick,
  mayAct,
  startOptions,
  onStarted,
  atFault,
  describedBy,
}: RigCardProps) {
  const { t, lang } = useI18n();
  const ids = useId();
  const recording = isBusy(rig);
  const left = minutesLeft(rig.disk?.estimated_remaining_s);

  return (
    <li
      className={`rig-card${recording ? ' rig-card--busy' : ''}${atFault ? ' rig-card--fault' : ''}`}
      data-testid="rig-card"
      data-rig={rig.id}
      data-state={rig.state}
      data-connection={rig.obs.state}
      aria-labelledby={`${ids}-name`}
    >
      <header className="rig-card__head">
        <input
          type="checkbox"
          checked={ticked}
          onChange={(e) => onTick(e.target.checked)}
          disabled={!mayAct}
          aria-label={t.rigs.include(name)}
          aria-describedby={describedBy}
        />
        <h3 id={`${ids}-name`} className="rig-card__label ellipsis" title={rig.label}>
          {rig.label}
        </h3>
        <span className="rig-card__id mono">{rig.id}</span>
        {rig.default && <span className="tag">{t.rigs.defaultBadge}</span>}
      </header>

      <div className="rig-card__pills">
        <StatusPill
          tone={CONNECTION_TONES[rig.obs.state]}
          pulse={rig.obs.state === 'reconnecting'}
          testId="rig-connection"
        >
          {t.rigs.connection[rig.obs.state]}
        </StatusPill>
        <StatusPill tone={STATE_TONES[rig.state]} pulse={rig.state === 'recording'} testId="rig-state">
          {t.rigs.states[rig.state]}
        </StatusPill>
      </div>
      {!rig.obs.connected && rig.obs.error && (
        <p className="rig-card__obs-error" data-testid="rig-obs-error">
          {rig.obs.error}
        </p>
      )}

      <dl className="rig-card__stats">
        <div className="rig-card__stat rig-card__stat--time">
          <dt>{t.rigs.timecode}</dt>
          <dd className="rig-card__timecode mono" data-testid="rig-timecode">
            {recording ? formatTimecode(rig.obs_status?.timecode, rig.obs_status?.duration_ms) : '00:00:00'}
          </dd>
        </div>
        <div className="rig-card__stat">
          <dt>{t.rigs.session}</dt>
          <dd className="mono ellipsis" data-testid="rig-session" title={rig.session_name ?? undefined}>
            {rig.session_name ?? '—'}
          </dd>
        </div>
        <div className={`rig-card__stat${rig.disk?.low ? ' rig-card__stat--low' : ''}`}>
          <dt>{t.rigs.disk}</dt>
          <dd data-testid="rig-disk">
            {rig.disk ? (
              <>
                {formatBytes(rig.disk.free_bytes, lang)}
                {left !== null && <span className="rig-card__sub">{t.recording.minutesLeft(left)}</span>}
                {rig.disk.low && (
                  <span className="rig-card__sub rig-card__sub--bad" role="alert">
                    {t.rigs.diskLow}
                  </span>
                )}
              </>
            ) : (
              <span className="muted" title={t.rigs.diskOnlyWhileRecording}>
                —
              </span>
            )}
          </dd>
        </div>
      </dl>

      <RigControls
        rig={rig}
        name={name}
        mayAct={mayAct}
        startOptions={startOptions}
        onStarted={onStarted}
        describedBy={describedBy}
      />
    </li>
  );
}
