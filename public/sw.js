// The station's service worker: shows Follow notifications (Web Push) and handles their clicks.
// Plain script, no build step: the page registers /sw.js (src/lib/client/push). The payload is
// JSON written by src/server/push (type PushPayload in src/types/push.ts); the push service
// delivers it encrypted (RFC 8291) and the browser decrypts it before this runs.
/* global self */

const ICON = '/icons/icon-192.png';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function readPayload(event) {
  try {
    const data = event.data ? event.data.json() : null;
    if (data && typeof data.title === 'string' && typeof data.url === 'string') return data;
  } catch {
    // not JSON: show the generic notice below
  }
  return null;
}

self.addEventListener('push', (event) => {
  const data = readPayload(event);
  const title = data ? data.title : 'Radio';
  const options = {
    body: data ? data.body : 'Something happened on a channel you follow.',
    icon: ICON,
    badge: ICON,
    tag: data ? data.tag : undefined,
    data: data ? { url: data.url, channel: data.channel } : { url: '/' },
    actions: data && data.channel ? [{ action: 'unfollow', title: 'Unfollow' }] : [],
  };
  event.waitUntil(self.registration.showNotification(title, options));
});

/** Unfollow from the notification: the same API and proof (endpoint + auth secret) as the page's button. */
async function unfollow(channel) {
  const subscription = await self.registration.pushManager.getSubscription();
  if (!subscription) return;
  const { endpoint, keys } = subscription.toJSON();
  await fetch('/api/push/subscriptions', {
    method: 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel, endpoint, auth: keys.auth }),
  });
}

/** Focus a tab already on the channel page, else open one. */
async function openPage(url) {
  const target = new URL(url, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => w.url === target);
  if (open) return open.focus();
  return self.clients.openWindow(target);
}

self.addEventListener('notificationclick', (event) => {
  const data = event.notification.data || {};
  event.notification.close();
  if (event.action === 'unfollow' && data.channel) {
    event.waitUntil(unfollow(data.channel));
    return;
  }
  event.waitUntil(openPage(data.url || '/'));
});
