/**
 * In-page instrumentation, installed with `context.addInitScript(installProbe, options)` so the
 * product code stays untouched. It taps audio tracks into an AudioWorklet onset detector and
 * stamps every onset and UI event on one clock, `performance.timeOrigin + performance.now()`,
 * which all pages of one browser process share, so DJ and listener times subtract directly.
 *
 * Taps: "capture" (tracks getUserMedia returns), "sender" (tracks handed to RTCPeerConnection,
 * i.e. exactly what WebRTC encodes), "receiver" (the audio track in `watchSelector`'s srcObject).
 * Marks: `click:<data-testid>` (from the event's own timeStamp) and `<data-testid>:<data-state>`.
 *
 * Everything below runs in the browser: it must not reference module-level code.
 */

export type ProbeOptions = {
  /** Linear amplitude (0..1) a sample must reach to count as sound. */
  threshold: number;
  /** Silence needed before a new onset is reported, so a burst or tone reports once. */
  quietMs: number;
  hookCapture: boolean;
  hookSender: boolean;
  watchSelector: string | null;
  /** A media element without srcObject (HLS through Media Source): its output is tapped directly. */
  captureSelector?: string | null;
};

/** `t` is ms on the shared clock; `track` the tapped track's id. */
export type Onset = { t: number; peak: number; track: string };
export type Mark = { name: string; t: number };
export type ProbeState = {
  onsets: Record<string, Onset[]>;
  /** Loudest sample per tap over the last second: tells "silent" from "too quiet" on failure. */
  levels: Record<string, number>;
  marks: Mark[];
  taps: Record<string, string>;
  errors: string[];
};

declare global {
  interface Window {
    __benchProbe?: ProbeState;
    /** Every peer connection that got a remote description, for getStats(); not serialisable. */
    __benchPcs?: RTCPeerConnection[];
  }
}

type ProbeMessage = { kind: 'onset'; frame: number; peak: number } | { kind: 'level'; peak: number };

export function installProbe(opts: ProbeOptions): void {
  if (window.__benchProbe) return;
  const state: ProbeState = { onsets: {}, levels: {}, marks: [], taps: {}, errors: [] };
  window.__benchProbe = state;
  const now = () => performance.timeOrigin + performance.now();
  const mark = (name: string, t: number) => state.marks.push({ name, t });

  // Per-sample peak over channels; an onset is the first sample at/above threshold after quietFrames below it.
  const WORKLET = `
    class OnsetProbe extends AudioWorkletProcessor {
      constructor(options) {
        super();
        const o = options.processorOptions;
        this.threshold = o.threshold; this.quietFrames = o.quietFrames;
        this.sinceLoud = Infinity; this.levelPeak = 0; this.levelFrames = 0;
      }
      process(inputs) {
        const input = inputs[0] || [];
        const n = input.length > 0 ? input[0].length : 128;
        for (let i = 0; i < n; i++) {
          let peak = 0;
          for (let c = 0; c < input.length; c++) { const v = Math.abs(input[c][i]); if (v > peak) peak = v; }
          if (peak > this.levelPeak) this.levelPeak = peak;
          if (peak >= this.threshold) {
            if (this.sinceLoud >= this.quietFrames) this.port.postMessage({ kind: 'onset', frame: currentFrame + i, peak });
            this.sinceLoud = 0;
          } else this.sinceLoud++;
        }
        this.levelFrames += n;
        if (this.levelFrames >= sampleRate) {
          this.port.postMessage({ kind: 'level', peak: this.levelPeak });
          this.levelPeak = 0; this.levelFrames = 0;
        }
        return true;
      }
    }
    registerProcessor('onset-probe', OnsetProbe);`;

  let ready: Promise<{ ctx: AudioContext; sink: AudioNode }> | null = null;
  const audio = () =>
    (ready ??= (async () => {
      const ctx = new AudioContext({ latencyHint: 'interactive' });
      const url = URL.createObjectURL(new Blob([WORKLET], { type: 'text/javascript' }));
      await ctx.audioWorklet.addModule(url);
      // Zero gain into the destination keeps the worklet pulled without making sound.
      const sink = new GainNode(ctx, { gain: 0 });
      sink.connect(ctx.destination);
      return { ctx, sink };
    })());

  const active = new Map<string, { source: AudioNode; node: AudioWorkletNode }>();
  /** Feeds `source` into a fresh onset detector whose onsets are stamped on the page clock. */
  const attach = (ctx: AudioContext, sink: AudioNode, source: AudioNode, label: string, id: string) => {
    const previous = active.get(label);
    previous?.source.disconnect();
    previous?.node.disconnect();
    const node = new AudioWorkletNode(ctx, 'onset-probe', {
      processorOptions: { threshold: opts.threshold, quietFrames: Math.round((opts.quietMs / 1000) * ctx.sampleRate) },
    });
    node.port.onmessage = (e: MessageEvent<ProbeMessage>) => {
      const msg = e.data;
      if (msg.kind === 'level') {
        state.levels[label] = msg.peak;
        return;
      }
      // Map the sample's context time to the page clock with the context's own timestamp pair;
      // both ends use the same detector, so its fixed pipeline delay cancels in the difference.
      const ts = ctx.getOutputTimestamp();
      const perf = (ts.performanceTime ?? 0) + (msg.frame / ctx.sampleRate - (ts.contextTime ?? 0)) * 1000;
      (state.onsets[label] ??= []).push({ t: performance.timeOrigin + perf, peak: msg.peak, track: id });
    };
    source.connect(node).connect(sink);
    active.set(label, { source, node });
  };
  const tap = async (track: MediaStreamTrack, label: string): Promise<void> => {
    if (state.taps[label] === track.id) return;
    state.taps[label] = track.id; // latest track wins: each go-live publishes a fresh clone
    try {
      const { ctx, sink } = await audio();
      if (ctx.state !== 'running') await ctx.resume();
      attach(ctx, sink, new MediaStreamAudioSourceNode(ctx, { mediaStream: new MediaStream([track]) }), label, track.id);
    } catch (err) {
      state.errors.push(`${label}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  if (opts.hookCapture) {
    const md = MediaDevices.prototype;
    const getUserMedia = md.getUserMedia;
    md.getUserMedia = async function (this: MediaDevices, constraints?: MediaStreamConstraints) {
      const stream = await getUserMedia.call(this, constraints);
      stream.getAudioTracks().forEach((t) => void tap(t, 'capture'));
      return stream;
    };
  }

  const pcs: RTCPeerConnection[] = (window.__benchPcs = []);
  // Typed as the promise overload (the callback one is legacy and unused by livekit-client).
  const setRemoteDescription: (this: RTCPeerConnection, d: RTCSessionDescriptionInit) => Promise<void> =
    RTCPeerConnection.prototype.setRemoteDescription;
  RTCPeerConnection.prototype.setRemoteDescription = function (this: RTCPeerConnection, desc: RTCSessionDescriptionInit) {
    if (!pcs.includes(this)) pcs.push(this);
    return setRemoteDescription.call(this, desc);
  };

  if (opts.hookSender) {
    const pc = RTCPeerConnection.prototype;
    const addTransceiver = pc.addTransceiver;
    pc.addTransceiver = function (this: RTCPeerConnection, trackOrKind: MediaStreamTrack | string, init?: RTCRtpTransceiverInit) {
      if (trackOrKind instanceof MediaStreamTrack && trackOrKind.kind === 'audio') void tap(trackOrKind, 'sender');
      return addTransceiver.call(this, trackOrKind, init);
    };
    const addTrack = pc.addTrack;
    pc.addTrack = function (this: RTCPeerConnection, track: MediaStreamTrack, ...streams: MediaStream[]) {
      if (track.kind === 'audio') void tap(track, 'sender');
      return addTrack.call(this, track, ...streams);
    };
    const sender = RTCRtpSender.prototype;
    const replaceTrack = sender.replaceTrack;
    sender.replaceTrack = function (this: RTCRtpSender, track: MediaStreamTrack | null) {
      if (track?.kind === 'audio') void tap(track, 'sender');
      return replaceTrack.call(this, track);
    };
  }

  if (opts.watchSelector) {
    const selector = opts.watchSelector;
    // Polling: srcObject is a property, not an attribute, so no observer sees it change.
    setInterval(() => {
      const el = document.querySelector(selector);
      const stream = el instanceof HTMLMediaElement ? el.srcObject : null;
      const track = stream instanceof MediaStream ? stream.getAudioTracks()[0] : undefined;
      if (track && track.readyState === 'live') void tap(track, 'receiver');
    }, 10);
  }

  if (opts.captureSelector) {
    // The element's own output, routed into the probe's context (it stays the element's
    // output across source changes, so Play/Stop and rebuilt players need no re-tap).
    // The element is then heard only through the probe's silent sink: fine for a bench.
    const selector = opts.captureSelector;
    let tapped = false;
    setInterval(() => {
      const el = document.querySelector(selector);
      if (tapped || !(el instanceof HTMLMediaElement) || el.paused) return;
      tapped = true;
      void (async () => {
        try {
          const { ctx, sink } = await audio();
          if (ctx.state !== 'running') await ctx.resume();
          const source = new MediaElementAudioSourceNode(ctx, { mediaElement: el });
          attach(ctx, sink, source, 'receiver', 'element');
        } catch (err) {
          state.errors.push(`receiver: ${err instanceof Error ? err.message : String(err)}`);
        }
      })();
    }, 10);
  }

  // Capture phase on document runs before React's root listener; timeStamp is when the input arrived.
  document.addEventListener(
    'click',
    (e) => {
      const el = e.target instanceof Element ? e.target.closest('[data-testid]') : null;
      if (el) mark(`click:${el.getAttribute('data-testid')}`, performance.timeOrigin + e.timeStamp);
    },
    true,
  );
  new MutationObserver((records) => {
    const t = now();
    for (const r of records) {
      if (r.target instanceof Element) mark(`${r.target.getAttribute('data-testid')}:${r.target.getAttribute('data-state')}`, t);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
}
