import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/ChangePasswordForm';
import { Card } from '@/components/ui/Card';
import { requireUser } from '@/server/auth';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const user = await requireUser(['dj', 'admin'], '/account');
  return (
    <div className="flex flex-col gap-6">
      <section>
        <h1 className="text-3xl font-bold tracking-tight">Account</h1>
        <p className="mt-1 text-muted">
          Signed in as {user.name} ({user.email}). Your name and email are managed by the station admin.
        </p>
      </section>
      <Card title="Change your password" description="Your other devices are signed out; this one stays signed in.">
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
