import 'server-only';
import { IDENTITY_PREFIX, participantKind } from '@/types/broadcast';
import type { Prisma } from '../db/generated/client';

type Db = Pick<Prisma.TransactionClient, 'user'>;
export type DjAccount = { name: string; isAdmin: boolean };

/**
 * The account behind a DJ's LiveKit identity. Names shown to listeners come from here,
 * as the admin set them: LiveKit's participant name is the DJ's to change.
 */
export async function djAccount(db: Db, identity: string): Promise<DjAccount | null> {
  if (participantKind(identity) !== 'dj') return null;
  const user = await db.user.findUnique({
    where: { id: identity.slice(IDENTITY_PREFIX.dj.length) },
    select: { name: true, role: true },
  });
  return user ? { name: user.name, isAdmin: user.role === 'admin' } : null;
}
