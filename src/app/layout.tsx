import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { accentCss } from '@/lib/branding/accent-css';
import { EMBED_REQUEST_HEADER } from '@/lib/share/links';
import { pageMetadata } from '@/lib/share/page-metadata';
import { getCurrentUser } from '@/server/auth';
import { getEnv } from '@/server/env';
import { getBranding } from '@/server/station';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  // Per request: APP_URL is read at run time (the build has no environment), the name is the admin's.
  await connection();
  const site = await getBranding();
  // The station's card and line for every page; pages that are shared (home, channels) add their own URL.
  const { openGraph, twitter } = pageMetadata({}, site);
  return {
    openGraph,
    twitter,
    // Share cards and the manifest need absolute URLs: the app's public one.
    metadataBase: new URL(getEnv().APP_URL),
    title: { default: site.name, template: `%s · ${site.name}` },
    description: site.tagline || undefined,
    applicationName: site.name,
    appleWebApp: { capable: true, title: site.name, statusBarStyle: 'black-translucent' },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: dark)', color: '#0b0c0f' },
    { media: '(prefers-color-scheme: light)', color: '#f6f5f1' },
  ],
  colorScheme: 'dark light',
};

/** The admin's accent over the stylesheet's (nothing when none is set). */
function AccentStyle({ accent }: { accent: string | null }) {
  const css = accentCss(accent);
  return css ? <style>{css}</style> : null;
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // headers() first: it makes every page dynamic (read per request), so the station's look is never baked in at build time.
  const embed = (await headers()).get(EMBED_REQUEST_HEADER) === '1';
  const site = await getBranding();
  // The embed player (framed by other sites) gets the page without the site's chrome.
  if (embed) {
    return (
      <html lang="en">
        <body>
          <AccentStyle accent={site.accent} />
          {children}
        </body>
      </html>
    );
  }
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body>
        <AccentStyle accent={site.accent} />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-accent focus:px-3 focus:py-2 focus:text-accent-ink"
        >
          Skip to content
        </a>
        <SiteHeader site={site} user={user && { name: user.name, role: user.role }} />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
