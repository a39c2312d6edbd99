import { describe, expect, it, vi } from 'vitest';
import { subscribe } from './hub';
import { streamsTask } from './task';

vi.mock('../loop', () => ({ TASKS: { streams: 'live-streams' }, wake: vi.fn() }));

describe('live stream hub', () => {
  it('computes a topic once per refresh for all its streams and sends only changes', async () => {
    let value = 1;
    const compute = vi.fn(async () => ({ value }));
    const a: string[] = [];
    const b: string[] = [];
    const offA = subscribe('t1', compute, (t) => a.push(t));
    const offB = subscribe('t1', compute, (t) => b.push(t));
    const task = streamsTask();
    await task.run(new Date());
    expect(compute).toHaveBeenCalledTimes(1);
    expect(a).toEqual(['event: state\ndata: {"value":1}\n\n']);
    expect(b).toEqual(a);

    await task.run(new Date());
    expect(a).toHaveLength(1); // unchanged: nothing sent
    value = 2;
    await task.run(new Date());
    expect(a.at(-1)).toBe('event: state\ndata: {"value":2}\n\n');

    // A late subscriber gets the cached state at once.
    const c: string[] = [];
    const offC = subscribe('t1', compute, (t) => c.push(t));
    expect(c).toEqual(['event: state\ndata: {"value":2}\n\n']);
    offA();
    offB();
    offC();
    compute.mockClear();
    await task.run(new Date());
    expect(compute).not.toHaveBeenCalled(); // no streams left: no work
  });

  it('sends a heartbeat comment to idle streams', async () => {
    vi.useFakeTimers();
    try {
      const sent: string[] = [];
      const off = subscribe(
        't2',
        async () => 'same',
        (t) => sent.push(t),
      );
      const task = streamsTask();
      await task.run(new Date());
      vi.advanceTimersByTime(16_000);
      await task.run(new Date());
      expect(sent).toEqual(['event: state\ndata: "same"\n\n', ': ping\n\n']);
      off();
    } finally {
      vi.useRealTimers();
    }
  });
});
