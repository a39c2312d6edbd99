import type { BroadcastPhase } from '@/hooks/lib/broadcast-state';

/** Status line for the DJ console. */
export function broadcastStatusText(phase: BroadcastPhase): string {
  switch (phase) {
    case 'idle':
      return 'Off air.';
    case 'connecting':
      return 'Connecting to the radio server…';
    case 'live':
      return 'On air.';
    case 'reconnecting':
      return 'Connection unstable: reconnecting. Listeners may hear a gap.';
    case 'stopping':
      return 'Stopping…';
    case 'error':
      return 'Not on air.';
  }
}
