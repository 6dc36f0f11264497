import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { healthConnected, healthObsDown } from '../../../test/fixtures';
import { renderWithApp } from '../../../test/render';
import { ObsPill } from './ConnectionPills';
import { ObsSetupGuide } from './ObsSetupGuide';

describe('<ObsSetupGuide />', () => {
  it('explains how to connect OBS while it is not, with the server’s reason, and goes away once it is', async () => {
    const { serverEmit } = renderWithApp(<ObsSetupGuide />, { routes: { 'GET /api/health': { body: healthObsDown } } });
    const guide = await screen.findByTestId('obs-guide');
    expect(within(guide).getByRole('heading', { name: 'Connecter OBS Studio' })).toBeInTheDocument();
    const steps = within(guide)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(steps).toEqual([
      'Dans OBS : Outils → Paramètres du serveur WebSocket.',
      'Cochez « Activer le serveur WebSocket ».',
      'Port du serveur : 4455 (sinon, reportez-le dans OBS_PORT).',
      "Activez l'authentification, choisissez un mot de passe et reportez-le dans OBS_PASSWORD.",
      'Si OBS est sur une autre machine, mettez son adresse dans OBS_HOST.',
      'Ces valeurs vont dans le fichier .env du serveur ; relancez ensuite ./scripts/run.sh.',
    ]);
    expect(within(guide).getByText('OBS_PASSWORD').tagName).toBe('CODE');
    expect(within(guide).getByTestId('obs-error')).toHaveTextContent(
      'Raison donnée par le serveur : Connection refused',
    );

    await serverEmit('obs_connection', { connected: true, state: 'connected', error: null });
    expect(screen.queryByTestId('obs-guide')).not.toBeInTheDocument();
  });

  it('shows nothing while OBS is connected, and says the link was lost when it is reconnecting', async () => {
    const { serverEmit } = renderWithApp(<ObsSetupGuide />, {
      routes: { 'GET /api/health': { body: healthConnected } },
    });
    await waitFor(() => expect(screen.queryByTestId('obs-guide')).not.toBeInTheDocument());
    await serverEmit('obs_connection', {
      connected: false,
      state: 'reconnecting',
      error: 'the connection to OBS was lost',
    });
    expect(await screen.findByTestId('obs-guide')).toHaveTextContent(/La connexion à OBS a été perdue/);
  });

  it('is in English after the switch', async () => {
    renderWithApp(
      <>
        <ObsPill obs={healthObsDown.obs} />
        <ObsSetupGuide />
      </>,
      { routes: { 'GET /api/health': { body: healthObsDown } }, lang: 'en' },
    );
    expect(await screen.findByRole('heading', { name: 'Connect OBS Studio' })).toBeInTheDocument();
    expect(screen.getByText('In OBS: Tools → WebSocket Server Settings.')).toBeInTheDocument();
  });
});
