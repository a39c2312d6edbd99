'use client';
import { type FormEvent, useCallback } from 'react';
import { Alert } from '@/components/ui/Alert';
import { FormActions } from '@/components/ui/FormActions';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { Input } from '@/components/ui/Input';
import { Select } from '@/components/ui/Select';
import { EmailField, PasswordField } from '@/components/account/CredentialFields';
import { useApiAction } from '@/hooks/useApiAction';
import { usePendingAction } from '@/hooks/usePendingAction';
import { createAccount, deleteAccount, setAccountDisabled } from '@/lib/api-client';
import { type AccountSummary, accountCreateSchema } from '@/types/account';
import { AccountRow } from './AccountRow';
import { ActionStatus } from './ActionStatus';

export type AccountManagerProps = { accounts: AccountSummary[]; currentUserId: string; onChanged: () => void };

async function createDj(raw: Record<string, string>): Promise<true> {
  const parsed = accountCreateSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('. '));
  await createAccount(parsed.data);
  return true;
}

/** Lists accounts (edit, reset a password, disable, delete) and creates DJs and admins. */
export function AccountManager({ accounts, currentUserId, onChanged }: AccountManagerProps) {
  const remove = useApiAction(async (account: AccountSummary) => {
    if (!window.confirm(`Delete the account of ${account.name}?`)) return;
    await deleteAccount(account.id);
    onChanged();
  });

  const status = usePendingAction();
  const toggle = useApiAction(async (account: AccountSummary) => {
    const disabled = !account.disabled;
    if (disabled && !window.confirm(`Disable ${account.name}? They are signed out and taken off air at once.`)) return;
    const body = await setAccountDisabled(account.id, disabled);
    status.track(body.action);
    onChanged();
  });

  return (
    <Card
      title="DJs and admins"
      description="DJs go live in their own slots on the channels they are listed on (see each channel's Schedule)."
    >
      <ul className="mb-6 divide-y divide-line" data-testid="admin-account-list">
        {accounts.map((account) => (
          <AccountRow
            key={account.id}
            account={account}
            isSelf={account.id === currentUserId}
            busy={{ removing: remove.pending, toggling: toggle.pending }}
            onRemove={(a) => void remove.run(a)}
            onToggle={(a) => void toggle.run(a)}
            onChanged={onChanged}
          />
        ))}
      </ul>
      {(remove.error ?? toggle.error) && (
        <Alert tone="error" className="mb-4">
          {remove.error ?? toggle.error}
        </Alert>
      )}
      <ActionStatus
        action={status.action}
        onRetry={() => void status.retry()}
        retrying={status.retrying}
        error={status.error}
        className="mb-4"
      />
      <h3 className="mb-3 text-sm font-semibold text-muted uppercase">New account</h3>
      <NewDjForm onCreated={onChanged} />
    </Card>
  );
}

/** A new DJ (or admin) account with the initial password the admin hands over. */
function NewDjForm({ onCreated }: { onCreated: () => void }) {
  const create = useApiAction(createDj);
  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const formEl = event.currentTarget;
      const raw = Object.fromEntries([...new FormData(formEl).entries()].map(([k, v]) => [k, String(v)]));
      if (await create.run(raw)) {
        formEl.reset();
        onCreated();
      }
    },
    [create, onCreated],
  );
  return (
    <form method="post" onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-4" noValidate>
      <Field label="DJ name" htmlFor="dj-name">
        <Input id="dj-name" name="name" required maxLength={80} />
      </Field>
      <EmailField id="dj-email" autoComplete={false} />
      <PasswordField id="dj-password" label="Initial password" isNew />
      <Field label="Role" htmlFor="dj-role">
        <Select id="dj-role" name="role" defaultValue="dj">
          <option value="dj">DJ</option>
          <option value="admin">Admin</option>
        </Select>
      </Field>
      <FormActions error={create.error} pending={create.pending} submitLabel="Create account" span="sm:col-span-4" />
    </form>
  );
}
