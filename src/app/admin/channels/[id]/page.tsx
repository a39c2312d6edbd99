import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ScheduleAdmin } from '@/components/schedule/ScheduleAdmin';
import { listAccounts } from '@/server/accounts';
import { requireUser } from '@/server/auth';
import { getDb } from '@/server/db';
import { listChannelDjs, listSlots } from '@/server/schedule';
import { channelIdSchema } from '@/types/room';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Schedule' };

type Props = { params: Promise<{ id: string }> };

export default async function ChannelSchedulePage({ params }: Props) {
  const parsed = channelIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  await requireUser(['admin'], `/admin/channels/${parsed.data}`);
  const channel = await getDb().channel.findUnique({
    where: { id: parsed.data },
    select: { id: true, slug: true, name: true, timeZone: true },
  });
  if (!channel) notFound();
  const [accounts, channelDjs, slots] = await Promise.all([listAccounts(), listChannelDjs(channel.id), listSlots(channel.id)]);
  const allDjs = accounts.filter((a) => a.role === 'dj' && !a.disabled).map((a) => ({ id: a.id, name: a.name }));
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link className="underline" href={`/dj/${channel.slug}/sets`} data-testid="past-sets-link">
          Past sets and tempo curves
        </Link>
      </p>
      <ScheduleAdmin channel={channel} allDjs={allDjs} channelDjs={channelDjs} slots={slots} />
    </div>
  );
}
