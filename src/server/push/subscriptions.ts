import 'server-only';
import type { FollowRequest, FollowStatus, UnfollowRequest } from '@/types/push';
import { getDb } from '../db';
import { badRequest, clientKey, HttpError, notFound, rateLimited, RateLimiter } from '../http';
import { TASKS, wake } from '../loop';
import { pushConfig } from './config';
import { endpointAllowed } from './push-plan';

/** Follows, unfollows and lookups per client per minute: listeners are anonymous. */
const RATE_PER_MINUTE = 30;
let limiter: RateLimiter | undefined;

async function checkRate(headers: Headers): Promise<void> {
  limiter ??= new RateLimiter('push-follow', RATE_PER_MINUTE, 60_000);
  const retryAfter = await limiter.hit(clientKey(headers));
  if (retryAfter !== null) throw rateLimited(retryAfter);
}

function enabledConfig() {
  const config = pushConfig();
  if (!config) throw new HttpError(503, 'unavailable', 'Follow is off on this station (no Web Push keys are configured).');
  return config;
}

async function channelId(slug: string): Promise<string> {
  const channel = await getDb().channel.findUnique({ where: { slug }, select: { id: true } });
  if (!channel) throw notFound('No such channel.');
  return channel.id;
}

/** This browser follows the channel: notified when it goes live and before each slot. Idempotent. */
export async function follow(req: FollowRequest, headers: Headers): Promise<FollowStatus> {
  await checkRate(headers);
  const config = enabledConfig();
  const { endpoint, keys } = req.subscription;
  if (!endpointAllowed(endpoint, config.hosts)) throw badRequest("This browser's push service is not one this station sends to.");
  const id = await channelId(req.channel);
  await getDb().pushSubscription.upsert({
    where: { endpoint_channelId: { endpoint, channelId: id } },
    create: { endpoint, channelId: id, p256dh: keys.p256dh, auth: keys.auth },
    // The browser may have renewed its keys under the same endpoint.
    update: { p256dh: keys.p256dh, auth: keys.auth },
  });
  // A slot starting within the reminder window is announced to the new follower's channel now.
  wake(TASKS.push);
  return { following: true };
}

/** Ends a follow; the subscription's auth secret proves the caller holds it. Unknown is fine (idempotent). */
export async function unfollow(req: UnfollowRequest, headers: Headers): Promise<FollowStatus> {
  await checkRate(headers);
  const id = await channelId(req.channel);
  await getDb().pushSubscription.deleteMany({ where: { endpoint: req.endpoint, channelId: id, auth: req.auth } });
  return { following: false };
}

/** Whether this browser's subscription follows the channel (same proof as unfollow). */
export async function followStatus(req: UnfollowRequest, headers: Headers): Promise<FollowStatus> {
  await checkRate(headers);
  const id = await channelId(req.channel);
  const row = await getDb().pushSubscription.findFirst({
    where: { endpoint: req.endpoint, channelId: id, auth: req.auth },
    select: { id: true },
  });
  return { following: row !== null };
}
