import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { createDj, signIn, uniqueSuffix } from './support/accounts';
import { requireEnv } from './support/env';

/**
 * The DJ console knows the DJ's slots: shown before Go live in the DJ's own zone (a browser in
 * Los Angeles, a channel in Berlin), the next one named after a slot ends, and with "go on air
 * automatically" agreed, on air at the next start without a click. The last minute names the
 * next DJ only when one follows.
 */
const CHANNEL_ZONE = 'Europe/Berlin';
const DJ_ZONE = 'America/Los_Angeles';
/** From creating the slots to the first start: time for the DJ to sign in and read the lists. */
const LEAD_MS = 40_000;
const SLOT_S = 30;
/**
 * Between the slots: the end's enforcement (target 5 s), the console's notice and the live state (each
 * waited up to 15 s), then the green room, all before the second start; 45 s leaves room on a loaded machine.
 */
const GAP_MS = 45_000;

const origin = () => ({ origin: new URL(requireEnv('APP_URL')).origin });
/** A UTC instant as wall-clock time in the channel's zone (slots are entered in it). */
const local = (ms: number) => DateTime.fromMillis(ms, { zone: CHANNEL_ZONE }).toFormat("yyyy-LL-dd'T'HH:mm:ss");
const hhmm = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');

async function send(request: APIRequestContext, method: 'POST' | 'PUT', url: string, data: unknown) {
  const res = await request.fetch(url, { method, data, headers: origin() });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as { id: string };
}

test.describe.configure({ mode: 'serial' });

test.describe('the DJ console and the next slot', () => {
  test.setTimeout(240_000);
  const suffix = uniqueSuffix();
  const slug = `next-slot-${suffix}`;
  const djA = { name: `DJ Early ${suffix}`, email: `next-a-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  const djB = { name: `DJ Later ${suffix}`, email: `next-b-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  const contexts: BrowserContext[] = [];

  /** The channel's live state as listener pages get it (LiveKit's, through webhooks). */
  const liveState = async (page: Page) =>
    (
      (await (await page.request.get(`/api/channels/${slug}/state`)).json()) as {
        channel: { live: { onAir: boolean; djName: string | null } };
      }
    ).channel.live;

  async function newPage(browser: Browser, timezoneId?: string): Promise<Page> {
    const context = await browser.newContext(timezoneId ? { timezoneId } : {});
    contexts.push(context);
    return context.newPage();
  }

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  test('next slot before Go live in the DJ’s zone; after a slot end, on air again at the next start by itself', async ({ browser }) => {
    const admin = await newPage(browser);
    await signIn(admin, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') }, '/');
    const channel = await send(admin.request, 'POST', '/api/admin/channels', { name: `Next ${suffix}`, slug, timeZone: CHANNEL_ZONE });
    const [a, b] = [await createDj(admin.request, djA), await createDj(admin.request, djB)];
    await send(admin.request, 'PUT', `/api/admin/channels/${channel.id}/djs`, { userIds: [a, b] });
    // A1, nobody after it; a gap; A2, followed straight by B's slot.
    const a1 = Math.ceil((Date.now() + LEAD_MS) / 1000) * 1000;
    const a2 = a1 + SLOT_S * 1000 + GAP_MS;
    const b1 = a2 + SLOT_S * 1000;
    const slot = (title: string, start: number, host: string) => ({ title, start: local(start), durationSeconds: SLOT_S, hostIds: [host] });
    for (const s of [slot('First Set', a1, a), slot('Second Set', a2, a), slot('Their Set', b1, b)]) {
      await send(admin.request, 'POST', `/api/admin/channels/${channel.id}/slots`, s);
    }

    const dj = await newPage(browser, DJ_ZONE);
    const hydrationErrors: string[] = [];
    dj.on('console', (m) => m.type() === 'error' && /hydrat/i.test(m.text()) && hydrationErrors.push(m.text()));
    dj.on('pageerror', (e) => /hydrat/i.test(e.message) && hydrationErrors.push(e.message));

    // /dj: the slot in the DJ's zone, the channel's zone named, a countdown.
    await signIn(dj, djA, '/dj');
    const first = dj.getByTestId('upcoming-slots').locator('li').filter({ hasText: 'First Set' });
    await expect(first).toContainText(`${hhmm(a1, DJ_ZONE)}`);
    await expect(first).toContainText(`your time (${DJ_ZONE})`);
    await expect(first).toContainText(`${hhmm(a1, CHANNEL_ZONE)}`);
    await expect(first).toContainText(`${CHANNEL_ZONE}, the channel's zone`);
    await expect(dj.getByTestId('next-slot-countdown')).toContainText(/Your next slot starts in (less than a minute|1 min)/);

    // The console, before Go live: the same, without pressing anything.
    await dj.goto(`/dj/${slug}`);
    const mine = dj.getByTestId('dj-next-slot');
    await expect(mine).toHaveCount(2);
    await expect(mine.first()).toContainText(`${hhmm(a1, DJ_ZONE)}`);
    await expect(mine.first()).toContainText(`your time (${DJ_ZONE}) · `);
    await expect(mine.first()).toContainText(`${hhmm(a1, CHANNEL_ZONE)}`);
    await expect(dj.getByTestId('next-slot-countdown')).toContainText('Your next slot starts in');
    expect(hydrationErrors).toEqual([]);

    // Slot one: on air from the green room; nobody follows, so no takeover is promised.
    await expect(dj.getByTestId('device-select')).toBeEnabled();
    await dj.getByTestId('go-live-button').click();
    const status = dj.getByTestId('broadcast-status');
    await expect(status).toHaveAttribute('data-state', 'live', { timeout: LEAD_MS + 20_000 });
    const countdown = dj.getByTestId('slot-countdown');
    await expect(countdown).toContainText('Nobody follows, so the channel goes off air then.');
    await expect(countdown).not.toContainText('takes over');

    // The slot ends: the console names the next slot and stays off air (not agreed yet).
    const error = dj.getByTestId('broadcast-error');
    await expect(error).toHaveAttribute('data-kind', 'slot-ended', { timeout: SLOT_S * 1000 + 15_000 });
    await expect(error).toContainText('Your next slot on this channel starts in');
    await expect(dj.getByTestId('dj-next-slot')).toHaveCount(1);
    await expect(status).toHaveAttribute('data-state', 'error');
    await expect.poll(() => liveState(dj), { timeout: 15_000 }).toMatchObject({ onAir: false });
    expect(Date.now()).toBeLessThan(a2);

    // Agreed: the console joins the green room by itself and goes on air at the start.
    await dj.getByTestId('auto-go-live').check();
    await expect(status).toHaveAttribute('data-state', 'waiting');
    await expect(countdown).toContainText('You go on air in');
    await expect(status).toHaveAttribute('data-state', 'live', { timeout: a2 - Date.now() + 20_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(a2);

    // The server agrees: the channel is on air with this DJ (live state as listeners get it).
    await expect.poll(() => liveState(dj), { timeout: 25_000 }).toMatchObject({ onAir: true, djName: djA.name });

    // Slot two: DJ B follows, so now the console says the next DJ takes over.
    await expect(countdown).toContainText(`The next DJ (${djB.name}) takes over then.`);
    expect(hydrationErrors).toEqual([]);
  });
});
