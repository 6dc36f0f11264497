import { useI18n } from '../../../i18n/useI18n';

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
