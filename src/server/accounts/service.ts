import 'server-only';
import { type AccountInput, type AccountSummary, type Role, roleSchema } from '@/types/account';
import { getAuth } from '../auth';
import { getDb } from '../db';
import { badRequest, conflict, notFound } from '../http';
import { deleteEndpointsOf } from '../ingress';
import { hostsChanged } from '../schedule';
import { removeFromAllChannels } from './participants';
import { djIdentity } from '../livekit';
import { type ActionRow, recordAction, settle } from '../actions';
import { audit } from '../audit';
import { TASKS, wake } from '../loop';
import { assertNotLastAdmin, serialised } from './guard';

type UserRow = { id: string; name: string; email: string; role: string | null; banned: boolean | null; createdAt: Date };

export function toSummary(user: UserRow): AccountSummary {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: roleSchema.catch('dj').parse(user.role),
    disabled: user.banned === true,
    createdAt: user.createdAt.toISOString(),
  };
}

export async function listAccounts(): Promise<AccountSummary[]> {
  const users = await getDb().user.findMany({ orderBy: [{ role: 'asc' }, { name: 'asc' }] });
  return users.map(toSummary);
}

/** Creates an email/password account through better-auth (it hashes the password). */
export async function createAccount(
  input: AccountInput,
  role: Role,
  actor: { id: string; name: string } | null = null,
): Promise<AccountSummary> {
  const existing = await getDb().user.findUnique({ where: { email: input.email } });
  if (existing) throw conflict('An account with that email already exists.');
  const { user } = await getAuth().api.createUser({
    // Role goes through `data`: the plugin's typed `role` only knows its built-in roles.
    body: { email: input.email, password: input.password, name: input.name, data: { role } },
  });
  const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
  await audit({ actor, action: 'account.create', detail: `${row.name} <${row.email}> (${role})` });
  return toSummary(row);
}

/** Deletes an account and its sessions and takes it off air; never the last admin, nor oneself. */
export function deleteAccount(id: string, actor: { id: string; name: string }): Promise<void> {
  if (id === actor.id) return Promise.reject(badRequest('You cannot delete your own account.'));
  return serialised(async () => {
    // Reachable when another admin demoted the actor a moment ago: the guard, not the session, decides.
    await assertNotLastAdmin(id, 'delete');
    await removeAccount(id, actor);
  });
}

async function removeAccount(id: string, actor: { id: string; name: string }): Promise<void> {
  const existing = await getDb().user.findUnique({ where: { id }, select: { name: true, email: true } });
  // Their OBS stream keys stop working with the account (the rows cascade).
  await deleteEndpointsOf({ userId: id }, actor);
  const result = await getDb().user.deleteMany({ where: { id } });
  if (result.count === 0 || !existing) throw notFound('No such account.');
  await audit({ actor, action: 'account.delete', detail: `${existing.name} <${existing.email}>` });
  hostsChanged(); // their slots lost a host
  await removeFromAllChannels(djIdentity(id));
}

/**
 * Disables or re-enables an account. Disabling ends its sessions and takes it off
 * air everywhere at once; the enforcement loop keeps it off.
 */
export async function setAccountDisabled(
  id: string,
  disabled: boolean,
  actor: { id: string; name: string },
  startedAt = Date.now(),
): Promise<AccountSummary & { action?: ActionRow }> {
  if (id === actor.id && disabled) throw badRequest('You cannot disable your own account.');
  if (disabled) await serialised(() => assertNotLastAdmin(id, 'disable'));
  const existing = await getDb().user.findUnique({ where: { id } });
  if (!existing) throw notFound('No such account.');
  const row = await getDb().user.update({
    where: { id },
    data: { banned: disabled, banReason: disabled ? `disabled by ${actor.name}` : null },
  });
  await audit({ actor, action: disabled ? 'account.disable' : 'account.enable', detail: `${row.name} <${row.email}>` });
  wake(TASKS.enforce);
  if (!disabled) return toSummary(row);
  // Signed out and refused by every gate now (the database side); LiveKit's side is the loop's.
  await getDb().session.deleteMany({ where: { userId: id } });
  const action = await recordAction({ kind: 'disable', userId: id, actor });
  return { ...toSummary(row), action: await settle(action, startedAt) };
}

export async function hasAnyAdmin(): Promise<boolean> {
  return (await getDb().user.count({ where: { role: 'admin' } })) > 0;
}

// Serialises first-run setup inside this process so two quick submits cannot both win.
let setupQueue: Promise<unknown> = Promise.resolve();

/** First-run setup: creates the first admin, only while there is none. */
export function createFirstAdmin(input: AccountInput): Promise<AccountSummary> {
  const run = setupQueue.then(async () => {
    if (await hasAnyAdmin()) throw conflict('This station is already set up. Sign in instead.');
    return createAccount(input, 'admin');
  });
  setupQueue = run.catch(() => undefined);
  return run;
}
