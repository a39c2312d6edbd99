import 'server-only';
import { TrackType } from 'livekit-server-sdk';
import { getRoomService } from '../livekit/clients';
import { type LoopTask, TASKS, wake } from '../loop';
import { getIngressClient } from './client';
import { setTracksMuted } from './hold';
import { toIngressStatus } from './options';

/** `until`: the slot start, when the enforcement loop unmutes it (never muted again from then on). */
export type GreenRoomInput = { ingressId: string; room: string; identity: string; until: Date };

/** Inputs enabled for their DJ's green room (set by each superviseIngress pass). */
let watched: GreenRoomInput[] = [];

export function watchGreenRoom(inputs: GreenRoomInput[]): void {
  const had = watched.length;
  watched = inputs;
  if (inputs.length > had) wake(TASKS.obsHold);
}

/** While OBS is connected but its track not yet there: LiveKit subscribes listeners within ~250 ms of publishing. */
const STARTING_STEP_MS = 20;
const WATCH_STEP_MS = 250;

/**
 * One step: mutes the audio of any green-room input the moment it is published. The join and
 * track_published webhooks come too late under load (seen 0.9-1.3 s after the join, listeners
 * heard the track after 0.25-0.8 s), so the ingress state is watched instead: once OBS is
 * connected (buffering), its participant is checked every 20 ms until its audio is muted.
 */
export async function holdGreenRoomInputs(): Promise<Date | null> {
  if (!watched.some((w) => w.until.getTime() > Date.now())) return null;
  const infos = await getIngressClient().listIngress();
  let starting = false;
  for (const input of watched) {
    if (input.until.getTime() <= Date.now()) continue;
    const info = infos.find((i) => i.ingressId === input.ingressId);
    const status = info ? toIngressStatus(info) : 'idle';
    if (status !== 'connecting' && status !== 'live') continue;
    const p = await getRoomService().getParticipant(input.room, input.identity).catch(() => null);
    const audio = p?.tracks.filter((t) => t.type === TrackType.AUDIO) ?? [];
    const audible = audio.filter((t) => !t.muted).map((t) => t.sid);
    if (audible.length > 0) await setTracksMuted(input.room, input.identity, audible, true);
    if (audio.length === 0) starting = true;
  }
  return new Date(Date.now() + (starting ? STARTING_STEP_MS : WATCH_STEP_MS));
}

/** The green-room hold as a task of the one background loop; idle while no input waits in a green room. */
export function obsHoldTask(): LoopTask {
  return { name: TASKS.obsHold, maxIntervalMs: 2_000, retryMs: 250, run: holdGreenRoomInputs };
}
