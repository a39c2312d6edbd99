import 'server-only';
import { type Role, roleSchema } from '@/types/account';
import { forbidden, unauthorized } from '../http';
import { getAuth } from './auth';

export type CurrentUser = { id: string; name: string; email: string; role: Role };

/** The signed-in user for these request headers, or null (unknown roles count as signed out). */
export async function getUserFromHeaders(requestHeaders: Headers): Promise<CurrentUser | null> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const role = roleSchema.safeParse(session.user.role);
  if (!role.success) return null;
  const { id, name, email } = session.user;
  return { id, name, email, role: role.data };
}

/** The signed-in user in a server component, or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  // Imported here, like next/navigation below: scripts that reach this area (create-admin in the
  // standalone image) run where next/headers is not traced in.
  const { headers } = await import('next/headers');
  return getUserFromHeaders(await headers());
}

/** For pages: the user with one of the roles, else off to sign-in. */
export async function requireUser(roles: Role[], nextPath: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || !roles.includes(user.role)) {
    // Imported here, not at the top: next/navigation needs React's server build, which scripts
    // reaching this area through its entry (npm run admin:create) run without.
    const { redirect } = await import('next/navigation');
    return redirect(`/sign-in?next=${encodeURIComponent(nextPath)}${user ? '&denied=1' : ''}`);
  }
  return user;
}

/** For API routes: the user with one of the roles, else 401/403. */
export async function authorise(req: Request, roles: Role[]): Promise<CurrentUser> {
  const user = await getUserFromHeaders(req.headers);
  if (!user) throw unauthorized();
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}
