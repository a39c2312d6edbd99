'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { useApiAction } from '@/hooks/useApiAction';
import { deleteSet, setSetHidden, setSetPicked } from '@/lib/api-client';
import type { BroadcastSummary } from '@/types/tempo';

type Props = { slug: string; set: BroadcastSummary; isAdmin: boolean };

/**
 * The selected set in the public archive: its page, Hide / Show (its DJs, admins), AutoDJ's list
 * and Delete (admins).
 */
export function SetArchiveControls({ slug, set, isAdmin }: Props) {
  const router = useRouter();
  const act = useCallback(
    async (what: 'hide' | 'show' | 'pick' | 'unpick' | 'delete') => {
      if (what === 'delete') {
        if (!window.confirm('Delete this set and its recording for good?')) return;
        await deleteSet(slug, set.id);
      } else if (what === 'pick' || what === 'unpick') await setSetPicked(slug, set.id, what === 'pick');
      else await setSetHidden(slug, set.id, what === 'hide');
      router.refresh();
    },
    [slug, set.id, router],
  );
  const { run, pending, error } = useApiAction(act);
  const state = archiveState(set);
  return (
    <div
      className="flex flex-col gap-2 text-sm"
      data-testid="set-archive"
      data-hidden={set.hidden}
      data-archived={set.archived}
      data-autodj={set.autoDjPicked}
    >
      <p>
        {state}{' '}
        {set.archived && !set.hidden && (
          <Link className="underline" href={`/c/${slug}/sets/${set.id}`}>
            Public page
          </Link>
        )}
        {set.autoDjPicked && " On AutoDJ's list."}
      </p>
      <div className="flex gap-2">
        {set.endedAt && (
          <Button variant="secondary" size="sm" busy={pending} onClick={() => void run(set.hidden ? 'show' : 'hide')}>
            {set.hidden ? 'Show in archive' : 'Hide from archive'}
          </Button>
        )}
        {isAdmin && set.endedAt && (
          <Button variant="secondary" size="sm" busy={pending} onClick={() => void run(set.autoDjPicked ? 'unpick' : 'pick')}>
            {set.autoDjPicked ? "Take off AutoDJ's list" : "Add to AutoDJ's list"}
          </Button>
        )}
        {isAdmin && set.endedAt && (
          <Button variant="danger" size="sm" busy={pending} onClick={() => void run('delete')}>
            Delete set
          </Button>
        )}
      </div>
      {error && (
        <Alert tone="error" title="Could not change this set">
          {error}
        </Alert>
      )}
    </div>
  );
}

/** Where the set stands, in one sentence. */
function archiveState(set: BroadcastSummary): string {
  if (set.hidden) return 'Hidden from the public archive.';
  if (set.archived) return 'In the public archive.';
  return set.endedAt ? 'Not archived (yet).' : 'On air.';
}
