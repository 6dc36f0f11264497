// The access token lives in localStorage so every tab (and a reload) reuses it once entered.
import { TOKEN_STORAGE_KEY } from '../config/constants';

export function readToken(): string | null {
  try {
    const value = window.localStorage.getItem(TOKEN_STORAGE_KEY);
    return value ? value : null;
  } catch {
    // Storage can be unavailable (privacy mode); the dashboard still works without a token.
    return null;
  }
}

export function writeToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
    else window.localStorage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    /* see readToken */
  }
}
