// AutoDJ on the stack's real LiveKit and MinIO: an archived set (a 440 Hz tone .m4a in storage,
// its row written as the archive task writes it) is replayed into the room (the app decodes the
// public .m4a with ffmpeg and publishes it as `replay-<channelId>`) while nobody is on air, heard
// by a real listener; the channel shows
// "Replay", not a DJ, and no set (broadcast) opens; a DJ going live takes over (the replay's
// participant leaves; the gap between the last replay frame and the first DJ frame is printed);
// when the DJ stops, the replay is heard again within 5 s, from where the DJ cut in. Listeners read the set's stored tempo
// from the replay's attributes, following the place the replay has reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTempoAttributes } from '@/types/bpm';
import type { AdminChannel, ChannelSummary } from '@/types/channel';
import { replayIdentity, type TokenResponse } from '@/types/room';
import { AppClient, createChannel, createDj, roomToken, signedInAdmin } from '../support/app-client';
import { SEEDED_PREFIX, seedArchivedSet } from '../support/autodj';
import { stackDb } from '../support/stack-db';
import { firstHeard, handoverGap, lastHeard, toneDj, toneListener, type ToneDj, type ToneListener } from '../support/tone';

const REPLAY_TONE = 440;
/** The tone of the set an admin picks for AutoDJ's list. */
const PICKED_TONE = 880;
const DJ_TONE = 1000;
const SET_SECONDS = 120;
/** The seeded set's stored curve: 124 BPM, then 131.5 from 12 s into the recording. */
const TEMPO = [
  { fromS: 0, bpm: 124 },
  { fromS: 12, bpm: 131.5 },
];

let admin: AppClient;
let channel: ChannelSummary;
let listener: ToneListener | undefined;
let dj: ToneDj | undefined;

const token = (client: AppClient, role: 'dj' | 'listener') => roomToken(client, channel.id, role);

const live = async () => (await new AppClient().request<ChannelSummary>('GET', `/api/channels/${channel.slug}`)).body.live;
const openSets = async () =>
  await stackDb().broadcast.count({ where: { channelId: channel.id, storagePath: { not: { startsWith: SEEDED_PREFIX } } } });

beforeAll(async () => {
  admin = await signedInAdmin();
  channel = await createChannel(admin, 'autodj');
});

afterAll(async () => {
  await dj?.stop().catch(() => undefined);
  await listener?.stop().catch(() => undefined);
  await admin?.request('PATCH', `/api/admin/channels/${channel.id}`, { autoDjEnabled: false });
});

describe('AutoDJ', () => {
  it('is set per channel, validated', async () => {
    const bad = await admin.request('PATCH', `/api/admin/channels/${channel.id}`, { autoDjOrder: 'loudest' });
    expect(bad.status).toBe(400);
    const res = await admin.request<AdminChannel>('PATCH', `/api/admin/channels/${channel.id}`, {
      autoDjEnabled: true,
      autoDjOrder: 'shuffle',
      // Off, so the DJ's set below does not join the rotation.
      archiveEnabled: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ autoDjEnabled: true, autoDjOrder: 'shuffle', autoDjSource: 'all', archiveEnabled: false });
    const badSource = await admin.request('PATCH', `/api/admin/channels/${channel.id}`, { autoDjSource: 'favourites' });
    expect(badSource.status).toBe(400);
  });

  it('replays an archived set while nobody is on air; a DJ takes over; the replay resumes', { timeout: 90_000 }, async () => {
    const setId = await seedArchivedSet(channel.id, REPLAY_TONE, SET_SECONDS, TEMPO);
    listener = await toneListener(await token(new AppClient(), 'listener'), [REPLAY_TONE, DJ_TONE]);
    const seeded = Date.now();
    await expect
      .poll(() => firstHeard(listener!.heard, REPLAY_TONE), { timeout: 30_000, interval: 200, message: 'the replay is heard' })
      .not.toBeNull();
    console.info(`[autodj] replay heard ${firstHeard(listener.heard, REPLAY_TONE)! - seeded} ms after the set was archived`);
    await expect.poll(live, { timeout: 10_000 }).toMatchObject({ onAir: false, djName: null, replay: { setId, djName: 'DJ Seed' } });
    expect(await openSets(), 'a replay opens no set').toBe(0);

    // The stored tempo, read as the listener page reads a DJ's: first 124, then 131.5 once the replay passes 12 s.
    const replayTempo = () =>
      parseTempoAttributes(listener!.room.remoteParticipants.get(replayIdentity(channel.id))?.attributes ?? {})?.bpm;
    await expect.poll(replayTempo, { timeout: 10_000, message: "the set's first stored tempo" }).toBe(124);
    await expect.poll(replayTempo, { timeout: 20_000, message: 'the stored tempo 12 s in' }).toBe(131.5);

    // Takeover: an admin goes live as a DJ (the override path of the token route).
    dj = await toneDj(await token(admin, 'dj'), DJ_TONE);
    await dj.publish();
    await expect.poll(() => firstHeard(listener!.heard, DJ_TONE), { timeout: 15_000, message: 'the DJ is heard' }).not.toBeNull();
    const djFirst = firstHeard(listener.heard, DJ_TONE)!;
    // The replay must fall silent: nothing of it a second after the DJ's first frame.
    await new Promise((r) => setTimeout(r, 3_000));
    const replayLast = lastHeard(listener.heard, REPLAY_TONE)!;
    const gap = handoverGap(listener.heard, REPLAY_TONE, DJ_TONE);
    console.info(
      `[autodj] takeover: gap ${gap} ms (negative: overlap), replay's last frame ${replayLast - djFirst} ms after the DJ's first`,
    );
    expect(replayLast - djFirst, 'the replay stops once the DJ is on air').toBeLessThan(2_000);
    await expect.poll(live, { timeout: 5_000 }).toMatchObject({ onAir: true, replay: null });

    // The DJ stops: the replay is back within 5 s.
    await dj.stop();
    dj = undefined;
    const stopped = Date.now();
    await expect
      .poll(() => firstHeard(listener!.heard, REPLAY_TONE, stopped), { timeout: 15_000, interval: 100, message: 'the replay resumes' })
      .not.toBeNull();
    const resumeMs = firstHeard(listener.heard, REPLAY_TONE, stopped)! - stopped;
    console.info(`[autodj] replay resumed ${resumeMs} ms after the DJ left`);
    expect(resumeMs).toBeLessThan(5_000);
    // It goes on where the DJ cut in, past 12 s: the set's later tempo from the first, never its opening 124.
    const resumedTempos: (number | null | undefined)[] = [];
    await expect
      .poll(() => (resumedTempos.push(replayTempo()), resumedTempos.at(-1)), {
        timeout: 10_000,
        interval: 100,
        message: 'the tempo where the replay was cut',
      })
      .toBe(131.5);
    expect(resumedTempos, 'the resumed replay does not start over').not.toContain(124);
    await expect.poll(live, { timeout: 5_000 }).toMatchObject({ onAir: false, replay: { setId } });
  });

  it('plays only the sets an admin picked, when told to; a set taken off the list stops', { timeout: 60_000 }, async () => {
    const other = await createChannel(admin, 'autodj-picks');
    const older = await seedArchivedSet(other.id, PICKED_TONE, SET_SECONDS);
    const newer = await seedArchivedSet(other.id, REPLAY_TONE, SET_SECONDS);
    const setPath = (id: string) => `/api/channels/${other.slug}/broadcasts/${id}`;
    const { dj: someDj } = await createDj(admin, 'DJ Not Admin');
    expect((await someDj.request('PATCH', setPath(older), { autoDj: true })).status, "a DJ cannot pick AutoDJ's sets").toBe(403);
    expect((await admin.request('PATCH', setPath(older), {})).status, 'nothing to change').toBe(400);
    expect((await admin.request('PATCH', setPath(older), { autoDj: 'yes' })).status).toBe(400);
    // A set that has no recording and will not get one (its recording was removed) cannot go on the
    // list: a clear 409, nothing changed.
    const now = Date.now();
    const unarchived = await stackDb().broadcast.create({
      data: {
        channelId: other.id,
        startedAt: new Date(now - 60_000),
        endedAt: new Date(now),
        purgedAt: new Date(now),
        storagePath: 'unused',
      },
    });
    const refused = await admin.request<{ error: { code: string; message: string } }>('PATCH', setPath(unarchived.id), { autoDj: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/will not get one: AutoDJ plays archived sets only/);
    expect((await stackDb().broadcast.findUniqueOrThrow({ where: { id: unarchived.id } })).autoDjPicked).toBe(false);
    const pickedRes = await admin.request('PATCH', setPath(older), { autoDj: true });
    expect(pickedRes.status).toBe(200);
    expect(pickedRes.body).toEqual({ hidden: false, autoDj: true });

    const otherLive = async () => (await new AppClient().request<ChannelSummary>('GET', `/api/channels/${other.slug}`)).body.live;
    const listenerToken = await new AppClient().request<TokenResponse>('POST', '/api/livekit/token', {
      channelId: other.id,
      role: 'listener',
    });
    const ear = await toneListener(listenerToken.body, [PICKED_TONE, REPLAY_TONE]);
    try {
      const on = await admin.request<AdminChannel>('PATCH', `/api/admin/channels/${other.id}`, {
        autoDjEnabled: true,
        autoDjSource: 'picked',
      });
      expect(on.body).toMatchObject({ autoDjEnabled: true, autoDjOrder: 'newest', autoDjSource: 'picked' });
      // Newest first would play `newer`; only `older` is picked.
      await expect.poll(otherLive, { timeout: 20_000, message: 'the picked set plays' }).toMatchObject({ replay: { setId: older } });
      await expect.poll(() => firstHeard(ear.heard, PICKED_TONE), { timeout: 15_000 }).not.toBeNull();
      expect(firstHeard(ear.heard, REPLAY_TONE), 'the set not picked').toBeNull();

      // Off the list: nothing is left to play, and the replay stops.
      expect((await admin.request('PATCH', setPath(older), { autoDj: false })).body).toEqual({ hidden: false, autoDj: false });
      await expect.poll(otherLive, { timeout: 10_000, message: 'the replay stops' }).toMatchObject({ replay: null });
      expect(newer).not.toBe(older);
    } finally {
      await admin.request('PATCH', `/api/admin/channels/${other.id}`, { autoDjEnabled: false });
      await ear.stop();
    }
  });

  it('stops when turned off', { timeout: 30_000 }, async () => {
    const res = await admin.request('PATCH', `/api/admin/channels/${channel.id}`, { autoDjEnabled: false });
    expect(res.status).toBe(200);
    const off = Date.now();
    await expect.poll(() => (lastHeard(listener!.heard, REPLAY_TONE) ?? 0) < Date.now() - 1_000, { timeout: 10_000 }).toBe(true);
    console.info(`[autodj] silent ${(lastHeard(listener!.heard, REPLAY_TONE) ?? off) - off} ms after AutoDJ was turned off`);
    await expect.poll(live, { timeout: 5_000 }).toMatchObject({ replay: null });
  });
});
