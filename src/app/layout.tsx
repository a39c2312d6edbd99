import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { SITE_DESCRIPTION, SITE_NAME } from '@/lib/share/card-text';
import { EMBED_REQUEST_HEADER } from '@/lib/share/links';
import { pageMetadata } from '@/lib/share/page-metadata';
import { getCurrentUser } from '@/server/auth';
import { getEnv } from '@/server/env';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  // Per request: APP_URL is read at run time (the build has no environment).
  await connection();
  // The station's card and line for every page; pages that are shared (home, channels) add their own URL.
  const { openGraph, twitter } = pageMetadata({});
  return {
    openGraph,
    twitter,
    // Share cards and the manifest need absolute URLs: the app's public one.
    metadataBase: new URL(getEnv().APP_URL),
    title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    applicationName: SITE_NAME,
    appleWebApp: { capable: true, title: SITE_NAME, statusBarStyle: 'black-translucent' },
  };
}

export const viewport: Viewport = { themeColor: '#0b0c0f', colorScheme: 'dark' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The embed player (framed by other sites) gets the page without the site's chrome.
  if ((await headers()).get(EMBED_REQUEST_HEADER) === '1') {
    return (
      <html lang="en">
        <body>{children}</body>
      </html>
    );
  }
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body>
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-accent focus:px-3 focus:py-2 focus:text-accent-ink"
        >
          Skip to content
        </a>
        <SiteHeader siteName={SITE_NAME} user={user && { name: user.name, role: user.role }} />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
