import type { ListenerState } from '@/lib/client/listening/listener-state';

/** Plain-language status line for the player. `djOnAir` comes from the polled channel state. */
export function listenerStatusText(state: Pick<ListenerState, 'phase' | 'error' | 'attempt'>, djOnAir: boolean): string {
  switch (state.phase) {
    case 'idle':
      return djOnAir ? 'Press Play to listen live.' : 'Off air. Press Play to wait for the next set.';
    case 'connecting':
      return 'Connecting…';
    case 'waiting':
      return djOnAir ? 'Connected. The DJ’s audio is on its way…' : 'Connected. Waiting for the DJ to go live.';
    case 'playing':
      return 'Playing live.';
    case 'reconnecting': {
      const why = state.error ? `${state.error.message} ` : 'Connection lost. ';
      return state.attempt > 1 ? `${why}Reconnecting (attempt ${state.attempt})…` : `${why}Reconnecting…`;
    }
    case 'error':
      return state.error?.message ?? 'Playback stopped.';
  }
}
