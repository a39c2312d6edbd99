'use client';
import { type ChangeEvent, useCallback, useRef } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { useApiAction } from '@/hooks/useApiAction';
import { removeLogo, uploadLogo } from '@/lib/api-client';
import { isLogoType, LOGO_MAX_BYTES, LOGO_TYPES } from '@/lib/branding/logo-sniff';

/** Checks what the browser can (type and size) before sending; the server checks the bytes again. */
async function send(file: File) {
  if (!isLogoType(file.type)) throw new Error('The logo must be a PNG, JPEG or WebP image (SVG is not accepted).');
  if (file.size > LOGO_MAX_BYTES) throw new Error(`The logo is ${Math.ceil(file.size / 1024)} KB; at most 256 KB.`);
  return uploadLogo(file);
}

/** The station logo: upload (shown beside the name in the header), replace or remove. */
export function LogoUpload({ logoUrl, onChanged }: { logoUrl: string | null; onChanged: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const upload = useApiAction(send);
  const remove = useApiAction(removeLogo);
  const onFile = useCallback(
    async (event: ChangeEvent<HTMLInputElement>) => {
      const file = event.target.files?.[0];
      if (!file) return;
      if (await upload.run(file)) onChanged();
      if (input.current) input.current.value = '';
    },
    [upload, onChanged],
  );
  const onRemove = useCallback(async () => {
    if (await remove.run()) onChanged();
  }, [remove, onChanged]);

  const error = upload.error ?? remove.error;
  return (
    <Card title="Logo" description="PNG, JPEG or WebP, at most 256 KB; square works best. It replaces the round mark beside the name.">
      <div className="flex flex-wrap items-end gap-4">
        {logoUrl && (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={logoUrl}
            alt="Current logo"
            data-testid="station-logo-preview"
            className="size-16 rounded-md border border-line object-contain"
          />
        )}
        <Field label={logoUrl ? 'Replace the logo' : 'Upload a logo'} htmlFor="station-logo">
          <input
            ref={input}
            id="station-logo"
            type="file"
            accept={LOGO_TYPES.join(',')}
            onChange={onFile}
            disabled={upload.pending}
            className="text-sm text-muted file:mr-3 file:rounded-md file:border file:border-line file:bg-panel-raised file:px-3 file:py-1.5 file:text-ink"
          />
        </Field>
        {logoUrl && (
          <Button variant="secondary" size="sm" busy={remove.pending} onClick={onRemove}>
            Remove logo
          </Button>
        )}
      </div>
      {error && (
        <Alert tone="error" className="mt-3" data-testid="logo-error">
          {error}
        </Alert>
      )}
    </Card>
  );
}
