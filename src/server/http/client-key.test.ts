import { describe, expect, it } from 'vitest';
import { clientKey } from './client-key';

const h = (xff?: string) => new Headers(xff ? { 'x-forwarded-for': xff } : {});

describe('clientKey', () => {
  it('uses the hop our proxy (or Next, from the socket) recorded, not client-supplied ones', () => {
    expect(clientKey(h('6.6.6.6, 203.0.113.9'))).toBe('203.0.113.9');
    expect(clientKey(h('203.0.113.9'))).toBe('203.0.113.9');
    expect(clientKey(h(' 6.6.6.6 ,, 10.0.0.5 '))).toBe('10.0.0.5');
  });

  it('falls back to one shared key when there is no header', () => {
    expect(clientKey(h())).toBe('unknown');
  });
});
