import { MAX_PRIORITY, MIN_PRIORITY } from '../config/constants';

/** The priority typed in a number input, or null when it is not a whole number in range. */
export function parsePriority(raw: string): number | null {
  if (!/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw);
  return n >= MIN_PRIORITY && n <= MAX_PRIORITY ? n : null;
}
