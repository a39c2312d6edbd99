import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../stack/dotenv';
import { checkEnv, composeRequired } from './check-plan';
import { planEnv, renderEnv } from './init-plan';

const deploy = (name: string) => readFileSync(path.resolve(__dirname, '..', '..', 'deploy', name), 'utf8');
const sources = {
  templates: Object.fromEntries(['livekit.yaml', 'egress.yaml', 'ingress.yaml'].map((t) => [t, deploy(t)])),
  compose: deploy('docker-compose.yml'),
};
let n = 0;
// A real VAPID pair (public key of the private key): the env schema checks that they match.
const vapidKeys = () => ({
  publicKey: 'BDYEDtN3ckSvpWfEgMkx9XQDhdSKCceMdPVyvWMS06XpweYlGutPfr8JRUFOMdgh6WbeJkA5T1xX8CJhBJgfbpM',
  privateKey: 'ygAcE2VPNnAv-8zS1qynepPKMkaCQg_zSpt9BeccT6w',
});
const random = { secret: (len: number) => `Vb8${(n++).toString(36)}Rt3kW7qZ1mX5nC9pL2sD6fH0jG4-aE_uO`.repeat(3).slice(0, len), vapidKeys };
const r2 = {
  endpoint: 'https://0123abcd.r2.cloudflarestorage.com',
  bucket: 'radio-hls',
  accessKeyId: 'a8f3c1d9e7b24650',
  secretAccessKey: '9c2e7f41b8d3a6c05e1f9b7d2a4c8e60f3b1d7a9',
  publicBaseUrl: 'https://hls.radio.example.org',
};
const complete = () => planEnv({ domain: 'radio.example.org', email: 'ops@example.org', s3: r2 }, random);

describe('checkEnv', () => {
  it('accepts a generated env with storage filled in', () => {
    expect(checkEnv(complete(), sources)).toEqual([]);
  });

  it('accepts it after a round trip through the written file', () => {
    expect(checkEnv(parseDotenv(renderEnv(deploy('.env.example'), complete(), 'T')), sources)).toEqual([]);
  });

  it('names the storage values still left from the example', () => {
    const problems = checkEnv(planEnv({ domain: 'radio.example.org', email: 'ops@example.org' }, random), sources);
    expect(problems.join('\n')).toMatch(/S3_SECRET_ACCESS_KEY/);
    expect(problems.join('\n')).toMatch(/S3_ACCESS_KEY_ID is still the example's value/);
  });

  it("refuses the example's placeholder secrets, naming them (the app's own rule)", () => {
    const example = { ...parseDotenv(deploy('.env.example')), ...{ S3_SECRET_ACCESS_KEY: r2.secretAccessKey } };
    const text = checkEnv(example, sources).join('\n');
    expect(text).toMatch(/BETTER_AUTH_SECRET is a placeholder/);
    expect(text).toMatch(/LIVEKIT_API_SECRET is a placeholder/);
  });

  it('names missing variables and values that disagree', () => {
    const env = { ...complete(), LIVEKIT_URL: 'ws://other.example.org', REDIS_ADDRESS: '' };
    const text = checkEnv(env, sources).join('\n');
    expect(text).toMatch(/LIVEKIT_URL must be wss/);
    expect(text).toMatch(/LIVEKIT_URL's host \(other.example.org\) is not LIVEKIT_DOMAIN/);
    expect(text).toMatch(/REDIS_ADDRESS missing or empty/);
  });

  it('names a short LiveKit secret', () => {
    expect(checkEnv({ ...complete(), LIVEKIT_API_SECRET: 'Ab3dEf7hIj' }, sources).join('\n')).toMatch(
      /LIVEKIT_API_SECRET must be at least 32/,
    );
  });
});

describe('composeRequired', () => {
  it('lists ${VAR} without a default only', () => {
    expect(composeRequired('a: ${A}\nb: ${B:-x}\nc: ${C-y}')).toEqual(['A']);
  });
});
