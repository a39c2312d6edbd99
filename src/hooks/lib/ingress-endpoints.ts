import type { IngressInputKind } from '@/types/broadcast';
import type { IngressEndpoint, IngressStatus } from '@/types/ingress';

export type IngressBadge = { state: IngressStatus | 'paused'; label: string; tone: 'neutral' | 'live' | 'warning' | 'danger' };

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

/** What the DJ reads next to an input. */
export function ingressStatusText(status: IngressStatus, enabled: boolean): string {
  if (!enabled) return 'Paused: pushes are refused until you may go on air';
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

/** The badge beside an input: paused wins, then LiveKit's state. */
export function ingressBadge(endpoint: Pick<IngressEndpoint, 'status' | 'enabled'>): IngressBadge {
  if (!endpoint.enabled) return { state: 'paused', label: 'Paused', tone: 'warning' };
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
