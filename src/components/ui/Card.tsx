import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

export type CardProps = HTMLAttributes<HTMLElement> & {
  /** Element to render; default "section". Use "article" for list items, "div" for plain boxes. */
  as?: 'section' | 'article' | 'div' | 'li';
  /** Optional heading (rendered as h2) with `description` under it and `actions` on the right. */
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
};

/** A raised panel. */
export function Card({ as: Tag = 'section', title, description, actions, className, children, ...rest }: CardProps) {
  return (
    <Tag className={cx('rounded-xl border border-line bg-panel p-5 shadow-lg shadow-black/20', className)} {...rest}>
      {(title || actions) && (
        <div className="mb-4 flex items-start justify-between gap-4">
          <div className="min-w-0">
            {title && <h2 className="text-lg font-semibold tracking-tight">{title}</h2>}
            {description && <p className="mt-1 text-sm text-muted">{description}</p>}
          </div>
          {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
        </div>
      )}
      {children}
    </Tag>
  );
}
