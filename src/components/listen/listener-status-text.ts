import type { ListenerState } from '@/lib/client/listening/listener-state';

/**
 * Plain-language status line for the player. `djOnAir` comes from the polled channel state;
 * `replay`: nobody is on air and AutoDJ replays an archived set (docs/autodj.md).
 */
export function listenerStatusText(state: Pick<ListenerState, 'phase' | 'error' | 'attempt'>, djOnAir: boolean, replay = false): string {
  const replaying = replay && !djOnAir;
  switch (state.phase) {
    case 'idle':
      if (replaying) return 'A replay is playing until the next DJ. Press Play to listen.';
      return djOnAir ? 'Press Play to listen live.' : 'Off air. Press Play to wait for the next set.';
    case 'connecting':
      return 'Connecting…';
    case 'waiting':
      return djOnAir ? 'Connected. The DJ’s audio is on its way…' : 'Connected. Waiting for the DJ to go live.';
    case 'playing':
      return replaying ? 'Playing a replay.' : 'Playing live.';
    case 'reconnecting': {
      const why = state.error ? `${state.error.message} ` : 'Connection lost. ';
      return state.attempt > 1 ? `${why}Reconnecting (attempt ${state.attempt})…` : `${why}Reconnecting…`;
    }
    case 'error':
      return state.error?.message ?? 'Playback stopped.';
  }
}
