// Window 7 (BENCH_PART=onair): what a channel on air adds to the app's passes. Its page's state
// reads the channel's running egress (HLS), its tempo and its open set every pass, beside what a
// followed channel costs (windows 5 and 6). BENCH_ONAIR channels (default 4) go on air as a DJ does
// (slot, token route, publish; the app's egress writes HLS for each), one page open on each; the
// window reads the app's CPU and its database operations a second (radio_db_operations_total).
import { appChannelOnAir, type OnAir } from '../capacity/on-air';
import { fail, requireEnv } from '../support/env';
import { type OpRate, opRates, readDbOperations, totalRate } from './db-ops';
import { followChannels } from './topics';

type Measure = (name: string, atStart: () => Promise<void>) => Promise<{ cores: number }>;
type Window = { cores: number; rates: OpRate[] };

const say = (...lines: string[]) => console.log(lines.join('\n'));

async function window(name: string, measure: Measure, metricsUrl: string): Promise<Window> {
  let before: Map<string, number> = new Map();
  let t0 = 0;
  // Read as the CPU window opens, after the settling: both figures cover the same seconds.
  const { cores } = await measure(name, async () => {
    before = await readDbOperations(metricsUrl);
    t0 = Date.now();
  });
  const rates = opRates(before, await readDbOperations(metricsUrl), (Date.now() - t0) / 1000);
  say(`[app-cost] ${name}: database ${totalRate(rates).toFixed(1)} operations/s`);
  for (const r of rates.slice(0, 12)) say(`    ${r.op.padEnd(28)} ${r.perSecond.toFixed(2)}/s`);
  return { cores, rates };
}

export async function onAirWindows(appUrl: string, count: number, measure: Measure, firstAddress: number): Promise<void> {
  const metricsUrl = `http://127.0.0.1:${requireEnv('METRICS_PORT')}/metrics`;
  const idle = await window('nothing on air', measure, metricsUrl);
  say('', `putting ${count} channels on air (DJ token, publish, the app's HLS egress) ...`);
  const onAir: OnAir[] = [];
  try {
    for (let i = 0; i < count; i++) onAir.push(await appChannelOnAir(i));
    const streams = await followChannels(
      appUrl,
      onAir.map((c) => c.id),
      firstAddress,
    );
    const live = await window(`${count} channels on air, one page open on each`, measure, metricsUrl);
    for (const s of streams) s.close();
    if (streams.some((s) => s.frames === 0)) fail('a page of a channel on air received no state');
    const ops = (totalRate(live.rates) - totalRate(idle.rates)) / count;
    say(
      '',
      `one channel on air with its page open: ${((Math.max(0, live.cores - idle.cores) / count) * 100).toFixed(2)}% of a core, ` +
        `${ops.toFixed(1)} database operations/s`,
    );
  } finally {
    await Promise.all(onAir.map((c) => c.stop()));
  }
}
