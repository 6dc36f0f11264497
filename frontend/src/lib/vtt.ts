// Subtitles preview: the first cues of a WebVTT (or SRT) file, as text. Pure, so it is tested alone.

export interface Cue {
  /** "HH:MM:SS" of the cue's start (milliseconds dropped: a preview). */
  start: string;
  end: string;
  text: string;
}

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/;

/** "01:02.500" or "1:01:02,500" → "00:01:02" / "01:01:02". */
function clock(time: string): string {
  const parts = time.split(/[.,]/)[0].split(':');
  while (parts.length < 3) parts.unshift('0');
  return parts.map((p) => p.padStart(2, '0')).join(':');
}

/** The first `max` cues with text; markup (<i>, <v Speaker>) removed. Anything unreadable is skipped. */
export function parseCues(source: string, max = 3): Cue[] {
  const cues: Cue[] = [];
  const blocks = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/);
  for (const block of blocks) {
    const lines = block.split('\n');
    const timingAt = lines.findIndex((line) => TIMING.test(line));
    if (timingAt < 0) continue; // the WEBVTT header, NOTE and STYLE blocks
    const [, start, end] = TIMING.exec(lines[timingAt])!;
    const text = lines
      .slice(timingAt + 1)
      .map((line) => line.replace(/<[^>]*>/g, '').trim())
      .filter(Boolean)
      .join(' ');
    if (!text) continue;
    cues.push({ start: clock(start), end: clock(end), text });
    if (cues.length >= max) break;
  }
  return cues;
}
