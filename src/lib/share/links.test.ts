import { describe, expect, it } from 'vitest';
import { channelPath, embedPath, embedSnippet, escapeAttribute, isEmbedPath } from './links';

describe('isEmbedPath', () => {
  it('is true for the embed route of a channel only', () => {
    expect(isEmbedPath('/embed/jazz')).toBe(true);
    expect(isEmbedPath('/embed/jazz/')).toBe(true);
    for (const path of ['/', '/embed', '/embed/', '/embed/jazz/x', '/c/jazz', '/embedded/jazz', '/x/embed/jazz']) {
      expect(isEmbedPath(path), path).toBe(false);
    }
  });
});

describe('links', () => {
  it('builds the channel and embed paths', () => {
    expect(channelPath('night-shift')).toBe('/c/night-shift');
    expect(embedPath('night-shift')).toBe('/embed/night-shift');
  });

  it('escapes every character that could leave an attribute', () => {
    expect(escapeAttribute(`a"b<c>d&e'f`)).toBe('a&quot;b&lt;c&gt;d&amp;e&#39;f');
  });
});

describe('embedSnippet', () => {
  it('is an iframe at the absolute embed URL, titled by the channel', () => {
    const html = embedSnippet({ origin: 'https://radio.example', slug: 'jazz', name: 'Jazz' });
    expect(html).toMatch(/^<iframe src="https:\/\/radio\.example\/embed\/jazz" title="Jazz: live radio player" /);
    expect(html).toContain('allow="autoplay"');
    expect(html.endsWith('></iframe>')).toBe(true);
  });

  it('keeps a hostile channel name inside the title attribute', () => {
    const html = embedSnippet({ origin: 'http://127.0.0.1:3100', slug: 'x', name: '"><script>alert(1)</script>' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;: live radio player"');
  });
});
