// No secret or stream key may reach a log the harness keeps (the app's, LiveKit's, ingress's,
// egress's...): after the command, with-stack.ts scans every *.log under the stack dir for the
// secrets it made and the stream keys tests pushed to (recordStreamKey, tests/support/obs.ts).
import { appendFileSync, type Dirent, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { IngressClient } from 'livekit-server-sdk';

/** Where tests note the stream keys they used (not a *.log: it is not scanned). */
export const STREAM_KEYS_FILE = 'stream-keys.txt';

export type Findings = { leaks: string[] };

/** "file: what" for every secret found in a text (the value itself is never printed). */
export function findSecrets(files: { name: string; text: string }[], secrets: Readonly<Record<string, string>>): Findings {
  const out: Findings = { leaks: [] };
  for (const { name, text } of files) {
    for (const [what, value] of Object.entries(secrets)) {
      // Short values (none of ours are) would match by chance.
      if (value.length < 12 || !text.includes(value)) continue;
      out.leaks.push(`${name}: ${what}`);
    }
  }
  return out;
}

/**
 * The .log files under `dir`. From the directory entries' own types, with no stat of each: files
 * come and go while the stack runs (SQLite's radio.db-journal vanished between the listing and a
 * stat, and the scan failed a step whose tests had all passed, 2026-12-06).
 */
function logFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries.flatMap((entry) => {
    const p = path.join(dir, entry.name);
    if (entry.name === 'minio-data') return []; // HLS segments, not logs
    if (entry.isDirectory()) return logFiles(p);
    return entry.isFile() && entry.name.endsWith('.log') ? [p] : [];
  });
}

/** Stream keys recorded during the run, each as its own named secret. */
export function recordedStreamKeys(dir: string): Record<string, string> {
  const file = path.join(dir, STREAM_KEYS_FILE);
  if (!existsSync(file)) return {};
  const keys = [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))];
  return Object.fromEntries(keys.map((k, i) => [`stream key #${i + 1}`, k]));
}

export function scanStackLogs(dir: string, secrets: Readonly<Record<string, string>>): Findings {
  const files = logFiles(dir).map((f) => ({ name: path.relative(dir, f), text: readFileSync(f, 'utf8') }));
  return findSecrets(files, { ...secrets, ...recordedStreamKeys(dir) });
}

/** Stream keys of the ingresses LiveKit still holds (WHIP pushes from the browser tests too); none when it is down. */
export async function liveStreamKeys(lk: { url: string; apiKey: string; apiSecret: string }): Promise<Record<string, string>> {
  try {
    const list = await new IngressClient(lk.url, lk.apiKey, lk.apiSecret).listIngress({});
    return Object.fromEntries(list.filter((i) => i.streamKey).map((i) => [`stream key of ingress ${i.ingressId}`, i.streamKey]));
  } catch {
    return {};
  }
}

/** For tests: note a stream key in the stack dir so the end-of-run scan looks for it. */
export function recordStreamKey(key: string): void {
  const dir = process.env.STACK_DIR;
  if (dir && key) appendFileSync(path.join(dir, STREAM_KEYS_FILE), `${key}\n`, { mode: 0o600 });
}

/** Secrets the harness made and stream keys tests used must be in no service's log: the leaks as one failure, or null. */
export async function leakedSecrets(
  dir: string,
  env: Readonly<Record<string, string | undefined>>,
  lk: { apiKey: string; apiSecret: string },
  adminPassword: string,
): Promise<string | null> {
  const secrets = {
    LIVEKIT_API_SECRET: lk.apiSecret,
    BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET ?? '',
    'admin password': adminPassword,
    S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY ?? '',
    VAPID_PRIVATE_KEY: env.VAPID_PRIVATE_KEY ?? '',
  };
  const { leaks } = scanStackLogs(dir, { ...secrets, ...(await liveStreamKeys({ url: env.LIVEKIT_API_URL ?? '', ...lk })) });
  return leaks.length > 0 ? `secrets in logs (${leaks.join('; ')})` : null;
}
