import 'server-only';
import { cache } from 'react';
import type { LogoType } from '@/lib/branding/logo-sniff';
import { DEFAULT_BRANDING, defaultBranding, type Branding, type BrandingInput } from '@/types/station';
import { audit, type AuditActor } from '../audit';
import { getDb } from '../db';

const ID = 'station';
type Actor = NonNullable<AuditActor>;

/** Where pages load the logo: versioned by the row's last change, so a new logo is never a stale cached one. */
export const logoPath = (updatedAt: Date) => `/api/station/logo?v=${updatedAt.getTime().toString(36)}`;

/** The station's look; today's defaults until an admin sets one. Once per request (layout, metadata, pages). */
export const getBranding = cache(async (): Promise<Branding> => {
  const row = await getDb().stationSettings.findUnique({
    where: { id: ID },
    select: { name: true, tagline: true, accent: true, logoType: true, updatedAt: true },
  });
  if (!row) return defaultBranding();
  return { name: row.name, tagline: row.tagline, accent: row.accent, logoUrl: row.logoType ? logoPath(row.updatedAt) : null };
});

/** Saves name, tagline and accent (already validated, contrast included) and audits what changed. */
export async function updateBranding(input: BrandingInput, actor: Actor): Promise<Branding> {
  const before = await getBranding();
  const data = { name: input.name, tagline: input.tagline, accent: input.accent };
  await getDb().stationSettings.upsert({ where: { id: ID }, create: { id: ID, ...data }, update: data });
  const changes = [
    before.name !== input.name ? `name "${before.name}" -> "${input.name}"` : null,
    before.tagline !== input.tagline ? `tagline "${before.tagline}" -> "${input.tagline}"` : null,
    before.accent !== input.accent ? `accent ${before.accent ?? 'default'} -> ${input.accent ?? 'default'}` : null,
  ].filter(Boolean);
  if (changes.length) await audit({ actor, action: 'station.update', detail: changes.join(', ') });
  return readBranding();
}

/** Stores (or, with null, removes) the logo; its type was sniffed from its bytes by the caller. */
export async function setLogo(logo: { bytes: Uint8Array<ArrayBuffer>; type: LogoType } | null, actor: Actor): Promise<Branding> {
  const data = { logo: logo?.bytes ?? null, logoType: logo?.type ?? null };
  await getDb().stationSettings.upsert({
    where: { id: ID },
    create: { id: ID, name: DEFAULT_BRANDING.name, tagline: DEFAULT_BRANDING.tagline, ...data },
    update: data,
  });
  await audit({ actor, action: 'station.logo', detail: logo ? `${logo.type}, ${logo.bytes.byteLength} bytes` : 'removed' });
  return readBranding();
}

/** The logo's bytes for the public logo route, or null. */
export async function getLogo(): Promise<{ bytes: Uint8Array<ArrayBuffer>; type: string; updatedAt: Date } | null> {
  const row = await getDb().stationSettings.findUnique({ where: { id: ID }, select: { logo: true, logoType: true, updatedAt: true } });
  if (!row?.logo || !row.logoType) return null;
  return { bytes: new Uint8Array(row.logo), type: row.logoType, updatedAt: row.updatedAt };
}

/** After a write: the cached getBranding of this request would be stale. */
async function readBranding(): Promise<Branding> {
  const row = await getDb().stationSettings.findUniqueOrThrow({ where: { id: ID } });
  return { name: row.name, tagline: row.tagline, accent: row.accent, logoUrl: row.logoType ? logoPath(row.updatedAt) : null };
}
