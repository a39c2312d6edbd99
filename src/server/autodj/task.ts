import 'server-only';
import { autoDjOrderSchema, autoDjSourceSchema } from '@/types/channel';
import { type ReplayableSet, replayableSets } from '../archive';
import { getDb } from '../db';
import { liveStateKnown } from '../live-state';
import { LeaseLostError, type LoopTask, TASKS, wake } from '../loop';
import { type AutoDjStep, planAutoDj } from './autodj-plan';
import { replayLabel, replayPosition, replayStatusOf, startReplay, stopAllReplays, stopReplay, strayReplays } from './replay';
import { showReplayTempos } from './replay-tempo';

/** Stored points are ~5 s apart; a pass every second shows each within about a second of its place. */
const TEMPO_INTERVAL_MS = 1_000;

/** The replay fields of a channel without one (the last set stays, so the rotation goes on). */
const NO_REPLAY = { replaySessionId: null, replayName: null, replayDate: null };

const channelFields = {
  id: true,
  autoDjEnabled: true,
  autoDjOrder: true,
  autoDjSource: true,
  liveIdentity: true,
  replaySessionId: true,
  replayBroadcastId: true,
  replayCutAt: true,
} as const;
type ChannelRow = {
  id: string;
  autoDjEnabled: boolean;
  autoDjOrder: string;
  autoDjSource: string;
  liveIdentity: string | null;
  replaySessionId: string | null;
  replayBroadcastId: string | null;
  replayCutAt: number | null;
};

/**
 * AutoDJ as a task of the one background loop, under the cluster lease: on each channel with it on,
 * a replay of an archived set plays while nobody is on air (./autodj-plan.ts decides). Webhooks and
 * an ending replay wake it, so a DJ going on air takes over at once and a DJ leaving is followed
 * within about a second.
 */
export function autoDjTask(): LoopTask {
  return {
    name: TASKS.autodj,
    maxIntervalMs: 5_000,
    retryMs: 2_000,
    release: stopAllReplays,
    run: async () => {
      const channels: ChannelRow[] = await getDb().channel.findMany({
        where: { OR: [{ autoDjEnabled: true }, { replaySessionId: { not: null } }] },
        select: channelFields,
      });
      // One channel's failure (its recording unreachable) must not hold back the others.
      for (const channel of channels) {
        await passChannel(channel).catch((err: unknown) => {
          if (err instanceof LeaseLostError) throw err; // the supervisor releases this replica's replays
          console.warn(`[autodj] ${channel.id}:`, err instanceof Error ? err.message : err);
        });
      }
      // A replay on a channel this pass did not look at (AutoDJ off and no replay row, or deleted) is stray.
      for (const channelId of strayReplays(new Set(channels.map((c) => c.id)))) await stopReplay(channelId);
      return null;
    },
  };
}

/** The stored tempo of each replay this process plays, written where listeners read a DJ's. */
export function replayTempoTask(): LoopTask {
  return {
    name: TASKS.replayTempo,
    maxIntervalMs: TEMPO_INTERVAL_MS,
    retryMs: TEMPO_INTERVAL_MS,
    run: async (now) => (await showReplayTempos(now.getTime()), null),
  };
}

async function passChannel(c: ChannelRow): Promise<void> {
  const pickedOnly = autoDjSourceSchema.catch('all').parse(c.autoDjSource) === 'picked';
  const sets = c.autoDjEnabled ? await replayableSets(c.id, pickedOnly) : [];
  const step = planAutoDj({
    enabled: c.autoDjEnabled,
    order: autoDjOrderSchema.catch('newest').parse(c.autoDjOrder),
    liveKnown: liveStateKnown(),
    djOnAir: c.liveIdentity !== null,
    // Sessions start within the pass that starts them: a replay is never seen half-started.
    replay: c.replaySessionId
      ? { sessionId: c.replaySessionId, setId: c.replayBroadcastId, status: replayStatusOf(c.id, c.replaySessionId) }
      : null,
    sets: sets.map((s) => s.id),
    lastSetId: c.replayBroadcastId,
    cutAt: c.replayCutAt,
  });
  await apply(c.id, step, sets);
}

async function apply(channelId: string, step: AutoDjStep, sets: ReplayableSet[]): Promise<void> {
  if (step.type === 'none') return;
  if (step.type === 'stop') {
    // A DJ cut in: the place is kept for when they leave (null when this process did not play it).
    const cutAt = step.keepPlace ? replayPosition(channelId, step.sessionId) : null;
    await stopReplay(channelId);
    await clearReplay(channelId, step.sessionId, cutAt);
    console.warn(`[autodj] replay stopped on ${channelId}: ${step.reason}`);
    return;
  }
  // From one set to the next the row keeps naming the old replay until the new one plays, so the
  // replay's HLS (which follows the row) goes on across sets instead of restarting at each.
  const old = step.replace;
  if (old) await stopReplay(channelId);
  const set = sets.find((s) => s.id === step.setId);
  const sessionId = set
    ? await startReplay(channelId, set, step.fromSeconds).catch(async (err: unknown) => {
        if (old) await clearReplay(channelId, old, null);
        throw err;
      })
    : null;
  if (!set || !sessionId) return old ? clearReplay(channelId, old, null) : undefined;
  // A DJ may have gone on air while it started (seconds): stop it now rather than on the next pass.
  const now = await getDb().channel.findUnique({ where: { id: channelId }, select: { liveIdentity: true } });
  if (!now || now.liveIdentity) {
    await stopReplay(channelId);
    return old ? clearReplay(channelId, old, null) : undefined;
  }
  await getDb().channel.update({
    where: { id: channelId },
    data: {
      replaySessionId: sessionId,
      replayBroadcastId: set.id,
      replayName: replayLabel(set).djName,
      replayDate: set.startedAt,
      replayCutAt: null,
    },
  });
  // The replay's track was published before this row said so, so its webhook found nothing to record: HLS starts now.
  wake(TASKS.egress);
}

/** The channel plays no replay any more (if `sessionId` was still its replay); `cutAt` is where the next one resumes. */
async function clearReplay(channelId: string, sessionId: string, cutAt: number | null): Promise<void> {
  await getDb().channel.updateMany({ where: { id: channelId, replaySessionId: sessionId }, data: { ...NO_REPLAY, replayCutAt: cutAt } });
  wake(TASKS.egress); // the replay's HLS ends (a DJ's egress starts on their own webhook)
}
