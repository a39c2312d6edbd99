import { createECDH } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema, parseEnv } from './env.schema';

const valid = {
  BETTER_AUTH_SECRET: 'Qm4vT9xL2pR7wZ1kF8sJ3nB6yH0cV5dA',
  LIVEKIT_URL: 'ws://localhost:7880',
  LIVEKIT_API_KEY: 'radio',
  LIVEKIT_API_SECRET: 'k7Gq2Wm9Zp4Xr1Tn8Vb3Ly6Hc0Fs5Jd-',
};

function readEnvExample(): Map<string, string> {
  const text = fs.readFileSync(path.join(__dirname, '../../.env.example'), 'utf8');
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const eq = line.indexOf('=');
      return [line.slice(0, eq), line.slice(eq + 1)] as const;
    });
  return new Map(entries);
}

describe('env schema', () => {
  it('parses a minimal environment and fills defaults', () => {
    const env = parseEnv(valid);
    expect(env.APP_URL).toBe('http://localhost:3000');
    expect(env.DATABASE_URL).toBe('file:./data/radio.db');
    expect(env.LISTENER_TOKEN_RATE_LIMIT).toBe(30);
    expect(env.AUTH_SIGN_IN_RATE_LIMIT).toBe(10);
  });

  it('fails fast naming every bad variable', () => {
    const bad = () => parseEnv({ ...valid, LIVEKIT_API_SECRET: 'short', LIVEKIT_URL: 'http://x' });
    expect(bad).toThrow(/LIVEKIT_API_SECRET: .*32 characters/);
    expect(bad).toThrow(/LIVEKIT_URL: .*ws:\/\//);
    expect(() => parseEnv({})).toThrow(/BETTER_AUTH_SECRET/);
    expect(() => parseEnv({ ...valid, DATABASE_URL: 'mysql://x' })).toThrow(/SQLite file: URL or a postgresql/);
    expect(parseEnv({ ...valid, DATABASE_URL: 'postgresql://u@h/db' }).DATABASE_URL).toBe('postgresql://u@h/db');
    expect(parseEnv({ ...valid, DATABASE_URL: 'postgres://u@h/db' }).DATABASE_URL).toBe('postgres://u@h/db');
  });

  it('takes storage all or nothing, so egress never starts without somewhere to write', () => {
    expect(parseEnv(valid).S3_BUCKET).toBe('');
    const storage = {
      S3_ENDPOINT: 'https://acc.r2.cloudflarestorage.com',
      S3_BUCKET: 'radio',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: '3f9a1c77e0b24d5a9e6c18b2f4d07a63c5e1b9d2a8f4c6e0',
      S3_PUBLIC_BASE_URL: 'https://hls.example.com',
    };
    expect(parseEnv({ ...valid, ...storage }).S3_REGION).toBe('auto');
    expect(() => parseEnv({ ...valid, ...storage, S3_PUBLIC_BASE_URL: '' })).toThrow(/S3_PUBLIC_BASE_URL: required/);
    expect(() => parseEnv({ ...valid, S3_BUCKET: 'radio' })).toThrow(/S3_ENDPOINT: required/);
  });

  it('takes the embed framing as CSP sources and refuses anything that could add a directive', () => {
    expect(parseEnv(valid).EMBED_FRAME_ANCESTORS).toBe('*');
    const ok = "'self' https://blog.example https://*.example.org:8443 http://127.0.0.1:3100 https:";
    expect(parseEnv({ ...valid, EMBED_FRAME_ANCESTORS: ok }).EMBED_FRAME_ANCESTORS).toBe(ok);
    for (const bad of ["*; script-src 'unsafe-inline'", 'https://a.example,https://b.example', "'unsafe-inline'", '', '"x"']) {
      expect(() => parseEnv({ ...valid, EMBED_FRAME_ANCESTORS: bad }), bad).toThrow(/EMBED_FRAME_ANCESTORS/);
    }
  });

  it('takes a VAPID key pair both or neither, and only a matching pair', () => {
    expect(parseEnv(valid).VAPID_PUBLIC_KEY).toBe('');
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const pair = {
      VAPID_PUBLIC_KEY: ecdh.getPublicKey().toString('base64url'),
      VAPID_PRIVATE_KEY: ecdh.getPrivateKey().toString('base64url'),
    };
    expect(parseEnv({ ...valid, ...pair }).VAPID_PUBLIC_KEY).toBe(pair.VAPID_PUBLIC_KEY);
    expect(() => parseEnv({ ...valid, VAPID_PUBLIC_KEY: pair.VAPID_PUBLIC_KEY })).toThrow(/set both/);
    const other = createECDH('prime256v1');
    other.generateKeys();
    const mismatched = { ...pair, VAPID_PUBLIC_KEY: other.getPublicKey().toString('base64url') };
    expect(() => parseEnv({ ...valid, ...mismatched })).toThrow(/not the public key/);
    expect(() => parseEnv({ ...valid, ...pair, VAPID_SUBJECT: 'http://x.example' })).toThrow(/VAPID_SUBJECT/);
    expect(() => parseEnv({ ...valid, PUSH_SERVICE_HOSTS: 'a.example/path' })).toThrow(/PUSH_SERVICE_HOSTS/);
  });

  it('.env.example lists exactly the schema variables, and its values parse once real secrets are filled in', () => {
    const example = readEnvExample();
    expect([...example.keys()].sort()).toEqual(Object.keys(envSchema.shape).sort());
    const filled = {
      ...Object.fromEntries(example),
      BETTER_AUTH_SECRET: valid.BETTER_AUTH_SECRET,
      LIVEKIT_API_SECRET: valid.LIVEKIT_API_SECRET,
    };
    expect(() => parseEnv(filled)).not.toThrow();
  });

  it("refuses the example files' placeholder secrets at start, naming the variable and what to do", () => {
    for (const file of ['../../.env.example', '../../deploy/.env.example']) {
      const text = fs.readFileSync(path.join(__dirname, file), 'utf8');
      const example = Object.fromEntries([...text.matchAll(/^([A-Z_0-9]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
      const bad = () =>
        parseEnv({ ...valid, BETTER_AUTH_SECRET: example.BETTER_AUTH_SECRET, LIVEKIT_API_SECRET: example.LIVEKIT_API_SECRET });
      expect(bad, file).toThrow(/BETTER_AUTH_SECRET: .*placeholder/);
      expect(bad, file).toThrow(/LIVEKIT_API_SECRET: .*placeholder/);
      expect(bad, file).toThrow(/openssl rand/);
    }
  });

  it("refuses the deploy example's placeholder storage key too", () => {
    expect(() => parseEnv({ ...valid, S3_SECRET_ACCESS_KEY: 'your-r2-secret-access-key' })).toThrow(
      /S3_SECRET_ACCESS_KEY is a placeholder/,
    );
  });

  it('refuses other well-known or low-variety secrets of any length', () => {
    const secrets = [
      'changeme'.repeat(6),
      'your-secret-here-your-secret-here-000',
      'x'.repeat(48),
      '0123456789'.repeat(4),
      'REPLACE_ME_with_a_long_random_value_please_ok',
      'secretsecretsecretsecretsecretsecret',
    ];
    for (const secret of secrets) expect(() => parseEnv({ ...valid, LIVEKIT_API_SECRET: secret }), secret).toThrow(/LIVEKIT_API_SECRET/);
  });
});
