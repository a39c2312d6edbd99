import 'server-only';
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AudioFrame, AudioSource, LocalAudioTrack, Room, RoomEvent, TrackPublishOptions, TrackSource } from '@livekit/rtc-node';
import { TrackSource as GrantSource, type VideoGrant } from 'livekit-server-sdk';
import { channelRoom, replayIdentity } from '@/types/room';
import type { ReplayableSet } from '../archive';
import { livekitServerWsUrl } from '../env';
import { signToken } from '../livekit';

const RATE = 48_000;
const CHANNELS = 2;
/** 10 ms of 16-bit stereo: the frame rtc-node's audio source takes. */
const FRAME_SAMPLES = RATE / 100;
const FRAME_BYTES = FRAME_SAMPLES * CHANNELS * 2;

/**
 * Publishes only (a microphone-kind audio track), subscribes to nothing, sends no data and cannot
 * change its own metadata. Its identity (`replay-<channelId>`) makes it a replay everywhere.
 */
const GRANT: VideoGrant = {
  roomJoin: true,
  canPublish: true,
  canPublishSources: [GrantSource.MICROPHONE],
  canSubscribe: false,
  canPublishData: false,
  canUpdateOwnMetadata: false,
};

/**
 * One replay: the set's public `.m4a` (the CDN's URL, as any listener would fetch it) decoded by
 * ffmpeg to PCM and published into the channel's room by the app itself (@livekit/rtc-node, as
 * the OBS tempo analyser joins rooms), music-grade Opus with DTX and RED off. It paces itself at
 * real time (the audio source's queue), and ends by itself (calling `onEnded`) when the recording
 * does, ffmpeg fails or the room connection drops.
 */
export class ReplaySession {
  readonly id = `rp_${randomUUID()}`;
  readonly startedAt = Date.now();
  ended = false;
  /** 10 ms frames handed to the audio source so far. */
  private frames = 0;
  private readonly room = new Room();
  private ffmpeg: ChildProcessByStdio<null, Readable, Readable> | null = null;
  private source: AudioSource | null = null;

  constructor(
    readonly channelId: string,
    readonly set: ReplayableSet,
    private readonly label: string,
    /** Where in the recording it starts (a replay a DJ cut, resumed). */
    private readonly fromSeconds: number,
    private readonly onEnded: (session: ReplaySession) => void,
  ) {}

  async start(): Promise<void> {
    const roomName = channelRoom(this.channelId);
    const token = await signToken(replayIdentity(this.channelId), { ...GRANT, room: roomName }, { name: this.label, ttl: '10m' });
    this.room.on(RoomEvent.Disconnected, () => this.end('disconnected'));
    await this.room.connect(livekitServerWsUrl(), token, { autoSubscribe: false, dynacast: false });
    const source = new AudioSource(RATE, CHANNELS);
    this.source = source;
    const track = LocalAudioTrack.createAudioTrack('replay', source);
    const options = new TrackPublishOptions({
      source: TrackSource.SOURCE_MICROPHONE,
      dtx: false,
      red: false,
      audioEncoding: { maxBitrate: 192_000n },
    });
    await this.room.localParticipant?.publishTrack(track, options);
    const args = [
      '-v',
      'error',
      '-nostdin',
      // Before -i: ffmpeg seeks with the file's index (an HTTP range request), not by decoding up to it.
      ...(this.fromSeconds > 0 ? ['-ss', this.fromSeconds.toFixed(2)] : []),
      '-i',
      this.set.audioUrl,
      '-f',
      's16le',
      '-ac',
      String(CHANNELS),
      '-ar',
      String(RATE),
      'pipe:1',
    ];
    const ffmpeg = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.ffmpeg = ffmpeg;
    let stderr = '';
    ffmpeg.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-500)));
    ffmpeg.on('error', (err) => this.end(`ffmpeg: ${err.message}`));
    void this.pump(ffmpeg.stdout, source).then(
      () => this.end(ffmpeg.exitCode ? `ffmpeg exited ${ffmpeg.exitCode}: ${stderr.trim()}` : 'the recording ended'),
      (err: unknown) => this.end(err instanceof Error ? err.message : String(err)),
    );
  }

  /** Seconds into the recording sent into the room: what was handed over, less what still waits in the source's queue. */
  get positionSeconds(): number {
    return this.fromSeconds + Math.max(0, this.frames / 100 - (this.source?.queuedDuration ?? 0) / 1000);
  }

  /** Leaves the room now (listeners stop hearing it at once) and stops ffmpeg. */
  async stop(): Promise<void> {
    this.end('stopped');
    await this.room.disconnect().catch(() => undefined);
  }

  /** ffmpeg's PCM in 10 ms frames; each capture waits while the source's queue is full, which paces the read. */
  private async pump(pcm: Readable, source: AudioSource): Promise<void> {
    let pending: Buffer = Buffer.alloc(0);
    for await (const chunk of pcm as AsyncIterable<Buffer>) {
      if (this.ended) return;
      pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      let at = 0;
      for (; at + FRAME_BYTES <= pending.length && !this.ended; at += FRAME_BYTES) {
        const samples = new Int16Array(FRAME_SAMPLES * CHANNELS);
        Buffer.from(samples.buffer).set(pending.subarray(at, at + FRAME_BYTES));
        await source.captureFrame(new AudioFrame(samples, RATE, CHANNELS, FRAME_SAMPLES));
        this.frames += 1;
      }
      pending = pending.subarray(at);
    }
    await source.waitForPlayout().catch(() => undefined);
  }

  private end(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.ffmpeg?.kill('SIGKILL');
    // Its native buffers go with it: a station replays for days, one session per set and takeover.
    void this.source?.close().catch(() => undefined);
    if (reason !== 'stopped') console.warn(`[autodj] replay of ${this.set.id} on ${this.channelId} ended: ${reason}`);
    void this.room.disconnect().catch(() => undefined);
    this.onEnded(this);
  }
}
