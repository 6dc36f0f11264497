import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSession } from '../../../test/fixtures';
import { renderWithApp } from '../../../test/render';
import type { RecordedFile, RigPart } from '../../../types';
import { SessionDetails } from './SessionDetails';

function file(rig: string, name: string, duration = 60): RecordedFile {
  return {
    rig,
    name,
    path: `/recordings/duo/${rig}/${name}`,
    relative_path: `duo/${rig}/${name}`,
    size_bytes: 2 * 1024 * 1024,
    duration_s: duration,
  };
}

function part(rig: string, label: string, status: string, skew: number | null): RigPart {
  return { rig, label, status, start_time: '2025-07-08T10:00:00', end_time: null, skew_ms: skew };
}

const groups = () => screen.getAllByTestId('session-rig');

describe('<SessionDetails />', () => {
  it('groups a record-all session’s files per rig, with each rig’s start skew and how it ended', () => {
    const duo = makeSession(1, {
      status: 'interrupted',
      files: [file('cam1', 'a.mkv'), file('cam2', 'b.mkv', 30), file('cam1', 'a (2).mkv')],
      rigs: [part('cam1', 'Caméra 1', 'stopped', 0), part('cam2', 'Caméra 2', 'interrupted', 12.5)],
    });
    renderWithApp(<SessionDetails recording={duo} />, { realtime: false });
    expect(screen.getByRole('heading', { name: 'Fichiers par rig' })).toBeInTheDocument();
    const [cam1, cam2] = groups();
    expect(cam1).toHaveAttribute('data-rig', 'cam1');
    expect(within(cam1).getByText('Caméra 1')).toBeInTheDocument();
    expect(within(cam1).getByText('cam1')).toBeInTheDocument();
    expect(within(cam1).getByTestId('session-rig-status')).toHaveTextContent('Arrêté');
    expect(within(cam1).getByTestId('session-rig-skew')).toHaveTextContent('Premier à démarrer');
    expect(
      within(within(cam1).getByTestId('session-files'))
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['a.mkv', 'a (2).mkv']);

    expect(within(cam2).getByTestId('session-rig-status')).toHaveTextContent('Interrompu');
    expect(within(cam2).getByTestId('session-rig-status')).toHaveAttribute('data-tone', 'warn');
    expect(within(cam2).getByTestId('session-rig-skew')).toHaveTextContent('Démarré 12,5 ms après le premier');
    expect(within(within(cam2).getByTestId('session-files')).getAllByRole('listitem')).toHaveLength(1);
    expect(within(cam2).getByText('b.mkv')).toBeInTheDocument();
  });

  it('says when a rig of the session left no file', () => {
    const failed = makeSession(2, {
      status: 'failed',
      files: [file('cam1', 'a.mkv')],
      rigs: [part('cam1', 'Caméra 1', 'stopped', 0), part('cam2', 'Caméra 2', 'failed', null)],
    });
    renderWithApp(<SessionDetails recording={failed} />, { realtime: false });
    const [, cam2] = groups();
    expect(within(cam2).getByTestId('session-rig-status')).toHaveTextContent('Échec');
    expect(within(cam2).getByText('Aucun fichier')).toBeInTheDocument();
    expect(within(cam2).queryByTestId('session-rig-skew')).not.toBeInTheDocument();
  });

  it('names the rig of a session recorded on one rig of several, without a skew', () => {
    const solo = makeSession(3, { files: [file('cam2', 'b.mkv')], rigs: [part('cam2', 'Caméra 2', 'stopped', 0)] });
    renderWithApp(<SessionDetails recording={solo} />, { realtime: false });
    const [cam2] = groups();
    expect(within(cam2).getByText('Caméra 2')).toBeInTheDocument();
    expect(within(cam2).queryByTestId('session-rig-skew')).not.toBeInTheDocument();
  });

  it('shows a one-OBS session as it always did, without rigs', () => {
    const plain = makeSession(4, { rigs: [part('default', 'OBS', 'stopped', 0)] });
    renderWithApp(<SessionDetails recording={plain} />, { realtime: false });
    expect(screen.queryByTestId('session-rig')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Fichiers' })).toBeInTheDocument();
    expect(within(screen.getByTestId('session-files')).getAllByRole('listitem')).toHaveLength(1);
  });
});
