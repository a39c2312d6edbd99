import { z } from './zod';

export const roleSchema = z.enum(['admin', 'dj']);
export type Role = z.infer<typeof roleSchema>;

const password = z
  .string()
  .min(10, 'Password must be at least 10 characters')
  .max(128, 'Password must be at most 128 characters');

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
  createdAt: string;
};
export type AccountListResponse = { accounts: AccountSummary[] };
