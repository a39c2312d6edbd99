import { handler, json } from '@/server/http/handler';
import { receiveWebhook } from '@/server/livekit/webhooks';

// The signature covers the exact bytes, so the body is read raw, never re-serialised.
export const POST = handler(async (req) => {
  const result = await receiveWebhook(await req.text(), req.headers.get('authorization'));
  return json({ ok: true, result });
});
