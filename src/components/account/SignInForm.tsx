'use client';
import { useRouter } from 'next/navigation';
import { type FormEvent, useCallback } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { EmailField, PasswordField } from './CredentialFields';
import { useApiAction } from '@/hooks/useApiAction';
import { signIn } from '@/lib/auth-client';

export type SignInFormProps = { nextPath: string; denied: boolean };

/** Resolves true when signed in (useApiAction reports failures as undefined). */
async function signInWithPassword(email: string, password: string): Promise<true> {
  const { error } = await signIn.email({ email, password });
  if (error) {
    throw new Error(error.status === 429 ? 'Too many attempts. Wait a minute and try again.' : 'Wrong email or password.');
  }
  return true;
}

export function SignInForm({ nextPath, denied }: SignInFormProps) {
  const router = useRouter();
  const { run, pending, error } = useApiAction(signInWithPassword);

  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = new FormData(event.currentTarget);
      const signedIn = await run(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
      if (signedIn) {
        router.replace(nextPath);
        router.refresh();
      }
    },
    [run, router, nextPath],
  );

  return (
    <Card title="Sign in" headingLevel={1} description="For DJs and admins. Listeners need no account." className="mx-auto max-w-md">
      {denied && (
        <Alert tone="warning" className="mb-4">
          Your account cannot open that page. Sign in with another account.
        </Alert>
      )}
      <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <EmailField />
        <PasswordField />
        {error && <Alert tone="error">{error}</Alert>}
        <Button type="submit" busy={pending}>
          Sign in
        </Button>
      </form>
    </Card>
  );
}
