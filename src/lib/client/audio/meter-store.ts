import type { ProgramMeters } from './program-meters';

/**
 * The program meters as a small external store: the level worklet reports about 30 times a
 * second, and only the components that draw meters subscribe (`useSyncExternalStore`), so the
 * rest of the DJ console does not re-render with every report.
 */
export type MeterStore = {
  get: () => ProgramMeters;
  subscribe: (listener: () => void) => () => void;
  update: (next: (meters: ProgramMeters) => ProgramMeters) => void;
};

export function createMeterStore(initial: ProgramMeters): MeterStore {
  let meters = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => meters,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update: (next) => {
      const changed = next(meters);
      if (changed === meters) return;
      meters = changed;
      for (const listener of listeners) listener();
    },
  };
}
