import { StatusPill, type Tone } from '../../../components/StatusPill';
import { useI18n } from '../../../i18n/useI18n';
import { formatBytes, formatClock, formatDuration, localeOf } from '../../../lib/format';
import type { RecordedFile, Session } from '../../../types';
import { filesByRig, type RigFiles } from '../rigFiles';

const PART_TONES: Record<string, Tone> = {
  starting: 'active',
  recording: 'live',
  stopped: 'ok',
  interrupted: 'warn',
  failed: 'bad',
};

/** A session's files (several when OBS split the recording, grouped per rig with several OBS) and its markers. */
export function SessionDetails({ recording: rec }: { recording: Session }) {
  const { t } = useI18n();
  if (rec.files.length === 0 && rec.markers.length === 0 && rec.rigs.length <= 1) return null;
  const rigs = filesByRig(rec);
  return (
    <div className="session-details">
      {rigs ? (
        <div className="session-details__block session-details__block--rigs">
          <h4>{t.recordings.rigFiles}</h4>
          {rigs.map((group) => (
            <RigGroup key={group.rig} group={group} several={rigs.length > 1} />
          ))}
        </div>
      ) : (
        rec.files.length > 0 && (
          <div className="session-details__block">
            <h4>{rec.files.length > 1 ? t.recordings.split(rec.files.length) : t.recordings.files}</h4>
            <FileList files={rec.files} label={t.recordings.files} />
          </div>
        )
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

/** One rig's part of the session: how it ended, how late it started, its files. */
function RigGroup({ group, several }: { group: RigFiles; several: boolean }) {
  const { t, lang } = useI18n();
  const { part } = group;
  const skew = several && part?.skew_ms != null ? part.skew_ms : null;
  return (
    <section className="session-rig" data-testid="session-rig" data-rig={group.rig} aria-label={group.label}>
      <h5 className="session-rig__head">
        <span className="session-rig__label">{group.label}</span>
        {group.label !== group.rig && <span className="mono muted">{group.rig}</span>}
        {part && (
          <StatusPill tone={PART_TONES[part.status] ?? 'info'} testId="session-rig-status">
            {t.recordings.rigStatuses[part.status] ?? part.status}
          </StatusPill>
        )}
        {skew !== null && (
          <span className="session-rig__skew" data-testid="session-rig-skew">
            {skew === 0
              ? t.recordings.firstRig
              : t.recordings.skew(new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 }).format(skew))}
          </span>
        )}
      </h5>
      {group.files.length > 0 ? (
        <FileList files={group.files} label={`${t.recordings.files} — ${group.label}`} />
      ) : (
        <p className="muted">{t.recordings.noRigFile}</p>
      )}
    </section>
  );
}

function FileList({ files, label }: { files: RecordedFile[]; label: string }) {
  const { lang } = useI18n();
  return (
    <ol className="file-list" aria-label={label} data-testid="session-files">
      {files.map((f) => (
        <li key={f.relative_path}>
          <span className="mono ellipsis" title={f.name}>
            {f.name}
          </span>
          <span>{formatBytes(f.size_bytes, lang)}</span>
          <span>{formatDuration(f.duration_s)}</span>
        </li>
      ))}
    </ol>
  );
}
