import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditListResponse } from '@/types/audit';
import { channelRoom, type TokenResponse } from '@/types/room';
import type { ChannelSummary } from '@/types/channel';
import { AppClient, createChannel, createDj, roomToken, signedInAdmin } from '../support/app-client';
import { publishAudio } from '../support/livekit-peer';
import { addSlot, channelWithDjs, sleepUntil, wholeSecondIn } from '../support/schedule';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';
import { handoverGap, firstHeard, lastHeard, toneDj, toneListener, type ToneDj, type ToneListener } from '../support/tone';
import { CUT_TARGET_MS, LOAD_MARGIN } from '../support/timing';

// Slots here last a few seconds; enforcement must act at their boundaries.
const env = stackEnv();
/**
 * Product targets: a slot's end, a kick or a disabled account takes the DJ off air within 5 s
 * (docs/admin-actions.md), and a handover leaves no gap over 1 s at a listener. The test allows
 * twice as much for a loaded machine (the listener's audio is stamped in this test process, which
 * also makes both DJs' audio); `npm run bench:handover` prints the real figures. A run beside two other stacks heard the outgoing DJ 5051 ms after the
 * boundary (run R3, 2026-12-06).
 */
const GAP_TARGET_MS = 1_000;
/** Time before a boundary for tokens, peers and a first publication on a loaded machine (it took up to 6 s). */
const LEAD_MS = 15_000;
const roomService = new RoomServiceClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const cleanup: (ToneDj | ToneListener)[] = [];
let admin: AppClient;

type ErrorBody = { error: { code: string; message: string } };
const tokenRes = (client: AppClient, channelId: string, role: 'dj' | 'listener') =>
  client.request<TokenResponse & ErrorBody>('POST', '/api/livekit/token', { channelId, role });
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

describe('who may go live', () => {
  it('refuses a DJ outside their slot with 403 naming the next slot, or saying there is none', async () => {
    const { channel, djs } = await setup('noslot', ['DJ Early']);
    const { dj, account } = djs[0]!;
    const none = await tokenRes(dj, channel.id, 'dj');
    expect(none.status).toBe(403);
    expect(none.body.error.message).toMatch(/no upcoming slot on this channel/);

    await addSlot(admin, channel.id, [account.id], new Date('2031-05-06T20:00:00Z'), 3600, 'Future Show');
    const later = await tokenRes(dj, channel.id, 'dj');
    expect(later.status).toBe(403);
    expect(later.body.error.message).toContain('“Future Show” on this channel is Tue 6 May 2031, 20:00–21:00 (UTC)');

    // Not listed on the channel at all: no slot can be theirs.
    const other = await createDj(admin, 'DJ Unlisted');
    expect((await tokenRes(other.dj, channel.id, 'dj')).status).toBe(403);
  });

  it('refuses overlapping slots with 409 naming the conflict, and allows back-to-back', async () => {
    const { channel, djs } = await setup('overlap', ['DJ A', 'DJ B']);
    const [a, b] = djs.map((d) => d.account.id) as [string, string];
    await addSlot(admin, channel.id, [a], new Date('2031-01-01T20:00:00Z'), 3600, 'First');
    const clash = await admin.request<ErrorBody>('POST', `/api/admin/channels/${channel.id}/slots`, {
      start: '2031-01-01T20:30',
      durationSeconds: 3600,
      hostIds: [b],
      title: 'Second',
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toContain('“First” on Wed 1 Jan 2031, 20:00–21:00 (UTC)');
    await addSlot(admin, channel.id, [b], new Date('2031-01-01T21:00:00Z'), 3600, 'Back to back');
  });

  it('gives an admin a publishing token at any time, written to the audit log', async () => {
    const channel = await createChannel(admin, 'override');
    const t = await roomToken(admin, channel.id, 'dj');
    expect(t.access?.mode).toBe('override');
    const log = await admin.request<AuditListResponse>('GET', `/api/admin/audit?channelId=${channel.id}&action=override`);
    expect(log.status).toBe(200);
    expect(log.body.entries[0]).toMatchObject({ action: 'override', channel: { id: channel.id } });
  });
});

describe('enforcement on the real LiveKit server', () => {
  it(
    'inside the slot a token works; at the end the publication is removed within 5 s while the DJ stays connected',
    { timeout: 60_000 },
    async () => {
      const { channel, djs } = await setup('slotend', ['DJ Ending']);
      const { dj, account } = djs[0]!;
      const start = wholeSecondIn(0);
      const end = start.getTime() + LEAD_MS;
      await addSlot(admin, channel.id, [account.id], new Date(start.getTime() - 1_000), LEAD_MS / 1000 + 1);
      const djToken = await roomToken(dj, channel.id, 'dj');
      expect(djToken.access?.mode).toBe('publish');
      const listener = await toneListener(await roomToken(new AppClient(), channel.id, 'listener'), [600]);
      const publisher = await toneDj(djToken, 600);
      cleanup.push(listener, publisher);
      await publisher.publish();
      await expect.poll(() => lastHeard(listener.heard, 600) !== null, { timeout: 10_000 }).toBe(true);

      await sleepUntil(end);
      await expect
        .poll(async () => (await serverDj(channel.id, djToken.identity))?.tracks.length, {
          timeout: CUT_TARGET_MS * LOAD_MARGIN,
          interval: 100,
        })
        .toBe(0);
      const removedAfter = Date.now() - end;
      console.info(`[slots] slot end: publication removed ${removedAfter} ms after the end (target ${CUT_TARGET_MS} ms)`);
      expect(removedAfter).toBeLessThan(CUT_TARGET_MS * LOAD_MARGIN);
      const info = await serverDj(channel.id, djToken.identity);
      expect(info, 'the DJ stays connected').not.toBeNull();
      expect(info?.permission?.canPublish).toBe(false);
      expect(info?.attributes['radio.access']).toBe('slot_ended');
      const silentAfter = (lastHeard(listener.heard, 600) ?? 0) - end;
      expect(silentAfter).toBeLessThan(CUT_TARGET_MS * LOAD_MARGIN);
      // And the channel shows off air.
      await expect
        .poll(async () => (await admin.request<ChannelSummary>('GET', `/api/channels/${channel.slug}`)).body.live.onAir, {
          timeout: 10_000,
        })
        .toBe(false);
    },
  );

  it(
    'hands over between two connected DJs at the boundary with no gap over 1 s, the next one unheard before',
    { timeout: 60_000 },
    async () => {
      const { channel, djs } = await setup('handover', ['DJ Out', 'DJ In']);
      const [out, inn] = djs as [(typeof djs)[number], (typeof djs)[number]];
      const boundary = wholeSecondIn(LEAD_MS).getTime();
      await addSlot(admin, channel.id, [out.account.id], new Date(boundary - LEAD_MS - 4_000), LEAD_MS / 1000 + 4, 'Out');
      await addSlot(admin, channel.id, [inn.account.id], new Date(boundary), 5, 'In');

      const outToken = await roomToken(out.dj, channel.id, 'dj');
      const inToken = await roomToken(inn.dj, channel.id, 'dj');
      expect(inToken.access?.mode).toBe('green_room');
      const listener = await toneListener(await roomToken(new AppClient(), channel.id, 'listener'), [600, 1000]);
      const outDj = await toneDj(outToken, 600);
      const inDj = await toneDj(inToken, 1000);
      cleanup.push(listener, outDj, inDj);
      await outDj.publish();
      inDj.publishWhenGranted();
      const waiting = await serverDj(channel.id, inToken.identity);
      expect(waiting?.permission?.canPublish, 'the green room has no publish rights').toBe(false);

      await sleepUntil(boundary);
      // Wait for the outcome rather than a fixed 3 s: the incoming DJ heard and the outgoing one's
      // rights gone (the gap and cut assertions below hold the product's targets).
      await expect.poll(() => firstHeard(listener.heard, 1000), { timeout: 10_000, message: 'the incoming DJ is heard' }).not.toBeNull();
      await expect
        .poll(async () => (await serverDj(channel.id, outToken.identity))?.permission?.canPublish, { timeout: CUT_TARGET_MS * LOAD_MARGIN })
        .toBe(false);
      expect(firstHeard(listener.heard, 1000)!, 'nothing of the incoming DJ before the slot start').toBeGreaterThanOrEqual(boundary);
      const cut = lastHeard(listener.heard, 600)! - boundary;
      const gap = handoverGap(listener.heard, 600, 1000);
      console.info(
        `[slots] handover: outgoing DJ last heard ${cut} ms after the boundary, gap ${gap} ms (targets ${CUT_TARGET_MS}, ${GAP_TARGET_MS})`,
      );
      expect(cut, 'the outgoing DJ is cut at the end').toBeLessThan(CUT_TARGET_MS * LOAD_MARGIN);
      expect(gap).not.toBeNull();
      expect(gap!).toBeLessThan(GAP_TARGET_MS * LOAD_MARGIN);
      expect((await serverDj(channel.id, outToken.identity))?.permission?.canPublish).toBe(false);
      const log = await admin.request<AuditListResponse>('GET', `/api/admin/audit?channelId=${channel.id}&action=enforce.handover`);
      expect(log.body.entries).toHaveLength(1);
      // The loop writes account ids; the log reads them back as names.
      const detail = log.body.entries[0]!.detail;
      expect(detail).toMatch(/^DJ Out → DJ In \(slot/);
      expect(detail).not.toContain(out.account.id);
    },
  );

  // Its waits add up to 25 s at most (each bounded by its own target); the test's own limit is above that.
  it('a kicked DJ is taken off air and cannot publish again in that slot', { timeout: 60_000 }, async () => {
    const { channel, djs } = await setup('kick', ['DJ Kicked']);
    const { dj, account } = djs[0]!;
    await addSlot(admin, channel.id, [account.id], wholeSecondIn(-1_000), 120);
    const djToken = await roomToken(dj, channel.id, 'dj');
    const publisher = await toneDj(djToken, 600);
    cleanup.push(publisher);
    await publisher.publish();
    await expect.poll(async () => (await serverDj(channel.id, djToken.identity))?.tracks.length, { timeout: 10_000 }).toBe(1);

    await expect
      .poll(async () => (await admin.request<ChannelSummary>('GET', `/api/channels/${channel.slug}`)).body.live.onAir, { timeout: 10_000 })
      .toBe(true);
    const kick = await admin.request<{ kicked: string[] }>('POST', `/api/admin/channels/${channel.id}/kick`);
    // 200: LiveKit's side done too; 202: the block holds already, the loop finishes the rest.
    expect([200, 202]).toContain(kick.status);
    expect(kick.body.kicked).toEqual([djToken.identity]);
    await expect
      .poll(async () => (await serverDj(channel.id, djToken.identity))?.tracks.length, {
        timeout: CUT_TARGET_MS * LOAD_MARGIN,
        interval: 100,
      })
      .toBe(0);
    expect((await serverDj(channel.id, djToken.identity))?.attributes['radio.access']).toBe('kicked');

    const again = await tokenRes(dj, channel.id, 'dj');
    expect(again.status).toBe(403);
    expect(again.body.error.message).toMatch(/admin took you off air/);
    await expect(publishAudio(publisher.room, undefined, 3_000)).rejects.toThrow();
    // The loop keeps it that way on its next passes too.
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await serverDj(channel.id, djToken.identity))?.permission?.canPublish).toBe(false);
  });

  it('a disabled DJ is taken off air at once and cannot come back', { timeout: 45_000 }, async () => {
    const { channel, djs } = await setup('disable', ['DJ Disabled']);
    const { dj, account } = djs[0]!;
    await addSlot(admin, channel.id, [account.id], wholeSecondIn(-1_000), 120);
    const djToken = await roomToken(dj, channel.id, 'dj');
    const publisher = await toneDj(djToken, 600);
    cleanup.push(publisher);
    await publisher.publish();
    await expect.poll(async () => (await serverDj(channel.id, djToken.identity))?.tracks.length, { timeout: 10_000 }).toBe(1);

    const res = await admin.request('PATCH', `/api/admin/accounts/${account.id}`, { disabled: true });
    expect([200, 202]).toContain(res.status); // 202: signed out and refused already, LiveKit's side pending
    await expect.poll(() => serverDj(channel.id, djToken.identity), { timeout: CUT_TARGET_MS * LOAD_MARGIN, interval: 100 }).toBeNull();
    expect((await tokenRes(dj, channel.id, 'dj')).status).toBe(401);
  });
});
