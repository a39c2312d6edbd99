import type { LinkQuality, LinkReport, LinkVerdict } from '@/types/link-quality';

/**
 * The plain verdict on a DJ's uplink, from the loss and round-trip time their console reports.
 * Opus with in-band FEC hides a little loss, and a long RTT only delays retransmissions and
 * reconnects, so the thresholds are loose:
 * - good: loss < 2 % and RTT < 300 ms (nothing a listener would notice);
 * - unstable: loss < 8 % and RTT < 800 ms (occasional artefacts, a reconnect would be slow);
 * - poor: anything worse, or no audio leaving at all (0 kbps while live).
 * A figure the browser has not reported yet (null) does not count against the link.
 */
export const LINK_THRESHOLDS = {
  good: { lossPercent: 2, rttMs: 300 },
  unstable: { lossPercent: 8, rttMs: 800 },
} as const;

/** A report older than this is no data: the console reports every few seconds while live. */
export const LINK_REPORT_MAX_AGE_MS = 15_000;

const under = (value: number | null, limit: number) => value === null || value < limit;

export function linkVerdict({ bitrateKbps, lossPercent, rttMs }: LinkReport): LinkVerdict {
  if (bitrateKbps <= 0) return 'poor';
  const { good, unstable } = LINK_THRESHOLDS;
  if (under(lossPercent, good.lossPercent) && under(rttMs, good.rttMs)) return 'good';
  if (under(lossPercent, unstable.lossPercent) && under(rttMs, unstable.rttMs)) return 'unstable';
  return 'poor';
}

/** A kept report: the publisher it came from and when it arrived (epoch ms). */
export type StoredLink = { identity: string; report: LinkReport; at: number };

/**
 * The link health to show for a channel: its last report, if it is recent and came from whoever
 * is on air now (a handover or a stop must not leave the previous DJ's figures up); else null.
 */
export function currentLink(stored: StoredLink | undefined, liveIdentity: string | null, now: number): LinkQuality | null {
  if (!stored || stored.identity !== liveIdentity) return null;
  if (now - stored.at > LINK_REPORT_MAX_AGE_MS) return null;
  return assessLink(stored);
}

/** A kept report as shown: its figures, verdict and arrival time. */
export const assessLink = ({ report, at }: StoredLink): LinkQuality => ({
  ...report,
  verdict: linkVerdict(report),
  at: new Date(at).toISOString(),
});
