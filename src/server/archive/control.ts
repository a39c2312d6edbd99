import 'server-only';
import { randomBytes } from 'node:crypto';
import type { SetChange, SetState } from '@/types/archive';
import { djUserId } from '@/types/room';
import { audit } from '../audit';
import type { CurrentUser } from '../auth';
import { getDb } from '../db';
import { parseHosts } from '../egress';
import { conflict, forbidden, notFound } from '../http';
import { TASKS, wake } from '../loop';
import { awaitingArchive, SET_STATE_FIELDS } from './archive-plan';

async function findSet(slug: string, id: string) {
  const row = await getDb().broadcast.findFirst({
    where: { id, channel: { slug }, deletedAt: null },
    select: {
      id: true,
      hosts: true,
      hiddenAt: true,
      hiddenPath: true,
      storagePath: true,
      autoDjPicked: true,
      ...SET_STATE_FIELDS,
      channel: { select: { id: true, name: true, archiveEnabled: true } },
    },
  });
  if (!row) throw notFound('No such set on this channel.');
  return row;
}

/** Whether the user was on air in the set (browser console or OBS input). */
const hostedBy = (hosts: string, userId: string) => parseHosts(hosts).some((h) => djUserId(h.identity) === userId);

/** Changes a set as asked (hidden, AutoDJ's list); the admin-only part first, so a DJ asking for both changes nothing. */
export async function changeSet(user: CurrentUser, slug: string, id: string, change: SetChange): Promise<SetState> {
  if (change.autoDj !== undefined) await setSetPicked(user, slug, id, change.autoDj);
  if (change.hidden !== undefined) await setSetHidden(user, slug, id, change.hidden);
  const row = await findSet(slug, id);
  return { hidden: row.hiddenAt !== null, autoDj: row.autoDjPicked };
}

/** Puts an archived (or archiving) set on the channel's AutoDJ list or takes any off (admins); AutoDJ looks again at once. */
async function setSetPicked(user: CurrentUser, slug: string, id: string, picked: boolean): Promise<void> {
  if (user.role !== 'admin') throw forbidden('Only admins choose the sets AutoDJ plays.');
  const row = await findSet(slug, id);
  if (!row.endedAt) throw conflict('This set is still on air.');
  if (row.autoDjPicked === picked) return;
  // Taking one off always works. AutoDJ plays recordings: a set goes on once archived or while on its way there.
  if (picked && !row.archivedAt && !awaitingArchive(row, row.channel.archiveEnabled)) {
    throw conflict('This set has no recording in the archive and will not get one: AutoDJ plays archived sets only.');
  }
  await getDb().broadcast.update({ where: { id }, data: { autoDjPicked: picked } });
  await audit({ actor: user, action: picked ? 'set.autodj_pick' : 'set.autodj_unpick', channel: row.channel, detail: `set ${id}` });
  wake(TASKS.autodj);
}

/**
 * Hides a set from the public archive (page, feed, search) or shows it again: one of its own DJs
 * or an admin. The row changes at once; the archive task then moves its objects to an unguessable
 * folder (and back), so an old public link stops working.
 */
async function setSetHidden(user: CurrentUser, slug: string, id: string, hidden: boolean): Promise<void> {
  const row = await findSet(slug, id);
  if (user.role !== 'admin' && !hostedBy(row.hosts, user.id)) throw forbidden('Only the DJs of this set and admins can hide it.');
  if (hidden === (row.hiddenAt !== null)) return;
  const hiddenPath = row.hiddenPath ?? `${row.storagePath}-h${randomBytes(16).toString('hex')}`;
  await getDb().broadcast.update({
    where: { id },
    data: hidden ? { hiddenAt: new Date(), hiddenPath } : { hiddenAt: null },
  });
  await audit({ actor: user, action: hidden ? 'set.hide' : 'set.show', channel: row.channel, detail: `set ${id}` });
  wake(TASKS.archive);
  wake(TASKS.autodj); // a replay of a set just hidden stops
}

/** Deletes an ended set (admins): gone from every page at once, its objects and row removed by the archive task. */
export async function deleteSet(user: CurrentUser, slug: string, id: string): Promise<void> {
  if (user.role !== 'admin') throw forbidden('Only admins can delete a set.');
  const row = await findSet(slug, id);
  if (!row.endedAt) throw conflict('This set is still on air.');
  await getDb().broadcast.update({ where: { id }, data: { deletedAt: new Date(), hiddenAt: row.hiddenAt ?? new Date() } });
  await audit({ actor: user, action: 'set.delete', channel: row.channel, detail: `set ${id}` });
  wake(TASKS.archive);
  wake(TASKS.autodj); // a replay of it stops
}
