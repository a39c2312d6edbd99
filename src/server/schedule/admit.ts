import 'server-only';
import type { WebhookEvent } from 'livekit-server-sdk';
import { parseChannelRoom } from '@/types/room';
import { getEnv } from '../env';
import { djIdentity } from '../livekit';
import { accountsOf, apply, roomDjs } from './enforce';
import { planEnforcement } from './enforce-plan';
import { blockCause, publishRights } from './on-air';
import { rightsInput } from './store';

/**
 * A DJ's browser joins without publish rights (no DJ token carries them), so a disabled or kicked
 * DJ's old token can never send audio. When LiveKit reports the join, this grants them at once if
 * the enforcement plan allows it now: the loop's own decision, for this one participant, so a DJ
 * goes live after one webhook rather than an enforcement pass. It only grants: removing a disabled
 * account (refuseDisabledJoin) and revoking stay where they were. Returns whether it granted.
 */
export async function admitDj(event: WebhookEvent): Promise<boolean> {
  if (event.event !== 'participant_joined' && event.event !== 'track_published') return false;
  const participant = event.participant;
  const channelId = parseChannelRoom(event.room?.name ?? '');
  if (!participant || !channelId || participant.permission?.canPublish) return false;
  const [dj] = roomDjs([participant]);
  // OBS inputs connect with their own rights and are held by the ingress guard.
  if (!dj || dj.obs || dj.identity !== djIdentity(dj.userId)) return false;
  const now = new Date();
  const input = await rightsInput(channelId, now, getEnv().SLOT_GREEN_ROOM_SECONDS * 1000);
  const rights = publishRights(input);
  const blocked = new Set(input.blocks.map((b) => b.userId));
  const notAudio = new Set(input.blocks.filter((b) => blockCause(b) === 'not_audio').map((b) => b.userId));
  const accounts = await accountsOf([dj.userId]);
  const grants = planEnforcement([dj], accounts, rights, blocked, notAudio).filter((a) => a.type === 'grant');
  await Promise.all(grants.map((a) => apply(channelId, a, rights)));
  return grants.length > 0;
}
