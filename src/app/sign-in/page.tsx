import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/account/SignInForm';
import { safeNextPath } from '@/lib/safe-next';
import { hasAnyAdmin } from '@/server/accounts';
import { getCurrentUser } from '@/server/auth';
import { stationPageMetadata } from '@/server/share';

export const dynamic = 'force-dynamic';

export const generateMetadata = () => stationPageMetadata({ title: 'Sign in', path: '/sign-in' });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  if (!(await hasAnyAdmin())) redirect('/setup');
  const params = await searchParams;
  const denied = params.denied === '1';
  const user = await getCurrentUser();
  const fallback = user?.role === 'admin' ? '/admin' : '/dj';
  const nextPath = safeNextPath(params.next, fallback);
  if (user && !denied) redirect(nextPath);
  return <SignInForm nextPath={nextPath} denied={denied} />;
}
