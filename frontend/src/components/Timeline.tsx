import { useId, useMemo, type CSSProperties } from 'react';
import { useNow } from '../hooks/useNow';
import type { Lang, Messages } from '../i18n/messages';
import { useI18n } from '../i18n/useI18n';
import { formatClock, formatDateTime, formatSpan, formatTime } from '../lib/format';
import { layoutTimeline, type TimelineLayout, type TimelineSource, type UploadRow } from '../lib/timeline';

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

const pct = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;
const place = (x: number, width?: number): CSSProperties =>
  width === undefined ? { left: pct(x) } : { left: pct(x), width: pct(width) };
const isoOf = (ms: number) => new Date(ms).toISOString();

/** One upload's phases in words: « En file 2 s, Envoi 8 s, Traitement 30 s — Terminé ». */
function phasesText(row: UploadRow, t: Messages, lang: Lang): { phases: string; outcome: string } {
  const phases = row.phases
    .map(
      (p) =>
        `${t.timeline.phases[p.kind]} ${formatSpan(p.durationMs, lang)}${p.open ? ` (${t.timeline.running})` : ''}`,
    )
    .join(', ');
  return { phases, outcome: row.outcome ? ` — ${t.timeline.outcomes[row.outcome]}` : '' };
}

/** The whole picture in one paragraph: the text alternative of the timeline. */
export function describeTimeline(layout: TimelineLayout, t: Messages, lang: Lang): string {
  const rec = layout.recording;
  const when = rec.live ? formatTime(isoOf(rec.startMs), lang) : formatDateTime(isoOf(rec.startMs), lang);
  const pauses = t.timeline.summaryPauses(rec.pauses.length, formatSpan(rec.pausedMs, lang));
  const markers = t.timeline.summaryMarkers(
    rec.markers.length,
    rec.markers
      .map((m) => (m.label ? `${formatClock(m.timecodeMs)} « ${m.label} »` : formatClock(m.timecodeMs)))
      .join(', '),
  );
  const parts = [
    `${t.timeline.summaryRecording(when, rec.live, formatSpan(rec.recordedMs, lang))}, ${pauses}, ${markers}.`,
  ];
  for (const row of layout.pipeline?.rows ?? []) {
    const { phases, outcome } = phasesText(row, t, lang);
    parts.push(`${t.timeline.summaryUpload(row.fileName, phases, outcome)}.`);
  }
  return parts.join(' ');
}

interface TimelineProps {
  source: TimelineSource;
  /** What the picture is of (the session's name or title), for its label. */
  name: string;
  className?: string;
}

/**
 * A session's story in one picture (README "Timeline"): the recording from start to stop with its
 * pauses (hatched) and markers (ticks; hover or focus shows label and timecode), then each upload's
 * phases with their durations and outcome. Live: it grows every second while something runs.
 * The figure's caption (visually hidden) says all of it in words.
 */
export function Timeline({ source, name, className }: TimelineProps) {
  const { t, lang } = useI18n();
  const ids = useId();
  const running = source.end == null || (source.uploads ?? []).some((u) => !TERMINAL.has(u.state));
  const now = useNow(running);
  const layout = useMemo(() => layoutTimeline(source, now), [source, now]);
  const rec = layout.recording;
  const summary = describeTimeline(layout, t, lang);

  return (
    <figure
      className={`timeline${className ? ` ${className}` : ''}`}
      data-testid="timeline"
      data-live={rec.live ? 'true' : 'false'}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-summary`}
    >
      <span id={`${ids}-title`} className="sr-only">
        {t.timeline.title(name)}
      </span>
      <figcaption id={`${ids}-summary`} className="sr-only" data-testid="timeline-summary">
        {summary}
      </figcaption>

      <div className="timeline__section">
        <div className="timeline__head">
          <span className="timeline__label">{t.timeline.recording}</span>
          <span className="timeline__figures">
            {t.timeline.recorded(formatSpan(rec.recordedMs, lang))}
            {rec.pausedMs > 0 && ` · ${t.timeline.paused(formatSpan(rec.pausedMs, lang))}`}
          </span>
        </div>
        <div className={`timeline__track timeline__track--recording${rec.live ? ' timeline__track--live' : ''}`}>
          {rec.fileBreaks.map((x, i) => (
            <span key={`b${i}`} className="timeline__break" style={place(x)} title={t.timeline.fileBreak} />
          ))}
          {rec.pauses.map((p, i) => {
            const tip = t.timeline.pauseTip(
              formatSpan(p.durationMs, lang),
              formatTime(isoOf(p.startMs), lang),
              p.open ? t.timeline.live : formatTime(isoOf(p.endMs), lang),
            );
            return (
              <span
                key={`p${i}`}
                className={`timeline__pause${p.open ? ' timeline__pause--open' : ''}`}
                data-testid="timeline-pause"
                style={place(p.x, p.width)}
                tabIndex={0}
                role="img"
                aria-label={tip}
              >
                <span className="timeline__tip" role="tooltip">
                  {tip}
                </span>
              </span>
            );
          })}
          {rec.markers.map((m) => {
            const tip = t.timeline.markerTip(m.index, formatClock(m.timecodeMs), m.label);
            return (
              <span
                key={`m${m.index}`}
                className="timeline__marker"
                data-testid="timeline-marker"
                style={place(m.x)}
                tabIndex={0}
                role="img"
                aria-label={tip}
              >
                <span className="timeline__tip" role="tooltip">
                  {tip}
                </span>
              </span>
            );
          })}
        </div>
        <div className="timeline__axis" aria-hidden="true">
          <span>{formatTime(isoOf(rec.startMs), lang)}</span>
          <span>{rec.live ? t.timeline.live : formatTime(isoOf(rec.endMs), lang)}</span>
        </div>
      </div>

      {layout.pipeline && (
        <div className="timeline__section" data-testid="timeline-pipeline">
          <div className="timeline__head">
            <span className="timeline__label">{t.timeline.pipeline}</span>
            <span className="timeline__figures">{formatSpan(layout.pipeline.durationMs, lang)}</span>
          </div>
          {layout.pipeline.rows.map((row) => {
            return (
              <div
                key={row.jobId}
                className="timeline__upload"
                data-testid="timeline-upload"
                data-state={row.state}
                data-outcome={row.outcome ?? 'running'}
              >
                {layout.pipeline!.rows.length > 1 && (
                  <span className="timeline__file mono ellipsis" title={row.fileName}>
                    {row.fileName}
                  </span>
                )}
                <div className="timeline__track timeline__track--pipeline">
                  {row.phases.map((p) => (
                    <span
                      key={p.kind}
                      className={[
                        'timeline__phase',
                        `timeline__phase--${p.kind}`,
                        p.open ? 'timeline__phase--running' : '',
                        p.failed ? 'timeline__phase--failed' : '',
                      ]
                        .filter(Boolean)
                        .join(' ')}
                      data-testid="timeline-phase"
                      data-phase={p.kind}
                      style={place(p.x, p.width)}
                      title={`${t.timeline.phases[p.kind]} — ${formatSpan(p.durationMs, lang)}`}
                    />
                  ))}
                  {row.outcome && (
                    <span
                      className={`timeline__outcome timeline__outcome--${row.outcome}`}
                      style={place(
                        Math.min(
                          1,
                          row.phases.reduce((end, p) => Math.max(end, p.x + p.width), 0),
                        ),
                      )}
                      aria-hidden="true"
                    />
                  )}
                </div>
                <p className="timeline__legend">
                  {row.phases.map((p, i) => (
                    <span key={p.kind} className={`timeline__legend-item timeline__legend-item--${p.kind}`}>
                      {i > 0 && <span aria-hidden="true"> → </span>}
                      <span className={`timeline__swatch timeline__swatch--${p.kind}`} aria-hidden="true" />
                      {t.timeline.phases[p.kind]} <span className="mono">{formatSpan(p.durationMs, lang)}</span>
                      {p.open && <span className="timeline__running"> ({t.timeline.running})</span>}
                    </span>
                  ))}
                  {row.outcome && (
                    <strong
                      className={`timeline__result timeline__result--${row.outcome}`}
                      data-testid="timeline-outcome"
                    >
                      {' → '}
                      {t.timeline.outcomes[row.outcome]}
                    </strong>
                  )}
                </p>
              </div>
            );
          })}
        </div>
      )}
    </figure>
  );
}
