import { type Participant, Room, RoomEvent, Track } from 'livekit-client';
import type { TokenResponse } from '@/types/room';
import { ACCESS_ATTRIBUTE } from '@/types/schedule';
import type { SlotWindow } from './publishing-state';
import type { SenderSnapshot } from './link-stats';
import { describeDisconnect, problem, type Problem } from './problems';
import { PROGRAM_PUBLISH_OPTIONS } from './publish-options';
import { fetchToken } from '@/lib/api-client';

export type PublishingSessionEvents = {
  /** Connected in the green room: unheard until the server grants publishing at the slot start. */
  onWaiting: (slot: SlotWindow) => void;
  onReconnecting: () => void;
  onReconnected: () => void;
  /** The server or network ended the session (not called after `end()`). */
  onLost: (problem: Problem) => void;
};

export type PublishingSession = {
  end: () => Promise<void>;
  slot: SlotWindow;
  /** Set the DJ's participant attributes (the grant has canUpdateOwnMetadata). */
  setAttributes: (attributes: Record<string, string>) => Promise<void>;
  /** The published track's sender stats (for the connection health), undefined before the browser has any. */
  senderStats: () => Promise<SenderSnapshot | undefined>;
};

export function slotWindow(access: TokenResponse['access']): SlotWindow {
  if (!access?.start || !access.end) return null;
  return { start: Date.parse(access.start), end: Date.parse(access.end), title: access.title };
}

/** Why the server took publishing away, from the attribute it sets with the permission. */
function revokedProblem(participant: Participant): Problem {
  const reason = participant.attributes[ACCESS_ATTRIBUTE];
  if (reason === 'kicked') return problem('kicked');
  if (reason === 'not_audio') return problem('not-audio');
  if (reason === 'slot_ended') return problem('slot-ended');
  return problem('not-your-slot');
}

/** The published program track's sender stats (it goes out as the microphone source). */
async function programSenderStats(room: Room): Promise<SenderSnapshot | undefined> {
  return (await room.localParticipant.getTrackPublication(Track.Source.Microphone)?.audioTrack?.getSenderStats()) ?? undefined;
}

/**
 * How long a DJ inside their slot waits for the server's grant after joining (one webhook, normally
 * well under a second) before the console gives up and says so.
 */
export const GRANT_TIMEOUT_MS = 10_000;

/**
 * Resolves once the server lets this participant publish: no token carries the right, the server
 * grants it after the join (inside the slot) or at the slot start (green room). With `timeoutMs`,
 * rejects with the not-confirmed problem when the grant does not come in time.
 */
function publishGranted(room: Room, signal: AbortSignal, timeoutMs?: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      if (!room.localParticipant.permissions?.canPublish) return;
      cleanup();
      resolve();
    };
    const onAbort = () => {
      cleanup();
      reject(signal.reason);
    };
    const cleanup = () => {
      clearTimeout(timer);
      room.off(RoomEvent.ParticipantPermissionsChanged, check);
      signal.removeEventListener('abort', onAbort);
    };
    room.on(RoomEvent.ParticipantPermissionsChanged, check);
    signal.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        cleanup();
        reject(new NotConfirmedError());
      }, timeoutMs);
    }
    check();
  });
}

/** The server did not grant publishing in time after a join inside the slot. */
export class NotConfirmedError extends Error {
  override name = 'NotConfirmedError';
}

/**
 * Connect the DJ to the channel's room and publish `programTrack` as soon as the
 * server allows it: at once inside the slot, at the slot start from the green room.
 * A clone is published so LiveKit may stop it on unpublish/disconnect without
 * touching the graph's own output track (which keeps feeding the meters and the next set).
 * When the server takes publishing away (slot end, kick) the session ends with the reason.
 * Aborting `signal` tears everything down and rejects.
 */
export async function startPublishingSession(
  channelId: string,
  programTrack: MediaStreamTrack,
  signal: AbortSignal,
  events: PublishingSessionEvents,
): Promise<PublishingSession> {
  const token = await fetchToken(channelId, 'dj', signal);
  signal.throwIfAborted();
  const slot = slotWindow(token.access);

  let ended = false;
  let published = false;
  const room = new Room({ disconnectOnPageLeave: true, stopLocalTrackOnUnpublish: true });
  const end = async () => {
    ended = true;
    await room.disconnect();
  };
  const lose = (p: Problem) => {
    if (ended) return;
    ended = true;
    events.onLost(p);
    void room.disconnect();
  };
  room
    .on(RoomEvent.Reconnecting, () => !ended && events.onReconnecting())
    .on(RoomEvent.Reconnected, () => !ended && events.onReconnected())
    .on(RoomEvent.ParticipantPermissionsChanged, () => {
      if (published && !room.localParticipant.permissions?.canPublish) lose(revokedProblem(room.localParticipant));
    })
    .on(RoomEvent.Disconnected, (reason) => {
      if (ended) return;
      ended = true;
      events.onLost(describeDisconnect(reason) ?? problem('disconnected'));
    });

  const onAbort = () => void end();
  signal.addEventListener('abort', onAbort, { once: true });
  const track = programTrack.clone();
  try {
    // The DJ token cannot subscribe; don't try.
    await room.connect(token.serverUrl, token.token, { autoSubscribe: false });
    signal.throwIfAborted();
    if (token.access?.mode === 'green_room') {
      events.onWaiting(slot);
      await publishGranted(room, signal);
    } else {
      // In the slot (or an admin's override): the grant follows the join within moments.
      await publishGranted(room, signal, GRANT_TIMEOUT_MS);
    }
    await room.localParticipant.publishTrack(track, PROGRAM_PUBLISH_OPTIONS);
    published = true;
    signal.throwIfAborted();
  } catch (error) {
    track.stop();
    await end();
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  const senderStats = () => programSenderStats(room);
  return { end, slot, senderStats, setAttributes: (attributes) => room.localParticipant.setAttributes(attributes) };
}
