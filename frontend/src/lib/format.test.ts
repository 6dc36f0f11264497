import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatClock,
  formatDay,
  formatDuration,
  formatRate,
  formatSpan,
  formatTimecode,
  minutesLeft,
  percentOf,
  toPercent,
} from './format';

describe('format', () => {
  it('shows OBS timecodes as HH:MM:SS', () => {
    expect(formatTimecode('00:01:05.250')).toBe('00:01:05');
    expect(formatTimecode('12:00:59.999')).toBe('12:00:59');
    expect(formatTimecode(null, 3_723_456)).toBe('01:02:03');
    expect(formatTimecode(undefined, undefined)).toBe('00:00:00');
  });

  it('shows durations in ms as a clock (paused time, marker timecodes)', () => {
    expect(formatClock(72_000)).toBe('00:01:12');
    expect(formatClock(72_999)).toBe('00:01:12');
    expect(formatClock(36_000_000 + 61_000)).toBe('10:01:01');
    expect(formatClock(0)).toBe('00:00:00');
    expect(formatClock(-1)).toBe('00:00:00');
    expect(formatClock(Number.NaN)).toBe('00:00:00');
    expect(formatClock(null)).toBe('00:00:00');
  });

  it('gives short timeline spans in tenths of a second', () => {
    expect(formatSpan(420, 'fr')).toBe('0,4 s');
    expect(formatSpan(0, 'en')).toBe('0.0 s');
    expect(formatSpan(7_480, 'fr')).toBe('7,5 s');
    expect(formatSpan(9_949, 'fr')).toBe('9,9 s');
    expect(formatSpan(10_000, 'fr')).toBe('10 s');
    expect(formatSpan(125_000, 'fr')).toBe('2 min 05 s');
    expect(formatSpan(-1, 'fr')).toBe('—');
  });

  it('says how many whole minutes of recording are left', () => {
    expect(minutesLeft(3_599)).toBe(59);
    expect(minutesLeft(60)).toBe(1);
    expect(minutesLeft(59)).toBe(0);
    expect(minutesLeft(null)).toBeNull();
    expect(minutesLeft(-5)).toBeNull();
  });

  it('humanises sizes and rates per language', () => {
    expect(formatBytes(0, 'fr')).toBe('0 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(123.4 * 1024 * 1024, 'fr')).toBe('123,4 MB');
    expect(formatBytes(null, 'fr')).toBe('—');
    expect(formatRate(3 * 1024 * 1024, 'en')).toBe('3.0 MB/s');
  });

  it('formats durations and days', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3 * 3600 + 120)).toBe('3 h 02 min');
    expect(formatDuration(null)).toBe('—');
    expect(formatDay('2025-07-08', 'en')).toBe('8 Jul 2025');
  });

  it('clamps percentages', () => {
    expect(toPercent(120)).toBe(100);
    expect(toPercent(-3)).toBe(0);
    expect(toPercent(null)).toBeNull();
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 0)).toBeNull();
  });
});
