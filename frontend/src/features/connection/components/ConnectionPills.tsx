import { useAppState } from '../../../hooks/useAppState';
import { useI18n } from '../../../i18n/useI18n';
import type { ObsConnection, StorageHealth } from '../../../types';
import { StatusPill } from '../../../components/StatusPill';

export function ObsPill({ obs }: { obs: ObsConnection | undefined }) {
  const { t } = useI18n();
  const state = obs?.state ?? 'unknown';
  const [tone, label] =
    state === 'connected'
      ? (['ok', t.connection.obsConnected] as const)
      : state === 'reconnecting'
        ? (['warn', t.connection.obsReconnecting] as const)
        : state === 'disconnected'
          ? (['bad', t.connection.obsDisconnected] as const)
          : (['muted', t.connection.obsUnknown] as const);
  return (
    <span data-testid="obs-connection" data-state={state} title={obs?.error ?? undefined}>
      <StatusPill tone={tone} pulse={state === 'reconnecting'}>
        {label}
      </StatusPill>
    </span>
  );
}

export function SocketPill() {
  const { t } = useI18n();
  const socket = useAppState((s) => s.socket);
  const [tone, label] =
    socket === 'connected'
      ? (['ok', t.connection.socketConnected] as const)
      : socket === 'connecting'
        ? (['muted', t.connection.socketConnecting] as const)
        : (['bad', t.connection.socketDisconnected] as const);
  return (
    <span data-testid="socket-connection" data-state={socket} aria-label={`${t.connection.realtime} : ${label}`}>
      <StatusPill tone={tone} pulse={socket === 'connecting'}>
        {label}
      </StatusPill>
    </span>
  );
}

/** Only when /api/health says `degraded`: the server cannot use its recordings folder or database. */
export function StoragePill({ storage }: { storage: StorageHealth | undefined }) {
  const { t } = useI18n();
  if (!storage || storage.ok) return null;
  return (
    <span data-testid="storage-health" data-state="degraded" title={storage.error ?? undefined}>
      <StatusPill tone="warn">{t.connection.degraded}</StatusPill>
    </span>
  );
}
