// The browser side of Follow: the service worker (/sw.js) and this browser's push subscription.
import type { FollowRequest, UnfollowRequest } from '@/types/push';
import { base64UrlToBytes, permissionProblem } from './follow-text';

/** Whether this browser can receive Web Push in this page at all. */
export function pushSupported(): boolean {
  return window.isSecureContext && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The subscription this browser already holds for the station, without registering anything. */
export async function existingSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  return registration ? registration.pushManager.getSubscription() : null;
}

/** Registers /sw.js (idempotent) and waits until it is active. */
export async function activeRegistration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  return navigator.serviceWorker.ready;
}

function sameKey(subscription: PushSubscription, key: Uint8Array): boolean {
  const current = subscription.options.applicationServerKey;
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === key.length && bytes.every((b, i) => b === key[i]);
}

/**
 * Asks for permission (the browser's prompt), registers the service worker and subscribes with the
 * station's VAPID key; a subscription made under another key (the station's keys changed) is renewed.
 * Throws an Error whose message the page shows.
 */
export async function subscribeBrowser(publicKey: string): Promise<PushSubscription> {
  const problem = permissionProblem(await Notification.requestPermission());
  if (problem) throw new Error(problem);
  const registration = await activeRegistration();
  const key = base64UrlToBytes(publicKey);
  const existing = await registration.pushManager.getSubscription();
  if (existing && sameKey(existing, key)) return existing;
  if (existing) await existing.unsubscribe();
  try {
    return await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  } catch (err) {
    const why = err instanceof Error ? ` (${err.message})` : '';
    throw new Error(`Your browser could not register with its push service${why}. Try again later.`);
  }
}

/** The subscription as the app's API takes it. */
export function followBody(channel: string, subscription: PushSubscription): FollowRequest {
  const { endpoint = '', keys = {} } = subscription.toJSON();
  return { channel, subscription: { endpoint, keys: { p256dh: keys.p256dh ?? '', auth: keys.auth ?? '' } } };
}

/** Endpoint and auth secret: the proof for unfollow and lookup. */
export function proofBody(channel: string, subscription: PushSubscription): UnfollowRequest {
  const { endpoint = '', keys = {} } = subscription.toJSON();
  return { channel, endpoint, auth: keys.auth ?? '' };
}
