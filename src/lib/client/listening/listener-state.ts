import type { Problem } from '@/lib/client/publishing/problems';

/** The listener player's phases; `data-state` on the status uses these names. */
export type ListenerPhase = 'idle' | 'connecting' | 'waiting' | 'playing' | 'reconnecting' | 'error';

export type ListenerState = {
  phase: ListenerPhase;
  /** A DJ track is attached to the audio element. */
  hasTrack: boolean;
  error: Problem | null;
  /** 1-based reconnect attempt while phase is reconnecting, else 0. */
  attempt: number;
};

export type ListenerAction =
  | { type: 'play' }
  | { type: 'connected' }
  | { type: 'track'; present: boolean }
  | { type: 'reconnecting'; attempt: number; error: Problem | null }
  | { type: 'failed'; error: Problem }
  | { type: 'stop' };

export const initialListenerState: ListenerState = {
  phase: 'idle',
  hasTrack: false,
  error: null,
  attempt: 0,
};

const connectedPhase = (hasTrack: boolean): ListenerPhase => (hasTrack ? 'playing' : 'waiting');

export function listenerReducer(state: ListenerState, action: ListenerAction): ListenerState {
  switch (action.type) {
    case 'play':
      return state.phase === 'idle' || state.phase === 'error' ? { ...initialListenerState, phase: 'connecting' } : state;
    case 'connected':
      if (state.phase !== 'connecting' && state.phase !== 'reconnecting') return state;
      return { ...state, phase: connectedPhase(state.hasTrack), error: null, attempt: 0 };
    case 'track': {
      if (state.phase === 'idle' || state.phase === 'error') return state;
      const hasTrack = action.present;
      // While (re)connecting the phase settles on `connected`; only flip it once connected.
      const settled = state.phase === 'waiting' || state.phase === 'playing';
      return { ...state, hasTrack, phase: settled ? connectedPhase(hasTrack) : state.phase };
    }
    case 'reconnecting':
      if (state.phase === 'idle' || state.phase === 'error') return state;
      return { ...state, phase: 'reconnecting', attempt: action.attempt, error: action.error };
    case 'failed':
      if (state.phase === 'idle') return state;
      return { ...initialListenerState, phase: 'error', error: action.error };
    case 'stop':
      return initialListenerState;
  }
}
