import { describe, expect, it } from 'vitest';
import { createMeterStore } from './meter-store';
import { SILENT_METERS } from './program-meters';

describe('createMeterStore', () => {
  it('hands every subscriber the new meters, and none after it unsubscribes', () => {
    const store = createMeterStore(SILENT_METERS);
    const seen: number[] = [];
    const stop = store.subscribe(() => seen.push(store.get().inputDb));
    store.update((m) => ({ ...m, inputDb: -12 }));
    expect(seen).toEqual([-12]);
    stop();
    store.update((m) => ({ ...m, inputDb: -6 }));
    expect(seen).toEqual([-12]);
    expect(store.get().inputDb).toBe(-6);
  });

  it('tells nobody when an update returns the same meters', () => {
    const store = createMeterStore(SILENT_METERS);
    let calls = 0;
    store.subscribe(() => calls++);
    store.update((m) => m);
    expect(calls).toBe(0);
  });
});
