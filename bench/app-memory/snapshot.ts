// A V8 .heapsnapshot read without DevTools: live objects grouped by constructor (count and self
// size), the difference between two snapshots, and sample retainer paths of one constructor's
// objects (who keeps them), enough to name what accumulates.
//
//   npx tsx bench/app-memory/snapshot.ts <early.heapsnapshot> <late.heapsnapshot> [constructor...]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Raw = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
};

export type Group = { count: number; bytes: number };

export class Snapshot {
  private readonly raw: Raw;
  private readonly nf: number;
  private readonly ef: number;
  private readonly firstEdge: Uint32Array;
  private retainers: { from: Uint32Array; edge: Uint32Array; start: Uint32Array } | null = null;

  constructor(file: string) {
    this.raw = JSON.parse(readFileSync(file, 'utf8')) as Raw;
    this.nf = this.raw.snapshot.meta.node_fields.length;
    this.ef = this.raw.snapshot.meta.edge_fields.length;
    const n = this.raw.nodes.length / this.nf;
    this.firstEdge = new Uint32Array(n + 1);
    const edgeCount = this.raw.snapshot.meta.node_fields.indexOf('edge_count');
    for (let i = 0; i < n; i++) this.firstEdge[i + 1] = (this.firstEdge[i] ?? 0) + (this.raw.nodes[i * this.nf + edgeCount] ?? 0) * this.ef;
  }

  get nodeCount(): number {
    return this.raw.nodes.length / this.nf;
  }

  private field(i: number, k: number): number {
    return this.raw.nodes[i * this.nf + k] ?? 0;
  }

  /** "type:name" for strings, code and the like; the constructor's name for objects and closures' names. */
  label(i: number): string {
    const type = this.raw.snapshot.meta.node_types[0][this.field(i, 0)] ?? '?';
    const name = this.raw.strings[this.field(i, 1)] ?? '?';
    if (type === 'object' || type === 'native') return name.split(' ')[0] ?? name;
    if (type === 'closure') return `closure ${name || '(anonymous)'}`;
    return `(${type})`;
  }

  groups(): Map<string, Group> {
    const out = new Map<string, Group>();
    for (let i = 0; i < this.nodeCount; i++) {
      const key = this.label(i);
      const g = out.get(key) ?? { count: 0, bytes: 0 };
      g.count += 1;
      g.bytes += this.field(i, 3);
      out.set(key, g);
    }
    return out;
  }

  private buildRetainers(): NonNullable<Snapshot['retainers']> {
    const n = this.nodeCount;
    const toField = this.raw.snapshot.meta.edge_fields.indexOf('to_node');
    const counts = new Uint32Array(n + 1);
    for (let e = 0; e < this.raw.edges.length; e += this.ef) counts[(this.raw.edges[e + toField] ?? 0) / this.nf + 1]! += 1;
    const start = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) start[i + 1] = (start[i] ?? 0) + (counts[i + 1] ?? 0);
    const fill = start.slice();
    const from = new Uint32Array(this.raw.edges.length / this.ef);
    const edge = new Uint32Array(this.raw.edges.length / this.ef);
    for (let i = 0; i < n; i++) {
      for (let e = this.firstEdge[i] ?? 0; e < (this.firstEdge[i + 1] ?? 0); e += this.ef) {
        const to = (this.raw.edges[e + toField] ?? 0) / this.nf;
        const slot = fill[to]!++;
        from[slot] = i;
        edge[slot] = e;
      }
    }
    return { from, edge, start };
  }

  private edgeName(e: number): string {
    const type = this.raw.snapshot.meta.edge_types[0][this.raw.edges[e] ?? 0] ?? '?';
    const nameOrIndex = this.raw.edges[e + 1] ?? 0;
    if (type === 'element' || type === 'hidden') return `[${nameOrIndex}]`;
    return type === 'weak' ? `(weak ${this.raw.strings[nameOrIndex]})` : (this.raw.strings[nameOrIndex] ?? '?');
  }

  /** Up to `samples` chains from objects labelled `label` towards a root, strong edges only. */
  retainerPaths(label: string, samples = 3, depth = 14): string[] {
    this.retainers ??= this.buildRetainers();
    const r = this.retainers;
    const targets: number[] = [];
    for (let i = this.nodeCount - 1; i >= 0 && targets.length < samples; i--) if (this.label(i) === label) targets.push(i);
    return targets.map((t) => {
      const seen = new Set([t]);
      const steps = [label];
      let at = t;
      for (let d = 0; d < depth; d++) {
        let next = -1;
        for (let k = r.start[at] ?? 0; k < (r.start[at + 1] ?? 0); k++) {
          const from = r.from[k] ?? 0;
          const name = this.edgeName(r.edge[k] ?? 0);
          if (name.startsWith('(weak') || seen.has(from)) continue;
          steps.push(`<-${name}- ${this.label(from)}`);
          next = from;
          break;
        }
        if (next < 0) break;
        seen.add(next);
        at = next;
      }
      return steps.join(' ');
    });
  }
}

/** Constructors whose live count or size grew most from `early` to `late`. */
export function growth(early: Map<string, Group>, late: Map<string, Group>, top = 20): string[] {
  const rows = [...late].map(([key, g]) => {
    const e = early.get(key) ?? { count: 0, bytes: 0 };
    return { key, dCount: g.count - e.count, dBytes: g.bytes - e.bytes, count: g.count };
  });
  rows.sort((a, b) => b.dBytes - a.dBytes);
  return rows
    .slice(0, top)
    .map((r) => `${(r.dBytes / 1024).toFixed(0).padStart(8)} KB ${String(r.dCount).padStart(8)} objects (now ${r.count})  ${r.key}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [earlyFile, lateFile, ...labels] = process.argv.slice(2);
  if (!earlyFile || !lateFile) throw new Error('usage: snapshot.ts <early.heapsnapshot> <late.heapsnapshot> [constructor...]');
  const early = new Snapshot(earlyFile).groups();
  const late = new Snapshot(lateFile);
  console.log('growth by constructor, early -> late (self size):');
  for (const line of growth(early, late.groups(), 30)) console.log(line);
  for (const label of labels) for (const p of late.retainerPaths(label)) console.log(p);
}
