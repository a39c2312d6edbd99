import 'server-only';

/** A channel whose live participant is an OBS ingress publishing audio (from the live state). */
export type ObsSet = { channelId: string; identity: string; trackSid: string };

/** An analyser the server runs now; `ended` once its set ended or its connection dropped. */
export type RunningAnalyser = ObsSet & { ended: boolean };

export type ObsTempoPlan = { stop: string[]; start: ObsSet[] };

/**
 * Which analysers to stop and start (by channel id), one per channel at most: an ended one
 * stops, one whose channel no longer has that OBS set live stops, and every OBS set without a
 * running analyser gets one. While live state is unknown (LiveKit down or just restarted)
 * nothing new is judged from what may be stale: only ended analysers go.
 */
export function planObsTempo(sets: readonly ObsSet[], running: readonly RunningAnalyser[], known: boolean): ObsTempoPlan {
  // The first set of a channel wins (the live state has one live participant per channel anyway).
  const wanted = new Map<string, ObsSet>();
  for (const s of sets) if (!wanted.has(s.channelId)) wanted.set(s.channelId, s);
  const stop: string[] = [];
  const kept = new Set<string>();
  for (const r of running) {
    const want = wanted.get(r.channelId);
    const same = want !== undefined && want.identity === r.identity && want.trackSid === r.trackSid;
    if (r.ended || (known && !same)) stop.push(r.channelId);
    else kept.add(r.channelId);
  }
  const start = known ? [...wanted.values()].filter((s) => !kept.has(s.channelId)) : [];
  return { stop, start };
}
