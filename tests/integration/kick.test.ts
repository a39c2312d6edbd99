import { type ParticipantInfo, RoomServiceClient, TrackType } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionResponse } from '@/types/action';
import type { AuditListResponse } from '@/types/audit';
import { channelRoom, ingressIdentity, type TokenResponse } from '@/types/room';
import type { ChannelSummary } from '@/types/channel';
import type { IngressEndpoint } from '@/types/ingress';
import { AppClient, createChannel, createDj, signedInAdmin } from '../support/app-client';
import { scheduleNow } from '../support/schedule';
import { hasExited, type Push, pushRtmp } from '../support/obs';
import { firstHeard, toneDj, toneListener } from '../support/tone';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';
import { actionDone } from '../support/actions';
import { LOAD_MARGIN } from '../support/timing';

// The kick on an OBS publisher, on the real stack (ffmpeg as OBS): it takes effect within the
// product's 5 s target, and sticks to the DJ's account for every way they can publish.
const env = stackEnv();
const roomService = new RoomServiceClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const anon = new AppClient();
const pushes: Push[] = [];
/** The ingress turns a push into a room participant in about 5 s here; allow for a loaded machine. */
const JOIN_TIMEOUT = 25_000;
/**
 * The product's target: a kicked DJ is off air within this. The test allows twice as much for a
 * loaded machine (the bench under stress-ng, 2026-12-02: p95 4.45 s, max 5.50 s); `npm run
 * bench:kick` prints the real figures.
 */
const KICK_TARGET_MS = 5_000;

const participants = (channelId: string): Promise<ParticipantInfo[]> =>
  roomService.listParticipants(channelRoom(channelId)).catch(() => []);
const audioOf = async (channelId: string, identity: string) =>
  ((await participants(channelId)).find((p) => p.identity === identity)?.tracks ?? []).filter((t) => t.type === TrackType.AUDIO).length;

function push(endpoint: Pick<IngressEndpoint, 'serverUrl' | 'streamKey'>): Push {
  const p = pushRtmp(endpoint);
  pushes.push(p);
  return p;
}

let admin: AppClient;

beforeAll(async () => {
  admin = await signedInAdmin();
});

afterAll(async () => {
  await Promise.all(pushes.map((p) => p.stop()));
});

describe('kick on an OBS (RTMP) publisher', () => {
  it('is off air within 5 s, OBS cannot come back, the browser gets no token, and the audit names the account', async () => {
    const channel = await createChannel(admin, 'kick-obs');
    const { dj, account } = await createDj(admin, 'DJ Kick Obs');
    await scheduleNow(admin, channel.id, account.id);
    const made = await dj.request<IngressEndpoint>('POST', '/api/livekit/ingress', { channelId: channel.id, inputType: 'rtmp' });
    expect(made.status).toBe(201);
    const identity = ingressIdentity('rtmp', account.id);
    const running = push(made.body);
    await expect.poll(() => audioOf(channel.id, identity), { timeout: JOIN_TIMEOUT }).toBe(1);
    await expect
      .poll(async () => (await anon.request<ChannelSummary>('GET', `/api/channels/${channel.slug}`)).body.live.onAir, { timeout: 10_000 })
      .toBe(true);
    // LiveKit's participant name is not to be trusted: the audit must name the account.
    await roomService.updateParticipant(channelRoom(channel.id), identity, { name: 'Somebody Else' });

    const t0 = Date.now();
    const kick = await admin.request<{ kicked: string[] } & ActionResponse>('POST', `/api/admin/channels/${channel.id}/kick`);
    console.info(`[kick] OBS: API answered ${kick.status} in ${Date.now() - t0} ms`);
    expect([200, 202]).toContain(kick.status);
    expect(kick.body.kicked).toEqual([identity]);
    await expect
      .poll(() => audioOf(channel.id, identity), { timeout: Math.max(0, KICK_TARGET_MS * LOAD_MARGIN - (Date.now() - t0)), interval: 100 })
      .toBe(0);
    console.info(`[kick] OBS: off air in LiveKit ${Date.now() - t0} ms after the request (target ${KICK_TARGET_MS} ms)`);
    await expect.poll(() => hasExited(running), { timeout: 15_000 }).toBe(true);

    // The block is the account's: the DJ's browser gets no publishing token...
    const token = await dj.request<TokenResponse & { error?: { message: string } }>('POST', '/api/livekit/token', {
      channelId: channel.id,
      role: 'dj',
    });
    expect(token.status).toBe(403);
    expect(JSON.stringify(token.body)).toMatch(/admin took you off air/);
    // ...and OBS reconnecting with the same key is refused (its input stays disabled).
    const again = push(made.body);
    await expect.poll(() => hasExited(again), { timeout: JOIN_TIMEOUT }).toBe(true);
    expect(await audioOf(channel.id, identity)).toBe(0);

    await actionDone(admin, kick.body.action.id, 15_000);
    const log = await admin.request<AuditListResponse>('GET', `/api/admin/audit?channelId=${channel.id}&action=kick`);
    expect(log.body.entries).toHaveLength(1);
    expect(log.body.entries[0]?.detail).toMatch(/^DJ Kick Obs; blocked until/);
    expect(log.body.entries[0]?.detail).not.toMatch(/Somebody Else/);
  });
});

describe('kick without LiveKit work left', () => {
  it('answers 200 with a done action on a channel nobody is on, and the action can be read back', async () => {
    const channel = await createChannel(admin, 'kick-empty');
    const t0 = Date.now();
    const kick = await admin.request<{ kicked: string[] } & ActionResponse>('POST', `/api/admin/channels/${channel.id}/kick`);
    expect([200, 202]).toContain(kick.status);
    expect(Date.now() - t0).toBeLessThan(KICK_TARGET_MS * LOAD_MARGIN);
    expect(kick.body.kicked).toEqual([]);
    await actionDone(admin, kick.body.action.id, 10_000);
    // A DJ sees nobody else's actions; a done action is not retried.
    const { dj } = await createDj(admin, 'DJ Nosy');
    expect((await dj.request('GET', `/api/actions/${kick.body.action.id}`)).status).toBe(404);
    const retry = await admin.request<ActionResponse>('POST', `/api/actions/${kick.body.action.id}/retry`, {});
    expect(retry.status).toBe(200);
    expect(retry.body.action.status).toBe('done');
  });
});

/** The grant a LiveKit token carries (its JWT's `video` claim). */
const videoGrant = (jwt: string): { canPublish?: boolean } =>
  (JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { video: { canPublish?: boolean } }).video;

describe('a disabled DJ with a token from before', () => {
  it('can never publish: the token has no rights, the server grants none, a listener hears nothing', async () => {
    const channel = await createChannel(admin, 'disabled-join');
    const { dj, account } = await createDj(admin, 'DJ Old Token');
    await scheduleNow(admin, channel.id, account.id);
    const token = await dj.request<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'dj' });
    expect(token.status).toBe(200);
    expect(token.body.access?.mode, 'issued inside the slot').toBe('publish');
    expect(videoGrant(token.body.token).canPublish, 'no DJ token carries publish rights').toBe(false);
    const disabled = await admin.request('PATCH', `/api/admin/accounts/${account.id}`, { disabled: true });
    expect([200, 202]).toContain(disabled.status);

    const listenerToken = await new AppClient().request<TokenResponse>('POST', '/api/livekit/token', {
      channelId: channel.id,
      role: 'listener',
    });
    const listener = await toneListener(listenerToken.body, [700]);
    const since = Date.now();
    const publisher = await toneDj(token.body, 700).catch(() => null);
    // A tampered client publishes without waiting for rights, again and again for 3 s, while the
    // server's view of the participant is sampled: it must never show publish rights or a track.
    let rightsSeen = false;
    let tracksSeen = false;
    const until = Date.now() + 3_000;
    const sample = (async () => {
      while (Date.now() < until) {
        const me = (await participants(channel.id)).find((p) => p.identity === token.body.identity);
        rightsSeen ||= me?.permission?.canPublish === true;
        tracksSeen ||= (me?.tracks.length ?? 0) > 0;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    while (publisher && Date.now() < until) {
      const attempt = publisher.publishNow().catch(() => undefined);
      await Promise.race([attempt, new Promise((r) => setTimeout(r, 500))]);
    }
    await sample;
    await expect
      .poll(async () => (await participants(channel.id)).some((p) => p.identity === token.body.identity), { timeout: 5_000 })
      .toBe(false);
    await new Promise((r) => setTimeout(r, 1_000)); // anything that got through has reached the listener by now
    const heard = firstHeard(listener.heard, 700, since);
    await Promise.all([listener.stop(), publisher?.stop()]);
    expect(rightsSeen, 'the disabled DJ had publish rights').toBe(false);
    expect(tracksSeen, 'the disabled DJ had a published track').toBe(false);
    expect(heard, 'the disabled DJ was heard').toBeNull();
  });
});
