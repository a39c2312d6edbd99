import { describe, expect, it } from 'vitest';
import { RESTOP_MS, singleFlight, TEARDOWN_BOUND_MS, teardownStep } from './teardown-plan';

const fresh = { elapsedMs: 0, sinceStopMs: null };

describe('ingress teardown plan', () => {
  it('deletes an idle or failed ingress at once, and is done when it is already gone', () => {
    expect(teardownStep('idle', fresh)).toEqual({ do: 'delete', forced: false });
    expect(teardownStep('error', fresh)).toEqual({ do: 'delete', forced: false });
    expect(teardownStep(null, fresh)).toEqual({ do: 'done' });
  });

  it('stops an active ingress first and never deletes it while its session may still report', () => {
    expect(teardownStep('live', fresh)).toEqual({ do: 'stop' });
    expect(teardownStep('connecting', fresh)).toEqual({ do: 'stop' });
    expect(teardownStep('live', { elapsedMs: 300, sinceStopMs: 100 })).toEqual({ do: 'wait' });
    expect(teardownStep('connecting', { elapsedMs: 900, sinceStopMs: RESTOP_MS - 1 })).toEqual({ do: 'wait' });
  });

  it('sends the stop again when a session outlives it (a stop during start-up reaches no handler)', () => {
    expect(teardownStep('live', { elapsedMs: 1_200, sinceStopMs: RESTOP_MS })).toEqual({ do: 'stop' });
    expect(RESTOP_MS).toBeLessThan(TEARDOWN_BOUND_MS);
  });

  it('deletes once the session ended, or forced after the bound', () => {
    expect(teardownStep('idle', { elapsedMs: 800, sinceStopMs: 600 })).toEqual({ do: 'delete', forced: false });
    expect(teardownStep('live', { elapsedMs: TEARDOWN_BOUND_MS, sinceStopMs: 200 })).toEqual({ do: 'delete', forced: true });
    expect(TEARDOWN_BOUND_MS).toBeLessThanOrEqual(5_000);
  });
});

describe('singleFlight', () => {
  it('lets a second delete of one ingress join the first instead of running again, and forgets it once done', async () => {
    const inFlight = new Map<string, Promise<void>>();
    let runs = 0;
    let finish = () => {};
    const run = () => {
      runs += 1;
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    };
    const first = singleFlight(inFlight, 'IN_a', run);
    const second = singleFlight(inFlight, 'IN_a', run);
    expect(second).toBe(first);
    expect(runs).toBe(1);
    expect(inFlight.has('IN_a')).toBe(true);
    finish();
    await Promise.all([first, second]);
    expect(inFlight.has('IN_a')).toBe(false);
    await singleFlight(inFlight, 'IN_a', async () => {
      runs += 1;
    });
    expect(runs).toBe(2);
  });

  it('shares a failure with every caller and still forgets the run', async () => {
    const inFlight = new Map<string, Promise<void>>();
    const failing = singleFlight(inFlight, 'IN_b', () => Promise.reject(new Error('LiveKit down')));
    const joined = singleFlight(inFlight, 'IN_b', () => Promise.resolve());
    await expect(failing).rejects.toThrow('LiveKit down');
    await expect(joined).rejects.toThrow('LiveKit down');
    expect(inFlight.has('IN_b')).toBe(false);
  });
});
