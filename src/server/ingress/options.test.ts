import { AudioCodec, IngressInfo, IngressState, TrackSource } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import {
  createOptions,
  hasPublishMutedMarker,
  ingressAudio,
  ingressVideo,
  INGRESS_AUDIO_BITRATE,
  PUBLISH_MUTED_METADATA,
  toIngressStatus,
} from './options';

describe('ingress create options', () => {
  it('binds the key to one channel room and the DJ’s own ingress identity', () => {
    const o = createOptions('c1', 'u1', 'rtmp', 'DJ Ada', true);
    expect(o).toMatchObject({
      roomName: 'channel-c1',
      participantIdentity: 'ingress-rtmp-u1',
      participantName: 'DJ Ada',
      enableTranscoding: true,
      enabled: true,
    });
    expect(createOptions('c1', 'u1', 'whip', 'DJ Ada', false)).toMatchObject({
      participantIdentity: 'ingress-whip-u1',
      enabled: false,
    });
  });

  it('asks for music-grade audio: stereo Opus, DTX off, at least 128 kbps, as the microphone', () => {
    const audio = ingressAudio();
    expect(audio.source).toBe(TrackSource.MICROPHONE);
    const enc = audio.encodingOptions;
    if (enc.case !== 'options') throw new Error('expected custom encoding options, not a preset');
    expect(enc.value).toMatchObject({ audioCodec: AudioCodec.OPUS, disableDtx: true, channels: 2 });
    expect(INGRESS_AUDIO_BITRATE).toBeGreaterThanOrEqual(128_000);
    expect(enc.value.bitrate).toBe(INGRESS_AUDIO_BITRATE);
  });
});

it('asks for the smallest video there is, as the camera: it is published muted and never received', () => {
  const video = ingressVideo();
  expect(video.source).toBe(TrackSource.CAMERA);
  const enc = video.encodingOptions;
  if (enc.case !== 'options') throw new Error('expected custom encoding options, not a preset');
  expect(enc.value.layers).toHaveLength(1);
  expect(enc.value.layers[0]?.quality).toBe(0); // VideoQuality.LOW
  expect((enc.value.layers[0]?.width ?? 0) * (enc.value.layers[0]?.height ?? 0)).toBeLessThanOrEqual(320 * 180);
  expect(enc.value.frameRate).toBeLessThanOrEqual(10);
  expect(createOptions('c1', 'u1', 'rtmp', 'DJ Ada', true).video?.source).toBe(TrackSource.CAMERA);
});

describe('the publish-muted marker', () => {
  it('is on every ingress the app creates, as the JSON our livekit-server build reads', () => {
    expect(createOptions('c1', 'u1', 'rtmp', 'DJ Ada', true).participantMetadata).toBe(PUBLISH_MUTED_METADATA);
    expect(createOptions('c1', 'u1', 'whip', 'DJ Ada', false).participantMetadata).toBe(PUBLISH_MUTED_METADATA);
    expect(JSON.parse(PUBLISH_MUTED_METADATA)).toEqual({ publishMuted: true });
  });

  it('is recognised only when it says true (an ingress made before it has none)', () => {
    expect(hasPublishMutedMarker(PUBLISH_MUTED_METADATA)).toBe(true);
    expect(hasPublishMutedMarker('{"publishMuted":true,"other":1}')).toBe(true);
    for (const m of [undefined, '', 'not json', 'null', '[]', '{"publishMuted":"true"}', '{"publishMuted":false}']) {
      expect(hasPublishMutedMarker(m), String(m)).toBe(false);
    }
  });
});

describe('toIngressStatus', () => {
  const at = (status: number) => new IngressInfo({ state: new IngressState({ status }) });
  it('names LiveKit’s states for the DJ', () => {
    expect([0, 1, 2, 3, 4].map((s) => toIngressStatus(at(s)))).toEqual(['idle', 'connecting', 'live', 'error', 'idle']);
    expect(toIngressStatus(new IngressInfo())).toBe('idle');
  });
});
