'use client';
import { useEffect, useState } from 'react';
import type { LinkQuality } from '@/types/link-quality';
import { reportLinkQuality } from '@/lib/api-client';
import { linkReportFrom, type SenderSnapshot } from '@/lib/client/publishing/link-stats';

/** How often the console samples its sender and reports; the server calls a report older than 15 s no data. */
export const LINK_REPORT_INTERVAL_MS = 3_000;

/**
 * While on air, samples the published track's sender stats every few seconds and reports the
 * interval's bitrate, loss and RTT to the app; returns the server's answer (with its verdict), or
 * null before the first one, after a failed report, and off air. Keeps going in a hidden tab: a
 * DJ on air often is in another window. One loop per live period; stops on unmount.
 */
export function useLinkQuality(slug: string, live: boolean, readStats: () => Promise<SenderSnapshot | undefined>): LinkQuality | null {
  const [quality, setQuality] = useState<LinkQuality | null>(null);

  useEffect(() => {
    if (!live) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let prev: SenderSnapshot | null = null;
    const tick = async () => {
      try {
        const next = (await readStats()) ?? null;
        const report = next ? linkReportFrom(prev, next) : null;
        prev = next;
        if (report) setQuality(await reportLinkQuality(slug, report, controller.signal));
      } catch {
        // e.g. the live state not confirmed yet, or the network: no data rather than old figures.
        if (!controller.signal.aborted) setQuality(null);
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void tick(), LINK_REPORT_INTERVAL_MS);
    };
    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
      setQuality(null);
    };
  }, [slug, live, readStats]);

  return quality;
}
