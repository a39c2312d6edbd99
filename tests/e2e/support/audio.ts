import type { Page } from '@playwright/test';
import { TONE_HZ } from './paths';

/**
 * How far (dB) the tone's FFT bin stands above the median bin in what a listener's player
 * is receiving; 0 when nothing arrives. A fresh AnalyserNode (fftSize 4096) taps the real
 * audio, not the page's UI state: the srcObject of the WebRTC <audio> that RoomAudioRenderer
 * renders inside data-testid="listener-audio", or the HLS element's output (hls.js through
 * Media Source) via captureStream().
 */
function prominence(page: Page, source: 'webrtc' | 'hls', hz: number): Promise<number> {
  return page.evaluate(
    async ({ targetHz, hls }) => {
      let stream: MediaStream | null = null;
      if (hls) {
        const el = document.querySelector<HTMLAudioElement & { captureStream?: () => MediaStream }>('[data-testid="listener-hls-audio"]');
        if (el && !el.paused && el.captureStream) stream = el.captureStream();
      } else {
        const src = document.querySelector<HTMLAudioElement>('[data-testid="listener-audio"] audio')?.srcObject;
        if (src instanceof MediaStream) stream = src;
      }
      if (!stream || stream.getAudioTracks().length === 0) return 0;
      const context = new AudioContext();
      try {
        const analyser = new AnalyserNode(context, { fftSize: 4096 });
        context.createMediaStreamSource(stream).connect(analyser);
        await context.resume();
        await new Promise((resolve) => setTimeout(resolve, 400));
        const bins = new Float32Array(analyser.frequencyBinCount);
        analyser.getFloatFrequencyData(bins);
        const k = Math.round(targetHz / (context.sampleRate / analyser.fftSize));
        const peak = Math.max(bins[k - 1] ?? -Infinity, bins[k] ?? -Infinity, bins[k + 1] ?? -Infinity);
        const finite = Array.from(bins)
          .filter(Number.isFinite)
          .sort((a, b) => a - b);
        const median = finite[Math.floor(finite.length / 2)];
        if (!Number.isFinite(peak) || median === undefined) return 0;
        return peak - median;
      } finally {
        await context.close();
      }
    },
    { targetHz: hz, hls: source === 'hls' },
  );
}

/** Tone prominence (dB over the median bin) in the WebRTC player. */
export const toneProminence = (page: Page, hz = TONE_HZ) => prominence(page, 'webrtc', hz);

/** Tone prominence (dB over the median bin) in the HLS player. */
export const hlsToneProminence = (page: Page, hz = TONE_HZ) => prominence(page, 'hls', hz);

/** Current aria-valuenow (dBFS) of a level meter. */
export async function meterDb(page: Page, testId: 'level-meter-left' | 'level-meter-right'): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('aria-valuenow'));
}

/**
 * Level of what the WebRTC player receives, over 0.68 s: sample peak (dBFS) and, for a tone in
 * both channels, its loudness in LUFS (BS.1770 sums both channels' power: +3.01 dB over one
 * channel's RMS; at 1 kHz K-weighting and the -0.691 offset cancel). Null while nothing arrives.
 */
export function receivedLevel(page: Page): Promise<{ lufs: number; peakDb: number } | null> {
  return page.evaluate(async () => {
    const src = document.querySelector<HTMLAudioElement>('[data-testid="listener-audio"] audio')?.srcObject;
    if (!(src instanceof MediaStream) || src.getAudioTracks().length === 0) return null;
    const context = new AudioContext();
    try {
      const analyser = new AnalyserNode(context, { fftSize: 32768 });
      context.createMediaStreamSource(src).connect(analyser);
      await context.resume();
      await new Promise((resolve) => setTimeout(resolve, 800));
      const x = new Float32Array(analyser.fftSize);
      analyser.getFloatTimeDomainData(x);
      let sum = 0;
      let peak = 0;
      for (const v of x) {
        sum += v * v;
        peak = Math.max(peak, Math.abs(v));
      }
      const rms = Math.sqrt(sum / x.length);
      if (rms < 1e-5) return null;
      return { lufs: 20 * Math.log10(rms) + 3.01, peakDb: 20 * Math.log10(peak) };
    } finally {
      await context.close();
    }
  });
}
