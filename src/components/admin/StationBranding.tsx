'use client';
import { useRouter } from 'next/navigation';
import { type FormEvent, useCallback, useState } from 'react';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { FormActions } from '@/components/ui/FormActions';
import { Input } from '@/components/ui/Input';
import { useApiAction } from '@/hooks/useApiAction';
import { updateBranding } from '@/lib/api-client';
import { checkAccent, themeAccent } from '@/lib/branding/accent-plan';
import { formatRatio, contrastRatio, isHexColour } from '@/lib/branding/contrast';
import { brandingInputSchema, type Branding } from '@/types/station';
import { LogoUpload } from './LogoUpload';

async function save(raw: Record<string, string>) {
  const accent = (raw.accent ?? '').trim();
  const parsed = brandingInputSchema.safeParse({ name: raw.name, tagline: raw.tagline, accent: accent === '' ? null : accent });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('. '));
  return updateBranding(parsed.data);
}

/** What the accent does in each theme: its text contrast, and the shade a theme uses when it had to adjust it. */
function AccentReport({ accent }: { accent: string }) {
  if (!isHexColour(accent)) return null;
  const check = checkAccent(accent);
  if (!check.ok) return null;
  return (
    <ul className="flex flex-col gap-1 text-xs text-muted" data-testid="accent-report">
      {(['dark', 'light'] as const).map((theme) => {
        const pair = themeAccent(accent, theme);
        return (
          <li key={theme} className="flex items-center gap-2">
            <span className="rounded px-2 py-0.5 font-medium" style={{ background: pair.accent, color: pair.ink }}>
              Aa
            </span>
            {theme === 'dark' ? 'Dark' : 'Light'} theme: {pair.accent}, text on it {formatRatio(contrastRatio(pair.accent, pair.ink))}
            {pair.accent !== accent.toLowerCase() && ' (adjusted so it also reads as text on this theme)'}
          </li>
        );
      })}
    </ul>
  );
}

/** The accent as hex text with a colour picker beside it, and what each theme makes of it. */
function AccentField({ accent, onChange }: { accent: string; onChange: (value: string) => void }) {
  return (
    <>
      <Field
        label="Accent colour"
        htmlFor="station-accent"
        className="sm:col-span-2"
        hint="A hex colour such as #1d4ed8; empty keeps the default amber. Text on it must reach 4.5:1 (WCAG AA)."
      >
        <div className="flex items-center gap-2">
          <Input
            id="station-accent"
            name="accent"
            value={accent}
            onChange={(e) => onChange(e.target.value)}
            placeholder="#f5a524"
            maxLength={7}
            aria-describedby="station-accent-hint"
            className="max-w-40 font-mono"
          />
          <input
            type="color"
            aria-label="Pick the accent colour"
            value={isHexColour(accent) ? accent.toLowerCase() : '#f5a524'}
            onChange={(e) => onChange(e.target.value)}
            className="h-10 w-12 cursor-pointer rounded-md border border-line bg-bg"
          />
        </div>
      </Field>
      <div className="sm:col-span-2">
        <AccentReport accent={accent} />
      </div>
    </>
  );
}

/** /admin/station: the station's name, tagline, accent colour and logo. */
export function StationBranding({ initial }: { initial: Branding }) {
  const router = useRouter();
  const [accent, setAccent] = useState(initial.accent ?? '');
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useApiAction(save);
  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      setSaved(false);
      const raw = Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
      if (await run(raw)) {
        setSaved(true);
        router.refresh();
      }
    },
    [run, router],
  );

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Station look</h1>
      <Card title="Name and colour" description="Shown in the header, page titles, share cards, the installed app and the embedded player.">
        <form method="post" onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate>
          <Field label="Station name" htmlFor="station-name">
            <Input id="station-name" name="name" defaultValue={initial.name} maxLength={40} required />
          </Field>
          <Field label="Tagline" htmlFor="station-tagline">
            <Input id="station-tagline" name="tagline" defaultValue={initial.tagline} maxLength={120} />
          </Field>
          <AccentField accent={accent} onChange={setAccent} />
          <FormActions error={error} pending={pending} submitLabel="Save" span="sm:col-span-2" errorTestId="station-error" />
          {saved && (
            <p role="status" data-testid="station-saved" className="text-sm text-ok sm:col-span-2">
              Saved.
            </p>
          )}
        </form>
      </Card>
      <LogoUpload logoUrl={initial.logoUrl} onChanged={() => router.refresh()} />
    </div>
  );
}
