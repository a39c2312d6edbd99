'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelSummary } from '@/types/channel';
import { choosePath, type ListenMode, type ListenPath, webrtcFailed } from '@/lib/client/listening/listen-path';
import { useWebRtcListening } from './useWebRtcListening';
import { useHlsListening } from './useHlsListening';

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
  const [path, setPath] = useState<ListenPath | null>(null);
  const [fellBack, setFellBack] = useState(false);
  const hlsInfoRef = useRef(hlsInfo);
  useEffect(() => {
    hlsInfoRef.current = hlsInfo;
  }, [hlsInfo]);

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

  const play = useCallback(() => {
    setFellBack(false);
    start(choosePath(mode, hlsInfoRef.current, false));
  }, [mode, start]);

  const stop = useCallback(() => {
    stopWebrtc();
    stopHls();
    setPath(null);
    setFellBack(false);
    onHls?.(false);
  }, [stopHls, stopWebrtc, onHls]);

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
    // eslint-disable-next-line react-hooks/set-state-in-effect -- follows the pushed channel summary: switching starts HLS playback, and the path is recorded with it.
    if (mode === 'hls' && path === 'webrtc' && hlsInfo) start('hls');
  }, [mode, path, hlsInfo, start]);

  const active = path === 'hls' ? hls : webrtc;
  return {
    mode,
    setMode,
    /** The path playing now, null when stopped. */
    path,
    /** Automatic mode moved this listener to HLS after WebRTC failed. */
    fellBack,
    phase: active.phase,
    error: path === 'hls' ? null : webrtc.error,
    attempt: path === 'hls' ? 0 : webrtc.attempt,
    audioBlocked: active.audioBlocked,
    play,
    stop,
    startAudio: active.startAudio,
    hlsAudioRef: hls.audioRef,
    /** How far the HLS player is behind live (ms), null when not playing HLS or unknown. */
    hlsDelayMs: path === 'hls' ? hls.delayMs : null,
    /** The WebRTC room (connected while that path plays): for RoomContext, its audio and the DJ's tempo attributes. */
    room: webrtc.room,
  };
}
