import { useI18n } from '../../../i18n/useI18n';
import { errorMessage } from '../../../lib/errors';
import type { RigStartRecordingBody, RigState } from '../../../types';
import { useAddRigMarker } from '../api/addRigMarker';
import { usePauseResumeRig } from '../api/pauseRig';
import { useStartRig } from '../api/startRig';
import { useStopRig } from '../api/stopRig';
import { isPaused, rigButtons } from '../rigState';

interface RigControlsProps {
  rig: RigState;
  /** How the page names the rig: « Caméra 2 (cam2) ». */
  name: string;
  /** An operator's page with the server reachable. */
  mayAct: boolean;
  /** The start form's options; null while a start cannot go out (invalid options, storage down). */
  startOptions: RigStartRecordingBody | null;
  onStarted: () => void;
  /** id of the sentence saying why the controls are disabled (a viewer's token). */
  describedBy?: string;
}

/** One rig's own « Démarrer », « Pause » / « Reprendre », « Marqueur », « Arrêter » (rig-scoped routes). */
export function RigControls({ rig, name, mayAct, startOptions, onStarted, describedBy }: RigControlsProps) {
  const { t } = useI18n();
  const start = useStartRig();
  const stop = useStopRig();
  const pauseResume = usePauseResumeRig();
  const mark = useAddRigMarker();
  const pending = start.isPending || stop.isPending || pauseResume.isPending || mark.isPending;
  const can = rigButtons(rig, mayAct && !pending, startOptions !== null);
  const paused = isPaused(rig);
  const failure = start.error ?? stop.error ?? pauseResume.error ?? mark.error;

  const forgetLastAnswer = () => {
    start.reset();
    stop.reset();
    pauseResume.reset();
    mark.reset();
  };
  const onStart = () => {
    if (!can.start || startOptions === null) return;
    forgetLastAnswer();
    start.mutate({ rig: rig.id, body: startOptions }, { onSuccess: onStarted });
  };
  const onPauseResume = () => {
    forgetLastAnswer();
    pauseResume.mutate({ rig: rig.id, action: paused ? 'resume' : 'pause' });
  };
  const onMark = () => {
    forgetLastAnswer();
    mark.mutate(rig.id);
  };
  const onStop = () => {
    forgetLastAnswer();
    stop.mutate(rig.id);
  };

  return (
    <div className="rig-card__controls" role="group" aria-label={t.rigs.controls(name)} aria-busy={pending}>
      <button
        type="button"
        className="btn btn--small btn--primary"
        onClick={onStart}
        disabled={!can.start}
        aria-describedby={describedBy}
      >
        <span className="btn__icon btn__icon--rec" aria-hidden="true" />
        {t.rigs.start}
      </button>
      <button
        type="button"
        className="btn btn--small btn--ghost"
        onClick={onPauseResume}
        disabled={!can.pauseResume}
        aria-describedby={describedBy}
      >
        <span className={`btn__icon ${paused ? 'btn__icon--play' : 'btn__icon--pause'}`} aria-hidden="true" />
        {paused ? t.rigs.resume : t.rigs.pause}
      </button>
      <button
        type="button"
        className="btn btn--small btn--marker"
        onClick={onMark}
        disabled={!can.marker}
        aria-describedby={describedBy}
      >
        <span className="btn__icon btn__icon--marker" aria-hidden="true" />
        {t.rigs.marker}
      </button>
      <button
        type="button"
        className="btn btn--small btn--danger"
        onClick={onStop}
        disabled={!can.stop}
        aria-describedby={describedBy}
      >
        <span className="btn__icon btn__icon--stop" aria-hidden="true" />
        {t.rigs.stop}
      </button>
      {failure && (
        <p className="notice notice--bad rig-card__failure" role="alert" data-testid="rig-error">
          {errorMessage(failure, t)}
        </p>
      )}
    </div>
  );
}
