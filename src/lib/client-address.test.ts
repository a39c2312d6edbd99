import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('uses the socket peer and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientAddress('203.0.113.9', '6.6.6.6', 0)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:127.0.0.2', undefined, 0)).toBe('127.0.0.2');
  });

  it('takes the hop our proxy appended, never what the client wrote before it', () => {
    expect(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', '203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', ['1.1.1.1, 7.7.7.7', '203.0.113.9'], 1)).toBe('203.0.113.9');
  });

  it('walks back as many hops as there are trusted proxies', () => {
    expect(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
  });

  it('falls back to the leftmost entry when the chain is shorter than the trusted hops', () => {
    expect(clientAddress('10.0.0.1', undefined, 1)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', '203.0.113.9', 3)).toBe('203.0.113.9');
  });

  it('never returns an empty key', () => {
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });
});
