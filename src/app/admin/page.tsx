import { AdminDashboard } from '@/components/admin/AdminDashboard';
import { listAccounts } from '@/server/accounts';
import { requireUser } from '@/server/auth';
import { listAdminChannels } from '@/server/channels';
import { getEnv } from '@/server/env';
import { stationState } from '@/server/live';

export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const admin = await requireUser(['admin'], '/admin');
  const [channels, accounts, station] = await Promise.all([listAdminChannels(), listAccounts(), stationState()]);
  return (
    <AdminDashboard
      channels={channels}
      accounts={accounts}
      currentUserId={admin.id}
      station={station}
      defaultRetentionDays={getEnv().HLS_RETENTION_DAYS}
    />
  );
}
