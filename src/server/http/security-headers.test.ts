import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './security-headers';

const base = { appUrl: 'https://radio.example', livekitUrl: 'wss://lk.radio.example', nonce: 'abc123', dev: false };
const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

describe('contentSecurityPolicy', () => {
  it('allows scripts only from us or with the request nonce, never inline or eval in production', () => {
    const script = directive(contentSecurityPolicy(base), 'script-src');
    expect(script).toBe("script-src 'self' 'nonce-abc123'");
    expect(script).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('adds eval only in development', () => {
    expect(directive(contentSecurityPolicy({ ...base, dev: true }), 'script-src')).toContain("'unsafe-eval'");
  });

  it('lets the page reach LiveKit over its socket and HTTP, and nothing else off-site', () => {
    expect(directive(contentSecurityPolicy(base), 'connect-src')).toBe(
      "connect-src 'self' wss://lk.radio.example https://lk.radio.example",
    );
    const local = contentSecurityPolicy({ ...base, appUrl: 'http://127.0.0.1:3100', livekitUrl: 'ws://127.0.0.1:7890' });
    expect(directive(local, 'connect-src')).toBe("connect-src 'self' ws://127.0.0.1:7890 http://127.0.0.1:7890");
  });

  it('lets HLS players read the storage origin, and only when HLS is on', () => {
    const hls = contentSecurityPolicy({ ...base, storageUrl: 'https://hls.radio.example/bucket' });
    expect(directive(hls, 'connect-src')).toBe(
      "connect-src 'self' wss://lk.radio.example https://lk.radio.example https://hls.radio.example",
    );
    expect(directive(hls, 'media-src')).toBe("media-src 'self' blob: https://hls.radio.example");
    expect(directive(contentSecurityPolicy({ ...base, storageUrl: '' }), 'media-src')).toBe("media-src 'self' blob:");
  });

  it('forbids framing and plugins everywhere', () => {
    const csp = contentSecurityPolicy(base);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('lets the caller open framing (the embed player) without touching the rest', () => {
    const embed = contentSecurityPolicy({ ...base, frameAncestors: '*' });
    expect(embed).toContain('frame-ancestors *');
    expect(embed).not.toContain("frame-ancestors 'none'");
    expect(embed.replace('frame-ancestors *', '')).toBe(contentSecurityPolicy(base).replace("frame-ancestors 'none'", ''));
  });

  it('upgrades insecure requests only when the app is served over https', () => {
    expect(contentSecurityPolicy(base)).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ ...base, appUrl: 'http://localhost:3000' })).not.toContain('upgrade-insecure-requests');
  });
});
