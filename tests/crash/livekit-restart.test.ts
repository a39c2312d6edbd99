// Kills and restarts the stack's real livekit-server (through the harness's control
// endpoint) while a DJ and a listener are in a channel. Runs in its own stack at the
// product's default RECONCILE_INTERVAL_SECONDS: `npm run test:crash`.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@livekit/rtc-node';
import { envSchema } from '@/server/env.schema';
import type { TokenResponse } from '@/types/room';
import type { ChannelLive, ChannelSummary } from '@/types/channel';
import { AppClient, type ApiResult, createChannel, createDj, signedInAdmin } from '../support/app-client';
import { scheduleNow } from '../support/schedule';
import { joinRoom, publishAudio } from '../support/livekit-peer';
import { livekitControl } from '../support/stack-control';

const BOUND_MS = 10_000;
/** Readings from BOUND_MS after a restart on, enough to see a ghost that comes and goes. */
const SETTLED_SAMPLES = 11;
const anon = new AppClient();
let admin: AppClient;
let livekitDown = false;

async function livekit(action: 'kill' | 'start'): Promise<void> {
  await livekitControl(action);
  livekitDown = action === 'kill';
}

const live = async (slug: string) => (await anon.request<ChannelSummary>('GET', `/api/channels/${slug}`)).body.live;
const health = async () => (await anon.request('GET', '/api/health')).status;

/** `health`: the status /api/health answered just before `live` was read. */
type Sample = { at: number; live: ChannelLive; health: number };

/**
 * Reads /api/health and then a channel's live state every 200 ms until stopped, stamping each
 * with its request time. Health first: a 200 there means the state was known by then, so a
 * channel read right after that says "unknown" only if health answered 200 too early.
 */
function sampleLive(slug: string) {
  const samples: Sample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = Date.now();
      const healthStatus = await health();
      const res: ApiResult<ChannelSummary> = await anon.request('GET', `/api/channels/${slug}`);
      if (res.status === 200) samples.push({ at, live: res.body.live, health: healthStatus });
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    samples,
    /**
     * Resolves once `count` samples taken at or after `t` exist (at least one): a loaded machine reads
     * slower, so a fixed stop time could leave too few to judge (5 in an outage window, 2026-12-06).
     */
    until: async (t: number, count = 1) => {
      await expect
        .poll(() => samples.filter((s) => s.at >= t).length, { timeout: t - Date.now() + 30_000, interval: 200 })
        .toBeGreaterThanOrEqual(count);
    },
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/**
 * From 10 s after the restart: no DJ and no listener that are not really there; "unknown"
 * (no counts at all) is allowed a little longer, then the state must be known again.
 */
function expectNoGhosts(samples: Sample[], restartedAt: number): void {
  const settled = samples.filter((s) => s.at >= restartedAt + BOUND_MS);
  expect(settled.length).toBeGreaterThanOrEqual(SETTLED_SAMPLES);
  expect(settled.filter((s) => s.live.onAir || s.live.listeners > 0)).toEqual([]);
  expect(settled.filter((s) => s.at >= restartedAt + BOUND_MS + 5_000 && s.live.known === false)).toEqual([]);
}

/** Health must not answer 200 while channels still read "state unknown" (e.g. just after a restart). */
function expectNoHealthyUnknown(samples: Sample[], from: number): void {
  const early = samples.filter((s) => s.at >= from && s.health === 200 && !s.live.known);
  expect(
    early.map((s) => `${s.at - from} ms after the restart`),
    'health 200 while live state unknown',
  ).toEqual([]);
}

const ghostly = (s: Sample) => s.live.onAir || s.live.listeners > 0;

/** Milliseconds from `from` until the first sample after which none is ghostly up to `to` (for the log). */
function settledAfter(samples: Sample[], from: number, to = Infinity): number {
  const window = samples.filter((s) => s.at >= from && s.at < to);
  const lastBad = window.findLastIndex(ghostly);
  const first = window[lastBad + 1];
  return first ? first.at - from : NaN;
}

/** A DJ publishing and a listener listening in a fresh channel, both seen by the app. */
async function liveChannel(prefix: string): Promise<{ channel: ChannelSummary; rooms: Room[] }> {
  const channel = await createChannel(admin, prefix);
  const { dj, account } = await createDj(admin, `DJ ${prefix}`);
  await scheduleNow(admin, channel.id, account.id);
  const djToken = await dj.request<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'dj' });
  const djRoom = await joinRoom(djToken.body);
  await publishAudio(djRoom);
  const listenerToken = await anon.request<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'listener' });
  const listenerRoom = await joinRoom(listenerToken.body);
  await expect.poll(async () => live(channel.slug), { timeout: 15_000 }).toMatchObject({ onAir: true, listeners: 1 });
  return { channel, rooms: [djRoom, listenerRoom] };
}

/** Clients of a dead server just go away: nothing reaches LiveKit, only Redis remembers them. */
async function abandon(rooms: Room[]): Promise<void> {
  await Promise.all(rooms.map((room) => Promise.race([room.disconnect(), new Promise((r) => setTimeout(r, 2000))])));
}

beforeAll(async () => {
  // The targets hold at the product's defaults, not at the fast interval other tests use.
  const defaultInterval = envSchema.shape.RECONCILE_INTERVAL_SECONDS.parse(undefined);
  expect(process.env.RECONCILE_INTERVAL_SECONDS, 'run with --reconcile-interval set to the default').toBe(String(defaultInterval));
  admin = await signedInAdmin();
});

afterEach(async () => {
  if (livekitDown) await livekit('start');
});

describe('LiveKit crash and restart', () => {
  it('shows no confident "on air" 10 s into an outage, and no ghosts 10 s after the restart', async () => {
    const { channel, rooms } = await liveChannel('outage');
    const sampler = sampleLive(channel.slug);

    const killedAt = Date.now();
    await livekit('kill');
    await abandon(rooms);
    // An outage long enough that a restart cannot hide it.
    await sampler.until(killedAt + BOUND_MS + 3_000);
    const healthDuringOutage = await health();

    const restartedAt = Date.now();
    await livekit('start');
    await sampler.until(restartedAt + BOUND_MS + 8_000);
    await sampler.until(restartedAt + BOUND_MS, SETTLED_SAMPLES);
    await sampler.stop();

    const during = sampler.samples.filter((s) => s.at >= killedAt + BOUND_MS && s.at < restartedAt);
    // Enough readings to mean something; a loaded machine answers fewer than the ~15 a quiet one does.
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(during.filter((s) => s.live.onAir || s.live.listeners > 0)).toEqual([]);
    expect(during.every((s) => s.live.known === false)).toBe(true);
    expect(healthDuringOutage).toBe(503);

    console.info(
      `[crash] no DJ or listener shown ${settledAfter(sampler.samples, killedAt, restartedAt)} ms after the kill; ` +
        `no ghosts ${settledAfter(sampler.samples, restartedAt)} ms after the restart`,
    );
    expectNoGhosts(sampler.samples, restartedAt);
    expectNoHealthyUnknown(sampler.samples, restartedAt);
    expect(await health()).toBe(200);

    // Not just blanked: a DJ who connects to the restarted server is on air again.
    const { channel: next, rooms: after } = await liveChannel('after-restart');
    expect((await live(next.slug)).djName).toBe('DJ after-restart');
    await abandon(after);
  });

  it('shows no ghosts 10 s after a restart too quick for any probe to see the outage', async () => {
    const { channel, rooms } = await liveChannel('quick');
    await livekit('kill');
    await abandon(rooms);
    const restartedAt = Date.now();
    await livekit('start');

    const sampler = sampleLive(channel.slug);
    await sampler.until(restartedAt + BOUND_MS + 8_000);
    await sampler.until(restartedAt + BOUND_MS, SETTLED_SAMPLES);
    await sampler.stop();
    console.info(`[crash] quick restart: no ghosts ${settledAfter(sampler.samples, restartedAt)} ms after it`);
    expectNoGhosts(sampler.samples, restartedAt);
    expectNoHealthyUnknown(sampler.samples, restartedAt);
  });
});
