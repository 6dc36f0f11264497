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
import { fr } from '../../../i18n/fr';
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
                rig: 'default',
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

describe('<IntegratedRecording /> pause, markers, disk', () => {
  const pauseButton = () => screen.getByTestId('pause-resume');
  const markerButton = () => screen.getByRole('button', { name: /^Marqueur/ });
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  const answer = (state: 'paused' | 'recording', paused_s = 0) => ({
    body: { success: true, message: `Recording ${state}`, session_name: 'Ma_Session_2025', state, paused_s },
  });
  const events = (store: ReturnType<typeof renderWithApp>['store']) => store.get().events.map((e) => e.text(fr, 'fr'));

  it('pauses and resumes, saying so on the button and the badge', async () => {
    const { user, server } = renderWithApp(<IntegratedRecording />, {
      routes: {
        'GET /api/integrated/recording/status': { body: activeStatus },
        'POST /api/integrated/recording/pause': answer('paused'),
        'POST /api/integrated/recording/resume': answer('recording', 3.5),
      },
    });
    await waitFor(() => expect(pauseButton()).toBeEnabled());
    expect(pauseButton()).toHaveTextContent('Pause');

    server.set('GET /api/integrated/recording/status', {
      body: { ...activeStatus, state: 'paused', pauses: [{ start: ago(2_000), end: null }], paused_s: 2 },
    });
    await user.click(pauseButton());
    expect(server.calls('POST', '/api/integrated/recording/pause')).toHaveLength(1);
    expect(server.calls('POST', '/api/integrated/recording/pause')[0].headers['x-streamai-client']).toBe('dashboard');
    await waitFor(() => expect(pauseButton()).toHaveTextContent('Reprendre'));
    await waitFor(() => expect(screen.getByTestId('recording-state')).toHaveTextContent(/^En pause — 00:00:0\d$/));
    expect(screen.getByTestId('paused-total')).toHaveTextContent(/^00:00:0\d$/);

    server.set('GET /api/integrated/recording/status', {
      body: { ...activeStatus, pauses: [{ start: ago(5_000), end: ago(1_500) }], paused_s: 3.5 },
    });
    await user.click(pauseButton());
    expect(server.calls('POST', '/api/integrated/recording/resume')).toHaveLength(1);
    await waitFor(() => expect(pauseButton()).toHaveTextContent('Pause'));
    expect(screen.getByTestId('recording-state')).toHaveTextContent('Enregistrement en cours');
    expect(screen.getByTestId('paused-total')).toHaveTextContent('00:00:03');
  });

  it('follows a pause made elsewhere (the OBS window) from the events, with the paused time', async () => {
    const { serverEmit, store } = renderWithApp(<IntegratedRecording />, {
      routes: { 'GET /api/integrated/recording/status': { body: activeStatus } },
    });
    await waitFor(() => expect(pauseButton()).toBeEnabled());
    await serverEmit('recording_paused', {
      session_name: 'Ma_Session_2025',
      paused_s: 60,
      message: 'paused',
      timestamp: ago(72_000),
    });
    expect(pauseButton()).toHaveTextContent('Reprendre');
    // The pause began 72 s ago: the badge counts it, the total adds it to the server's 60 s so far.
    await waitFor(() => expect(screen.getByTestId('recording-state')).toHaveTextContent(/^En pause — 00:01:1[23]$/));
    expect(screen.getByTestId('paused-total')).toHaveTextContent(/^00:01:1[23]$/);
    await serverEmit('recording_resumed', { session_name: 'Ma_Session_2025', paused_s: 72, message: 'resumed' });
    expect(pauseButton()).toHaveTextContent('Pause');
    expect(screen.getByTestId('paused-total')).toHaveTextContent('00:01:12');
    expect(events(store)).toEqual([
      'Enregistrement repris : Ma_Session_2025 (1 min 12 s en pause au total)',
      'Enregistrement en pause : Ma_Session_2025',
    ]);
  });

  it('shows the server’s sentence when a pause is refused', async () => {
    const { user } = renderWithApp(<IntegratedRecording />, {
      routes: {
        'GET /api/integrated/recording/status': { body: activeStatus },
        'POST /api/integrated/recording/pause': { status: 409, body: { error: 'the recording is already paused' } },
      },
    });
    await waitFor(() => expect(pauseButton()).toBeEnabled());
    await user.click(pauseButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('the recording is already paused');
  });

  it('offers pause and markers only while recording', async () => {
    renderWithApp(<IntegratedRecording />);
    await waitFor(() => expect(startButton()).toBeEnabled());
    expect(pauseButton()).toBeDisabled();
    expect(markerButton()).toBeDisabled();
    expect(screen.getByLabelText('Libellé du marqueur (optionnel)')).toBeDisabled();
  });

  it('adds a marker with its label, lists it and clears the field', async () => {
    const marker = { timecode_ms: 12_400, label: 'But !', at: '2025-07-08T10:00:13+02:00', rig: null };
    const { user, server } = renderWithApp(<IntegratedRecording />, {
      routes: {
        'GET /api/integrated/recording/status': { body: activeStatus },
        'POST /api/integrated/recording/marker': {
          body: { success: true, session_name: 'Ma_Session_2025', marker, chapter: false },
        },
      },
    });
    await waitFor(() => expect(markerButton()).toBeEnabled());
    expect(markerButton()).toHaveAttribute('aria-keyshortcuts', 'M');
    expect(markerButton()).toHaveAttribute('title', 'Ajouter un marqueur au moment présent (touche M)');
    expect(screen.getByText(/Aucun marqueur pour le moment/)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Libellé du marqueur (optionnel)'), 'But !');
    server.set('GET /api/integrated/recording/status', { body: { ...activeStatus, markers: [marker] } });
    await user.click(markerButton());
    expect(server.calls('POST', '/api/integrated/recording/marker')[0].body).toEqual({ label: 'But !' });
    const list = await screen.findByTestId('marker-list');
    expect(within(list).getByText('00:00:12')).toBeInTheDocument();
    expect(within(list).getByText('But !')).toBeInTheDocument();
    expect(screen.getByLabelText('Libellé du marqueur (optionnel)')).toHaveValue('');
    expect(screen.getAllByTestId('timeline-marker')).toHaveLength(1);
  });

  it('adds a marker with the M key, but not while typing in a field', async () => {
    const { user, server } = renderWithApp(<IntegratedRecording />, {
      routes: {
        'GET /api/integrated/recording/status': { body: activeStatus },
        'POST /api/integrated/recording/marker': {
          body: {
            success: true,
            session_name: 'Ma_Session_2025',
            marker: { timecode_ms: 3_000, label: null, at: '2025-07-08T10:00:03+02:00', rig: null },
            chapter: false,
          },
        },
      },
    });
    await waitFor(() => expect(markerButton()).toBeEnabled());
    await user.type(screen.getByLabelText('Libellé du marqueur (optionnel)'), 'mm');
    expect(server.calls('POST', '/api/integrated/recording/marker')).toHaveLength(0);
    await user.clear(screen.getByLabelText('Libellé du marqueur (optionnel)'));
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('{Control>}m{/Control}');
    expect(server.calls('POST', '/api/integrated/recording/marker')).toHaveLength(0);
    await user.keyboard('m');
    await waitFor(() => expect(server.calls('POST', '/api/integrated/recording/marker')).toHaveLength(1));
    expect(server.calls('POST', '/api/integrated/recording/marker')[0].body).toEqual({});
    expect(await screen.findByTestId('marker')).toHaveTextContent('00:00:03');
  });

  it('lists markers added by anyone, with a notification for each', async () => {
    const { serverEmit, store } = renderWithApp(<IntegratedRecording />, {
      routes: { 'GET /api/integrated/recording/status': { body: activeStatus } },
    });
    await waitFor(() => expect(markerButton()).toBeEnabled());
    await serverEmit('marker_added', {
      session_name: 'Ma_Session_2025',
      marker: { timecode_ms: 65_000, label: null, at: '2025-07-08T10:01:05+02:00', rig: null },
    });
    await serverEmit('marker_added', {
      session_name: 'Ma_Session_2025',
      marker: { timecode_ms: 5_000, label: 'Intro', at: '2025-07-08T10:00:05+02:00', rig: null },
    });
    const items = screen.getAllByTestId('marker');
    expect(items.map((li) => li.textContent)).toEqual(['00:00:05Intro', '00:01:05']);
    expect(events(store)).toEqual(['Marqueur à 00:00:05 : Intro', 'Marqueur à 00:01:05']);
  });

  it('shows free space and minutes left, then warns when the disk runs low', async () => {
    const disk = { free_bytes: 2 * 1024 ** 3, estimated_remaining_s: 25 * 60 + 30, low: false };
    const { serverEmit, store } = renderWithApp(<IntegratedRecording />, {
      routes: { 'GET /api/integrated/recording/status': { body: { ...activeStatus, disk } } },
    });
    expect(await screen.findByTestId('disk-free')).toHaveTextContent(/^2,0 GB/);
    expect(screen.getByTestId('disk-remaining')).toHaveTextContent('≈ 25 min restantes');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await serverEmit('disk_space_low', {
      session_name: 'Ma_Session_2025',
      free_bytes: 300 * 1024 ** 2,
      estimated_remaining_s: 240,
      message: 'low disk space',
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent("Espace disque faible : 300,0 MB libres, ≈ 4 min d'enregistrement restantes.");
    expect(screen.getByTestId('disk-remaining')).toHaveTextContent('≈ 4 min restantes');
    expect(events(store)[0]).toMatch(/^Espace disque faible : 300,0 MB libres/);
  });

  it('shows the server’s sentence when the disk is too full to start (507)', async () => {
    const sentence = 'not enough free space: 120 MB free, 500 MB needed (STREAMAI_MIN_FREE_MB)';
    const { user } = renderWithApp(<IntegratedRecording />, {
      routes: { 'POST /api/integrated/recording/start': { status: 507, body: { error: sentence } } },
    });
    await waitFor(() => expect(startButton()).toBeEnabled());
    await user.click(startButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(sentence);
  });

  it('does not say « Prêt » while OBS is not connected', async () => {
    const { serverEmit } = renderWithApp(<IntegratedRecording />, {
      routes: { 'GET /api/health': { body: healthObsDown } },
    });
    await waitFor(() => expect(screen.getByTestId('recording-state')).toHaveTextContent('OBS non connecté'));
    await serverEmit('obs_connection', { connected: false, state: 'reconnecting', error: null });
    expect(screen.getByTestId('recording-state')).toHaveTextContent('OBS en reconnexion');
    await serverEmit('obs_connection', { connected: true, state: 'connected', error: null });
    expect(screen.getByTestId('recording-state')).toHaveTextContent('Prêt');
  });

  it('shows the live timeline of the current recording, with its pauses and markers', async () => {
    renderWithApp(<IntegratedRecording />, {
      routes: {
        'GET /api/integrated/recording/status': {
          body: {
            ...activeStatus,
            start_time: ago(60_000),
            pauses: [{ start: ago(40_000), end: ago(30_000) }],
            paused_s: 10,
            markers: [{ timecode_ms: 5_000, label: 'Intro', at: ago(55_000) }],
          },
        },
      },
    });
    const timeline = await screen.findByTestId('timeline');
    expect(timeline).toHaveAttribute('data-live', 'true');
    expect(within(timeline).getAllByTestId('timeline-pause')).toHaveLength(1);
    expect(within(timeline).getByRole('img', { name: 'Marqueur 1 — 00:00:05 — Intro' })).toBeInTheDocument();
    expect(within(timeline).getByTestId('timeline-summary')).toHaveTextContent(
      /^Enregistrement en cours depuis .*: 50 s enregistrées, 1 pause \(10 s\), 1 marqueur \(00:00:05 « Intro »\)\.$/,
    );
  });
});
