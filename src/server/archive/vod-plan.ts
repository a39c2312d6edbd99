// Pure stitching of a set's recording: every egress attempt's segments, in start order, into one
// VOD playlist with a discontinuity between attempts (unit tested; finalise.ts does the I/O).
import type { TimelinePart } from '@/types/archive';

export type Segment = { uri: string; seconds: number; at: number | null };
export type Attempt = { attempt: number; segments: Segment[] };

/** Nominal segment length (egress writes 2 s segments): used for a segment its playlist never named. */
export const NOMINAL_SEGMENT_SECONDS = 2;

/** `a<n>-seg_00012.ts` -> attempt n and sequence 12; null for anything else (playlists, the .m4a). */
export function segmentName(name: string): { attempt: number; seq: number } | null {
  const m = /^a(\d+)-seg_?(\d+)\.ts$/.exec(name);
  return m ? { attempt: Number(m[1]), seq: Number(m[2]) } : null;
}

/** Segments of an egress media playlist (EXTINF and, when written, PROGRAM-DATE-TIME). */
export function parseMediaPlaylist(text: string): Segment[] {
  const out: Segment[] = [];
  let seconds: number | null = null;
  let at: number | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#EXTINF:')) seconds = Number.parseFloat(line.slice(8));
    else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) {
      const t = Date.parse(line.slice(25));
      at = Number.isNaN(t) ? null : t;
    } else if (line && !line.startsWith('#')) {
      if (seconds !== null && Number.isFinite(seconds) && seconds > 0) out.push({ uri: line.split('/').at(-1) ?? line, seconds, at });
      seconds = null;
      at = null;
    }
  }
  return out;
}

/**
 * One attempt's segments: those its playlist names and storage holds, then any stored segment the
 * playlist never got to name (an egress killed mid-write), in sequence order with the nominal length.
 */
export function attemptSegments(playlist: Segment[], stored: string[]): Segment[] {
  const have = new Set(stored);
  const named = playlist.filter((s) => have.has(s.uri));
  const seen = new Set(named.map((s) => s.uri));
  const seq = (uri: string) => segmentName(uri)?.seq ?? 0;
  const extra = stored.filter((u) => !seen.has(u)).map((uri) => ({ uri, seconds: NOMINAL_SEGMENT_SECONDS, at: null }));
  return [...named, ...extra].sort((a, b) => seq(a.uri) - seq(b.uri));
}

/** Groups a folder listing's segment names by attempt, in attempt (start) order. */
export function segmentsByAttempt(names: string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const name of names) {
    const s = segmentName(name);
    if (s) out.set(s.attempt, [...(out.get(s.attempt) ?? []), name]);
  }
  return new Map([...out.entries()].sort((a, b) => a[0] - b[0]));
}

export type Vod = { text: string; seconds: number; timeline: TimelinePart[] };

const iso = (ms: number) => new Date(ms).toISOString();

/** The VOD playlist of a whole set; null when no attempt wrote a segment. */
export function stitchVod(attempts: Attempt[]): Vod | null {
  const parts = attempts.filter((a) => a.segments.length > 0).sort((a, b) => a.attempt - b.attempt);
  if (!parts.length) return null;
  const all = parts.flatMap((p) => p.segments);
  const target = Math.max(...all.map((s) => Math.ceil(s.seconds)));
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-PLAYLIST-TYPE:VOD', `#EXT-X-TARGETDURATION:${target}`, '#EXT-X-MEDIA-SEQUENCE:0'];
  const timeline: TimelinePart[] = [];
  let offset = 0;
  parts.forEach((part, i) => {
    if (i > 0) lines.push('#EXT-X-DISCONTINUITY');
    const first = part.segments[0];
    const at = first?.at ?? null;
    if (at !== null) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${iso(at)}`);
    let seconds = 0;
    for (const s of part.segments) {
      lines.push(`#EXTINF:${s.seconds.toFixed(3)},`, s.uri);
      seconds += s.seconds;
    }
    timeline.push({ offset: round3(offset), at, seconds: round3(seconds) });
    offset += seconds;
  });
  lines.push('#EXT-X-ENDLIST', '');
  return { text: lines.join('\n'), seconds: round3(offset), timeline };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
