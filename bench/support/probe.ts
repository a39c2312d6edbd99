/**
 * In-page instrumentation, installed with `context.addInitScript({ content: probeScript(options) })`
 * so the product code stays untouched. It taps audio tracks into an AudioWorklet onset detector and
 * stamps every onset and UI event on one clock, `performance.timeOrigin + performance.now()`,
 * which all pages of one browser process share, so DJ and listener times subtract directly.
 *
 * Taps: "capture" (tracks getUserMedia returns), "sender" (tracks handed to RTCPeerConnection,
 * i.e. exactly what WebRTC encodes), "receiver" (the audio track in `watchSelector`'s srcObject).
 * Marks: `click:<data-testid>` (from the event's own timeStamp) and `<data-testid>:<data-state>`.
 *
 * Everything below `probeScript` runs in the browser: each function may use only its arguments,
 * browser globals and the other functions of `PAGE_FUNCTIONS` (they are sent as source text).
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

type Tap = (track: MediaStreamTrack, label: string) => Promise<void>;
/** Feeds an audio node into a fresh onset detector, under `label`, for the track `id`. */
type Attach = (source: (ctx: AudioContext) => AudioNode, label: string, id: string) => Promise<void>;

/** The probe as one init script: the page functions' source, then `installProbe(opts)`, in a scope of its own. */
export function probeScript(opts: ProbeOptions): string {
  const functions = PAGE_FUNCTIONS.map((f) => f.toString()).join('\n');
  return `(() => {\n${functions}\ninstallProbe(${JSON.stringify(opts)});\n})();`;
}

export function installProbe(opts: ProbeOptions): void {
  if (window.__benchProbe) return;
  const state: ProbeState = { onsets: {}, levels: {}, marks: [], taps: {}, errors: [] };
  window.__benchProbe = state;
  const { tap, attach } = onsetTaps(opts, state);
  if (opts.hookCapture) hookCapture(tap);
  recordPeerConnections();
  if (opts.hookSender) hookSenders(tap);
  if (opts.watchSelector) watchReceiver(opts.watchSelector, tap);
  if (opts.captureSelector) captureElement(opts.captureSelector, attach, state);
  recordMarks(state);
}

/** The onset detector's AudioWorklet source. */
function onsetWorkletSource(): string {
  // Per-sample peak over channels; an onset is the first sample at/above threshold after quietFrames below it.
  return `
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
}

/** One audio context with the detector loaded (made on first use); `tap` and `attach` feed it. */
function onsetTaps(opts: ProbeOptions, state: ProbeState): { tap: Tap; attach: Attach } {
  let ready: Promise<{ ctx: AudioContext; sink: AudioNode }> | null = null;
  const audio = () =>
    (ready ??= (async () => {
      const ctx = new AudioContext({ latencyHint: 'interactive' });
      const url = URL.createObjectURL(new Blob([onsetWorkletSource()], { type: 'text/javascript' }));
      await ctx.audioWorklet.addModule(url);
      // Zero gain into the destination keeps the worklet pulled without making sound.
      const sink = new GainNode(ctx, { gain: 0 });
      sink.connect(ctx.destination);
      return { ctx, sink };
    })());
  const active = new Map<string, { source: AudioNode; node: AudioWorkletNode }>();
  const attach: Attach = async (makeSource, label, id) => {
    const { ctx, sink } = await audio();
    if (ctx.state !== 'running') await ctx.resume();
    const source = makeSource(ctx);
    const previous = active.get(label);
    previous?.source.disconnect();
    previous?.node.disconnect();
    const node = onsetNode(ctx, opts, state, label, id);
    source.connect(node).connect(sink);
    active.set(label, { source, node });
  };
  const tap: Tap = async (track, label) => {
    if (state.taps[label] === track.id) return;
    state.taps[label] = track.id; // latest track wins: each go-live publishes a fresh clone
    try {
      await attach((ctx) => new MediaStreamAudioSourceNode(ctx, { mediaStream: new MediaStream([track]) }), label, track.id);
    } catch (err) {
      state.errors.push(`${label}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return { tap, attach };
}

/** A fresh onset detector whose onsets are stamped on the page clock and levels kept per label. */
function onsetNode(ctx: AudioContext, opts: ProbeOptions, state: ProbeState, label: string, id: string): AudioWorkletNode {
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
  return node;
}

/** "capture": the audio tracks getUserMedia returns. */
function hookCapture(tap: Tap) {
  const md = MediaDevices.prototype;
  const getUserMedia = md.getUserMedia;
  md.getUserMedia = async function (this: MediaDevices, constraints?: MediaStreamConstraints) {
    const stream = await getUserMedia.call(this, constraints);
    stream.getAudioTracks().forEach((t) => void tap(t, 'capture'));
    return stream;
  };
}

/** Every peer connection that gets a remote description, in `window.__benchPcs`. */
function recordPeerConnections() {
  const pcs: RTCPeerConnection[] = (window.__benchPcs = []);
  // Typed as the promise overload (the callback one is legacy and unused by livekit-client).
  const setRemoteDescription: (this: RTCPeerConnection, d: RTCSessionDescriptionInit) => Promise<void> =
    RTCPeerConnection.prototype.setRemoteDescription;
  RTCPeerConnection.prototype.setRemoteDescription = function (this: RTCPeerConnection, desc: RTCSessionDescriptionInit) {
    if (!pcs.includes(this)) pcs.push(this);
    return setRemoteDescription.call(this, desc);
  };
}

/** "sender": audio tracks handed to a peer connection, i.e. exactly what WebRTC encodes. */
function hookSenders(tap: Tap) {
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

/** "receiver": the live audio track in the srcObject of the element `selector` finds. */
function watchReceiver(selector: string, tap: Tap) {
  // Polling: srcObject is a property, not an attribute, so no observer sees it change.
  setInterval(() => {
    const el = document.querySelector(selector);
    const stream = el instanceof HTMLMediaElement ? el.srcObject : null;
    const track = stream instanceof MediaStream ? stream.getAudioTracks()[0] : undefined;
    if (track && track.readyState === 'live') void tap(track, 'receiver');
  }, 10);
}

/**
 * "receiver" from a media element without srcObject: the element's own output, routed into the
 * probe's context (it stays the element's output across source changes, so Play/Stop and rebuilt
 * players need no re-tap). The element is then heard only through the probe's silent sink: fine for a bench.
 */
function captureElement(selector: string, attach: Attach, state: ProbeState) {
  let tapped = false;
  setInterval(() => {
    const el = document.querySelector(selector);
    if (tapped || !(el instanceof HTMLMediaElement) || el.paused) return;
    tapped = true;
    attach((ctx) => new MediaElementAudioSourceNode(ctx, { mediaElement: el }), 'receiver', 'element').catch((err) =>
      state.errors.push(`receiver: ${err instanceof Error ? err.message : String(err)}`),
    );
  }, 10);
}

/** Marks: `click:<data-testid>` (from the event's own timeStamp) and `<data-testid>:<data-state>`. */
function recordMarks(state: ProbeState) {
  const mark = (name: string, t: number) => state.marks.push({ name, t });
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
    const t = performance.timeOrigin + performance.now();
    for (const r of records) {
      if (r.target instanceof Element) mark(`${r.target.getAttribute('data-testid')}:${r.target.getAttribute('data-state')}`, t);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
}

/** Everything `installProbe` calls in the page, sent as source text by `probeScript`. */
const PAGE_FUNCTIONS = [
  installProbe,
  onsetWorkletSource,
  onsetTaps,
  onsetNode,
  hookCapture,
  recordPeerConnections,
  hookSenders,
  watchReceiver,
  captureElement,
  recordMarks,
];
