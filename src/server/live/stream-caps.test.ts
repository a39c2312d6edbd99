import { describe, expect, it } from 'vitest';
import { MAX_EVENT_STREAMS_PER_CLIENT, StreamCounter } from './stream-caps';

describe('StreamCounter', () => {
  it('holds at most the cap per client, frees a place on release (once), and keeps clients apart', () => {
    const c = new StreamCounter(2);
    const a = c.open('10.0.0.1');
    const b = c.open('10.0.0.1');
    expect(a && b).toBeTruthy();
    expect(c.open('10.0.0.1')).toBeNull();
    expect(c.open('2001:db8:1:2::/64')).not.toBeNull();
    a?.();
    a?.();
    expect(c.open('10.0.0.1')).not.toBeNull();
    expect(c.open('10.0.0.1')).toBeNull();
    expect(c.size).toBe(2);
  });

  it('allows tabs and a household, far from the thousand streams one client held', () => {
    expect(MAX_EVENT_STREAMS_PER_CLIENT).toBeGreaterThanOrEqual(16);
    expect(MAX_EVENT_STREAMS_PER_CLIENT).toBeLessThanOrEqual(64);
  });
});
