'use client';
import { useCallback, useEffect, useState } from 'react';
import { followChannel, followLookup, unfollowChannel } from '@/lib/api-client';
import type { FollowPhase } from '@/lib/client/push/follow-text';
import { existingSubscription, followBody, proofBody, pushSupported, subscribeBrowser } from '@/lib/client/push/push-browser';

const message = (err: unknown) => (err instanceof Error ? err.message : 'Something went wrong.');

/**
 * Whether this browser follows a channel (Web Push), and Follow / Unfollow. `publicKey` null: the
 * station has no VAPID keys, so Follow is off.
 */
export function useFollow(slug: string, publicKey: string | null) {
  const [phase, setPhase] = useState<FollowPhase>('checking');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const settle = (next: FollowPhase) => {
      if (!cancelled) setPhase(next);
    };
    if (!publicKey) settle('off');
    else if (!pushSupported()) settle('unsupported');
    else {
      existingSubscription()
        .then((sub) => (sub ? followLookup(proofBody(slug, sub)) : { following: false }))
        .then((status) => settle(status.following ? 'following' : 'not-following'))
        .catch(() => settle('not-following'));
    }
    return () => {
      cancelled = true;
    };
  }, [slug, publicKey]);

  const run = useCallback(async (step: () => Promise<FollowPhase>) => {
    setBusy(true);
    setError(null);
    try {
      setPhase(await step());
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  }, []);

  const follow = useCallback(
    () =>
      run(async () => {
        if (!publicKey) return 'off';
        const subscription = await subscribeBrowser(publicKey);
        await followChannel(followBody(slug, subscription));
        return 'following';
      }),
    [run, slug, publicKey],
  );

  const unfollow = useCallback(
    () =>
      run(async () => {
        const subscription = await existingSubscription();
        if (subscription) await unfollowChannel(proofBody(slug, subscription));
        return 'not-following';
      }),
    [run, slug],
  );

  return { phase, busy, error, follow, unfollow };
}
