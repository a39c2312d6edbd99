import { describe, expect, it } from 'vitest';
import { DEFAULT_BRANDING } from '@/types/station';
import { pageMetadata } from './page-metadata';

const SITE_NAME = DEFAULT_BRANDING.name;

describe('pageMetadata', () => {
  it('gives the page an Open Graph and a large-image Twitter card under the station name', () => {
    const meta = pageMetadata({ title: 'Jazz', description: 'Late jazz.', path: '/c/jazz' });
    expect(meta.title).toBe('Jazz');
    expect(meta.openGraph).toMatchObject({ title: `Jazz · ${SITE_NAME}`, description: 'Late jazz.', url: '/c/jazz', siteName: SITE_NAME });
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image', title: `Jazz · ${SITE_NAME}` });
    expect(meta.alternates?.canonical).toBe('/c/jazz');
  });

  it('falls back to the station name and line, and claims no URL without a path', () => {
    const meta = pageMetadata({});
    expect(meta.title).toBeUndefined();
    expect(meta.alternates).toBeUndefined();
    expect(meta.openGraph).not.toHaveProperty('url');
    expect(meta.openGraph?.title).toBe(SITE_NAME);
    expect(meta.description).toMatch(/DJ/);
  });

  it("uses the station's own name and tagline when an admin set them", () => {
    const meta = pageMetadata({ title: 'Jazz' }, { name: 'Night FM', tagline: 'After hours.' });
    expect(meta.openGraph).toMatchObject({ title: 'Jazz · Night FM', siteName: 'Night FM', description: 'After hours.' });
  });
});
