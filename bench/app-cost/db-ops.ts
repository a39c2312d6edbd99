// The app's database operations (radio_db_operations_total on its /metrics port), read before and
// after a window: what a pass costs the database, by model and operation. Pure parts unit tested.

export type OpCounts = Map<string, number>;

/** `model.operation` -> count, from a Prometheus text exposition. */
export function parseDbOperations(text: string): OpCounts {
  const counts: OpCounts = new Map();
  const line = /^radio_db_operations_total\{model="([^"]*)",operation="([^"]*)"\} (\S+)$/gm;
  for (const m of text.matchAll(line)) counts.set(`${m[1]}.${m[2]}`, Number(m[3]));
  return counts;
}

export type OpRate = { op: string; perSecond: number };

/** Operations a second between two reads, busiest first; operations that did not run are left out. */
export function opRates(before: OpCounts, after: OpCounts, seconds: number): OpRate[] {
  return [...after]
    .map(([op, n]) => ({ op, perSecond: (n - (before.get(op) ?? 0)) / seconds }))
    .filter((r) => r.perSecond > 0)
    .sort((a, b) => b.perSecond - a.perSecond || a.op.localeCompare(b.op));
}

export const totalRate = (rates: readonly OpRate[]) => rates.reduce((sum, r) => sum + r.perSecond, 0);

/** The app's counts now (its metrics server: METRICS_PORT on loopback, as the stack starts it). */
export async function readDbOperations(metricsUrl: string): Promise<OpCounts> {
  const res = await fetch(metricsUrl);
  if (res.status !== 200) throw new Error(`${metricsUrl}: HTTP ${res.status}`);
  const counts = parseDbOperations(await res.text());
  if (counts.size === 0) throw new Error(`${metricsUrl} has no radio_db_operations_total`);
  return counts;
}
