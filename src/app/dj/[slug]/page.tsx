import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DjConsole } from '@/components/console/DjConsole';
import { requireUser } from '@/server/auth';
import { channelState } from '@/server/live';
import { consoleSchedule } from '@/server/schedule';
import { channelSlugSchema } from '@/types/channel';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'DJ console' };

type Props = { params: Promise<{ slug: string }> };

export default async function DjConsolePage({ params }: Props) {
  const parsed = channelSlugSchema.safeParse((await params).slug);
  if (!parsed.success) notFound();
  const slug = parsed.data;
  const user = await requireUser(['dj', 'admin'], `/dj/${slug}`);
  const state = await channelState(slug);
  if (!state) notFound();
  const { occurrences, greenRoomMs } = await consoleSchedule(state.channel);
  return <DjConsole state={state} djName={user.name} userId={user.id} occurrences={occurrences} greenRoomMs={greenRoomMs} />;
}
