import { describe, expect, it } from 'vitest';
import { LeaseLostError, type LoopTask, Supervisor } from './supervisor';

/** A manual clock: timers fire only when the test advances time. */
function fakeClock() {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      const id = ++seq;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id: unknown) => void timers.delete(id as number),
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await flush();
      }
      now = end;
    },
    pending: () => [...timers.values()].map((t) => t.at),
  };
}
const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function task(over: Partial<LoopTask> & { run: LoopTask['run'] }): LoopTask {
  return { name: 't', maxIntervalMs: 30_000, retryMs: 1_000, ...over };
}

describe('Supervisor', () => {
  it('runs every task at start, then at its safety interval', async () => {
    const clock = fakeClock();
    const runs: number[] = [];
    const sup = new Supervisor(clock, () => undefined);
    sup.register(task({ run: async (now) => (runs.push(now.getTime()), null) }));
    sup.start();
    await flush();
    await clock.advance(65_000);
    expect(runs).toEqual([0, 30_000, 60_000]);
  });

  it('wakes at the boundary a pass returns, just after it', async () => {
    const clock = fakeClock();
    const runs: number[] = [];
    const sup = new Supervisor(clock, () => undefined);
    sup.register(task({ run: async (now) => (runs.push(now.getTime()), now.getTime() < 5_000 ? new Date(5_000) : null) }));
    sup.start();
    await flush();
    await clock.advance(6_000);
    expect(runs).toEqual([0, 5_002]);
  });

  it('never overlaps passes; a wake during a pass runs one more pass right after', async () => {
    const clock = fakeClock();
    let active = 0;
    let maxActive = 0;
    let release: () => void = () => undefined;
    let calls = 0;
    const sup = new Supervisor(clock, () => undefined);
    sup.register(
      task({
        run: async () => {
          calls++;
          active++;
          maxActive = Math.max(maxActive, active);
          if (calls === 1) await new Promise<void>((r) => (release = r));
          active--;
          return null;
        },
      }),
    );
    sup.start();
    await flush();
    sup.wake('t');
    sup.wake('t');
    expect(calls).toBe(1);
    release();
    await flush();
    expect(calls).toBe(2);
    expect(maxActive).toBe(1);
  });

  it('retries a failing task soon, logs once per streak, and reports recovery', async () => {
    const clock = fakeClock();
    const logs: string[] = [];
    let fail = true;
    const runs: number[] = [];
    const sup = new Supervisor(clock, (m) => logs.push(m));
    sup.register(
      task({
        run: async (now) => {
          runs.push(now.getTime());
          if (fail) throw new Error('livekit down');
          return null;
        },
      }),
    );
    sup.start();
    await flush();
    await clock.advance(2_500);
    expect(runs).toEqual([0, 1_000, 2_000]);
    expect(sup.status()[0]).toMatchObject({ failing: true, lastError: 'livekit down' });
    fail = false;
    await clock.advance(1_000);
    expect(logs).toEqual(['[loop] t failed: livekit down', '[loop] t recovered']);
    expect(sup.status()[0]?.failing).toBe(false);
  });

  it('keeps tasks independent and stops cleanly', async () => {
    const clock = fakeClock();
    const seen: string[] = [];
    const sup = new Supervisor(clock, () => undefined);
    sup.register(task({ name: 'a', maxIntervalMs: 1_000, run: async () => (seen.push('a'), null) }));
    sup.register(task({ name: 'b', maxIntervalMs: 10_000, run: async () => (seen.push('b'), null) }));
    expect(() => sup.register(task({ name: 'a', run: async () => null }))).toThrow();
    sup.start();
    await flush();
    await clock.advance(2_000);
    expect(seen.filter((s) => s === 'a')).toHaveLength(3);
    expect(seen.filter((s) => s === 'b')).toHaveLength(1);
    sup.stop();
    expect(clock.pending()).toEqual([]);
  });

  it('runs a once-per-cluster task only under the lease, and releases what it held when the lease goes', async () => {
    const clock = fakeClock();
    let held = false;
    const seen: string[] = [];
    const sup = new Supervisor(
      clock,
      () => undefined,
      () => held,
    );
    sup.register(task({ name: 'everywhere', maxIntervalMs: 1_000, run: async () => (seen.push('everywhere'), null) }));
    sup.register(
      task({
        name: 'once',
        once: true,
        maxIntervalMs: 1_000,
        run: async () => (seen.push('once'), null),
        release: async () => void seen.push('release'),
      }),
    );
    sup.start();
    await flush();
    expect(seen).toEqual(['everywhere']);
    held = true;
    sup.leaseChanged();
    await flush();
    expect(seen).toEqual(['everywhere', 'once']);
    held = false;
    sup.leaseChanged();
    await flush();
    expect(seen).toEqual(['everywhere', 'once', 'release']);
    seen.length = 0;
    await clock.advance(2_000);
    expect(seen).toEqual(['everywhere', 'everywhere']); // stands by, releases only once
  });

  it('ends a pass that finds the lease gone without logging it as a failure streak, then releases', async () => {
    const clock = fakeClock();
    let held = true;
    const logs: string[] = [];
    let released = 0;
    const sup = new Supervisor(
      clock,
      (m) => logs.push(m),
      () => held,
    );
    sup.register(
      task({
        once: true,
        run: async () => {
          held = false; // lost while the pass ran; its next external call checks
          throw new LeaseLostError();
        },
        release: async () => void released++,
      }),
    );
    sup.start();
    await flush();
    expect(released).toBe(1);
    expect(sup.status()[0]?.failing).toBe(false);
    expect(logs).toEqual([]);
  });
});
