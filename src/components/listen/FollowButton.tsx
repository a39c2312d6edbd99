'use client';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { useFollow } from '@/hooks/useFollow';
import { followNote } from '@/lib/client/push/follow-text';

/**
 * Follow a channel: browser notifications when it goes live and 10 minutes before each show
 * (Web Push through /sw.js). Says plainly when the browser or the station cannot.
 */
export function FollowButton({ slug, name, pushKey }: { slug: string; name: string; pushKey: string | null }) {
  const { phase, busy, error, follow, unfollow } = useFollow(slug, pushKey);
  const note = followNote(phase);
  const usable = phase === 'following' || phase === 'not-following';
  return (
    <div className="flex flex-col gap-2" data-testid="follow" data-phase={phase}>
      <div className="flex flex-wrap items-center gap-2">
        {usable && (
          <Button
            variant={phase === 'following' ? 'ghost' : 'secondary'}
            size="sm"
            busy={busy}
            onClick={phase === 'following' ? unfollow : follow}
            aria-label={phase === 'following' ? `Unfollow ${name}` : `Follow ${name}`}
            data-testid="follow-button"
          >
            {phase === 'following' ? 'Unfollow' : 'Follow'}
          </Button>
        )}
        {note && (
          <span role="status" className="text-sm text-muted" data-testid="follow-note">
            {note}
          </span>
        )}
      </div>
      {error && (
        <Alert tone="error" data-testid="follow-error">
          {error}
        </Alert>
      )}
    </div>
  );
}
