import { outsideRequest } from '../log';
import { metrics } from '../metrics';
import { type Clock, realClock } from './clock';

/**
 * One supervised design for all background work (live-state reconcile, slot
 * enforcement, later egress supervision). Each task runs a pass, says when it
 * wants its next pass (a schedule boundary, or nothing), and is re-run at the
 * earlier of that and its safety interval. Passes of one task never overlap; a
 * wake() during a pass runs another pass right after; a failing pass is logged
 * once per streak and retried soon. State lives in the database, so a restart
 * loses nothing: every task runs once at start.
 */

export type LoopTask = {
  name: string;
  /** One pass. Returns when the task next needs to run, or null for "only at the safety interval". */
  run: (now: Date) => Promise<Date | null>;
  /** Longest sleep between passes: repairs what no event told us about. */
  maxIntervalMs: number;
  /** Sleep after a failed pass. */
  retryMs: number;
  /** Must not run twice in a cluster: runs only on the replica holding the lease (docs/scale-out.md). */
  once?: boolean;
  /** For a `once` task: lets go of what it holds (e.g. analysers in rooms) when this replica loses the lease. */
  release?: () => Promise<void>;
};

/** Thrown by assertLeaseHeld() in a `once` task's pass: the pass stops, and is not a failure. */
export class LeaseLostError extends Error {
  constructor() {
    super('this replica no longer holds the background-task lease');
    this.name = 'LeaseLostError';
  }
}

/** Timers only fire late, never early, but a boundary must be strictly past when the pass reads the clock. */
const BOUNDARY_SLACK_MS = 2;
/** setTimeout cannot wait longer than this. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type Slot = {
  task: LoopTask;
  timer: unknown;
  running: boolean;
  again: boolean;
  failing: boolean;
  passes: number;
  lastError: string | null;
  /** A `once` task that ran under the lease and has not released since. */
  acting: boolean;
};

export type TaskStatus = { name: string; passes: number; failing: boolean; lastError: string | null };

export class Supervisor {
  private readonly slots = new Map<string, Slot>();
  private started = false;

  constructor(
    private readonly clock: Clock = realClock,
    private readonly log: (msg: string) => void = (m) => console.warn(m),
    private readonly leaseHeld: () => boolean = () => true,
  ) {}

  register(task: LoopTask): void {
    if (this.slots.has(task.name)) throw new Error(`loop task ${task.name} registered twice`);
    const slot: Slot = { task, timer: null, running: false, again: false, failing: false, passes: 0, lastError: null, acting: false };
    this.slots.set(task.name, slot);
    if (this.started) this.runNow(slot);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const slot of this.slots.values()) this.runNow(slot);
  }

  stop(): void {
    this.started = false;
    for (const slot of this.slots.values()) this.clock.clearTimeout(slot.timer);
  }

  /** Runs a task as soon as possible (after its current pass, if one is running). */
  wake(name: string): void {
    const slot = this.slots.get(name);
    if (slot && this.started) this.runNow(slot);
  }

  /** The lease was gained or lost: `once` tasks run now (to take over, or to release what they hold). */
  leaseChanged(): void {
    for (const slot of this.slots.values()) if (slot.task.once) this.wake(slot.task.name);
  }

  status(): TaskStatus[] {
    return [...this.slots.values()].map((s) => ({ name: s.task.name, passes: s.passes, failing: s.failing, lastError: s.lastError }));
  }

  private runNow(slot: Slot): void {
    if (slot.running) {
      slot.again = true;
      return;
    }
    this.clock.clearTimeout(slot.timer);
    slot.timer = null;
    void outsideRequest(() => this.pass(slot));
  }

  private schedule(slot: Slot, delayMs: number): void {
    this.clock.clearTimeout(slot.timer);
    if (!this.started) return;
    slot.timer = this.clock.setTimeout(() => this.runNow(slot), Math.min(Math.max(0, delayMs), MAX_TIMER_MS));
  }

  /** A `once` task runs only under the lease; without it, it releases what it held and waits. */
  private async runOrStandBy(slot: Slot): Promise<Date | null> {
    if (slot.task.once && !this.leaseHeld()) {
      if (slot.acting) await slot.task.release?.();
      slot.acting = false;
      return null;
    }
    slot.acting = slot.task.once === true;
    return slot.task.run(new Date(this.clock.now()));
  }

  private failed(slot: Slot, err: unknown): void {
    // Not a failure: the lease moved on mid-pass; the next pass stands by and releases.
    if (err instanceof LeaseLostError) {
      slot.again = true;
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    // First failure of a streak only: a LiveKit outage would otherwise flood the log.
    if (!slot.failing) this.log(`[loop] ${slot.task.name} failed: ${message}`);
    slot.failing = true;
    slot.lastError = message;
  }

  private async pass(slot: Slot): Promise<void> {
    slot.running = true;
    slot.again = false;
    let delay = slot.task.maxIntervalMs;
    const startedAt = this.clock.now();
    try {
      const next = await this.runOrStandBy(slot);
      if (next) delay = Math.min(delay, next.getTime() - this.clock.now() + BOUNDARY_SLACK_MS);
      if (slot.failing) this.log(`[loop] ${slot.task.name} recovered`);
      slot.failing = false;
      slot.lastError = null;
    } catch (err) {
      this.failed(slot, err);
      delay = Math.min(delay, slot.task.retryMs);
    } finally {
      metrics.loopPass(slot.task.name, (this.clock.now() - startedAt) / 1000, slot.failing);
      slot.passes += 1;
      slot.running = false;
    }
    if (slot.again) this.runNow(slot);
    else this.schedule(slot, delay);
  }
}
