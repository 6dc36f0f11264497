import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useAppState, useAppStore } from '../../../hooks/useAppState';
import { useI18n } from '../../../i18n/useI18n';
import { writeToken } from '../../../lib/authToken';
import { reconnectSocket } from '../../../lib/socket';

/** Asks for the access token after a 401 (or a refused socket); one dialog however many calls failed. */
export function TokenPrompt() {
  const { t } = useI18n();
  const ids = useId();
  const store = useAppStore();
  const queryClient = useQueryClient();
  const prompt = useAppState((s) => s.authPrompt);
  const [token, setToken] = useState('');

  if (prompt === 'hidden') return null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) return;
    writeToken(value);
    setToken('');
    store.set({ authPrompt: 'hidden', hasToken: true });
    // Everything that failed with 401 is asked again; the socket (re)connects with auth: {token}.
    reconnectSocket();
    void queryClient.invalidateQueries();
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-desc`}
      >
        <h2 id={`${ids}-title`}>{t.auth.title}</h2>
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
          <button type="submit" className="btn btn--primary" disabled={!token.trim()}>
            {t.auth.submit}
          </button>
        </form>
      </div>
    </div>
  );
}
