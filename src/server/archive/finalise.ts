import 'server-only';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appendObjectToFile, listFolder, putObject, readObjectText, type StorageConfig } from '../storage';
import { type Attempt, attemptSegments, parseMediaPlaylist, segmentsByAttempt, stitchVod, type Vod } from './vod-plan';

/** Names of the finished recording, beside the HLS in the set's folder. */
export const archiveKeys = (folder: string) => ({ playlist: `${folder}/set.m3u8`, audio: `${folder}/set.m4a` });

// Short CDN lifetimes: a hidden set's entry points must stop answering within a minute.
const CACHE_CONTROL = 'public, max-age=60';

/** Whether the last attempt's playlist is closed (egress wrote #EXT-X-ENDLIST when it stopped). */
export async function lastPlaylistClosed(conf: StorageConfig, folder: string, attempt: number): Promise<boolean> {
  if (attempt < 1) return true;
  const text = await readObjectText(conf, `${folder}/a${attempt}.m3u8`);
  return text?.includes('#EXT-X-ENDLIST') ?? false;
}

/** Every attempt's stored segments, in the order its playlist gives (or the names', past its end). */
async function readAttempts(conf: StorageConfig, folder: string): Promise<Attempt[]> {
  const names = (await listFolder(conf, folder)).map((o) => o.key.slice(folder.length + 1));
  const out: Attempt[] = [];
  for (const [attempt, stored] of segmentsByAttempt(names)) {
    const text = await readObjectText(conf, `${folder}/a${attempt}.m3u8`);
    out.push({ attempt, segments: attemptSegments(text ? parseMediaPlaylist(text) : [], stored) });
  }
  return out;
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.on('error', (e) => reject(new Error(`${cmd} could not start (${e.message}): the archive needs ffmpeg on the app's host`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${err.trim().slice(-500)}`))));
  });
}

/**
 * The .m4a of a set, without re-encoding: each attempt's segments joined into one MPEG-TS file
 * (continuous timestamps inside an attempt), the attempts joined by ffmpeg's concat demuxer
 * (which shifts each file's timestamps after the previous), AAC copied into MP4.
 */
async function buildAudio(conf: StorageConfig, folder: string, attempts: Attempt[], dir: string): Promise<string> {
  const parts: string[] = [];
  for (const a of attempts) {
    if (!a.segments.length) continue;
    const file = path.join(dir, `a${a.attempt}.ts`);
    for (const s of a.segments) await appendObjectToFile(conf, `${folder}/${s.uri}`, file);
    parts.push(file);
  }
  const list = path.join(dir, 'parts.txt');
  await writeFile(list, parts.map((p) => `file '${p}'`).join('\n') + '\n');
  const out = path.join(dir, 'set.m4a');
  const args = ['-v', 'error', '-nostdin', '-f', 'concat', '-safe', '0', '-i', list, '-map', '0:a', '-c', 'copy'];
  await run('ffmpeg', [...args, '-bsf:a', 'aac_adtstoasc', '-movflags', '+faststart', '-y', out]);
  return out;
}

export type Finished = Vod & { bytes: number };

/**
 * Writes a set's VOD playlist and .m4a beside its HLS; null when it recorded nothing. Idempotent:
 * a second run rewrites the same two objects. The .m4a goes first, so a playlist present means both are.
 */
export async function finaliseSet(conf: StorageConfig, folder: string, downloadName: string): Promise<Finished | null> {
  const attempts = await readAttempts(conf, folder);
  const vod = stitchVod(attempts);
  if (!vod) return null;
  const dir = await mkdtemp(path.join(tmpdir(), 'radio-archive-'));
  try {
    const audio = await buildAudio(conf, folder, attempts, dir);
    const bytes = (await stat(audio)).size;
    const keys = archiveKeys(folder);
    await putObject(
      conf,
      keys.audio,
      { file: audio },
      {
        contentType: 'audio/mp4',
        cacheControl: CACHE_CONTROL,
        contentDisposition: `attachment; filename="${downloadName.replace(/[^\w.-]+/g, '-')}"`,
      },
    );
    await putObject(conf, keys.playlist, { text: vod.text }, { contentType: 'application/vnd.apple.mpegurl', cacheControl: CACHE_CONTROL });
    return { ...vod, bytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
