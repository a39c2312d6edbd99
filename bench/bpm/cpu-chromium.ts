/**
 * The worklet in Chromium itself (bench:bpm-cpu --chromium): an OfflineAudioContext at 48 kHz renders
 * SECONDS of stereo clicks and noise through source -> bpm-processor -> destination, as fast as it
 * can, alternating with the same graph without the processor. The difference of the render times
 * is what the processor costs on Chromium's audio thread (V8 in an AudioWorkletGlobalScope, 128-frame
 * quanta). Wall time inside the page: under load, compare versions in the same run, as the Node figure.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { HEADLESS_ARGS } from '../../tests/support/chromium';

const ORIGIN = 'http://localhost:9/';

/** Runs in the page: render once with the processor module at `url` (or without, when null); returns ms. */
async function renderOnce(args: { url: string | null; seconds: number }): Promise<number> {
  const rate = 48_000;
  const ctx = new OfflineAudioContext(2, args.seconds * rate, rate);
  const buffer = ctx.createBuffer(2, args.seconds * rate, rate);
  let seed = 1;
  for (let c = 0; c < 2; c++) {
    const d = buffer.getChannelData(c);
    for (let i = 0; i < d.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const beat = i % Math.round((60 / 126) * rate);
      d[i] = 0.02 * (seed / 2 ** 31 - 1) + (beat < 2400 ? Math.sin(beat * 0.007) * Math.exp(-beat / 600) : 0);
    }
  }
  const source = ctx.createBufferSource();
  source.buffer = buffer;
  if (args.url) {
    await ctx.audioWorklet.addModule(args.url);
    const node = new AudioWorkletNode(ctx, 'bpm-processor', { processorOptions: { range: 'auto' } });
    source.connect(node).connect(ctx.destination);
  } else {
    source.connect(ctx.destination);
  }
  source.start();
  const t = performance.now();
  await ctx.startRendering();
  return performance.now() - t;
}

export type ChromiumResult = { name: string; msPerSecond: number; runs: number[] };

/** Median processor cost (ms of render time per s of audio) of each bundle, runs alternating. */
export async function chromiumCost(bundles: [string, string][], seconds: number, runs: number): Promise<ChromiumResult[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: HEADLESS_ARGS });
  try {
    const page = await browser.newPage();
    // A localhost origin is a secure context, as AudioWorklet needs; the page comes from a route, no
    // server. Worklet fetches bypass routes, so the bundles go in as blob: URLs.
    await page.route(ORIGIN, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bpm cpu</title>' }));
    await page.goto(ORIGIN);
    const urls: string[] = [];
    for (const [, file] of bundles) {
      urls.push(
        await page.evaluate((text) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' })), readFileSync(file, 'utf8')),
      );
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;
    const costs = bundles.map(([name]) => ({ name, runs: [] as number[] }));
    await page.evaluate(renderOnce, { url: null, seconds: 10 }); // warm-up
    for (let r = 0; r < runs; r++) {
      for (const [i, url] of urls.entries()) {
        // A fresh context per render: addModule is per context, so each run loads and compiles anew, like a page load.
        const without = await page.evaluate(renderOnce, { url: null, seconds });
        const withIt = await page.evaluate(renderOnce, { url, seconds });
        costs[i]?.runs.push((withIt - without) / seconds);
      }
    }
    return costs.map((c) => ({ ...c, msPerSecond: median(c.runs) }));
  } finally {
    await browser.close();
  }
}
