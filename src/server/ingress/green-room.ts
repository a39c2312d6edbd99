import 'server-only';
import { TrackType } from 'livekit-server-sdk';
import { getRoomService, getIngressClient, setTracksMuted } from '../livekit';
import { assertLeaseHeld, TASKS, wake } from '../loop';
import { toIngressStatus } from './options';

/** `until`: the slot start, when the enforcement loop unmutes it (never muted again from then on). */
export type GreenRoomInput = { ingressId: string; room: string; identity: string; until: Date };

/** Inputs enabled for their DJ's green room (set by each superviseIngress pass, ./supervise.ts). */
let watched: GreenRoomInput[] = [];

export function watchGreenRoom(inputs: GreenRoomInput[]): void {
  const had = watched.length;
  watched = inputs;
  if (inputs.length > had) wake(TASKS.obsHold);
}

/** While OBS is connected but its track not yet there: LiveKit subscribes listeners within ~250 ms of publishing. */
const STARTING_STEP_MS = 10;
const WATCH_STEP_MS = 250;
/** Inputs whose OBS is connected and whose audio is not yet there (since when): only their participant is polled, fast. */
let starting = new Map<string, number>();
/** An ingress that has not published this long after connecting is checked at the normal pace again. */
const STARTING_FOR_MS = 15_000;

async function muteAudible(input: GreenRoomInput): Promise<'none' | 'held'> {
  const p = await getRoomService()
    .getParticipant(input.room, input.identity)
    .catch(() => null);
  const audio = p?.tracks.filter((t) => t.type === TrackType.AUDIO) ?? [];
  const audible = audio.filter((t) => !t.muted).map((t) => t.sid);
  if (audible.length > 0) await setTracksMuted(input.room, input.identity, audible, true);
  return audio.length > 0 ? 'held' : 'none';
}

/**
 * One step: mutes the audio of any green-room input the moment it is published audible. Every
 * ingress the app makes now publishes muted (./hold.ts), so this is the backstop for one made
 * before the marker or a LiveKit without our patch. The join and
 * track_published webhooks come too late under load (seen 0.5-1.3 s after the join, while
 * listeners heard the track 0.25-0.8 s after it was published), so the ingress state is watched
 * instead: once OBS is connected (buffering), its participant is polled every 10 ms until its
 * audio is there, muted.
 */
export async function holdGreenRoomInputs(): Promise<Date | null> {
  const now = Date.now();
  const open = watched.filter((w) => w.until.getTime() > now);
  if (open.length === 0) return null;
  assertLeaseHeld();
  const fast = open.filter((w) => now - (starting.get(w.ingressId) ?? -Infinity) < STARTING_FOR_MS);
  if (fast.length > 0) {
    for (const input of fast) if ((await muteAudible(input)) === 'held') starting.delete(input.ingressId);
    return new Date(Date.now() + STARTING_STEP_MS);
  }
  const infos = await getIngressClient().listIngress();
  const next = new Map<string, number>();
  for (const input of open) {
    const info = infos.find((i) => i.ingressId === input.ingressId);
    const status = info ? toIngressStatus(info) : 'idle';
    if (status !== 'connecting' && status !== 'live') continue;
    if ((await muteAudible(input)) === 'none') next.set(input.ingressId, now);
  }
  starting = next;
  return new Date(Date.now() + (next.size > 0 ? STARTING_STEP_MS : WATCH_STEP_MS));
}
