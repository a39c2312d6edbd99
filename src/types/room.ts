import { z } from './zod';

/** Every per-channel LiveKit resource derives from this one room name. */
const ROOM_PREFIX = 'channel-';

export const channelIdSchema = z
  .string()
  .min(1, 'channelId is required')
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'channelId has invalid characters');

/** The one place a LiveKit room name is built. */
export function channelRoom(channelId: string): string {
  return `${ROOM_PREFIX}${channelIdSchema.parse(channelId)}`;
}

/** Inverse of channelRoom; null for rooms that are not channels. */
export function parseChannelRoom(room: string): string | null {
  if (!room.startsWith(ROOM_PREFIX)) return null;
  const id = room.slice(ROOM_PREFIX.length);
  return channelIdSchema.safeParse(id).success ? id : null;
}

export const roomRoleSchema = z.enum(['listener', 'dj']);
export type RoomRole = z.infer<typeof roomRoleSchema>;

export const tokenRequestSchema = z.strictObject({
  channelId: channelIdSchema,
  role: roomRoleSchema,
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export type TokenResponse = {
  serverUrl: string;
  token: string;
  room: string;
  identity: string;
  /**
   * DJ tokens only: "publish" inside the DJ's slot, "green_room" before it (connected,
   * unheard, until the server grants publishing at the start), "override" for admins.
   */
  access?: { mode: 'publish' | 'green_room' | 'override'; start: string | null; end: string | null; title: string };
};

/** Identity prefixes tell participant kinds apart in webhooks and in the room. */
export const IDENTITY_PREFIX = { listener: 'listener-', dj: 'dj-', ingress: 'ingress-', analyser: 'analyser-', replay: 'replay-' } as const;
/**
 * `analyser`: the app's own hidden, subscribe-only participant (OBS tempo): neither a listener nor a DJ.
 * `replay`: AutoDJ's ingress playing an archived set: publishes audio, yet is never a DJ nor on air.
 */
export type ParticipantKind = RoomRole | 'analyser' | 'replay' | 'other';

/** AutoDJ's one publisher per channel (the app's own replay participant): a fixed identity, so LiveKit refuses a second. */
export function replayIdentity(channelId: string): string {
  return `${IDENTITY_PREFIX.replay}${channelIdSchema.parse(channelId)}`;
}

/**
 * Whose audio a channel carries now, per its row: the DJ on air, else AutoDJ's replay while it
 * plays, else nobody. Its tempo is the channel's, and its HLS is the channel's live stream.
 */
export function channelPublisher(c: { id: string; liveIdentity: string | null; replaySessionId: string | null }): {
  identity: string;
  kind: 'dj' | 'replay';
} | null {
  if (c.liveIdentity) return { identity: c.liveIdentity, kind: 'dj' };
  return c.replaySessionId ? { identity: replayIdentity(c.id), kind: 'replay' } : null;
}

/** The server's tempo analyser of an OBS set: one fixed identity, so LiveKit itself refuses a second one per room. */
export const TEMPO_ANALYSER_IDENTITY = `${IDENTITY_PREFIX.analyser}tempo`;

/** A DJ's OBS input publishes as `ingress-<input>-<userId>`: its own identity, never the browser's. */
export const INGRESS_INPUTS = ['rtmp', 'whip'] as const;
export type IngressInputKind = (typeof INGRESS_INPUTS)[number];

export function ingressIdentity(input: IngressInputKind, userId: string): string {
  return `${IDENTITY_PREFIX.ingress}${input}-${userId}`;
}

/** Inverse of ingressIdentity; null for every other identity. */
export function parseIngressIdentity(identity: string): { input: IngressInputKind; userId: string } | null {
  const m = /^ingress-(rtmp|whip)-(.+)$/.exec(identity);
  return m ? { input: m[1] as IngressInputKind, userId: m[2] as string } : null;
}

/** An OBS ingress is its DJ on air: live state, listener pages and the reconciler treat it as one. */
export function participantKind(identity: string): ParticipantKind {
  if (identity.startsWith(IDENTITY_PREFIX.listener)) return 'listener';
  if (identity.startsWith(IDENTITY_PREFIX.dj)) return 'dj';
  if (parseIngressIdentity(identity)) return 'dj';
  if (identity.startsWith(IDENTITY_PREFIX.analyser)) return 'analyser';
  if (identity.startsWith(IDENTITY_PREFIX.replay)) return 'replay';
  return 'other';
}

/** The DJ account behind a browser or OBS publisher identity, else null. */
export function djUserId(identity: string): string | null {
  if (identity.startsWith(IDENTITY_PREFIX.dj)) return identity.slice(IDENTITY_PREFIX.dj.length) || null;
  return parseIngressIdentity(identity)?.userId ?? null;
}
