'use client';
import { useState } from 'react';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { RowActions } from '@/components/ui/RowActions';
import type { AccountSummary } from '@/types/account';
import { AccountEditor } from './AccountEditor';

export type AccountRowProps = {
  account: AccountSummary;
  isSelf: boolean;
  busy: { removing: boolean; toggling: boolean };
  onRemove: (account: AccountSummary) => void;
  onToggle: (account: AccountSummary) => void;
  onChanged: () => void;
};

/** One account: who it is, its actions, and its editor when open. */
export function AccountRow({ account, isSelf, busy, onRemove, onToggle, onChanged }: AccountRowProps) {
  const [editing, setEditing] = useState(false);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="admin-account">
      <div className="min-w-0">
        <p className="font-medium">
          {account.name} <Badge tone={account.role === 'admin' ? 'accent' : 'neutral'}>{account.role}</Badge>
          {account.disabled && <Badge>disabled</Badge>}
        </p>
        <p className="text-sm text-muted">{account.email}</p>
      </div>
      {isSelf ? (
        <Button size="sm" variant="secondary" onClick={() => setEditing(!editing)}>
          Edit
        </Button>
      ) : (
        <RowActions deleting={busy.removing} onDelete={() => onRemove(account)} onEdit={() => setEditing(!editing)}>
          <Button size="sm" variant="secondary" busy={busy.toggling} onClick={() => onToggle(account)}>
            {account.disabled ? 'Enable' : 'Disable'}
          </Button>
        </RowActions>
      )}
      {editing && <AccountEditor account={account} isSelf={isSelf} onSaved={onChanged} onClose={() => setEditing(false)} />}
    </li>
  );
}
