import { describe, expect, it } from 'vitest';
import { opRates, parseDbOperations, totalRate } from './db-ops';

const scrape = (findMany: number, findFirst: number) =>
  [
    '# HELP radio_db_operations_total Prisma operations',
    '# TYPE radio_db_operations_total counter',
    `radio_db_operations_total{model="Broadcast",operation="findMany"} ${findMany}`,
    `radio_db_operations_total{model="Broadcast",operation="findFirst"} ${findFirst}`,
    'radio_db_operations_total{model="raw",operation="$queryRaw"} 7',
    'radio_sse_connections{stream="channel"} 3',
  ].join('\n');

describe('database operations from /metrics', () => {
  it('reads every model and operation, and nothing else', () => {
    expect([...parseDbOperations(scrape(10, 4))]).toEqual([
      ['Broadcast.findMany', 10],
      ['Broadcast.findFirst', 4],
      ['raw.$queryRaw', 7],
    ]);
  });

  it('gives the rates between two reads, busiest first, without the idle ones', () => {
    const rates = opRates(parseDbOperations(scrape(10, 4)), parseDbOperations(scrape(30, 44)), 10);
    expect(rates).toEqual([
      { op: 'Broadcast.findFirst', perSecond: 4 },
      { op: 'Broadcast.findMany', perSecond: 2 },
    ]);
    expect(totalRate(rates)).toBe(6);
  });
});
