import 'server-only';
import { APIError } from 'better-auth/api';
import type { PasswordChange } from '@/types/account';
import { audit } from '../audit';
import { getAuth } from '../auth';
import { getDb } from '../db';
import { badRequest, notFound } from '../http';

type Actor = { id: string; name: string };

/**
 * An admin sets another account's password (better-auth's admin endpoint hashes it, with the
 * admin's own session as the permission) and every session of that account ends. Never logged.
 */
export async function resetPassword(id: string, password: string, actor: Actor, headers: Headers): Promise<void> {
  if (id === actor.id) throw badRequest('Change your own password on your Account page: it asks for the current one.');
  const user = await getDb().user.findUnique({ where: { id }, select: { name: true, email: true } });
  if (!user) throw notFound('No such account.');
  await getAuth().api.setUserPassword({ body: { userId: id, newPassword: password }, headers });
  await getDb().session.deleteMany({ where: { userId: id } });
  await audit({ actor, action: 'account.password_reset', detail: `${user.name} <${user.email}>: sessions ended` });
}

/**
 * The signed-in user's own password through better-auth's changePassword (checks the current
 * one, revokes the other sessions). Returns the Set-Cookie headers of the session it issues.
 */
export async function changeOwnPassword(user: Actor, input: PasswordChange, headers: Headers): Promise<string[]> {
  try {
    const result = await getAuth().api.changePassword({
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
      headers,
      returnHeaders: true,
    });
    await audit({ actor: user, action: 'account.password_change', detail: `${user.name}: other sessions ended` });
    return result.headers.getSetCookie();
  } catch (err) {
    if (err instanceof APIError && err.status === 'BAD_REQUEST') throw badRequest('Your current password is not right.');
    throw err;
  }
}
