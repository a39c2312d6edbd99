// Watches one egress's live HLS playlist in MinIO across a DJ handover: is it still the same
// playlist, does it keep growing, does it end (#EXT-X-ENDLIST) or mark a discontinuity, and how
// long are its segments and the pauses between its rewrites.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { requireEnv, sleep } from './env';

export function stackS3(): S3Client {
  return new S3Client({
    endpoint: requireEnv('S3_ENDPOINT'),
    region: requireEnv('S3_REGION'),
    forcePathStyle: true,
    credentials: { accessKeyId: requireEnv('S3_ACCESS_KEY_ID'), secretAccessKey: requireEnv('S3_SECRET_ACCESS_KEY') },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export async function readObject(s3: S3Client, key: string): Promise<string | null> {
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: requireEnv('S3_BUCKET'), Key: key }));
    return (await res.Body?.transformToString()) ?? null;
  } catch {
    return null;
  }
}

export type Playlist = { mediaSequence: number; segments: { uri: string; duration: number }[]; ended: boolean; discontinuities: number };

export function parsePlaylist(text: string): Playlist {
  const lines = text.split('\n').map((l) => l.trim());
  const segments: Playlist['segments'] = [];
  let duration = 0;
  for (const line of lines) {
    if (line.startsWith('#EXTINF:')) duration = Number(line.slice(8).split(',')[0]);
    else if (line && !line.startsWith('#')) segments.push({ uri: line, duration });
  }
  const seq = lines.find((l) => l.startsWith('#EXT-X-MEDIA-SEQUENCE:'));
  return {
    mediaSequence: seq ? Number(seq.split(':')[1]) : 0,
    segments,
    ended: lines.includes('#EXT-X-ENDLIST'),
    discontinuities: lines.filter((l) => l === '#EXT-X-DISCONTINUITY').length,
  };
}

export type Watch = {
  /** Distinct segments seen (by URI), in order, with their durations. */
  segments: { uri: string; duration: number; firstSeenMs: number }[];
  ended: boolean;
  discontinuities: number;
  /** Longest wall time between two rewrites that added a segment. */
  longestPauseMs: number;
  /** Wall time (ms since the watch started) of the last rewrite that added a segment. */
  lastGrowthMs: number;
};

/** Polls the live playlist every 250 ms for `seconds`; `t0` is the reference for firstSeenMs. */
export async function watchPlaylist(s3: S3Client, key: string, seconds: number, t0 = Date.now()): Promise<Watch> {
  const seen = new Map<string, { uri: string; duration: number; firstSeenMs: number }>();
  let ended = false;
  let discontinuities = 0;
  let lastGrowth = Date.now() - t0;
  let longestPause = 0;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const text = await readObject(s3, key);
    if (text) {
      const p = parsePlaylist(text);
      ended ||= p.ended;
      discontinuities = Math.max(discontinuities, p.discontinuities);
      const now = Date.now() - t0;
      let grew = false;
      for (const s of p.segments) {
        if (seen.has(s.uri)) continue;
        seen.set(s.uri, { ...s, firstSeenMs: now });
        grew = true;
      }
      if (grew) {
        longestPause = Math.max(longestPause, now - lastGrowth);
        lastGrowth = now;
      }
    }
    await sleep(250);
  }
  return { segments: [...seen.values()], ended, discontinuities, longestPauseMs: longestPause, lastGrowthMs: lastGrowth };
}
