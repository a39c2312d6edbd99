import type { SlotRule } from './recurrence';

/** A one-hour, one-off slot rule at 22:00 Berlin on 2026-11-02 (21:00Z), for unit tests; `over` changes any field. */
export const slotRule = (over: Partial<SlotRule> = {}): SlotRule => ({
  id: 's1',
  title: 'Show',
  startLocal: '2026-11-02T22:00:00',
  timeZone: 'Europe/Berlin',
  durationSeconds: 3600,
  repeatWeeks: null,
  repeatUntil: null,
  hostIds: ['u1'],
  exceptions: [],
  ...over,
});
