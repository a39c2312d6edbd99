// What `with-stack.ts --cluster` hands to tests (scripts/stack/cluster.ts): the replicas' own URLs
// and metrics, the LiveKit nodes and LiveKit's Redis. Missing values fail loudly, never skip.
import http from 'node:http';
import { Redis } from 'ioredis';
import type { RoomServiceClient } from 'livekit-server-sdk';
import { expect } from 'vitest';
import { TEMPO_ANALYSER_IDENTITY } from '@/types/room';
import { controlUrl } from './stack-control';

function list(name: string): string[] {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is missing: run through \`scripts/with-stack.ts --cluster\``);
  return value.split(',');
}

export function clusterEnv() {
  const urls = list('STACK_REPLICA_URLS');
  const metrics = list('STACK_REPLICA_METRICS');
  const livekitUrls = list('STACK_LIVEKIT_URLS');
  const [livekitRedis] = list('STACK_LIVEKIT_REDIS_URL');
  return { replicas: urls.map((url, i) => ({ url, metrics: metrics[i] ?? '' })), livekitUrls, livekitRedis: livekitRedis ?? '' };
}

/** radio_background_lease_held of one replica (null while it does not answer). */
export async function leaseHeld(metricsUrl: string): Promise<number | null> {
  return (await lease(metricsUrl))?.held ?? null;
}

/**
 * One replica's lease gauges: held (0/1) and since when (epoch ms, 0 when not held). The takeover
 * counts to `since`, the replica's own record: a scrape that sees it starts before and ends after it,
 * and a replica busy starting the tasks it just took answers a scrape seconds later.
 */
export async function lease(metricsUrl: string): Promise<{ held: number; since: number } | null> {
  const text = await fetch(metricsUrl)
    .then((r) => r.text())
    .catch(() => '');
  const held = /^radio_background_lease_held (\d+)/m.exec(text);
  const since = /^radio_background_lease_held_since_seconds (\S+)/m.exec(text);
  return held && since ? { held: Number(held[1]), since: Number(since[1]) * 1000 } : null;
}

/** Waits until the replica holds the lease and returns since when (epoch ms), both from one scrape. */
export async function leaseTakenAt(metricsUrl: string, timeoutMs = 15_000): Promise<number> {
  let since = 0;
  await expect
    .poll(async () => (since = (await lease(metricsUrl))?.since ?? 0), {
      timeout: timeoutMs,
      interval: 100,
      message: 'the replica takes the lease',
    })
    .toBeGreaterThan(0);
  return since;
}

/** Stops (SIGTERM), kills (SIGKILL) or starts replica i through the harness's control endpoint. */
export async function replicaControl(i: number, action: 'stop' | 'kill' | 'start'): Promise<void> {
  const res = await fetch(new URL(`apps/${i}/${action}`, controlUrl()), { method: 'POST' });
  expect(res.status, await res.text()).toBe(204);
}

/** LiveKit's own record of the cluster: its nodes, and which node hosts a room. */
export function livekitRedis(url: string) {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  return {
    nodes: () => redis.hkeys('nodes'),
    nodeOf: (room: string) => redis.hget('room_node_map', room),
    close: () => redis.quit(),
  };
}

/** A listener token request from a given loopback address (a client's identity for rate limits). */
export function tokenFrom(base: string, origin: string, localAddress: string, channelId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL('/api/livekit/token', base),
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', origin } },
      (res) => (res.resume(), res.on('end', () => resolve(res.statusCode ?? 0))),
    );
    req.on('error', reject);
    req.end(JSON.stringify({ channelId, role: 'listener' }));
  });
}

/** The longest silence (ms) between frames with `tone` heard from `from` to `to`, counting both ends. */
export function longestSilence(heard: { t: number; tones: number[] }[], tone: number, from: number, to: number): number {
  const times = heard.filter((h) => h.t >= from && h.t <= to && h.tones.includes(tone)).map((h) => h.t);
  let longest = 0;
  let last = from;
  for (const t of [...times, to]) {
    longest = Math.max(longest, t - last);
    last = t;
  }
  return longest;
}

/**
 * The sids of the tempo analyser seen in a room, sampled every 250 ms until stopped: two analysers
 * at once (one per replica) would replace each other (one identity) and show as a churn of sids.
 */
export function watchAnalyser(roomService: RoomServiceClient, room: string) {
  const sids = new Set<string>();
  let current: string | null = null;
  let running = true;
  const sampling = (async () => {
    while (running) {
      const all = await roomService.listParticipants(room).catch(() => []);
      current = all.find((p) => p.identity === TEMPO_ANALYSER_IDENTITY)?.sid ?? null;
      if (current) sids.add(current);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const stop = async () => {
    running = false;
    await sampling;
  };
  return { sids, current: () => current, stop };
}
