import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createChannel, createDj, scheduleNow, signIn, uniqueSuffix, type Credentials } from './support/accounts';
import { axeAtEveryViewport, axeViolations, COLOUR_RULES, emulateColorScheme, VIEWPORTS } from './support/axe';
import { requireEnv } from './support/env';
import { elementsWithoutVisibleFocus } from './support/focus';
import { chooseListenMode, type ListenModeName } from './support/listen';
import { LIVE_STATE_TIMEOUT, pages, type Fixture, type PageCase, type Phase, type Viewer } from './support/pages';

/**
 * axe-core on every page, off air and with a DJ on air, at desktop and phone sizes; any
 * violation fails (docs/accessibility.md). A new page is one more line in PAGES.
 */

test.describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  // About 24 pages x 2 sizes; each check is a navigation and two axe runs of 1-2 s on a loaded machine.
  // Plus the light-theme colour check of each page off air (19 s at load 15-20 on 2 cores, about 100 s at load 50-60).
  test.setTimeout(900_000);
  const suffix = uniqueSuffix();
  const fixture: Fixture = { slug: `a11y-${suffix}`, channelId: '' };
  const dj = { name: `DJ Access ${suffix}`, email: `a11y-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  const contexts = new Map<Viewer, BrowserContext>();

  async function newContext(browser: Browser, viewer: Viewer): Promise<BrowserContext> {
    // Full motion (the suite's default is reduced): the pages as most visitors get them, and the
    // motion step compares it with reduced motion.
    const context = await browser.newContext({ reducedMotion: 'no-preference' });
    contexts.set(viewer, context);
    return context;
  }

  /** Time spent on the light-scheme checks (printed at the end: what they add to `make test`). */
  let lightMs = 0;

  /**
   * The light theme (prefers-color-scheme: light) at the desktop size, without reloading: only
   * the colour rules, as nothing else axe checks depends on the scheme. Back to dark after.
   */
  async function expectCleanInLight(tab: Page, label: string): Promise<void> {
    const started = Date.now();
    await emulateColorScheme(tab, 'light');
    try {
      const found = await axeViolations(tab, COLOUR_RULES);
      if (found) console.log(`axe (light): ${label}\n${found}`);
      expect.soft(found, `axe found violations on ${label} in the light theme:\n${found}`).toBe('');
    } finally {
      await emulateColorScheme(tab, 'dark');
      lightMs += Date.now() - started;
    }
  }

  /**
   * Runs axe at both sizes on the page as it is, then (off air) walks it with Tab and checks the
   * light theme at the desktop size; soft failures, so one run lists every page's findings.
   */
  async function expectClean(tab: Page, label: string, phase: Phase): Promise<void> {
    const found = await axeAtEveryViewport(tab);
    // Printed as found too, so a run cut short still shows what it saw.
    if (found) console.log(`axe: ${label}\n${found}`);
    expect.soft(found, `axe found violations on ${label}:\n${found}`).toBe('');
    if (phase !== 'off air') return;
    await tab.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });
    const unfocused = await elementsWithoutVisibleFocus(tab);
    if (unfocused.length) console.log(`focus: ${label}: ${unfocused.join(', ')}`);
    expect.soft(unfocused, `elements without a visible focus indicator on ${label}`).toEqual([]);
    await expectCleanInLight(tab, label);
  }

  /** Opens the page as its viewer, waits for the phase's state, then checks it. */
  async function check(page: PageCase, phase: Phase): Promise<void> {
    const tab = await contexts.get(page.as)!.newPage();
    try {
      const response = await tab.goto(page.path(fixture));
      expect(response?.status(), `${page.name} answered`).toBeLessThan(500);
      await page.ready?.(tab, phase);
      await expectClean(tab, `${page.name} (${phase})`, phase);
    } finally {
      await tab.close();
    }
  }

  test.beforeAll(async ({ browser }) => {
    await newContext(browser, 'listener');
    await newContext(browser, 'dj');
    const adminPage = await (await newContext(browser, 'admin')).newPage();
    const admin: Credentials = { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') };
    await signIn(adminPage, admin);
    const channel = await createChannel(adminPage.request, {
      name: `Access ${suffix}`,
      slug: fixture.slug,
      description: 'Checked by axe.',
    });
    fixture.channelId = channel.id;
    await scheduleNow(adminPage.request, channel.id, await createDj(adminPage.request, dj));
    await adminPage.close();
  });

  test.afterAll(async () => {
    console.log(`axe: light-scheme checks took ${(lightMs / 1000).toFixed(1)} s`);
    for (const context of contexts.values()) await context.close();
    contexts.clear();
  });

  // One test, so the live half follows the off-air half on the same channel; each page is a step.
  test('every page, off air and live, desktop and phone', async ({ browser }) => {
    const djConsole = await contexts.get('dj')!.newPage();
    await signIn(djConsole, dj, `/dj/${fixture.slug}`);
    for (const phase of ['off air', 'live'] as const) {
      // The DJ console is checked in place: leaving it would end the set.
      await test.step(`DJ console, ${phase}`, async () => {
        if (phase === 'live') {
          await djConsole.getByTestId('go-live-button').click();
          await expect(djConsole.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live', { timeout: LIVE_STATE_TIMEOUT });
        } else {
          await expect(djConsole.getByTestId('go-live-button')).toBeEnabled();
        }
        await expectClean(djConsole, `the DJ console (${phase})`, phase);
      });
      for (const page of pages(fixture).filter((p) => phase === 'off air' || !p.sameLive)) {
        await test.step(`${page.name}, ${phase}`, () => check(page, phase));
      }
    }
    await test.step('reduced motion, live', async () => {
      // Without the preference the ON AIR lamp glows; with it nothing animates and transitions end at once.
      const normal = await motionOnChannelPage(contexts.get('listener')!);
      expect.soft(normal.animations.length, 'animations without reduced motion').toBeGreaterThan(0);
      expect.soft(normal.transitionMs, 'the Play button transition without reduced motion').toBeGreaterThan(0);
      const reduced = await browser.newContext({ reducedMotion: 'reduce' });
      try {
        expect.soft(await motionOnChannelPage(reduced), 'animations with reduced motion').toEqual({ animations: [], transitionMs: 0 });
      } finally {
        await reduced.close();
      }
    });
  });

  /** Running CSS animations on the live channel page, and the Play button's transition (ms, rounded). */
  async function motionOnChannelPage(context: BrowserContext): Promise<{ animations: string[]; transitionMs: number }> {
    const tab = await context.newPage();
    try {
      await tab.goto(`/c/${fixture.slug}`);
      await expect(tab.getByTestId('channel-live-badge')).toBeVisible({ timeout: LIVE_STATE_TIMEOUT });
      const transition = await tab.getByTestId('play-button').evaluate((el) => getComputedStyle(el).transitionDuration);
      return {
        animations: await tab.evaluate(() =>
          document
            .getAnimations()
            // The reduce rule leaves 0.01 ms transitions and animations (so end events still fire): count only real motion.
            .filter((a) => a.playState === 'running' && Number(a.effect?.getComputedTiming().duration ?? 0) > 1)
            .map((a) => {
              const target = a.effect instanceof KeyframeEffect ? a.effect.target : null;
              const name = a instanceof CSSAnimation ? a.animationName : a instanceof CSSTransition ? a.transitionProperty : a.id;
              return `${name} on ${target?.tagName.toLowerCase() ?? '?'}.${target?.className ?? ''}`;
            }),
        ),
        transitionMs: Math.round(parseFloat(transition) * 1000),
      };
    } finally {
      await tab.close();
    }
  }

  test('listening-mode pills: a visible focus ring, and arrows do not switch the stream', async () => {
    const tab = await contexts.get('listener')!.newPage();
    await tab.goto(`/c/${fixture.slug}`);
    const pill = (mode: ListenModeName) => tab.getByTestId(`listen-mode-${mode}`);
    // Clicks that take effect prove the page is hydrated, so a key that changes nothing below means something.
    await chooseListenMode(tab, 'hls');
    await chooseListenMode(tab, 'auto');
    await pill('auto').focus();
    await tab.keyboard.press('Tab');
    await expect(pill('webrtc')).toBeFocused();
    expect(await pill('webrtc').evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown']) await tab.keyboard.press(key);
    await expect(pill('auto')).toHaveAttribute('aria-pressed', 'true');
    await expect(pill('webrtc')).toHaveAttribute('aria-pressed', 'false');
    await pill('webrtc').focus();
    await tab.keyboard.press('Enter');
    await expect(pill('webrtc')).toHaveAttribute('aria-pressed', 'true');
    await tab.keyboard.press('Tab');
    await tab.keyboard.press('Space');
    await expect(pill('hls')).toHaveAttribute('aria-pressed', 'true');
    await expect(pill('webrtc')).toHaveAttribute('aria-pressed', 'false');
    await tab.close();
  });
});
