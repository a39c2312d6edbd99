// The env that scripts/with-stack.ts hands to tests. A missing value means the
// tests were started without the stack: fail loudly, never skip.
const NAMES = ['APP_URL', 'LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET', 'TEST_ADMIN_EMAIL', 'TEST_ADMIN_PASSWORD'] as const;

export type StackEnv = Record<(typeof NAMES)[number], string>;

export function stackEnv(): StackEnv {
  const missing = NAMES.filter((name) => !process.env[name]);
  if (missing.length) {
    throw new Error(
      `Missing ${missing.join(', ')}: run through the stack harness, e.g. ` +
        '`npx tsx scripts/with-stack.ts -- npx vitest run --project integration` (or `make test`).',
    );
  }
  return Object.fromEntries(NAMES.map((name) => [name, process.env[name] as string])) as StackEnv;
}

/** The LiveKit HTTP API URL for the stack's server. */
export const livekitHttpUrl = (env: StackEnv) => env.LIVEKIT_URL.replace(/^ws/, 'http');
