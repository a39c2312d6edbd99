import 'server-only';
import type { LiveTempo } from '@/types/bpm';
import { sameTempo } from './sampling';

type TempoStore = { byChannel: Map<string, LiveTempo>; lastPointAt: Map<string, number> };

// On globalThis like the stream hub: the loop (instrumentation) writes it and the stream
// snapshots read it, and Next bundles those apart.
const holder = globalThis as typeof globalThis & { __radioTempo?: TempoStore };
const store = (holder.__radioTempo ??= { byChannel: new Map(), lastPointAt: new Map() });

/** The on-air publisher's tempo for a channel; null when off air or it publishes none. */
export function currentTempo(channelId: string): LiveTempo | null {
  return store.byChannel.get(channelId) ?? null;
}

/** Replaces every channel's tempo at once; returns true when anything changed. */
export function replaceTempos(next: ReadonlyMap<string, LiveTempo>): boolean {
  let changed = false;
  for (const id of new Set([...store.byChannel.keys(), ...next.keys()])) {
    if (!sameTempo(store.byChannel.get(id) ?? null, next.get(id) ?? null)) changed = true;
  }
  store.byChannel = new Map(next);
  return changed;
}

/** When each open broadcast last got a curve point (epoch ms); forgotten when it closes. */
export const lastPointAt = (): Map<string, number> => store.lastPointAt;
