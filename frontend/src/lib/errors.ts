import type { Messages } from '../i18n/messages';
import { isApiError } from './apiClient';

/** The sentence to show for a failed call: the server's own `{error}` text when it gave one. */
export function errorMessage(error: unknown, t: Messages): string {
  if (isApiError(error)) return error.kind === 'network' ? t.connection.unreachable : error.message;
  if (error instanceof Error && error.message) return error.message;
  return t.common.unknownError;
}
