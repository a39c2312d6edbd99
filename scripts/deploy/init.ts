// `npm run deploy:init -- --domain radio.example.org --email ops@example.org [options]`
// writes deploy/.env with fresh keys and secrets and every value the compose stack needs,
// then prints the DNS records and firewall ports. `--check` validates an existing file.
// Decisions live in init-plan.ts and check-plan.ts; this file only reads, writes and prints.
import { randomBytes } from 'node:crypto';
import webpush from 'web-push';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { parseDotenv } from '../stack/dotenv';
import { checkEnv } from './check-plan';
import { dnsRecords, firewallPorts, type InitOptions, optionProblems, planEnv, renderEnv } from './init-plan';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const deployDir = path.join(root, 'deploy');
const TEMPLATES = ['livekit.yaml', 'egress.yaml', 'ingress.yaml'];

const USAGE = `usage: npm run deploy:init -- --domain radio.example.org --email ops@example.org [options]
  --livekit-domain NAME   LiveKit signalling/WHIP name (default livekit.<domain>)
  --turn-domain NAME      TURN/TLS name (default turn.<domain>)
  --ip IPV4 [--ipv6 IPV6] this server's addresses, for the DNS records printed
  --s3-endpoint URL --s3-bucket NAME --s3-access-key-id ID --s3-secret-access-key KEY --s3-public-url URL
                          Cloudflare R2 for HLS (left as placeholders that --check names when not given)
  --file PATH             where to write (default deploy/.env)
  --force                 overwrite an existing file
  --cluster               the cluster layout (deploy/docker-compose.cluster.yml): adds POSTGRES_PASSWORD and APP_REDIS_KEY_PREFIX
  --check                 validate an existing file instead, naming what is wrong`;

const CLUSTER_UP = [
  '(LiveKit node 2 also needs 7981/tcp open)',
  'docker compose -f deploy/docker-compose.yml -f deploy/docker-compose.postgres.yml -f deploy/docker-compose.cluster.yml up -d --build',
  '(docs/scale-out.md, Running a cluster)',
].join('\n  ');

const read = (name: string) => readFileSync(path.join(deployDir, name), 'utf8');
const sources = () => ({ templates: Object.fromEntries(TEMPLATES.map((t) => [t, read(t)])), compose: read('docker-compose.yml') });
const random = {
  secret: (length: number) => randomBytes(length).toString('base64url').slice(0, length),
  vapidKeys: () => webpush.generateVAPIDKeys(),
};

function check(file: string): number {
  const problems = checkEnv(parseDotenv(readFileSync(file, 'utf8')), sources());
  if (problems.length === 0) {
    console.log(`${file}: ok`);
    return 0;
  }
  console.error(`${file}: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return 1;
}

function printNextSteps(env: Record<string, string>, ip: { v4?: string; v6?: string }, cluster: boolean): void {
  console.log('\nDNS records (at your DNS provider):');
  for (const r of dnsRecords(env, ip)) console.log(`  ${r.name.padEnd(32)} ${r.type.padEnd(4)} ${r.value}   # ${r.why}`);
  console.log('\nFirewall: open these ports to the internet:');
  for (const p of firewallPorts(
    parse(read('livekit.yaml')) as Record<string, unknown>,
    parse(read('ingress.yaml')) as Record<string, unknown>,
  )) {
    console.log(`  ${`${p.port}/${p.protocol}`.padEnd(18)} ${p.why}`);
  }
  console.log(`\nThen: ${cluster ? CLUSTER_UP : 'docker compose -f deploy/docker-compose.yml up -d --build   (deploy/README.md)'}`);
}

/** The whole command (exit status returned); tests/integration/deploy-init.test.ts calls it in-process. */
export function runInit(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      domain: { type: 'string' },
      email: { type: 'string' },
      'livekit-domain': { type: 'string' },
      'turn-domain': { type: 'string' },
      ip: { type: 'string' },
      ipv6: { type: 'string' },
      file: { type: 'string' },
      force: { type: 'boolean' },
      check: { type: 'boolean' },
      's3-endpoint': { type: 'string' },
      's3-bucket': { type: 'string' },
      's3-access-key-id': { type: 'string' },
      's3-secret-access-key': { type: 'string' },
      's3-public-url': { type: 'string' },
      help: { type: 'boolean' },
      cluster: { type: 'boolean' },
    },
  });
  if (values.help) return (console.log(USAGE), 0);
  const file = path.resolve(values.file ?? path.join(deployDir, '.env'));
  if (values.check) return check(file);
  if (!values.domain || !values.email) return (console.error(USAGE), 2);
  const options: InitOptions = {
    domain: values.domain,
    email: values.email,
    livekitDomain: values['livekit-domain'],
    turnDomain: values['turn-domain'],
    s3: {
      endpoint: values['s3-endpoint'],
      bucket: values['s3-bucket'],
      accessKeyId: values['s3-access-key-id'],
      secretAccessKey: values['s3-secret-access-key'],
      publicBaseUrl: values['s3-public-url'],
    },
    cluster: values.cluster,
  };
  const problems = optionProblems(options);
  if (problems.length > 0) return (console.error(problems.join('\n')), 2);
  const env = planEnv(options, random);
  const text = renderEnv(read('.env.example'), env, new Date().toISOString());
  try {
    // 'wx' refuses an existing file atomically; --force replaces it.
    writeFileSync(file, text, { flag: values.force ? 'w' : 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'EEXIST') {
      console.error(`${file} exists: not overwritten (its secrets may be in use). --check validates it, --force replaces it.`);
      return 1;
    }
    throw err;
  }
  console.log(`wrote ${file} (mode 600) with a fresh LiveKit key pair, VAPID key pair and secrets`);
  const left = checkEnv(env, sources());
  if (left.length > 0) console.log(`\nStill to fill in before starting:\n${left.map((p) => `  - ${p}`).join('\n')}`);
  printNextSteps(env, { v4: values.ip, v6: values.ipv6 }, values.cluster === true);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    process.exitCode = runInit(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 2;
  }
}
