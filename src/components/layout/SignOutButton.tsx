'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { signOut } from '@/lib/auth-client';
import { Button } from '@/components/ui/Button';

/** Ends the better-auth session, then re-renders server components (protected pages redirect). */
export function SignOutButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await signOut();
      router.refresh();
    } finally {
      setBusy(false);
    }
  };
  return (
    // data-leaves-page: a DJ on air is asked first (useLeaveGuard).
    <Button variant="ghost" size="sm" busy={busy} onClick={onClick} data-leaves-page="">
      Sign out
    </Button>
  );
}
