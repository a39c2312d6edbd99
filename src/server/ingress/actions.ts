import 'server-only';
import type { IngressInputKind } from '@/types/room';
import type { IngressEndpoint } from '@/types/ingress';
import { type ActionRow, recordAction, settle } from '../actions';
import type { CurrentUser } from '../auth';
import { getDb } from '../db';
import { createAtLivekit, deleteAtLivekit, ownedRow, view } from './endpoints';

const actorOf = (user: CurrentUser) => ({ id: user.id, name: user.name });

/**
 * A new stream key. The intent is recorded first; the loop makes the new ingress, points the
 * row at it and deletes the old one (a stream still pushing with the old key ends). The answer
 * carries the new key once it exists, and the action's state.
 */
export async function rotateEndpoint(
  actor: CurrentUser,
  id: string,
  startedAt = Date.now(),
): Promise<{ endpoint: IngressEndpoint | null; action: ActionRow }> {
  const row = await ownedRow(actor, id);
  const pending = await getDb().pendingAction.findFirst({ where: { kind: 'rotate', targetId: row.id, status: 'pending' } });
  // A second click while the first rotation is pending joins it instead of making two keys.
  const action =
    pending ??
    (await recordAction({
      kind: 'rotate',
      channelId: row.channelId,
      userId: row.userId,
      ingressId: row.ingressId,
      targetId: row.id,
      actor: actorOf(actor),
    }));
  const settled = await settle(action, startedAt);
  const now = await getDb().ingressEndpoint.findUnique({ where: { id: row.id } });
  const fresh = now && now.ingressId !== action.ingressId;
  return { endpoint: fresh ? await view(now).catch(() => null) : null, action: settled };
}

/** The LiveKit side of a rotation (idempotent: a retry after the new ingress was made only deletes the old one). */
export async function finishRotate(action: ActionRow): Promise<void> {
  const old = action.ingressId ?? '';
  const row = await getDb().ingressEndpoint.findUnique({ where: { id: action.targetId ?? '' } });
  if (row && row.ingressId === old) {
    const info = await createAtLivekit(row.channelId, row.userId, row.inputType as IngressInputKind);
    const { count } = await getDb().ingressEndpoint.updateMany({
      where: { id: row.id, ingressId: old },
      data: { ingressId: info.ingressId, keyCreatedAt: new Date() },
    });
    // Someone else replaced or removed it meanwhile: the one made here is not needed.
    if (count === 0) await deleteAtLivekit(info.ingressId);
  }
  await deleteAtLivekit(old);
}

/** Removes an OBS input: the row goes now (the guard refuses its key from here on), LiveKit's ingress in the loop. */
export async function deleteEndpoint(actor: CurrentUser, id: string, startedAt = Date.now()): Promise<ActionRow> {
  const row = await ownedRow(actor, id);
  await getDb().ingressEndpoint.deleteMany({ where: { id: row.id } });
  const action = await recordAction({
    kind: 'remove',
    channelId: row.channelId,
    userId: row.userId,
    ingressId: row.ingressId,
    actor: actorOf(actor),
  });
  return settle(action, startedAt);
}

/** The LiveKit side of a removal; already gone counts as done. */
export async function finishRemove(action: ActionRow): Promise<void> {
  if (action.ingressId) await deleteAtLivekit(action.ingressId);
}

/** Ends every OBS input of a channel or an account before it is deleted (the rows cascade): recorded, then done by the loop. */
export async function deleteEndpointsOf(
  where: { channelId: string } | { userId: string },
  actor: { id: string; name: string } | null = null,
): Promise<void> {
  const rows = await getDb().ingressEndpoint.findMany({ where, select: { ingressId: true, channelId: true, userId: true } });
  for (const r of rows) await recordAction({ kind: 'remove', channelId: r.channelId, userId: r.userId, ingressId: r.ingressId, actor });
}
