import { expect, type Page } from '@playwright/test';

/**
 * Every page of the app, as the a11y spec checks it and `npm run screenshots` shoots it: who
 * looks at it, and what it shows once ready off air and with the channel's DJ on air.
 */

/** Live state reaches pages through webhooks, the event streams and 5 s polling. */
export const LIVE_STATE_TIMEOUT = 25_000;

export type Fixture = { slug: string; channelId: string };
/** Who looks: a listener (no account), the channel's DJ, or the admin. */
export type Viewer = 'listener' | 'dj' | 'admin';
export type Phase = 'off air' | 'live';

export type PageCase = {
  name: string;
  path: (f: Fixture) => string;
  as: Viewer;
  /** Waits until the page shows the phase's state (what axe should see), after navigation. */
  ready?: (page: Page, phase: Phase) => Promise<void>;
  /** Shows nothing of the channel's live state (sign-in, errors...): the same page in both phases, checked once. */
  sameLive?: true;
};

const liveCard = (page: Page, f: Fixture, phase: Phase) =>
  expect(page.locator(`[data-testid="channel-card"][data-slug="${f.slug}"]`)).toHaveAttribute(
    'data-live',
    phase === 'live' ? 'true' : 'false',
    { timeout: LIVE_STATE_TIMEOUT },
  );

/** Every page of the app. The DJ console itself is checked on the DJ's own page (below), where the DJ is on air. */
export function pages(f: Fixture): PageCase[] {
  return [
    // Searched for the fixture's channel: earlier suites leave many channels, and the list is paged.
    { name: 'home', path: () => `/?q=${f.slug}`, as: 'listener', ready: (p, phase) => liveCard(p, f, phase) },
    { name: 'sign-in', path: () => '/sign-in', as: 'listener', sameLive: true },
    // After the first admin exists (the harness creates one), /setup redirects to the sign-in page.
    { name: 'setup', path: () => '/setup', as: 'listener', sameLive: true },
    {
      name: 'channel page',
      path: () => `/c/${f.slug}`,
      as: 'listener',
      ready: async (p, phase) => {
        if (phase === 'off air') return;
        await expect(p.getByTestId('channel-live-badge')).toBeVisible({ timeout: LIVE_STATE_TIMEOUT });
        // Playing shows Stop, the status line and the tempo: check the page as a listener hears it.
        await p.getByTestId('play-button').click();
        await expect(p.getByTestId('listener-status')).toHaveAttribute('data-state', 'playing', { timeout: LIVE_STATE_TIMEOUT });
      },
    },
    {
      name: 'embedded player',
      path: () => `/embed/${f.slug}`,
      as: 'listener',
      ready: async (p, phase) => {
        if (phase === 'live') await expect(p.getByTestId('channel-live-badge')).toBeVisible({ timeout: LIVE_STATE_TIMEOUT });
      },
    },
    { name: 'DJ index', path: () => `/dj?q=${f.slug}`, as: 'dj', ready: (p, phase) => liveCard(p, f, phase) },
    { name: 'past sets', path: () => `/dj/${f.slug}/sets`, as: 'dj' },
    {
      name: 'admin',
      path: () => '/admin',
      as: 'admin',
      ready: async (p, phase) => {
        const row = p.locator(`[data-testid="live-channel"][data-slug="${f.slug}"]`);
        await expect(row.getByRole('button', { name: 'Kick' })).toHaveCount(phase === 'live' ? 1 : 0, { timeout: LIVE_STATE_TIMEOUT });
      },
    },
    { name: 'admin schedule', path: () => `/admin/channels/${f.channelId}`, as: 'admin' },
    { name: 'admin station look', path: () => '/admin/station', as: 'admin', sameLive: true },
    { name: 'account', path: () => '/account', as: 'dj', sameLive: true },
    { name: 'not found', path: () => '/no-such-page', as: 'listener', sameLive: true },
    { name: 'unknown channel', path: () => '/c/no-such-channel', as: 'listener', sameLive: true },
  ];
}
