import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '@/types/api';
import type { AuditListResponse } from '@/types/audit';
import { DEFAULT_BRANDING, type Branding } from '@/types/station';
import { AppClient, createDj, signedInAdmin } from '../support/app-client';
import { SCRIPTED_SVG, TINY_PNG } from '../support/images';

let admin: AppClient;
const STATION = '/api/admin/station';
const LOGO = '/api/admin/station/logo';

const sendLogo = (client: AppClient, bytes: Uint8Array<ArrayBuffer>, type: string) =>
  client.requestWith<Branding & ApiErrorBody>('PUT', LOGO, bytes, { 'content-type': type, origin: client.baseUrl });

beforeAll(async () => {
  admin = await signedInAdmin();
});

afterAll(async () => {
  // Other specs expect today's look.
  await admin.request('PUT', STATION, { ...DEFAULT_BRANDING, accent: null });
  await admin.request('DELETE', LOGO);
});

describe('station branding API', () => {
  it('is for admins only', async () => {
    const anon = new AppClient();
    expect((await anon.request('PUT', STATION, { name: 'X', tagline: '', accent: null })).status).toBe(401);
    expect((await sendLogo(anon, TINY_PNG, 'image/png')).status).toBe(401);
    const { dj } = await createDj(admin, 'DJ Branding');
    expect((await dj.request('PUT', STATION, { name: 'X', tagline: '', accent: null })).status).toBe(403);
    expect((await dj.request('GET', STATION)).status).toBe(403);
  });

  it('refuses a colour text cannot read on, saying the contrast it reached, and a non-hex one', async () => {
    const mid = await admin.request<ApiErrorBody>('PUT', STATION, { name: 'X', tagline: '', accent: '#7a7a7a' });
    expect(mid.status).toBe(400);
    expect(mid.body.error.message).toMatch(/#7a7a7a fails WCAG AA: text on it reaches at most 4\.\d:1 .*needs 4\.5:1/);
    const named = await admin.request<ApiErrorBody>('PUT', STATION, { name: 'X', tagline: '', accent: 'blue' });
    expect(named.status).toBe(400);
    expect(named.body.error.message).toMatch(/hex colour/);
  });

  it('takes JSON only, within the form size limit', async () => {
    const text = await admin.requestWith('PUT', STATION, 'name=X', { 'content-type': 'text/plain', origin: admin.baseUrl });
    expect(text.status).toBe(415);
    const big = await admin.request('PUT', STATION, { name: 'X', tagline: 'y'.repeat(20_000), accent: null });
    expect(big.status).toBe(413);
  });

  it('refuses a logo that is not PNG, JPEG or WebP by its declared type or by its bytes, and one over 256 KB', async () => {
    const svg = await sendLogo(admin, SCRIPTED_SVG, 'image/svg+xml');
    expect(svg.status).toBe(415);
    expect(svg.body.error.message).toMatch(/PNG, JPEG or WebP.*SVG is not accepted/);
    const disguised = await sendLogo(admin, SCRIPTED_SVG, 'image/png');
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.message).toMatch(/not a PNG image/);
    const jpegAsPng = await sendLogo(admin, new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]), 'image/png');
    expect(jpegAsPng.body.error.message).toMatch(/not a PNG image \(it is JPEG\)/);
    const huge = new Uint8Array(256 * 1024 + 1);
    huge.set(TINY_PNG);
    expect((await sendLogo(admin, huge, 'image/png')).status).toBe(413);
    expect((await admin.request('GET', STATION)).body).toMatchObject({ logoUrl: null });
  });

  it('saves name, tagline, accent and logo, serves the logo as stored, and audits each change', async () => {
    const saved = await admin.request<Branding>('PUT', STATION, {
      name: DEFAULT_BRANDING.name,
      tagline: 'Branding test.',
      accent: '#1D4ED8',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ tagline: 'Branding test.', accent: '#1d4ed8' });
    const logo = await sendLogo(admin, TINY_PNG, 'image/png');
    expect(logo.status).toBe(200);
    expect(logo.body.logoUrl).toMatch(/^\/api\/station\/logo\?v=/);
    const served = await fetch(new URL(logo.body.logoUrl ?? '', admin.baseUrl));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(TINY_PNG);
    const audit = (await admin.request<AuditListResponse>('GET', '/api/admin/audit?limit=10')).body.entries;
    expect(audit.find((e) => e.action === 'station.logo')?.detail).toBe(`image/png, ${TINY_PNG.byteLength} bytes`);
    expect(audit.find((e) => e.action === 'station.update')?.detail).toMatch(/tagline .* -> "Branding test\.", accent default -> #1d4ed8/);
    expect((await admin.request<Branding>('DELETE', LOGO)).body.logoUrl).toBeNull();
    expect((await fetch(new URL('/api/station/logo', admin.baseUrl))).status).toBe(404);
  });
});
