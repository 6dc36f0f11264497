// One key per server resource; REST queries fill these and socket events patch the same entries.
// Shared because features refresh each other's data (a finished upload changes the recordings list).
export const queryKeys = {
  health: ['health'] as const,
  auth: ['auth'] as const,
  recordingStatus: ['recording', 'status'] as const,
  recordings: ['recordings'] as const,
  uploads: ['uploads'] as const,
  /** Every rig (GET /api/rigs, then rigs_update), shared because every event names its rig. */
  rigs: ['rigs'] as const,
  /** A subtitles result's text, by its URL (a result file never changes under its URL). */
  subtitles: (url: string) => ['subtitles', url] as const,
};
