import type { LinkQuality, LinkVerdict } from '@/types/link-quality';
import { Badge, type BadgeTone } from '@/components/ui/Badge';
import { cx } from '@/components/ui/cx';
import { LINK_VERDICT_LABEL, linkFiguresText } from './link-health-text';

const TONE: Record<LinkVerdict, BadgeTone> = { good: 'success', unstable: 'warning', poor: 'danger' };

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
          <Badge tone={TONE[link.verdict]}>{LINK_VERDICT_LABEL[link.verdict]}</Badge>
          <span className="font-mono tabular-nums">{linkFiguresText(link)}</span>
        </>
      ) : (
        <span className="text-muted">no data yet</span>
      )}
    </span>
  );
}
