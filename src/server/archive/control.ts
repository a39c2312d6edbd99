import 'server-only';
import { randomBytes } from 'node:crypto';
import { djUserId } from '@/types/room';
import { audit } from '../audit';
import type { CurrentUser } from '../auth';
import { getDb } from '../db';
import { parseHosts } from '../egress';
import { conflict, forbidden, notFound } from '../http';
import { TASKS, wake } from '../loop';

async function findSet(slug: string, id: string) {
  const row = await getDb().broadcast.findFirst({
    where: { id, channel: { slug }, deletedAt: null },
    select: {
      id: true,
      hosts: true,
      endedAt: true,
      hiddenAt: true,
      hiddenPath: true,
      storagePath: true,
      channel: { select: { id: true, name: true } },
    },
  });
  if (!row) throw notFound('No such set on this channel.');
  return row;
}

/** Whether the user was on air in the set (browser console or OBS input). */
const hostedBy = (hosts: string, userId: string) => parseHosts(hosts).some((h) => djUserId(h.identity) === userId);

/**
 * Hides a set from the public archive (page, feed, search) or shows it again: one of its own DJs
 * or an admin. The row changes at once; the archive task then moves its objects to an unguessable
 * folder (and back), so an old public link stops working.
 */
export async function setSetHidden(user: CurrentUser, slug: string, id: string, hidden: boolean): Promise<{ hidden: boolean }> {
  const row = await findSet(slug, id);
  if (user.role !== 'admin' && !hostedBy(row.hosts, user.id)) throw forbidden('Only the DJs of this set and admins can hide it.');
  if (hidden === (row.hiddenAt !== null)) return { hidden };
  const hiddenPath = row.hiddenPath ?? `${row.storagePath}-h${randomBytes(16).toString('hex')}`;
  await getDb().broadcast.update({
    where: { id },
    data: hidden ? { hiddenAt: new Date(), hiddenPath } : { hiddenAt: null },
  });
  await audit({ actor: user, action: hidden ? 'set.hide' : 'set.show', channel: row.channel, detail: `set ${id}` });
  wake(TASKS.archive);
  return { hidden };
}

/** Deletes an ended set (admins): gone from every page at once, its objects and row removed by the archive task. */
export async function deleteSet(user: CurrentUser, slug: string, id: string): Promise<void> {
  if (user.role !== 'admin') throw forbidden('Only admins can delete a set.');
  const row = await findSet(slug, id);
  if (!row.endedAt) throw conflict('This set is still on air.');
  await getDb().broadcast.update({ where: { id }, data: { deletedAt: new Date(), hiddenAt: row.hiddenAt ?? new Date() } });
  await audit({ actor: user, action: 'set.delete', channel: row.channel, detail: `set ${id}` });
  wake(TASKS.archive);
}
