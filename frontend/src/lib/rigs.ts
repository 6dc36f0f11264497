// What the page knows of the rigs (the OBS instances of a rigs file): GET /api/rigs, kept fresh by
// rigs_update. Shared because every feature's events carry their rig: the event log names it, and
// only the default rig's news concerns what /api/health and the recording card show.
import type { QueryClient } from '@tanstack/react-query';
import type { RigsPage } from '../types';
import { queryKeys } from './queryKeys';

/** The one rig of a server without a rigs file. */
export const DEFAULT_RIG = 'default';

/** A rigs file with several OBS: the page shows the rig grid. */
export const isMultiRig = (page: RigsPage | undefined): boolean => (page?.rigs.length ?? 0) > 1;

/** "Caméra 2 (cam2)"; the id alone when the label is the id or the rig is unknown. */
export function rigName(page: RigsPage | undefined, rigId: string): string {
  const rig = page?.rigs.find((r) => r.id === rigId);
  return rig && rig.label !== rig.id ? `${rig.label} (${rig.id})` : rigId;
}

const cachedRigs = (queryClient: QueryClient) => queryClient.getQueryData<RigsPage>(queryKeys.rigs);

/** The rig an event is about, named for the event log; null with a single rig (nothing to tell apart). */
export function eventRigName(queryClient: QueryClient, rigId: string | null | undefined): string | null {
  const page = cachedRigs(queryClient);
  return rigId && isMultiRig(page) ? rigName(page, rigId) : null;
}

/** The event is about the default rig (the OBS of /api/health and of the guide's routes), or no rig. */
export function isDefaultRig(queryClient: QueryClient, rigId: string | null | undefined): boolean {
  return !rigId || rigId === (cachedRigs(queryClient)?.default_rig ?? DEFAULT_RIG);
}
