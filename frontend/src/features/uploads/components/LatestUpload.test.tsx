import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeCompleted, makeFailed, makeJob, makeProcessing, makeProgress } from '../../../test/fixtures';
import { renderWithApp } from '../../../test/render';
import type { UploadJob } from '../../../types';
import { LatestUpload } from './LatestUpload';

const MB = 1024 * 1024;

describe('<LatestUpload />', () => {
  it('follows the job the server sends, with live progress and the Task ID', async () => {
    const job = makeJob({ state: 'queued' });
    const { serverEmit } = renderWithApp(<LatestUpload />, {
      routes: { 'GET /api/integrated/uploads': { body: { uploads: [job], count: 1 } } },
    });
    // The server's sequence: every transition comes as upload_job_updated with the whole job.
    const update = (changes: Partial<UploadJob>) => serverEmit('upload_job_updated', { job: { ...job, ...changes } });
    const bar = await screen.findByRole('progressbar', { name: "Progression de l'upload de Ma_Session_2025" });
    expect(bar).toHaveAttribute('aria-valuenow', '0');

    await update({ state: 'uploading', attempts: 1 });
    await serverEmit(
      'upload_progress',
      makeProgress({ bytes_sent: 4 * MB, total_bytes: 10 * MB, percent: 40, rate_bps: 2 * MB, eta_s: 3 }),
    );
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByTestId('upload-rate')).toHaveTextContent('2,0 MB/s');
    expect(screen.getByTestId('upload-eta')).toHaveTextContent('3 s');
    expect(screen.getByTestId('upload-state')).toHaveTextContent('Envoi');
    expect(screen.queryByTestId('task-id')).not.toBeInTheDocument();

    await serverEmit(
      'upload_failed',
      makeFailed({ error: 'Connection reset', attempt: 1, will_retry: true, next_retry_at: '2025-07-08T10:06:00' }),
    );
    expect(screen.getByTestId('upload-state')).toHaveTextContent('Envoi'); // news, not a state
    await update({
      state: 'retrying',
      attempts: 1,
      last_error: 'Connection reset',
      next_attempt_at: '2025-07-08T10:06:00',
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Connection reset');
    expect(screen.getByTestId('upload-state')).toHaveTextContent('Nouvel essai');

    await update({ state: 'uploading', attempts: 2, bytes_sent: 0, last_error: 'Connection reset' });
    await serverEmit('upload_completed', makeCompleted({ task_id: 'task-abc-123', attempts: 2 }));
    await update({
      state: 'uploaded',
      attempts: 2,
      bytes_sent: 10 * MB,
      percent: 100,
      task_id: 'task-abc-123',
      processing_status: 'uploaded',
    });
    expect(screen.getByTestId('task-id')).toHaveTextContent('task-abc-123');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByTestId('upload-rate')).toHaveTextContent('—');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await serverEmit(
      'processing_status',
      makeProcessing({
        task_id: 'task-abc-123',
        status: 'processing',
        progress: 55,
        message: 'Génération des sous-titres',
        state: 'processing',
      }),
    );
    const processing = screen.getByTestId('processing-status');
    expect(processing).toHaveTextContent('en cours');
    expect(processing).toHaveTextContent('55 %');
    expect(processing).toHaveTextContent('Génération des sous-titres');
    // The job's own state changes only when the server says so.
    expect(screen.getByTestId('upload-state')).toHaveTextContent('Envoyé');
    await update({ state: 'processing', task_id: 'task-abc-123', processing_status: 'processing' });
    expect(screen.getByTestId('upload-state')).toHaveTextContent('Traitement');
  });

  it('moves the bar from upload_progress without touching the state', async () => {
    const job = makeJob({ state: 'queued' });
    const { serverEmit } = renderWithApp(<LatestUpload />, {
      routes: { 'GET /api/integrated/uploads': { body: { uploads: [job], count: 1 } } },
    });
    await screen.findByRole('progressbar');
    await serverEmit('upload_progress', makeProgress({ bytes_sent: MB, total_bytes: 4 * MB, percent: 25 }));
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByTestId('upload-state')).toHaveTextContent('En file');
  });

  it('shows a job announced by upload_queued as the latest upload', async () => {
    const { serverEmit } = renderWithApp(<LatestUpload />);
    expect(await screen.findByText('Aucun upload pour le moment.')).toBeInTheDocument();
    await serverEmit('upload_queued', { job: makeJob({ id: 9, session_name: 'Nouvelle' }) });
    expect(screen.getByRole('progressbar', { name: "Progression de l'upload de Nouvelle" })).toBeInTheDocument();
  });
});
