import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

export type CardProps = HTMLAttributes<HTMLElement> & {
  /** Element to render; default "section". Use "article" for list items, "div" for plain boxes. */
  as?: 'section' | 'article' | 'div' | 'li';
  /** Optional heading (h2 unless `headingLevel` says otherwise) with `description` under it and `actions` on the right. */
  title?: ReactNode;
  /** 1 when the card is the page's only content (sign-in, set-up), 3 inside a section; default 2. */
  headingLevel?: 1 | 2 | 3;
  description?: ReactNode;
  actions?: ReactNode;
};

/** A raised panel. */
export function Card({ as: Tag = 'section', title, headingLevel = 2, description, actions, className, children, ...rest }: CardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <Tag className={cx('rounded-xl border border-line bg-panel p-5 shadow-lg shadow-black/20', className)} {...rest}>
      {(title || actions) && (
        <div className="mb-4 flex items-start justify-between gap-4">
          <div className="min-w-0">
            {title && (
              <Heading className={headingLevel === 1 ? 'text-xl font-bold tracking-tight' : 'text-lg font-semibold tracking-tight'}>
                {title}
              </Heading>
            )}
            {description && <p className="mt-1 text-sm text-muted">{description}</p>}
          </div>
          {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
        </div>
      )}
      {children}
    </Tag>
  );
}
