import { describe, expect, it } from 'vitest';
import { lastAdminRefusal, roleChange } from './last-admin-plan';

describe('lastAdminRefusal', () => {
  it('refuses to demote, delete or disable the only enabled admin', () => {
    expect(lastAdminRefusal({ role: 'admin', disabled: false }, 'demote', 1)).toMatch(/last admin/);
    expect(lastAdminRefusal({ role: 'admin', disabled: false }, 'delete', 1)).toMatch(/cannot delete the last admin/);
    expect(lastAdminRefusal({ role: 'admin', disabled: false }, 'disable', 1)).toMatch(/cannot disable/);
  });

  it('lets the change through when another enabled admin remains', () => {
    expect(lastAdminRefusal({ role: 'admin', disabled: false }, 'demote', 2)).toBeNull();
  });

  it('never guards DJs or an admin who is already disabled (not counted as active)', () => {
    expect(lastAdminRefusal({ role: 'dj', disabled: false }, 'delete', 1)).toBeNull();
    expect(lastAdminRefusal({ role: 'admin', disabled: true }, 'delete', 1)).toBeNull();
  });
});

describe('roleChange', () => {
  it('is a demotion only from admin to dj', () => {
    expect(roleChange('admin', 'dj')).toBe('demote');
    expect(roleChange('admin', 'admin')).toBeNull();
    expect(roleChange('dj', 'admin')).toBeNull();
    expect(roleChange('admin', undefined)).toBeNull();
  });
});
