import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@/types/audit';
import { AUDIT_LABELS, formatInstant, splitInstants } from './audit-format';

describe('audit formatting', () => {
  it('cuts UTC instants out of a detail text', () => {
    expect(splitInstants('DJ Ana; blocked until 2026-12-03T17:00:00.000Z')).toEqual([
      { text: 'DJ Ana; blocked until ' },
      { instant: '2026-12-03T17:00:00.000Z' },
    ]);
    expect(splitInstants('“Late” 2026-12-03T17:00:00 Europe/Berlin')).toEqual([{ text: '“Late” 2026-12-03T17:00:00 Europe/Berlin' }]);
    expect(splitInstants('')).toEqual([]);
  });

  it('formats an instant in the given zone', () => {
    expect(formatInstant('2026-12-03T17:00:00.000Z', 'America/New_York')).toBe('3 Dec 2026, 12:00:00');
    expect(formatInstant('2026-07-03T17:00:00.000Z', 'Europe/London')).toBe('3 Jul 2026, 18:00:00');
  });

  it('has a label for every action', () => {
    for (const a of AUDIT_ACTIONS) expect(AUDIT_LABELS[a]).toMatch(/\w/);
  });
});
