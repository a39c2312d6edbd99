import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Result } from 'axe-core';

/**
 * WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices: heading order, one
 * main landmark, all content inside landmarks (`region`), unique landmarks; issue 17 counted
 * those among the failures, and they are what a screen-reader user navigates by.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

/** The two sizes every page is checked at (CSS px): a laptop and a 390 px phone. */
export const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** One violation per block: rule, impact, what it means, and each failing element with axe's summary. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => {
        const summary = (n.failureSummary ?? '').replace(/\n\s*/g, ' / ');
        return `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${summary}`;
      });
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/** The rules whose outcome depends on the colour scheme: the light theme is checked with these alone. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Switches the page's colour scheme and waits for the colour transitions it starts (buttons fade
 * for 150 ms): axe read a half-faded button at 3.8:1 when it ran inside one. Only CSS transitions
 * are awaited; endless animations (the beat pulse) never finish.
 */
export async function emulateColorScheme(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.evaluate(async () => {
    // getAnimations() recalculates style first, so the transitions the switch started are listed.
    const fading = document.getAnimations().filter((a) => a instanceof CSSTransition);
    await Promise.all(fading.map((a) => a.finished.catch(() => undefined)));
  });
}

/** Runs axe on the page as it is now (all AXE_TAGS, or only `rules`); returns the violations, readably formatted ('' when none). */
export async function axeViolations(page: Page, rules?: string[]): Promise<string> {
  // Only violations carry their nodes: every passing node's HTML is neither collected nor sent back.
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  const results = await (rules ? builder.withRules(rules) : builder.withTags(AXE_TAGS)).analyze();
  return formatViolations(results.violations);
}

/** Checks the page at every viewport without reloading (a live DJ console must stay live); returns all findings. */
export async function axeAtEveryViewport(page: Page): Promise<string> {
  const findings: string[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    // Let layout and any resize listeners settle before reading colours and positions.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const found = await axeViolations(page);
    if (found) findings.push(`${page.url()} at ${viewport.name} (${viewport.width}x${viewport.height}):\n${found}`);
  }
  return findings.join('\n\n');
}
