// One key per server resource; REST queries fill these and socket events patch the same entries.
export const queryKeys = {
  health: ['health'] as const,
  recordingStatus: ['recording', 'status'] as const,
  recordings: ['recordings'] as const,
  uploads: ['uploads'] as const,
};

/** Page size of the recordings list ("Charger plus" loads the next page). */
export const RECORDINGS_PAGE_SIZE = 10;
/** How many upload jobs the dashboard keeps (GET /api/integrated/uploads?limit=…). */
export const UPLOADS_LIMIT = 20;
