import { describe, expect, it } from 'vitest';
import { shapeMismatch, tableOrder, targetDecision, toPostgres } from './move-plan';

describe('move-plan', () => {
  it('orders tables after the tables their foreign keys point to', () => {
    const order = tableOrder(
      ['track', 'broadcast', 'channel', 'user', 'channel_dj'],
      [
        { child: 'track', parent: 'broadcast' },
        { child: 'broadcast', parent: 'channel' },
        { child: 'channel_dj', parent: 'channel' },
        { child: 'channel_dj', parent: 'user' },
        { child: 'user', parent: 'user' },
      ],
    );
    expect(order.indexOf('broadcast')).toBeGreaterThan(order.indexOf('channel'));
    expect(order.indexOf('track')).toBeGreaterThan(order.indexOf('broadcast'));
    expect(order.indexOf('channel_dj')).toBeGreaterThan(order.indexOf('user'));
    expect(() =>
      tableOrder(
        ['a', 'b'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toThrow(/cycle/);
  });

  it('names every table and column one side lacks', () => {
    expect(shapeMismatch([{ table: 't', columns: ['a', 'b'] }], [{ table: 't', columns: ['b', 'a'] }])).toBeNull();
    const mismatch = shapeMismatch(
      [{ table: 't', columns: ['a'] }],
      [
        { table: 't', columns: ['a', 'new'] },
        { table: 'u', columns: [] },
      ],
    );
    expect(mismatch).toBe('t.new is not in SQLite; table u is not in SQLite');
  });

  it('refuses a target with rows', () => {
    expect(targetDecision({ user: 0, channel: 0 })).toEqual({ ok: true });
    expect(targetDecision({ user: 2, channel: 0 })).toEqual({ ok: false, reason: expect.stringMatching(/2 user\)/) });
  });

  it('converts SQLite values to the PostgreSQL column type', () => {
    expect(toPostgres(1, 'boolean')).toBe(true);
    expect(toPostgres(0, 'boolean')).toBe(false);
    expect(toPostgres(null, 'boolean')).toBeNull();
    // Prisma's epoch milliseconds, its ISO text, and CURRENT_TIMESTAMP's zone-less UTC text.
    const utc = '2026-06-01 12:34:56.789';
    expect(toPostgres(Date.parse('2026-06-01T12:34:56.789Z'), 'timestamp without time zone')).toBe(utc);
    expect(toPostgres('2026-06-01T12:34:56.789+00:00', 'timestamp without time zone')).toBe(utc);
    expect(toPostgres('2026-06-01T14:34:56.789+02:00', 'timestamp without time zone')).toBe(utc);
    expect(toPostgres('2026-06-01 12:34:56', 'timestamp without time zone')).toBe('2026-06-01 12:34:56.000');
    expect(() => toPostgres('soon', 'timestamp without time zone')).toThrow(/not a timestamp/);
    expect(toPostgres('x', 'text')).toBe('x');
  });
});
