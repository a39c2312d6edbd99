import { redirect } from 'next/navigation';
import { pageMetadata } from '@/lib/share/page-metadata';
import { SetupForm } from '@/components/account/SetupForm';
import { hasAnyAdmin } from '@/server/accounts';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata({ title: 'Set up the station', path: '/setup' });

export default async function SetupPage() {
  if (await hasAnyAdmin()) redirect('/sign-in');
  return <SetupForm />;
}
