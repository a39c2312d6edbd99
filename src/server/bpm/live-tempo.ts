import 'server-only';
import type { LiveTempo } from '@/types/bpm';
import { processSingleton } from '../singleton';
import { sameTempo } from './sampling';

/** A channel's tempo and the identity it was read from (the live publisher at the time). */
export type ChannelTempo = { identity: string; tempo: LiveTempo };
type TempoStore = { byChannel: Map<string, ChannelTempo>; lastPointAt: Map<string, number> };

// A process singleton: the loop writes it and the stream snapshots read it.
const store = processSingleton<TempoStore>('bpm.tempo', () => ({ byChannel: new Map(), lastPointAt: new Map() }));

/** The tempo last read for a channel, with whose it was; null when none. */
export function lastTempo(channelId: string): ChannelTempo | null {
  return store.byChannel.get(channelId) ?? null;
}

/** Replaces every channel's tempo at once; returns true when anything changed. */
export function replaceTempos(next: ReadonlyMap<string, ChannelTempo>): boolean {
  let changed = false;
  for (const id of new Set([...store.byChannel.keys(), ...next.keys()])) {
    const a = store.byChannel.get(id);
    const b = next.get(id);
    if (a?.identity !== b?.identity || !sameTempo(a?.tempo ?? null, b?.tempo ?? null)) changed = true;
  }
  store.byChannel = new Map(next);
  return changed;
}

/** When each open broadcast last got a curve point (epoch ms); forgotten when it closes. */
export const lastPointAt = (): Map<string, number> => store.lastPointAt;
