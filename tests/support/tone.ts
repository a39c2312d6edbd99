// Real audio through LiveKit for slot tests and the handover bench: a DJ that publishes a
// sine tone (each DJ its own frequency) and a listener that stamps every received 10 ms
// frame with the tones it contains, so the received audio tells a gap from an overlap.
import {
  AudioFrame,
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  type RemoteTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
} from '@livekit/rtc-node';
import type { TokenResponse } from '@/types/room';
import { ACCESS_ATTRIBUTE } from '@/types/schedule';
import { untilPublishAllowed } from './livekit-peer';

const RATE = 48_000;
const FRAME = 480; // 10 ms

export type ToneDj = {
  room: Room;
  /** Publishes the tone once the server has granted publishing, as the console does (resolves with the publication sid). */
  publish: () => Promise<string>;
  /** Publishes the tone now, rights or not: what a tampered client does. */
  publishNow: () => Promise<string>;
  /** Publishes as soon as the server grants publishing (the attribute it sets with the permission). */
  publishWhenGranted: () => void;
  /** When the DJ saw the grant and when its publish call returned (Date.now()). */
  times: { granted: number | null; published: number | null };
  stop: () => Promise<void>;
};

export async function toneDj(token: TokenResponse, frequency: number): Promise<ToneDj> {
  const room = new Room();
  await room.connect(token.serverUrl, token.token, { autoSubscribe: false, dynacast: false });
  const source = new AudioSource(RATE, 1);
  let running = true;
  let phase = 0;
  void (async () => {
    while (running) {
      const data = new Int16Array(FRAME);
      for (let i = 0; i < FRAME; i++) data[i] = Math.round(Math.sin((2 * Math.PI * frequency * (phase + i)) / RATE) * 12_000);
      phase += FRAME;
      try {
        await source.captureFrame(new AudioFrame(data, RATE, 1, FRAME)); // paces itself at real time
      } catch {
        if (running) await new Promise((r) => setTimeout(r, 10));
      }
    }
  })();
  const times = { granted: null as number | null, published: null as number | null };
  const publishNow = async () => {
    const track = LocalAudioTrack.createAudioTrack(`tone-${frequency}`, source);
    const options = new TrackPublishOptions();
    options.source = TrackSource.SOURCE_MICROPHONE;
    const pub = await room.localParticipant!.publishTrack(track, options);
    times.published = Date.now();
    return pub.sid!;
  };
  // Under load the grant (one webhook after the join) can take a few seconds.
  const publish = async () => {
    await untilPublishAllowed(room, 20_000);
    return publishNow();
  };
  let armed = false;
  const publishWhenGranted = () => {
    if (armed) return;
    armed = true;
    const onChange = (_changed: Record<string, string>, participant: { identity: string; attributes: Record<string, string> }) => {
      if (participant.identity !== room.localParticipant?.identity || participant.attributes[ACCESS_ATTRIBUTE] !== 'on_air') return;
      room.off(RoomEvent.ParticipantAttributesChanged, onChange);
      times.granted = Date.now();
      void publishNow();
    };
    room.on(RoomEvent.ParticipantAttributesChanged, onChange);
  };
  return {
    room,
    publish,
    publishNow,
    publishWhenGranted,
    times,
    stop: async () => {
      running = false;
      await room.disconnect();
    },
  };
}

/** Goertzel power of one frequency in a frame, normalised to 0..1 for a full-scale sine. */
function tonePower(data: Int16Array, frequency: number): number {
  const k = 2 * Math.cos((2 * Math.PI * frequency) / RATE);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < data.length; i++) {
    const s = data[i]! / 32768 + k * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  const power = s1 * s1 + s2 * s2 - k * s1 * s2;
  return power / (data.length / 2) ** 2;
}

export type Heard = { t: number; tones: number[] };

export type ToneListener = { room: Room; heard: Heard[]; stop: () => Promise<void> };

/** A listener that records, for each received frame, which of `frequencies` it contains. */
export async function toneListener(token: TokenResponse, frequencies: number[], threshold = 0.002): Promise<ToneListener> {
  const room = new Room();
  const heard: Heard[] = [];
  room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
    if (track.kind !== TrackKind.KIND_AUDIO) return;
    void (async () => {
      const reader = new AudioStream(track, RATE, 1).getReader();
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done || !value) return;
        heard.push({ t: Date.now(), tones: frequencies.filter((f) => tonePower(value.data, f) > threshold) });
      }
    })();
  });
  await room.connect(token.serverUrl, token.token, { autoSubscribe: true, dynacast: false });
  return { room, heard, stop: () => room.disconnect() };
}

/** Last time a tone was heard (ms), or null. */
export const lastHeard = (heard: Heard[], tone: number) => heard.filter((h) => h.tones.includes(tone)).at(-1)?.t ?? null;
export const firstHeard = (heard: Heard[], tone: number, after = 0) => heard.find((h) => h.t >= after && h.tones.includes(tone))?.t ?? null;

/**
 * At a handover from tone `a` to tone `b`: positive = silence between the last `a` and the
 * first `b` (a gap), negative = both heard at once (an overlap).
 */
export function handoverGap(heard: Heard[], a: number, b: number): number | null {
  const firstB = firstHeard(heard, b);
  if (firstB === null) return null;
  const lastA = heard.filter((h) => h.tones.includes(a) && h.t <= firstB + 5_000).at(-1)?.t ?? null;
  if (lastA === null) return null;
  // Frames are 10 ms: the silence between two heard frames is their distance minus one frame.
  return firstB - lastA - 10;
}
