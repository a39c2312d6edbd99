import { handler, json } from '@/server/http';
import { receiveWebhook } from '@/server/webhooks';

// LiveKit posts application/webhook+json with no Origin or cookie: its signature is its check.
export const POST = handler(async (req) => json({ ok: true, result: await receiveWebhook(req) }));
