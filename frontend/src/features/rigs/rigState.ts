// What a rig's state allows, and what « Tout enregistrer » sends: pure functions of the rigs.
import type { RigState, StartRecordingBody } from '../../types';

/** Recording or paused: it can be paused, resumed and marked. */
export const isRunning = (rig: RigState): boolean => rig.state === 'recording' || rig.state === 'paused';

export const isPaused = (rig: RigState): boolean => rig.state === 'paused' || rig.obs_status?.paused === true;

/** The server accepts a stop (a stop that failed may be tried again). */
export const isStoppable = (rig: RigState): boolean => isRunning(rig) || rig.state === 'stop_failed';

/** A session is under way on it (starting, recording, paused, closing). */
export const isBusy = (rig: RigState): boolean => rig.state !== 'idle';

export interface RigButtons {
  start: boolean;
  stop: boolean;
  pauseResume: boolean;
  marker: boolean;
}

/**
 * Which of a rig's buttons make sense now. `mayAct`: an operator's page with the server reachable
 * and no request of this rig under way; `optionsValid`: the start form holds a valid start.
 */
export function rigButtons(rig: RigState, mayAct: boolean, optionsValid: boolean): RigButtons {
  const connected = rig.obs.connected;
  return {
    start: mayAct && optionsValid && connected && rig.state === 'idle',
    stop: mayAct && isStoppable(rig),
    pauseResume: mayAct && connected && isRunning(rig),
    marker: mayAct && connected && isRunning(rig),
  };
}

/** The ticked rigs, in the server's order. */
export const tickedRigs = (rigs: readonly RigState[], unticked: ReadonlySet<string>): RigState[] =>
  rigs.filter((rig) => !unticked.has(rig.id));

/** The body's `rigs` for the ticked rigs: "all" when every rig is ticked, else their ids. */
export function recordAllTarget(rigs: readonly RigState[], unticked: ReadonlySet<string>): StartRecordingBody['rigs'] {
  const ticked = tickedRigs(rigs, unticked);
  return ticked.length === rigs.length ? 'all' : ticked.map((rig) => rig.id);
}
