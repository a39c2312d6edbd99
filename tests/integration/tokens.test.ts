import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@livekit/rtc-node';
import { channelRoom } from '@/types/room';
import type { ChannelSummary } from '@/types/channel';
import { AppClient, createChannel, createDj, roomToken, signedInAdmin } from '../support/app-client';
import { joinRoom, publishAudio, TrackSource, untilPublishAllowed } from '../support/livekit-peer';
import { scheduleNow } from '../support/schedule';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';

const env = stackEnv();
const roomService = new RoomServiceClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const rooms: Room[] = [];

let channel: ChannelSummary;
let dj: AppClient;

const token = (client: AppClient, role: 'dj' | 'listener') => roomToken(client, channel.id, role);

async function serverSide(identity: string) {
  const participants = await roomService.listParticipants(channelRoom(channel.id));
  const found = participants.find((p) => p.identity === identity);
  if (!found) throw new Error(`${identity} is not in the room on the server`);
  return found;
}

beforeAll(async () => {
  const admin = await signedInAdmin();
  channel = await createChannel(admin, 'tokens');
  const created = await createDj(admin, 'DJ Tokens');
  dj = created.dj;
  await scheduleNow(admin, channel.id, created.account.id);
});

afterAll(async () => {
  await Promise.all(rooms.map((room) => room.disconnect()));
});

describe('tokens from the API on the real LiveKit server', () => {
  it('issues a listener token for the channel room', async () => {
    const body = await token(new AppClient(), 'listener');
    expect(body.room).toBe(channelRoom(channel.id));
    expect(body.serverUrl).toBe(env.LIVEKIT_URL);
    expect(body.identity).toMatch(/^listener-/);
  });

  it('a listener is hidden, may subscribe, and cannot publish', async () => {
    const listenerToken = await token(new AppClient(), 'listener');
    const listener = await joinRoom(listenerToken);
    rooms.push(listener);

    const info = await serverSide(listenerToken.identity);
    expect(info.permission).toMatchObject({ canSubscribe: true, canPublish: false, canPublishData: false, hidden: true });
    await expect(publishAudio(listener)).rejects.toThrow();
    expect((await serverSide(listenerToken.identity)).tracks).toHaveLength(0);
  });

  it('a DJ publishes the microphone only and subscribes to nothing', async () => {
    const djToken = await token(dj, 'dj');
    expect(djToken.identity).toMatch(/^dj-/);
    const grant = JSON.parse(Buffer.from(djToken.token.split('.')[1] ?? '', 'base64url').toString()) as { video: { canPublish?: boolean } };
    expect(grant.video.canPublish, 'the token carries no publish rights; the server grants them after the join').toBe(false);
    const djRoom = await joinRoom(djToken);
    rooms.push(djRoom);
    await untilPublishAllowed(djRoom, 15_000);

    const info = await serverSide(djToken.identity);
    expect(info.name).toBe('DJ Tokens');
    expect(info.permission).toMatchObject({ canPublish: true, canSubscribe: false, canUpdateMetadata: true, hidden: false });
    expect(info.permission?.canPublishSources).toEqual([TrackSource.SOURCE_MICROPHONE]);

    const publication = await publishAudio(djRoom);
    expect(publication.sid).toMatch(/^TR_/);
    await expect(publishAudio(djRoom, TrackSource.SOURCE_SCREENSHARE_AUDIO)).rejects.toThrow();

    // A second participant with a track: the listener side receives it, the DJ must not.
    const listener = await joinRoom(await token(new AppClient(), 'listener'));
    rooms.push(listener);
    await expect
      .poll(() => [...listener.remoteParticipants.values()].some((p) => [...p.trackPublications.values()].some((t) => t.subscribed)), {
        timeout: 10_000,
      })
      .toBe(true);
    const djSubscriptions = [...djRoom.remoteParticipants.values()].flatMap((p) =>
      [...p.trackPublications.values()].filter((t) => t.subscribed),
    );
    expect(djSubscriptions).toHaveLength(0);
  });
});

describe('POST /api/livekit/token errors', () => {
  const post = (client: AppClient, body: unknown, raw?: string) =>
    client.request<{ error: { code: string; message: string } }>('POST', '/api/livekit/token', body, raw);

  it('400 for a malformed or invalid body, with the error envelope', async () => {
    for (const [body, raw] of [
      [undefined, '{not json'],
      [{ channelId: channel.id, role: 'admin' }, undefined],
      [{ channelId: channel.id, role: 'dj', canPublish: true }, undefined],
      [{ role: 'listener' }, undefined],
    ] as const) {
      const res = await post(new AppClient(), body, raw);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.message).toEqual(expect.any(String));
    }
  });

  it('404 for an unknown channel', async () => {
    const res = await post(new AppClient(), { channelId: 'no-such-channel', role: 'listener' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('401 for a DJ token without a session', async () => {
    const res = await post(new AppClient(), { channelId: channel.id, role: 'dj' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });
});
