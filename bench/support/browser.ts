import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { Credentials } from './api';
import { CHROMIUM, chromiumArgs } from '../../tests/support/chromium';
import { fail, requireExecutable, sleep } from './env';
import { probeScript, type Onset, type ProbeOptions, type ProbeState } from './probe';

/** One browser process for every page, so all `performance.timeOrigin + now()` stamps share a clock. */
export async function launchBrowser(fakeMicWav: string): Promise<Browser> {
  requireExecutable(CHROMIUM, "install Debian's chromium: apt-get install chromium");
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(fakeMicWav),
  });
}

/**
 * A fresh context (own cookies) with the probe installed, optionally signed in. Sign-in goes
 * through `context.request`, which shares the context's cookie jar, so pages are signed in too.
 */
export async function openPage(
  browser: Browser,
  appUrl: string,
  /** null: the page as the app serves it, with no probe (and its CSP), e.g. to measure the page alone. */
  probe: ProbeOptions | null,
  creds?: Credentials,
): Promise<{ context: BrowserContext; page: Page }> {
  // The probes inject their own AudioWorklet (a blob: module); the app's CSP rightly refuses it.
  const context = await browser.newContext({ baseURL: appUrl, bypassCSP: probe !== null });
  if (probe) {
    // tsx compiles with esbuild's keepNames, which wraps functions in __name(); the page has no such helper.
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
    await context.addInitScript({ content: probeScript(probe) });
  }
  if (creds) {
    const res = await context.request.post('/api/auth/sign-in/email', { data: creds, headers: { origin: appUrl } });
    if (!res.ok()) fail(`browser sign-in as ${creds.email}: HTTP ${res.status()} ${await res.text()}`);
  }
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error ${page.url()}] ${err.message}`));
  return { context, page };
}

export async function readProbe(page: Page): Promise<ProbeState> {
  const state = await page.evaluate(() => window.__benchProbe ?? null);
  if (!state) fail(`the probe is not installed in ${page.url()}`);
  if (state.errors.length > 0) fail(`probe errors in ${page.url()}: ${state.errors.join('; ')}`);
  return state;
}

/** Onset times for one tap, optionally only those after `since`. */
export async function onsets(page: Page, label: string, since = -Infinity): Promise<Onset[]> {
  return ((await readProbe(page)).onsets[label] ?? []).filter((o) => o.t > since);
}

/** The last time `name` was marked after `since`, or null. */
export async function markAfter(page: Page, name: string, since: number): Promise<number | null> {
  const marks = (await readProbe(page)).marks.filter((m) => m.name === name && m.t >= since);
  return marks.at(-1)?.t ?? null;
}

/** Polls `check` until it returns a value (not null), failing with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | null>, timeoutMs: number, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export async function waitForState(page: Page, testId: string, state: string, timeoutMs = 20_000): Promise<void> {
  try {
    await page
      .getByTestId(testId)
      .and(page.locator(`[data-state="${state}"]`))
      .waitFor({ timeout: timeoutMs });
  } catch {
    const actual = await page
      .getByTestId(testId)
      .getAttribute('data-state')
      .catch(() => '(missing)');
    fail(`${testId} did not reach data-state=${state} within ${timeoutMs} ms (it is ${actual}) on ${page.url()}`);
  }
}

export type InboundAudio = {
  jitterBufferMs: number;
  targetDelayMs: number;
  packetsLost: number;
  concealmentEvents: number;
  rttMs: number | null;
};

/** WebRTC's own view of the listener's receive path (averages since the track started). */
export async function inboundAudio(page: Page): Promise<InboundAudio | null> {
  return page.evaluate(async () => {
    for (const pc of window.__benchPcs ?? []) {
      const report = await pc.getStats();
      let rtt: number | null = null;
      report.forEach((s: { type: string; state?: string; currentRoundTripTime?: number }) => {
        if (s.type === 'candidate-pair' && s.state === 'succeeded' && s.currentRoundTripTime !== undefined)
          rtt = s.currentRoundTripTime * 1000;
      });
      for (const s of report.values() as IterableIterator<Record<string, unknown>>) {
        if (s.type !== 'inbound-rtp' || s.kind !== 'audio') continue;
        const n = Number(s.jitterBufferEmittedCount) || 1;
        return {
          jitterBufferMs: (Number(s.jitterBufferDelay) / n) * 1000,
          targetDelayMs: (Number(s.jitterBufferTargetDelay) / n) * 1000,
          packetsLost: Number(s.packetsLost),
          concealmentEvents: Number(s.concealmentEvents),
          rttMs: rtt,
        };
      }
    }
    return null;
  });
}

/** Current time on the shared clock, read inside a page. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.timeOrigin + performance.now());
}

/** Resource Timing for requests whose URL contains `urlPart`, started after `since` (shared clock). */
export async function requestsAfter(page: Page, urlPart: string, since: number): Promise<{ start: number; duration: number }[]> {
  const entries = await page.evaluate(
    (part) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes(part))
        .map((e) => ({ start: performance.timeOrigin + e.startTime, duration: e.duration })),
    urlPart,
  );
  return entries.filter((e) => e.start >= since);
}
