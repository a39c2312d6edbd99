// The database: one Prisma client per process, and the generated row types other areas use.
import 'server-only';
export { type Db, dbOperationCounts, dbProvider, getDb, isUniqueViolation } from './client';
export type { Broadcast, Channel, IngressEndpoint, PendingAction, Prisma, ReplayHls } from './generated/client';
