import { describe, expect, it } from 'vitest';
import { CLIENT_IP_HEADER } from '@/lib/client-address';
import { clientGroupKey, clientKey } from './client-key';

describe('clientKey', () => {
  it('uses the address our server resolved, not X-Forwarded-For', () => {
    expect(clientKey(new Headers({ [CLIENT_IP_HEADER]: '203.0.113.9', 'x-forwarded-for': '6.6.6.6' }))).toBe('203.0.113.9');
  });

  it('falls back to one shared key when the app was started without our server', () => {
    expect(clientKey(new Headers({ 'x-forwarded-for': '6.6.6.6' }))).toBe('unknown');
  });

  it('groups per client for caps: an IPv6 /64 is one client, an IPv4 address is one', () => {
    expect(clientGroupKey(new Headers({ [CLIENT_IP_HEADER]: '2001:db8:5:6::abcd' }))).toBe('2001:db8:5:6::/64');
    expect(clientGroupKey(new Headers({ [CLIENT_IP_HEADER]: '2001:db8:5:6:1:2:3:4' }))).toBe('2001:db8:5:6::/64');
    expect(clientGroupKey(new Headers({ [CLIENT_IP_HEADER]: '203.0.113.9' }))).toBe('203.0.113.9');
  });
});
