import { useEffect, useState } from 'react';

/**
 * The time (epoch ms), again every `everyMs` while `running`: what makes a live picture (a recording
 * still going, an upload phase still running) grow. Still when nothing runs.
 */
export function useNow(running: boolean, everyMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0); // the clock may have stood still since the last run
    const timer = setInterval(tick, everyMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [running, everyMs]);
  return now;
}
