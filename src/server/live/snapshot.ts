import 'server-only';
import type { ChannelSlotInfo, ChannelState, StationState } from '@/types/channel';
import type { OccurrenceDto } from '@/types/schedule';
import { getChannelBySlug, listChannels } from '../channels/queries';
import { scheduleFor } from '../schedule';

/** Later features register their live values here (e.g. "bpm"); each provider is asked per channel. */
type FieldProvider = (channelId: string) => Promise<unknown>;
// On globalThis, like the stream topics: registrations and the streams live in different bundles.
const holder = globalThis as typeof globalThis & { __radioStreamFields?: Map<string, FieldProvider> };
const providers = (holder.__radioStreamFields ??= new Map<string, FieldProvider>());

export function registerChannelField(name: string, provider: FieldProvider): void {
  providers.set(name, provider);
}

const slotInfo = (o: OccurrenceDto | null): ChannelSlotInfo | null =>
  o ? { title: o.title, start: o.start, end: o.end, hosts: o.hosts.map((h) => h.name) } : null;

async function stateOf(channel: ChannelState['channel'], now: Date): Promise<ChannelState> {
  const schedule = await scheduleFor(channel, now, now, now);
  const extras: Record<string, unknown> = {};
  for (const [name, provider] of providers) extras[name] = await provider(channel.id).catch(() => null);
  return { channel, now: slotInfo(schedule.now), next: slotInfo(schedule.next), extras };
}

/** One channel's live state, schedule now/next and extras; null when the channel is gone. */
export async function channelState(slug: string, now = new Date()): Promise<ChannelState | null> {
  const channel = await getChannelBySlug(slug);
  return channel ? stateOf(channel, now) : null;
}

export async function stationState(now = new Date()): Promise<StationState> {
  const channels = await listChannels();
  return { channels: await Promise.all(channels.map((c) => stateOf(c, now))) };
}
