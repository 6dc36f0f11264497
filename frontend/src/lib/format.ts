// Display helpers. Pure functions of (value, locale) so components and tests share one rendering.
import type { Lang } from '../i18n/messages';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export const localeOf = (lang: Lang): string => LOCALES[lang];

const pad = (n: number) => String(n).padStart(2, '0');

/** "HH:MM:SS.mmm" from OBS → "HH:MM:SS"; falls back to a duration in ms. */
export function formatTimecode(timecode?: string | null, durationMs?: number | null): string {
  if (timecode) {
    const match = /^(\d+):(\d{2}):(\d{2})/.exec(timecode);
    if (match) return `${pad(Number(match[1]))}:${match[2]}:${match[3]}`;
  }
  return formatClock(durationMs);
}

/** A duration in ms → "HH:MM:SS" (whole seconds, rounded down, like OBS's timecode); "00:00:00" when unknown. */
export function formatClock(ms: number | null | undefined): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return '00:00:00';
  const total = Math.floor(ms / 1000);
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** Seconds of recording left → whole minutes (rounded down: never promise more); null when unknown. */
export function minutesLeft(seconds: number | null | undefined): number | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return null;
  return Math.floor(seconds / 60);
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Binary units (1 KB = 1024 B), as OBS and file managers show them. */
export function formatBytes(bytes: number | null | undefined, lang: Lang): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : 1;
  const n = new Intl.NumberFormat(localeOf(lang), {
    maximumFractionDigits: digits,
    minimumFractionDigits: unit === 0 ? 0 : 1,
  });
  return `${n.format(value)} ${UNITS[unit]}`;
}

/** Bytes per second → "4,2 MB/s". */
export function formatRate(bytesPerSecond: number | null | undefined, lang: Lang): string {
  if (typeof bytesPerSecond !== 'number' || !Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) return '—';
  const mb = bytesPerSecond / (1024 * 1024);
  return `${new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mb)} MB/s`;
}

/** Seconds → "1 h 02 min", "3 min 05 s", "42 s". */
export function formatDuration(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h} h ${pad(m)} min`;
  if (m > 0) return `${m} min ${pad(sec)} s`;
  return `${sec} s`;
}

/** A timeline span: tenths under 10 s ("0,4 s", "7,5 s": a quick upload is not "0 s"), else like formatDuration. */
export function formatSpan(ms: number, lang: Lang): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms >= 9_950) return formatDuration(ms / 1000);
  const n = new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${n.format(Math.round(ms / 100) / 10)} s`;
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), { timeStyle: 'medium' }).format(date);
}

/** "YYYY-MM-DD" (a calendar day, no timezone) → "8 juil. 2025". */
export function formatDay(day: string | null | undefined, lang: Lang): string {
  if (!day) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Clamp to 0..100 and round to an integer percent; null when unknown. */
export function toPercent(value: number | null | undefined): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return Math.round(Math.min(100, Math.max(0, value)));
}

export function percentOf(done: number | null | undefined, total: number | null | undefined): number | null {
  if (typeof done !== 'number' || typeof total !== 'number' || total <= 0) return null;
  return toPercent((done / total) * 100);
}
