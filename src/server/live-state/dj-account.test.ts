import { describe, expect, it } from 'vitest';
import { accountIdOf, sameDj } from './dj-account';

describe('accountIdOf / sameDj', () => {
  it('maps a DJ browser identity to its account, nothing else', () => {
    expect(accountIdOf('dj-u1')).toBe('u1');
    expect(accountIdOf('listener-x')).toBeNull();
    expect(accountIdOf('dj-')).toBeNull();
  });

  it('maps an OBS input to the same account, so browser and OBS count as one DJ', () => {
    expect(accountIdOf('ingress-rtmp-u1')).toBe('u1');
    expect(accountIdOf('ingress-srt-u1')).toBeNull();
    expect(sameDj('dj-u1', 'ingress-whip-u1')).toBe(true);
    expect(sameDj('ingress-rtmp-u2', 'dj-u1')).toBe(false);
  });

  it('compares accounts, not connections', () => {
    expect(sameDj('dj-u1', 'dj-u1')).toBe(true);
    expect(sameDj('dj-u1', 'dj-u2')).toBe(false);
    expect(sameDj('listener-a', 'listener-b')).toBe(false);
  });
});
