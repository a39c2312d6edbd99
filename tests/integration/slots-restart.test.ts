import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelRoom } from '@/types/room';
import { AppClient, roomToken, signedInAdmin } from '../support/app-client';
import { addSlot, channelWithDjs, sleepUntil, wholeSecondIn } from '../support/schedule';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';
import { appControl } from '../support/stack-control';
import { toneDj, type ToneDj } from '../support/tone';

// Enforcement is driven by the schedule in the database, so it must catch up after the app was down.
const env = stackEnv();
const roomService = new RoomServiceClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const cleanup: ToneDj[] = [];
let admin: AppClient;

async function serverDj(channelId: string, identity: string) {
  const list = await roomService.listParticipants(channelRoom(channelId)).catch(() => []);
  return list.find((p) => p.identity === identity) ?? null;
}
const setup = (prefix: string, djNames: string[]) => channelWithDjs(admin, prefix, djNames);

beforeAll(async () => {
  admin = await signedInAdmin();
});
afterAll(async () => {
  await Promise.all(cleanup.map((c) => c.stop().catch(() => undefined)));
});

describe('enforcement after an app restart', () => {
  it('cuts a DJ whose slot ended while the app was down within 5 s of the app coming back', async () => {
    const { channel, djs } = await setup('restart', ['DJ Restart']);
    const { dj, account } = djs[0]!;
    const end = wholeSecondIn(4_000).getTime();
    await addSlot(admin, channel.id, [account.id], new Date(end - 6_000), 6);
    const djToken = await roomToken(dj, channel.id, 'dj');
    const publisher = await toneDj(djToken, 600);
    cleanup.push(publisher);
    await publisher.publish();
    await expect.poll(async () => (await serverDj(channel.id, djToken.identity))?.tracks.length, { timeout: 5_000 }).toBe(1);

    try {
      await appControl('stop');
      await sleepUntil(end + 1_000);
      // Nobody enforced the end: the DJ is still publishing.
      expect((await serverDj(channel.id, djToken.identity))?.tracks.length).toBe(1);
    } finally {
      await appControl('start');
    }
    const back = Date.now();
    await expect.poll(async () => (await serverDj(channel.id, djToken.identity))?.tracks.length, { timeout: 5_000, interval: 100 }).toBe(0);
    expect(Date.now() - back).toBeLessThan(5_000);
    admin = await signedInAdmin(); // sessions survive in the database, but sign in afresh to be sure
  }, 120_000); // stopping and starting the app server takes a while on a busy machine
});
