import 'server-only';
import {
  AudioStream,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
  Room,
  RoomEvent,
  TrackKind,
} from '@livekit/rtc-node';
import { type BpmReading, type PublishedTempo, shouldPublish, tempoAttributes } from '@/lib/bpm/publish';
import { BPM_ATTRIBUTE } from '@/types/bpm';
import { channelRoom, TEMPO_ANALYSER_IDENTITY } from '@/types/room';
import { getEnv, livekitServerWsUrl } from '../env';
import { getRoomService, receiverAudioStats, signToken } from '../livekit';
import { FrameFeeder, OBS_CHANNELS, OBS_SAMPLE_RATE, SUBSCRIBE_SETTLE_SECONDS } from './obs-feed';
import { lockStep, type ObsLock, UNLOCKED } from './obs-lock-plan';
import type { ObsSet } from './obs-plan';
import { ReceiverWatch, SAMPLE_MS, type WindowNote } from './receiver-watch';

/**
 * Hidden and subscribe-only: it never publishes (nothing of it can reach listeners or the egress
 * mix), sends no data, and cannot change its own attributes. It is not a listener and not a DJ
 * (`participantKind` says "analyser"), so counts, presence, guards and slot rules leave it alone.
 */
const GRANT = { roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false, canUpdateOwnMetadata: false, hidden: true };

export type SessionStats = { audioSeconds: number; analysisMs: number; published: number };

/** Why a session logs when it locks: seconds of audio to the lock, each window's steady tempo and how its audio came (receiver-watch). */
/** `bpm`: the locked tempo that went out (the mean of the two agreeing windows). */
export type LockReport = { channelId: string; bpm: number | null; audioSeconds: number; windows: number[]; notes: WindowNote[] };

/**
 * The server's tempo analyser for one OBS set: joins the channel's room, subscribes to the
 * ingress participant's audio only, feeds rtc-node's decoded frames through the console's
 * analyser flow and writes the tempo into the ingress participant's attributes, throttled by
 * the console's rule. It ends by itself (calling `onEnded`) when the set or its connection ends.
 */
export class ObsTempoSession {
  readonly set: ObsSet;
  ended = false;
  private readonly room = new Room();
  private readonly roomName: string;
  /** The current analysis window; replaced by a fresh one until two disjoint windows agree (obs-lock-plan). */
  private feeder = new FrameFeeder(OBS_SAMPLE_RATE, SUBSCRIBE_SETTLE_SECONDS);
  /** Seconds of audio received by earlier windows. */
  private earlierSeconds = 0;
  /** What the receiver does to the audio (its counters every SAMPLE_MS from the subscription on). */
  private watch = new ReceiverWatch(async () => null);
  private sampler: NodeJS.Timeout | null = null;
  private lock: ObsLock = UNLOCKED;
  private reader: ReadableStreamDefaultReader<{ data: Int16Array; channels: number; samplesPerChannel: number }> | null = null;
  private published: PublishedTempo | null = null;
  private writing = false;
  private ingressSid: string | undefined;
  /** Set once start() succeeded: only then does an end wake the loop (a failed start is retried at its pace). */
  private started = false;
  /** The `bpm` value this session last wrote, to tell its own writes from anyone else's. */
  private written: string | null = null;
  private readonly stats: SessionStats = { audioSeconds: 0, analysisMs: 0, published: 0 };

  constructor(
    set: ObsSet,
    private readonly onEnded: (session: ObsTempoSession) => void,
    private readonly onLocked: (report: LockReport) => void = () => undefined,
  ) {
    this.set = set;
    this.roomName = channelRoom(set.channelId);
  }

  async start(): Promise<void> {
    const env = getEnv();
    const token = await signToken(TEMPO_ANALYSER_IDENTITY, { ...GRANT, room: this.roomName }, { name: 'Tempo', ttl: '15m' });
    const room = this.room;
    room
      .on(RoomEvent.TrackPublished, (pub, p) => this.subscribeIfOurs(pub, p))
      .on(RoomEvent.TrackSubscribed, (track, pub, p) => this.onSubscribed(track, pub, p))
      .on(RoomEvent.TrackUnpublished, (pub, p) => this.isOurs(pub, p) && this.end())
      .on(RoomEvent.TrackUnsubscribed, (_t, pub, p) => this.isOurs(pub, p) && this.end())
      // Someone else set the tempo (a stale value carried over a reconnect, a stray write): publish ours again.
      .on(RoomEvent.ParticipantAttributesChanged, (changed, p) => {
        if (p.identity === this.set.identity && BPM_ATTRIBUTE in changed && changed[BPM_ATTRIBUTE] !== this.written) this.published = null;
      })
      // By sid: after a LiveKit restart the restored ghost of the OBS participant leaves beside its new self.
      .on(RoomEvent.ParticipantDisconnected, (p) => p.identity === this.set.identity && p.sid === this.ingressSid && this.end())
      // A full reconnect (e.g. LiveKit restarted) brings a new ingress participant: the loop starts afresh.
      .on(RoomEvent.Reconnecting, () => this.end())
      .on(RoomEvent.Disconnected, () => this.end());
    await room.connect(livekitServerWsUrl(env), token, { autoSubscribe: false, dynacast: false });
    const ingress = room.remoteParticipants.get(this.set.identity);
    if (!ingress) {
      this.end();
      throw new Error(`OBS participant ${this.set.identity} is not in ${this.roomName}`);
    }
    this.ingressSid = ingress.sid;
    this.started = true;
    for (const pub of ingress.trackPublications.values()) this.subscribeIfOurs(pub, ingress);
  }

  /** Leaves the room; clears the tempo from the ingress participant when it is still there. */
  async stop(): Promise<void> {
    const clear = this.published !== null && !this.ended;
    this.end();
    await this.room.disconnect().catch(() => undefined);
    if (clear) {
      await getRoomService()
        .updateParticipant(this.roomName, this.set.identity, {
          attributes: tempoAttributes({ bpm: null, confidence: 0, lastBeat: null, at: Date.now() }),
        })
        .catch(() => undefined);
    }
  }

  statsNow(): SessionStats {
    return { ...this.stats, audioSeconds: this.earlierSeconds + this.feeder.seconds };
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.sampler) clearInterval(this.sampler);
    void this.reader?.cancel().catch(() => undefined);
    if (this.started) this.onEnded(this);
  }

  private isOurs(pub: RemoteTrackPublication, p: RemoteParticipant): boolean {
    return p.identity === this.set.identity && pub.sid === this.set.trackSid;
  }

  private subscribeIfOurs(pub: RemoteTrackPublication, p: RemoteParticipant): void {
    if (this.isOurs(pub, p) && pub.kind === TrackKind.KIND_AUDIO) pub.setSubscribed(true);
  }

  private onSubscribed(track: RemoteTrack, pub: RemoteTrackPublication, p: RemoteParticipant): void {
    if (!this.isOurs(pub, p) || track.kind !== TrackKind.KIND_AUDIO || this.reader || this.ended) return;
    this.reader = new AudioStream(track, { sampleRate: OBS_SAMPLE_RATE, numChannels: OBS_CHANNELS }).getReader();
    const watch = new ReceiverWatch(() => receiverAudioStats(track));
    this.watch = watch;
    this.sampler = setInterval(() => void watch.sample(), SAMPLE_MS);
    void this.read(this.reader);
  }

  private async read(reader: NonNullable<ObsTempoSession['reader']>): Promise<void> {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done || !value || this.ended) break;
      const started = performance.now();
      this.watch.frame(started);
      const reading = this.feeder.push(value, Date.now());
      this.stats.analysisMs += performance.now() - started;
      if (reading) this.take(reading);
    }
    this.end(); // the stream ended: the track or the connection is gone
  }

  /** One estimate through the lock, then the console's throttle, into the ingress participant's attributes. */
  private take(reading: BpmReading): void {
    const wasLocked = this.lock.locked;
    const distorted = this.lock.locked ? this.watch.recentlyDistorted() : this.watch.windowDistorted();
    const step = lockStep(this.lock, reading, distorted);
    this.lock = step.lock;
    if (step.action === 'restart') {
      this.watch.close(this.feeder.seconds, performance.now());
      this.earlierSeconds += this.feeder.seconds;
      this.feeder = new FrameFeeder(OBS_SAMPLE_RATE, 0);
      return;
    }
    if (!wasLocked && this.lock.locked) {
      const notes = this.watch.close(this.feeder.seconds, performance.now());
      const { audioSeconds } = this.statsNow();
      this.onLocked({ channelId: this.set.channelId, bpm: this.lock.reference, audioSeconds, windows: this.lock.windows, notes });
    }
    const out = step.reading; // at the lock, what the agreeing windows say together
    if (step.action !== 'publish' || this.writing || !shouldPublish(this.published, out)) return;
    this.published = { at: out.at, bpm: out.bpm };
    this.writing = true;
    const attributes = tempoAttributes(out);
    this.written = attributes[BPM_ATTRIBUTE] ?? null;
    getRoomService()
      .updateParticipant(this.roomName, this.set.identity, { attributes })
      .then(
        () => void (this.stats.published += 1),
        () => void (this.published = null), // try again with the next estimate
      )
      .finally(() => void (this.writing = false));
  }
}
