import 'server-only';
import webpush, { WebPushError } from 'web-push';
import type { PushPayload } from '@/types/push';
import { getDb } from '../db';
import type { PushConfig } from './config';
import { endpointAllowed, sendOutcome } from './push-plan';

/** Sends at a time: enough to reach a few thousand followers in seconds without a burst of sockets. */
const CONCURRENCY = 8;
const TIMEOUT_MS = 10_000;

export type SendReport = { sent: number; gone: number; failed: number };

type Target = { endpoint: string; p256dh: string; auth: string };

async function sendOne(config: PushConfig, target: Target, payload: PushPayload, ttlSeconds: number): Promise<number> {
  // Checked again at send time: PUSH_SERVICE_HOSTS may have narrowed since the browser followed.
  if (!endpointAllowed(target.endpoint, config.hosts)) return 410;
  try {
    const res = await webpush.sendNotification(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(payload),
      {
        vapidDetails: { subject: config.subject, publicKey: config.publicKey, privateKey: config.privateKey },
        TTL: ttlSeconds,
        urgency: 'high',
        timeout: TIMEOUT_MS,
        contentEncoding: 'aes128gcm',
      },
    );
    return res.statusCode;
  } catch (err) {
    if (err instanceof WebPushError) return err.statusCode;
    // Network errors: the endpoint's host is named, never the endpoint (it is a capability URL).
    console.warn(`[push] send to ${new URL(target.endpoint).host} failed:`, err instanceof Error ? err.message : err);
    return 0;
  }
}

/**
 * Encrypts (RFC 8291, aes128gcm) and sends one notification to every follower of a channel.
 * Subscriptions the push service calls gone (404, 410) are deleted, for every channel they follow.
 */
export async function sendToFollowers(
  config: PushConfig,
  channelId: string,
  payload: PushPayload,
  ttlSeconds: number,
): Promise<SendReport> {
  const targets = await getDb().pushSubscription.findMany({ where: { channelId }, select: { endpoint: true, p256dh: true, auth: true } });
  const report: SendReport = { sent: 0, gone: 0, failed: 0 };
  const gone: string[] = [];
  for (let i = 0; i < targets.length; i += CONCURRENCY) {
    const batch = targets.slice(i, i + CONCURRENCY);
    const statuses = await Promise.all(batch.map((t) => sendOne(config, t, payload, ttlSeconds)));
    statuses.forEach((status, j) => {
      const outcome = sendOutcome(status);
      report[outcome] += 1;
      if (outcome === 'gone') gone.push(batch[j]?.endpoint ?? '');
    });
  }
  if (gone.length > 0) await getDb().pushSubscription.deleteMany({ where: { endpoint: { in: gone } } });
  return report;
}
