import 'server-only';
import type { ActionKind } from '@/types/action';
import { getDb } from '../db';
import { leaseHeld, type LoopTask, TASKS, wake } from '../loop';
import { afterFailure, plainMessage } from './retry-plan';
import { type ActionRow, notifySettled } from './store';

/**
 * Each kind's LiveKit side, owned by its area and handed in by the composition root
 * (src/server/runtime), so this area depends on none of them. Every one must be idempotent:
 * running it twice (a retry after a lost answer) is harmless.
 */
export type ActionHandlers = Record<ActionKind, (row: ActionRow) => Promise<void>>;

/** One attempt may not hold an action forever (a LiveKit that accepts connections but does not answer). */
const ATTEMPT_TIMEOUT_MS = 10_000;
const SAFETY_INTERVAL_MS = 15_000;

// Attempts running now: a slow one (an input waiting for its stream to end) must not hold back a kick.
const inFlight = new Set<string>();

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the LiveKit side took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function attempt(handlers: ActionHandlers, row: ActionRow): Promise<void> {
  const attempts = row.attempts + 1;
  if (!leaseHeld()) return; // the new holder's pass picks the row up (it is still pending)
  try {
    await withTimeout(handlers[row.kind as ActionKind](row), ATTEMPT_TIMEOUT_MS);
    await getDb().pendingAction.update({ where: { id: row.id }, data: { status: 'done', attempts, lastError: '' } });
  } catch (err) {
    const next = afterFailure(attempts, new Date());
    const lastError = plainMessage(err);
    console.warn(`[actions] ${row.kind} ${row.id} attempt ${attempts} failed (${next.status}): ${lastError}`);
    await getDb().pendingAction.update({ where: { id: row.id }, data: { ...next, attempts, lastError } });
  }
}

/**
 * One pass: starts every due action not already running (without waiting for them) and says
 * when the next one is due. Each finished attempt wakes the task again.
 */
export async function runDueActions(handlers: ActionHandlers, now: Date): Promise<Date | null> {
  const due = await getDb().pendingAction.findMany({
    where: { status: 'pending', nextAttemptAt: { lte: now }, id: { notIn: [...inFlight] } },
    orderBy: { createdAt: 'asc' },
    take: 50,
  });
  for (const row of due) {
    inFlight.add(row.id);
    void attempt(handlers, row)
      .catch((err: unknown) => console.warn('[actions] could not record an attempt:', plainMessage(err)))
      .finally(() => {
        inFlight.delete(row.id);
        notifySettled(row.id);
        wake(TASKS.actions);
      });
  }
  const next = await getDb().pendingAction.findFirst({
    where: { status: 'pending', id: { notIn: [...inFlight] } },
    orderBy: { nextAttemptAt: 'asc' },
    select: { nextAttemptAt: true },
  });
  return next?.nextAttemptAt ?? null;
}

/** Pending admin actions as a task of the one background loop: woken by every request that records one. */
export function actionsTask(handlers: ActionHandlers): LoopTask {
  return { name: TASKS.actions, maxIntervalMs: SAFETY_INTERVAL_MS, retryMs: 1_000, run: (now) => runDueActions(handlers, now) };
}
