import 'server-only';
import { channelRoom, replayIdentity } from '@/types/room';
import type { ReplayableSet } from '../archive';
import { getRoomService } from '../livekit';
import { assertLeaseHeld, TASKS, wake } from '../loop';
import { processSingleton } from '../singleton';
import type { ReplayStatus } from './autodj-plan';
import { ReplaySession } from './session';

const MIN_PLAY_MS = 5_000;

/** This process's replays by channel (only the lease holder plays any). */
const sessions = processSingleton('autodj.sessions', () => new Map<string, ReplaySession>());

/** "Replay: Ada & Bo, 2026-12-04": the participant's name (listeners' pages show the channel's own replay state). */
export function replayLabel(set: Pick<ReplayableSet, 'hosts' | 'startedAt'>): { djName: string; name: string } {
  const djName = set.hosts.length > 0 ? set.hosts.join(' & ') : 'an earlier set';
  return { djName, name: `Replay: ${djName}, ${set.startedAt.toISOString().slice(0, 10)}` };
}

/**
 * Starts a replay of `set` into the channel's room, `fromSeconds` into its recording; resolves with
 * its session id once its track is published.
 */
export async function startReplay(channelId: string, set: ReplayableSet, fromSeconds = 0): Promise<string> {
  assertLeaseHeld();
  // An ended replay wakes the task, which starts the next set at once: after MIN_PLAY_MS, or a resumed
  // one that played out (it may have had only seconds left). One that failed right away (its
  // recording unreachable), or a very short set, waits for the task's next pass: no tight loop.
  const session = new ReplaySession(channelId, set, replayLabel(set).name, fromSeconds, (s) => {
    const due = (s.completed && s.resumed) || Date.now() - s.startedAt > MIN_PLAY_MS;
    if (sessions.get(channelId) === s && due) wake(TASKS.autodj);
  });
  sessions.set(channelId, session);
  try {
    await session.start();
  } catch (err) {
    await session.stop();
    throw err;
  }
  return session.id;
}

/**
 * Stops a replay now: this process's session leaves the room, and the replay participant is
 * removed in case another replica (an earlier lease holder) still plays it. Fine if already gone.
 */
export async function stopReplay(channelId: string): Promise<void> {
  assertLeaseHeld();
  const local = sessions.get(channelId);
  sessions.delete(channelId);
  await local?.stop();
  await getRoomService()
    .removeParticipant(channelRoom(channelId), replayIdentity(channelId))
    .catch(() => undefined); // not in the room: the common case
}

/** How the replay the channel row names is doing in this process: another process's counts as missing. */
export function replayStatusOf(channelId: string, sessionId: string): ReplayStatus {
  const s = sessions.get(channelId);
  if (!s || s.id !== sessionId) return 'missing';
  return s.ended ? 'ended' : 'playing';
}

/** Seconds into its recording the channel's replay `sessionId` has reached here, or null when this process does not play it. */
export function replayPosition(channelId: string, sessionId: string): number | null {
  const s = sessions.get(channelId);
  return s && s.id === sessionId && !s.ended ? s.positionSeconds : null;
}

/** This process's replays that are still playing. */
export function playingReplays(): ReplaySession[] {
  return [...sessions.values()].filter((s) => !s.ended);
}

/** Channels outside `looked` that this process plays a replay on (a channel deleted mid-replay). */
export function strayReplays(looked: Set<string>): string[] {
  return [...sessions.keys()].filter((channelId) => !looked.has(channelId));
}

/** Lease lost or shutting down: every replay of this process stops (the new holder starts its own). */
export async function stopAllReplays(): Promise<void> {
  const all = [...sessions.values()];
  sessions.clear();
  await Promise.all(all.map((s) => s.stop()));
}
