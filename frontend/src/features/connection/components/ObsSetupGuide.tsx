import { useId } from 'react';
import { useAccess } from '../../../hooks/useAccess';
import { useI18n } from '../../../i18n/useI18n';

/** Names a person copies into .env: shown as code wherever a step mentions them. */
const CODE = /(OBS_PORT|OBS_PASSWORD|OBS_HOST|\.\/scripts\/run\.sh|\.env|4455)/;

function withCode(text: string) {
  return text.split(CODE).map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

/**
 * First run: while OBS is not connected, how to connect it (the guide's steps, where each setting
 * goes in .env) and the server's reason. Gone as soon as OBS connects (obs_connection / health).
 */
export function ObsSetupGuide() {
  const { t } = useI18n();
  const ids = useId();
  const { obs, serverDown } = useAccess();
  if (serverDown || !obs || obs.connected) return null;
  const lost = obs.state === 'reconnecting';
  return (
    <section className="card obs-guide" aria-labelledby={`${ids}-h`} data-testid="obs-guide" data-state={obs.state}>
      <header className="card__header">
        <h2 id={`${ids}-h`}>
          <span className="obs-guide__icon" aria-hidden="true" />
          {t.obsGuide.title}
        </h2>
      </header>
      {lost && <p>{t.obsGuide.reconnecting}</p>}
      <p>{t.obsGuide.intro}</p>
      <ol className="obs-guide__steps">
        {t.obsGuide.steps.map((step) => (
          <li key={step}>{withCode(step)}</li>
        ))}
      </ol>
      {obs.error && (
        <p className="obs-guide__reason" data-testid="obs-error">
          {t.obsGuide.reason(obs.error)}
        </p>
      )}
      <p className="muted">{t.obsGuide.outro}</p>
    </section>
  );
}
