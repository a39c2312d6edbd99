// The app's internal /metrics and LiveKit's after a real broadcast (green room, slot start,
// DJ on air, a WebRTC and an HLS listener): every metric the issue asks for has a real value,
// every metric the provisioned Grafana dashboard and the alert rules name exists, and the
// alert rules pass promtool (Debian's prometheus package, scripts/setup.sh).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Room } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type TokenResponse, channelRoom } from '@/types/room';
import { livekitPrometheusPort } from '../../scripts/stack/livekit';
import { AppClient, signedInAdmin } from '../support/app-client';
import { joinRoom, publishAudio } from '../support/livekit-peer';
import { addSlot, channelWithDjs, sleepUntil, wholeSecondIn } from '../support/schedule';
import { openStream } from '../support/sse';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';

const env = stackEnv();
const roomService = new RoomServiceClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const monitoring = path.resolve(__dirname, '..', '..', 'deploy', 'monitoring');
const appMetricsUrl = `http://127.0.0.1:${process.env.METRICS_PORT ?? ''}/metrics`;
const livekitMetricsUrl = `http://127.0.0.1:${livekitPrometheusPort(Number(new URL(env.LIVEKIT_URL).port))}/metrics`;
const rooms: Room[] = [];
const closers: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const close of closers) await close();
  await Promise.all(rooms.map((r) => r.disconnect()));
});

type Samples = Map<string, number>;
/** Prometheus text format: `name{labels} value` lines, keyed as written (labels sorted by the client). */
async function scrape(url: string): Promise<Samples> {
  const text = await (await fetch(url)).text();
  const out: Samples = new Map();
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (m) out.set(`${m[1]}${m[2] ?? ''}`, Number(m[3]));
  }
  return out;
}
const names = (s: Samples) => new Set([...s.keys()].map((k) => k.split('{')[0]));
/** Sum of the samples of `name` whose labels include every `label="value"` given. */
const value = (s: Samples, name: string, ...labels: string[]) =>
  [...s].filter(([k]) => k.split('{')[0] === name && labels.every((l) => k.includes(l))).reduce((n, [, v]) => n + v, 0);
/** Metric names in PromQL expressions (ours, LiveKit's, process ones, and `up`). */
const metricsIn = (exprs: string[]) => [
  ...new Set(exprs.flatMap((e) => e.match(/\b(?:radio|livekit|process)_[a-z0-9_]+\b|\bup(?=\{)/g) ?? [])),
];

function dashboardExprs(): string[] {
  const dashboard = JSON.parse(readFileSync(path.join(monitoring, 'grafana', 'dashboards', 'station.json'), 'utf8')) as unknown;
  const exprs: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'expr' && typeof v === 'string') exprs.push(v);
        else walk(v);
      }
    }
  };
  walk(dashboard);
  return exprs;
}

function promtool(...args: string[]) {
  const run = spawnSync('promtool', args, { cwd: monitoring, encoding: 'utf8' });
  if (run.error) throw new Error(`promtool could not run (${run.error.message}): scripts/setup.sh installs Debian's prometheus package`);
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('metrics', () => {
  it('alert rules and the Prometheus config pass promtool, and the rules fire as tested', () => {
    for (const args of [
      ['check', 'rules', 'alerts.yml'],
      ['test', 'rules', 'alerts.test.yml'],
      ['check', 'config', 'prometheus.yml'],
    ]) {
      const r = promtool(...args);
      expect(r.status, r.out).toBe(0);
    }
  });

  it('show a real broadcast, and every metric the dashboard and alerts name exists', { timeout: 90_000 }, async () => {
    expect(process.env.METRICS_PORT, 'METRICS_PORT comes from scripts/with-stack.ts').toBeTruthy();
    expect((await fetch(new URL('/metrics', env.APP_URL))).status, 'not on the public app port').toBe(404);
    const admin = await signedInAdmin();
    const { channel, djs } = await channelWithDjs(admin, 'metrics', ['DJ Metrics']);
    const { dj, account } = djs[0]!;
    // Lead enough for the DJ's token to come before the start on a loaded machine (a green-room token).
    const start = wholeSecondIn(8_000);
    await addSlot(admin, channel.id, [account.id], start, 600);
    const green = await dj.request<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'dj' });
    expect(green.body.access?.mode).toBe('green_room');
    const djRoom = await joinRoom(green.body);
    rooms.push(djRoom);
    // The counter is the app's since it started: earlier tests' grants are in it.
    const grantsBefore = value(await scrape(appMetricsUrl), 'radio_enforcement_actions_total', 'action="grant"');
    await sleepUntil(start.getTime());
    // The enforcement loop grants publishing at the slot start, and counts it once LiveKit has it.
    await expect
      .poll(async () => value(await scrape(appMetricsUrl), 'radio_enforcement_actions_total', 'action="grant"'), { timeout: 15_000 })
      .toBeGreaterThan(grantsBefore);
    await expect
      .poll(async () => (await roomService.listParticipants(channelRoom(channel.id))).find((p) => p.identity === green.body.identity))
      .toMatchObject({ permission: { canPublish: true } });
    await publishAudio(djRoom);
    const listener = await new AppClient().request<TokenResponse>('POST', '/api/livekit/token', {
      channelId: channel.id,
      role: 'listener',
    });
    rooms.push(await joinRoom(listener.body));
    const hls = await openStream(`/api/channels/${channel.slug}/events?hls=1`);
    closers.push(hls.close);

    const expected: [string, string[], number][] = [
      ['radio_channels_on_air', [], 1],
      ['radio_listeners', ['transport="webrtc"'], 1],
      ['radio_listeners', ['transport="hls"'], 1],
      ['radio_token_requests_total', ['role="dj"', 'result="green_room"'], 1],
      ['radio_token_requests_total', ['role="listener"', 'result="granted"'], 1],
      ['radio_webhook_events_total', ['event="track_published"', 'result="applied"'], 1],
      ['radio_egress_events_total', ['kind="start"'], 1],
      ['radio_sse_connections', ['stream="channel"'], 1],
      ['radio_loop_pass_duration_seconds_count', ['task="enforce-slots"'], 1],
      ['radio_livekit_state_known', [], 1],
      ['radio_background_lease_held', [], 1],
      // The database client's own count: reads (the scrape itself lists channels) and the set the broadcast opened.
      ['radio_db_operations_total', ['model="Channel"', 'operation="findMany"'], 1],
      ['radio_db_operations_total', ['model="Broadcast"', 'operation="create"'], 1],
    ];
    let app: Samples = new Map();
    await expect
      .poll(
        async () => {
          app = await scrape(appMetricsUrl);
          return expected.filter(([n, labels, min]) => value(app, n, ...labels) < min).map(([n, labels]) => `${n}{${labels.join(',')}}`);
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toEqual([]);
    for (const name of [
      'radio_live_playlist_age_seconds',
      'radio_live_playlist_failing',
      'radio_loop_task_failing',
      'radio_reconcile_repairs_total',
      'radio_loop_pass_failures_total',
      'radio_host_cpu_busy_ratio',
    ]) {
      expect(names(app), name).toContain(name);
    }
    // The holder says since when: a time of this run, not after the scrape.
    const since = value(app, 'radio_background_lease_held_since_seconds');
    expect(since).toBeGreaterThan(Date.now() / 1000 - 3_600);
    expect(since).toBeLessThanOrEqual(Date.now() / 1000);

    const livekit = await scrape(livekitMetricsUrl);
    expect(value(livekit, 'livekit_participant_total')).toBeGreaterThanOrEqual(2);
    const known = new Set([...names(app), ...names(livekit), 'up']);
    const rules = (
      parse(readFileSync(path.join(monitoring, 'alerts.yml'), 'utf8')) as { groups: { rules: { expr: string }[] }[] }
    ).groups.flatMap((g) => g.rules.map((r) => r.expr));
    const named = metricsIn([...dashboardExprs(), ...rules]);
    expect(named.length).toBeGreaterThan(15);
    expect(named.filter((n) => !known.has(n))).toEqual([]);
  });
});
