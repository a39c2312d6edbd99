/** Human durations for "on air for 12 min" and the DJ's set clock. */

const MINUTE = 60_000;

/** "less than a minute", "12 min", "2 h 5 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (minutes < 1) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "on air for 12 min" from an ISO start time; null when the time is missing or unreadable. */
export function formatOnAirFor(sinceIso: string | null, nowMs: number): string | null {
  if (!sinceIso) return null;
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) return null;
  return `on air for ${formatDuration(nowMs - since)}`;
}

/** Set clock: "4:05", "1:02:03". */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
