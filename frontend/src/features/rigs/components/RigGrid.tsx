import { useId, useState } from 'react';
import { useAccess } from '../../../hooks/useAccess';
import { useI18n } from '../../../i18n/useI18n';
import { isApiError } from '../../../lib/apiClient';
import { errorMessage } from '../../../lib/errors';
import { localeOf } from '../../../lib/format';
import { rigName } from '../../../lib/rigs';
import type { RigStartRecordingBody, RigsPage } from '../../../types';
import { useRecordAll } from '../api/recordAll';
import { useStopAll } from '../api/stopAll';
import { isBusy, isStoppable, recordAllTarget, tickedRigs } from '../rigState';
import { RigCard } from './RigCard';

interface RigGridProps {
  page: RigsPage;
  /** The start form's options (« Enregistrement Intégré »); null while they are invalid. */
  startOptions: RigStartRecordingBody | null;
  /** A start went through: the form's session name is used up. */
  onStarted: () => void;
}

/**
 * « Rigs OBS »: a card per OBS, ticked for the next « Tout enregistrer » (all of them at first);
 * « Tout arrêter » stops every rig of the current session. An error that names a rig says which.
 */
export function RigGrid({ page, startOptions, onStarted }: RigGridProps) {
  const { t, lang } = useI18n();
  const ids = useId();
  const { serverDown, authNeeded, storage, role } = useAccess();
  const readOnly = role === 'viewer';
  const mayAct = !serverDown && !authNeeded && role === 'operator';
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(() => new Set());
  const recordAll = useRecordAll();
  const stopAll = useStopAll();
  const pending = recordAll.isPending || stopAll.isPending;

  const ticked = tickedRigs(page.rigs, unticked);
  // A rig ticked for the next session is busy: say which, unless all of them are (that is plain to see).
  const alreadyBusy = ticked.every(isBusy) ? undefined : ticked.find(isBusy);
  const allBusy = ticked.length > 0 && ticked.every(isBusy);
  const connected = page.rigs.filter((rig) => rig.obs.connected).length;
  const reason = serverDown
    ? t.recording.reasonServer
    : authNeeded
      ? t.recording.reasonAuth
      : readOnly
        ? t.auth.readOnly
        : storage?.ok === false
          ? t.recording.reasonStorage
          : startOptions === null
            ? t.recording.priorityInvalid
            : ticked.length === 0
              ? t.rigs.noneSelected
              : alreadyBusy
                ? t.rigs.alreadyRecording(rigName(page, alreadyBusy.id))
                : null;
  const canRecordAll = mayAct && !pending && reason === null && !allBusy;
  // A rig's « Démarrer » waits like « Tout enregistrer » for valid options and usable storage.
  const rigStartOptions = storage?.ok === false ? null : startOptions;
  const canStopAll = mayAct && !pending && page.rigs.some(isStoppable);

  const failure = recordAll.error ?? stopAll.error;
  const faultyRig = isApiError(failure) ? (failure.body?.rig ?? null) : null;
  const started = recordAll.data;

  const tick = (rigId: string, on: boolean) =>
    setUnticked((previous) => {
      const next = new Set(previous);
      if (on) next.delete(rigId);
      else next.add(rigId);
      return next;
    });

  const onRecordAll = () => {
    if (!canRecordAll || startOptions === null) return;
    stopAll.reset();
    recordAll.mutate({ rigs: recordAllTarget(page.rigs, unticked), options: startOptions }, { onSuccess: onStarted });
  };
  const onStopAll = () => {
    if (!canStopAll) return;
    recordAll.reset();
    stopAll.mutate();
  };

  return (
    <section className="card card--rigs" aria-labelledby={`${ids}-h`} data-testid="rig-grid">
      <header className="card__header">
        <h2 id={`${ids}-h`}>{t.rigs.heading}</h2>
        <span className="muted" data-testid="rigs-connected">
          {t.rigs.count(connected, page.rigs.length)}
        </span>
      </header>
      <p className="rigs__intro">{t.rigs.intro}</p>

      <div className="actions rigs__actions">
        <button
          type="button"
          className="btn btn--primary"
          onClick={onRecordAll}
          disabled={!canRecordAll}
          aria-describedby={`${ids}-reason`}
        >
          <span className="btn__icon btn__icon--rec" aria-hidden="true" />
          {t.rigs.recordAll}
        </button>
        <button
          type="button"
          className="btn btn--danger"
          onClick={onStopAll}
          disabled={!canStopAll}
          aria-describedby={`${ids}-reason`}
        >
          <span className="btn__icon btn__icon--stop" aria-hidden="true" />
          {t.rigs.stopAll}
        </button>
        <span className="muted" data-testid="rigs-ticked">
          {t.rigs.selected(ticked.length, page.rigs.length)}
        </span>
        <span
          id={`${ids}-reason`}
          className={readOnly ? 'actions__note actions__note--info' : 'actions__note'}
          role="status"
        >
          {recordAll.isPending ? t.rigs.startingAll : stopAll.isPending ? t.rigs.stoppingAll : (reason ?? '')}
        </span>
      </div>

      {failure && (
        <p className="notice notice--bad" role="alert" data-testid="rigs-error" data-rig={faultyRig ?? undefined}>
          {faultyRig && <strong className="rigs__fault">{t.rigs.fault(rigName(page, faultyRig))}</strong>}
          {faultyRig && ' — '}
          {errorMessage(failure, t)}
        </p>
      )}
      {started && !pending && (
        <p className="notice notice--info" role="status" data-testid="rigs-started">
          {t.rigs.startedAll(
            started.session_name,
            started.rigs.length,
            started.start_skew_ms == null
              ? null
              : new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 }).format(started.start_skew_ms),
          )}
        </p>
      )}

      <ul className="rig-grid">
        {page.rigs.map((rig) => (
          <RigCard
            key={rig.id}
            rig={rig}
            name={rigName(page, rig.id)}
            ticked={!unticked.has(rig.id)}
            onTick={(on) => tick(rig.id, on)}
            mayAct={mayAct}
            startOptions={rigStartOptions}
            onStarted={onStarted}
            atFault={faultyRig === rig.id}
            describedBy={readOnly ? `${ids}-reason` : undefined}
          />
        ))}
      </ul>
    </section>
  );
}
