import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useAppState, useAppStore } from '../../../hooks/useAppState';
import { useI18n } from '../../../i18n/useI18n';
import { writeToken } from '../../../lib/authToken';
import { queryKeys } from '../../../lib/queryKeys';
import { reconnectSocket } from '../../../lib/socket';

/**
 * Asks for the access token after a 401 (or a refused socket), one dialog however many calls failed;
 * also opened by « Changer de jeton », where it can be dismissed since the current token still works.
 */
export function TokenPrompt() {
  const { t } = useI18n();
  const ids = useId();
  const store = useAppStore();
  const queryClient = useQueryClient();
  const prompt = useAppState((s) => s.authPrompt);
  const [token, setToken] = useState('');

  if (prompt === 'hidden') return null;
  const changing = prompt === 'change';

  const close = () => {
    setToken('');
    store.set({ authPrompt: 'hidden' });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) return;
    writeToken(value);
    setToken('');
    store.set({ authPrompt: 'hidden', hasToken: true });
    // The role was the old token's: forget it, so no control is enabled on its word.
    void queryClient.resetQueries({ queryKey: queryKeys.auth });
    // Everything that failed with 401 is asked again; the socket (re)connects with auth: {token}.
    reconnectSocket();
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.auth[0] });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (changing && event.key === 'Escape') close();
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-desc`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${ids}-title`}>{changing ? t.auth.change : t.auth.title}</h2>
        <p id={`${ids}-desc`} className="muted">
          {t.auth.explain}
        </p>
        {prompt === 'rejected' && (
          <p className="notice notice--bad" role="alert">
            {t.auth.rejected}
          </p>
        )}
        <form onSubmit={onSubmit} className="modal__form">
          <label htmlFor={`${ids}-token`}>{t.auth.label}</label>
          <input
            id={`${ids}-token`}
            type="password"
            autoComplete="current-password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            autoFocus
            required
          />
          <div className="modal__actions">
            {changing && (
              <button type="button" className="btn btn--ghost" onClick={close}>
                {t.auth.cancel}
              </button>
            )}
            <button type="submit" className="btn btn--primary" disabled={!token.trim()}>
              {t.auth.submit}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
