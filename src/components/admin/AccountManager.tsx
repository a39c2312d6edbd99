'use client';
import { type FormEvent, useCallback } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { Input } from '@/components/ui/Input';
import { useApiAction } from '@/hooks/useApiAction';
import { fetchJson } from '@/lib/fetch-json';
import { type AccountSummary, djInputSchema } from '@/types/account';

export type AccountManagerProps = { accounts: AccountSummary[]; currentUserId: string; onChanged: () => void };

async function createDj(raw: Record<string, string>): Promise<true> {
  const parsed = djInputSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('. '));
  await fetchJson<AccountSummary>('/api/admin/accounts', { method: 'POST', body: JSON.stringify(parsed.data) });
  return true;
}

/** Lists accounts and creates DJ accounts with an initial password the admin hands over. */
export function AccountManager({ accounts, currentUserId, onChanged }: AccountManagerProps) {
  const create = useApiAction(createDj);
  const remove = useApiAction(async (account: AccountSummary) => {
    if (!window.confirm(`Delete the account of ${account.name}?`)) return;
    await fetchJson<unknown>(`/api/admin/accounts/${account.id}`, { method: 'DELETE' });
    onChanged();
  });

  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const formEl = event.currentTarget;
      const raw = Object.fromEntries([...new FormData(formEl).entries()].map(([k, v]) => [k, String(v)]));
      if (await create.run(raw)) {
        formEl.reset();
        onChanged();
      }
    },
    [create, onChanged],
  );

  return (
    <Card title="DJs and admins" description="DJs can go live on any channel.">
      <ul className="mb-6 divide-y divide-line" data-testid="admin-account-list">
        {accounts.map((account) => (
          <li key={account.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="admin-account">
            <div className="min-w-0">
              <p className="font-medium">
                {account.name} <Badge tone={account.role === 'admin' ? 'accent' : 'neutral'}>{account.role}</Badge>
              </p>
              <p className="text-sm text-muted">{account.email}</p>
            </div>
            {account.id !== currentUserId && (
              <Button size="sm" variant="danger" busy={remove.pending} onClick={() => void remove.run(account)}>
                Delete
              </Button>
            )}
          </li>
        ))}
      </ul>
      {remove.error && <Alert tone="error" className="mb-4">{remove.error}</Alert>}
      <h3 className="mb-3 text-sm font-semibold text-muted uppercase">New DJ</h3>
      <form method="post" onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3" noValidate>
        <Field label="DJ name" htmlFor="dj-name">
          <Input id="dj-name" name="name" required maxLength={80} />
        </Field>
        <Field label="Email" htmlFor="dj-email">
          <Input id="dj-email" name="email" type="email" required />
        </Field>
        <Field label="Initial password" htmlFor="dj-password" hint="At least 10 characters.">
          <Input id="dj-password" name="password" type="password" autoComplete="new-password" required minLength={10} />
        </Field>
        {create.error && <Alert tone="error" className="sm:col-span-3">{create.error}</Alert>}
        <div className="sm:col-span-3">
          <Button type="submit" busy={create.pending}>
            Create DJ
          </Button>
        </div>
      </form>
    </Card>
  );
}
