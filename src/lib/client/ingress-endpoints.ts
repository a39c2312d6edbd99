import type { IngressInputKind } from '@/types/room';
import type { IngressAvailability, IngressEndpoint, IngressStatus } from '@/types/ingress';

export type IngressBadge = {
  state: IngressStatus | 'refused' | 'green_room';
  label: string;
  tone: 'neutral' | 'live' | 'warning' | 'danger';
};

/** Replaces the endpoint with the same input (a rotation keeps the id but changes the key) or adds it. */
export function upsertEndpoint(list: IngressEndpoint[], next: IngressEndpoint): IngressEndpoint[] {
  const rest = list.filter((e) => e.inputType !== next.inputType);
  return [...rest, next].sort((a, b) => a.inputType.localeCompare(b.inputType));
}

export function removeEndpoint(list: IngressEndpoint[], id: string): IngressEndpoint[] {
  return list.filter((e) => e.id !== id);
}

export function endpointFor(list: IngressEndpoint[], input: IngressInputKind): IngressEndpoint | null {
  return list.find((e) => e.inputType === input) ?? null;
}

/** A time on the DJ's own clock: the hour today, with the day otherwise. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === now.toDateString()) return time;
  return `${at.toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short' })}, ${time}`;
}

type EndpointState = Pick<IngressEndpoint, 'status' | 'enabled' | 'availability'>;

/** Why pushes are refused now and when they will work, in the DJ's words. */
function refusalText(a: IngressAvailability, now: Date): string {
  if (a.state !== 'refused') return 'Paused: pushes are refused until you may go on air';
  const slot = a.title ? `your slot “${a.title}”` : 'your slot';
  switch (a.reason) {
    case 'not_yet':
      return `Refused now: it is not your slot yet. OBS can connect from ${formatWhen(a.opensAt ?? '', now)} (the green room) and goes on air when ${slot} starts at ${formatWhen(a.slotStart ?? '', now)}.`;
    case 'no_slot':
      return 'Refused: you have no upcoming slot on this channel, so OBS cannot connect. Ask an admin for a slot.';
    case 'kicked':
      return `Refused: an admin took you off air on this channel${a.until ? ` until ${formatWhen(a.until, now)}` : ''}.`;
    case 'disabled':
      return 'Refused: your account is disabled.';
  }
}

/** What the DJ reads next to an input. */
export function ingressStatusText(endpoint: EndpointState, now: Date = new Date()): string {
  const { status, enabled, availability: a } = endpoint;
  if (!enabled || a.state === 'refused') return refusalText(a, now);
  if (a.state === 'green_room') {
    const at = formatWhen(a.slotStart, now);
    if (status === 'live' || status === 'connecting')
      return `Connected in the green room: not on air yet. Listeners hear OBS from ${at}, no reconnect needed.`;
    return `Green room: start streaming in OBS now; it goes on air at ${at}.`;
  }
  switch (status) {
    case 'live':
      return 'On air from OBS';
    case 'connecting':
      return 'OBS connected, starting…';
    case 'error':
      return 'The last stream failed; start streaming in OBS again';
    default:
      return 'Waiting for OBS';
  }
}

/** The badge beside an input: refused wins, then the green room, then LiveKit's state. */
export function ingressBadge(endpoint: EndpointState): IngressBadge {
  if (!endpoint.enabled || endpoint.availability.state === 'refused') return { state: 'refused', label: 'Refused', tone: 'warning' };
  if (endpoint.availability.state === 'green_room' && endpoint.status !== 'error')
    return { state: 'green_room', label: 'Green room', tone: 'neutral' };
  switch (endpoint.status) {
    case 'live':
      return { state: 'live', label: 'On air', tone: 'live' };
    case 'connecting':
      return { state: 'connecting', label: 'Starting', tone: 'neutral' };
    case 'error':
      return { state: 'error', label: 'Failed', tone: 'danger' };
    default:
      return { state: 'idle', label: 'Idle', tone: 'neutral' };
  }
}
