// Follow a channel (Web Push): browsers' subscriptions, and the notifications sent to them when a
// channel goes live and before each of its slots (a task of the one loop). Off without VAPID keys.
import 'server-only';
export { pushPublicKey } from './config';
export { follow, followStatus, unfollow } from './subscriptions';
export { pushTask } from './task';
