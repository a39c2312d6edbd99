'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import type { AccountSummary } from '@/types/account';
import type { AdminChannel } from '@/types/channel';
import type { StationState } from '@/types/live';
import { AccountManager } from './AccountManager';
import { AuditLog } from './AuditLog';
import { LiveConsole } from './LiveConsole';
import { ChannelManager } from './ChannelManager';
import { UnfinishedActions } from './UnfinishedActions';

export type AdminDashboardProps = {
  channels: AdminChannel[];
  /** HLS_RETENTION_DAYS: what a channel without its own retention gets. */
  defaultRetentionDays: number;
  accounts: AccountSummary[];
  currentUserId: string;
  station: StationState;
};

/** The admin page: channels and accounts; every change re-reads the server's data. */
export function AdminDashboard({ channels, defaultRetentionDays, accounts, currentUserId, station }: AdminDashboardProps) {
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">Station admin</h1>
        <Link href="/admin/station" className="text-sm underline underline-offset-4" data-testid="station-branding-link">
          Station name, logo and colour
        </Link>
      </div>
      <LiveConsole initial={station} />
      <UnfinishedActions />
      <ChannelManager channels={channels} defaultRetentionDays={defaultRetentionDays} onChanged={refresh} />
      <AccountManager accounts={accounts} currentUserId={currentUserId} onChanged={refresh} />
      <AuditLog channels={channels.map((c) => ({ id: c.id, name: c.name }))} />
    </div>
  );
}
