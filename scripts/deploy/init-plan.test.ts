import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDotenv } from '../stack/dotenv';
import { dnsRecords, firewallPorts, optionProblems, planEnv, renderEnv } from './init-plan';

const deploy = (name: string) => readFileSync(path.resolve(__dirname, '..', '..', 'deploy', name), 'utf8');
let counter = 0;
/** Distinct, generated-looking strings, so every secret differs. */
// A real VAPID pair (public key of the private key): the env schema checks that they match.
const vapidKeys = () => ({
  publicKey: 'BDYEDtN3ckSvpWfEgMkx9XQDhdSKCceMdPVyvWMS06XpweYlGutPfr8JRUFOMdgh6WbeJkA5T1xX8CJhBJgfbpM',
  privateKey: 'ygAcE2VPNnAv-8zS1qynepPKMkaCQg_zSpt9BeccT6w',
});
const random = {
  secret: (n: number) => `Qz7${(counter++).toString(36)}xK9mP2vL8wN4rT6yB1cD5fG3hJ0sA-uE_iO`.repeat(3).slice(0, n),
  vapidKeys,
};
const options = { domain: 'radio.example.org', email: 'ops@example.org' };

describe('planEnv', () => {
  it('derives every name from the domain and shares one key pair and Redis', () => {
    const env = planEnv(options, random);
    expect(env.APP_URL).toBe('https://radio.example.org');
    expect(env.LIVEKIT_URL).toBe('wss://livekit.radio.example.org');
    expect(env.LIVEKIT_DOMAIN).toBe('livekit.radio.example.org');
    expect(env.TURN_DOMAIN).toBe('turn.radio.example.org');
    expect(env.LIVEKIT_API_KEY).toMatch(/^API[A-Za-z0-9]{12}$/);
    expect(env.LIVEKIT_API_SECRET).toHaveLength(48);
    expect(env.BETTER_AUTH_SECRET).not.toBe(env.LIVEKIT_API_SECRET);
    expect(env.REDIS_ADDRESS).toBe('127.0.0.1:6379');
    expect(env.ACME_EMAIL).toBe('ops@example.org');
    expect(env.VAPID_PUBLIC_KEY).toBe(vapidKeys().publicKey);
    expect(env.VAPID_SUBJECT).toBe('mailto:ops@example.org');
  });

  it("adds PostgreSQL's password and the app Redis key prefix for the cluster layout only", () => {
    const single = planEnv(options, random);
    expect(single.POSTGRES_PASSWORD).toBeUndefined();
    expect(single.APP_REDIS_KEY_PREFIX).toBeUndefined();
    const cluster = planEnv({ ...options, cluster: true }, random);
    expect(cluster.POSTGRES_PASSWORD).toMatch(/^[A-Za-z0-9_-]{48}$/);
    expect(cluster.POSTGRES_PASSWORD).not.toBe(cluster.LIVEKIT_API_SECRET);
    expect(cluster.APP_REDIS_KEY_PREFIX).toBe('radio:');
  });

  it('takes explicit LiveKit/TURN names and R2 values', () => {
    const env = planEnv(
      { ...options, livekitDomain: 'LK.Example.org', s3: { bucket: 'b1', publicBaseUrl: 'https://cdn.example.org' } },
      random,
    );
    expect(env.LIVEKIT_URL).toBe('wss://lk.example.org');
    expect(env.S3_BUCKET).toBe('b1');
    expect(env.S3_PUBLIC_BASE_URL).toBe('https://cdn.example.org');
  });
});

describe('optionProblems', () => {
  it('names a bad domain, a bad email and clashing names', () => {
    expect(optionProblems(options)).toEqual([]);
    expect(optionProblems({ domain: 'https://radio', email: 'ops' }).join('\n')).toMatch(/--domain[\s\S]*--email/);
    expect(optionProblems({ ...options, turnDomain: 'radio.example.org' })).toEqual([expect.stringMatching(/must differ/)]);
  });
});

describe('renderEnv', () => {
  it("keeps the example's comments, replaces its values and appends what it lacks", () => {
    const text = renderEnv('# head\n# about A\nA=old\nB=keep\n', { A: 'new', C: 'added' }, 'T');
    expect(text).toBe(
      '# Written by npm run deploy:init on T. Keep it secret (mode 600).\n# head\n# about A\nA=new\nB=keep\n\n# --- written by deploy:init (not in .env.example) ---\nC=added\n',
    );
  });

  it('fills every variable of the real example', () => {
    const example = deploy('.env.example');
    const env = parseDotenv(renderEnv(example, planEnv(options, random), 'T'));
    for (const name of Object.keys(parseDotenv(example))) expect(env[name], name).toBeTruthy();
    expect(env.APP_URL).toBe('https://radio.example.org');
  });
});

describe('dnsRecords and firewallPorts', () => {
  it('lists one record per name, with the address when given', () => {
    const env = planEnv(options, random);
    const records = dnsRecords(env, { v4: '203.0.113.7', v6: '2001:db8::7' });
    expect(records.map((r) => `${r.name} ${r.type} ${r.value}`)).toEqual([
      'radio.example.org A 203.0.113.7',
      'radio.example.org AAAA 2001:db8::7',
      'livekit.radio.example.org A 203.0.113.7',
      'livekit.radio.example.org AAAA 2001:db8::7',
      'turn.radio.example.org A 203.0.113.7',
      'turn.radio.example.org AAAA 2001:db8::7',
    ]);
  });

  it('reads the ports from the deploy templates', () => {
    const ports = firewallPorts(
      parse(deploy('livekit.yaml')) as Record<string, unknown>,
      parse(deploy('ingress.yaml')) as Record<string, unknown>,
    );
    const list = ports.map((p) => `${p.port}/${p.protocol}`);
    expect(list).toEqual(expect.arrayContaining(['80/tcp', '443/tcp', '7881/tcp', '50000-60000/udp', '3478/udp', '1935/tcp', '7885/udp']));
  });
});
