import { useI18n } from '../i18n/useI18n';

/** The one-line reason shown near controls that a viewer's token leaves disabled. */
export function ReadOnlyNote({ id }: { id?: string }) {
  const { t } = useI18n();
  return (
    <p id={id} className="notice notice--info">
      {t.auth.readOnly}
    </p>
  );
}
