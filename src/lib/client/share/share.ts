import { shareMethod, shareRejection, type ShareOutcome } from '@/lib/share/share-plan';

/** Copies text to the clipboard (needs a secure context: https or localhost). */
export async function copyText(text: string): Promise<ShareOutcome> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'failed';
  }
}

/** Shares a link through the system share sheet where the browser has one, else copies it. */
export async function shareLink(data: { url: string; title: string; text?: string }): Promise<ShareOutcome> {
  const method = shareMethod({
    share: typeof navigator.share === 'function' && (navigator.canShare?.(data) ?? true),
    clipboard: typeof navigator.clipboard?.writeText === 'function',
  });
  if (method === 'copy') return copyText(data.url);
  if (method === 'none') return 'failed';
  try {
    await navigator.share(data);
    return 'shared';
  } catch (error) {
    return shareRejection(error);
  }
}
