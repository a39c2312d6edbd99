import { describe, expect, it } from 'vitest';
import { apiPaths } from './paths';

describe('apiPaths', () => {
  it('builds the routes with encoded segments', () => {
    expect(apiPaths.channelEvents('jazz')).toBe('/api/channels/jazz/events');
    expect(apiPaths.channelEvents('jazz', true)).toBe('/api/channels/jazz/events?hls=1');
    expect(apiPaths.setTempo('a b', 'x/y')).toBe('/api/channels/a%20b/broadcasts/x%2Fy/tempo');
    expect(apiPaths.ingressList('c1')).toBe('/api/livekit/ingress?channelId=c1');
    expect(apiPaths.schedule('jazz', new URLSearchParams({ from: 'a', to: 'b' }))).toBe('/api/channels/jazz/schedule?from=a&to=b');
    expect(apiPaths.admin.state()).toBe('/api/admin/events?once');
  });
});
