// The DJ console's connection reports against the real stack: only the DJ whose browser session
// is on air may report for the channel (validated, capped, rate limited, in the error envelope);
// admins get the verdict on their live stream and the metrics endpoint has the figures; channel
// streams (public) never carry them.
import type { Room } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelSummary } from '@/types/channel';
import type { LinkQuality } from '@/types/link-quality';
import type { StationState } from '@/types/live';
import type { TokenResponse } from '@/types/room';
import { AppClient, createChannel, createDj, signedInAdmin } from '../support/app-client';
import { joinRoom, publishAudio } from '../support/livekit-peer';
import { scheduleNow } from '../support/schedule';

type ErrorBody = { error: { code: string; message: string } };

const good = { bitrateKbps: 256, lossPercent: 0.5, rttMs: 40 };
const metricsUrl = `http://127.0.0.1:${process.env.METRICS_PORT ?? ''}/metrics`;

let admin: AppClient;
let dj: AppClient;
let otherDj: AppClient;
let channel: ChannelSummary;
let path = '';
let room: Room | undefined;

const adminLinks = async () => (await admin.request<StationState>('GET', '/api/admin/events?once')).body.links;

beforeAll(async () => {
  admin = await signedInAdmin();
  channel = await createChannel(admin, 'link');
  path = `/api/channels/${channel.slug}/link-quality`;
  const [a, b] = await Promise.all([createDj(admin, 'DJ Link'), createDj(admin, 'DJ Elsewhere')]);
  dj = a.dj;
  otherDj = b.dj;
  await scheduleNow(admin, channel.id, a.account.id);
});

afterAll(async () => {
  await room?.disconnect();
});

describe('link quality reports', () => {
  it('refuses anonymous users, bad bodies and a DJ in their slot but not on air, in the error envelope', async () => {
    const expectError = async (res: Promise<{ status: number; body: unknown }>, status: number, code: string) => {
      const { status: got, body } = await res;
      expect(got, JSON.stringify(body)).toBe(status);
      expect((body as ErrorBody).error.code).toBe(code);
    };
    await expectError(new AppClient().request('POST', path, good), 401, 'unauthorized');
    await expectError(
      dj.requestWith('POST', path, JSON.stringify(good), { 'content-type': 'text/plain', origin: dj.baseUrl }),
      415,
      'unsupported_media_type',
    );
    await expectError(dj.request('POST', path, undefined, JSON.stringify({ ...good, pad: 'x'.repeat(600) })), 413, 'payload_too_large');
    await expectError(dj.request('POST', path, undefined, '{"bitrateKbps":'), 400, 'bad_request');
    await expectError(dj.request('POST', path, { ...good, lossPercent: 140 }), 400, 'bad_request');
    await expectError(dj.request('POST', path, { bitrateKbps: 256 }), 400, 'bad_request');
    await expectError(dj.request('POST', '/api/channels/no-such-channel/link-quality', good), 404, 'not_found');
    await expectError(dj.request('POST', path, good), 403, 'forbidden');
  });

  it('takes the on-air DJ’s reports and shows admins the verdict and figures', { timeout: 60_000 }, async () => {
    const token = await dj.request<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'dj' });
    expect(token.status, JSON.stringify(token.body)).toBe(200);
    room = await joinRoom(token.body);
    await publishAudio(room);
    // Accepted once the server has seen the DJ go on air (a webhook, or the reconciler).
    await expect.poll(async () => (await dj.request('POST', path, good)).status, { timeout: 15_000, interval: 250 }).toBe(200);
    const answer = await dj.request<LinkQuality>('POST', path, good);
    expect(answer.body).toMatchObject({ ...good, verdict: 'good' });
    expect(Date.now() - Date.parse(answer.body.at)).toBeLessThan(5_000);
    expect((await adminLinks())[channel.id]).toMatchObject({ ...good, verdict: 'good' });

    const lossy = await dj.request<LinkQuality>('POST', path, { bitrateKbps: 180, lossPercent: 12, rttMs: 90 });
    expect(lossy.body.verdict).toBe('poor');
    expect((await adminLinks())[channel.id]?.verdict).toBe('poor');
    const metrics = await (await fetch(metricsUrl)).text();
    expect(metrics).toContain(`radio_dj_link_bitrate_kbps{channel="${channel.slug}"} 180`);
    expect(metrics).toContain(`radio_dj_link_packet_loss_percent{channel="${channel.slug}"} 12`);
    expect(metrics).toContain(`radio_dj_link_rtt_seconds{channel="${channel.slug}"} 0.09`);

    // Nobody else reports for the channel: not another DJ, not an admin who is not publishing.
    expect((await otherDj.request<ErrorBody>('POST', path, good)).body.error.code).toBe('forbidden');
    expect((await admin.request<ErrorBody>('POST', path, good)).body.error.code).toBe('forbidden');
    // The public channel state never carries it.
    expect(JSON.stringify((await new AppClient().request('GET', `/api/channels/${channel.slug}/state`)).body)).not.toContain('lossPercent');
  });

  it('drops the figures when the DJ leaves, and rate limits a flood', { timeout: 30_000 }, async () => {
    await room?.disconnect();
    room = undefined;
    await expect.poll(async () => (await adminLinks())[channel.id], { timeout: 15_000, interval: 250 }).toBeUndefined();
    expect((await dj.request('POST', path, good)).status).toBe(403);

    let limited: { status: number; headers: Headers } | undefined;
    for (let i = 0; i < 60 && !limited; i++) {
      const res = await dj.request('POST', path, good);
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
