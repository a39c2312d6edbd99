// What a DJ's LiveKit participant may change about itself (issue 13's review): only a DJ on
// air may set attributes (its console's tempo), nobody may push large values to listeners,
// and a DJ taken off air is told the real reason. Real LiveKit, rtc-node peers.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { TokenResponse } from '@/types/room';
import { type AppClient, signedInAdmin } from '../support/app-client';
import { joinRoom, publishVideo, untilPublishAllowed } from '../support/livekit-peer';
import { addSlot, channelWithDjs, wholeSecondIn } from '../support/schedule';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';

const env = stackEnv();
const livekit = new RoomServiceClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
type ErrorBody = { error: { code: string; message: string } };
let admin: AppClient;
let rooms: Room[] = [];

beforeAll(async () => {
  admin = await signedInAdmin();
});
afterEach(async () => {
  await Promise.all(rooms.map((r) => r.disconnect()));
  rooms = [];
});

async function join(dj: AppClient, channelId: string): Promise<{ room: Room; token: TokenResponse }> {
  const res = await dj.request<TokenResponse>('POST', '/api/livekit/token', { channelId, role: 'dj' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const room = await joinRoom(res.body);
  rooms.push(room);
  return { room, token: res.body };
}

const server = (t: TokenResponse) => livekit.getParticipant(t.room, t.identity);

/**
 * Lets an update the participant tries on itself settle. rtc-node resolves even when LiveKit
 * refuses it (NOT_ALLOWED, LIMIT_EXCEEDED), so what counts is LiveKit's record, read after.
 */
async function attempt(update: Promise<void>): Promise<void> {
  await Promise.race([update.catch(() => undefined), new Promise((r) => setTimeout(r, 5_000))]);
}

/** The participant as LiveKit has it stays as it was for a while (refusals are silent on the server side). */
async function expectUnchanged(t: TokenResponse, name: string): Promise<void> {
  const until = Date.now() + 1_500;
  while (Date.now() < until) {
    const p = await server(t);
    expect(p.name).toBe(name);
    expect(p.attributes.bpm).toBeUndefined();
    expect(p.attributes.role).toBe('dj');
    expect(Object.values(p.attributes).join('').length).toBeLessThan(1024);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('participant attributes and names', () => {
  it('a DJ in the green room cannot set attributes, a name or a role that listeners would see', { timeout: 60_000 }, async () => {
    const { channel, djs } = await channelWithDjs(admin, 'attrs-green', ['DJ Waiting']);
    const { dj, account } = djs[0]!;
    await addSlot(admin, channel.id, [account.id], wholeSecondIn(120_000), 600);
    const { room, token } = await join(dj, channel.id);
    expect(token.access?.mode).toBe('green_room');
    expect((await server(token)).permission?.canUpdateMetadata).toBe(false);

    const local = room.localParticipant!;
    await Promise.all([
      attempt(local.setAttributes({ bpm: '199.9', bpm_beat_at: String(Date.now()) })),
      attempt(local.setAttributes({ role: 'admin' })),
      attempt(local.updateName('DJ Fake')),
      attempt(local.setAttributes({ blob: 'x'.repeat(60 * 1024) })),
    ]);
    await expectUnchanged(token, 'DJ Waiting');
  });

  it('a DJ on air sets its tempo, but no large attribute; at the slot end the right and the tempo go', { timeout: 90_000 }, async () => {
    const { channel, djs } = await channelWithDjs(admin, 'attrs-air', ['DJ On Air']);
    const { dj, account } = djs[0]!;
    // Room for the join, the grant and three attribute round trips (each up to 5 s in rtc-node) before the end.
    const end = wholeSecondIn(25_000);
    await addSlot(admin, channel.id, [account.id], wholeSecondIn(-1_000), Math.round((end.getTime() - Date.now()) / 1000) + 1);
    const { room, token } = await join(dj, channel.id);
    expect(token.access?.mode).toBe('publish');
    // The token carries no rights: the server grants publishing and updates after the join.
    await untilPublishAllowed(room, 15_000);
    const local = room.localParticipant!;
    await attempt(local.setAttributes({ bpm: '128.0', bpm_beat_at: String(Date.now()), bpm_confidence: '0.90' }));
    await expect.poll(async () => (await server(token)).attributes.bpm, { timeout: 5_000 }).toBe('128.0');
    // Sent after a small one that LiveKit applies: once that one shows, the large one was refused.
    await attempt(local.setAttributes({ blob: 'x'.repeat(60 * 1024) }));
    await attempt(local.setAttributes({ marker: '1' }));
    await expect.poll(async () => (await server(token)).attributes.marker, { timeout: 5_000 }).toBe('1');
    expect((await server(token)).attributes.blob).toBeUndefined();

    // The slot ends: publishing, the right to update and the tempo listeners saw all go.
    await expect.poll(async () => (await server(token)).permission?.canPublish, { timeout: 35_000, interval: 200 }).toBe(false);
    const after = await server(token);
    expect(after.permission?.canUpdateMetadata).toBe(false);
    expect(after.attributes.bpm).toBeUndefined();
    expect(after.attributes['radio.access']).toBe('slot_ended');
    await attempt(local.setAttributes({ bpm: '199.9' }));
    await expectUnchanged(token, 'DJ On Air');
  });
});

describe('the reason a DJ was taken off air', () => {
  it('after a video track sent as the microphone, names that and not an admin', async () => {
    const { channel, djs } = await channelWithDjs(admin, 'why-video', ['DJ Camera']);
    const { dj, account } = djs[0]!;
    await addSlot(admin, channel.id, [account.id], wholeSecondIn(-1_000), 600);
    const { room, token } = await join(dj, channel.id);
    await publishVideo(room);
    await expect.poll(async () => (await server(token)).permission?.canPublish, { timeout: 15_000 }).toBe(false);
    await expect.poll(async () => (await server(token)).attributes['radio.access'], { timeout: 5_000 }).toBe('not_audio');

    const again = await dj.request<ErrorBody>('POST', '/api/livekit/token', { channelId: channel.id, role: 'dj' });
    expect(again.status).toBe(403);
    expect(again.body.error.message).not.toMatch(/admin/i);
    expect(again.body.error.message).toMatch(/video/i);
  });
});
