// Minimal .env handling for the dev runner and deploy tests (KEY=VALUE lines,
// optional surrounding quotes, # comments). No dependency needed for that.
import { readFileSync, writeFileSync } from 'node:fs';
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
  const text = readFileSync(example, 'utf8')
    .split('\n')
    .map((line) => {
      const name = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1];
      return name && SECRETS.includes(name) ? `${name}=${randomSecret(48)}` : line;
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
