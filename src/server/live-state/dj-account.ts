import 'server-only';
import { djUserId, participantKind } from '@/types/room';
import type { Prisma } from '../db';

type Db = Pick<Prisma.TransactionClient, 'user'>;

/**
 * The account id behind a publisher identity (the browser's `dj-<userId>`, an OBS input's
 * `ingress-<rtmp|whip>-<userId>`), else null.
 * Every publisher identity of one account must map here (an OBS input too), so the
 * one-DJ-per-channel rule compares accounts, not connections.
 */
export function accountIdOf(identity: string): string | null {
  return participantKind(identity) === 'dj' ? djUserId(identity) : null;
}

/** Both identities are the same DJ (same connection, or two of one account's). */
export function sameDj(a: string, b: string): boolean {
  if (a === b) return true;
  const account = accountIdOf(a);
  return account !== null && account === accountIdOf(b);
}
export type DjAccount = { name: string; isAdmin: boolean };

/** Shown when a publisher has no account behind it (never the name it gave itself). */
export const UNKNOWN_DJ_NAME = 'Unknown DJ';

/**
 * The account behind a DJ's LiveKit identity. Names shown to listeners come from here,
 * as the admin set them: LiveKit's participant name is the DJ's to change.
 */
export async function djAccount(db: Db, identity: string): Promise<DjAccount | null> {
  const id = accountIdOf(identity);
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { name: true, role: true },
  });
  return user ? { name: user.name, isAdmin: user.role === 'admin' } : null;
}
