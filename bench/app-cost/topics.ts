// Many channels, each with its page open: the streams task computes one topic per channel every
// pass, so this measures the app's cost per channel followed, where the webhook windows measure
// the cost per listener. The channels get a week of daily slots (a weekly repeat each), so the
// schedule part of every state has rules to expand, as on a real station.
import { apiCaller, signIn, uniqueSuffix } from '../support/api';
import { fail, requireEnv } from '../support/env';
import { EventStreams } from './streams';

export type Created = { id: string; slug: string };

/** Local start of `hour`:00 UTC `dayOffset` days from now, as the slot API takes it (the channels' zone is UTC). */
const localStart = (dayOffset: number, hour: number) => {
  const d = new Date(Date.now() + dayOffset * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString().slice(0, 19);
};

/**
 * A DJ and `n` channels named after `name` with 7 weekly slots each (one a day, 2 h at 20:00 UTC), the
 * DJ listed on each and hosting every slot (also bench/app-memory's cycle).
 */
export async function createStation(
  appUrl: string,
  cookie: string,
  n: number,
  name: string,
): Promise<{ djId: string; created: Created[] }> {
  const call = apiCaller(appUrl);
  const suffix = uniqueSuffix();
  const tag = name.toLowerCase();
  const dj = await call<{ id: string }>(
    'POST',
    '/api/admin/accounts',
    { name: `${name} DJ ${suffix}`, email: `${tag}-${suffix}@bench.local`, password: `pw-${suffix}-long-enough` },
    cookie,
    201,
  );
  const created: Created[] = [];
  for (let i = 0; i < n; i++) {
    const body = { name: `${name} ${suffix} ${i}`, slug: `${tag}-${suffix}-${i}`, description: 'benchmark' };
    const channel = await call<Created>('POST', '/api/admin/channels', body, cookie, 201);
    await call('PUT', `/api/admin/channels/${channel.id}/djs`, { userIds: [dj.id] }, cookie);
    for (let day = 1; day <= 7; day++) {
      const slot = {
        title: `Daily ${day}`,
        start: localStart(day, 20),
        durationSeconds: 7200,
        hostIds: [dj.id],
        repeat: { everyWeeks: 1 },
      };
      await call('POST', `/api/admin/channels/${channel.id}/slots`, slot, cookie, 201);
    }
    created.push(channel);
  }
  return { djId: dj.id, created };
}

/** Creates `n` channels with 7 weekly slots each (one a day, 2 h at 20:00 UTC) hosted by one DJ. */
export async function createChannels(n: number): Promise<{ slugs: string[]; adminCookie: string }> {
  const appUrl = requireEnv('APP_URL');
  const adminCookie = await signIn(appUrl, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') });
  const { created } = await createStation(appUrl, adminCookie, n, 'Topics');
  return { slugs: created.map((c) => c.slug), adminCookie };
}

/** One open event stream per channel (a listener page each), from distinct addresses after `first`. */
export async function followChannels(appUrl: string, slugs: string[], first: number): Promise<EventStreams[]> {
  const streams = slugs.map((slug, i) => new EventStreams(appUrl, slug, first + i * 25));
  await Promise.all(streams.map((s) => s.grow(1)));
  const refused = streams.reduce((sum, s) => sum + s.refused, 0);
  if (refused > 0) fail(`${refused} of ${slugs.length} channel event streams were refused`);
  return streams;
}

/** The admin console's stream (every channel's state); counts its state frames until closed. */
export function followStation(appUrl: string, cookie: string): { frames: () => number; close: () => void } {
  const abort = new AbortController();
  let frames = 0;
  void fetch(`${appUrl}/api/admin/events`, { headers: { cookie }, signal: abort.signal })
    .then(async (res) => {
      if (res.status !== 200 || !res.body) fail(`admin event stream: HTTP ${res.status}`);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        frames += decoder.decode(r.value).split('event: state').length - 1;
      }
    })
    .catch(() => undefined);
  return { frames: () => frames, close: () => abort.abort() };
}
