'use client';
import { type FormEvent, useCallback, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Field } from '@/components/ui/Field';
import { FormActions } from '@/components/ui/FormActions';
import { Input } from '@/components/ui/Input';
import { Select } from '@/components/ui/Select';
import { useApiAction } from '@/hooks/useApiAction';
import { resetPassword, updateAccount } from '@/lib/api-client';
import { type AccountSummary, accountUpdateSchema, passwordResetSchema } from '@/types/account';

const fields = (form: HTMLFormElement) => Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
const issues = (error: { issues: { message: string }[] }) => new Error(error.issues.map((i) => i.message).join('. '));

export type AccountEditorProps = { account: AccountSummary; isSelf: boolean; onSaved: () => void; onClose: () => void };

/** Edits one account: name, email and role, and a new password the admin hands over. */
export function AccountEditor({ account, isSelf, onSaved, onClose }: AccountEditorProps) {
  const save = useApiAction(async (raw: Record<string, string>) => {
    const parsed = accountUpdateSchema.safeParse(raw);
    if (!parsed.success) throw issues(parsed.error);
    await updateAccount(account.id, parsed.data);
    return true;
  });
  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (await save.run(fields(event.currentTarget))) {
        onSaved();
        onClose();
      }
    },
    [save, onSaved, onClose],
  );
  const id = `acct-${account.id}`;
  return (
    <div className="mt-3 grid w-full gap-4" data-testid="account-editor">
      <form method="post" onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3" noValidate aria-label={`Edit ${account.name}`}>
        <Field label="Name" htmlFor={`${id}-name`}>
          <Input id={`${id}-name`} name="name" defaultValue={account.name} required maxLength={80} />
        </Field>
        <Field label="Email" htmlFor={`${id}-email`}>
          <Input id={`${id}-email`} name="email" type="email" defaultValue={account.email} required />
        </Field>
        <Field label="Role" htmlFor={`${id}-role`}>
          <Select id={`${id}-role`} name="role" defaultValue={account.role}>
            <option value="dj">DJ</option>
            <option value="admin">Admin</option>
          </Select>
        </Field>
        <FormActions error={save.error} pending={save.pending} submitLabel="Save" onCancel={onClose} span="sm:col-span-3" size="sm" />
      </form>
      {/* One's own password needs the current one: the Account page. */}
      {!isSelf && <ResetPasswordForm account={account} />}
    </div>
  );
}

/** A new password for someone who forgot theirs; their sessions end. */
function ResetPasswordForm({ account }: { account: AccountSummary }) {
  const [done, setDone] = useState(false);
  const reset = useApiAction(async (raw: Record<string, string>) => {
    const parsed = passwordResetSchema.safeParse(raw);
    if (!parsed.success) throw issues(parsed.error);
    await resetPassword(account.id, parsed.data.password);
    return true;
  });
  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = event.currentTarget;
      setDone(false);
      if (await reset.run(fields(form))) {
        form.reset();
        setDone(true);
      }
    },
    [reset],
  );
  const id = `acct-${account.id}-password`;
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      className="grid gap-3 sm:grid-cols-3"
      noValidate
      aria-label={`Reset the password of ${account.name}`}
    >
      <Field label="New password" htmlFor={id} hint="At least 10 characters. They are signed out everywhere." className="sm:col-span-2">
        <Input id={id} name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <FormActions error={reset.error} pending={reset.pending} submitLabel="Reset password" span="sm:col-span-3" size="sm" />
      {done && (
        <Alert tone="success" className="sm:col-span-3">
          Password reset. Hand the new one to {account.name}.
        </Alert>
      )}
    </form>
  );
}
