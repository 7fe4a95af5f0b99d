import { describe, expect, it } from 'vitest';
import { fileProblem, MAX_FILE_BYTES } from '../../../src/catalog/content-files.ts';

describe('fileProblem', () => {
  it('accepts UTF-8 text of any script', () => {
    expect(fileProblem('a.md', Buffer.from('Café, Казахстан, 日本 — “quoted”'), 'body')).toBeUndefined();
  });
  it('names the file and the line of the first byte that is not UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from('line one\nline two\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    expect(fileProblem('content/articles/a.md', bytes, 'body')).toBe(
      'content/articles/a.md: is not valid UTF-8 (line 3); save it as UTF-8 and build again.',
    );
  });
  it('refuses a file over the size limit, saying how big it is', () => {
    expect(fileProblem('a.md', new Uint8Array(MAX_FILE_BYTES), 'body')).toBeUndefined();
    expect(fileProblem('a.md', new Uint8Array(10_400_000), 'body')).toMatch(
      /^a\.md: body: is 10\.4 MB; an article body may be at most 1 MB/u,
    );
  });
});
