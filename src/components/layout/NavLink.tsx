'use client';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { usePathname } from 'next/navigation';
import { cx } from '@/components/ui/cx';

/** Header link that marks the current section with aria-current. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const active = href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={cx(
        'rounded-md px-3 py-1.5 text-sm font-medium transition-colors',
        active ? 'bg-panel-raised text-ink' : 'text-muted hover:text-ink',
      )}
    >
      {children}
    </Link>
  );
}
