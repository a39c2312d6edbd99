import { Track } from 'livekit-client';

/** The part of a remote track publication the listener's subscription choice needs. */
export type Subscribable = { kind: Track.Kind; isSubscribed: boolean; setSubscribed: (subscribed: boolean) => void };

/**
 * Listeners join without auto-subscribe and take audio only: a publisher can label any
 * track a microphone, and the server takes a few hundred ms to revoke it.
 */
export function subscribeIfAudio(publication: Subscribable): void {
  if (publication.kind === Track.Kind.Audio && !publication.isSubscribed) publication.setSubscribed(true);
}
