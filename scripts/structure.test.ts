// The server's structure as docs/architecture.md draws it: no two src/server areas import each
// other, no import cycles between areas, and every area is reached only through its index.ts.
// `npx tsx scripts/server-graph.ts` prints the graph this checks.
import { describe, expect, it } from 'vitest';
import { areaCycles, buildServerGraph, deepImports, mutualPairs, outsideDeepImports, type ServerGraph } from './server-graph';

const graph = buildServerGraph();

describe('src/server structure', () => {
  it('has the areas it is drawn with', () => {
    // Guards the scan itself: an empty graph would pass every check below.
    expect([...graph.edges.keys()]).toEqual(expect.arrayContaining(['livekit', 'runtime', 'webhooks', 'tokens', 'schedule']));
  });

  it('has no pair of areas importing each other', () => {
    expect(mutualPairs(graph)).toEqual([]);
  });

  it('has no import cycle between areas', () => {
    expect(areaCycles(graph)).toEqual([]);
  });

  it('reaches every area through its public entry (index.ts), inside src/server and from the rest of src', () => {
    expect(deepImports(graph).map((d) => `${d.from} -> ${d.to}`)).toEqual([]);
    expect(outsideDeepImports().map((d) => `${d.from} -> ${d.to}`)).toEqual([]);
  });

  it('keeps the adapters and the loop on the floor: they import nothing of ours but env (and the singleton helper; the loop: metrics, the Redis adapter)', () => {
    expect([...(graph.edges.get('livekit') ?? [])]).toEqual(['env']);
    expect([...(graph.edges.get('redis') ?? [])].sort()).toEqual(['env', 'singleton']);
    // The loop logs and counts its passes (log, metrics: they read nothing of ours but env), and
    // holds the cluster lease and hears other replicas' wakes through the Redis adapter.
    expect([...(graph.edges.get('loop') ?? [])].sort()).toEqual(['log', 'metrics', 'redis', 'singleton']);
  });
});

describe('the structure checks', () => {
  const made = (edges: Record<string, string[]>): ServerGraph => ({
    imports: [],
    edges: new Map(Object.entries(edges).map(([a, bs]) => [a, new Set(bs)])),
  });

  it('find mutual pairs and longer cycles', () => {
    const g = made({ a: ['b'], b: ['a', 'c'], c: ['d'], d: ['b'], e: ['a'] });
    expect(mutualPairs(g)).toEqual([['a', 'b']]);
    expect(areaCycles(g)).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('find imports past an area entry, but not within an area or into top-level files', () => {
    const g: ServerGraph = {
      edges: new Map(),
      imports: [
        { from: 'a/x.ts', to: 'b/y' },
        { from: 'a/x.ts', to: 'b/index' },
        { from: 'a/x.ts', to: 'a/z' },
        { from: 'a/x.ts', to: 'env' },
      ],
    };
    expect(deepImports(g)).toEqual([{ from: 'a/x.ts', to: 'b/y' }]);
  });
});
