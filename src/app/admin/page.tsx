import { AdminDashboard } from '@/components/admin/AdminDashboard';
import { listAccounts } from '@/server/accounts/service';
import { requireUser } from '@/server/auth/session';
import { listChannels } from '@/server/channels/queries';

export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const admin = await requireUser(['admin'], '/admin');
  const [channels, accounts] = await Promise.all([listChannels(), listAccounts()]);
  return <AdminDashboard channels={channels} accounts={accounts} currentUserId={admin.id} />;
}
