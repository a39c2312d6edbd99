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

export type ToneTick = { t: number; tones: number[] };

/** A tone's FFT bin (dBFS, Blackman window, 4096 points) above this is audible; the test tones peak around -15. */
const MIN_PEAK_DB = -55;

/**
 * Which of `tones` the WebRTC player receives, about every 50 ms (Date.now() stamps), until `ms` have
 * passed or `stopHz` has been heard for `afterMs`. Every <audio> the player renders is tapped as it
 * appears (a takeover brings a new track); a tone counts when its bin stands `marginDb` over the
 * median bin of any of them and is louder than `MIN_PEAK_DB`. The level matters: when a track's
 * packets stop, WebRTC's concealment goes on playing a fading copy of the tone, which stands out of
 * the median for seconds while far below anything audible (2.4 s of "overlap" without the level,
 * 2026-12-06). For a handover's gap at a real listener, not a fixed sleep.
 */
export function toneTimeline(
  page: Page,
  opts: { tones: number[]; ms: number; stopHz: number; afterMs: number; marginDb: number },
): Promise<ToneTick[]> {
  return page.evaluate(
    async ({ tones, ms, stopHz, afterMs, marginDb, minPeakDb }) => {
      const context = new AudioContext();
      await context.resume();
      const taps = new Map<MediaStream, AnalyserNode>();
      const bins = new Float32Array(2048);
      const ticks: { t: number; tones: number[] }[] = [];
      const end = Date.now() + ms;
      let stopAt = Infinity;
      try {
        while (Date.now() < Math.min(end, stopAt)) {
          for (const el of document.querySelectorAll<HTMLAudioElement>('[data-testid="listener-audio"] audio')) {
            const s = el.srcObject;
            if (!(s instanceof MediaStream) || s.getAudioTracks().length === 0 || taps.has(s)) continue;
            const analyser = new AnalyserNode(context, { fftSize: 4096, smoothingTimeConstant: 0 });
            context.createMediaStreamSource(s).connect(analyser);
            taps.set(s, analyser);
          }
          const heard = new Set<number>();
          for (const analyser of taps.values()) {
            analyser.getFloatFrequencyData(bins);
            const finite = Array.from(bins)
              .filter(Number.isFinite)
              .sort((a, b) => a - b);
            const median = finite[Math.floor(finite.length / 2)];
            if (median === undefined) continue;
            for (const hz of tones) {
              const k = Math.round(hz / (context.sampleRate / 4096));
              const peak = Math.max(bins[k - 1] ?? -Infinity, bins[k] ?? -Infinity, bins[k + 1] ?? -Infinity);
              if (peak - median > marginDb && peak > minPeakDb) heard.add(hz);
            }
          }
          const t = Date.now();
          ticks.push({ t, tones: [...heard] });
          if (heard.has(stopHz) && stopAt === Infinity) stopAt = t + afterMs;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        await context.close();
      }
      return ticks;
    },
    { ...opts, minPeakDb: MIN_PEAK_DB },
  );
}

/**
 * A takeover at a listener, from `toneTimeline`: the silence between the last tick of `from` before
 * `to` is first heard and that first tick (negative: both heard at once), and how long `from` went
 * on after `to` was first heard. Null when `to` never came.
 */
export function takeoverGap(ticks: ToneTick[], from: number, to: number): { gapMs: number; overlapMs: number } | null {
  const first = ticks.find((k) => k.tones.includes(to));
  if (!first) return null;
  const lastBefore = ticks.filter((k) => k.t < first.t && k.tones.includes(from)).at(-1);
  const lastAfter = ticks.filter((k) => k.t >= first.t && k.tones.includes(from)).at(-1);
  return { gapMs: lastBefore ? first.t - lastBefore.t : Infinity, overlapMs: lastAfter ? lastAfter.t - first.t : 0 };
}
