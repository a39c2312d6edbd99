import type { PublishingPhase } from '@/lib/client/publishing/publishing-state';

/** Status line for the DJ console. */
export function publishingStatusText(phase: PublishingPhase): string {
  switch (phase) {
    case 'idle':
      return 'Off air.';
    case 'connecting':
      return 'Connecting to the radio server…';
    case 'waiting':
      return 'In the green room: connected, not on air yet. You go on air automatically when your slot starts.';
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
