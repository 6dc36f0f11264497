import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeJob } from '../../../test/fixtures';
import { renderWithApp } from '../../../test/render';
import { UploadQueue } from './UploadQueue';

describe('<UploadQueue />', () => {
  it('retries a failed job and cancels a queued one', async () => {
    const failed = makeJob({ id: 1, session_name: 'A', state: 'failed', last_error: 'HTTP 500', attempts: 3 });
    const queued = makeJob({ id: 2, session_name: 'B', state: 'queued' });
    const { user, server, serverEmit } = renderWithApp(<UploadQueue />, {
      routes: {
        'GET /api/integrated/uploads': { body: { uploads: [queued, failed], count: 2 } },
        'POST /api/integrated/uploads/1/retry': {
          body: { success: true, job: { ...failed, state: 'queued', can_retry: false, can_cancel: true } },
        },
        'POST /api/integrated/uploads/2/cancel': { status: 409, body: { error: 'Cet envoi ne peut plus être annulé' } },
      },
    });
    expect(await screen.findByRole('heading', { name: "File d'envoi" })).toBeInTheDocument();
    const jobs = await screen.findAllByTestId('upload-job');
    expect(within(jobs[1]).getByText('HTTP 500')).toBeInTheDocument();
    expect(within(jobs[1]).getByText(/3 tentatives/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: "Relancer l'envoi de A" }));
    expect(server.calls('POST', '/api/integrated/uploads/1/retry')).toHaveLength(1);
    await waitFor(() => expect(within(jobs[1]).getByText('En file')).toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: "Annuler l'envoi de B" }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cet envoi ne peut plus être annulé');

    await serverEmit('upload_job_updated', {
      job: { ...queued, state: 'cancelled', can_retry: true, can_cancel: false },
    });
    expect(within(jobs[0]).getByText('Annulé')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: "Relancer l'envoi de B" })).toBeInTheDocument();
  });

  it('offers « Relancer » and « Annuler » only when the server says the job allows them', async () => {
    const jobs = [
      makeJob({ id: 1, session_name: 'A', state: 'failed', can_retry: false, can_cancel: false }),
      makeJob({ id: 2, session_name: 'B', state: 'uploaded', can_retry: true, can_cancel: true }),
    ];
    const { serverEmit } = renderWithApp(<UploadQueue />, {
      routes: { 'GET /api/integrated/uploads': { body: { uploads: jobs, count: 2 } } },
    });
    const [a, b] = await screen.findAllByTestId('upload-job');
    expect(within(a).queryByRole('button')).not.toBeInTheDocument();
    expect(within(b).getByRole('button', { name: "Relancer l'envoi de B" })).toBeInTheDocument();
    expect(within(b).getByRole('button', { name: "Annuler l'envoi de B" })).toBeInTheDocument();

    await serverEmit('upload_job_updated', { job: { ...jobs[0], can_retry: true } });
    expect(within(a).getByRole('button', { name: "Relancer l'envoi de A" })).toBeInTheDocument();
    expect(within(a).queryByRole('button', { name: "Annuler l'envoi de A" })).not.toBeInTheDocument();
  });
});
