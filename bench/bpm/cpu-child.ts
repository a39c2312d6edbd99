/**
 * Child of `npm run bench:bpm-cpu` for instruction counts (bundled to plain JS, run by node under
 * perf or callgrind): `node child.mjs BUNDLE SECONDS FEEDS` feeds the synthetic set FEEDS times,
 * each through a fresh processor. Two runs with different FEEDS differ by the analysis alone.
 */
import { loadProcessor, feed, quanta } from './cpu-run';
import { syntheticSet } from './cpu-signal';

async function main(): Promise<void> {
  const [bundle, seconds, feeds] = process.argv.slice(2);
  if (!bundle || !seconds || !feeds) throw new Error('usage: child.mjs BUNDLE SECONDS FEEDS');
  const audio = syntheticSet(Number(seconds));
  const Ctor = await loadProcessor(bundle, audio.sampleRate);
  const blocks = quanta(audio);
  for (let i = 0; i < Number(feeds); i++) feed(Ctor, blocks, audio.sampleRate, false);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
