import { describe, expect, it } from 'vitest';
import { TEARDOWN_BOUND_MS, teardownStep } from './teardown-plan';

const fresh = { stopRequested: false, elapsedMs: 0 };

describe('ingress teardown plan', () => {
  it('deletes an idle or failed ingress at once, and is done when it is already gone', () => {
    expect(teardownStep('idle', fresh)).toEqual({ do: 'delete', forced: false });
    expect(teardownStep('error', fresh)).toEqual({ do: 'delete', forced: false });
    expect(teardownStep(null, fresh)).toEqual({ do: 'done' });
  });

  it('stops an active ingress first and never deletes it while its session may still report', () => {
    expect(teardownStep('live', fresh)).toEqual({ do: 'stop' });
    expect(teardownStep('connecting', fresh)).toEqual({ do: 'stop' });
    expect(teardownStep('live', { stopRequested: true, elapsedMs: 100 })).toEqual({ do: 'wait' });
    expect(teardownStep('live', { stopRequested: true, elapsedMs: TEARDOWN_BOUND_MS - 1 })).toEqual({ do: 'wait' });
  });

  it('deletes once the session ended, or forced after the bound', () => {
    expect(teardownStep('idle', { stopRequested: true, elapsedMs: 800 })).toEqual({ do: 'delete', forced: false });
    expect(teardownStep('live', { stopRequested: true, elapsedMs: TEARDOWN_BOUND_MS })).toEqual({ do: 'delete', forced: true });
    expect(TEARDOWN_BOUND_MS).toBeLessThanOrEqual(5_000);
  });
});
