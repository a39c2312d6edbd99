import { Field } from '@/components/ui/Field';
import { Input } from '@/components/ui/Input';

/** The email field of the sign-in, set-up and new-DJ forms (`name="email"`). */
export function EmailField({ id = 'email', autoComplete = true }: { id?: string; autoComplete?: boolean }) {
  return (
    <Field label="Email" htmlFor={id}>
      <Input id={id} name="email" type="email" autoComplete={autoComplete ? 'email' : undefined} required />
    </Field>
  );
}

export type PasswordFieldProps = {
  id?: string;
  label?: string;
  /** A password being set: at least 10 characters, said in a hint. */ isNew?: boolean;
};

/** The password field (`name="password"`): the current one to sign in, or a new one of 10+ characters. */
export function PasswordField({ id = 'password', label = 'Password', isNew = false }: PasswordFieldProps) {
  return (
    <Field label={label} htmlFor={id} hint={isNew ? 'At least 10 characters.' : undefined}>
      <Input
        id={id}
        name="password"
        type="password"
        autoComplete={isNew ? 'new-password' : 'current-password'}
        required
        minLength={isNew ? 10 : undefined}
      />
    </Field>
  );
}
