import type { ReactNode } from 'react';
import { Button } from './Button';

export type RowActionsProps = {
  /** Buttons or links before Edit and Delete. */
  children?: ReactNode;
  onEdit?: () => void;
  onDelete: () => void;
  deleting?: boolean;
};

/** The buttons at the end of a list row: the row's own actions, Edit, Delete. */
export function RowActions({ children, onEdit, onDelete, deleting }: RowActionsProps) {
  return (
    <div className="flex gap-2">
      {children}
      {onEdit && (
        <Button size="sm" variant="secondary" onClick={onEdit}>
          Edit
        </Button>
      )}
      <Button size="sm" variant="danger" busy={deleting} onClick={onDelete}>
        Delete
      </Button>
    </div>
  );
}
