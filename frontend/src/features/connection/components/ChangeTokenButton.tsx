import { useAppStore } from '../../../hooks/useAppState';
import { useI18n } from '../../../i18n/useI18n';

/** In the top bar when the server wants a token: switch tokens (say, from viewer to operator). */
export function ChangeTokenButton() {
  const { t } = useI18n();
  const store = useAppStore();
  return (
    <button type="button" className="btn btn--small btn--ghost" onClick={() => store.set({ authPrompt: 'change' })}>
      {t.auth.change}
    </button>
  );
}
