import { describe, it, expect } from 'vitest';
import { Track } from 'livekit-client';
import { captureConstraints, PROGRAM_PUBLISH_OPTIONS } from './publish-options';

describe('PROGRAM_PUBLISH_OPTIONS', () => {
  it('is music grade stereo', () => {
    expect(PROGRAM_PUBLISH_OPTIONS.audioPreset?.maxBitrate).toBeGreaterThanOrEqual(128_000);
    expect(PROGRAM_PUBLISH_OPTIONS).toMatchObject({
      forceStereo: true,
      dtx: false,
      red: false,
      source: Track.Source.Microphone,
    });
  });
});

describe('captureConstraints', () => {
  it('turns voice processing off and asks for stereo', () => {
    expect(captureConstraints(null)).toEqual({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 2 },
      video: false,
    });
  });
  it('pins the chosen device', () => {
    const { audio } = captureConstraints('dev-1');
    expect(audio).toMatchObject({ deviceId: { exact: 'dev-1' }, echoCancellation: false });
  });
});
