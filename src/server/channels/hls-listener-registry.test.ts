import { describe, expect, it } from 'vitest';
import { HlsListenerRegistry, MAX_STREAMS_PER_ADDRESS } from './hls-listener-registry';

describe('HlsListenerRegistry', () => {
  it('counts open streams per channel until they close', () => {
    const r = new HlsListenerRegistry();
    const a = r.open('c1', '10.0.0.1');
    const b = r.open('c1', '10.0.0.2');
    r.open('c2', '10.0.0.1');
    expect(r.count('c1')).toBe(2);
    expect(r.count('c2')).toBe(1);
    expect(r.count('c3')).toBe(0);
    a?.();
    a?.(); // closing twice (abort and cancel) releases once
    expect(r.count('c1')).toBe(1);
    b?.();
    expect(r.count('c1')).toBe(0);
  });

  it('caps the streams one address adds to a channel, and frees a place when one closes', () => {
    const r = new HlsListenerRegistry();
    const releases = Array.from({ length: MAX_STREAMS_PER_ADDRESS }, () => r.open('c1', 'nat'));
    expect(releases.every((x) => x !== null)).toBe(true);
    expect(r.open('c1', 'nat')).toBeNull();
    expect(r.count('c1')).toBe(MAX_STREAMS_PER_ADDRESS);
    // Another channel and another address are not affected.
    expect(r.open('c2', 'nat')).not.toBeNull();
    expect(r.open('c1', 'other')).not.toBeNull();
    releases[0]?.();
    expect(r.open('c1', 'nat')).not.toBeNull();
    expect(r.count('c1')).toBe(MAX_STREAMS_PER_ADDRESS + 1);
  });
});
