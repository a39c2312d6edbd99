import type { LinkReport } from '@/types/link-quality';

/**
 * What the console reads from its published audio track's sender (livekit-client's
 * `getSenderStats()`: outbound-rtp, with loss and RTT from the remote-inbound-rtp report the SFU
 * sends back). Counters are cumulative; `timestamp` is in ms.
 */
export type SenderSnapshot = {
  timestamp: number;
  bytesSent?: number;
  packetsSent?: number;
  packetsLost?: number;
  /** Seconds, as WebRTC reports it. */
  roundTripTime?: number;
};

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The report for the interval between two snapshots: bitrate and loss over that interval (so an
 * old burst does not colour the present), RTT as last measured. Null when there is no interval to
 * measure yet (first snapshot, a new sender, no byte counter).
 */
export function linkReportFrom(prev: SenderSnapshot | null, next: SenderSnapshot): LinkReport | null {
  if (!prev || prev.bytesSent === undefined || next.bytesSent === undefined) return null;
  const ms = next.timestamp - prev.timestamp;
  const bytes = next.bytesSent - prev.bytesSent;
  if (ms <= 0 || bytes < 0) return null;
  return {
    bitrateKbps: round((bytes * 8) / ms, 1), // bits per ms is kbit/s
    lossPercent: lossOver(prev, next),
    rttMs: next.roundTripTime === undefined ? null : round(next.roundTripTime * 1000, 1),
  };
}

/** Share of the packets sent over the interval that the remote reports lost (cumulative counters on both sides). */
function lossOver(prev: SenderSnapshot, next: SenderSnapshot): number | null {
  if (prev.packetsLost === undefined || next.packetsLost === undefined) return null;
  if (prev.packetsSent === undefined || next.packetsSent === undefined) return null;
  const sent = next.packetsSent - prev.packetsSent;
  // The remote may revise its count down (late packets after all): never below none lost.
  const lost = Math.max(0, next.packetsLost - prev.packetsLost);
  if (sent <= 0) return null;
  return round(Math.min(100, (lost / sent) * 100), 2);
}
