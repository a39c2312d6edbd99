import 'server-only';
import { IDENTITY_PREFIX, parseIngressIdentity } from '@/types/room';
import { liveStateKnown } from '../live-state';
import { getDb } from '../db';
import { assertLeaseHeld, TASKS, wake } from '../loop';
import { processSingleton } from '../singleton';
import { type ObsSet, planObsTempo } from './obs-plan';
import { type LockReport, ObsTempoSession } from './obs-session';
import type { WindowNote } from './receiver-watch';

// One set of analysers per process, also across Next's module reloads in development.
const sessions = processSingleton('bpm.obs-sessions', () => new Map<string, ObsTempoSession>());

/** Channels whose live participant is an OBS ingress with an audio track, from the live state. */
async function liveObsSets(): Promise<ObsSet[]> {
  const rows = await getDb().channel.findMany({
    where: { liveIdentity: { startsWith: IDENTITY_PREFIX.ingress }, liveTrackSid: { not: null } },
    select: { id: true, liveIdentity: true, liveTrackSid: true },
  });
  return rows.flatMap((r) =>
    r.liveIdentity && r.liveTrackSid && parseIngressIdentity(r.liveIdentity)
      ? [{ channelId: r.id, identity: r.liveIdentity, trackSid: r.liveTrackSid }]
      : [],
  );
}

function logStats(session: ObsTempoSession): void {
  const { audioSeconds, analysisMs, published } = session.statsNow();
  if (audioSeconds < 1) return;
  const perSecond = analysisMs / audioSeconds;
  console.info(
    `[tempo] OBS analyser of ${session.set.channelId} left: ${audioSeconds.toFixed(1)} s of audio, ` +
      `analysis ${perSecond.toFixed(2)} ms per s of audio (${(perSecond / 10).toFixed(2)}% of a core), ${published} attribute update(s)`,
  );
}

// Which windows it took is what tells a distorted stream start from a slow lock in the app log.
function logLock({ channelId, bpm, audioSeconds, windows, notes }: LockReport): void {
  const share = (x: number | null) => (x === null ? '?' : `${(x * 100).toFixed(1)}%`);
  const how = (n: WindowNote | undefined) =>
    n ? `pace ${n.pace.toFixed(2)}, jitter buffer altered ${share(n.altered)}, concealed ${share(n.concealed)}` : '?';
  const held = windows.map((b, i) => `${b.toFixed(1)} (${how(notes[i])})`).join(', ');
  console.info(
    `[tempo] OBS analyser of ${channelId} locked on ${bpm?.toFixed(2)} BPM after ${audioSeconds.toFixed(1)} s of audio (windows held ${held})`,
  );
}

/** Brings the running analysers in line with the live OBS sets: at most one per channel. */
export async function superviseObsTempo(): Promise<{ started: number; stopped: number }> {
  const known = liveStateKnown();
  const sets = known ? await liveObsSets() : [];
  const running = [...sessions.values()].map((s) => ({ ...s.set, ended: s.ended }));
  const plan = planObsTempo(sets, running, known);
  for (const channelId of plan.stop) {
    const session = sessions.get(channelId);
    sessions.delete(channelId);
    if (session) {
      logStats(session);
      await session.stop();
    }
  }
  const failures: unknown[] = [];
  for (const set of plan.start) {
    assertLeaseHeld(); // joining a room is a LiveKit call: never from a replica that lost the lease
    const session = new ObsTempoSession(set, () => wake(TASKS.obsTempo), logLock);
    sessions.set(set.channelId, session);
    await session.start().catch(async (err: unknown) => {
      failures.push(err);
      sessions.delete(set.channelId);
      await session.stop();
    });
  }
  // The loop logs and retries soon; the other channels' analysers started anyway.
  if (failures.length) throw failures[0] instanceof Error ? failures[0] : new Error(String(failures[0]));
  return { started: plan.start.length, stopped: plan.stop.length };
}

/** Stops every analyser (this replica lost the cluster lease: the new holder starts its own). */
export async function stopObsTempo(): Promise<void> {
  const running = [...sessions.values()];
  sessions.clear();
  for (const session of running) {
    logStats(session);
    await session.stop();
  }
}
