import { describe, expect, it } from 'vitest';
import type { IngressAvailability, IngressEndpoint } from '@/types/ingress';
import { endpointFor, formatWhen, ingressBadge, ingressStatusText, removeEndpoint, upsertEndpoint } from './ingress-endpoints';

const ep = (inputType: 'rtmp' | 'whip', streamKey = 'k1'): IngressEndpoint => ({
  id: `id-${inputType}`,
  channelId: 'c1',
  inputType,
  serverUrl: 'rtmp://x',
  streamKey,
  status: 'idle',
  enabled: true,
  availability: { state: 'on_air' },
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

  it('says on air, waiting or refused from LiveKit state when the DJ is in their slot', () => {
    const onAir: IngressAvailability = { state: 'on_air' };
    expect(ingressStatusText({ status: 'live', enabled: true, availability: onAir })).toMatch(/on air/i);
    expect(ingressStatusText({ status: 'idle', enabled: true, availability: onAir })).toMatch(/waiting/i);
    expect(ingressStatusText({ status: 'idle', enabled: false, availability: onAir })).toMatch(/refused/i);
  });

  it('says why a push is refused outside a slot and from when OBS can connect (green room) and is heard', () => {
    const now = new Date(2026, 11, 2, 14, 0);
    const opens = new Date(2026, 11, 2, 20, 50);
    const start = new Date(2026, 11, 2, 21, 0);
    const notYet: IngressAvailability = {
      state: 'refused',
      reason: 'not_yet',
      opensAt: opens.toISOString(),
      slotStart: start.toISOString(),
      title: 'Night Set',
      until: null,
    };
    const text = ingressStatusText({ status: 'idle', enabled: false, availability: notYet }, now);
    expect(text).toMatch(/not your slot yet/);
    expect(text).toContain(`from ${formatWhen(opens.toISOString(), now)} (the green room)`);
    expect(text).toContain(`“Night Set” starts at ${formatWhen(start.toISOString(), now)}`);
    expect(formatWhen(opens.toISOString(), now)).not.toMatch(/Dec|Wed/); // today: the time alone
    expect(formatWhen(new Date(2026, 11, 9, 20, 50).toISOString(), now)).toMatch(/9/); // another day: with the date
    const none: IngressAvailability = { ...notYet, reason: 'no_slot', opensAt: null, slotStart: null, title: '' };
    expect(ingressStatusText({ status: 'idle', enabled: false, availability: none }, now)).toMatch(/no upcoming slot/);
    const kicked: IngressAvailability = { ...none, reason: 'kicked', until: start.toISOString() };
    expect(ingressStatusText({ status: 'idle', enabled: false, availability: kicked }, now)).toMatch(/admin took you off air/);
  });

  it('tells a DJ in the green room that OBS is connected but not heard until the slot start', () => {
    const green: IngressAvailability = { state: 'green_room', slotStart: new Date(2026, 11, 2, 21, 0).toISOString(), title: '' };
    const now = new Date(2026, 11, 2, 20, 55);
    expect(ingressStatusText({ status: 'idle', enabled: true, availability: green }, now)).toMatch(/start streaming in OBS now/);
    expect(ingressStatusText({ status: 'live', enabled: true, availability: green }, now)).toMatch(/green room: not on air yet/);
    expect(ingressBadge({ status: 'live', enabled: true, availability: green })).toMatchObject({
      state: 'green_room',
      label: 'Green room',
    });
  });
});

describe('ingressBadge', () => {
  it('shows refused before any LiveKit state, and on air in the live colour', () => {
    const onAir: IngressAvailability = { state: 'on_air' };
    expect(ingressBadge({ status: 'live', enabled: false, availability: onAir })).toMatchObject({ state: 'refused', tone: 'warning' });
    expect(ingressBadge({ status: 'live', enabled: true, availability: onAir })).toMatchObject({ state: 'live', tone: 'live' });
    expect(ingressBadge({ status: 'error', enabled: true, availability: onAir }).tone).toBe('danger');
    expect(ingressBadge({ status: 'idle', enabled: true, availability: onAir }).label).toBe('Idle');
  });
});
