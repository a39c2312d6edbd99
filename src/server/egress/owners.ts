import 'server-only';
import { randomUUID } from 'node:crypto';
import { type Broadcast, getDb, type ReplayHls } from '../db';
import { TASKS, wake } from '../loop';
import { broadcastPath, type StorageConfig } from '../storage';
import { egressState, findOpenBroadcast, openBroadcast, toOpenBroadcast, updateBroadcast } from './broadcasts';
import type { Host, OpenBroadcast } from './plan';

/** The fields of a record an egress writes HLS for, shared by a broadcast and a replay's HLS. */
export type EgressRow = {
  id: string;
  channelId: string;
  storagePath: string;
  attempt: number;
  failures: number;
  egressId: string | null;
  egressStartedAt: Date | null;
  nextAttemptAt: Date | null;
};
export type EgressUpdate = Partial<Pick<EgressRow, 'egressId' | 'egressStartedAt' | 'attempt' | 'failures' | 'nextAttemptAt'>> & {
  endedAt?: Date;
  lastError?: string;
};

/**
 * Who an egress writes for: a broadcast (a DJ on air; archived afterwards) or a replay's HLS
 * (AutoDJ; deleted an hour after it ends). Both follow the same plan (./plan.ts).
 */
export type EgressOwner<R extends EgressRow = EgressRow> = {
  kind: 'broadcast' | 'replay HLS';
  findOpen(channelId: string): Promise<R | null>;
  findByEgress(egressId: string): Promise<R | null>;
  open(conf: StorageConfig, channelId: string, host: Host, at: Date): Promise<R>;
  addHost(row: R, host: Host): Promise<R>;
  update(id: string, data: EgressUpdate): Promise<R>;
  /** The row as the plan sees it; `host` is whoever the row is open for now. */
  toOpen(row: R, host: Host | null): OpenBroadcast;
  /** After the row closed. */
  closed(): void;
  /** Open rows with a pending restart. */
  pendingRetries(): Promise<R[]>;
};

const openRow = { endedAt: null };
const retryRow = { endedAt: null, egressId: null, nextAttemptAt: { not: null } };

export const broadcastOwner: EgressOwner<Broadcast> = {
  kind: 'broadcast',
  findOpen: findOpenBroadcast,
  findByEgress: (egressId) => getDb().broadcast.findFirst({ where: { egressId, ...openRow } }),
  open: openBroadcast,
  addHost: (row, host) => updateBroadcast(row.id, { hosts: JSON.stringify([...toOpenBroadcast(row).hosts, host]) }),
  update: updateBroadcast,
  toOpen: (row) => toOpenBroadcast(row),
  // The set is over: the archive task finalises it once egress has settled.
  closed: () => wake(TASKS.archive),
  pendingRetries: () => getDb().broadcast.findMany({ where: retryRow }),
};

export const replayOwner: EgressOwner<ReplayHls> = {
  kind: 'replay HLS',
  findOpen: (channelId) => getDb().replayHls.findFirst({ where: { channelId, ...openRow }, orderBy: { startedAt: 'desc' } }),
  findByEgress: (egressId) => getDb().replayHls.findFirst({ where: { egressId, ...openRow } }),
  open: (conf, channelId, _host, at) => {
    // "replay" + hex: beside the channel's broadcasts in storage, never mistaken for one.
    const id = `replay${randomUUID().replace(/-/g, '')}`;
    return getDb().replayHls.create({ data: { id, channelId, startedAt: at, storagePath: broadcastPath(conf.prefix, channelId, id) } });
  },
  // The replay participant is its only publisher: there is nobody to add.
  addHost: async (row) => row,
  update: (id, data) => getDb().replayHls.update({ where: { id }, data }),
  toOpen: (row, host) => ({ ...egressState(row), hosts: host ? [host] : [] }),
  // Deleted an hour after it ends by the archive task's retention pass; nothing to do now.
  closed: () => undefined,
  pendingRetries: () => getDb().replayHls.findMany({ where: retryRow }),
};
