import { z } from './zod';
import type { ActionView } from './action';

export const roleSchema = z.enum(['admin', 'dj']);
export type Role = z.infer<typeof roleSchema>;

export const passwordSchema = z
  .string()
  .min(10, 'Password must be at least 10 characters')
  .max(128, 'Password must be at most 128 characters');

export const accountInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name is required').max(80),
  email: z.email('Enter a valid email address').trim().toLowerCase(),
  password: passwordSchema,
});
export type AccountInput = z.infer<typeof accountInputSchema>;

export const djInputSchema = accountInputSchema;

/** POST /api/admin/accounts: a DJ unless the admin asks for another admin. */
export const accountCreateSchema = z.strictObject({ ...accountInputSchema.shape, role: roleSchema.default('dj') });
export type AccountCreate = z.input<typeof accountCreateSchema>;

export type AccountSummary = {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** A disabled account cannot sign in or go live. */
  disabled: boolean;
  createdAt: string;
};

/** PATCH /api/admin/accounts/:id: any of name, email, role, disabled. */
export const accountUpdateSchema = z
  .strictObject({
    disabled: z.boolean().optional(),
    name: accountInputSchema.shape.name.optional(),
    email: accountInputSchema.shape.email.optional(),
    role: roleSchema.optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), 'Nothing to change');
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;
export type AccountListResponse = { accounts: AccountSummary[] };
/** PATCH /api/admin/accounts/:id: the account, and the action when disabling has a LiveKit side. */
export type AccountUpdateResponse = AccountSummary & { action?: ActionView };

/** POST /api/admin/accounts/:id/password: the new password an admin hands over. */
export const passwordResetSchema = z.strictObject({ password: passwordSchema });
export type PasswordReset = z.infer<typeof passwordResetSchema>;

/** POST /api/account/password: one's own password, the current one required. */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, 'Enter your current password').max(128),
  newPassword: passwordSchema,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
