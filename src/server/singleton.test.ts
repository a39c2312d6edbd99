import { describe, expect, it } from 'vitest';
import { processSingleton } from './singleton';

describe('processSingleton', () => {
  it('creates a value once per key and hands out the same one after', () => {
    let created = 0;
    const make = () => ({ n: ++created });
    const a = processSingleton('test.a', make);
    expect(processSingleton('test.a', make)).toBe(a);
    expect(created).toBe(1);
    expect(processSingleton('test.b', make)).not.toBe(a);
    expect(created).toBe(2);
  });

  it('is shared through globalThis, so a second copy of the module sees the same values', () => {
    const value = processSingleton('test.shared', () => ({}));
    const key = Symbol.for('livekit-radio.process-singletons');
    const values = (globalThis as unknown as Record<symbol, Map<string, unknown> | undefined>)[key];
    expect(values?.get('test.shared')).toBe(value);
  });
});
