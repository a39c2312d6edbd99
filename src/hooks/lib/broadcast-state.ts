import type { Problem } from './problems';

/** The DJ console's connection phases; `data-state` on the status uses these names. */
export type BroadcastPhase = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'stopping' | 'error';

export type BroadcastState = {
  phase: BroadcastPhase;
  error: Problem | null;
  /** Epoch ms the current set went on air, null when not live. */
  liveSince: number | null;
};

export type BroadcastAction =
  | { type: 'connect' }
  | { type: 'published'; at: number }
  | { type: 'reconnecting' }
  | { type: 'reconnected' }
  | { type: 'stop' }
  | { type: 'stopped' }
  | { type: 'failed'; error: Problem };

export const initialBroadcastState: BroadcastState = { phase: 'idle', error: null, liveSince: null };

export function canGoLive(phase: BroadcastPhase): boolean {
  return phase === 'idle' || phase === 'error';
}

export function canStop(phase: BroadcastPhase): boolean {
  return phase === 'connecting' || phase === 'live' || phase === 'reconnecting';
}

/** Events that make no sense in the current phase are ignored, so late LiveKit events cannot resurrect a stopped set. */
export function broadcastReducer(state: BroadcastState, action: BroadcastAction): BroadcastState {
  switch (action.type) {
    case 'connect':
      return canGoLive(state.phase) ? { phase: 'connecting', error: null, liveSince: null } : state;
    case 'published':
      return state.phase === 'connecting' ? { ...state, phase: 'live', liveSince: action.at } : state;
    case 'reconnecting':
      return state.phase === 'live' ? { ...state, phase: 'reconnecting' } : state;
    case 'reconnected':
      return state.phase === 'reconnecting' ? { ...state, phase: 'live' } : state;
    case 'stop':
      return canStop(state.phase) ? { ...state, phase: 'stopping' } : state;
    case 'stopped':
      return initialBroadcastState;
    case 'failed':
      // A failure while stopping is just the end of the stop.
      if (state.phase === 'stopping' || state.phase === 'idle') return initialBroadcastState;
      return { phase: 'error', error: action.error, liveSince: null };
  }
}
