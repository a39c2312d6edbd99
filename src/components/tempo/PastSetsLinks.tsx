import Link from 'next/link';
import { Card } from '@/components/ui/Card';

/** Links to the past-sets page (tempo curves) of each channel the user may look at. */
export function PastSetsLinks({ channels }: { channels: { slug: string; name: string }[] }) {
  return (
    <Card title="Past sets" description="Recent sets and their tempo curves.">
      {channels.length === 0 ? (
        <p className="text-sm text-muted">You are not listed on any channel yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-3 text-sm" data-testid="past-sets-links">
          {channels.map((c) => (
            <li key={c.slug}>
              <Link className="underline" href={`/dj/${c.slug}/sets`}>
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
