import { describe, expect, it } from 'vitest';
import { missingCredit, type RequiredCredit } from '../../../src/catalog/credit-check.ts';

const required: RequiredCredit = {
  file: 'content/articles/a.md',
  sourceFile: 'content/sources/daily.yaml',
  elements: [
    { field: 'terms.credit.wording', text: 'First published by Daily Example.' },
    { field: 'terms.licence', href: 'https://creativecommons.org/licenses/by/4.0/' },
  ],
};

const page = (body: string, head = '') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('missingCredit', () => {
  it('finds the wording across elements and white space, and the link by its address', () => {
    const html = page(
      '<p>First published by <b>Daily\n  Example</b>.</p><a href="https://creativecommons.org/licenses/by/4.0/">CC BY</a>',
    );
    expect(missingCredit(html, required)).toEqual([]);
  });

  it('names the article, the source file and the field of each element missing', () => {
    expect(missingCredit(page('<p>Nothing here.</p>'), required)).toEqual([
      'content/articles/a.md: the page does not show the credit "First published by Daily Example." that content/sources/daily.yaml terms.credit.wording requires.',
      'content/articles/a.md: the page has no link to https://creativecommons.org/licenses/by/4.0/, which content/sources/daily.yaml terms.licence requires.',
    ]);
  });

  it('does not count text in the head or in scripts, nor a link given only as text', () => {
    const html = page(
      '<script type="application/ld+json">"First published by Daily Example."</script><p>https://creativecommons.org/licenses/by/4.0/</p>',
      '<title>First published by Daily Example.</title><link rel="license" href="https://creativecommons.org/licenses/by/4.0/">',
    );
    expect(missingCredit(html, required)).toHaveLength(2);
  });
});
