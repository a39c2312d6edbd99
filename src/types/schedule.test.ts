import { describe, expect, it } from 'vitest';
import { localDateSchema, localDateTimeSchema, slotInputSchema } from './schedule';

describe('schedule bounds', () => {
  it('accepts local times within the years a station schedules', () => {
    expect(localDateTimeSchema.parse('2026-11-22T22:00')).toBe('2026-11-22T22:00:00');
    expect(localDateSchema.parse('2999-12-31')).toBe('2999-12-31');
  });

  it('refuses years a schedule cannot mean, with a message naming the years', () => {
    for (const v of ['9999-12-25T00:00', '3000-01-01T00:00', '1999-12-31T23:00', '0001-01-01T00:00']) {
      const r = localDateTimeSchema.safeParse(v);
      expect(r.success, v).toBe(false);
      expect(r.error?.issues.map((i) => i.message).join(' ')).toMatch(/year from 2000 to 2999/i);
    }
    expect(localDateSchema.safeParse('9999-01-01').success).toBe(false);
    const slot = slotInputSchema.safeParse({
      start: '9999-12-25T00:00',
      durationSeconds: 3600,
      hostIds: ['u1'],
      repeat: { everyWeeks: 1 },
    });
    expect(slot.success).toBe(false);
  });
});
