import { ImageResponse } from 'next/og';
import { inkFor } from '@/lib/branding/accent-plan';
import type { CardStatus } from '@/lib/share/card-text';

/** Open Graph's recommended size; Twitter's large card crops the same image. */
export const SHARE_CARD_SIZE = { width: 1200, height: 630 };

export type ShareCardProps = {
  title: string;
  detail: string;
  status?: CardStatus;
  statusLabel?: string;
  /** The station's name and accent (null: the default amber) as its admin set them. */
  site: { name: string; accent: string | null };
};

const INK = '#ecebe7';
const MUTED = '#9a9fa9';
const ACCENT = '#f5a524';
const ACCENT_INK = '#1a1203';

/** The on-air lamp: red while live, an outline otherwise. */
function StatusPill({ status, label }: { status: CardStatus; label: string }) {
  const live = status === 'on-air';
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        padding: '12px 28px',
        borderRadius: 999,
        fontSize: 34,
        letterSpacing: 4,
        color: live ? '#ffffff' : MUTED,
        background: live ? '#c81e1e' : 'transparent',
        border: live ? '3px solid #c81e1e' : `3px solid ${MUTED}`,
      }}
    >
      <div style={{ width: 18, height: 18, borderRadius: 9, background: live ? '#ffffff' : MUTED }} />
      {label}
    </div>
  );
}

/**
 * A share card (link previews): station mark and name, the title and a line under it, and for
 * a channel its on-air state. Rendered with next/og's bundled font: nothing is fetched.
 */
export function shareCardImage({ title, detail, status, statusLabel, site }: ShareCardProps): ImageResponse {
  const accent = site.accent ?? ACCENT;
  const accentInk = site.accent ? inkFor(site.accent).ink : ACCENT_INK;
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: 72,
        background: '#0b0c0f',
        color: INK,
        fontFamily: 'sans-serif',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 24, fontSize: 40, color: MUTED }}>
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            width: 72,
            height: 72,
            borderRadius: 16,
            background: accent,
          }}
        >
          <div
            style={{
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              width: 42,
              height: 42,
              borderRadius: 21,
              border: `6px solid ${accentInk}`,
            }}
          >
            <div style={{ width: 16, height: 16, borderRadius: 8, background: accentInk }} />
          </div>
        </div>
        {site.name}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 28 }}>
        <div style={{ display: 'flex', fontSize: title.length > 30 ? 68 : 92, lineHeight: 1.1, color: INK }}>{title}</div>
        <div style={{ display: 'flex', fontSize: 40, color: MUTED }}>{detail}</div>
      </div>
      <div style={{ display: 'flex', height: 72 }}>{status && statusLabel ? <StatusPill status={status} label={statusLabel} /> : null}</div>
    </div>,
    SHARE_CARD_SIZE,
  );
}
