import { z } from './zod';
import { channelIdSchema, INGRESS_INPUTS } from './room';
import type { ActionResponse } from './action';

/** OBS inputs: RTMP works with every OBS version, WHIP (lower latency) with OBS 30+. */
export const ingressInputSchema = z.enum(INGRESS_INPUTS);

export const ingressCreateSchema = z.strictObject({
  channelId: channelIdSchema,
  inputType: ingressInputSchema,
});
export type IngressCreateRequest = z.infer<typeof ingressCreateSchema>;

/** ?channelId=...; admins may add &userId=... to see a DJ's inputs. */
export const ingressListQuerySchema = z.strictObject({
  channelId: channelIdSchema,
  userId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'userId has invalid characters')
    .optional(),
});

export const ingressIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9]+$/i, 'id has invalid characters'),
});

/** LiveKit's ingress state in words a DJ understands. */
export type IngressStatus = 'idle' | 'connecting' | 'live' | 'error';

/**
 * When a DJ's OBS inputs work, for the console to say (times are ISO; it shows them in the
 * DJ's own time zone). Pushes are accepted from the green room on (`opensAt`, SLOT_GREEN_ROOM_SECONDS
 * before the slot) and heard from the slot start; outside that they are refused.
 */
export type IngressAvailability =
  | { state: 'on_air' }
  | { state: 'green_room'; slotStart: string; title: string }
  | {
      state: 'refused';
      /** not_yet: a slot is coming; no_slot: none is; kicked: an admin took the DJ off air; disabled: the account. */
      reason: 'not_yet' | 'no_slot' | 'kicked' | 'disabled';
      opensAt: string | null;
      slotStart: string | null;
      title: string;
      /** kicked: the block ends then. */
      until: string | null;
    };

/**
 * One of a DJ's OBS inputs. Only ever sent to that DJ or an admin: the stream
 * key is a secret (anyone holding it can broadcast as the DJ).
 */
export type IngressEndpoint = {
  id: string;
  channelId: string;
  inputType: z.infer<typeof ingressInputSchema>;
  /** RTMP: OBS "Server". WHIP: OBS "Server" (the key goes in "Bearer Token"). */
  serverUrl: string;
  streamKey: string;
  status: IngressStatus;
  /** False while the DJ may not connect (outside their slot and its green room): pushes are refused. */
  enabled: boolean;
  /** Why pushes are refused or held, and from when they work (the same for all of a DJ's inputs on a channel). */
  availability: IngressAvailability;
  keyCreatedAt: string;
};

export type IngressListResponse = { endpoints: IngressEndpoint[] };
/** POST /api/livekit/ingress/:id/rotate: the new key once it exists (200), and the action to follow. */
export type IngressRotateResponse = Partial<IngressEndpoint> & ActionResponse;

/** For display: the first and last characters, the rest hidden. */
export function maskStreamKey(key: string): string {
  if (key.length <= 8) return '•'.repeat(key.length);
  return `${key.slice(0, 4)}${'•'.repeat(Math.min(16, key.length - 6))}${key.slice(-2)}`;
}
