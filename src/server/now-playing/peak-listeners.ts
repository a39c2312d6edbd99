import 'server-only';
import { listChannels } from '../channels';
import { getDb } from '../db';
import { peakRaises } from './now-playing-plan';

/**
 * Raises each open set's peak listener count to the channel's listeners now (WebRTC listeners in
 * the room and HLS listeners' open streams, as the channel page counts them).
 */
export async function recordPeakListeners(): Promise<void> {
  const open = await getDb().broadcast.findMany({ where: { endedAt: null }, select: { id: true, channelId: true, peakListeners: true } });
  if (!open.length) return;
  const channels = await listChannels();
  const listeners = new Map(channels.map((c) => [c.id, c.live.listeners]));
  for (const { id, peak } of peakRaises(open, listeners)) {
    // Only ever up: a concurrent pass with an older count cannot lower it.
    await getDb().broadcast.updateMany({ where: { id, peakListeners: { lt: peak } }, data: { peakListeners: peak } });
  }
}
