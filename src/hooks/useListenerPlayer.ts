'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelSummary } from '@/types/channel';
import { choosePath, type ListenMode, type ListenPath, webrtcFailed } from '@/lib/client/listening/listen-path';
import { useWebRtcListening, type WebRtcListening } from './useWebRtcListening';
import { useHlsListening, type HlsListening } from './useHlsListening';

/**
 * The channel page's player: WebRTC or HLS, chosen automatically (WebRTC until
 * the room is full, HLS when WebRTC fails) or by hand, switching live.
 * `channel` is the latest pushed summary (its `live.hls` tracks the egress). `onHls` hears
 * whether HLS is the path now (the page's live stream then counts it as a listener).
 */
export function useListenerPlayer(channel: ChannelSummary, onHls?: (hls: boolean) => void) {
  const webrtc = useWebRtcListening(channel.id);
  const hlsInfo = channel.live.hls;
  const hls = useHlsListening(hlsInfo?.ready ? hlsInfo.playlistUrl : null);
  const [mode, setModeState] = useState<ListenMode>('auto');
  const [fellBack, setFellBack] = useState(false);
  const hlsInfoRef = useRef(hlsInfo);
  useEffect(() => {
    hlsInfoRef.current = hlsInfo;
  }, [hlsInfo]);

  const { path, start, stop: stopPath } = usePlayingPath(webrtc, hls, onHls);

  const play = useCallback(() => {
    setFellBack(false);
    start(choosePath(mode, hlsInfoRef.current, false));
  }, [mode, start]);

  const stop = useCallback(() => {
    stopPath();
    setFellBack(false);
  }, [stopPath]);

  const setMode = useCallback(
    (next: ListenMode) => {
      setModeState(next);
      if (path === null) return;
      const target = choosePath(next, hlsInfoRef.current, false);
      if (target !== path) start(target);
    },
    [path, start],
  );

  // Automatic fallback: WebRTC failed (blocked UDP, SFU trouble) but HLS plays.
  const failed = webrtcFailed(webrtc.phase, webrtc.attempt);
  useEffect(() => {
    if (mode !== 'auto' || path !== 'webrtc' || !failed) return;
    if (choosePath('auto', hlsInfoRef.current, true) !== 'hls') return;
    setFellBack(true);
    start('hls');
  }, [failed, mode, path, start, hlsInfo?.ready]);

  // Chosen HLS by hand before the stream existed: move over as soon as it does.
  useEffect(() => {
    if (mode === 'hls' && path === 'webrtc' && hlsInfo) start('hls');
  }, [mode, path, hlsInfo, start]);

  return {
    mode,
    setMode,
    /** The path playing now, null when stopped. */
    path,
    /** Automatic mode moved this listener to HLS after WebRTC failed. */
    fellBack,
    play,
    stop,
    ...playerView(path, webrtc, hls),
  };
}

/** The path playing, null when stopped: starting one stops the other, and `onHls` hears whether HLS plays. */
function usePlayingPath(webrtc: WebRtcListening, hls: HlsListening, onHls?: (hls: boolean) => void) {
  const [path, setPath] = useState<ListenPath | null>(null);
  const { play: playWebrtc, stop: stopWebrtc } = webrtc;
  const { play: playHls, stop: stopHls } = hls;

  const start = useCallback(
    (next: ListenPath) => {
      if (next === 'hls') {
        stopWebrtc();
        playHls();
      } else {
        stopHls();
        playWebrtc();
      }
      setPath(next);
      onHls?.(next === 'hls');
    },
    [playHls, playWebrtc, stopHls, stopWebrtc, onHls],
  );

  const stop = useCallback(() => {
    stopWebrtc();
    stopHls();
    setPath(null);
    onHls?.(false);
  }, [stopHls, stopWebrtc, onHls]);

  return { path, start, stop };
}

/** What the page shows of the path playing now (WebRTC's while stopped). */
function playerView(path: ListenPath | null, webrtc: WebRtcListening, hls: HlsListening) {
  const active = path === 'hls' ? hls : webrtc;
  return {
    phase: active.phase,
    error: path === 'hls' ? null : webrtc.error,
    attempt: path === 'hls' ? 0 : webrtc.attempt,
    audioBlocked: active.audioBlocked,
    startAudio: active.startAudio,
    hlsAudioRef: hls.audioRef,
    /** How far the HLS player is behind live (ms), null when not playing HLS or unknown. */
    hlsDelayMs: path === 'hls' ? hls.delayMs : null,
    /** The WebRTC room (connected while that path plays): for RoomContext, its audio and the DJ's tempo attributes. */
    room: webrtc.room,
  };
}
