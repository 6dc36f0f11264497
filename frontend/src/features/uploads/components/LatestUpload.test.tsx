import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeJob } from '../../../test/fixtures';
import { renderWithApp } from '../../../test/render';
import { LatestUpload } from './LatestUpload';

describe('<LatestUpload />', () => {
  it('moves the upload progress bar from upload_progress and shows the Task ID', async () => {
    const job = makeJob({ state: 'queued' });
    const { serverEmit } = renderWithApp(<LatestUpload />, {
      routes: { 'GET /api/integrated/uploads': { body: { uploads: [job], count: 1 } } },
    });
    const bar = await screen.findByRole('progressbar', { name: "Progression de l'upload de Ma_Session_2025" });
    expect(bar).toHaveAttribute('aria-valuenow', '0');

    await serverEmit('upload_progress', {
      job_id: 7,
      session_name: 'Ma_Session_2025',
      bytes_sent: 4 * 1024 * 1024,
      total_bytes: 10 * 1024 * 1024,
      percent: 40,
      rate_bps: 2 * 1024 * 1024,
      eta_s: 3,
    });
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByTestId('upload-rate')).toHaveTextContent('2,0 MB/s');
    expect(screen.getByTestId('upload-eta')).toHaveTextContent('3 s');
    expect(screen.getByTestId('upload-state')).toHaveTextContent('Envoi');
    expect(screen.queryByTestId('task-id')).not.toBeInTheDocument();

    await serverEmit('upload_failed', {
      job_id: 7,
      session_name: 'Ma_Session_2025',
      error: 'Connection reset',
      attempt: 1,
      will_retry: true,
      next_retry_at: '2025-07-08T10:06:00',
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Connection reset');
    expect(screen.getByTestId('upload-state')).toHaveTextContent('Nouvel essai');

    await serverEmit('upload_completed', {
      job_id: 7,
      session_name: 'Ma_Session_2025',
      task_id: 'task-abc-123',
      attempts: 2,
      manual: false,
    });
    expect(screen.getByTestId('task-id')).toHaveTextContent('task-abc-123');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await serverEmit('processing_status', {
      job_id: 7,
      session_name: 'Ma_Session_2025',
      task_id: 'task-abc-123',
      status: 'processing',
      progress: 55,
      message: 'Génération des sous-titres',
    });
    const processing = screen.getByTestId('processing-status');
    expect(processing).toHaveTextContent('en cours');
    expect(processing).toHaveTextContent('55 %');
    expect(processing).toHaveTextContent('Génération des sous-titres');
  });

  it('shows a job announced by upload_queued as the latest upload', async () => {
    const { serverEmit } = renderWithApp(<LatestUpload />);
    expect(await screen.findByText('Aucun upload pour le moment.')).toBeInTheDocument();
    await serverEmit('upload_queued', { job: makeJob({ id: 9, session_name: 'Nouvelle' }) });
    expect(screen.getByRole('progressbar', { name: "Progression de l'upload de Nouvelle" })).toBeInTheDocument();
  });
});
