import 'server-only';
import os from 'node:os';
import { hlsListenerCount, listChannels } from '../channels';
import { liveStateKnown } from '../live-state';
import { hlsHealth, playlistFailing } from '../egress';
import { liveLinks } from '../link-quality';
import { getSupervisor, leaseHeld, leaseHeldSince } from '../loop';
import { dbOperationCounts } from '../db';
import { processSingleton } from '../singleton';
import { busyRatio, type CpuTimes, cpuTimes } from './host-cpu';
import type { Metrics } from '../metrics';

let lastCpu: CpuTimes | null = null;
/** The database operation counts already added to the counter: per process, like the counts and the registry (dev reloads keep all three). */
const countedOps = () => processSingleton('metrics.countedDbOperations', () => new Map<string, number>());

/**
 * The gauges that describe state rather than events, read from the areas that own it at
 * scrape time (imported lazily by the metrics server, so those areas can import the
 * metrics entry for their counters without a cycle).
 */
export async function collectState(m: Metrics): Promise<void> {
  // First: it needs no database, so it is served while the database is down.
  collectDbOperations(m);
  const channels = await listChannels();
  const onAir = channels.filter((c) => c.live.onAir);
  // Listeners of a replay (AutoDJ) count too: they are listening to the channel.
  const heard = channels.filter((c) => c.live.onAir || c.live.replay);
  const hls = heard.reduce((n, c) => n + hlsListenerCount(c.id), 0);
  const all = heard.reduce((n, c) => n + c.live.listeners, 0);
  m.channelsOnAir.set(onAir.length);
  m.listeners.set({ transport: 'hls' }, hls);
  m.listeners.set({ transport: 'webrtc' }, Math.max(0, all - hls));
  m.livekitKnown.set(liveStateKnown() ? 1 : 0);
  m.leaseHeld.set(leaseHeld() ? 1 : 0);
  m.leaseHeldSince.set((leaseHeldSince() ?? 0) / 1000);
  const health = await hlsHealth();
  m.playlistAge.reset();
  m.playlistFailing.reset();
  for (const h of health ?? []) {
    m.playlistAge.set({ channel: h.slug }, h.ageSeconds ?? -1);
    m.playlistFailing.set({ channel: h.slug }, playlistFailing(h.state) ? 1 : 0);
  }
  await collectLinks(m);
  for (const t of getSupervisor().status()) m.taskFailing.set({ task: t.name }, t.failing ? 1 : 0);
  const now = cpuTimes(os.cpus());
  const ratio = busyRatio(lastCpu, now);
  lastCpu = now;
  if (ratio !== null) m.hostCpu.set(ratio);
}

/** The database client's counts since the last scrape, onto the counter (which only goes up). */
function collectDbOperations(m: Metrics): void {
  const counted = countedOps();
  for (const [key, total] of dbOperationCounts()) {
    const [model = 'raw', operation = ''] = key.split('.');
    m.dbOperations.inc({ model, operation }, total - (counted.get(key) ?? 0));
    counted.set(key, total);
  }
}

/** The on-air DJs' connection reports; a channel without a recent one has no series. */
async function collectLinks(m: Metrics): Promise<void> {
  const links = await liveLinks();
  for (const g of [m.linkBitrate, m.linkLoss, m.linkRtt]) g.reset();
  for (const { slug, link } of links) {
    m.linkBitrate.set({ channel: slug }, link.bitrateKbps);
    if (link.lossPercent !== null) m.linkLoss.set({ channel: slug }, link.lossPercent);
    if (link.rttMs !== null) m.linkRtt.set({ channel: slug }, link.rttMs / 1000);
  }
}
