import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { activeStatus, healthDegraded, makeStartResult, makeStopResult, recordingRig, twoRigs } from '../test/fixtures';
import type { Routes } from '../test/mockServer';
import { renderWithApp } from '../test/render';
import { Dashboard } from './Dashboard';

function renderDashboard(routes: Routes = {}) {
  return renderWithApp(<Dashboard />, { routes, realtime: false });
}

describe('<Dashboard /> and the rigs', () => {
  it('shows no rig grid to a server with one OBS: the page is the one it always was', async () => {
    const { server } = renderDashboard();
    await waitFor(() => expect(server.calls('GET', '/api/rigs')).toHaveLength(1));
    await waitFor(() => expect(screen.getByRole('button', { name: "Démarrer l'enregistrement" })).toBeEnabled());
    expect(screen.queryByTestId('rig-grid')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tout enregistrer' })).not.toBeInTheDocument();
    expect(document.querySelector('main')).toHaveClass('layout', { exact: true });
  });

  it('asks nothing more of /api/rigs with one OBS when recordings start and stop', async () => {
    const { server, serverEmit } = renderDashboard();
    await waitFor(() => expect(server.calls('GET', '/api/rigs')).toHaveLength(1));
    await serverEmit('recording_started', { result: makeStartResult() });
    await serverEmit('recording_stopped', { result: makeStopResult() });
    await serverEmit('obs_connection', { connected: false, state: 'reconnecting', error: null });
    await waitFor(() => expect(server.calls('GET', '/api/health').length).toBeGreaterThan(0));
    expect(server.calls('GET', '/api/rigs')).toHaveLength(1);
  });

  it('refuses a rig’s start, like « Tout enregistrer », while the server’s storage is unusable', async () => {
    renderDashboard({ 'GET /api/rigs': { body: twoRigs }, 'GET /api/health': { body: healthDegraded } });
    const grid = await screen.findByTestId('rig-grid');
    await waitFor(() => expect(within(grid).getByText('Stockage du serveur indisponible')).toBeInTheDocument());
    expect(within(grid).getByRole('button', { name: 'Tout enregistrer' })).toBeDisabled();
    for (const start of within(grid).getAllByRole('button', { name: 'Démarrer' })) expect(start).toBeDisabled();
  });

  it('shows the grid with several rigs; « Tout enregistrer » takes the start form’s options and empties its name', async () => {
    const { server, user } = renderDashboard({
      'GET /api/rigs': { body: twoRigs },
      'POST /api/integrated/recording/start': { body: makeStartResult({ session_name: 'Duo' }) },
    });
    const grid = await screen.findByTestId('rig-grid');
    expect(document.querySelector('main')).toHaveClass('layout--rigs');
    expect(within(grid).getAllByTestId('rig-card')).toHaveLength(2);

    await user.type(screen.getByLabelText('Nom de session (optionnel)'), 'Duo');
    await user.click(screen.getByLabelText('Upload automatique (recommandé)'));
    await user.selectOptions(screen.getByLabelText('Modèle de sous-titres'), 'medium');
    await user.clear(screen.getByLabelText('Priorité'));
    await user.type(screen.getByLabelText('Priorité'), '4');
    await waitFor(() => expect(within(grid).getByRole('button', { name: 'Tout enregistrer' })).toBeEnabled());
    await user.click(within(grid).getByRole('button', { name: 'Tout enregistrer' }));

    await waitFor(() => expect(server.calls('POST', '/api/integrated/recording/start')).toHaveLength(1));
    expect(server.calls('POST', '/api/integrated/recording/start')[0].body).toEqual({
      sessionName: 'Duo',
      autoUpload: false,
      subtitleModel: 'medium',
      priority: 4,
      rigs: 'all',
    });
    await waitFor(() => expect(screen.getByLabelText('Nom de session (optionnel)')).toHaveValue(''));
  });

  it('leaves the page’s OBS state to the default rig, and names the other rigs in the log', async () => {
    const { serverEmit } = renderDashboard({ 'GET /api/rigs': { body: twoRigs } });
    await screen.findByTestId('rig-grid');
    const pill = screen.getByTestId('obs-connection');
    await waitFor(() => expect(pill).toHaveTextContent('OBS connecté'));

    await serverEmit('obs_connection', {
      connected: false,
      state: 'disconnected',
      error: 'Connection refused',
      rig: 'cam2',
    });
    expect(pill).toHaveTextContent('OBS connecté');
    expect(screen.queryByTestId('obs-guide')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: "Démarrer l'enregistrement" })).toBeEnabled();
    expect(screen.getByRole('log')).toHaveTextContent('Caméra 2 (cam2) · OBS déconnecté : Connection refused');

    await serverEmit('obs_connection', { connected: false, state: 'reconnecting', error: null, rig: 'cam1' });
    expect(pill).toHaveTextContent('OBS en reconnexion…');
    expect(screen.getByRole('log')).toHaveTextContent('Caméra 1 (cam1) · OBS : reconnexion…');
  });

  it('keeps the recording card on its session when another rig’s part of it stops', async () => {
    const duo = { ...activeStatus, session_name: 'duo', rig: 'cam1' };
    const recording = {
      ...twoRigs,
      rigs: [
        recordingRig({ id: 'cam1', label: 'Caméra 1', default: true }, 'duo'),
        recordingRig({ id: 'cam2', label: 'Caméra 2' }, 'duo'),
      ],
    };
    const { server, serverEmit } = renderDashboard({
      'GET /api/rigs': { body: recording },
      'GET /api/integrated/recording/status': { body: duo },
    });
    await waitFor(() => expect(screen.getByTestId('recording-session')).toHaveTextContent('duo'));

    await serverEmit('recording_stopped', { result: makeStopResult({ session_name: 'duo' }), rig: 'cam2' });
    expect(screen.getByTestId('recording-state')).toHaveTextContent('Enregistrement en cours');
    expect(screen.getByRole('log')).toHaveTextContent('Caméra 2 (cam2) · Enregistrement arrêté : duo');

    server.set('GET /api/integrated/recording/status', {
      body: { active: false, state: 'idle', message: 'No recording in progress', obs_connected: true },
    });
    await serverEmit('recording_stopped', { result: makeStopResult({ session_name: 'duo' }), rig: 'cam1' });
    expect(screen.getByTestId('recording-state')).toHaveTextContent('Prêt');
  });
});
