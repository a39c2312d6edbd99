import 'server-only';
import type { ActionKind, ActionState, ActionView } from '@/types/action';
import { getDb, type PendingAction } from '../db';
import { TASKS, wake } from '../loop';
import { notFound } from '../http';
import { processSingleton } from '../singleton';
import { settleBudgetMs } from './retry-plan';

export type ActionRow = PendingAction;
export type ActionInput = {
  kind: ActionKind;
  channelId?: string | null;
  userId?: string | null;
  ingressId?: string | null;
  targetId?: string | null;
  actor: { id: string; name: string } | null;
};

export function toActionView(row: ActionRow): ActionView {
  return {
    id: row.id,
    kind: row.kind as ActionKind,
    status: row.status as ActionState,
    attempts: row.attempts,
    lastError: row.lastError || null,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Records an action's intent before LiveKit is asked, and wakes the loop to do it now. An
 * identical action still pending is reused, so a double click or a retried request does it once.
 */
export async function recordAction(input: ActionInput): Promise<ActionRow> {
  const key = { kind: input.kind, channelId: input.channelId ?? null, userId: input.userId ?? null, ingressId: input.ingressId ?? null };
  const row =
    (await getDb().pendingAction.findFirst({ where: { ...key, targetId: input.targetId ?? null, status: 'pending' } })) ??
    (await getDb().pendingAction.create({
      data: { ...key, targetId: input.targetId ?? null, actorId: input.actor?.id ?? null, actorName: input.actor?.name ?? 'station' },
    }));
  wake(TASKS.actions);
  return row;
}

// Requests waiting for the loop to finish an action: a process singleton, since requests wait in
// route handlers and the loop settles in instrumentation (a request that misses the news still reads the row).
const waiters = processSingleton('actions.waiters', () => new Map<string, Set<() => void>>());

/** Called by the task when an attempt ends, whatever its outcome. */
export function notifySettled(id: string): void {
  for (const resolve of waiters.get(id) ?? []) resolve();
  waiters.delete(id);
}

/**
 * Waits for the loop's first attempt at an action, but only so long that the request still
 * answers within a second of `startedAt`; then the action's state as it is.
 */
export async function settle(row: ActionRow, startedAt: number): Promise<ActionRow> {
  const budget = settleBudgetMs(startedAt, Date.now());
  if (budget > 0 && row.status === 'pending' && row.attempts === 0) {
    let done = () => {};
    const settled = new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), budget);
      const set = waiters.get(row.id) ?? new Set();
      done = () => {
        clearTimeout(timer);
        set.delete(done);
        resolve();
      };
      set.add(done);
      waiters.set(row.id, set);
    });
    // The attempt may have ended before the waiter was registered.
    const now = await getDb().pendingAction.findUnique({ where: { id: row.id } });
    if (!now || now.attempts > 0 || now.status !== 'pending') done();
    await settled;
  }
  return (await getDb().pendingAction.findUnique({ where: { id: row.id } })) ?? row;
}

/** One action, as its actor, the account it concerns, or an admin may see it. */
export async function getAction(id: string, viewer: { id: string; role: string }): Promise<ActionRow | null> {
  const row = await getDb().pendingAction.findUnique({ where: { id } });
  if (!row) return null;
  if (viewer.role === 'admin' || row.actorId === viewer.id || (row.userId === viewer.id && row.kind !== 'kick' && row.kind !== 'disable'))
    return row;
  return null;
}

/** Puts a failed (or stuck pending) action back in the queue, due now. A done one stays done. */
export async function requeue(row: ActionRow): Promise<ActionRow> {
  if (row.status === 'done') return row;
  const updated = await getDb().pendingAction.update({
    where: { id: row.id },
    data: { status: 'pending', attempts: 0, nextAttemptAt: new Date() },
  });
  wake(TASKS.actions);
  return updated;
}

/** Actions not done yet, newest first: for the admin page. */
export async function unfinishedActions(limit = 20): Promise<ActionRow[]> {
  return getDb().pendingAction.findMany({ where: { status: { in: ['pending', 'failed'] } }, orderBy: { createdAt: 'desc' }, take: limit });
}

/** Retry of one action by someone who may see it; answers once the first new attempt ended or the second is nearly up. */
export async function retryAction(id: string, viewer: { id: string; role: string }, startedAt: number): Promise<ActionRow> {
  const row = await getAction(id, viewer);
  if (!row) throw notFound('No such action.');
  return settle(await requeue(row), startedAt);
}
