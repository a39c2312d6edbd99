import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { getBranding } from '@/server/station';

// Per request: the name is the admin's (src/server/station).
export const dynamic = 'force-dynamic';

/** The web app manifest (/manifest.webmanifest): the station installs to a phone's home screen. */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  await connection();
  const site = await getBranding();
  return {
    name: site.name,
    short_name: site.name,
    description: site.tagline,
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#0b0c0f',
    theme_color: '#0b0c0f',
    categories: ['music', 'entertainment'],
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
