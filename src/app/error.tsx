'use client';
import { useEffect } from 'react';
import { Button } from '@/components/ui/Button';

/** Route-level error boundary; server errors arrive with a digest instead of details. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : null;
  return (
    <section role="alert" className="mx-auto max-w-md py-16 text-center">
      <p className="font-mono text-sm tracking-widest text-danger">SIGNAL LOST</p>
      <h1 className="mt-3 text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-muted">The page could not be loaded. Try again in a moment.</p>
      {digest && <p className="mt-2 font-mono text-xs text-muted">Reference: {digest}</p>}
      <Button className="mt-6" onClick={() => retry()}>
        Try again
      </Button>
    </section>
  );
}
