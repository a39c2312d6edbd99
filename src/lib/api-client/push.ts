import type { FollowRequest, FollowStatus, UnfollowRequest } from '@/types/push';
import { apiPaths } from './paths';
import { sendJson } from './request';

/** Follow a channel with this browser's push subscription. */
export const followChannel = (body: FollowRequest) => sendJson<FollowStatus>(apiPaths.pushSubscriptions(), 'POST', body);

/** Unfollow; the subscription's endpoint and auth secret are the proof. */
export const unfollowChannel = (body: UnfollowRequest) => sendJson<FollowStatus>(apiPaths.pushSubscriptions(), 'DELETE', body);

/** Whether this browser follows the channel. */
export const followLookup = (body: UnfollowRequest) => sendJson<FollowStatus>(apiPaths.pushLookup(), 'POST', body);
