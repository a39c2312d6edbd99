import { createECDH } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEnvFile, parseDotenv } from './dotenv';

describe('parseDotenv', () => {
  it('reads KEY=VALUE lines, strips quotes and skips comments', () => {
    const text = '# comment\nA=1\nexport B="two words"\nC=\'x=y\'\nD=\n  not a line\n';
    expect(parseDotenv(text)).toEqual({ A: '1', B: 'two words', C: 'x=y', D: '' });
  });
});

describe('createEnvFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dotenv-'));
  const example = path.join(dir, '.env.example');
  writeFileSync(
    example,
    '# c\nAPP_URL=http://localhost:3000\nBETTER_AUTH_SECRET=change-me\nLIVEKIT_API_SECRET=change-me\nVAPID_PUBLIC_KEY=\nVAPID_PRIVATE_KEY=\n',
  );

  it('fills secrets with fresh 48-character values and keeps the rest', () => {
    const target = path.join(dir, 'a.env');
    expect(createEnvFile(example, target)).toBe(true);
    const env = parseDotenv(readFileSync(target, 'utf8'));
    expect(env.APP_URL).toBe('http://localhost:3000');
    expect(env.BETTER_AUTH_SECRET).toHaveLength(48);
    expect(env.LIVEKIT_API_SECRET).toHaveLength(48);
    expect(env.BETTER_AUTH_SECRET).not.toBe(env.LIVEKIT_API_SECRET);
    // A VAPID pair the app's env schema accepts (it checks the public key is the private key's).
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(env.VAPID_PRIVATE_KEY ?? '', 'base64url'));
    expect(ecdh.getPublicKey().toString('base64url')).toBe(env.VAPID_PUBLIC_KEY);
  });

  it('never overwrites an existing file', () => {
    const target = path.join(dir, 'b.env');
    writeFileSync(target, 'MINE=1\n');
    expect(createEnvFile(example, target)).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('MINE=1\n');
  });
});
