import { redirect } from 'next/navigation';
import { SetupForm } from '@/components/account/SetupForm';
import { hasAnyAdmin } from '@/server/accounts';
import { stationPageMetadata } from '@/server/share';

export const dynamic = 'force-dynamic';

export const generateMetadata = () => stationPageMetadata({ title: 'Set up the station', path: '/setup' });

export default async function SetupPage() {
  if (await hasAnyAdmin()) redirect('/sign-in');
  return <SetupForm />;
}
