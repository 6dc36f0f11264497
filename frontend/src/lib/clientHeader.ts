/** Header that lets the server record `started_by: "dashboard"` (every start and stop the page sends). */
export const CLIENT_HEADER = { 'X-StreamAI-Client': 'dashboard' } as const;
