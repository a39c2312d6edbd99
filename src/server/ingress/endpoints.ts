import 'server-only';
import type { IngressInfo } from 'livekit-server-sdk';
import type { IngressInputKind } from '@/types/room';
import type { IngressAvailability, IngressCreateRequest, IngressEndpoint } from '@/types/ingress';
import type { CurrentUser } from '../auth';
import { getDb, isUniqueViolation, type IngressEndpoint as Row } from '../db';
import { forbidden, notFound, unavailable } from '../http';
import { ingressAvailability } from './availability';
import { getIngressClient } from '../livekit';
import { LIVEKIT_INPUT, createOptions, toIngressStatus } from './options';
import { ingressMayPublish } from './policy';
import { stopThenDelete } from './teardown';

export function toView(row: Row, info: IngressInfo, availability: IngressAvailability): IngressEndpoint {
  return {
    id: row.id,
    channelId: row.channelId,
    inputType: row.inputType as IngressInputKind,
    serverUrl: info.url,
    streamKey: info.streamKey,
    status: toIngressStatus(info),
    enabled: info.enabled ?? true,
    availability,
    keyCreatedAt: row.keyCreatedAt.toISOString(),
  };
}

/** Creates the LiveKit ingress for a row's channel, DJ and input, enabled as the policy says now. */
export async function createAtLivekit(channelId: string, userId: string, input: IngressInputKind): Promise<IngressInfo> {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  const { allowed } = await ingressMayPublish(channelId, userId);
  return getIngressClient().createIngress(LIVEKIT_INPUT[input], createOptions(channelId, userId, input, user.name, allowed));
}

/**
 * Deletes at LiveKit; an active stream on it is stopped first and ends (within ~5 s),
 * so the delete never races its teardown (teardown.ts). Already gone counts as done.
 */
export async function deleteAtLivekit(ingressId: string): Promise<void> {
  await stopThenDelete(ingressId);
}

/**
 * The row's ingress as LiveKit has it. LiveKit keeps ingresses in Redis; if it lost
 * one (a Redis without persistence restarted) a new one is made, with a new key.
 */
async function livekitInfo(row: Row): Promise<{ row: Row; info: IngressInfo }> {
  const [info] = await getIngressClient()
    .listIngress({ ingressId: row.ingressId })
    .catch((err: unknown) => {
      if (/not.?found|does not exist/i.test(String(err))) return [];
      throw err;
    });
  if (info) return { row, info };
  const fresh = await createAtLivekit(row.channelId, row.userId, row.inputType as IngressInputKind);
  const updated = await getDb().ingressEndpoint.update({
    where: { id: row.id },
    data: { ingressId: fresh.ingressId, keyCreatedAt: new Date() },
  });
  return { row: updated, info: fresh };
}

export async function view(row: Row): Promise<IngressEndpoint> {
  const [current, availability] = await Promise.all([livekitInfo(row), ingressAvailability(row.channelId, row.userId)]);
  return toView(current.row, current.info, availability);
}

/** A row the actor may manage (their own, or any for admins); 404 otherwise, so ids reveal nothing. */
export async function ownedRow(actor: CurrentUser, id: string): Promise<Row> {
  const row = await getDb().ingressEndpoint.findUnique({ where: { id } });
  if (!row || (row.userId !== actor.id && actor.role !== 'admin')) throw notFound('No such OBS input.');
  return row;
}

/** A stream key is for the channels a DJ is listed on (admins: any); others get a 403 saying so. */
async function requireListed(actor: CurrentUser, channelId: string): Promise<void> {
  if (actor.role === 'admin') return;
  const listed = await getDb().channelDj.count({ where: { channelId, userId: actor.id } });
  if (listed === 0)
    throw forbidden('You are not listed as a DJ on this channel, so you cannot have an OBS input here. Ask an admin to add you.');
}

/** The OBS inputs of one DJ (the actor, or for admins any DJ) on a channel. */
export async function listEndpoints(actor: CurrentUser, channelId: string, userId = actor.id): Promise<IngressEndpoint[]> {
  if (userId !== actor.id && actor.role !== 'admin') throw forbidden('Only admins can see another DJ’s OBS inputs.');
  const rows = await getDb().ingressEndpoint.findMany({ where: { channelId, userId }, orderBy: { inputType: 'asc' } });
  return Promise.all(rows.map(view)).catch((err: unknown) => {
    // Keys live only in LiveKit: while it is unreachable say so, not "something went wrong".
    if (/fetch failed|ECONNREFUSED/i.test(`${String(err)} ${String((err as { cause?: unknown }).cause)}`)) {
      throw unavailable('LiveKit cannot be reached right now; your OBS inputs show again once it is back.', 5);
    }
    throw err;
  });
}

/** The actor's OBS input of this kind on the channel, made on first use. */
export async function createEndpoint(
  actor: CurrentUser,
  { channelId, inputType }: IngressCreateRequest,
): Promise<{ endpoint: IngressEndpoint; created: boolean }> {
  if ((await getDb().channel.count({ where: { id: channelId } })) === 0) throw notFound('No such channel.');
  await requireListed(actor, channelId);
  const key = { channelId, userId: actor.id, inputType };
  const existing = await getDb().ingressEndpoint.findUnique({ where: { channelId_userId_inputType: key } });
  if (existing) return { endpoint: await view(existing), created: false };

  const info = await createAtLivekit(channelId, actor.id, inputType);
  try {
    const row = await getDb().ingressEndpoint.create({ data: { ...key, ingressId: info.ingressId } });
    return { endpoint: toView(row, info, await ingressAvailability(channelId, actor.id)), created: true };
  } catch (err) {
    await deleteAtLivekit(info.ingressId);
    if (!isUniqueViolation(err)) throw err;
    // A concurrent request made it first: answer with that one.
    const winner = await getDb().ingressEndpoint.findUniqueOrThrow({ where: { channelId_userId_inputType: key } });
    return { endpoint: await view(winner), created: false };
  }
}

// Rotating, removing and deleting inputs record an action first: see ./actions.ts.
