import 'server-only';
import { type PublishedTempo, shouldPublish, tempoAttributes } from '@/lib/bpm/publish';
import { channelRoom, replayIdentity } from '@/types/room';
import { replayCurve, type ReplayCurve } from '../archive';
import { getRoomService } from '../livekit';
import { processSingleton } from '../singleton';
import { playingReplays } from './replay';
import { replayReading } from './replay-tempo-plan';

type Shown = { curve: ReplayCurve; published: PublishedTempo | null };

/** Per replay session: its set's stored curve (read once) and the tempo last written to its participant. */
const shown = processSingleton('autodj.tempo', () => new Map<string, Shown>());

/**
 * Writes each playing replay's stored tempo into its participant's attributes, where listeners
 * read a DJ's (the same keys and throttle as the console and the OBS analyser), so "Replay: …"
 * comes with the set's tempo at the place it has reached.
 */
export async function showReplayTempos(now: number): Promise<void> {
  const playing = playingReplays();
  const live = new Set(playing.map((s) => s.id));
  for (const id of shown.keys()) if (!live.has(id)) shown.delete(id);
  // One replay's failure (its participant not in the room yet, a database hiccup) is retried on the
  // next pass and keeps the others' tempos going.
  for (const session of playing) {
    await showOne(session, now).catch((err: unknown) =>
      console.warn(`[autodj] tempo of the replay on ${session.channelId}:`, err instanceof Error ? err.message : err),
    );
  }
}

async function showOne(session: ReturnType<typeof playingReplays>[number], now: number): Promise<void> {
  let entry = shown.get(session.id);
  if (!entry) {
    entry = { curve: await replayCurve(session.set.id), published: null };
    shown.set(session.id, entry);
  }
  const reading = replayReading(entry.curve, session.positionSeconds, now);
  if (!shouldPublish(entry.published, reading)) return;
  await getRoomService().updateParticipant(channelRoom(session.channelId), replayIdentity(session.channelId), {
    attributes: tempoAttributes(reading),
  });
  entry.published = { bpm: reading.bpm, at: reading.at };
}
