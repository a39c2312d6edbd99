import { describe, expect, it } from 'vitest';
import { clientAddress, clientGroup } from './client-address';

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

describe('clientGroup', () => {
  it('groups an IPv6 address by its /64: every address of one network is one client', () => {
    expect(clientGroup('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientGroup('2001:0db8:0001:0002:ffff:eeee:dddd:cccc')).toBe('2001:db8:1:2::/64');
    expect(clientGroup('2001:DB8:1:2:a:b:c:d')).toBe('2001:db8:1:2::/64');
    expect(clientGroup('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(clientGroup('::1')).toBe('0:0:0:0::/64');
    expect(clientGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientGroup('2001:db8:1:3::1')).not.toBe(clientGroup('2001:db8:1:2::1'));
  });

  it('keeps an IPv4 address (also one written as IPv6) and anything unparsable as it is', () => {
    expect(clientGroup('203.0.113.9')).toBe('203.0.113.9');
    expect(clientGroup('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientGroup('unknown')).toBe('unknown');
  });
});
