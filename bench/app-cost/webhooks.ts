// Signed LiveKit webhooks at a steady rate, shaped and signed as LiveKit sends them
// (tests/support/webhooks.ts), each with its own id: listeners join a channel's room for the
// first half of a run and leave it in the second, so every webhook changes its listener count.
import { channelRoom } from '../../src/types/room';
import { signWebhook } from '../../tests/support/webhooks';

function listenerEvent(channelId: string, n: number, total: number): string {
  const half = Math.ceil(total / 2);
  const listener = n < half ? n : n - half;
  const identity = `listener-bench-${runId}-${listener}`;
  return JSON.stringify({
    event: n < half ? 'participant_joined' : 'participant_left',
    id: `EV_bench_${runId}_${n}`,
    createdAt: String(Math.floor(Date.now() / 1000)),
    room: { sid: 'RM_bench', name: channelRoom(channelId) },
    participant: { sid: `PA_${identity}`, identity, name: 'Bench listener', state: 'ACTIVE' },
  });
}

let runId = '';

export type WebhookRun = { sent: number; failed: number; latencies: number[] };

/** Posts `perSecond` webhooks a second for `seconds`, open loop (a slow answer does not slow the sender). */
export async function sendWebhooks(
  appUrl: string,
  keys: { apiKey: string; apiSecret: string },
  channelId: string,
  perSecond: number,
  seconds: number,
): Promise<WebhookRun> {
  const run: WebhookRun = { sent: 0, failed: 0, latencies: [] };
  runId = Date.now().toString(36);
  const total = perSecond * seconds;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let n = 0; n < total; n++) {
    const due = start + (n * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const body = listenerEvent(channelId, n, total);
    const t0 = performance.now();
    inFlight.push(
      signWebhook(body, keys.apiKey, keys.apiSecret)
        .then((jwt) =>
          fetch(new URL('/api/livekit/webhook', appUrl), {
            method: 'POST',
            headers: { 'content-type': 'application/webhook+json', authorization: jwt },
            body,
          }),
        )
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.ok) run.latencies.push(performance.now() - t0);
          else run.failed += 1;
        })
        .catch(() => void (run.failed += 1)),
    );
    run.sent += 1;
  }
  await Promise.all(inFlight);
  return run;
}
