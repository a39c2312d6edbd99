import { describe, expect, it } from 'vitest';
import { checkOrigin } from './origin';

const APP = 'https://radio.example';
const req = (method: string, headers: Record<string, string>) => new Request(`${APP}/api/x`, { method, headers });
const refused = (r: Request) => {
  try {
    checkOrigin(r, APP);
    return false;
  } catch (err) {
    return (err as { status?: number }).status === 403;
  }
};

describe('checkOrigin', () => {
  it('lets safe methods through whatever their origin', () => {
    expect(refused(req('GET', { origin: 'https://evil.example', cookie: 'a=b' }))).toBe(false);
  });

  it('accepts the app origin, from Origin or else Referer', () => {
    expect(refused(req('POST', { origin: APP, cookie: 'a=b' }))).toBe(false);
    expect(refused(req('PATCH', { referer: `${APP}/admin`, cookie: 'a=b' }))).toBe(false);
  });

  it('refuses another site, a look-alike, or garbage, with or without a cookie', () => {
    expect(refused(req('POST', { origin: 'https://evil.example', cookie: 'a=b' }))).toBe(true);
    expect(refused(req('DELETE', { origin: 'https://radio.example.evil.example' }))).toBe(true);
    expect(refused(req('POST', { origin: 'null', cookie: 'a=b' }))).toBe(true);
    expect(refused(req('POST', { referer: 'http://radio.example/admin' }))).toBe(true);
  });

  it('refuses an origin-less request that carries a cookie or says it is cross-site', () => {
    expect(refused(req('POST', { cookie: 'session=x' }))).toBe(true);
    expect(refused(req('POST', { 'sec-fetch-site': 'cross-site' }))).toBe(true);
  });

  it('lets cookie-less server-to-server calls through (LiveKit webhooks, anonymous listeners)', () => {
    expect(refused(req('POST', { authorization: 'jwt' }))).toBe(false);
  });
});
