// Every stack's ports are its own: no two services of one stack share a port, and stacks at
// different offsets (side-by-side lanes of make test) share none.
import { describe, expect, it } from 'vitest';
import { clusterPortNames } from './cluster';
import { tlsPortNames } from './caddy';
import { hlsPorts } from './hls';
import { ingressPortNames } from './ingress';
import { type StackLayout, stackLayout } from './layout';

/** Every TCP port of a stack, with those derived from the layout: LiveKit's Prometheus (signal + 4), MinIO's and egress's (hlsPorts). */
function tcpPorts(p: StackLayout): number[] {
  const own = [p.app, p.signal, p.rtcTcp, p.redis, p.control, p.metrics, p.appRedis, p.signal + 4];
  const hls = Object.values(hlsPorts(p.hlsBase));
  return [
    ...own,
    ...hls,
    ...Object.values(ingressPortNames(p.ingress)),
    ...Object.values(tlsPortNames(p.tls)),
    ...Object.values(clusterPortNames(p.cluster)),
  ];
}

const OFFSETS = ['0', '100', '200', '300', '400', '500', '600', '700', '800'];

describe('stackLayout', () => {
  it('gives every service its own port, and no port to two offsets', () => {
    const all = OFFSETS.flatMap((o) => tcpPorts(stackLayout(o)));
    expect(new Set(all).size).toBe(all.length);
  });

  it('shifts every port by the offset; unset is 0', () => {
    const base = stackLayout(undefined);
    const shifted = stackLayout('300');
    expect(base.app).toBe(3100);
    expect(tcpPorts(shifted)).toEqual(tcpPorts(base).map((p) => p + 300));
    expect(shifted.udpRange).toEqual([50400, 50499]);
    expect(shifted.ingress.udp).toEqual([51400, 51409]);
  });

  it('refuses an offset outside 0, 100, ... 800', () => {
    for (const bad of ['50', '-100', '900', 'x', '1e2.5']) expect(() => stackLayout(bad)).toThrow(/STACK_PORT_OFFSET/);
  });
});
