import { ConnectionErrorReason, DisconnectReason } from 'livekit-client';
import { ApiError } from '@/lib/api-client';

/** What went wrong, in the terms the UI explains to a DJ or listener. */
export type ProblemKind =
  | 'permission-denied'
  | 'no-device'
  | 'device-busy'
  | 'device-lost'
  | 'unsupported'
  | 'server-unreachable'
  | 'signed-out'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'disconnected'
  | 'not-your-slot'
  | 'not-confirmed'
  | 'slot-ended'
  | 'kicked'
  | 'not-audio'
  | 'unknown';

/** `retryAfterMs`: the server asked us to wait this long before trying again. */
export type Problem = { kind: ProblemKind; message: string; retryAfterMs?: number };

const MESSAGES: Record<ProblemKind, string> = {
  'permission-denied': 'Microphone access was blocked. Allow it in the browser’s site settings, then try again.',
  'no-device': 'No audio input was found. Connect an interface or microphone and try again.',
  'device-busy': 'The audio input is in use by another application or could not be opened.',
  'device-lost': 'The audio input was disconnected. Pick another input.',
  unsupported: 'This browser cannot capture audio here. Use a current browser over HTTPS.',
  'server-unreachable': 'The radio server could not be reached. Check your connection and try again.',
  'signed-out': 'You are signed out. Sign in again to go live.',
  forbidden: 'Your account is not allowed to do this.',
  'not-found': 'This channel no longer exists.',
  'rate-limited': 'Too many attempts. Wait a moment and try again.',
  disconnected: 'Lost connection to the radio server.',
  'not-your-slot': 'It is not your slot on this channel right now.',
  'not-confirmed': 'The station did not confirm your slot; try again.',
  'slot-ended': 'Your slot has ended, so you are off air. Thanks for the set!',
  kicked: 'An admin took you off air. You cannot go live again on this channel until your slot is over.',
  'not-audio':
    'Your broadcast sent a video track as its microphone, and a channel carries audio only, so the server took you off air until your slot is over.',
  unknown: 'Something went wrong.',
};

export function problem(kind: ProblemKind, message = MESSAGES[kind]): Problem {
  return { kind, message };
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  const { name } = error as { name: unknown };
  return typeof name === 'string' ? name : undefined;
}

function fromApiError(error: ApiError): Problem {
  if (error.status === 0 || error.status >= 500) return problem('server-unreachable');
  if (error.status === 401) return problem('signed-out');
  if (error.code === 'outside_slot') return problem('not-your-slot', error.message);
  if (error.status === 403) return problem('forbidden');
  if (error.status === 404) return problem('not-found');
  if (error.status === 429) {
    const limited = problem('rate-limited');
    return error.retryAfterSeconds ? { ...limited, retryAfterMs: error.retryAfterSeconds * 1000 } : limited;
  }
  return problem('unknown', error.message || MESSAGES.unknown);
}

/** Map anything thrown by getUserMedia, fetchJson or livekit-client to a Problem. */
export function classifyError(error: unknown): Problem {
  if (error instanceof ApiError) return fromApiError(error);
  switch (errorName(error)) {
    case 'NotConfirmedError':
      return problem('not-confirmed');
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return problem('permission-denied');
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return problem('no-device');
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return problem('device-busy');
    case 'ConnectionError': {
      // The token was accepted by our API but refused by LiveKit: treat as a rights problem.
      const { reason } = error as { reason?: unknown };
      if (reason === ConnectionErrorReason.NotAllowed) {
        return problem('forbidden', 'The radio server refused this connection.');
      }
      return problem('server-unreachable');
    }
  }
  return problem('unknown');
}

/** Why LiveKit dropped us, or null when we hung up ourselves. */
export function describeDisconnect(reason: DisconnectReason | undefined): Problem | null {
  switch (reason) {
    case DisconnectReason.CLIENT_INITIATED:
      return null;
    case DisconnectReason.DUPLICATE_IDENTITY:
      return problem('disconnected', 'You connected from another tab or device, so this one was disconnected.');
    case DisconnectReason.PARTICIPANT_REMOVED:
      return problem('forbidden', 'You were removed from the channel by an admin.');
    case DisconnectReason.ROOM_DELETED:
    case DisconnectReason.ROOM_CLOSED:
      return problem('disconnected', 'The channel’s room was closed on the server.');
    case DisconnectReason.SERVER_SHUTDOWN:
      return problem('disconnected', 'The radio server restarted.');
    default:
      return problem('disconnected');
  }
}

/** Problems worth retrying automatically; the others need a person to act. */
export function isRetryable(p: Problem): boolean {
  return p.kind === 'server-unreachable' || p.kind === 'rate-limited' || p.kind === 'disconnected' || p.kind === 'unknown';
}
