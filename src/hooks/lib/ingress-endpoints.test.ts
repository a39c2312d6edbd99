import { describe, expect, it } from 'vitest';
import type { IngressEndpoint } from '@/types/ingress';
import { endpointFor, ingressBadge, ingressStatusText, removeEndpoint, upsertEndpoint } from './ingress-endpoints';

const ep = (inputType: 'rtmp' | 'whip', streamKey = 'k1'): IngressEndpoint => ({
  id: `id-${inputType}`,
  channelId: 'c1',
  inputType,
  serverUrl: 'rtmp://x',
  streamKey,
  status: 'idle',
  enabled: true,
  keyCreatedAt: '2026-01-01T00:00:00.000Z',
});

describe('ingress endpoint list', () => {
  it('adds, replaces by input type (a new key) and removes', () => {
    let list = upsertEndpoint([], ep('whip'));
    list = upsertEndpoint(list, ep('rtmp'));
    expect(list.map((e) => e.inputType)).toEqual(['rtmp', 'whip']);
    list = upsertEndpoint(list, ep('rtmp', 'k2'));
    expect(list).toHaveLength(2);
    expect(endpointFor(list, 'rtmp')?.streamKey).toBe('k2');
    expect(endpointFor(removeEndpoint(list, 'id-rtmp'), 'rtmp')).toBeNull();
  });

  it('says why a paused input refuses pushes before anything else', () => {
    expect(ingressStatusText('live', true)).toMatch(/on air/i);
    expect(ingressStatusText('idle', false)).toMatch(/refused/i);
    expect(ingressStatusText('idle', true)).toMatch(/waiting/i);
  });
});

describe('ingressBadge', () => {
  it('shows paused before any LiveKit state, and on air in the live colour', () => {
    expect(ingressBadge({ status: 'live', enabled: false })).toMatchObject({ state: 'paused', tone: 'warning' });
    expect(ingressBadge({ status: 'live', enabled: true })).toMatchObject({ state: 'live', tone: 'live' });
    expect(ingressBadge({ status: 'error', enabled: true }).tone).toBe('danger');
    expect(ingressBadge({ status: 'idle', enabled: true }).label).toBe('Idle');
  });
});
