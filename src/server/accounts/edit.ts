import 'server-only';
import type { AccountSummary, AccountUpdate } from '@/types/account';
import { type ActionRow } from '../actions';
import { audit, type AuditActor } from '../audit';
import { getDb, isUniqueViolation } from '../db';
import { conflict, notFound } from '../http';
import { hostsChanged } from '../schedule';
import { assertNotLastAdmin, serialised } from './guard';
import { roleChange } from './last-admin-plan';
import { setAccountDisabled, toSummary } from './service';

type Actor = NonNullable<AuditActor>;
type Profile = Omit<AccountUpdate, 'disabled'>;

const EMAIL_TAKEN = 'An account with that email already exists.';

/** Name, email and role, checked (email free, an admin left) and audited; passwords are elsewhere. */
async function editProfile(id: string, profile: Profile, actor: Actor): Promise<AccountSummary> {
  const before = await getDb().user.findUnique({ where: { id } });
  if (!before) throw notFound('No such account.');
  if (profile.email && profile.email !== before.email) {
    const other = await getDb().user.findUnique({ where: { email: profile.email }, select: { id: true } });
    if (other) throw conflict(EMAIL_TAKEN);
  }
  const change = roleChange(toSummary(before).role, profile.role);
  if (change) await assertNotLastAdmin(id, change);
  const row = await getDb()
    .user.update({ where: { id }, data: { name: profile.name, email: profile.email, role: profile.role } })
    .catch((err: unknown) => Promise.reject(isUniqueViolation(err) ? conflict(EMAIL_TAKEN) : err));
  const edits = [
    row.name !== before.name ? `name "${before.name}" -> "${row.name}"` : null,
    row.email !== before.email ? `email ${before.email} -> ${row.email}` : null,
  ].filter(Boolean);
  if (edits.length) await audit({ actor, action: 'account.update', detail: `${row.name}: ${edits.join(', ')}` });
  if (row.name !== before.name) hostsChanged(); // live pages name the hosts of now and next
  if (row.role !== before.role) {
    await audit({ actor, action: 'account.role', detail: `${row.name} <${row.email}>: ${before.role ?? 'dj'} -> ${row.role ?? 'dj'}` });
  }
  return toSummary(row);
}

/** PATCH of an account: profile edits first, then enabling or disabling (which has a LiveKit side). */
export async function updateAccount(
  id: string,
  update: AccountUpdate,
  actor: Actor,
  startedAt = Date.now(),
): Promise<AccountSummary & { action?: ActionRow }> {
  const { disabled, ...profile } = update;
  const edited = Object.values(profile).some((v) => v !== undefined) ? await serialised(() => editProfile(id, profile, actor)) : null;
  if (disabled === undefined) {
    if (!edited) throw notFound('No such account.');
    return edited;
  }
  return setAccountDisabled(id, disabled, actor, startedAt);
}
