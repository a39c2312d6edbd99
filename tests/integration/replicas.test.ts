// A second app replica on the same stack (database, LiveKit, app Redis), started by this file:
// one lease holder, rate limits shared, overlapping slots sent to both at once (one accepted:
// on PostgreSQL without the per-channel lock, 12 of 12 were, 2026-12-05), a webhook handled by replica A reaching replica B's event
// streams within a second, a schedule edit on A reaching B's streams (B keeps now/next otherwise), and the lease moving
// to the survivor when its holder is SIGKILLed.
// LiveKit sends its webhooks to A only, as a load balancer would send each one to some replica.
import path from 'node:path';
import http from 'node:http';
import { Redis } from 'ioredis';
import type { Room } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASKS, WAKE_CHANNEL, wakeNotice } from '@/server/loop';
import type { ChannelState } from '@/types/live';
import type { TokenResponse } from '@/types/room';
import { sourceServerArgs } from '../../scripts/stack/app';
import { killService, type Service, startService, stopService, waitForHttp } from '../../scripts/stack/processes';
import { AppClient, createChannel, signedInAdmin } from '../support/app-client';
import { channelWithDjs, utcLocal, wholeSecondIn } from '../support/schedule';
import { joinRoom } from '../support/livekit-peer';
import { openStream } from '../support/sse';
import { appControl } from '../support/stack-control';
import { stackEnv } from '../support/stack-env';
import { leaseHeld, leaseTakenAt } from '../support/cluster';
import { LOAD_MARGIN } from '../support/timing';

const env = stackEnv();
const root = path.resolve(__dirname, '..', '..');
const OFFSET = Number(process.env.STACK_PORT_OFFSET ?? 0);
// Spare ports in this stack's block (backup.test.ts uses 3160).
const B_URL = `http://127.0.0.1:${3161 + OFFSET}`;
const METRICS = { a: `http://127.0.0.1:${process.env.METRICS_PORT ?? ''}/metrics`, b: `http://127.0.0.1:${7897 + OFFSET}/metrics` };
let replicaB: Service | undefined;
const rooms: Room[] = [];
/** Wakes published in the fan-out test, one every WAKE_SPACING_MS. */
const WAKES = 12;
const WAKE_SPACING_MS = 200;

function startReplicaB(): Service {
  const dir = process.env.STACK_DIR;
  if (!dir) throw new Error('STACK_DIR is missing: run through scripts/with-stack.ts');
  return startService('replica B', process.execPath, sourceServerArgs(['--port', String(3161 + OFFSET), '--host', '127.0.0.1']), {
    cwd: root,
    logFile: path.join(dir, 'replica-b.log'),
    // The same database, LiveKit, secrets and app Redis as A: only its address and metrics port differ.
    env: { ...process.env, APP_URL: B_URL, METRICS_PORT: String(7897 + OFFSET) },
    signalOnce: true,
  });
}

const holders = async () => [await leaseHeld(METRICS.a), await leaseHeld(METRICS.b)];

/** A listener token request from a given loopback address, to replica A or B. */
function tokenFrom(base: string, localAddress: string, channelId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL('/api/livekit/token', base),
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', origin: base } },
      (res) => (res.resume(), res.on('end', () => resolve(res.statusCode ?? 0))),
    );
    req.on('error', reject);
    req.end(JSON.stringify({ channelId, role: 'listener' }));
  });
}

beforeAll(async () => {
  replicaB = startReplicaB();
  await waitForHttp(`${B_URL}/api/channels`, { timeoutMs: 90_000, service: replicaB });
}, 120_000);

afterAll(async () => {
  await Promise.all(rooms.map((r) => r.disconnect()));
  if (replicaB) await stopService(replicaB);
});

describe('two app replicas', () => {
  it('run the once-per-cluster tasks on one of them: the first one up', async () => {
    await expect.poll(holders, { timeout: 15_000, interval: 200 }).toEqual([1, 0]);
    for (let i = 0; i < 10; i++) {
      expect(await holders()).toEqual([1, 0]);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it('share one listener-token budget per client', async () => {
    const admin = await signedInAdmin();
    const channel = await createChannel(admin, 'replicas-rate');
    const limit = Number(process.env.LISTENER_TOKEN_RATE_LIMIT);
    expect(limit).toBeGreaterThan(0);
    let allowed = 0;
    for (let i = 0; i < limit * 2; i++) {
      const status = await tokenFrom(i % 2 ? B_URL : env.APP_URL, '127.0.0.61', channel.id);
      if (status === 429) break;
      expect(status).toBe(200);
      allowed++;
    }
    expect(allowed).toBe(limit);
  });

  it('accept one of several overlapping slots sent at once to both, and refuse the rest', async () => {
    const admin = await signedInAdmin();
    const { channel, djs } = await channelWithDjs(admin, 'replicas-slots', ['DJ Race']);
    const hostIds = djs.map((d) => d.account.id);
    const start = wholeSecondIn(3_600_000);
    // Twelve different slots that all overlap one another, six sent to each replica at once.
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        // Each replica's own origin: B runs with APP_URL set to its own address.
        const base = i % 2 ? B_URL : env.APP_URL;
        const slot = { title: `Race ${i}`, start: utcLocal(new Date(start.getTime() + i * 60_000)), durationSeconds: 3600, hostIds };
        const headers = { 'content-type': 'application/json', origin: base };
        return admin
          .at(base)
          .requestWith('POST', `/api/admin/channels/${channel.id}/slots`, JSON.stringify(slot), headers)
          .then((r) => r.status);
      }),
    );
    expect(statuses.sort(), 'one created, the rest refused as overlapping').toEqual([201, ...Array<number>(11).fill(409)]);
    const list = await admin.request<{ slots: unknown[] }>('GET', `/api/admin/channels/${channel.id}/slots`);
    expect(list.body.slots).toHaveLength(1);
  });

  it('bring a change seen by A (a LiveKit webhook) to event streams held on B within a second', { timeout: 60_000 }, async () => {
    const admin = await signedInAdmin();
    const channel = await createChannel(admin, 'replicas-sse');
    const onA = await openStream<ChannelState>(`/api/channels/${channel.slug}/events`);
    const onB = await openStream<ChannelState>(`${B_URL}/api/channels/${channel.slug}/events`);
    const count = (s: typeof onA) => s.states.at(-1)?.channel.live.listeners;
    await expect.poll(() => [count(onA), count(onB)], { timeout: 5_000 }).toEqual([0, 0]);
    const lags: number[] = [];
    for (let n = 1; n <= 3; n++) {
      const [a0, b0] = [onA.states.length, onB.states.length];
      const token = await new AppClient().request<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'listener' });
      rooms.push(await joinRoom(token.body));
      await expect.poll(() => [count(onA), count(onB)], { timeout: 5_000, interval: 20 }).toEqual([n, n]);
      const at = (s: typeof onA, from: number) =>
        s.times[s.states.findIndex((st, i) => i >= from && st.channel.live.listeners === n)] ?? NaN;
      lags.push(at(onB, b0) - at(onA, a0));
    }
    console.info(`[replicas] B's stream trailed A's by ${lags.join(', ')} ms (A handled the webhooks)`);
    for (const lag of lags) expect(lag).toBeLessThan(1_000);
    await Promise.all([onA.close(), onB.close()]);
  });

  // The lags above cannot tell the fan-out from B's 1 s refresh (a median under 300 ms failed at 304
  // beside two stacks, run K3 on 2026-12-07, and passes a fifth of the time without it), so B's
  // reaction to the notice is counted here: every wake is a streams pass, where its refresh makes
  // one a second.
  it('run B’s streams at once for every wake another replica publishes', async () => {
    const url = process.env.APP_REDIS_URL;
    if (!url) throw new Error('APP_REDIS_URL is missing: run through scripts/with-stack.ts');
    const redis = new Redis(url);
    const passes = async () =>
      Number(
        new RegExp(`^radio_loop_pass_duration_seconds_count\\{task="${TASKS.streams}"\\} (\\d+)`, 'm').exec(
          await (await fetch(METRICS.b)).text(),
        )?.[1],
      );
    try {
      const before = await passes();
      for (let i = 0; i < WAKES; i++) {
        await redis.publish(`${process.env.APP_REDIS_KEY_PREFIX ?? 'radio:'}${WAKE_CHANNEL}`, wakeNotice('a-test-replica', TASKS.streams));
        await new Promise((r) => setTimeout(r, WAKE_SPACING_MS));
      }
      const ran = (await passes()) - before;
      console.info(`[replicas] B ran its streams ${ran} times in ${(WAKES * WAKE_SPACING_MS) / 1000} s of ${WAKES} wakes`);
      // Its refresh alone makes about 3; a pass that overlaps a wake runs once more after it.
      expect(ran).toBeGreaterThanOrEqual(WAKES / 2);
    } finally {
      redis.disconnect();
    }
  });

  it('bring a schedule edit and a host rename made on A to event streams held on B at their next pass', { timeout: 60_000 }, async () => {
    const admin = await signedInAdmin();
    const { channel, djs } = await channelWithDjs(admin, 'replicas-schedule', ['DJ Edit']);
    const onB = await openStream<ChannelState>(`${B_URL}/api/channels/${channel.slug}/events`);
    const next = () => onB.states.at(-1)?.next?.title ?? null;
    // B has read (and keeps) an empty schedule before the edit.
    await expect.poll(() => onB.states.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(next()).toBeNull();
    const slot = { title: 'Edited on A', start: utcLocal(wholeSecondIn(3_600_000)), durationSeconds: 600, hostIds: [djs[0]!.account.id] };
    const t0 = Date.now();
    expect((await admin.request('POST', `/api/admin/channels/${channel.id}/slots`, slot)).status).toBe(201);
    // B keeps a channel's now/next for up to 30 s unless told: the edit must reach it within its 1 s refresh (with margin).
    await expect.poll(next, { timeout: 1_000 * LOAD_MARGIN + 500, interval: 50 }).toBe('Edited on A');
    console.info(`[replicas] B's stream showed A's new slot ${Date.now() - t0} ms after the request began`);
    // A host renamed on A is announced to every channel's now/next on B as well.
    expect((await admin.request('PATCH', `/api/admin/accounts/${djs[0]!.account.id}`, { name: 'DJ Renamed on A' })).status).toBe(200);
    const hosts = () => onB.states.at(-1)?.next?.hosts;
    await expect.poll(hosts, { timeout: 1_000 * LOAD_MARGIN + 500, interval: 50 }).toEqual(['DJ Renamed on A']);
    await onB.close();
  });

  it('move the lease to B when A stops, and back to A within 10 s when B is SIGKILLed', { timeout: 180_000 }, async () => {
    const stoppedAt = Date.now();
    await appControl('stop'); // SIGTERM: A gives the lease back
    await expect.poll(async () => (await holders())[1], { timeout: 10_000, interval: 100 }).toBe(1);
    console.info(`[replicas] B held the lease ${Date.now() - stoppedAt} ms after A was asked to stop`);
    await appControl('start');
    await expect.poll(holders, { timeout: 15_000, interval: 200 }).toEqual([0, 1]);

    const killedAt = Date.now();
    await killService(replicaB as Service);
    replicaB = undefined;
    // A's own record of the takeover, from the scrape that shows it held (a scrape sees it later).
    const takeover = (await leaseTakenAt(METRICS.a)) - killedAt;
    console.info(`[replicas] A took the lease over ${takeover} ms after B was SIGKILLed`);
    expect(takeover).toBeGreaterThan(0);
    expect(takeover).toBeLessThan(10_000);
  });
});
