'use client';
import type { SenderSnapshot } from '@/lib/client/publishing/link-stats';
import { Card } from '@/components/ui/Card';
import { LinkHealth } from '@/components/channels/LinkHealth';
import { useLinkQuality } from '@/hooks/useLinkQuality';

export type ConnectionPanelProps = {
  slug: string;
  /** Published right now (not while reconnecting): only then are there sender stats to report. */
  live: boolean;
  readStats: () => Promise<SenderSnapshot | undefined>;
};

/** The DJ's own uplink while on air, as the server judged their console's last report (admins see the same). */
export function ConnectionPanel({ slug, live, readStats }: ConnectionPanelProps) {
  const link = useLinkQuality(slug, live, readStats);
  return (
    <Card title="Connection" description="Measured by your browser every few seconds while on air; the station's admins see it too.">
      <p className="text-sm">
        <LinkHealth link={link} />
      </p>
    </Card>
  );
}
