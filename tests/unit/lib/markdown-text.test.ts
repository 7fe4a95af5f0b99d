import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { markdownText, markdownUrl } from '../../../src/lib/markdown-text.ts';

describe('markdownText', () => {
  it.each([
    'A *bold* [claim] & <script>alert(1)</script>',
    '&lt;img src=x onerror=alert(1)&gt;',
    '<javascript:alert(1)> `code` ~~strike~~ # not a heading | pipe',
    'Plain headline – with ‘quotes’ and post-Soviet words',
  ])('%j renders back as the same text, with no markup', (text) => {
    const tree = fromMarkdown(`Title: ${markdownText(text)}`);
    expect(toString(tree)).toBe(`Title: ${text}`);
    const paragraph = tree.children[0];
    expect(
      paragraph?.type === 'paragraph' && paragraph.children.every((child) => child.type === 'text'),
    ).toBe(true);
  });
});

describe('markdownUrl', () => {
  it('cannot end its angle brackets early or smuggle a link after them', () => {
    const url = "https://a.example/x/#>)[click me](javascript:alert('x'))";
    const tree = fromMarkdown(`Permalink: <${markdownUrl(url)}>`);
    const links: string[] = [];
    const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'link' && node.url) links.push(node.url);
      for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    };
    walk(tree);
    expect(links).toHaveLength(1);
    expect(links[0]?.startsWith('https://a.example/x/#')).toBe(true);
  });
  it('percent-encodes quotes and brackets in a query', () => {
    expect(markdownUrl('https://a.example/?q="><script>')).toBe('https://a.example/?q=%22%3E%3Cscript%3E');
  });
});
