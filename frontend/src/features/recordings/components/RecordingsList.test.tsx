import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  healthConnected,
  makeCompleted,
  makeJob,
  makeSession,
  makeStopResult,
  makeUploadSummary,
  recordingsPage,
} from '../../../test/fixtures';
import { fr } from '../../../i18n/fr';
import type { RecordedRequest } from '../../../test/mockServer';
import { queryKeys } from '../../../lib/queryKeys';
import { renderWithApp } from '../../../test/render';
import { RecordingsList } from './RecordingsList';

// The page hands over the upload jobs and the session being recorded (other features).
const list = <RecordingsList jobs={undefined} recordingNow={null} />;

const ALL = Array.from({ length: 13 }, (_, i) => makeSession(13 - i)); // newest first

function pagedRecordings(req: RecordedRequest) {
  const limit = Number(req.query.get('limit'));
  const offset = Number(req.query.get('offset'));
  const recordings = ALL.slice(offset, offset + limit);
  return { body: recordingsPage(recordings, ALL.length) };
}

describe('<RecordingsList />', () => {
  it('shows the newest recordings and loads more with « Charger plus »', async () => {
    const { user, server } = renderWithApp(list, {
      routes: { 'GET /api/integrated/recordings': pagedRecordings },
    });
    expect(await screen.findAllByTestId('recording-row')).toHaveLength(10);
    const rows = screen.getAllByTestId('recording-row');
    expect(rows[0]).toHaveTextContent('session_013');
    expect(within(rows[0]).getByText('00:12:34')).toBeInTheDocument();
    expect(within(rows[0]).getByText('12.3 MB')).toBeInTheDocument();
    expect(within(rows[0]).getByText('8 juil. 2025, 10:00')).toBeInTheDocument();
    expect(screen.getByText('10 sur 13')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Charger plus' }));
    await waitFor(() => expect(screen.getAllByTestId('recording-row')).toHaveLength(13));
    const calls = server.calls('GET', '/api/integrated/recordings');
    expect(calls.map((c) => c.query.get('offset'))).toEqual(['0', '10']);
    expect(calls.every((c) => c.query.get('limit') === '10')).toBe(true);
    expect(screen.getAllByTestId('recording-row')[12]).toHaveTextContent('session_001');
    expect(screen.queryByRole('button', { name: 'Charger plus' })).not.toBeInTheDocument();
  });

  it('sends a manual upload with the row’s model and priority', async () => {
    const job = makeJob({ id: 21, session_name: 'session_002', manual: true });
    const { user, server, queryClient } = renderWithApp(list, {
      routes: {
        'GET /api/integrated/recordings': {
          body: recordingsPage([makeSession(2), makeSession(1)]),
        },
        'POST /api/integrated/upload/manual': {
          status: 202,
          body: { success: true, message: 'Upload manuel mis en file', job },
        },
      },
    });
    const [row] = await screen.findAllByTestId('recording-row');
    await user.selectOptions(within(row).getByLabelText('Modèle pour session_002'), 'large');
    const priority = within(row).getByLabelText('Priorité pour session_002');
    await user.clear(priority);
    await user.type(priority, '7');
    await user.click(within(row).getByRole('button', { name: 'Envoyer' }));

    expect(await within(row).findByText('Upload mis en file d’attente.')).toBeInTheDocument();
    expect(server.calls('POST', '/api/integrated/upload/manual')[0].body).toEqual({
      sessionName: 'session_002',
      subtitleModel: 'large',
      priority: 7,
    });
    // The job joined the shared uploads cache, where the page reads every row's upload state.
    expect(queryClient.getQueryData(queryKeys.uploads)).toEqual([job]);
  });

  it('shows each row’s live upload state from the jobs it is given', async () => {
    const uploading = makeJob({ session_name: 'session_002', state: 'uploading', bytes_sent: 5, total_bytes: 20 });
    renderWithApp(<RecordingsList jobs={[uploading]} recordingNow={null} />, {
      routes: {
        'GET /api/integrated/recordings': {
          body: recordingsPage([makeSession(2), makeSession(1)]),
        },
      },
    });
    const [row, other] = await screen.findAllByTestId('recording-row');
    expect(within(row).getByText('Envoi · 25 %')).toBeInTheDocument();
    expect(within(other).getByText('Non envoyé')).toBeInTheDocument();
  });

  it('shows the server’s refusal of a manual upload plainly', async () => {
    const { user } = renderWithApp(list, {
      routes: {
        'GET /api/integrated/recordings': { body: recordingsPage([makeSession(1)]) },
        'POST /api/integrated/upload/manual': { status: 404, body: { error: 'Session introuvable : session_001' } },
      },
    });
    const row = await screen.findByTestId('recording-row');
    await user.click(within(row).getByRole('button', { name: 'Envoyer' }));
    expect(await within(row).findByRole('alert')).toHaveTextContent('Session introuvable : session_001');
  });

  it('shows upload status and Task ID, and refreshes when a room event says so', async () => {
    let version = 0;
    const { serverEmit, server } = renderWithApp(list, {
      routes: {
        'GET /api/integrated/recordings': () => ({
          body: recordingsPage([
            makeSession(
              1,
              version ? { vultr_upload: makeUploadSummary({ status: 'completed', task_id: 'task-xyz' }) } : {},
            ),
          ]),
        }),
      },
    });
    const row = await screen.findByTestId('recording-row');
    expect(within(row).getByText('Non envoyé')).toBeInTheDocument();

    version = 1;
    await serverEmit(
      'upload_completed',
      makeCompleted({ job_id: 1, session_name: 'session_001', task_id: 'task-xyz' }),
    );
    await waitFor(() => expect(within(row).getByText('task-xyz')).toBeInTheDocument());
    expect(within(row).getByText('Terminé')).toBeInTheDocument();

    const before = server.calls('GET', '/api/integrated/recordings').length;
    await serverEmit('recording_stopped', { result: makeStopResult({ session_name: 'x' }) });
    await waitFor(() => expect(server.calls('GET', '/api/integrated/recordings').length).toBeGreaterThan(before));
  });

  it('does not offer to upload the session being recorded, nor when uploads are off', async () => {
    const { unmount } = renderWithApp(<RecordingsList jobs={undefined} recordingNow="session_001" />, {
      routes: {
        'GET /api/integrated/recordings': {
          body: recordingsPage([makeSession(1), makeSession(0)]),
        },
      },
    });
    const rows = await screen.findAllByTestId('recording-row');
    expect(within(rows[0]).getByRole('button', { name: 'Envoyer' })).toBeDisabled();
    expect(within(rows[1]).getByRole('button', { name: 'Envoyer' })).toBeEnabled();
    unmount();

    renderWithApp(list, {
      routes: {
        'GET /api/health': { body: { ...healthConnected, uploads_enabled: false } },
        'GET /api/integrated/recordings': { body: recordingsPage([makeSession(1)]) },
      },
    });
    expect(await screen.findByText(/Les uploads sont désactivés/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Envoyer' })).toBeDisabled();
  });
});

describe('<RecordingsList /> a session’s story', () => {
  const VTT =
    'WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nBonjour et bienvenue\n\n00:00:01.500 --> 00:00:03.000\nPremier marqueur\n';
  const results = [
    {
      kind: 'subtitles' as const,
      name: 'subtitles.vtt',
      size_bytes: VTT.length,
      content_type: 'text/vtt',
      url: '/api/integrated/uploads/4/results/subtitles?expires=1&sig=abc',
    },
    {
      kind: 'thumbnail' as const,
      name: 'thumbnail.jpg',
      size_bytes: 900,
      content_type: 'image/jpeg',
      url: '/api/integrated/uploads/4/results/thumbnail?expires=1&sig=abc',
    },
    {
      kind: 'video' as const,
      name: 'video.webm',
      size_bytes: 9000,
      content_type: 'video/webm',
      url: '/api/integrated/uploads/4/results/video?expires=1&sig=abc',
    },
  ];
  const file = (n: number, duration_s: number) => ({
    rig: 'default',
    name: `part ${n}.mkv`,
    path: `/recordings/show/part ${n}.mkv`,
    relative_path: `show/part ${n}.mkv`,
    size_bytes: 3 * 1024 * 1024,
    duration_s,
  });
  const processed = makeSession(1, {
    title: 'Émission du jeudi',
    start_time: '2025-07-08T10:00:00',
    end_time: '2025-07-08T10:02:00',
    duration_s: 100,
    files: [file(1, 60), file(2, 40)],
    pauses: [{ start: '2025-07-08T10:00:30', end: '2025-07-08T10:00:50' }],
    paused_s: 20,
    markers: [
      { timecode_ms: 10_000, label: 'But !', at: '2025-07-08T10:00:10', rig: null },
      { timecode_ms: 70_000, label: null, at: '2025-07-08T10:01:30', rig: null },
    ],
    thumbnail_url: '/api/integrated/recordings/session_001/thumbnail?expires=1&sig=abc',
    uploads: [
      {
        job_id: 4,
        rig: 'default',
        finished_at: null,
        file_name: 'part 1.mkv',
        state: 'completed',
        queued_at: '2025-07-08T10:02:01',
        upload_started_at: '2025-07-08T10:02:03',
        uploaded_at: '2025-07-08T10:02:10',
        processed_at: '2025-07-08T10:02:40',
        task_id: 'task_4',
        processing_status: 'completed',
        results_state: 'ready',
      },
    ],
    results,
  });

  it('shows the thumbnail, the files of a split recording and the markers', async () => {
    renderWithApp(list, { routes: { 'GET /api/integrated/recordings': { body: recordingsPage([processed]) } } });
    const row = await screen.findByTestId('recording-row');
    expect(within(row).getByTestId('recording-thumbnail')).toHaveAttribute('src', processed.thumbnail_url);
    expect(within(row).getByRole('img', { name: 'Miniature de Émission du jeudi' })).toBeInTheDocument();
    expect(within(row).getByText('2 fichiers (enregistrement découpé)')).toBeInTheDocument();
    const files = within(within(row).getByTestId('session-files')).getAllByRole('listitem');
    expect(files.map((li) => li.textContent)).toEqual(['part 1.mkv3,0 MB1 min 00 s', 'part 2.mkv3,0 MB40 s']);
    const markers = within(within(row).getByTestId('session-markers')).getAllByRole('listitem');
    expect(markers.map((li) => li.textContent)).toEqual(['00:00:10But !', '00:01:10']);
  });

  it('draws the timeline: pause gap, marker ticks, file break, and each phase with its duration', async () => {
    const { user } = renderWithApp(list, {
      routes: { 'GET /api/integrated/recordings': { body: recordingsPage([processed]) } },
    });
    const row = await screen.findByTestId('recording-row');
    const timeline = within(row).getByTestId('timeline');
    expect(timeline).toHaveAttribute('data-live', 'false');
    const [gap] = within(timeline).getAllByTestId('timeline-pause');
    expect(gap).toHaveStyle({ left: '25.000%', width: '16.667%' });
    const ticks = within(timeline).getAllByTestId('timeline-marker');
    expect(ticks.map((tick) => tick.getAttribute('aria-label'))).toEqual([
      'Marqueur 1 — 00:00:10 — But !',
      'Marqueur 2 — 00:01:10',
    ]);
    expect(ticks[1]).toHaveStyle({ left: '75.000%' }); // 70 s recorded + the 20 s pause = 90 s of 120
    await user.tab(); // focus shows the tooltip (CSS); it is the tick's text
    expect(within(ticks[0]).getByRole('tooltip', { hidden: true })).toHaveTextContent('Marqueur 1 — 00:00:10 — But !');

    const phases = within(timeline).getAllByTestId('timeline-phase');
    expect(phases.map((p) => p.getAttribute('data-phase'))).toEqual(['queued', 'uploading', 'processing']);
    const legend = within(timeline).getByTestId('timeline-upload');
    expect(legend).toHaveAttribute('data-outcome', 'completed');
    expect(legend).toHaveTextContent('En file 2,0 s → Envoi 7,0 s → Traitement 30 s → Terminé');
    expect(within(timeline).getByTestId('timeline-summary')).toHaveTextContent(
      'Enregistrement du 8 juil. 2025, 10:00 : 1 min 40 s enregistrées, 1 pause (20 s), ' +
        '2 marqueurs (00:00:10 « But ! », 00:01:10). ' +
        'Envoi de part 1.mkv : En file 2,0 s, Envoi 7,0 s, Traitement 30 s — Terminé.',
    );
  });

  it('shows the processed thumbnail, the first subtitles and the processed video', async () => {
    const { server } = renderWithApp(list, {
      routes: {
        'GET /api/integrated/recordings': { body: recordingsPage([processed]) },
        'GET /api/integrated/uploads/4/results/subtitles': { text: VTT, contentType: 'text/vtt' },
      },
    });
    const row = await screen.findByTestId('recording-row');
    const section = within(row).getByTestId('session-results');
    expect(within(section).getByTestId('result-thumbnail')).toHaveAttribute('src', results[1].url);
    expect(within(section).getByTestId('result-video')).toHaveAttribute('src', results[2].url);
    expect(within(section).getByTestId('result-video')).toHaveAttribute('controls');
    const cues = await within(section).findAllByTestId('subtitle-cue');
    expect(cues.map((c) => c.textContent)).toEqual(['00:00:00Bonjour et bienvenue', '00:00:01Premier marqueur']);
    const [request] = server.calls('GET', '/api/integrated/uploads/4/results/subtitles');
    expect(request.query.get('sig')).toBe('abc'); // the URL as the server gave it
  });

  it('follows a running upload live, then shows the results when processing_results_ready comes', async () => {
    const recorded = makeSession(2, { start_time: '2025-07-08T10:00:00', end_time: '2025-07-08T10:01:00' });
    const uploading = makeJob({
      id: 9,
      session_name: 'session_002',
      state: 'uploading',
      created_at: new Date(Date.now() - 5_000).toISOString(),
      upload_started_at: new Date(Date.now() - 3_000).toISOString(),
    });
    let sessions = [recorded];
    const { serverEmit, store, rerender } = renderWithApp(<RecordingsList jobs={[uploading]} recordingNow={null} />, {
      routes: {
        'GET /api/integrated/recordings': () => ({ body: recordingsPage(sessions) }),
        'GET /api/integrated/uploads/4/results/subtitles': { text: VTT, contentType: 'text/vtt' },
      },
    });
    const row = await screen.findByTestId('recording-row');
    const upload = within(row).getByTestId('timeline-upload');
    expect(upload).toHaveAttribute('data-outcome', 'running');
    expect(within(upload).getAllByTestId('timeline-phase')[1]).toHaveClass('timeline__phase--running');
    expect(upload).toHaveTextContent(/Envoi \d,\d s \(en cours\)/);
    expect(within(row).queryByTestId('session-results')).not.toBeInTheDocument();

    sessions = [{ ...recorded, results, uploads: processed.uploads }];
    rerender(<RecordingsList jobs={[]} recordingNow={null} />);
    await serverEmit('processing_results_ready', {
      job_id: 4,
      session_name: 'session_002',
      task_id: 'task_4',
      results,
    });
    expect(await within(row).findByTestId('result-video')).toBeInTheDocument();
    expect(within(row).getByTestId('timeline-upload')).toHaveAttribute('data-outcome', 'completed');
    expect(store.get().events[0].text(fr, 'fr')).toBe(
      'Résultats prêts pour session_002 : sous-titres, miniature, vidéo',
    );
  });

  it('refetches a session when session_updated says it changed (a thumbnail made)', async () => {
    let sessions = [makeSession(3)];
    const { serverEmit } = renderWithApp(list, {
      routes: { 'GET /api/integrated/recordings': () => ({ body: recordingsPage(sessions) }) },
    });
    const row = await screen.findByTestId('recording-row');
    expect(within(row).queryByTestId('recording-thumbnail')).not.toBeInTheDocument();
    sessions = [makeSession(3, { thumbnail_url: '/api/integrated/recordings/session_003/thumbnail' })];
    await serverEmit('session_updated', { session_name: 'session_003' });
    expect(await within(row).findByTestId('recording-thumbnail')).toBeInTheDocument();
  });
});
