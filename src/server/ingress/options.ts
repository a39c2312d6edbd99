import 'server-only';
import {
  AudioCodec,
  IngressAudioEncodingOptions,
  IngressAudioOptions,
  IngressInput,
  type IngressInfo,
  IngressVideoEncodingOptions,
  IngressVideoOptions,
  TrackSource,
  VideoCodec,
} from 'livekit-server-sdk';
import { channelRoom, ingressIdentity, type IngressInputKind } from '@/types/room';
import type { IngressStatus } from '@/types/ingress';

/** Stereo Opus well above the 96 kbps default, DTX off: quiet passages are music too. */
export const INGRESS_AUDIO_BITRATE = 192_000;

export function ingressAudio(): IngressAudioOptions {
  return new IngressAudioOptions({
    name: 'OBS',
    source: TrackSource.MICROPHONE,
    encodingOptions: {
      case: 'options',
      value: new IngressAudioEncodingOptions({
        audioCodec: AudioCodec.OPUS,
        bitrate: INGRESS_AUDIO_BITRATE,
        disableDtx: true,
        channels: 2,
      }),
    },
  });
}

/**
 * OBS sends video unless told not to. It is published (refusing it ends the ingress session,
 * see guard.ts) but muted and never received, so it is transcoded to the smallest layer there
 * is: the ingress's default would encode three layers up to 720p for every OBS set.
 */
export const INGRESS_VIDEO_LAYER = { width: 160, height: 90, bitrate: 50_000, frameRate: 5 };

export function ingressVideo(): IngressVideoOptions {
  const { width, height, bitrate, frameRate } = INGRESS_VIDEO_LAYER;
  return new IngressVideoOptions({
    name: 'OBS video (not sent)',
    source: TrackSource.CAMERA,
    encodingOptions: {
      case: 'options',
      value: new IngressVideoEncodingOptions({
        videoCodec: VideoCodec.H264_BASELINE,
        frameRate,
        // One layer; its quality is LOW, the proto default (the SDK does not re-export VideoQuality).
        layers: [{ width, height, bitrate }],
      }),
    },
  });
}

/**
 * The participant metadata of every ingress the app creates: our livekit-server build adds the
 * tracks of an ingress participant carrying it muted (scripts/build/livekit-server-prep.sh), so
 * nothing of a green-room input reaches a listener before the server unmutes it (./hold.ts).
 */
export const PUBLISH_MUTED_METADATA = JSON.stringify({ publishMuted: true });

/** Whether an ingress's participant metadata carries the publish-muted marker (one made before it does not). */
export function hasPublishMutedMarker(metadata: string | undefined): boolean {
  try {
    const parsed: unknown = JSON.parse(metadata ?? '');
    return typeof parsed === 'object' && parsed !== null && (parsed as { publishMuted?: unknown }).publishMuted === true;
  } catch {
    return false;
  }
}

export const LIVEKIT_INPUT: Record<IngressInputKind, IngressInput> = {
  rtmp: IngressInput.RTMP_INPUT,
  whip: IngressInput.WHIP_INPUT,
};

/** Everything a create call needs; the room and identity bind a key to one channel and DJ. */
export function createOptions(channelId: string, userId: string, input: IngressInputKind, djName: string, enabled: boolean) {
  return {
    name: `${input}:${channelId}:${userId}`,
    roomName: channelRoom(channelId),
    participantIdentity: ingressIdentity(input, userId),
    participantName: djName,
    participantMetadata: PUBLISH_MUTED_METADATA,
    // Transcoding applies the audio settings above (RTMP always transcodes).
    enableTranscoding: true,
    enabled,
    audio: ingressAudio(),
    video: ingressVideo(),
  };
}

/**
 * IngressState.Status by number (the SDK does not re-export the enum):
 * 0 inactive, 1 buffering, 2 publishing, 3 error, 4 complete.
 */
export function toIngressStatus(info: Pick<IngressInfo, 'state'>): IngressStatus {
  switch (Number(info.state?.status ?? 0)) {
    case 1:
      return 'connecting';
    case 2:
      return 'live';
    case 3:
      return 'error';
    default:
      return 'idle';
  }
}
