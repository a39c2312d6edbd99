import { redirect } from 'next/navigation';
import { SetupForm } from '@/components/account/SetupForm';
import { hasAnyAdmin } from '@/server/accounts';

export const dynamic = 'force-dynamic';

export default async function SetupPage() {
  if (await hasAnyAdmin()) redirect('/sign-in');
  return <SetupForm />;
}
