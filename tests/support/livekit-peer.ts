import {
  AudioSource,
  LocalAudioTrack,
  type LocalTrackPublication,
  LocalVideoTrack,
  Room,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoFrame,
  VideoSource,
} from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { TokenResponse } from '@/types/room';
import { livekitHttpUrl, stackEnv } from './stack-env';

/** A real LiveKit participant (the Rust SDK through rtc-node) joined with a token from our API. */
export async function joinRoom(token: TokenResponse): Promise<Room> {
  const room = new Room();
  await room.connect(token.serverUrl, token.token, { autoSubscribe: true, dynacast: false });
  return room;
}

let roomService: RoomServiceClient | undefined;

/**
 * Resolves once the server has granted `room`'s local participant publish rights, as LiveKit
 * reports them; rejects after timeoutMs. DJ tokens carry none: the server grants them after the join.
 */
export async function untilPublishAllowed(room: Room, timeoutMs: number): Promise<void> {
  const env = stackEnv();
  roomService ??= new RoomServiceClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
  const identity = room.localParticipant?.identity ?? '';
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const info = await roomService.getParticipant(room.name ?? '', identity).catch(() => null);
    if (info?.permission?.canPublish) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no publish rights within ${timeoutMs} ms`);
}

/**
 * Publishes a silent stereo audio track as soon as the server allows it (as a DJ console does);
 * resolves with the publication or rejects after timeoutMs.
 */
export async function publishAudio(
  room: Room,
  source: TrackSource = TrackSource.SOURCE_MICROPHONE,
  timeoutMs = 5_000,
): Promise<LocalTrackPublication> {
  const since = Date.now();
  await untilPublishAllowed(room, timeoutMs);
  timeoutMs -= Date.now() - since;
  const audio = new AudioSource(48_000, 2);
  const track = LocalAudioTrack.createAudioTrack(`test-${source}`, audio);
  const options = new TrackPublishOptions();
  options.source = source;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`publish not accepted within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([room.localParticipant!.publishTrack(track, options), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Publishes a small video track that claims to be `source` (LiveKit checks only the declared
 * source): what a tampered client could send. Resolves with the publication.
 */
export async function publishVideo(room: Room, source: TrackSource = TrackSource.SOURCE_MICROPHONE): Promise<LocalTrackPublication> {
  await untilPublishAllowed(room, 15_000);
  const video = new VideoSource(64, 64);
  const frame = new VideoFrame(new Uint8Array(64 * 64 * 4).fill(128), 64, 64, VideoBufferType.RGBA);
  video.captureFrame(frame);
  const track = LocalVideoTrack.createVideoTrack('camera-as-microphone', video);
  const options = new TrackPublishOptions();
  options.source = source;
  return room.localParticipant!.publishTrack(track, options);
}

export { TrackSource };
