import { handler, json, parseBody } from '@/server/http';
import { follow, unfollow } from '@/server/push';
import { followRequestSchema, unfollowRequestSchema } from '@/types/push';

/** A subscription is an endpoint of at most 1 KB and two short keys. */
const BODY_LIMIT = 4096;

/** Follow a channel with this browser's push subscription (anonymous; rate limited per client). */
export const POST = handler(async (req) => {
  const body = await parseBody(req, followRequestSchema, BODY_LIMIT);
  return json(await follow(body, req.headers), 201);
});

/** Unfollow: the endpoint and its auth secret prove the caller holds the subscription. */
export const DELETE = handler(async (req) => {
  const body = await parseBody(req, unfollowRequestSchema, BODY_LIMIT);
  return json(await unfollow(body, req.headers));
});
