import { z } from './zod';
import type { ActionView } from './action';

export const roleSchema = z.enum(['admin', 'dj']);
export type Role = z.infer<typeof roleSchema>;

const password = z.string().min(10, 'Password must be at least 10 characters').max(128, 'Password must be at most 128 characters');

export const accountInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name is required').max(80),
  email: z.email('Enter a valid email address').trim().toLowerCase(),
  password,
});
export type AccountInput = z.infer<typeof accountInputSchema>;

export const djInputSchema = accountInputSchema;

export type AccountSummary = {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** A disabled account cannot sign in or go live. */
  disabled: boolean;
  createdAt: string;
};

export const accountUpdateSchema = z.strictObject({ disabled: z.boolean() });
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;
export type AccountListResponse = { accounts: AccountSummary[] };
/** PATCH /api/admin/accounts/:id: the account, and the action when disabling has a LiveKit side. */
export type AccountUpdateResponse = AccountSummary & { action?: ActionView };
