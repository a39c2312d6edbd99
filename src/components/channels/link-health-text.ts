import type { LinkQuality, LinkVerdict } from '@/types/link-quality';

export const LINK_VERDICT_LABEL: Record<LinkVerdict, string> = { good: 'Good', unstable: 'Unstable', poor: 'Poor' };

/** "254 kbps · 0.4 % loss · 38 ms RTT"; a figure not measured yet reads as "–". */
export function linkFiguresText({ bitrateKbps, lossPercent, rttMs }: Pick<LinkQuality, 'bitrateKbps' | 'lossPercent' | 'rttMs'>): string {
  const loss = lossPercent === null ? '–' : `${lossPercent.toFixed(1)} %`;
  const rtt = rttMs === null ? '–' : `${Math.round(rttMs)} ms`;
  return `${Math.round(bitrateKbps)} kbps · ${loss} loss · ${rtt} RTT`;
}
