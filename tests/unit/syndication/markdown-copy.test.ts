import { describe, expect, it } from 'vitest';
import { articleMarkdown, markdownBody } from '../../../src/syndication/markdown-copy.ts';
import { llmsTxt } from '../../../src/syndication/llms-txt.ts';

const base = {
  title: 'A *bold* [claim]',
  dek: 'The dek.',
  canonical: 'https://news.example.org/2022/01/06/a/',
  byline: 'Irina Alksnis',
  source: { name: 'The Frontier Post', originalUrl: 'https://thefrontierpost.com/a/' },
  date: '6 January 2022',
  formatLabel: 'Opinion',
};

describe('articleMarkdown', () => {
  const md = articleMarkdown({
    ...base,
    body: markdownBody(
      '<p id="p-1">First <em>one</em> with <a href="/other/">a link</a>. <a class="pilcrow" href="#p-1" aria-label="Link to paragraph 1">¶</a></p><h2>Section</h2><ul><li>item</li></ul><table><tr><td>x</td></tr></table>',
      'https://news.example.org/2022/01/06/a/',
    ),
  });
  it('starts with the headline, dek, credit and permalink, Markdown characters escaped', () => {
    expect(md.split('\n').slice(0, 3)).toEqual(['# A \\*bold\\* \\[claim\\]', '', '> The dek.']);
    expect(md).toContain('First published by [The Frontier Post](<https://thefrontierpost.com/a/>)');
    expect(md).toContain('Permalink: <https://news.example.org/2022/01/06/a/>');
  });
  it('converts the body, drops the ¶ links and makes links absolute', () => {
    expect(md).toContain('First _one_ with [a link](https://news.example.org/other/).');
    expect(md).toContain('## Section');
    expect(md).toContain('- item');
    expect(md).not.toContain('¶');
    expect(md).not.toContain('p-1');
  });
});

describe('llmsTxt', () => {
  it('follows the llms.txt shape: a title, a summary, then link lists', () => {
    const text = llmsTxt(
      {
        name: 'Broadsheet',
        description: 'News, kept as published.',
        home: 'https://a.example/',
        feeds: [{ label: 'RSS', url: 'https://a.example/feed.xml' }],
        sitemap: 'https://a.example/sitemap-index.xml',
      },
      [
        {
          title: 'T [1]',
          dek: 'D.',
          markdownUrl: 'https://a.example/2022/01/06/t.md',
          byline: 'A',
          source: 'S',
          date: '6 January 2022',
        },
      ],
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Broadsheet');
    expect(lines[2]).toBe('> News, kept as published.');
    expect(text).toContain('## Articles\n\n- [T \\[1\\]](https://a.example/2022/01/06/t.md): D.');
    expect(text).toContain('- [RSS](https://a.example/feed.xml)');
  });
});
