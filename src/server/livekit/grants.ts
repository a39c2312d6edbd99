import 'server-only';
import { type ParticipantPermission, TrackSource, type VideoGrant } from 'livekit-server-sdk';
import type { RoomRole } from '@/types/room';

/** Listener tokens only need to outlive the connect; reconnects fetch a new one. */
export const LISTENER_TOKEN_TTL_SECONDS = 5 * 60;
/** DJ tokens are used once to connect; LiveKit refreshes the session itself after that. */
export const DJ_TOKEN_TTL_SECONDS = 10 * 60;

/** Subscribe only, invisible to others, no data channel: a listener can do nothing but listen. */
export function listenerGrant(room: string): VideoGrant {
  return {
    room,
    roomJoin: true,
    canSubscribe: true,
    canPublish: false,
    canPublishData: false,
    canUpdateOwnMetadata: false,
    hidden: true,
  };
}

/**
 * Publish the microphone source only, subscribe to nothing (a DJ monitors
 * locally), and, while on air, update own attributes (the console's tempo).
 * Without `canPublish` the DJ waits in the green room: connected, heard by nobody,
 * and unable to change its name or attributes (which every listener sees), until
 * the server grants both at the slot start (djPermission).
 */
export function djGrant(room: string, canPublish = true): VideoGrant {
  return {
    room,
    roomJoin: true,
    canPublish,
    canPublishSources: [TrackSource.MICROPHONE],
    canSubscribe: false,
    canPublishData: false,
    canUpdateOwnMetadata: canPublish,
    hidden: false,
  };
}

export function grantFor(role: RoomRole, room: string): VideoGrant {
  return role === 'dj' ? djGrant(room) : listenerGrant(room);
}

export function ttlFor(role: RoomRole): number {
  return role === 'dj' ? DJ_TOKEN_TTL_SECONDS : LISTENER_TOKEN_TTL_SECONDS;
}

/** The DJ's LiveKit permission as the server sets it mid-session; the same rights as djGrant (metadata only on air). */
export function djPermission(canPublish: boolean): Partial<ParticipantPermission> {
  return {
    canSubscribe: false,
    canPublish,
    canPublishData: false,
    canPublishSources: [TrackSource.MICROPHONE],
    canUpdateMetadata: canPublish,
    hidden: false,
  };
}

/**
 * An allowed OBS input's rights: its audio as the microphone, and the video OBS sends as the
 * camera, which the ingress guard mutes at once (nothing of it is forwarded). Refusing the video
 * instead races the ingress publishing it, and ingress v1.5.0 ends the whole session when it loses.
 */
export function obsInputPermission(): Partial<ParticipantPermission> {
  return {
    canPublish: true,
    canPublishSources: [TrackSource.MICROPHONE, TrackSource.CAMERA],
    canSubscribe: false,
    canPublishData: false,
    // The ingress sets no name or attributes itself; the server does (the DJ's name, the tempo).
    canUpdateMetadata: false,
  };
}
