import { z } from './zod';
import { channelIdSchema, INGRESS_INPUTS } from './broadcast';

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
  userId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'userId has invalid characters').optional(),
});

export const ingressIdParamsSchema = z.object({
  id: z.string().min(1).max(64).regex(/^[a-z0-9]+$/i, 'id has invalid characters'),
});

/** LiveKit's ingress state in words a DJ understands. */
export type IngressStatus = 'idle' | 'connecting' | 'live' | 'error';

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
  /** False while the DJ may not publish (outside their slot): pushes are refused. */
  enabled: boolean;
  keyCreatedAt: string;
};

export type IngressListResponse = { endpoints: IngressEndpoint[] };

/** For display: the first and last characters, the rest hidden. */
export function maskStreamKey(key: string): string {
  if (key.length <= 8) return '•'.repeat(key.length);
  return `${key.slice(0, 4)}${'•'.repeat(Math.min(16, key.length - 6))}${key.slice(-2)}`;
}
