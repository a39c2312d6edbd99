import { describe, expect, it } from 'vitest';
import { accountCreateSchema, accountUpdateSchema, passwordChangeSchema } from './account';

describe('account schemas', () => {
  it('creates a DJ unless asked for an admin', () => {
    const base = { name: 'A', email: 'A@Example.org', password: 'long-enough-1' };
    expect(accountCreateSchema.parse(base)).toMatchObject({ role: 'dj', email: 'a@example.org' });
    expect(accountCreateSchema.parse({ ...base, role: 'admin' }).role).toBe('admin');
    expect(accountCreateSchema.safeParse({ ...base, role: 'owner' }).success).toBe(false);
  });

  it('an update needs something to change and takes no password', () => {
    expect(accountUpdateSchema.safeParse({}).success).toBe(false);
    expect(accountUpdateSchema.safeParse({ password: 'long-enough-1' }).success).toBe(false);
    expect(accountUpdateSchema.parse({ name: ' New ', email: 'X@Y.org' })).toEqual({ name: 'New', email: 'x@y.org' });
    expect(accountUpdateSchema.safeParse({ name: '' }).success).toBe(false);
  });

  it('an own change needs the current password and a new one of 10+', () => {
    expect(passwordChangeSchema.safeParse({ currentPassword: '', newPassword: 'long-enough-1' }).success).toBe(false);
    expect(passwordChangeSchema.safeParse({ currentPassword: 'x', newPassword: 'short' }).success).toBe(false);
    expect(passwordChangeSchema.safeParse({ currentPassword: 'x', newPassword: 'long-enough-1' }).success).toBe(true);
  });
});
