import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../config/constants';
import {
  activeStatus,
  healthConnected,
  healthDegraded,
  healthObsDown,
  healthWithAuth,
  makeCompleted,
  makeJob,
  makeSession,
  recordingsPage,
  makeStartResult,
} from '../test/fixtures';
import type { Routes } from '../test/mockServer';
import { renderWithApp } from '../test/render';
import { Dashboard } from './Dashboard';

const needsToken = { status: 401, body: { error: 'Authentification requise', auth_required: true } };

function renderDashboard(options: Parameters<typeof renderWithApp>[1] = {}) {
  return renderWithApp(<Dashboard />, { ...options, realtime: false });
}

describe('<Dashboard />', () => {
  it('titles the page StreamAI and shows the OBS connection live', async () => {
    const { serverEmit } = renderDashboard();
    expect(screen.getByRole('heading', { level: 1, name: 'StreamAI' })).toBeInTheDocument();
    const pill = screen.getByTestId('obs-connection');
    await waitFor(() => expect(pill).toHaveTextContent('OBS connecté'));

    await serverEmit('obs_connection', { connected: false, state: 'reconnecting', error: null });
    expect(pill).toHaveTextContent('OBS en reconnexion…');
    await serverEmit('obs_connection', { connected: false, state: 'disconnected', error: 'Connection refused' });
    expect(pill).toHaveTextContent('OBS déconnecté');
    expect(screen.getByRole('log')).toHaveTextContent('OBS déconnecté : Connection refused');
  });

  it('joins the room on every connect and shows the banner while the socket is down', async () => {
    const { socket } = renderDashboard();
    await waitFor(() => expect(screen.getByTestId('obs-connection')).toHaveTextContent('OBS connecté'));
    expect(socket.emittedNames()).toEqual(['join_recording_updates']);
    expect(screen.queryByText('Serveur injoignable — reconnexion…')).not.toBeInTheDocument();

    act(() => socket.drop());
    expect(screen.getByRole('alert')).toHaveTextContent('Serveur injoignable — reconnexion…');
    expect(screen.getByRole('button', { name: "Démarrer l'enregistrement" })).toBeDisabled();

    act(() => socket.reconnect());
    expect(screen.queryByText('Serveur injoignable — reconnexion…')).not.toBeInTheDocument();
    expect(socket.emittedNames()).toEqual(['join_recording_updates', 'join_recording_updates']);
    await waitFor(() => expect(screen.getByRole('button', { name: "Démarrer l'enregistrement" })).toBeEnabled());
  });

  it('says when the server is degraded, with the reason /api/health gives, until it recovers', async () => {
    const { server, queryClient } = renderDashboard({ routes: { 'GET /api/health': { body: healthDegraded } } });
    expect(await screen.findByTestId('storage-banner')).toHaveTextContent(
      'Serveur dégradé : le dossier des enregistrements ou la base de données est inutilisable — /recordings is not writable',
    );
    expect(screen.getByTestId('storage-health')).toHaveTextContent('Stockage indisponible');
    expect(screen.getByTestId('storage-health')).toHaveAttribute('title', '/recordings is not writable');
    expect(screen.queryByTestId('server-banner')).not.toBeInTheDocument();

    server.set('GET /api/health', { body: healthConnected });
    await act(() => queryClient.refetchQueries({ queryKey: ['health'] }));
    expect(screen.queryByTestId('storage-banner')).not.toBeInTheDocument();
    expect(screen.queryByTestId('storage-health')).not.toBeInTheDocument();
  });

  it('shows the banner when REST fails and clears it when the server answers again', async () => {
    const { server, queryClient } = renderDashboard({
      routes: { 'GET /api/health': () => Promise.reject(new TypeError('Failed to fetch')) },
    });
    expect(await screen.findByText('Serveur injoignable — reconnexion…')).toBeInTheDocument();

    server.set('GET /api/health', { body: healthConnected });
    await act(() => queryClient.refetchQueries({ queryKey: ['health'] }));
    await waitFor(() => expect(screen.queryByText('Serveur injoignable — reconnexion…')).not.toBeInTheDocument());
  });

  it('asks once for a token after a 401, then sends it to REST and the socket', async () => {
    const { server, socket, user } = renderDashboard({
      routes: {
        'GET /api/integrated/recording/status': needsToken,
        'GET /api/integrated/recordings': needsToken,
        'GET /api/integrated/uploads': needsToken,
      },
    });
    const input = await screen.findByLabelText("Jeton d'accès");
    expect(screen.getAllByRole('dialog')).toHaveLength(1);

    server.set('GET /api/integrated/recording/status', { body: { active: false } });
    server.set('GET /api/integrated/recordings', { body: recordingsPage([]) });
    server.set('GET /api/integrated/uploads', { body: { uploads: [], count: 0 } });
    await user.type(input, 'mon-jeton');
    await user.click(screen.getByRole('button', { name: 'Valider' }));

    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('mon-jeton');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(socket.disconnectCalls).toBe(1);
    expect(socket.connected).toBe(true);
    await waitFor(() =>
      expect(server.calls('GET', '/api/integrated/recording/status').at(-1)?.headers.authorization).toBe(
        'Bearer mon-jeton',
      ),
    );
    expect(await screen.findByText('Aucun enregistrement pour le moment.')).toBeInTheDocument();
  });

  it('asks for the token first when /api/health says one is required', async () => {
    const { server, socket, user } = renderDashboard({
      routes: { 'GET /api/health': { body: { ...healthConnected, auth_required: true } } },
    });
    const input = await screen.findByLabelText("Jeton d'accès");
    // Nothing protected was tried without it: no 401s, no refused socket.
    expect(server.requests.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/health']));
    expect(server.requests.every((r) => r.path === '/api/health')).toBe(true);
    expect(socket.connectCalls).toBe(0);

    await user.type(input, 'abc');
    await user.click(screen.getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(server.calls('GET', '/api/integrated/uploads')).toHaveLength(1));
    expect(server.calls('GET', '/api/integrated/uploads')[0].headers.authorization).toBe('Bearer abc');
    expect(socket.connected).toBe(true);
    expect(socket.emittedNames()).toEqual(['join_recording_updates']);
  });

  it('asks for a token when the socket is refused as unauthorized', async () => {
    const { socket } = renderDashboard();
    act(() => socket.failConnect('unauthorized: invalid token'));
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    expect(screen.getByLabelText("Jeton d'accès")).toBeInTheDocument();
    expect(screen.queryByText('Serveur injoignable — reconnexion…')).not.toBeInTheDocument();
  });

  it('logs room events newest first', async () => {
    const { serverEmit } = renderDashboard();
    await serverEmit('recording_started', { result: makeStartResult({ session_name: 'Demo', started_by: 'obs' }) });
    await serverEmit('upload_completed', makeCompleted({ job_id: 1, session_name: 'Demo', task_id: 'T-1' }));
    await serverEmit('error', { message: 'Disque plein' });
    const items = within(screen.getByRole('log')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Erreur du service : Disque plein'),
      expect.stringContaining('Upload terminé : Demo — Task ID T-1'),
      expect.stringContaining('Enregistrement démarré : Demo (Fenêtre OBS)'),
    ]);
  });

  it('hands each card what it shows of another feature', async () => {
    const job = makeJob({ id: 21, session_name: 'session_002', manual: true });
    const { user } = renderDashboard({
      routes: {
        'GET /api/integrated/recording/status': { body: { ...activeStatus, session_name: 'session_001' } },
        'GET /api/integrated/recordings': {
          body: recordingsPage([makeSession(2), makeSession(1)]),
        },
        'POST /api/integrated/upload/manual': { status: 202, body: { success: true, job } },
      },
    });
    const [row2, row1] = await screen.findAllByTestId('recording-row');
    // The session being recorded cannot be uploaded yet.
    await waitFor(() => expect(within(row1).getByRole('button', { name: 'Envoyer' })).toBeDisabled());
    expect(screen.getByText('Aucun upload pour le moment.')).toBeInTheDocument();

    await user.click(within(row2).getByRole('button', { name: 'Envoyer' }));
    // The queued job shows at once in the row, the latest-upload card and the queue.
    await waitFor(() => expect(within(row2).getByText('En file', { selector: '.pill' })).toBeInTheDocument());
    expect(screen.getByTestId('latest-upload')).toHaveTextContent('session_002');
    expect(within(screen.getByTestId('upload-job')).getByText('session_002')).toBeInTheDocument();
  });

  it('guides the first run while OBS is not connected, and stops saying « Prêt »', async () => {
    const { serverEmit } = renderDashboard({ routes: { 'GET /api/health': { body: healthObsDown } } });
    const guide = await screen.findByTestId('obs-guide');
    expect(guide).toHaveTextContent('Outils → Paramètres du serveur WebSocket');
    expect(screen.getByTestId('recording-state')).toHaveTextContent('OBS non connecté');
    expect(screen.getByTestId('recording-state')).not.toHaveTextContent('Prêt');
    expect(screen.getByRole('button', { name: "Démarrer l'enregistrement" })).toBeDisabled();

    await serverEmit('obs_connection', { connected: true, state: 'connected', error: null });
    expect(screen.queryByTestId('obs-guide')).not.toBeInTheDocument();
    expect(screen.getByTestId('recording-state')).toHaveTextContent('Prêt');
    await waitFor(() => expect(screen.getByRole('button', { name: "Démarrer l'enregistrement" })).toBeEnabled());
  });

  it('switches between French and English', async () => {
    const { user } = renderDashboard();
    expect(screen.getByRole('heading', { name: 'Enregistrement Intégré' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'EN' }));
    expect(screen.getByRole('heading', { name: 'Integrated Recording' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start recording' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    await user.click(screen.getByRole('button', { name: 'FR' }));
    expect(screen.getByRole('button', { name: "Démarrer l'enregistrement" })).toBeInTheDocument();
  });
});

describe('<Dashboard /> roles', () => {
  const READ_ONLY = "Lecture seule : ce jeton permet de suivre l'enregistrement, pas de le piloter.";
  const jobs = [
    makeJob({ id: 1, session_name: 'session_001', state: 'failed', last_error: 'HTTP 500' }),
    makeJob({ id: 2, session_name: 'session_002', state: 'queued', created_at: '2025-07-08T10:06:00' }),
  ];
  const routes = (role: 'operator' | 'viewer'): Routes => ({
    'GET /api/health': { body: healthWithAuth },
    'GET /api/auth': { body: { role, auth_required: true } },
    'GET /api/integrated/recordings': { body: recordingsPage([makeSession(1)]) },
    'GET /api/integrated/uploads': { body: { uploads: jobs, count: 2 } },
  });

  function renderAs(role: 'operator' | 'viewer', extra: Routes = {}) {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, `${role}-token`);
    return renderDashboard({ routes: { ...routes(role), ...extra } });
  }

  const controls = () => [
    screen.getByRole('button', { name: "Démarrer l'enregistrement" }),
    screen.getByRole('button', { name: "Arrêter l'enregistrement" }),
    screen.getByLabelText('Nom de session (optionnel)'),
    screen.getByLabelText('Upload automatique (recommandé)'),
    screen.getByLabelText('Modèle de sous-titres'),
    screen.getByLabelText('Priorité'),
    screen.getByLabelText('Modèle pour session_001'),
    screen.getByLabelText('Priorité pour session_001'),
    screen.getByRole('button', { name: 'Envoyer' }),
    screen.getByRole('button', { name: "Relancer l'envoi de session_001" }),
    screen.getByRole('button', { name: "Annuler l'envoi de session_002" }),
  ];

  it('shows a viewer everything live, with every control disabled and the reason beside them', async () => {
    const { server, user, serverEmit } = renderAs('viewer');
    expect(await screen.findByTestId('recording-row')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByText(READ_ONLY)).toHaveLength(3)); // recording, recordings, queue
    for (const control of controls()) expect(control).toBeDisabled();
    expect(screen.getByRole('button', { name: "Démarrer l'enregistrement" })).toHaveAccessibleDescription(READ_ONLY);
    expect(screen.getByRole('button', { name: 'Envoyer' })).toHaveAccessibleDescription(READ_ONLY);
    expect(server.calls('GET', '/api/auth')[0].headers.authorization).toBe('Bearer viewer-token');

    // Live updates still arrive.
    await serverEmit('recording_status_update', { status: activeStatus });
    expect(screen.getByTestId('timecode')).toHaveTextContent('00:01:05');
    expect(screen.getByRole('log')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'EN' }));
    expect(screen.getAllByText('Read-only: this token lets you follow recording, not control it.')).toHaveLength(3);
  });

  it('lets an operator use every control, with no read-only note', async () => {
    renderAs('operator');
    expect(await screen.findByTestId('recording-row')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: "Démarrer l'enregistrement" })).toBeEnabled());
    const [start, stop, ...others] = controls();
    expect(start).toBeEnabled();
    expect(stop).toBeDisabled(); // nothing is recording
    for (const control of others) expect(control).toBeEnabled();
    expect(screen.queryByText(READ_ONLY)).not.toBeInTheDocument();
  });

  it('enables no control on a role it could not learn', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 'some-token');
    const { server } = renderDashboard({
      routes: { 'GET /api/health': { body: healthWithAuth }, 'GET /api/auth': { status: 404, body: { error: 'no' } } },
    });
    await waitFor(() => expect(server.calls('GET', '/api/auth')).toHaveLength(1));
    await waitFor(() => expect(server.calls('GET', '/api/integrated/recording/status')).toHaveLength(1));
    expect(screen.getByRole('button', { name: "Démarrer l'enregistrement" })).toBeDisabled();
  });

  it('does not ask /api/auth when the server has no token', async () => {
    const { server } = renderDashboard();
    await waitFor(() => expect(screen.getByRole('button', { name: "Démarrer l'enregistrement" })).toBeEnabled());
    expect(screen.queryByRole('button', { name: 'Changer de jeton' })).not.toBeInTheDocument();
    expect(server.calls('GET', '/api/auth')).toHaveLength(0);
  });

  it('shows the server’s sentence on a 403 and turns the controls read-only', async () => {
    const refused = {
      error: 'Starting a recording needs the operator role; this token is a viewer’s.',
      required_role: 'operator',
      role: 'viewer',
    };
    const { user } = renderAs('operator', { 'POST /api/integrated/recording/start': { status: 403, body: refused } });
    const start = screen.getByRole('button', { name: "Démarrer l'enregistrement" });
    await waitFor(() => expect(start).toBeEnabled());
    await user.click(start);
    expect(await screen.findByText(refused.error)).toHaveAttribute('role', 'alert');
    await waitFor(() => expect(start).toBeDisabled());
    expect(screen.getAllByText(READ_ONLY).length).toBeGreaterThan(0);
  });

  it('switches from a viewer’s token to an operator’s with « Changer de jeton »', async () => {
    const { server, user, socket } = renderAs('viewer');
    await waitFor(() => expect(screen.getAllByText(READ_ONLY)).toHaveLength(3));

    // Opened, then left alone: nothing changes.
    await user.click(screen.getByRole('button', { name: 'Changer de jeton' }));
    expect(screen.getByRole('dialog', { name: 'Changer de jeton' })).toBeInTheDocument();
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('viewer-token');

    server.set('GET /api/auth', (req) => ({
      body: { role: req.headers.authorization === 'Bearer op-token' ? 'operator' : 'viewer', auth_required: true },
    }));
    await user.click(screen.getByRole('button', { name: 'Changer de jeton' }));
    await user.type(screen.getByLabelText("Jeton d'accès"), 'op-token');
    await user.click(screen.getByRole('button', { name: 'Valider' }));

    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('op-token');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: "Démarrer l'enregistrement" })).toBeEnabled());
    expect(screen.queryByText(READ_ONLY)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: "Relancer l'envoi de session_001" })).toBeEnabled();
    expect(server.calls('GET', '/api/auth').at(-1)?.headers.authorization).toBe('Bearer op-token');
    expect(socket.disconnectCalls).toBe(1); // reconnected with the new token
    expect(socket.connected).toBe(true);
  });
});
