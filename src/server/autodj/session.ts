import 'server-only';
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AudioFrame, AudioSource, LocalAudioTrack, Room, RoomEvent, TrackKind, TrackPublishOptions, TrackSource } from '@livekit/rtc-node';
import { TrackSource as GrantSource, type VideoGrant } from 'livekit-server-sdk';
import { channelRoom, replayIdentity } from '@/types/room';
import type { ReplayableSet } from '../archive';
import { livekitServerWsUrl } from '../env';
import { djAudible } from './dj-audio-plan';
import { signToken } from '../livekit';

const RATE = 48_000;
const CHANNELS = 2;
/** 10 ms of 16-bit stereo: the frame rtc-node's audio source takes. */
const FRAME_SAMPLES = RATE / 100;
const FRAME_BYTES = FRAME_SAMPLES * CHANNELS * 2;
/** Stereo Opus at up to 192 kbps, DTX and RED off: music, not speech. */
const PUBLISH = new TrackPublishOptions({
  source: TrackSource.SOURCE_MICROPHONE,
  dtx: false,
  red: false,
  audioEncoding: { maxBitrate: 192_000n },
});
/** The recording to 48 kHz stereo PCM; `-ss` before `-i` seeks with the file's index (an HTTP range request), not by decoding. */
const decodeArgs = (url: string, from: number) => {
  const seek = from > 0 ? ['-ss', from.toFixed(2)] : [];
  return ['-v', 'error', '-nostdin', ...seek, '-i', url, '-f', 's16le', '-ac', String(CHANNELS), '-ar', String(RATE), 'pipe:1'];
};
/** The room events that can change whether a DJ's audio is in the room. */
const DJ_EVENTS = [
  RoomEvent.TrackPublished,
  RoomEvent.TrackUnpublished,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
  RoomEvent.ParticipantDisconnected,
] as const;

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
  /** Played its recording to the end (not stopped, not failed), with some audio in it. */
  completed = false;
  /** Started where a DJ cut an earlier replay, so it may have had only seconds left. */
  get resumed(): boolean {
    return this.fromSeconds > 0;
  }
  /** A DJ's audio is in the room: this replay has unpublished its track and holds its place (`heldAt`). */
  private silent = false;
  private heldAt: number | null = null;
  private following: Promise<void> = Promise.resolve();
  private wakePump: (() => void) | null = null;
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
    await this.publish();
    for (const event of DJ_EVENTS) this.room.on(event, () => this.followDj());
    this.followDj(); // a DJ already in the room (they went live while this replay started)
    const ffmpeg = spawn('ffmpeg', decodeArgs(this.set.audioUrl, this.fromSeconds), { stdio: ['ignore', 'pipe', 'pipe'] });
    this.ffmpeg = ffmpeg;
    let stderr = '';
    ffmpeg.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-500)));
    ffmpeg.on('error', (err) => this.end(`ffmpeg: ${err.message}`));
    // Its exit status, not stdout's end, says whether the recording played out (stdout may close first).
    const exited = new Promise<number | null>((resolve) => ffmpeg.once('close', (code) => resolve(code)));
    void this.pump(ffmpeg.stdout, source).then(
      async () => {
        const code = await exited;
        this.end(code === 0 ? 'the recording ended' : `ffmpeg exited ${code ?? 'on a signal'}: ${stderr.trim()}`, code === 0);
      },
      (err: unknown) => this.end(err instanceof Error ? err.message : String(err)),
    );
  }

  /** A new track from the audio source into the room (at the start, and again after a DJ's audio went). */
  private async publish(): Promise<void> {
    if (!this.source) return;
    await this.room.localParticipant?.publishTrack(LocalAudioTrack.createAudioTrack('replay', this.source), PUBLISH);
  }

  /**
   * Falls silent the moment a DJ's audio is in the room (as listeners learn of it), not when the
   * task, woken by the webhook, stops this replay a second later: a browser DJ is heard at once, and
   * the replay was heard over them (2026-12-06). Its place is kept for the task's cut. Should the
   * DJ's audio go before the task stops it, the replay goes on (up to the 1 s its queue held later).
   * Queued, one change at a time; a failure ends the replay (the task starts it again).
   */
  private followDj(): void {
    this.following = this.following
      .then(() => this.matchRoom())
      .catch((err: unknown) => this.end(`could not follow the room: ${err instanceof Error ? err.message : String(err)}`));
  }

  private djInRoom(): boolean {
    return djAudible(
      [...this.room.remoteParticipants.values()].map((p) => ({
        identity: p.identity,
        audioMuted: [...p.trackPublications.values()].filter((t) => t.kind === TrackKind.KIND_AUDIO).map((t) => t.muted === true),
      })),
    );
  }

  /** Brings the replay to the room as it is now (events may have come while an earlier change awaited). */
  private async matchRoom(): Promise<void> {
    while (!this.ended && this.djInRoom() !== this.silent) {
      if (this.silent) {
        await this.publish();
        this.silent = false;
        this.heldAt = null;
        this.wakePump?.();
        continue;
      }
      // What waits in the source's queue is never heard: the place is where the room's audio stopped.
      this.heldAt = this.positionSeconds;
      this.silent = true;
      this.source?.clearQueue();
      const local = this.room.localParticipant;
      for (const sid of [...(local?.trackPublications.keys() ?? [])]) await local?.unpublishTrack(sid).catch(() => undefined);
    }
  }

  /** Seconds into the recording sent into the room: what was handed over, less what still waits in the source's queue. */
  get positionSeconds(): number {
    if (this.heldAt !== null) return this.heldAt;
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
        while (this.silent && !this.ended) await new Promise<void>((resolve) => (this.wakePump = resolve));
        const samples = new Int16Array(FRAME_SAMPLES * CHANNELS);
        Buffer.from(samples.buffer).set(pending.subarray(at, at + FRAME_BYTES));
        await source.captureFrame(new AudioFrame(samples, RATE, CHANNELS, FRAME_SAMPLES));
        this.frames += 1;
      }
      pending = pending.subarray(at);
    }
    await source.waitForPlayout().catch(() => undefined);
  }

  private end(reason: string, playedOut = false): void {
    if (this.ended) return;
    this.ended = true;
    this.completed = playedOut && this.frames > 0;
    this.ffmpeg?.kill('SIGKILL');
    this.wakePump?.();
    // Its native buffers go with it: a station replays for days, one session per set and takeover.
    void this.source?.close().catch(() => undefined);
    if (reason !== 'stopped') console.warn(`[autodj] replay of ${this.set.id} on ${this.channelId} ended: ${reason}`);
    void this.room.disconnect().catch(() => undefined);
    this.onEnded(this);
  }
}
