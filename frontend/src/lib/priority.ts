// The processing API takes an integer priority; the dashboard offers 1..10 (1 = default).
export const MIN_PRIORITY = 1;
export const MAX_PRIORITY = 10;

/** The priority typed in a number input, or null when it is not a whole number in range. */
export function parsePriority(raw: string): number | null {
  if (!/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw);
  return n >= MIN_PRIORITY && n <= MAX_PRIORITY ? n : null;
}
