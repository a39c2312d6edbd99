import type { IngressInputKind } from '@/types/room';

/** Where each value goes in OBS, for the input the DJ is looking at. */
export function ObsSetupSteps({ input }: { input: IngressInputKind }) {
  return (
    <details className="text-sm text-muted">
      <summary className="cursor-pointer text-ink">Set up OBS</summary>
      <ol className="mt-2 list-decimal space-y-1 pl-5">
        <li>In OBS open Settings → Stream.</li>
        {input === 'rtmp' ? (
          <>
            <li>
              Service: <strong>Custom…</strong>. Server: the server above. Stream Key: the key above.
            </li>
            <li>Settings → Output: audio bitrate 160 kbps or more (the station sends 192 kbps stereo Opus).</li>
          </>
        ) : (
          <>
            <li>
              Service: <strong>WHIP</strong> (OBS 30 or newer). Server: the server above. Bearer Token: the key above.
            </li>
            <li>WHIP sends Opus straight from OBS: lower latency than RTMP.</li>
          </>
        )}
        <li>
          Listeners hear audio only: any video OBS sends is muted by the server and reaches nobody, so a small, low-bitrate canvas saves
          upload.
        </li>
        <li>Press Start Streaming. The channel goes on air under your name when the audio arrives.</li>
        <li>Keep the key secret: anyone who has it can broadcast as you. If it leaks, make a new key.</li>
      </ol>
    </details>
  );
}
