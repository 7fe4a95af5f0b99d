import { describe, expect, it } from 'vitest';
import { stackTraceFilter } from '../../../src/build/build-log.ts';

const filter = (text: string) => {
  const keep = stackTraceFilter();
  return text.split('\n').flatMap(keep).join('\n');
};

describe('stackTraceFilter', () => {
  it('keeps the message and drops Astro’s location and stack trace', () => {
    const output = [
      ' generating static routes ',
      'The content has 1 problem:',
      '- content/articles/bad.md: authors[0] "nobody" is not an author.',
      '  Location:',
      '    /work/main/node_modules/astro/dist/core/render/route-cache.js:32:17',
      '  Stack trace:',
      '    at loadCatalog (file:///work/main/.dist-staging/chunks/catalog.mjs:775:29)',
      '    at async callGetStaticPaths (file:///work/main/node_modules/astro/dist/core/render/route-cache.js:32:17)',
      '',
      'Build failed (see the errors above); nothing was written.',
    ].join('\n');
    expect(filter(output)).toBe(
      [
        ' generating static routes ',
        'The content has 1 problem:',
        '- content/articles/bad.md: authors[0] "nobody" is not an author.',
        'Build failed (see the errors above); nothing was written.',
      ].join('\n'),
    );
  });
  it('keeps a location in the editor’s own file', () => {
    const output = 'title: is required\n  Location:\n    /site/content/articles/bad.md:0:0\nNext';
    expect(filter(output)).toBe(output);
  });
  it('drops bare Node stack frames too, and leaves ordinary output alone', () => {
    expect(filter('Error: x\n    at foo (/a/b.js:1:2)\n13:59:24 [build] ✓ Completed in 987ms.')).toBe(
      'Error: x\n13:59:24 [build] ✓ Completed in 987ms.',
    );
    expect(filter('  ├─ /index.html (+2ms)\n  a line with "at" in it')).toBe(
      '  ├─ /index.html (+2ms)\n  a line with "at" in it',
    );
  });
});
