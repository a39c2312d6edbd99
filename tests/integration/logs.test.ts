// The app's log is JSON lines (pino) with the request id server.ts assigns and, where a
// request is about one, the channel. Secrets and stream keys in every log of the run are
// checked by the harness at the end (scripts/stack/log-secrets.ts, run by with-stack.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppClient, createChannel, signedInAdmin } from '../support/app-client';
import { stackEnv } from '../support/stack-env';

const env = stackEnv();
const appLog = () => path.join(process.env.STACK_DIR ?? '', 'app.log');

type Line = { level: number; time: string; msg: string; reqId?: string; channel?: string; path?: string; status?: number; result?: string };
function lines(): Line[] {
  return readFileSync(appLog(), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
}

describe('app logs', () => {
  it('are JSON lines carrying the request id and the channel, and never the secrets the app holds', async () => {
    expect(process.env.STACK_DIR, 'run through scripts/with-stack.ts').toBeTruthy();
    const admin = await signedInAdmin();
    const channel = await createChannel(admin, 'logs');
    const res = await new AppClient().request('POST', '/api/livekit/token', { channelId: channel.id, role: 'listener' });
    expect(res.status).toBe(200);
    const reqId = res.headers.get('x-request-id') ?? '';
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    // A client's own id is replaced: ids in the log are the server's.
    const forged = await fetch(new URL('/api/channels', env.APP_URL), { headers: { 'x-request-id': 'forged' } });
    expect(forged.headers.get('x-request-id')).not.toBe('forged');

    await expect
      .poll(
        () =>
          lines()
            .filter((l) => l.reqId === reqId)
            .map((l) => l.msg)
            .sort(),
        { timeout: 5_000 },
      )
      .toEqual(['request', 'token request']);
    const mine = lines().filter((l) => l.reqId === reqId);
    expect(mine.find((l) => l.msg === 'token request')).toMatchObject({ channel: channel.id, result: 'granted', level: 30 });
    expect(mine.find((l) => l.msg === 'request')).toMatchObject({ path: '/api/livekit/token', status: 200 });
    const text = readFileSync(appLog(), 'utf8');
    for (const secret of [env.LIVEKIT_API_SECRET, process.env.BETTER_AUTH_SECRET ?? 'unset', env.TEST_ADMIN_PASSWORD])
      expect(text.includes(secret)).toBe(false);
  });
});
