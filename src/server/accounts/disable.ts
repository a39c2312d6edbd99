import 'server-only';
import type { WebhookEvent } from 'livekit-server-sdk';
import { djUserId, channelRoom, ingressIdentity, INGRESS_INPUTS, parseChannelRoom, participantKind } from '@/types/room';
import type { ActionRow } from '../actions';
import { getDb } from '../db';
import { setIngressEnabled, getRoomService, djPermission, djIdentity } from '../livekit';

const gone = (err: unknown) => (err as { status?: unknown }).status === 404 || /not.?found|does not exist/i.test(String(err));

/** Every identity an account can publish under: its browser and each OBS input kind. */
export function identitiesOf(userId: string): string[] {
  return [djIdentity(userId), ...INGRESS_INPUTS.map((input) => ingressIdentity(input, userId))];
}

/** Takes an identity's rights first (its audio stops at once), then removes it; absent counts as done. */
async function cut(room: string, identity: string): Promise<void> {
  try {
    await getRoomService().updateParticipant(room, identity, { permission: djPermission(false) });
    await getRoomService().removeParticipant(room, identity);
  } catch (err) {
    if (!gone(err)) throw err;
  }
}

/**
 * The LiveKit side of disabling an account, run by the loop (idempotent): its OBS inputs refuse
 * pushes and every one of its publishers leaves every channel. Nothing if it was enabled again since.
 */
export async function finishDisable(action: ActionRow): Promise<void> {
  const userId = action.userId ?? '';
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { banned: true } });
  if (user && user.banned !== true) return;
  const rows = await getDb().ingressEndpoint.findMany({ where: { userId }, select: { ingressId: true } });
  await Promise.all(
    rows.map((r) => setIngressEnabled(r.ingressId, false).catch((err: unknown) => (gone(err) ? undefined : Promise.reject(err)))),
  );
  const rooms = new Set((await getRoomService().listRooms()).map((r) => r.name));
  const channels = await getDb().channel.findMany({ select: { id: true } });
  const present = channels.map((c) => channelRoom(c.id)).filter((room) => rooms.has(room));
  await Promise.all(present.flatMap((room) => identitiesOf(userId).map((identity) => cut(room, identity))));
}

/**
 * A DJ whose account is disabled or gone who joins anyway (a token minted before) is cut the
 * moment LiveKit reports it, without waiting for an enforcement pass. OBS inputs have the ingress guard.
 */
export async function refuseDisabledJoin(event: WebhookEvent): Promise<boolean> {
  if (event.event !== 'participant_joined' && event.event !== 'track_published') return false;
  const identity = event.participant?.identity ?? '';
  const room = event.room?.name ?? '';
  const userId = participantKind(identity) === 'dj' ? djUserId(identity) : null;
  if (!userId || !parseChannelRoom(room) || identity !== djIdentity(userId)) return false;
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { banned: true } });
  if (user && user.banned !== true) return false;
  await cut(room, identity).catch((err: unknown) =>
    console.warn('[accounts] could not cut a disabled DJ:', err instanceof Error ? err.message : err),
  );
  return true;
}
