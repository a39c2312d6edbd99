import { describe, expect, it } from 'vitest';
import { firstPerKey, inChunks, tickBatch } from './tick-batch';

describe('tickBatch', () => {
  it('answers the reads of one turn with one load of their distinct keys, and later reads with another', async () => {
    const loads: string[][] = [];
    const read = tickBatch(async (keys: string[]) => (loads.push(keys), new Map(keys.map((k) => [k, k.length]))));
    expect(await Promise.all([read('a'), read('bb'), read('a'), read('ccc')])).toEqual([1, 2, 1, 3]);
    expect(await read('dddd')).toBe(4);
    expect(loads).toEqual([['a', 'bb', 'ccc'], ['dddd']]);
  });

  it('answers undefined for a key the load left out, and rejects the whole batch when the load fails', async () => {
    const read = tickBatch(async (keys: string[]) => new Map(keys.filter((k) => k !== 'gone').map((k) => [k, 1])));
    expect(await Promise.all([read('here'), read('gone')])).toEqual([1, undefined]);
    let fail = true;
    const flaky = tickBatch(async (keys: string[]) => {
      if (fail) throw new Error('database down');
      return new Map(keys.map((k) => [k, 0]));
    });
    await expect(Promise.all([flaky('x'), flaky('y')])).rejects.toThrow('database down');
    fail = false;
    expect(await flaky('x')).toBe(0);
  });

  it('keeps the first row of each key, in the order the rows came', () => {
    const rows = [
      { ch: 'a', n: 1 },
      { ch: 'b', n: 2 },
      { ch: 'a', n: 3 },
    ];
    expect([...firstPerKey(rows, (r) => r.ch)]).toEqual([
      ['a', { ch: 'a', n: 1 }],
      ['b', { ch: 'b', n: 2 }],
    ]);
    expect(firstPerKey([], (r: { ch: string }) => r.ch).size).toBe(0);
  });

  it('reads in parts of at most the chunk size, every key once, rows in order', async () => {
    const parts: number[][] = [];
    const keys = Array.from({ length: 7 }, (_, i) => i);
    const rows = await inChunks(keys, async (part) => (parts.push(part), part.map((k) => k * 10)), 3);
    expect(parts).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(rows).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(await inChunks([], async () => [1])).toEqual([]);
  });
});
