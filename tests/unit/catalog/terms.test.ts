import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
  effectiveIndexing,
  fediverseHandle,
  indexing,
  requiredCanonical,
  requiredCredit,
  terms,
  termsProblems,
  type Terms,
} from '../../../src/catalog/terms.ts';

/** Parses `{ value }` with the schema; the issues as a dotted path and message. */
function check(schema: z.ZodType, ...value: [unknown?]) {
  const result = z.object({ value: schema }).safeParse(value.length ? { value: value[0] } : {});
  return result.success
    ? { ok: true as const, data: result.data.value }
    : {
        ok: false as const,
        issues: result.error.issues.map(({ path, message }) => `${path.join('.')}: ${message}`),
      };
}

const cc = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

describe('terms', () => {
  it('is "unknown" when the file says so, and when it says nothing', () => {
    expect(check(terms, 'unknown')).toEqual({ ok: true, data: 'unknown' });
    expect(check(terms)).toEqual({ ok: true, data: 'unknown' });
  });

  it('reads a licence by name and address, with no credit required by default', () => {
    expect(check(terms, { licence: cc, edits: 'layout-repair-only' })).toEqual({
      ok: true,
      data: { licence: cc, credit: {}, edits: 'layout-repair-only' },
    });
  });

  it('reads a permission with its date, quoted or as YAML’s date', () => {
    for (const date of ['2024-04-30', new Date('2024-04-30T00:00:00Z')]) {
      const result = check(terms, { licence: { byPermission: date }, edits: 'allowed' });
      expect(result).toMatchObject({ ok: true, data: { licence: { byPermission: '2024-04-30' } } });
    }
  });

  it.each([
    ['a word other than unknown', 'none', /value: must be "unknown" or the terms/],
    ['no licence', { edits: 'allowed' }, /value\.licence: is required: give a licence \(\{ name, url \}\)/],
    [
      'a licence without its address',
      { licence: { name: 'CC BY' }, edits: 'allowed' },
      /value\.licence\.url: .*is required/,
    ],
    [
      'a licence address that is not one',
      { licence: { name: 'CC', url: 'cc-by' }, edits: 'allowed' },
      /value\.licence\.url: "cc-by" is not an absolute http\(s\) URL/,
    ],
    [
      'a permission without a real date',
      { licence: { byPermission: '2024-13-01' }, edits: 'allowed' },
      /value\.licence\.byPermission: "2024-13-01" is not a date/,
    ],
    ['no rule on edits', { licence: cc }, /value\.edits: is required: use layout-repair-only or allowed/],
    [
      'a link-back of another kind',
      { licence: cc, edits: 'allowed', credit: { linkBack: 'anywhere' } },
      /value\.credit\.linkBack: "anywhere" is not a link-back/,
    ],
    [
      'a canonical other than original',
      { licence: cc, edits: 'allowed', canonical: 'yes' },
      /value\.canonical: "yes" is not allowed/,
    ],
    [
      'an unknown field',
      { licence: cc, edits: 'allowed', license: cc },
      /value\.license: is not a known field/,
    ],
  ])('names the field when a terms field is malformed: %s', (_, value, message) => {
    const result = check(terms, value);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });
});

describe('indexing', () => {
  it('accepts the three policies and names them when given another', () => {
    for (const value of ['index', 'news-noindex', 'noindex-google'])
      expect(check(indexing, value).ok).toBe(true);
    expect(check(indexing, 'noindex')).toEqual({
      ok: false,
      issues: [
        'value: "noindex" is not an indexing policy: use one of index, news-noindex, noindex-google (the default is news-noindex)',
      ],
    });
  });

  it('an article’s setting wins over its source’s, and news-noindex is the default', () => {
    expect(effectiveIndexing(undefined, undefined)).toBe('news-noindex');
    expect(effectiveIndexing(undefined, 'index')).toBe('index');
    expect(effectiveIndexing('noindex-google', 'index')).toBe('noindex-google');
  });
});

describe('fediverseHandle', () => {
  it.each(['@ann@mastodon.social', '@Ann_Author@news.example.org', '@a.b-c@social.example'])(
    'accepts %s',
    (handle) => {
      expect(check(fediverseHandle, handle)).toEqual({ ok: true, data: handle });
    },
  );
  it.each([
    'ann@mastodon.social',
    '@ann',
    '@ann@https://mastodon.social',
    'https://mastodon.social/@ann',
    '@ann@Mastodon.Social',
    '@ann@localhost',
  ])('refuses %s with the form it wants', (handle) => {
    const result = check(fediverseHandle, handle);
    expect(result.ok ? [] : result.issues).toEqual([
      `value: "${handle}" is not a fediverse handle: write "@user@server", e.g. "@ann@mastodon.social" (the server in lower case, without https://)`,
    ]);
  });
});

const withTerms = (extra: Record<string, unknown>): Terms => ({
  licence: cc,
  credit: {},
  edits: 'layout-repair-only',
  ...extra,
});

describe('requiredCredit', () => {
  const source = { url: 'https://daily.example/' };
  it('is nothing when the terms are unknown', () => {
    expect(requiredCredit({ ...source, terms: 'unknown' }, 'https://daily.example/a/')).toEqual([]);
  });
  it('asks for the wording, the link-back and the licence link, each with its field', () => {
    const terms = withTerms({
      credit: { wording: 'First published by Daily Example.', linkBack: 'original' },
    });
    expect(requiredCredit({ ...source, terms }, 'https://daily.example/a/')).toEqual([
      { field: 'terms.credit.wording', text: 'First published by Daily Example.' },
      { field: 'terms.credit.linkBack', href: 'https://daily.example/a/' },
      { field: 'terms.licence', href: cc.url },
    ]);
    const home = withTerms({ credit: { linkBack: 'home' }, licence: { byPermission: '2024-04-30' } });
    expect(requiredCredit({ ...source, terms: home }, undefined)).toEqual([
      { field: 'terms.credit.linkBack', href: 'https://daily.example/' },
    ]);
  });
});

describe('termsProblems', () => {
  const source = (terms: Terms) => ({ file: 'content/sources/daily.yaml', terms });
  it('accepts an article that its terms allow', () => {
    expect(termsProblems({ file: 'a.md', source: source('unknown') })).toEqual([]);
    expect(
      termsProblems({
        file: 'a.md',
        originalUrl: 'https://daily.example/a/',
        source: source(withTerms({ credit: { linkBack: 'original' } })),
      }),
    ).toEqual([]);
  });
  it('a link-back to the original needs the original’s address', () => {
    expect(
      termsProblems({ file: 'a.md', source: source(withTerms({ credit: { linkBack: 'original' } })) }),
    ).toEqual([
      'a.md: originalUrl is required: content/sources/daily.yaml terms.credit.linkBack requires a link to the original article. Give its address at the publisher.',
    ]);
  });
  it('a cross-domain canonical only where the terms require one', () => {
    expect(
      termsProblems({ file: 'a.md', canonicalUrl: 'https://daily.example/a/', source: source('unknown') }),
    ).toEqual([
      expect.stringMatching(
        /^a\.md: canonicalUrl is not allowed: content\/sources\/daily\.yaml terms do not require/,
      ),
    ]);
    const required = source(withTerms({ canonical: 'original' }));
    expect(
      termsProblems({ file: 'a.md', canonicalUrl: 'https://daily.example/a/', source: required }),
    ).toEqual([]);
    expect(termsProblems({ file: 'a.md', source: required })).toEqual([
      'a.md: originalUrl is required: content/sources/daily.yaml terms.canonical requires a canonical link to the original article.',
    ]);
  });
});

describe('requiredCanonical', () => {
  it('is the override, else the original, only when the terms require it', () => {
    const required = withTerms({ canonical: 'original' });
    expect(requiredCanonical(required, 'https://d.example/a/', undefined)).toBe('https://d.example/a/');
    expect(requiredCanonical(required, 'https://d.example/a/', 'https://d.example/b/')).toBe(
      'https://d.example/b/',
    );
    expect(requiredCanonical(withTerms({}), 'https://d.example/a/', undefined)).toBeUndefined();
    expect(requiredCanonical('unknown', 'https://d.example/a/', undefined)).toBeUndefined();
  });
});
