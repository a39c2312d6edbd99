import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { waitFor } from './browser';
import { requireEnv } from './env';

/** Where the stable /c/<slug>/live.m3u8 redirects now (the current attempt's live playlist), or null. */
export async function livePlaylistUrl(appUrl: string, slug: string): Promise<string | null> {
  const res = await fetch(`${appUrl}/c/${slug}/live.m3u8`, { redirect: 'manual' }).catch(() => null);
  await res?.body?.cancel();
  return res?.status === 302 ? res.headers.get('location') : null;
}

/** When the stable /c/<slug>/live.m3u8 first redirects to a live playlist that lists a segment (polled every 100 ms). */
export async function firstPlayableSegment(appUrl: string, slug: string, timeoutMs = 60_000): Promise<{ at: number; playlist: string }> {
  return waitFor(
    'a live playlist with a segment behind /c/<slug>/live.m3u8',
    async () => {
      const location = await livePlaylistUrl(appUrl, slug);
      if (!location) return null;
      const list = await fetch(location, { cache: 'no-store' });
      const text = list.status === 200 ? await list.text() : '';
      return /\.ts\s*$/m.test(text) ? { at: Date.now(), playlist: location } : null;
    },
    timeoutMs,
    100,
  );
}

/** Every .ts object of the channel's broadcasts in storage: bytes, count and seconds of programme. */
export async function storageFigures(channelId: string): Promise<{ bytes: number; segments: number; seconds: number }> {
  const s3 = new S3Client({
    endpoint: requireEnv('S3_ENDPOINT'),
    region: requireEnv('S3_REGION'),
    forcePathStyle: true,
    credentials: { accessKeyId: requireEnv('S3_ACCESS_KEY_ID'), secretAccessKey: requireEnv('S3_SECRET_ACCESS_KEY') },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  let bytes = 0;
  let segments = 0;
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: requireEnv('S3_BUCKET'), Prefix: `hls/${channelId}/`, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) {
      if (!o.Key?.endsWith('.ts')) continue;
      bytes += o.Size ?? 0;
      segments += 1;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  s3.destroy();
  // Egress writes 2 s segments (#EXTINF:1.997 or 2.0); the partial last one is not listed yet.
  return { bytes, segments, seconds: segments * 2 };
}
