'use client';
import { useRouter } from 'next/navigation';
import { type FormEvent, useCallback } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { Input } from '@/components/ui/Input';
import { EmailField, PasswordField } from './CredentialFields';
import { useApiAction } from '@/hooks/useApiAction';
import { signIn } from '@/lib/auth-client';
import { createFirstAdmin as postFirstAdmin } from '@/lib/api-client';
import { type AccountInput, accountInputSchema } from '@/types/account';

/** Resolves true once the admin exists and is signed in. */
async function createFirstAdmin(raw: Record<string, string>): Promise<true> {
  if (raw.password !== raw.confirm) throw new Error('The passwords do not match.');
  const parsed = accountInputSchema.safeParse({ name: raw.name, email: raw.email, password: raw.password });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('. '));
  const input: AccountInput = parsed.data;
  await postFirstAdmin(input);
  const { error } = await signIn.email({ email: input.email, password: input.password });
  if (error) throw new Error('The admin was created, but signing in failed. Try the sign-in page.');
  return true;
}

/** First-run form: the station's first admin account. */
export function SetupForm() {
  const router = useRouter();
  const { run, pending, error } = useApiAction(createFirstAdmin);

  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = new FormData(event.currentTarget);
      const raw = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
      if (await run(raw)) {
        router.replace('/admin');
        router.refresh();
      }
    },
    [run, router],
  );

  return (
    <Card
      title="Set up your station"
      headingLevel={1}
      description="Create the first admin account. You can add channels and DJs next."
      className="mx-auto max-w-md"
    >
      <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <Field label="Your name" htmlFor="name">
          <Input id="name" name="name" autoComplete="name" required />
        </Field>
        <EmailField />
        <PasswordField isNew />
        <Field label="Confirm password" htmlFor="confirm">
          <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
        </Field>
        {error && <Alert tone="error">{error}</Alert>}
        <Button type="submit" busy={pending}>
          Create admin
        </Button>
      </form>
    </Card>
  );
}
