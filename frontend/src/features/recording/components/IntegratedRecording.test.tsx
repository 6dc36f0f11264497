import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  activeStatus,
  healthDegraded,
  healthObsDown,
  idleStatus,
  makeJob,
  makeStartResult,
  makeStopResult,
} from '../../../test/fixtures';
import { deferred } from '../../../test/mockServer';
import { renderWithApp } from '../../../test/render';
import { IntegratedRecording } from './IntegratedRecording';

const startOk = { body: makeStartResult({ session_name: 'Demo', session_path: '/r/Demo' }) };

function startButton() {
  return screen.getByRole('button', { name: "Démarrer l'enregistrement" });
}
function stopButton() {
  return screen.getByRole('button', { name: "Arrêter l'enregistrement" });
}

describe('<IntegratedRecording />', () => {
  it('shows the guide labels in French with the documented defaults', async () => {
    renderWithApp(<IntegratedRecording />);
    expect(screen.getByRole('heading', { name: 'Enregistrement Intégré' })).toBeInTheDocument();
    expect(screen.getByLabelText('Nom de session (optionnel)')).toHaveValue('');
    expect(screen.getByLabelText('Upload automatique (recommandé)')).toBeChecked();
    expect(screen.getByLabelText('Modèle de sous-titres')).toHaveValue('base');
    expect(screen.getByLabelText('Priorité')).toHaveValue(1);
    await waitFor(() => expect(startButton()).toBeEnabled());
    expect(stopButton()).toBeDisabled();
    expect(screen.getByTestId('timecode')).toHaveTextContent('00:00:00');
  });

  it('starts with the chosen options, the dashboard header, and disables both buttons in flight', async () => {
    const pending = deferred<typeof startOk>();
    const { user, server } = renderWithApp(<IntegratedRecording />, {
      routes: { 'POST /api/integrated/recording/start': () => pending.promise },
    });
    await waitFor(() => expect(startButton()).toBeEnabled());

    await user.type(screen.getByLabelText('Nom de session (optionnel)'), 'Demo');
    await user.click(screen.getByLabelText('Upload automatique (recommandé)'));
    await user.selectOptions(screen.getByLabelText('Modèle de sous-titres'), 'medium');
    await user.clear(screen.getByLabelText('Priorité'));
    await user.type(screen.getByLabelText('Priorité'), '4');
    await user.click(startButton());

    const [req] = server.calls('POST', '/api/integrated/recording/start');
    expect(req.body).toEqual({ sessionName: 'Demo', autoUpload: false, subtitleModel: 'medium', priority: 4 });
    expect(req.headers['x-streamai-client']).toBe('dashboard');
    expect(startButton()).toBeDisabled();
    expect(stopButton()).toBeDisabled();
    expect(screen.getByText('Démarrage…')).toBeInTheDocument();

    server.set('GET /api/integrated/recording/status', {
      body: { ...activeStatus, session_name: 'Demo', started_by: 'dashboard' },
    });
    await act(async () => {
      pending.resolve(startOk);
      await pending.promise;
    });
    await waitFor(() => expect(stopButton()).toBeEnabled());
    expect(startButton()).toBeDisabled();
    expect(screen.getByTestId('recording-session')).toHaveTextContent('Demo');
    expect(screen.getByTestId('started-by')).toHaveTextContent('Tableau de bord');
  });

  it('omits an empty session name', async () => {
    const { user, server } = renderWithApp(<IntegratedRecording />, {
      routes: { 'POST /api/integrated/recording/start': startOk },
    });
    await waitFor(() => expect(startButton()).toBeEnabled());
    await user.click(startButton());
    await waitFor(() => expect(server.calls('POST', '/api/integrated/recording/start')).toHaveLength(1));
    expect(server.calls('POST', '/api/integrated/recording/start')[0].body).toEqual({
      autoUpload: true,
      subtitleModel: 'base',
      priority: 1,
    });
  });

  it('refuses a priority outside 1..10', async () => {
    const { user } = renderWithApp(<IntegratedRecording />);
    await waitFor(() => expect(startButton()).toBeEnabled());
    await user.clear(screen.getByLabelText('Priorité'));
    await user.type(screen.getByLabelText('Priorité'), '11');
    expect(startButton()).toBeDisabled();
    expect(screen.getByText('La priorité doit être un entier entre 1 et 10.')).toBeInTheDocument();
  });

  it('disables the controls with the reason when OBS is disconnected', async () => {
    renderWithApp(<IntegratedRecording />, { routes: { 'GET /api/health': { body: healthObsDown } } });
    expect(await screen.findByText("OBS n'est pas connecté")).toBeInTheDocument();
    expect(startButton()).toBeDisabled();
    expect(stopButton()).toBeDisabled();
  });

  it('follows OBS reconnecting/connected from obs_connection events', async () => {
    const { serverEmit } = renderWithApp(<IntegratedRecording />);
    await waitFor(() => expect(startButton()).toBeEnabled());
    await serverEmit('obs_connection', { connected: false, state: 'reconnecting', error: null });
    expect(screen.getByText('OBS se reconnecte…')).toBeInTheDocument();
    expect(startButton()).toBeDisabled();
    await serverEmit('obs_connection', { connected: true, state: 'connected', error: null });
    expect(startButton()).toBeEnabled();
  });

  it('shows a running recording and updates it from recording_status_update', async () => {
    const { serverEmit } = renderWithApp(<IntegratedRecording />, {
      routes: { 'GET /api/integrated/recording/status': { body: activeStatus } },
    });
    expect(await screen.findByText('Enregistrement en cours')).toBeInTheDocument();
    expect(screen.getByTestId('timecode')).toHaveTextContent('00:01:05');
    expect(screen.getByTestId('recording-size')).toHaveTextContent('5,0 MB');
    expect(screen.getByTestId('started-by')).toHaveTextContent('Fenêtre OBS');
    await waitFor(() => expect(stopButton()).toBeEnabled());
    expect(startButton()).toBeDisabled();

    await serverEmit('recording_status_update', {
      status: {
        ...activeStatus,
        obs_status: {
          active: true,
          paused: false,
          timecode: '01:02:03.456',
          bytes: 1536,
          duration_ms: 3723456,
          error: null,
        },
      },
    });
    expect(screen.getByTestId('timecode')).toHaveTextContent('01:02:03');
    expect(screen.getByTestId('recording-size')).toHaveTextContent('1,5 KB');
  });

  it('shows the server sentence when a call fails', async () => {
    const { user } = renderWithApp(<IntegratedRecording />, {
      routes: {
        'POST /api/integrated/recording/start': {
          status: 503,
          body: { error: 'OBS est injoignable (localhost:4455)' },
        },
      },
    });
    await waitFor(() => expect(startButton()).toBeEnabled());
    await user.click(startButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('OBS est injoignable (localhost:4455)');
  });

  it('stops, then lists the files and the queued upload', async () => {
    const job = makeJob();
    const { user, server } = renderWithApp(<IntegratedRecording />, {
      routes: {
        'GET /api/integrated/recording/status': { body: activeStatus },
        'POST /api/integrated/recording/stop': {
          body: makeStopResult({
            files: [
              {
                name: 'video.mkv',
                path: '/r/video.mkv',
                relative_path: 'video.mkv',
                size_bytes: 2 * 1024 * 1024,
                duration_s: 65,
              },
            ],
            upload_result: { queued: true, job },
          }),
        },
      },
    });
    await waitFor(() => expect(stopButton()).toBeEnabled());
    server.set('GET /api/integrated/recording/status', { body: idleStatus });
    server.set('GET /api/integrated/uploads', { body: { uploads: [job], count: 1 } });
    await user.click(stopButton());

    const summary = await screen.findByTestId('stop-summary');
    expect(within(summary).getByText('video.mkv')).toBeInTheDocument();
    expect(within(summary).getByText('1 min 05 s')).toBeInTheDocument();
    expect(within(summary).getByText('Upload mis en file d’attente')).toBeInTheDocument();
    expect(server.calls('POST', '/api/integrated/recording/stop')[0].headers['x-streamai-client']).toBe('dashboard');
    await waitFor(() => expect(startButton()).toBeEnabled());
  });

  it('says why a stop failed, waits while the session is being closed, and lets the operator stop again', async () => {
    const { serverEmit } = renderWithApp(<IntegratedRecording />, {
      routes: { 'GET /api/integrated/recording/status': { body: activeStatus } },
    });
    await waitFor(() => expect(stopButton()).toBeEnabled());

    await serverEmit('recording_status_update', { status: { ...activeStatus, state: 'stopping', stopping: true } });
    expect(stopButton()).toBeDisabled();
    expect(screen.getByText('Arrêt en cours (finalisation du fichier)…')).toBeInTheDocument();

    const stopError = 'the file could not be moved into the session folder';
    await serverEmit('recording_status_update', {
      status: { ...activeStatus, state: 'stop_failed', stopping: false, stop_error: stopError },
    });
    expect(screen.getByTestId('stop-error')).toHaveTextContent(`L'arrêt n'a pas pu être finalisé : ${stopError}`);
    expect(stopButton()).toBeEnabled();
  });

  it('does not start a recording the server could not write, but still stops a running one', async () => {
    const { serverEmit } = renderWithApp(<IntegratedRecording />, {
      routes: { 'GET /api/health': { body: healthDegraded } },
    });
    expect(await screen.findByText('Stockage du serveur indisponible')).toBeInTheDocument();
    expect(startButton()).toBeDisabled();

    await serverEmit('recording_status_update', { status: activeStatus });
    expect(stopButton()).toBeEnabled();
  });
});
