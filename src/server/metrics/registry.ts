import 'server-only';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The station's metrics, one set per process. Kept on globalThis: Next.js may load this
 * module in more than one bundle (instrumentation, route handlers), and every copy must
 * count into the same registry that /metrics serves.
 */
function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'radio_' });
  const r = [registry];
  const m = {
    registry,
    ...eventMetrics(r),
    // Read at scrape time (collect.ts).
    ...stateMetrics(r),
    ...linkMetrics(r),
  };
  // Known label values start at 0, so rate() and alerts see a series before the first event.
  for (const kind of ['start', 'failure', 'restart']) m.egress.inc({ kind }, 0);
  for (const action of ['grant', 'revoke', 'remove', 'mute', 'unmute']) m.enforcement.inc({ action }, 0);
  for (const stream of ['channel', 'admin']) m.sse.set({ stream }, 0);
  return m;
}

/** Counted as things happen: requests, webhooks, enforcement, egress, repairs, loop passes. */
function eventMetrics(r: Registry[]) {
  return {
    tokenRequests: new Counter({
      name: 'radio_token_requests_total',
      help: 'LiveKit token requests by role and result (granted mode or error code).',
      labelNames: ['role', 'result'],
      registers: r,
    }),
    webhooks: new Counter({
      name: 'radio_webhook_events_total',
      help: 'LiveKit webhooks by event and result (applied, duplicate, ignored, invalid_signature).',
      labelNames: ['event', 'result'],
      registers: r,
    }),
    enforcement: new Counter({
      name: 'radio_enforcement_actions_total',
      help: 'Slot enforcement actions sent to LiveKit (grant, revoke, remove, mute, unmute).',
      labelNames: ['action'],
      registers: r,
    }),
    egress: new Counter({
      name: 'radio_egress_events_total',
      help: 'HLS egress starts, failures (could not start, ended or stalled while on air) and restarts.',
      labelNames: ['kind'],
      registers: r,
    }),
    reconcileRepairs: new Counter({
      name: 'radio_reconcile_repairs_total',
      help: 'Channels whose live state the reconciler corrected from LiveKit (missed webhooks).',
      registers: r,
    }),
    loopPass: new Histogram({
      name: 'radio_loop_pass_duration_seconds',
      help: 'Duration of background loop task passes.',
      labelNames: ['task'],
      buckets: [0.005, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: r,
    }),
    loopFailures: new Counter({
      name: 'radio_loop_pass_failures_total',
      help: 'Background loop task passes that failed.',
      labelNames: ['task'],
      registers: r,
    }),
    // Brought up to the database client's own count at scrape time (collect.ts).
    dbOperations: new Counter({
      name: 'radio_db_operations_total',
      help: 'Prisma client calls this process made, by model (raw for raw queries) and operation; not SQL statements (Prisma sends batched findUnique calls as one).',
      labelNames: ['model', 'operation'],
      registers: r,
    }),
  };
}

/** Set at scrape time from the live state (collect.ts). */
function stateMetrics(r: Registry[]) {
  return {
    channelsOnAir: new Gauge({ name: 'radio_channels_on_air', help: 'Channels with a DJ on air.', registers: r }),
    listeners: new Gauge({
      name: 'radio_listeners',
      help: 'Listeners of channels on air or on a replay, by transport (webrtc, hls).',
      labelNames: ['transport'],
      registers: r,
    }),
    livekitKnown: new Gauge({
      name: 'radio_livekit_state_known',
      help: '1 while live state is confirmed with LiveKit, 0 while LiveKit is unreachable or just restarted.',
      registers: r,
    }),
    leaseHeld: new Gauge({
      name: 'radio_background_lease_held',
      help: '1 on the replica running the once-per-cluster background tasks (always 1 without APP_REDIS_URL).',
      registers: r,
    }),
    leaseHeldSince: new Gauge({
      name: 'radio_background_lease_held_since_seconds',
      help: 'Unix time this replica took the background-task lease (its start without APP_REDIS_URL); 0 while it does not hold it.',
      registers: r,
    }),
    playlistAge: new Gauge({
      name: 'radio_live_playlist_age_seconds',
      help: "Age of each on-air channel's live HLS playlist (-1: missing or storage unreachable).",
      labelNames: ['channel'],
      registers: r,
    }),
    playlistFailing: new Gauge({
      name: 'radio_live_playlist_failing',
      help: '1 when the live playlist of a channel on air or on a replay is stale, missing or unreachable.',
      labelNames: ['channel'],
      registers: r,
    }),
    taskFailing: new Gauge({
      name: 'radio_loop_task_failing',
      help: "1 while a background loop task's last pass failed.",
      labelNames: ['task'],
      registers: r,
    }),
    hostCpu: new Gauge({
      name: 'radio_host_cpu_busy_ratio',
      help: "Share of the host's CPU time spent busy since the previous scrape (0..1).",
      registers: r,
    }),
    sse: new Gauge({
      name: 'radio_sse_connections',
      help: 'Open server-sent event streams (channel pages, admin).',
      labelNames: ['stream'],
      registers: r,
    }),
  };
}

/** The on-air DJ console's last connection report per channel (no series without a recent one). */
function linkMetrics(r: Registry[]) {
  const gauge = (name: string, help: string) => new Gauge({ name, help, labelNames: ['channel'], registers: r });
  return {
    linkBitrate: gauge('radio_dj_link_bitrate_kbps', "Outgoing audio bitrate the on-air DJ's browser reports (kbit/s)."),
    linkLoss: gauge('radio_dj_link_packet_loss_percent', "Packet loss on the on-air DJ's uplink over the last report interval (%)."),
    linkRtt: gauge('radio_dj_link_rtt_seconds', "Round-trip time from the on-air DJ's browser to LiveKit (seconds)."),
  };
}

export type Metrics = ReturnType<typeof create>;

const holder = globalThis as typeof globalThis & { __radioMetrics?: Metrics };

export function getMetrics(): Metrics {
  holder.__radioMetrics ??= create();
  return holder.__radioMetrics;
}
