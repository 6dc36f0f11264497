/** Header that lets the server record `started_by: "dashboard"`. */
export const CLIENT_HEADER = { 'X-StreamAI-Client': 'dashboard' } as const;
