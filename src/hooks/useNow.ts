'use client';
import { useEffect, useState } from 'react';

/**
 * Current time, ticking every `intervalMs`. Null during server render and hydration so
 * relative times ("on air for 12 min") never cause a hydration mismatch.
 */
export function useNow(intervalMs = 15_000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- null through server render and hydration (see above), so the first time is set after mount.
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
