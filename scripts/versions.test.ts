// deploy/versions.json is the one table of version pins: every pin a file makes
// (compose `image:`, Dockerfile `FROM`, `*_VERSION=` in the build scripts) must be
// listed there with the same value, and every entry must still be pinned somewhere.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
const list = (dir: string, suffix: string) =>
  readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith(suffix))
    .map((f) => `${dir}/${f}`);

type TestBuild = { file: string; variable: string; version: string; patches?: string[] } | { unpinned: string } | null;
type Pin = { name: string; testBuild: TestBuild; productionImage: string | null; why: string };
const table = JSON.parse(read('deploy/versions.json')) as { pins: Pin[] };

/** `image:` values of a compose file. */
function composeImages(text: string): string[] {
  return [...text.matchAll(/^\s*image:\s*["']?([^\s"'#]+)/gm)].map((m) => m[1] ?? '');
}

/** Base images of a Dockerfile: FROM lines, minus references to its own earlier stages. */
function dockerfileBases(text: string): string[] {
  const stages = new Set<string>();
  const bases: string[] = [];
  for (const m of text.matchAll(/^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/gim)) {
    const image = m[1] ?? '';
    if (!stages.has(image.toLowerCase())) bases.push(image);
    if (m[2]) stages.add(m[2].toLowerCase());
  }
  return bases;
}

/** NAME_VERSION=value assignments of a shell script. */
function scriptVersions(text: string): { variable: string; version: string }[] {
  return [...text.matchAll(/^\s*(?:export\s+)?([A-Z][A-Z0-9_]*_VERSION)=["']?([^\s"']+)/gm)].map((m) => ({
    variable: m[1] ?? '',
    version: m[2] ?? '',
  }));
}

const dockerfiles = ['Dockerfile', ...list('deploy', '.Dockerfile')];
const scripts = [...list('scripts', '.sh'), ...list('scripts/build', '.sh')];
const imagesInFiles = [
  ...composeImages(read('deploy/docker-compose.yml')).map((image) => ({ image, file: 'deploy/docker-compose.yml' })),
  ...dockerfiles.flatMap((file) => dockerfileBases(read(file)).map((image) => ({ image, file }))),
];
const versionsInScripts = scripts.flatMap((file) => scriptVersions(read(file)).map((v) => ({ ...v, file })));

describe('the pin parsers', () => {
  it('read compose images, Dockerfile bases and script versions', () => {
    expect(composeImages('services:\n  a:\n    image: redis:7\n  b:\n    image: "x/y:v1" # c\n')).toEqual(['redis:7', 'x/y:v1']);
    expect(dockerfileBases('FROM golang:1.26 AS build\nFROM build AS more\nFROM debian:12-slim\n')).toEqual([
      'golang:1.26',
      'debian:12-slim',
    ]);
    expect(scriptVersions('set -eu\nFOO_VERSION=v1.2.3\n  export BAR_VERSION="v0.1"\nx=$FOO_VERSION\n')).toEqual([
      { variable: 'FOO_VERSION', version: 'v1.2.3' },
      { variable: 'BAR_VERSION', version: 'v0.1' },
    ]);
  });

  it('find the pins this repository makes', () => {
    expect(imagesInFiles.length).toBeGreaterThanOrEqual(8);
    expect(versionsInScripts.map((v) => v.variable).sort()).toEqual([
      'EGRESS_VERSION',
      'INGRESS_VERSION',
      'LIVEKIT_VERSION',
      'MINIO_VERSION',
      'NODE_VERSION',
    ]);
    expect(imagesInFiles.map((i) => i.image)).toEqual(expect.arrayContaining(['caddy:2.10.2', 'node:24.22.3-bookworm-slim']));
  });
});

describe('deploy/versions.json', () => {
  it('lists every image that compose and the Dockerfiles pin', () => {
    const listed = new Set(table.pins.map((p) => p.productionImage));
    expect(imagesInFiles.filter(({ image }) => !listed.has(image))).toEqual([]);
  });

  it('lists every *_VERSION of the build scripts, with the same value', () => {
    const listed = table.pins.flatMap((p) => (p.testBuild && 'variable' in p.testBuild ? [p.testBuild] : []));
    const unlisted = versionsInScripts.filter(
      (v) => !listed.some((l) => l.file === v.file && l.variable === v.variable && l.version === v.version),
    );
    expect(unlisted).toEqual([]);
  });

  it('lists nothing that no file pins any more', () => {
    const images = new Set(imagesInFiles.map((i) => i.image));
    const stale = table.pins.filter((p) => p.productionImage !== null && !images.has(p.productionImage)).map((p) => p.name);
    const staleBuilds = table.pins
      .filter((p) => p.testBuild && 'variable' in p.testBuild)
      .filter(
        (p) =>
          !versionsInScripts.some(
            (v) => p.testBuild && 'variable' in p.testBuild && v.variable === p.testBuild.variable && v.file === p.testBuild.file,
          ),
      )
      .map((p) => p.name);
    expect([...stale, ...staleBuilds]).toEqual([]);
  });

  it('says why for every pin, and names patch scripts that exist', () => {
    for (const p of table.pins) {
      expect(p.why.length, p.name).toBeGreaterThan(20);
      const patches = p.testBuild && 'patches' in p.testBuild ? (p.testBuild.patches ?? []) : [];
      for (const patch of patches) expect(() => read(patch), patch).not.toThrow();
    }
  });

  it('has the production livekit-server built by the test build script with its patch', () => {
    const dockerfile = read('deploy/livekit-server.Dockerfile');
    expect(dockerfile).toMatch(/sh scripts\/livekit-server\.sh/);
    expect(dockerfile).toContain('scripts/build/livekit-server-prep.sh');
    const lk = table.pins.find((p) => p.name === 'livekit-server');
    const build = lk?.testBuild && 'version' in lk.testBuild ? lk.testBuild : undefined;
    expect(build?.patches).toEqual(['scripts/build/livekit-server-prep.sh']);
    expect(lk?.productionImage).toContain(build?.version ?? '?');
  });
});

describe('Node.js', () => {
  const node = table.pins.find((p) => p.name === 'Node.js');
  const build = node?.testBuild && 'version' in node.testBuild ? node.testBuild : undefined;

  it('is one release in setup (scripts/node.sh) and every stage of the app image', () => {
    expect(build?.file).toBe('scripts/node.sh');
    expect(build?.version).toMatch(/^24\.\d+\.\d+$/);
    const stages = dockerfileBases(read('Dockerfile'));
    expect(stages.length).toBeGreaterThan(0);
    for (const image of stages) expect(image).toBe(`node:${build?.version ?? '?'}-bookworm-slim`);
    expect(node?.productionImage).toBe(`node:${build?.version ?? '?'}-bookworm-slim`);
  });

  it('is the one the Makefile and package.json ask for', () => {
    expect(read('Makefile')).toMatch(/NODE_HOME := \$\(shell sh scripts\/node\.sh --home\)/);
    const pkg = JSON.parse(read('package.json')) as { engines?: { node?: string } };
    expect(pkg.engines?.node).toBe(`>=${build?.version.split('.')[0] ?? '?'}`);
  });
});
