import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';
import type { Branding } from '@/types/station';
import { NavLink } from './NavLink';
import { SignOutButton } from './SignOutButton';

export type SiteHeaderProps = {
  /** The station's name and logo as its admin set them. */
  site: Pick<Branding, 'name' | 'logoUrl'>;
  /** The signed-in user, or null. */
  user: { name: string; role: string } | null;
};

/** Top bar: brand, section links, and who is signed in. */
export function SiteHeader({ site, user }: SiteHeaderProps) {
  return (
    <header className="border-b border-line bg-bg/80 backdrop-blur">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" data-testid="site-brand" className="flex items-center gap-2 font-bold tracking-tight">
          {site.logoUrl ? (
            // The name beside it says what it is: the logo is decoration (empty alt). A plain img: the
            // upload is already small, and next/image would re-encode a file the admin chose.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={site.logoUrl} alt="" className="size-7 rounded-md object-contain" />
          ) : (
            <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-accent text-accent-ink">
              ◉
            </span>
          )}
          {site.name}
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          <NavLink href="/">Home</NavLink>
          <NavLink href="/dj">DJ console</NavLink>
          <NavLink href="/admin">Admin</NavLink>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {user ? (
            <>
              <span className="text-muted">
                Signed in as{' '}
                <Link href="/account" className="font-medium text-ink underline-offset-4 hover:underline" title="Your account">
                  {user.name}
                </Link>
              </span>
              <SignOutButton />
            </>
          ) : (
            <Link href="/sign-in" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
