/** How the Share button shares: the system share sheet where the browser has one, else the clipboard. */
export type ShareMethod = 'share' | 'copy' | 'none';

export type ShareAbilities = { share: boolean; clipboard: boolean };

export function shareMethod({ share, clipboard }: ShareAbilities): ShareMethod {
  if (share) return 'share';
  return clipboard ? 'copy' : 'none';
}

/** What happened, as the button reports it: a cancelled share sheet says nothing. */
export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed';

/** The visible feedback for an outcome, null for none. */
export function shareFeedback(outcome: ShareOutcome, what: 'link' | 'embed code'): string | null {
  switch (outcome) {
    case 'shared':
      return 'Shared';
    case 'copied':
      return what === 'link' ? 'Link copied' : 'Embed code copied';
    case 'cancelled':
      return null;
    case 'failed':
      return `Could not copy: select the ${what} below and copy it`;
  }
}

/** A rejected navigator.share: AbortError is the listener closing the sheet, anything else a failure. */
export function shareRejection(error: unknown): ShareOutcome {
  return error instanceof Error && error.name === 'AbortError' ? 'cancelled' : 'failed';
}
