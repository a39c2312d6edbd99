import { expect, test, type Page } from '@playwright/test';
import { createChannel, signIn, uniqueSuffix } from './support/accounts';
import { requireEnv } from './support/env';

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

function expectPageHeaders(headers: Record<string, string>, path: string): void {
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, `${path}: CSP`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(
    csp.split('; ').find((d) => d.startsWith('script-src')),
    path,
  ).not.toMatch(/unsafe-(inline|eval)/);
  expect(csp, `${path}: framing`).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options'], `${path}: X-Frame-Options`).toBe('DENY');
  expect(headers['x-content-type-options'], path).toBe('nosniff');
  // The test stack is served over http; HSTS goes out only for an https APP_URL (src/lib/transport-security.test.ts).
  expect(headers['strict-transport-security'], path).toBeUndefined();
}

test.describe('security headers', () => {
  test('every page runs under its CSP with no violation and cannot be framed', async ({ page }) => {
    const violations = await watchViolations(page);
    await signIn(page, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') }, '/admin');
    const slug = `csp-${uniqueSuffix()}`;
    await createChannel(page.request, { name: `CSP ${slug}`, slug, description: 'headers' });

    const pages = ['/', `/c/${slug}`, '/dj', `/dj/${slug}`, '/admin', '/sign-in', '/setup', '/no-such-page'];
    const nonces = new Set<string>();
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response, path).not.toBeNull();
      const headers = response!.headers();
      expectPageHeaders(headers, path);
      nonces.add(/nonce-([^']+)/.exec(headers['content-security-policy'] ?? '')?.[1] ?? '');
      // Hydrated: Next's nonce-carrying scripts ran and React took over the page.
      await expect(page.getByRole('banner')).toBeVisible();
      const hydrated = () => page.evaluate(() => Object.keys(document.querySelector('header') ?? {}).some((k) => k.startsWith('__react')));
      await expect.poll(hydrated, { message: `${path}: hydrated` }).toBe(true);
      expect(await violations(), `${path}: CSP violations`).toEqual([]);
    }
    expect(nonces.size, 'a fresh nonce per response').toBe(pages.length);
  });

  test('API responses carry a deny-all policy', async ({ request }) => {
    const res = await request.get('/api/channels');
    expect(res.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers()['x-frame-options']).toBe('DENY');
  });
});
