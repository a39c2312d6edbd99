import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { admin } from 'better-auth/plugins';
import { CLIENT_IP_HEADER } from '@/lib/client-address';
import { dbProvider, getDb } from '../db';
import { getEnv } from '../env';
import { authStorage } from '../redis';

/** Account fields only an admin may change: listeners see the name the admin set. */
const ADMIN_ONLY_PATHS = new Set(['/update-user', '/change-email']);

/**
 * Reached over HTTP, these would skip the app's rules (the last-admin guard, the audit log):
 * the app calls them server-side only, from its own routes (src/server/accounts).
 */
const APP_ROUTED = (path: string) => path.startsWith('/admin/') || path === '/change-password';

const guardAccountFields = createAuthMiddleware(async (ctx) => {
  if (ctx.request && APP_ROUTED(ctx.path)) {
    throw new APIError('FORBIDDEN', { message: "Use the station's own pages for this (the Admin and Account pages)." });
  }
  if (!ADMIN_ONLY_PATHS.has(ctx.path)) return;
  const session = await getSessionFromCtx(ctx);
  if (session && session.user.role !== 'admin') {
    throw new APIError('FORBIDDEN', { message: 'Your name and email are managed by the station admin.' });
  }
});

function createAuth() {
  const env = getEnv();
  // Replicas share better-auth's rate-limit counters through the app's Redis (one atomic INCR +
  // EXPIRE per request). Not its session cache: a session cached there outlived its deletion and its
  // user's role change (a disabled DJ and a demoted admin stayed signed in as they were).
  const shared = authStorage();
  return betterAuth({
    appName: 'Radio',
    secret: env.BETTER_AUTH_SECRET,
    baseURL: env.APP_URL,
    trustedOrigins: [env.APP_URL],
    database: prismaAdapter(getDb(), { provider: dbProvider() }),
    // Accounts are made by admins (and the first admin by setup), never by sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24, storeSessionInDatabase: true },
    verification: { storeInDatabase: true },
    rateLimit: {
      enabled: true,
      ...(shared
        ? {
            customStorage: {
              consume: async (key, rule) =>
                (await shared.increment(key, rule.window)) <= rule.max
                  ? { allowed: true, retryAfter: null }
                  : { allowed: false, retryAfter: rule.window },
            },
          }
        : { storage: 'memory' as const }),
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': { window: 60, max: env.AUTH_SIGN_IN_RATE_LIMIT } },
    },
    // The address server.ts resolved from the socket: the same key as our own limiter.
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] } },
    telemetry: { enabled: false },
    hooks: { before: guardAccountFields },
    plugins: [admin({ defaultRole: 'dj', adminRoles: ['admin'] }), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
let instance: Auth | undefined;

/** better-auth, created on first use so builds need no secrets. */
export function getAuth(): Auth {
  instance ??= createAuth();
  return instance;
}
