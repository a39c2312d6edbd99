import type { Metadata } from 'next';
import { StationBranding } from '@/components/admin/StationBranding';
import { requireUser } from '@/server/auth';
import { getBranding } from '@/server/station';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Station look' };

export default async function StationBrandingPage() {
  await requireUser(['admin'], '/admin/station');
  return <StationBranding initial={await getBranding()} />;
}
