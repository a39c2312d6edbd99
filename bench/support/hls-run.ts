// The long listening run of bench/hls.ts (--stall-minutes N): what the listener page
// records in the browser, and the pure figures made from it (unit tested).
import type { Page } from '@playwright/test';
import { summarize } from './stats';

/** `--stall-minutes N` (or `=N`) from the command line; null when absent. */
export function stallMinutes(argv: readonly string[]): number | null {
  const i = argv.findIndex((a) => a === '--stall-minutes' || a.startsWith('--stall-minutes='));
  if (i === -1) return null;
  const arg = argv[i] ?? '';
  const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
  const n = Number(raw);
  if (!raw || !Number.isFinite(n) || n <= 0 || n > 240)
    throw new Error(`--stall-minutes needs a number of minutes (0-240], got "${raw ?? ''}"`);
  return n;
}

/** Seconds behind the live edge (end of the seekable range) at one moment, page clock (ms). */
export type EdgeSample = { t: number; behind: number };

export type RunRecord = { waiting: number; bufferStalled: number; edge: EdgeSample[] };

/** Starts recording on the HLS element: `waiting` events, hls.js BUFFER_STALLED_ERRORs, distance to the live edge each second. */
export async function startRecording(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const el = document.querySelector<HTMLAudioElement>(sel);
    if (!el) throw new Error(`no ${sel}`);
    const rec = { waiting: 0, bufferStalled: 0, edge: [] as { t: number; behind: number }[] };
    (window as unknown as { __hlsRun: typeof rec }).__hlsRun = rec;
    el.addEventListener('waiting', () => (rec.waiting += 1));
    // useHlsListening re-dispatches hls.js errors on the element (hls.js itself is not reachable from here).
    el.addEventListener('hlserror', (e) => {
      if ((e as CustomEvent<{ details: string }>).detail.details === 'bufferStalledError') rec.bufferStalled += 1;
    });
    setInterval(() => {
      const n = el.seekable.length;
      if (n > 0 && !el.paused)
        rec.edge.push({ t: performance.timeOrigin + performance.now(), behind: el.seekable.end(n - 1) - el.currentTime });
    }, 1_000);
  }, selector);
}

export const readRecording = (page: Page) => page.evaluate(() => (window as unknown as { __hlsRun: RunRecord }).__hlsRun);

const median = (values: number[]) => (values.length ? summarize(values).median : NaN);

/**
 * Distance to the live edge at the start and at the end of the run (medians over a window of
 * a minute, or a third of a shorter run), its maximum, and the drift between the two.
 */
export function edgeDrift(samples: readonly EdgeSample[]): { first: number; last: number; max: number; drift: number } | null {
  if (samples.length < 3) return null;
  const t0 = samples[0]?.t ?? 0;
  const t1 = samples.at(-1)?.t ?? 0;
  const window = Math.min(60_000, (t1 - t0) / 3);
  const first = median(samples.filter((s) => s.t <= t0 + window).map((s) => s.behind));
  const last = median(samples.filter((s) => s.t >= t1 - window).map((s) => s.behind));
  return { first, last, max: Math.max(...samples.map((s) => s.behind)), drift: last - first };
}

/**
 * Pairs clicks while following a lag that drifts (a long run under load): each sent click is
 * matched to the received onset nearest its previous lag, within `tolerance`. Clicks are at
 * least 800 ms apart, so a drift under `tolerance` between clicks cannot pick a neighbour.
 */
export function trackLags(sent: readonly number[], received: readonly number[], startLag: number, tolerance = 400): number[] {
  const r = [...received].sort((a, b) => a - b);
  const lags: number[] = [];
  let ref = startLag;
  for (const t of [...sent].sort((a, b) => a - b)) {
    let best: number | null = null;
    for (const x of r)
      if (Math.abs(x - t - ref) <= tolerance && (best === null || Math.abs(x - t - ref) < Math.abs(best - ref))) best = x - t;
    if (best !== null) {
      lags.push(best);
      ref = best;
    }
  }
  return lags;
}

/** Glass-to-glass drift: median lag of the last `n` matched clicks minus that of the first `n` (ms). */
export function lagDrift(lags: readonly number[], n = 10): number | null {
  if (lags.length < 2 * n) return null;
  return median(lags.slice(-n)) - median(lags.slice(0, n));
}
