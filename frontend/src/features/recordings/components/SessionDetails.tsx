import { useI18n } from '../../../i18n/useI18n';
import { formatBytes, formatClock, formatDuration } from '../../../lib/format';
import type { Session } from '../../../types';

/** A session's files (several when OBS split the recording) and its markers. */
export function SessionDetails({ recording: rec }: { recording: Session }) {
  const { t, lang } = useI18n();
  if (rec.files.length === 0 && rec.markers.length === 0) return null;
  return (
    <div className="session-details">
      {rec.files.length > 0 && (
        <div className="session-details__block">
          <h4>{rec.files.length > 1 ? t.recordings.split(rec.files.length) : t.recordings.files}</h4>
          <ol className="file-list" aria-label={t.recordings.files} data-testid="session-files">
            {rec.files.map((f) => (
              <li key={f.relative_path}>
                <span className="mono ellipsis" title={f.name}>
                  {f.name}
                </span>
                <span>{formatBytes(f.size_bytes, lang)}</span>
                <span>{formatDuration(f.duration_s)}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
      {rec.markers.length > 0 && (
        <div className="session-details__block">
          <h4>{t.recordings.markers}</h4>
          <ol className="marker-chips" aria-label={t.recordings.markers} data-testid="session-markers">
            {rec.markers.map((m) => (
              <li key={`${m.timecode_ms}-${m.at}`}>
                <span className="mono">{formatClock(m.timecode_ms)}</span>
                {m.label && <span className="marker-chips__label">{m.label}</span>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
