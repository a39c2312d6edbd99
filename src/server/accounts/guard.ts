import 'server-only';
import { roleSchema } from '@/types/account';
import { getDb } from '../db';
import { conflict, notFound, unavailable } from '../http';
import { withLock } from '../redis';
import { type AdminChange, lastAdminRefusal } from './last-admin-plan';

// One change to who is an admin at a time, across replicas (the shared lock, src/server/redis):
// two admins demoting each other at once must not both pass the count.
export function serialised<T>(fn: () => Promise<T>): Promise<T> {
  return withLock('accounts:admins', fn, () => unavailable('Accounts are being changed elsewhere; try again in a moment.', 2));
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
