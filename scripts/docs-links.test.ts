// Every relative link in the project's documents points at a file that exists, and every
// #anchor at a heading of its target, so moving a section cannot silently break the README.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

function documents(): string[] {
  const docs = fs.existsSync(path.join(ROOT, 'docs'))
    ? fs
        .readdirSync(path.join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`)
    : [];
  return ['README.md', 'bench/README.md', 'deploy/README.md', ...docs];
}

/** Markdown without fenced code blocks and inline code, where brackets are not links. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

function linkTargets(markdown: string): string[] {
  const text = withoutCode(markdown);
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? '');
  const defined = [...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/gm)].map((m) => m[1] ?? '');
  return [...inline, ...defined];
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const plain = (m[1] ?? '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '');
    const slug = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}

/** Broken relative links of one document, as "file: target (reason)". */
function brokenLinks(file: string): string[] {
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const broken: string[] = [];
  for (const target of linkTargets(source)) {
    if (isExternal(target)) continue;
    const [rawPath, anchor] = target.split('#', 2);
    const resolved = rawPath ? path.resolve(path.dirname(path.join(ROOT, file)), decodeURIComponent(rawPath)) : path.join(ROOT, file);
    if (!fs.existsSync(resolved)) {
      broken.push(`${file}: ${target} (no such file)`);
      continue;
    }
    if (anchor && resolved.endsWith('.md')) {
      if (!headingAnchors(fs.readFileSync(resolved, 'utf8')).has(anchor)) {
        broken.push(`${file}: ${target} (no such heading)`);
      }
    }
  }
  return broken;
}

describe('documentation links', () => {
  it('reads the anchors and links GitHub renders', () => {
    const md = '# Slots: who may go live, and when\n## Tests\n## Tests\n```\n[x](nowhere.md)\n```\n[a](b.md#c) `[d](e)`\n[r]: ./f.md';
    expect([...headingAnchors(md)]).toEqual(['slots-who-may-go-live-and-when', 'tests', 'tests-1']);
    expect(linkTargets(md)).toEqual(['b.md#c', './f.md']);
  });

  it.each(documents())('%s: every relative link resolves', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });
});
