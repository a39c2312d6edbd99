'use client';
import { useCallback, useEffect, useState } from 'react';

/** How long a "copied" message stays before the button reads plainly again. */
const FEEDBACK_MS = 4000;

/** A short-lived feedback message (cleared after a few seconds, and on unmount). */
export function useShareFeedback() {
  const [message, setMessage] = useState<string | null>(null);
  const [shownAt, setShownAt] = useState(0);

  useEffect(() => {
    if (message === null) return;
    const timer = setTimeout(() => setMessage(null), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [message, shownAt]);

  const show = useCallback((next: string | null) => {
    setMessage(next);
    setShownAt(Date.now());
  }, []);

  return { message, show };
}
