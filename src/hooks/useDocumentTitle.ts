'use client';
import { useEffect } from 'react';

/** Sets the tab's title while `title` is not null, and puts the page's own title back after. */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    if (title === null) return;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}
