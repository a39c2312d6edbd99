import type { LinkQuality, LinkVerdict } from '@/types/link-quality';
import { cx } from '@/components/ui/cx';
import { LINK_VERDICT_LABEL, linkFiguresText } from './link-health-text';

// Text colour on the panel itself, no tinted fill: danger on a 15 % danger tint is only 4.4:1.
const TONE: Record<LinkVerdict, string> = {
  good: 'border-ok/50 text-ok',
  unstable: 'border-warn/50 text-warn',
  poor: 'border-danger/50 text-danger',
};

/**
 * The on-air DJ's connection health: the verdict in words (colour only repeats it) and the
 * figures behind it, or "no data" when no recent report exists. Tests read the data attributes.
 */
export function LinkHealth({ link, className }: { link: LinkQuality | null; className?: string }) {
  return (
    <span
      data-testid="link-health"
      data-verdict={link?.verdict ?? 'none'}
      data-bitrate={link?.bitrateKbps ?? 0}
      className={cx('inline-flex flex-wrap items-center gap-2', className)}
    >
      <span className="text-muted">Connection</span>
      {link ? (
        <>
          <span className={cx('rounded border px-2 py-0.5 text-xs font-bold tracking-widest uppercase', TONE[link.verdict])}>
            {LINK_VERDICT_LABEL[link.verdict]}
          </span>
          <span className="font-mono tabular-nums">{linkFiguresText(link)}</span>
        </>
      ) : (
        <span className="text-muted">no data yet</span>
      )}
    </span>
  );
}
