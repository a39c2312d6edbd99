import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';

export default function NotFound() {
  return (
    <section className="mx-auto max-w-md py-16 text-center">
      <p className="font-mono text-sm tracking-widest text-accent">404 · DEAD AIR</p>
      <h1 className="mt-3 text-2xl font-bold">Nothing on this frequency</h1>
      <p className="mt-2 text-muted">The page or channel you were looking for does not exist.</p>
      <Link href="/" className={buttonClasses({ variant: 'secondary' }, 'mt-6')}>
        Back to all channels
      </Link>
    </section>
  );
}
