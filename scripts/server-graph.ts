// Folder-level import graph of src/server: which area imports which, mutual pairs, cycles and
// imports that reach past another area's public entry (index.ts). Run: npx tsx scripts/server-graph.ts
// scripts/structure.test.ts asserts the same graph has none of the three.
import fs from 'node:fs';
import path from 'node:path';

export const SERVER_DIR = path.resolve(__dirname, '..', 'src', 'server');

export interface ServerImport {
  from: string; // file, relative to src/server
  to: string; // resolved module path, relative to src/server, without extension
}

export interface ServerGraph {
  imports: ServerImport[];
  edges: Map<string, Set<string>>; // area -> areas it imports
}

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string, skip: readonly string[] = []): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'generated' || entry.name === 'generated-pg' || skip.includes(full) ? [] : sourceFiles(full, skip);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The area of a path relative to src/server: its first folder, or the file name for top-level files. */
export function areaOf(rel: string): string {
  const [first = '', ...rest] = rel.split('/');
  return rest.length > 0 ? first : first.replace(/\.tsx?$/, '');
}

function resolveSpecifier(file: string, spec: string): string | null {
  let abs: string;
  if (spec.startsWith('@/server/')) abs = path.join(SERVER_DIR, spec.slice('@/server/'.length));
  else if (spec.startsWith('.')) abs = path.resolve(path.dirname(file), spec);
  else return null;
  const rel = path.relative(SERVER_DIR, abs);
  if (rel.startsWith('..')) return null; // outside src/server
  const candidates = [`${abs}.ts`, `${abs}.tsx`, path.join(abs, 'index.ts')];
  const hit = candidates.find((c) => fs.existsSync(c));
  return (hit ? path.relative(SERVER_DIR, hit) : rel).replace(/\.tsx?$/, '');
}

export function buildServerGraph(dir = SERVER_DIR): ServerGraph {
  const imports: ServerImport[] = [];
  const edges = new Map<string, Set<string>>();
  for (const file of sourceFiles(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    const from = path.relative(dir, file);
    for (const match of text.matchAll(IMPORT_RE)) {
      const to = resolveSpecifier(file, match[1] ?? match[2] ?? '');
      if (to === null) continue;
      imports.push({ from, to });
      const a = areaOf(from);
      const b = areaOf(to);
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)!.add(b);
    }
  }
  return { imports, edges };
}

export function mutualPairs(graph: ServerGraph): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [a, targets] of graph.edges) {
    for (const b of targets) if (a < b && graph.edges.get(b)?.has(a)) pairs.push([a, b]);
  }
  return pairs.sort();
}

/** Strongly connected components with more than one area (Tarjan). */
export function areaCycles(graph: ServerGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) result.push(component.sort());
    }
  };
  for (const v of graph.edges.keys()) if (!index.has(v)) visit(v);
  return result;
}

/** Imports into another area's folder that do not go through its index.ts. */
export function deepImports(graph: ServerGraph): ServerImport[] {
  return graph.imports.filter(({ from, to }) => {
    const target = areaOf(to);
    if (areaOf(from) === target || !to.includes('/')) return false; // same area, or a top-level file
    return to !== `${target}/index`;
  });
}

/** Imports from the rest of src (pages, route handlers, instrumentation) past a server area's index.ts. */
export function outsideDeepImports(srcDir = path.dirname(SERVER_DIR)): ServerImport[] {
  const found: ServerImport[] = [];
  for (const file of sourceFiles(srcDir, [SERVER_DIR])) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT_RE)) {
      const spec = match[1] ?? match[2] ?? '';
      const rel = spec.startsWith('@/server/')
        ? spec.slice('@/server/'.length)
        : spec.startsWith('./server/')
          ? spec.slice('./server/'.length)
          : null;
      if (rel === null || !rel.includes('/')) continue; // an area's entry, or a top-level file (env)
      found.push({ from: path.relative(srcDir, file), to: rel });
    }
  }
  return found;
}

function main(): void {
  const graph = buildServerGraph();
  for (const area of [...graph.edges.keys()].sort()) {
    console.log(`${area} -> ${[...graph.edges.get(area)!].sort().join(', ')}`);
  }
  const pairs = mutualPairs(graph);
  console.log(`\nmutual pairs (${pairs.length}):`);
  for (const [a, b] of pairs) console.log(`  ${a} <-> ${b}`);
  const cycles = areaCycles(graph);
  console.log(`\ncycles (${cycles.length}):`);
  for (const c of cycles) console.log(`  ${c.join(' ')}`);
  const deep = deepImports(graph);
  console.log(`\ndeep imports (${deep.length}):`);
  for (const d of deep) console.log(`  ${d.from} -> ${d.to}`);
  const outside = outsideDeepImports();
  console.log(`\ndeep imports from the rest of src (${outside.length}):`);
  for (const d of outside) console.log(`  ${d.from} -> ${d.to}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) main();
