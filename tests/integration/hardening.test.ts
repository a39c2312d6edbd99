// Findings of the second outside review (issue 13) that need no LiveKit peer: the sign-in
// redirect, the .ics feed, schedule bounds and who may hold an OBS input on a channel.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelSummary } from '@/types/channel';
import type { IngressEndpoint } from '@/types/ingress';
import { type AppClient, createChannel, createDj, signedInAdmin } from '../support/app-client';
import { addSlot, listDjs, wholeSecondIn } from '../support/schedule';
import { stackEnv } from '../support/stack-env';

const env = stackEnv();
const origin = new URL(env.APP_URL).origin;
type ErrorBody = { error: { code: string; message: string } };
let admin: AppClient;

beforeAll(async () => {
  admin = await signedInAdmin();
});

describe('sign-in redirects stay on this site', () => {
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example".
  const attacks = [
    '%2F%09%2Fevil.example',
    '%2F%0A%2Fevil.example',
    '%2F%0D%2Fevil.example',
    '%09%2F%2Fevil.example',
    '%2F%5C%09evil.example',
    '%2F%00%2Fevil.example',
    '%2F%2F%09evil.example',
    'https:%2F%2Fevil.example',
  ];

  /** Follows redirects by hand (up to 3), checking every Location on the way; returns the final path. */
  async function landing(path: string): Promise<string> {
    let target = path;
    for (let hop = 0; hop < 3; hop++) {
      const res = await admin.request('GET', target);
      if (res.status !== 307 && res.status !== 308) return target;
      const location = res.headers.get('location') ?? '';
      expect(location).not.toMatch(/[\u0000-\u001f\u007f]/);
      const url = new URL(location, env.APP_URL);
      expect(url.origin).toBe(origin);
      target = `${url.pathname}${url.search}`;
    }
    throw new Error(`more than 3 redirects from ${path}`);
  }

  it.each(attacks)('next=%s lands on a page of ours, with no control character in any Location', async (next) => {
    expect(await landing(`/sign-in?next=${next}`)).toBe('/admin');
  });

  it('keeps an ordinary path and its query', async () => {
    const res = await admin.request('GET', `/sign-in?next=${encodeURIComponent('/admin/audit?page=2')}`);
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get('location') ?? '', env.APP_URL).toString()).toBe(new URL('/admin/audit?page=2', env.APP_URL).toString());
    expect(await landing(`/sign-in?next=${encodeURIComponent('/admin')}`)).toBe('/admin');
  });
});

describe('the .ics feed', () => {
  it('escapes every control character of admin-set names: each line ends in CRLF and holds none', async () => {
    const channel = await createChannel(admin, 'ics');
    const renamed = await admin.request('PATCH', `/api/admin/channels/${channel.id}`, { name: 'Night\rShift\u0007\u000bRadio' });
    expect(renamed.status).toBe(200);
    const { account } = await createDj(admin, 'DJ\rCarriage');
    await listDjs(admin, channel.id, [account.id]);
    await addSlot(admin, channel.id, [account.id], wholeSecondIn(3_600_000), 3600, 'Deep\rHouse\u001b');
    const res = await fetch(new URL(`/api/channels/${channel.slug}/schedule.ics`, env.APP_URL));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.filter((l) => /[\u0000-\u0008\u000a-\u001f\u007f]/.test(l))).toEqual([]);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('X-WR-CALNAME:Night\\nShift');
    expect(unfolded).toMatch(/SUMMARY:Deep\\nHouse/);
  });
});

describe('schedule bounds', () => {
  it('refuses a weekly slot near year 9999 with a clear 400, not a 500', async () => {
    const channel = await createChannel(admin, 'y9999');
    const { account } = await createDj(admin, 'DJ Far Future');
    await listDjs(admin, channel.id, [account.id]);
    for (const start of ['9999-12-25T00:00', '9999-12-31T23:00', '3000-01-01T00:00']) {
      const res = await admin.request<ErrorBody>('POST', `/api/admin/channels/${channel.id}/slots`, {
        title: 'Far',
        start,
        durationSeconds: 7200,
        hostIds: [account.id],
        repeat: { everyWeeks: 1 },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.message).toMatch(/year/i);
    }
  });
});

describe('OBS inputs', () => {
  let channel: ChannelSummary;
  beforeAll(async () => {
    channel = await createChannel(admin, 'obs-listed');
  });

  it('are refused (403) to a DJ who is not listed on the channel, and made for one who is', async () => {
    const outsider = await createDj(admin, 'DJ Outsider');
    const refused = await outsider.dj.request<ErrorBody>('POST', '/api/livekit/ingress', { channelId: channel.id, inputType: 'rtmp' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/not listed/i);
    expect(
      (await outsider.dj.request<ErrorBody>('POST', '/api/livekit/ingress', { channelId: channel.id, inputType: 'whip' })).status,
    ).toBe(403);

    const listed = await createDj(admin, 'DJ Listed');
    await listDjs(admin, channel.id, [listed.account.id]);
    const made = await listed.dj.request<IngressEndpoint>('POST', '/api/livekit/ingress', { channelId: channel.id, inputType: 'rtmp' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const removed = await listed.dj.request('DELETE', `/api/livekit/ingress/${made.body.id}`);
    expect(removed.status).toBe(204);
  });
});
