import { describe, it, expect } from 'vitest';
import { reconnectDelay, sleep } from './backoff';

describe('reconnectDelay', () => {
  it('starts around the base delay', () => {
    expect(reconnectDelay(0, {}, () => 0)).toBe(500);
    expect(reconnectDelay(0, {}, () => 1)).toBe(1_000);
  });
  it('grows exponentially', () => {
    expect(reconnectDelay(3, {}, () => 1)).toBe(8_000);
  });
  it('is capped', () => {
    expect(reconnectDelay(50, { maxMs: 30_000 }, () => 1)).toBe(30_000);
    expect(reconnectDelay(50, { maxMs: 30_000 }, () => 0)).toBe(15_000);
  });
  it('treats negative attempts as the first', () => {
    expect(reconnectDelay(-2, {}, () => 1)).toBe(1_000);
  });
});

describe('sleep', () => {
  it('resolves after the delay', async () => {
    await expect(sleep(1, new AbortController().signal)).resolves.toBeUndefined();
  });
  it('rejects when aborted', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error('stopped'));
    await expect(pending).rejects.toThrow('stopped');
  });
  it('rejects at once when already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(sleep(10, controller.signal)).rejects.toThrow('gone');
  });
});
