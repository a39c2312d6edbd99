import { AudioPresets, Track, type TrackPublishOptions } from 'livekit-client';

/**
 * Music capture: every voice-call "enhancement" off (they pump and gate music), stereo.
 * Plain values are ideals, so a mono interface still opens.
 */
export const MUSIC_CAPTURE: MediaTrackConstraints = {
  echoCancellation: false,
  noiseSuppression: false,
  autoGainControl: false,
  channelCount: 2,
};

export function captureConstraints(deviceId: string | null): MediaStreamConstraints {
  return {
    audio: deviceId ? { ...MUSIC_CAPTURE, deviceId: { exact: deviceId } } : MUSIC_CAPTURE,
    video: false,
  };
}

/**
 * Music-grade publish: stereo Opus at 128 kbps, no DTX (it mutes quiet passages),
 * no RED (doubles bandwidth for speech-style loss concealment). The DJ token may only
 * publish the Microphone source.
 */
export const PROGRAM_PUBLISH_OPTIONS: TrackPublishOptions = {
  name: 'program',
  source: Track.Source.Microphone,
  audioPreset: AudioPresets.musicHighQualityStereo,
  forceStereo: true,
  dtx: false,
  red: false,
  stopMicTrackOnMute: false,
};
