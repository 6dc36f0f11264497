import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../../../config/constants';
import {
  healthWithAuth,
  makeRig,
  makeStartResult,
  makeStopResult,
  recordingRig,
  twoRigs,
} from '../../../test/fixtures';
import { deferred, type Routes } from '../../../test/mockServer';
import { renderWithApp } from '../../../test/render';
import type { RigStartRecordingBody, RigsPage } from '../../../types';
import { useRigs } from '../api/getRigs';
import { RigGrid } from './RigGrid';

const OPTIONS: RigStartRecordingBody = { sessionName: 'Duo', autoUpload: true, subtitleModel: 'base', priority: 1 };

/** The grid as the page mounts it: fed by GET /api/rigs and the room's events. */
function LiveRigGrid({
  options = OPTIONS,
  onStarted = () => {},
}: {
  options?: RigStartRecordingBody | null;
  onStarted?: () => void;
}) {
  const rigs = useRigs();
  return rigs.data ? <RigGrid page={rigs.data} startOptions={options} onStarted={onStarted} /> : null;
}

function renderGrid(page: RigsPage = twoRigs, routes: Routes = {}, props: Parameters<typeof LiveRigGrid>[0] = {}) {
  return renderWithApp(<LiveRigGrid {...props} />, { routes: { 'GET /api/rigs': { body: page }, ...routes } });
}

const card = (rig: string) => {
  const found = screen.getAllByTestId('rig-card').find((el) => el.dataset.rig === rig);
  if (!found) throw new Error(`no card for rig ${rig}`);
  return within(found);
};
const cardElement = (rig: string) => screen.getAllByTestId('rig-card').find((el) => el.dataset.rig === rig)!;
const recordAllButton = () => screen.getByRole('button', { name: 'Tout enregistrer' });
const stopAllButton = () => screen.getByRole('button', { name: 'Tout arrêter' });

describe('<RigGrid />', () => {
  it('shows each rig: label, id, default badge, connection, state, and why a rig is not connected', async () => {
    const page: RigsPage = {
      ...twoRigs,
      rigs: [
        twoRigs.rigs[0],
        makeRig({
          id: 'cam2',
          label: 'Caméra 2',
          default: false,
          obs: { connected: false, state: 'disconnected', error: 'OBS is not reachable at 10.0.0.2:4455' },
        }),
        makeRig({
          id: 'stage',
          label: 'Scène',
          default: false,
          obs: { connected: false, state: 'reconnecting', error: 'the connection to OBS was lost' },
        }),
      ],
    };
    renderGrid(page);
    expect(await screen.findByRole('heading', { name: 'Rigs OBS' })).toBeInTheDocument();
    expect(screen.getAllByTestId('rig-card')).toHaveLength(3);
    expect(screen.getByTestId('rigs-connected')).toHaveTextContent('1 sur 3 connectés');

    expect(card('cam1').getByRole('heading', { name: 'Caméra 1' })).toBeInTheDocument();
    expect(card('cam1').getByText('cam1')).toBeInTheDocument();
    expect(card('cam1').getByText('Par défaut')).toBeInTheDocument();
    expect(card('cam1').getByTestId('rig-connection')).toHaveTextContent('OBS connecté');
    expect(card('cam1').getByTestId('rig-state')).toHaveTextContent('Prêt');
    expect(card('cam1').getByTestId('rig-timecode')).toHaveTextContent('00:00:00');
    expect(card('cam1').queryByTestId('rig-obs-error')).not.toBeInTheDocument();

    expect(card('cam2').queryByText('Par défaut')).not.toBeInTheDocument();
    expect(card('cam2').getByTestId('rig-connection')).toHaveTextContent('OBS déconnecté');
    expect(card('cam2').getByTestId('rig-connection')).toHaveAttribute('data-tone', 'bad');
    expect(card('cam2').getByTestId('rig-obs-error')).toHaveTextContent('OBS is not reachable at 10.0.0.2:4455');
    expect(card('stage').getByTestId('rig-connection')).toHaveTextContent('OBS en reconnexion…');
    expect(card('stage').getByTestId('rig-connection')).toHaveAttribute('data-tone', 'warn');

    // A rig that is not connected cannot start; the one that is can.
    expect(card('cam1').getByRole('button', { name: 'Démarrer' })).toBeEnabled();
    expect(card('cam2').getByRole('button', { name: 'Démarrer' })).toBeDisabled();
    expect(card('stage').getByRole('button', { name: 'Démarrer' })).toBeDisabled();
  });

  it('follows rigs_update: state, session, live timecode and disk, with the low-disk warning', async () => {
    const { serverEmit } = renderGrid();
    await screen.findAllByTestId('rig-card');
    const cam1 = recordingRig({ id: 'cam1', label: 'Caméra 1', default: true }, 'duo', 65_250);
    const cam2 = recordingRig({ id: 'cam2', label: 'Caméra 2' }, 'duo', 64_900);
    await serverEmit('rigs_update', { rigs: [cam1, cam2], default_rig: 'cam1' });
    expect(card('cam1').getByTestId('rig-state')).toHaveTextContent('Enregistrement en cours');
    expect(card('cam1').getByTestId('rig-session')).toHaveTextContent('duo');
    expect(card('cam1').getByTestId('rig-timecode')).toHaveTextContent('00:01:05');
    expect(card('cam1').getByTestId('rig-disk')).toHaveTextContent('50,0 GB');
    expect(card('cam1').getByTestId('rig-disk')).toHaveTextContent('≈ 120 min restantes');

    await serverEmit('rigs_update', {
      rigs: [
        { ...cam1, obs_status: { ...cam1.obs_status!, timecode: '00:01:06.250', duration_ms: 66_250 } },
        { ...cam2, disk: { free_bytes: 300 * 1024 ** 2, estimated_remaining_s: 240, low: true } },
      ],
      default_rig: 'cam1',
    });
    expect(card('cam1').getByTestId('rig-timecode')).toHaveTextContent('00:01:06');
    expect(card('cam2').getByTestId('rig-disk')).toHaveTextContent('300,0 MB');
    expect(card('cam2').getByTestId('rig-disk')).toHaveTextContent('≈ 4 min restantes');
    expect(card('cam2').getByRole('alert')).toHaveTextContent('Espace disque faible');
  });

  it('asks GET /api/rigs again on a start, a stop and an OBS connection change anywhere', async () => {
    const { server, serverEmit } = renderGrid();
    await screen.findAllByTestId('rig-card');
    const fetches = () => server.calls('GET', '/api/rigs').length;
    const before = fetches();

    server.set('GET /api/rigs', {
      body: { ...twoRigs, rigs: [twoRigs.rigs[0], recordingRig({ id: 'cam2', label: 'Caméra 2' }, 'solo')] },
    });
    await serverEmit('recording_started', { result: makeStartResult({ session_name: 'solo' }), rig: 'cam2' });
    await waitFor(() => expect(card('cam2').getByTestId('rig-state')).toHaveTextContent('Enregistrement en cours'));
    expect(fetches()).toBe(before + 1);

    server.set('GET /api/rigs', { body: twoRigs });
    await serverEmit('recording_stopped', { result: makeStopResult({ session_name: 'solo' }), rig: 'cam2' });
    await waitFor(() => expect(card('cam2').getByTestId('rig-state')).toHaveTextContent('Prêt'));
    expect(fetches()).toBe(before + 2);

    const down = makeRig({
      id: 'cam2',
      label: 'Caméra 2',
      default: false,
      obs: { connected: false, state: 'reconnecting', error: 'the connection to OBS was lost' },
    });
    server.set('GET /api/rigs', { body: { ...twoRigs, rigs: [twoRigs.rigs[0], down] } });
    await serverEmit('obs_connection', { connected: false, state: 'reconnecting', error: null, rig: 'cam2' });
    await waitFor(() => expect(card('cam2').getByTestId('rig-connection')).toHaveTextContent('OBS en reconnexion…'));
    expect(fetches()).toBe(before + 3);
  });

  it('does not poll while the socket is connected, and polls every 3 s while it is down', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { server, socket } = renderGrid();
      await screen.findAllByTestId('rig-card');
      const fetches = () => server.calls('GET', '/api/rigs').length;
      const before = fetches();
      await act(() => vi.advanceTimersByTimeAsync(10_000));
      expect(fetches()).toBe(before);

      act(() => socket.drop());
      await act(() => vi.advanceTimersByTimeAsync(6_500));
      expect(fetches()).toBeGreaterThanOrEqual(before + 2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('« Tout enregistrer » starts every rig ("all") with the start form’s options', async () => {
    const onStarted = vi.fn();
    const pending = deferred<{ body: unknown }>();
    const { server, user } = renderGrid(
      twoRigs,
      { 'POST /api/integrated/recording/start': () => pending.promise },
      { onStarted },
    );
    await waitFor(() => expect(recordAllButton()).toBeEnabled());
    expect(screen.getByTestId('rigs-ticked')).toHaveTextContent('Tous les rigs cochés');
    expect(stopAllButton()).toBeDisabled(); // nothing records

    await user.click(recordAllButton());
    const [req] = server.calls('POST', '/api/integrated/recording/start');
    expect(req.body).toEqual({ ...OPTIONS, rigs: 'all' });
    expect(req.headers['x-streamai-client']).toBe('dashboard');
    expect(recordAllButton()).toBeDisabled();
    expect(screen.getByText('Démarrage des rigs…')).toBeInTheDocument();

    const result = makeStartResult({
      session_name: 'Duo',
      start_skew_ms: 12.5,
      rigs: [
        { rig: 'cam1', label: 'Caméra 1', status: 'recording', start_time: null, end_time: null, skew_ms: 0 },
        { rig: 'cam2', label: 'Caméra 2', status: 'recording', start_time: null, end_time: null, skew_ms: 12.5 },
      ],
    });
    server.set('GET /api/rigs', {
      body: {
        ...twoRigs,
        rigs: [
          recordingRig({ id: 'cam1', label: 'Caméra 1', default: true }, 'Duo'),
          recordingRig({ id: 'cam2', label: 'Caméra 2' }, 'Duo'),
        ],
      },
    });
    await act(async () => {
      pending.resolve({ body: result });
      await pending.promise;
    });
    expect(await screen.findByTestId('rigs-started')).toHaveTextContent(
      'Session Duo démarrée sur 2 rigs (écart au démarrage : 12,5 ms).',
    );
    expect(onStarted).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(stopAllButton()).toBeEnabled());
    // Every ticked rig records: starting them again makes no sense (and needs no sentence).
    expect(recordAllButton()).toBeDisabled();
    expect(screen.queryByText(/enregistre déjà/)).not.toBeInTheDocument();
  });

  it('says which ticked rig already records', async () => {
    const { user } = renderGrid({
      ...twoRigs,
      rigs: [twoRigs.rigs[0], recordingRig({ id: 'cam2', label: 'Caméra 2' }, 'solo')],
    });
    await screen.findAllByTestId('rig-card');
    expect(recordAllButton()).toBeDisabled();
    expect(screen.getByText('Caméra 2 (cam2) enregistre déjà.')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Inclure Caméra 2 (cam2) dans « Tout enregistrer »' }));
    expect(recordAllButton()).toBeEnabled();
    expect(stopAllButton()).toBeEnabled();
  });

  it('sends the ticked rigs only, and nothing when none is ticked', async () => {
    const { server, user } = renderGrid(twoRigs, {
      'POST /api/integrated/recording/start': { body: makeStartResult() },
    });
    await waitFor(() => expect(recordAllButton()).toBeEnabled());
    await user.click(screen.getByRole('checkbox', { name: 'Inclure Caméra 2 (cam2) dans « Tout enregistrer »' }));
    expect(screen.getByTestId('rigs-ticked')).toHaveTextContent('1 rig sur 2 cochés');
    await user.click(recordAllButton());
    await waitFor(() => expect(server.calls('POST', '/api/integrated/recording/start')).toHaveLength(1));
    expect(server.calls('POST', '/api/integrated/recording/start')[0].body).toMatchObject({ rigs: ['cam1'] });

    await user.click(screen.getByRole('checkbox', { name: 'Inclure Caméra 1 (cam1) dans « Tout enregistrer »' }));
    expect(recordAllButton()).toBeDisabled();
    expect(screen.getByText('Cochez au moins un rig.')).toBeInTheDocument();
  });

  it('waits for a valid start form (the priority) before « Tout enregistrer » or a rig’s « Démarrer »', async () => {
    renderGrid(twoRigs, {}, { options: null });
    await screen.findAllByTestId('rig-card');
    expect(recordAllButton()).toBeDisabled();
    expect(screen.getByText('La priorité doit être un entier entre 1 et 10.')).toBeInTheDocument();
    expect(card('cam1').getByRole('button', { name: 'Démarrer' })).toBeDisabled();
  });

  it('says which rig refused « Tout enregistrer », with the server’s sentence, and marks its card', async () => {
    const error =
      'rig cam2 (Caméra 2): OBS is not connected: OBS is not reachable at 127.0.0.1:4456 (connection refused). Nothing started.';
    const { user } = renderGrid(twoRigs, {
      'POST /api/integrated/recording/start': { status: 503, body: { error, field: null, rig: 'cam2' } },
    });
    await waitFor(() => expect(recordAllButton()).toBeEnabled());
    await user.click(recordAllButton());
    const alert = await screen.findByTestId('rigs-error');
    expect(alert).toHaveAttribute('data-rig', 'cam2');
    expect(alert).toHaveTextContent(`Rig en cause : Caméra 2 (cam2) — ${error}`);
    expect(cardElement('cam2')).toHaveClass('rig-card--fault');
    expect(cardElement('cam1')).not.toHaveClass('rig-card--fault');
  });

  it('shows an error that names no rig as the server said it', async () => {
    const { user } = renderGrid(twoRigs, {
      'POST /api/integrated/recording/start': {
        status: 400,
        body: { error: 'sessionName: too long', field: 'sessionName' },
      },
    });
    await waitFor(() => expect(recordAllButton()).toBeEnabled());
    await user.click(recordAllButton());
    const alert = await screen.findByTestId('rigs-error');
    expect(alert).toHaveTextContent(/^sessionName: too long$/);
    expect(alert).not.toHaveAttribute('data-rig');
  });

  it('« Tout arrêter » is the integrated stop, and its failure names the rig', async () => {
    const recording: RigsPage = {
      ...twoRigs,
      rigs: [
        recordingRig({ id: 'cam1', label: 'Caméra 1', default: true }),
        recordingRig({ id: 'cam2', label: 'Caméra 2' }),
      ],
    };
    const { server, user } = renderGrid(recording, {
      'POST /api/integrated/recording/stop': {
        status: 502,
        body: { error: 'rig cam1 (Caméra 1): OBS refused StopRecord (code 501).', rig: 'cam1' },
      },
    });
    await waitFor(() => expect(stopAllButton()).toBeEnabled());
    await user.click(stopAllButton());
    const [req] = server.calls('POST', '/api/integrated/recording/stop');
    expect(req.body).toEqual({});
    expect(req.headers['x-streamai-client']).toBe('dashboard');
    expect(await screen.findByTestId('rigs-error')).toHaveTextContent('Rig en cause : Caméra 1 (cam1)');
    expect(cardElement('cam1')).toHaveClass('rig-card--fault');
  });

  it('drives one rig through its own routes: start with the form’s options, pause, resume, marker, stop', async () => {
    const cam2Recording = recordingRig({ id: 'cam2', label: 'Caméra 2' }, 'Duo');
    const { server, user } = renderGrid(twoRigs, {
      'POST /api/rigs/cam2/recording/start': { body: makeStartResult({ session_name: 'Duo' }) },
      'POST /api/rigs/cam2/recording/pause': {
        body: { success: true, message: 'paused', session_name: 'Duo', state: 'paused', paused_s: 0 },
      },
      'POST /api/rigs/cam2/recording/resume': {
        body: { success: true, message: 'resumed', session_name: 'Duo', state: 'recording', paused_s: 2 },
      },
      'POST /api/rigs/cam2/recording/marker': {
        body: {
          success: true,
          session_name: 'Duo',
          marker: { timecode_ms: 1000, label: null, at: '2025-07-08T10:00:01', rig: 'cam2' },
          chapter: false,
        },
      },
      'POST /api/rigs/cam2/recording/stop': { body: makeStopResult({ session_name: 'Duo' }) },
    });
    await waitFor(() => expect(card('cam2').getByRole('button', { name: 'Démarrer' })).toBeEnabled());
    // Idle: nothing to pause, mark or stop.
    for (const name of ['Pause', 'Marqueur', 'Arrêter']) {
      expect(card('cam2').getByRole('button', { name })).toBeDisabled();
    }

    server.set('GET /api/rigs', { body: { ...twoRigs, rigs: [twoRigs.rigs[0], cam2Recording] } });
    await user.click(card('cam2').getByRole('button', { name: 'Démarrer' }));
    await waitFor(() => expect(card('cam2').getByTestId('rig-state')).toHaveTextContent('Enregistrement en cours'));
    const [start] = server.calls('POST', '/api/rigs/cam2/recording/start');
    expect(start.body).toEqual(OPTIONS);
    expect(start.headers['x-streamai-client']).toBe('dashboard');
    expect(server.calls('POST', '/api/integrated/recording/start')).toHaveLength(0);
    expect(card('cam2').getByRole('button', { name: 'Démarrer' })).toBeDisabled();
    expect(card('cam1').getByRole('button', { name: 'Démarrer' })).toBeEnabled(); // the other rig is free

    server.set('GET /api/rigs', {
      body: { ...twoRigs, rigs: [twoRigs.rigs[0], { ...cam2Recording, state: 'paused' }] },
    });
    await user.click(card('cam2').getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(card('cam2').getByTestId('rig-state')).toHaveTextContent('En pause'));
    expect(server.calls('POST', '/api/rigs/cam2/recording/pause')).toHaveLength(1);

    server.set('GET /api/rigs', { body: { ...twoRigs, rigs: [twoRigs.rigs[0], cam2Recording] } });
    await user.click(card('cam2').getByRole('button', { name: 'Reprendre' }));
    await waitFor(() => expect(card('cam2').getByRole('button', { name: 'Pause' })).toBeEnabled());
    expect(server.calls('POST', '/api/rigs/cam2/recording/resume')).toHaveLength(1);

    await user.click(card('cam2').getByRole('button', { name: 'Marqueur' }));
    await waitFor(() => expect(server.calls('POST', '/api/rigs/cam2/recording/marker')).toHaveLength(1));

    server.set('GET /api/rigs', { body: twoRigs });
    await user.click(card('cam2').getByRole('button', { name: 'Arrêter' }));
    await waitFor(() => expect(card('cam2').getByTestId('rig-state')).toHaveTextContent('Prêt'));
    expect(server.calls('POST', '/api/rigs/cam2/recording/stop')).toHaveLength(1);
    expect(server.calls('POST', '/api/integrated/recording/stop')).toHaveLength(0);
  });

  it('shows a rig’s refusal on its own card', async () => {
    const { user } = renderGrid(twoRigs, {
      'POST /api/rigs/cam1/recording/start': {
        status: 409,
        body: { error: 'rig cam1 is already recording session other', rig: 'cam1' },
      },
    });
    await waitFor(() => expect(card('cam1').getByRole('button', { name: 'Démarrer' })).toBeEnabled());
    await user.click(card('cam1').getByRole('button', { name: 'Démarrer' }));
    expect(await card('cam1').findByTestId('rig-error')).toHaveTextContent(
      'rig cam1 is already recording session other',
    );
    expect(card('cam2').queryByTestId('rig-error')).not.toBeInTheDocument();
  });

  it('leaves a viewer every control disabled, with the reason', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 'viewer-token');
    const recording: RigsPage = {
      ...twoRigs,
      rigs: [recordingRig({ id: 'cam1', label: 'Caméra 1', default: true }), twoRigs.rigs[1]],
    };
    renderGrid(recording, {
      'GET /api/health': { body: healthWithAuth },
      'GET /api/auth': { body: { role: 'viewer', auth_required: true } },
    });
    const readOnly = "Lecture seule : ce jeton permet de suivre l'enregistrement, pas de le piloter.";
    expect(await screen.findByText(readOnly)).toBeInTheDocument();
    expect(recordAllButton()).toBeDisabled();
    expect(stopAllButton()).toBeDisabled();
    for (const rig of ['cam1', 'cam2']) {
      for (const button of card(rig).getAllByRole('button')) expect(button).toBeDisabled();
      expect(card(rig).getByRole('checkbox')).toBeDisabled();
    }
    expect(card('cam2').getByRole('button', { name: 'Démarrer' })).toHaveAccessibleDescription(readOnly);
    // Still live for the viewer.
    expect(card('cam1').getByTestId('rig-timecode')).toHaveTextContent('00:01:05');
  });
});
