'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { useShareFeedback } from '@/hooks/useShareFeedback';
import { copyText, shareLink } from '@/lib/client/share/share';
import { channelPath, embedSnippet } from '@/lib/share/links';
import { shareFeedback, type ShareOutcome } from '@/lib/share/share-plan';

type Shown = { what: 'link' | 'embed code'; text: string };

/**
 * Share (the system share sheet where the browser has one, the clipboard otherwise) and
 * "Copy embed code" (the iframe snippet of /embed/<slug>), with visible feedback. When the
 * clipboard refuses, the text is shown to copy by hand.
 */
export function ShareControls({ slug, name }: { slug: string; name: string }) {
  const { message, show } = useShareFeedback();
  const [manual, setManual] = useState<Shown | null>(null);

  const report = (outcome: ShareOutcome, shown: Shown) => {
    show(shareFeedback(outcome, shown.what));
    setManual(outcome === 'failed' ? shown : null);
  };

  const share = async () => {
    // The page's own origin is the public one the listener reached it by.
    const url = new URL(channelPath(slug), window.location.origin).toString();
    report(await shareLink({ url, title: name, text: `Listen to ${name} live` }), { what: 'link', text: url });
  };

  const copyEmbed = async () => {
    const snippet = embedSnippet({ origin: window.location.origin, slug, name });
    report(await copyText(snippet), { what: 'embed code', text: snippet });
  };

  return (
    <div className="flex flex-col gap-2" data-testid="share-controls">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="sm" onClick={share} data-testid="share-button">
          Share
        </Button>
        <Button variant="ghost" size="sm" onClick={copyEmbed} data-testid="copy-embed-button">
          Copy embed code
        </Button>
        <span role="status" data-testid="share-feedback" className="text-sm text-muted">
          {message}
        </span>
      </div>
      {manual && (
        <label className="flex flex-col gap-1 text-sm text-muted">
          {manual.what === 'link' ? 'Link' : 'Embed code'}
          <textarea
            readOnly
            rows={manual.what === 'link' ? 1 : 3}
            value={manual.text}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full max-w-xl rounded border border-line bg-panel p-2 font-mono text-xs text-ink"
          />
        </label>
      )}
    </div>
  );
}
