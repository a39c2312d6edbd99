import 'server-only';
import { assertLeaseHeld } from '../loop';
import { parseChannelRoom, parseIngressIdentity } from '@/types/room';
import { getDb } from '../db';
import { getIngressClient, setIngressEnabled } from '../livekit';
import { deleteAtLivekit } from './endpoints';
import { hasPublishMutedMarker, PUBLISH_MUTED_METADATA, toIngressStatus } from './options';
import { ingressMayPublish } from './policy';
import { isBeingDeleted } from './teardown';
import { type GreenRoomInput, watchGreenRoom } from './green-room';

/** Orphans seen on the previous pass: one pass of grace covers an ingress created a moment before its row. */
let suspects = new Set<string>();

/**
 * One pass of ingress supervision, run by the background loop: each DJ's OBS
 * inputs are enabled exactly while the DJ may publish or waits in the green room (a disabled
 * ingress refuses pushes, disabling an active one ends its stream; green-room inputs go to the
 * hold task, ./green-room.ts), and ingresses in channel
 * rooms that no row knows (a rotation whose delete failed) are deleted.
 */
export async function superviseIngress(): Promise<{ changed: number }> {
  const rows = await getDb().ingressEndpoint.findMany({
    select: { ingressId: true, channelId: true, userId: true, user: { select: { name: true } } },
  });
  const infos = await getIngressClient().listIngress();
  const known = new Set(rows.map((r) => r.ingressId));
  let changed = 0;

  const green: GreenRoomInput[] = [];
  for (const info of infos) {
    const row = rows.find((r) => r.ingressId === info.ingressId);
    // One being stopped for deletion stays disabled (re-enabling it would restart the stream).
    if (!row || isBeingDeleted(info.ingressId)) continue;
    const verdict = await ingressMayPublish(row.channelId, row.userId);
    const { allowed } = verdict;
    if (verdict.allowed && verdict.heldUntil)
      green.push({ ingressId: info.ingressId, room: info.roomName, identity: info.participantIdentity, until: verdict.heldUntil });
    assertLeaseHeld();
    if ((info.enabled ?? true) !== allowed) {
      await setIngressEnabled(info.ingressId, allowed);
      changed += 1;
    } else if (toIngressStatus(info) === 'idle') {
      // Only while idle, since any update restarts an active ingress: a renamed DJ, and an ingress
      // made before the publish-muted marker (./options.ts) gets it for its next session.
      const update = {
        ...(info.participantName !== row.user.name ? { participantName: row.user.name } : {}),
        ...(hasPublishMutedMarker(info.participantMetadata) ? {} : { participantMetadata: PUBLISH_MUTED_METADATA }),
      };
      if (Object.keys(update).length > 0) {
        await getIngressClient().updateIngress(info.ingressId, { name: '', ...update });
        changed += 1;
      }
    }
  }

  const orphans = infos.filter(
    (i) => !known.has(i.ingressId) && parseChannelRoom(i.roomName) !== null && parseIngressIdentity(i.participantIdentity) !== null,
  );
  for (const orphan of orphans.filter((o) => suspects.has(o.ingressId) && !isBeingDeleted(o.ingressId))) {
    assertLeaseHeld();
    await deleteAtLivekit(orphan.ingressId);
    changed += 1;
  }
  suspects = new Set(orphans.map((o) => o.ingressId));
  watchGreenRoom(green);
  return { changed };
}
