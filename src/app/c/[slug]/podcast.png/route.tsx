import { ImageResponse } from 'next/og';
import { archiveParamsSchema } from '@/types/archive';
import { archiveChannel } from '@/server/archive';
import { handler, parseParams } from '@/server/http';
import { getBranding } from '@/server/station';

export const dynamic = 'force-dynamic';

/** The podcast's cover: 1400 x 1400 PNG, the smallest square Apple accepts. (Satori: one text node per div.) */
export const GET = handler<{ slug: string }>(async (_req, { params }) => {
  const { slug } = await parseParams(params, archiveParamsSchema);
  const [channel, station] = await Promise.all([archiveChannel(slug), getBranding()]);
  const accent = station.accent ?? '#f5a524';
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        padding: 120,
        gap: 48,
        background: '#0b0c0f',
        color: '#ecebe7',
        fontFamily: 'sans-serif',
      }}
    >
      <div style={{ width: 160, height: 24, background: accent, borderRadius: 12 }} />
      <div style={{ fontSize: 150, fontWeight: 700, lineHeight: 1.05 }}>{channel.name}</div>
      <div style={{ fontSize: 64, color: '#9a9fa9' }}>{`${station.name} · sets to listen again`}</div>
    </div>,
    { width: 1400, height: 1400, headers: { 'cache-control': 'public, max-age=3600' } },
  );
});
