'use client';
import { type FormEvent, useCallback, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Field } from '@/components/ui/Field';
import { FormActions } from '@/components/ui/FormActions';
import { Input } from '@/components/ui/Input';
import { useApiAction } from '@/hooks/useApiAction';
import { changeOwnPassword } from '@/lib/api-client';
import { passwordChangeSchema } from '@/types/account';

async function change(raw: Record<string, string>): Promise<true> {
  const parsed = passwordChangeSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('. '));
  await changeOwnPassword(parsed.data);
  return true;
}

/** One's own password: the current one, then the new one (10+ characters). */
export function ChangePasswordForm() {
  const [done, setDone] = useState(false);
  const run = useApiAction(change);
  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = event.currentTarget;
      setDone(false);
      const raw = Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
      if (await run.run(raw)) {
        form.reset();
        setDone(true);
      }
    },
    [run],
  );
  return (
    <form method="post" onSubmit={onSubmit} className="grid max-w-md gap-3" noValidate>
      <Field label="Current password" htmlFor="current-password">
        <Input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Field label="New password" htmlFor="new-password" hint="At least 10 characters.">
        <Input id="new-password" name="newPassword" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <FormActions error={run.error} pending={run.pending} submitLabel="Change password" />
      {done && <Alert tone="success">Password changed.</Alert>}
    </form>
  );
}
