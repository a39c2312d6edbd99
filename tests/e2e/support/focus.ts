import type { Page } from '@playwright/test';

/**
 * Walks the page with Tab (up to `limit` stops, until focus leaves the page or comes round
 * again) and returns every focused element that shows no focus outline on itself or on its
 * three nearest ancestors (a card drawing the ring of the link that covers it). WCAG 2.4.7
 * Focus Visible; axe cannot see focus styles.
 */
export async function elementsWithoutVisibleFocus(page: Page, limit = 50): Promise<string[]> {
  await page.locator('body').focus();
  const missing: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const shows = (node: Element) => {
        const style = getComputedStyle(node);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      };
      const ancestors: Element[] = [];
      for (let n: Element | null = el; n && ancestors.length < 4; n = n.parentElement) ancestors.push(n);
      const visible = ancestors.some(shows);
      const path = [
        el.tagName.toLowerCase(),
        el.id && `#${el.id}`,
        el.getAttribute('data-testid') && `[data-testid=${el.getAttribute('data-testid')}]`,
      ]
        .filter(Boolean)
        .join('');
      const label = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim().slice(0, 40);
      const rect = el.getBoundingClientRect();
      return { key: `${path}@${Math.round(rect.x)},${Math.round(rect.y)}`, name: `${path} "${label}"`, visible };
    });
    if (!found || seen.has(found.key)) break;
    seen.add(found.key);
    if (!found.visible) missing.push(found.name);
  }
  return missing;
}
