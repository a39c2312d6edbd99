import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPolling } from './poll';

afterEach(() => vi.useRealTimers());

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('startPolling', () => {
  it('polls after each interval, never overlapping, until stopped', async () => {
    vi.useFakeTimers();
    let resolve: (n: number) => void = () => undefined;
    const load = vi.fn(() => new Promise<number>((r) => (resolve = r)));
    const seen: number[] = [];
    const stop = startPolling({ load, intervalMs: 1_000, onData: (n) => seen.push(n) });
    expect(load).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000); // still in flight: no second request
    expect(load).toHaveBeenCalledTimes(1);
    resolve(1);
    await flush();
    expect(seen).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(load).toHaveBeenCalledTimes(2);
    stop();
    resolve(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(seen).toEqual([1]);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('polls at once when asked, reports errors and keeps going, and stops on `until`', async () => {
    vi.useFakeTimers();
    const answers: Array<number | Error> = [new Error('down'), 1, 2];
    const load = vi.fn(async () => {
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next ?? 0;
    });
    const errors: unknown[] = [];
    const seen: number[] = [];
    startPolling({
      load,
      intervalMs: 100,
      immediate: true,
      onData: (n) => seen.push(n),
      onError: (e) => errors.push(e),
      until: (n) => n === 2,
    });
    await flush();
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(seen).toEqual([1, 2]);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('stops after a failure with stopOnError, and aborts the request in flight on stop', async () => {
    vi.useFakeTimers();
    const failing = vi.fn(async () => Promise.reject(new Error('down')));
    startPolling({ load: failing, intervalMs: 100, immediate: true, onData: () => undefined, stopOnError: true });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(failing).toHaveBeenCalledTimes(1);

    let signal: AbortSignal | undefined;
    const onError = vi.fn();
    const stop = startPolling({
      load: (s) => ((signal = s), new Promise<number>((_, reject) => s.addEventListener('abort', () => reject(new Error('aborted'))))),
      intervalMs: 100,
      immediate: true,
      onData: () => undefined,
      onError,
    });
    stop();
    await flush();
    expect(signal?.aborted).toBe(true);
    expect(onError).not.toHaveBeenCalled();
  });
});
