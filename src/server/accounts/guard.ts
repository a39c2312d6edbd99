import 'server-only';
import { roleSchema } from '@/types/account';
import { getDb } from '../db';
import { conflict, notFound } from '../http';
import { type AdminChange, lastAdminRefusal } from './last-admin-plan';

// One change to who is an admin at a time in this (single) app process: two admins demoting
// each other at once must not both pass the count.
let queue: Promise<unknown> = Promise.resolve();

export function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn);
  queue = run.catch(() => undefined);
  return run;
}

/** Throws 404 for an unknown account, 409 when the change would leave no enabled admin. */
export async function assertNotLastAdmin(id: string, change: AdminChange): Promise<void> {
  const user = await getDb().user.findUnique({ where: { id }, select: { role: true, banned: true } });
  if (!user) throw notFound('No such account.');
  const target = { role: roleSchema.catch('dj').parse(user.role), disabled: user.banned === true };
  if (target.role !== 'admin' || target.disabled) return;
  const activeAdmins = await getDb().user.count({ where: { role: 'admin', NOT: { banned: true } } });
  const refusal = lastAdminRefusal(target, change, activeAdmins);
  if (refusal) throw conflict(refusal);
}
