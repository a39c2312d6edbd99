/** Debian's Chromium: Playwright cannot download its own browser builds here. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, and nothing reaching for Google services (bench/bpm/cpu-chromium.ts uses these alone). */
export const HEADLESS_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Flags for headless Chromium with a WAV file as the microphone. The network flags stop
 * it from reaching for Google services this machine cannot reach.
 */
export function chromiumArgs(fakeMicWav: string): string[] {
  return [
    ...HEADLESS_ARGS,
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${fakeMicWav}`,
    '--autoplay-policy=no-user-gesture-required',
    // `with-stack.ts --tls`: accept certificates of this run's Caddy CA only (scripts/stack/caddy.ts).
    ...(process.env.STACK_TLS_SPKI ? [`--ignore-certificate-errors-spki-list=${process.env.STACK_TLS_SPKI}`] : []),
  ];
}
