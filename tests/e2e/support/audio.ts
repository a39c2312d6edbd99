import type { Page } from '@playwright/test';
import { TONE_HZ } from './paths';

/**
 * How far (dB) the tone's FFT bin stands above the median bin in what the listener's
 * <audio data-testid="listener-audio"> element is receiving; 0 when nothing arrives.
 * A fresh AnalyserNode (fftSize 4096) taps the element's srcObject, so this measures
 * the real WebRTC track, not the page's UI state.
 */
export function toneProminence(page: Page, hz = TONE_HZ): Promise<number> {
  return page.evaluate(async (targetHz) => {
    const el = document.querySelector<HTMLAudioElement>('[data-testid="listener-audio"]');
    const stream = el?.srcObject;
    if (!(stream instanceof MediaStream) || stream.getAudioTracks().length === 0) return 0;
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
      const finite = Array.from(bins).filter(Number.isFinite).sort((a, b) => a - b);
      const median = finite[Math.floor(finite.length / 2)];
      if (!Number.isFinite(peak) || median === undefined) return 0;
      return peak - median;
    } finally {
      await context.close();
    }
  }, hz);
}

/** Current aria-valuenow (dBFS) of a level meter. */
export async function meterDb(page: Page, testId: 'level-meter-left' | 'level-meter-right'): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('aria-valuenow'));
}

/**
 * The same measurement on the HLS player's element (<audio data-testid="listener-hls-audio">,
 * fed by hls.js through Media Source): its output is captured with captureStream().
 */
export function hlsToneProminence(page: Page, hz = TONE_HZ): Promise<number> {
  return page.evaluate(async (targetHz) => {
    const el = document.querySelector<HTMLAudioElement & { captureStream?: () => MediaStream }>(
      '[data-testid="listener-hls-audio"]',
    );
    if (!el || el.paused || !el.captureStream) return 0;
    const stream = el.captureStream();
    if (stream.getAudioTracks().length === 0) return 0;
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
      const finite = Array.from(bins).filter(Number.isFinite).sort((a, b) => a - b);
      const median = finite[Math.floor(finite.length / 2)];
      if (!Number.isFinite(peak) || median === undefined) return 0;
      return peak - median;
    } finally {
      await context.close();
    }
  }, hz);
}
