'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/Button';

export type CopyFieldProps = {
  label: string;
  value: string;
  /** Shown instead of the value until revealed (secrets). */
  masked?: string;
  testId: string;
};

/** A read-only value with Copy (and Show/Hide for secrets). Copying never reveals it on screen. */
export function CopyField({ label, value, masked, testId }: CopyFieldProps) {
  const [revealed, setRevealed] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied(null), 2_000);
  };
  const shown = masked !== undefined && !revealed ? masked : value;
  return (
    <div className="flex flex-col gap-1">
      <span className="text-xs font-semibold tracking-wide text-muted uppercase">{label}</span>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid={testId}
          data-revealed={masked === undefined || revealed}
          className="min-w-0 flex-1 rounded border border-line bg-bg px-2 py-1.5 font-mono text-sm break-all"
        >
          {shown}
        </code>
        {masked !== undefined && (
          <Button variant="ghost" size="sm" data-testid={`${testId}-reveal`} onClick={() => setRevealed((r) => !r)}>
            {revealed ? 'Hide' : 'Show'}
          </Button>
        )}
        <Button variant="secondary" size="sm" data-testid={`${testId}-copy`} onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed: select it' : 'Copy'}
        </Button>
      </div>
    </div>
  );
}
