import { cx } from '@/components/ui/cx';

/** "12 listeners"; the number alone carries the test id so tests can read it. */
export function ListenerCount({ count, className }: { count: number; className?: string }) {
  return (
    <span className={cx('inline-flex items-baseline gap-1 tabular-nums', className)}>
      <span data-testid="listener-count" className="font-semibold text-ink">
        {count}
      </span>
      <span className="text-muted">{count === 1 ? 'listener' : 'listeners'}</span>
    </span>
  );
}
