// Pure helpers of the Follow button: key decoding and the words shown for each state.

export type FollowPhase = 'checking' | 'unsupported' | 'off' | 'not-following' | 'following';

/** The VAPID public key (base64url) as the bytes pushManager.subscribe() takes. */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

/** Why following cannot go on, given Notification.permission after asking; null when granted. */
export function permissionProblem(permission: NotificationPermission): string | null {
  if (permission === 'granted') return null;
  if (permission === 'denied')
    return "Notifications are blocked for this site. Allow them in your browser's site settings, then press Follow again.";
  return 'Notifications were not allowed, so this channel cannot notify you. Press Follow to be asked again.';
}

/** The line under the button; null when the button says it all. */
export function followNote(phase: FollowPhase): string | null {
  switch (phase) {
    case 'unsupported':
      return 'This browser cannot show notifications from a web page (on iPhone and iPad: add the station to the home screen first).';
    case 'off':
      return 'Follow is not available on this station.';
    case 'following':
      return 'You will be notified when this channel goes live and 10 minutes before each show.';
    default:
      return null;
  }
}
