import { channelSlugSchema } from './channel';
import { z } from './zod';

// Follow a channel (Web Push): what the browser sends the app, and what a notification carries.

/** base64url of exactly `bytes` bytes (no padding), as PushSubscription.toJSON() writes keys. */
const base64url = (bytes: number, what: string) =>
  z
    .string()
    .length(Math.ceil((bytes * 4) / 3), `${what} must be ${bytes} bytes, base64url`)
    .regex(/^[A-Za-z0-9_-]+$/, `${what} must be base64url`);

/** Push services' endpoints are a few hundred characters; the cap keeps a row small. */
export const PUSH_ENDPOINT_MAX = 1024;

export const pushEndpointSchema = z.url().max(PUSH_ENDPOINT_MAX, `endpoint must be at most ${PUSH_ENDPOINT_MAX} characters`);
/** The subscription's secret: proof that whoever unfollows holds the browser's subscription. */
export const pushAuthSchema = base64url(16, 'auth');

/** POST /api/push/subscriptions: follow a channel with this browser's push subscription. */
export const followRequestSchema = z.strictObject({
  channel: channelSlugSchema,
  subscription: z.object({
    endpoint: pushEndpointSchema,
    // A P-256 public key, uncompressed (65 bytes).
    keys: z.object({ p256dh: base64url(65, 'p256dh'), auth: pushAuthSchema }),
  }),
});
export type FollowRequest = z.infer<typeof followRequestSchema>;

/** DELETE /api/push/subscriptions (unfollow) and POST /api/push/subscriptions/lookup (am I following?). */
export const unfollowRequestSchema = z.strictObject({
  channel: channelSlugSchema,
  endpoint: pushEndpointSchema,
  auth: pushAuthSchema,
});
export type UnfollowRequest = z.infer<typeof unfollowRequestSchema>;

export type FollowStatus = { following: boolean };

/** What the service worker (public/sw.js) receives, decrypted, and shows. */
export type PushPayload = {
  kind: 'live' | 'reminder';
  title: string;
  body: string;
  /** The channel page, as a path. */
  url: string;
  channel: string;
  /** Replaces an earlier notification of the same event. */
  tag: string;
};
