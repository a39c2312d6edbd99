// A stop of the app (one SIGTERM, as Docker sends its PID 1 at a rolling restart) is graceful and quick: it ends
// its open event streams at once, hands the cluster lease on and exits by itself, instead of waiting
// for its 5 s cap on every page that holds a stream (the browser reconnects 2 s after its stream ends).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChannelState } from '@/types/live';
import { createChannel, signedInAdmin } from '../support/app-client';
import { openStream } from '../support/sse';
import { appControl } from '../support/stack-control';
import { LOAD_MARGIN } from '../support/timing';

/** The lease handed on (the before-exit hooks: at most 1 s, src/lib/server-stop.ts), requests ended, and the process's exit. */
const STOP_TARGET_MS = 2_000;
/** The streams end among the stop's first steps (the before-exit hooks: at most 1 s). */
const STREAMS_END_MS = 1_000;
let stopped = false;

afterAll(async () => {
  if (stopped) await appControl('start');
});

describe('stopping the app', () => {
  it('ends its open event streams and exits by itself, well before its 5 s cap', { timeout: 120_000 }, async () => {
    const channel = await createChannel(await signedInAdmin(), 'app-stop');
    const streams = await Promise.all([1, 2, 3].map(() => openStream<ChannelState>(`/api/channels/${channel.slug}/events`)));
    await expect.poll(() => streams.every((s) => s.states.length > 0), { timeout: 5_000 }).toBe(true);
    const logFile = path.join(process.env.STACK_DIR ?? '', 'app.log');
    const before = readFileSync(logFile, 'utf8').length;

    const asked = Date.now();
    stopped = true;
    await appControl('stop'); // resolves once the process has exited
    const stopMs = Date.now() - asked;
    const ends = await Promise.all(streams.map((s) => s.ended));
    const endedMs = ends.map((e) => e.at - asked);
    console.info(`[app-stop] the app exited ${stopMs} ms after SIGTERM; its streams ended at ${endedMs.join(', ')} ms`);

    // Its own clean exit (server.ts logs it), not the harness's SIGKILL nor its own 5 s cap.
    const stopLog = readFileSync(logFile, 'utf8').slice(before);
    expect(stopLog).toMatch(/"msg":"stopped in \d+ ms"/);
    expect(stopLog).not.toContain('still open');
    // Each stream ended by the server, well inside the hooks' 1 s, not cut by the process's death.
    for (const e of ends) expect(e.clean).toBe(true);
    for (const ms of endedMs) expect(ms).toBeLessThan(STREAMS_END_MS * LOAD_MARGIN);
    expect(stopMs).toBeLessThan(STOP_TARGET_MS * LOAD_MARGIN);

    await appControl('start');
    stopped = false;
    const again = await openStream<ChannelState>(`/api/channels/${channel.slug}/events`);
    await expect.poll(() => again.states.length, { timeout: 5_000 }).toBeGreaterThan(0);
    await again.close();
  });
});
