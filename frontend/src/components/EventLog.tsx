import { useId } from 'react';
import { useAppState } from '../hooks/useAppState';
import { useI18n } from '../i18n/useI18n';
import { formatTime } from '../lib/format';

/** Room events, newest first (capped in lib/appState). */
export function EventLog() {
  const { t, lang } = useI18n();
  const ids = useId();
  const events = useAppState((s) => s.events);
  return (
    <section className="card card--events" aria-labelledby={`${ids}-h`}>
      <header className="card__header">
        <h2 id={`${ids}-h`}>{t.events.heading}</h2>
      </header>
      {events.length === 0 && <p className="empty">{t.events.empty}</p>}
      <ol className="events" role="log" aria-live="polite" aria-labelledby={`${ids}-h`}>
        {events.map((e) => (
          <li key={e.id} className={`event event--${e.level}`}>
            <time dateTime={new Date(e.at).toISOString()}>{formatTime(new Date(e.at).toISOString(), lang)}</time>
            <span className="event__text">{e.text(t, lang)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
