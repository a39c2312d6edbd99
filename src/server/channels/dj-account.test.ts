import { describe, expect, it } from 'vitest';
import { accountIdOf, sameDj } from './dj-account';

describe('accountIdOf / sameDj', () => {
  it('maps a DJ browser identity to its account, nothing else', () => {
    expect(accountIdOf('dj-u1')).toBe('u1');
    expect(accountIdOf('listener-x')).toBeNull();
    expect(accountIdOf('dj-')).toBeNull();
  });

  it('compares accounts, not connections', () => {
    expect(sameDj('dj-u1', 'dj-u1')).toBe(true);
    expect(sameDj('dj-u1', 'dj-u2')).toBe(false);
    expect(sameDj('listener-a', 'listener-b')).toBe(false);
  });
});
