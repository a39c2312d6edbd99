// Minimal .env handling for the dev runner and deploy tests (KEY=VALUE lines,
// optional surrounding quotes, # comments). No dependency needed for that.
import { readFileSync, writeFileSync } from 'node:fs';
import webpush from 'web-push';
import { randomSecret } from './livekit';

export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(raw);
    if (!m?.[1]) continue;
    const value = m[2] ?? '';
    const quoted = /^(["'])(.*)\1$/.exec(value);
    out[m[1]] = quoted ? (quoted[2] ?? '') : value;
  }
  return out;
}

/** Variables in .env.example that get a fresh random value in a new .env. */
const SECRETS = ['BETTER_AUTH_SECRET', 'LIVEKIT_API_SECRET'];

/**
 * Writes `target` from `example` with fresh secrets. Returns false, touching
 * nothing, when target already exists (the 'wx' flag makes that atomic).
 */
export function createEnvFile(example: string, target: string): boolean {
  // Follow (Web Push) on from the first start: a key pair of this .env's own.
  const vapid = webpush.generateVAPIDKeys();
  const pair: Record<string, string> = { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey };
  const text = readFileSync(example, 'utf8')
    .split('\n')
    .map((line) => {
      const name = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1];
      if (name && SECRETS.includes(name)) return `${name}=${randomSecret(48)}`;
      return name && name in pair ? `${name}=${pair[name]}` : line;
    })
    .join('\n');
  try {
    writeFileSync(target, text, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'EEXIST') return false;
    throw err;
  }
}
