import { useI18n } from '../../../i18n/useI18n';
import type { StorageHealth } from '../../../types';

/** Plain banner while the server (REST or socket) is unreachable; it goes away by itself on recovery. */
export function ConnectionBanner({ visible }: { visible: boolean }) {
  const { t } = useI18n();
  if (!visible) return null;
  return (
    <div className="banner banner--bad" role="alert" data-testid="server-banner">
      <span className="spinner" aria-hidden="true" />
      {t.connection.unreachable}
    </div>
  );
}

/** While /api/health says `degraded`: what the server cannot use (`storage.error`), until it can again. */
export function StorageBanner({ storage }: { storage: StorageHealth | undefined }) {
  const { t } = useI18n();
  if (!storage || storage.ok) return null;
  return (
    <div className="banner banner--warn" role="alert" data-testid="storage-banner">
      {t.connection.degradedBanner(storage.error ?? '')}
    </div>
  );
}
