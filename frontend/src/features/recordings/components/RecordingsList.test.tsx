import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { healthConnected, makeCompleted, makeJob, makeRecording, makeStopResult } from '../../../test/fixtures';
import type { RecordedRequest } from '../../../test/mockServer';
import { queryKeys } from '../../../lib/queryKeys';
import { renderWithApp } from '../../../test/render';
import { RecordingsList } from './RecordingsList';

// The page hands over the upload jobs and the session being recorded (other features).
const list = <RecordingsList jobs={undefined} recordingNow={null} />;

const ALL = Array.from({ length: 13 }, (_, i) => makeRecording(13 - i)); // newest first

function pagedRecordings(req: RecordedRequest) {
  const limit = Number(req.query.get('limit'));
  const offset = Number(req.query.get('offset'));
  const recordings = ALL.slice(offset, offset + limit);
  return { body: { recordings, count: recordings.length, total: ALL.length } };
}

describe('<RecordingsList />', () => {
  it('shows the newest recordings and loads more with « Charger plus »', async () => {
    const { user, server } = renderWithApp(list, {
      routes: { 'GET /api/frontend/recordings/formatted': pagedRecordings },
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
    const calls = server.calls('GET', '/api/frontend/recordings/formatted');
    expect(calls.map((c) => c.query.get('offset'))).toEqual(['0', '10']);
    expect(calls.every((c) => c.query.get('limit') === '10')).toBe(true);
    expect(screen.getAllByTestId('recording-row')[12]).toHaveTextContent('session_001');
    expect(screen.queryByRole('button', { name: 'Charger plus' })).not.toBeInTheDocument();
  });

  it('sends a manual upload with the row’s model and priority', async () => {
    const job = makeJob({ id: 21, session_name: 'session_002', manual: true });
    const { user, server, queryClient } = renderWithApp(list, {
      routes: {
        'GET /api/frontend/recordings/formatted': {
          body: { recordings: [makeRecording(2), makeRecording(1)], count: 2, total: 2 },
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
        'GET /api/frontend/recordings/formatted': {
          body: { recordings: [makeRecording(2), makeRecording(1)], count: 2, total: 2 },
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
        'GET /api/frontend/recordings/formatted': { body: { recordings: [makeRecording(1)], count: 1, total: 1 } },
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
        'GET /api/frontend/recordings/formatted': () => ({
          body: {
            recordings: [makeRecording(1, version ? { upload_status: 'completed', vultr_task_id: 'task-xyz' } : {})],
            count: 1,
            total: 1,
          },
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

    const before = server.calls('GET', '/api/frontend/recordings/formatted').length;
    await serverEmit('recording_stopped', { result: makeStopResult({ session_name: 'x' }) });
    await waitFor(() =>
      expect(server.calls('GET', '/api/frontend/recordings/formatted').length).toBeGreaterThan(before),
    );
  });

  it('does not offer to upload the session being recorded, nor when uploads are off', async () => {
    const { unmount } = renderWithApp(<RecordingsList jobs={undefined} recordingNow="session_001" />, {
      routes: {
        'GET /api/frontend/recordings/formatted': {
          body: { recordings: [makeRecording(1), makeRecording(0)], count: 2, total: 2 },
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
        'GET /api/frontend/recordings/formatted': { body: { recordings: [makeRecording(1)], count: 1, total: 1 } },
      },
    });
    expect(await screen.findByText(/Les uploads sont désactivés/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Envoyer' })).toBeDisabled();
  });
});
