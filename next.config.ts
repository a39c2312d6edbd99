import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `make test` type-checks the whole project (`check-types`) right before it builds, so it skips
  // the build's own pass over the same files (17 s on 2 cores); every other build checks types.
  typescript: { ignoreBuildErrors: process.env.RADIO_TYPES_CHECKED === '1' },
  // The app image (Dockerfile) holds .next/standalone: the build plus only the node_modules its
  // server code was traced to need; scripts/build/standalone.ts adds our compiled server.ts.
  output: 'standalone',
  // Native addons (better-sqlite3; rtc-node's FFI library for the OBS tempo analyser): load them from node_modules at run time.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@livekit/rtc-node'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          // The DJ console needs the microphone; nothing needs the camera.
          { key: 'Permissions-Policy', value: 'microphone=(self), camera=()' },
        ],
      },
      {
        // For browsers without CSP frame-ancestors (set per request in src/proxy.ts): every path
        // but the embed player (/embed/<slug>), the one page other sites may frame.
        source: '/:path((?!embed/[^/]+/?$).*)',
        headers: [{ key: 'X-Frame-Options', value: 'DENY' }],
      },
      {
        // API responses render nothing; pages get theirs, with a nonce, from src/proxy.ts.
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
