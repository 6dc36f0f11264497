// A session's files per rig (pure): with several OBS each rig records its own part of the session.
import { DEFAULT_RIG } from '../../lib/rigs';
import type { RecordedFile, RigPart, Session } from '../../types';

export interface RigFiles {
  rig: string;
  /** The rig's label when the session knows it, else its id. */
  label: string;
  /** The rig's part of the session (its status and start skew); null for a file of an unknown part. */
  part: RigPart | null;
  files: RecordedFile[];
}

/**
 * The files grouped per rig, in the session's rig order; null when the session comes from a
 * server without a rigs file (one OBS, the rig `default`): its files are shown as they always were.
 */
export function filesByRig(session: Session): RigFiles[] | null {
  const fileRigs = session.files.map((f) => f.rig);
  const partRigs = session.rigs.map((p) => p.rig);
  const rigs = [...new Set([...partRigs, ...fileRigs])];
  if (session.rigs.length <= 1 && rigs.every((rig) => rig === DEFAULT_RIG)) return null;
  return rigs.map((rig) => {
    const part = session.rigs.find((p) => p.rig === rig) ?? null;
    return { rig, label: part?.label ?? rig, part, files: session.files.filter((f) => f.rig === rig) };
  });
}

/** The first rig's files: the session's own time (the other rigs recorded the same moments). */
export function firstRigFiles(session: Session): RecordedFile[] {
  const first = session.rigs[0]?.rig ?? session.files[0]?.rig;
  return session.files.filter((f) => f.rig === first);
}
