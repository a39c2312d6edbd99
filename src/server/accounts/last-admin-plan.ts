import type { Role } from '@/types/account';

export type AdminChange = 'demote' | 'delete' | 'disable';

/** The account a change is about, as the guard sees it. */
export type GuardTarget = { role: Role; disabled: boolean };

const VERB: Record<AdminChange, string> = { demote: 'make a DJ of', delete: 'delete', disable: 'disable' };

/**
 * Why a change would leave the station without an admin who can sign in, or null when it may go
 * ahead. Only enabled admins count: a disabled admin cannot sign in to undo anything.
 */
export function lastAdminRefusal(target: GuardTarget, change: AdminChange, activeAdmins: number): string | null {
  if (target.role !== 'admin' || target.disabled) return null;
  if (activeAdmins > 1) return null;
  return `You cannot ${VERB[change]} the last admin: make another account an admin first.`;
}

/** Which guarded change a role update is, if any. */
export function roleChange(from: Role, to: Role | undefined): AdminChange | null {
  return from === 'admin' && to === 'dj' ? 'demote' : null;
}
