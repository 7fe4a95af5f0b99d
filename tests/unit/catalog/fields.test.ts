import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
  alias,
  format,
  languageTag,
  slug,
  strictObject,
  text,
  webUrl,
  zonedDateTime,
} from '../../../src/catalog/fields.ts';

/** Parses `{ value }` with the field's schema; the issues as path and message. */
function check(schema: z.ZodType, ...value: [unknown?]) {
  const result = z.object({ value: schema }).safeParse(value.length ? { value: value[0] } : {});
  return result.success
    ? { ok: true as const, data: result.data.value }
    : { ok: false as const, issues: result.error.issues.map(({ path, message }) => ({ path, message })) };
}

/** Asserts one issue, on the field, whose message matches. */
function expectIssue(result: ReturnType<typeof check>, message: RegExp) {
  const issues = result.ok ? [] : result.issues;
  expect(issues.map(({ path }) => path)).toEqual([['value']]);
  expect(issues[0]?.message).toMatch(message);
}

describe('text', () => {
  const headline = text('the headline');

  it.each([
    ['CSTO undergoes baptism of fire', 'CSTO undergoes baptism of fire'],
    ['  padded  ', 'padded'],
  ])('accepts %j as %j', (value, expected) => {
    expect(check(headline, value)).toEqual({ ok: true, data: expected });
  });

  it.each([
    ['empty', '', /must not be empty: give the headline/],
    ['blank', '   ', /must not be empty: give the headline/],
    ['a number', 42, /must be text giving the headline, not a number \(42\)/],
    ['a list', ['a'], /must be text .*, not a list/],
    ['null', null, /must be text .*, not empty/],
  ])('rejects %s', (_name, value, message) => {
    expectIssue(check(headline, value), message);
  });

  it('reports a missing value as required', () => {
    expectIssue(check(headline), /is required: give text giving the headline/);
  });
});

describe('slug', () => {
  const urlSlug = slug('the last part of the URL');

  it.each(['csto', 'csto-undergoes-baptism-of-fire', '2022-review', 'a1-b2'])('accepts %j', (value) => {
    expect(check(urlSlug, value)).toEqual({ ok: true, data: value });
  });

  it.each([
    '',
    'Has-Caps',
    'double--hyphen',
    '-leading',
    'trailing-',
    'with space',
    'under_score',
    'ümlaut',
    'a/b',
  ])('rejects %j, quoting it and saying what a slug is', (value) => {
    expectIssue(
      check(urlSlug, value),
      new RegExp(`^"${RegExp.escape(value)}" is not a valid slug: use lowercase`),
    );
  });

  it('reports a missing value as required', () => {
    expectIssue(check(urlSlug), /is required: give the last part of the URL/);
  });
});

describe('zonedDateTime', () => {
  const published = zonedDateTime('the publication date-time');

  it.each(['2022-01-06T09:30:00+05:00', '2022-01-06T09:30Z'])(
    'accepts %j and keeps it as written',
    (value) => {
      expect(check(published, value)).toEqual({ ok: true, data: value });
    },
  );

  it('rejects a YAML date (unquoted in front matter), telling the editor to quote it', () => {
    expectIssue(check(published, new Date('2022-01-06T09:30:00Z')), /must be in quotes/);
  });

  it.each([
    ['2022-01-06', /"2022-01-06" has no time and time zone/],
    ['2022-01-06T09:30:00', /has no time zone/],
    ['2022-02-30T09:30:00Z', /is not a real date/],
    ['soon', /"soon" is not an ISO 8601 date-time/],
  ])('rejects %j with the reason', (value, message) => {
    expectIssue(check(published, value), message);
  });

  it.each([
    ['missing', [], /is required: give the publication date-time as a quoted date-time/],
    ['a number', [20220106], /must be the publication date-time .*, not a number/],
  ] as const)('rejects a %s value', (_name, value, message) => {
    expectIssue(check(published, ...value), message);
  });
});

describe('webUrl', () => {
  const original = webUrl('the address of the original article');

  it.each(['https://frontierpost.com.pk/csto/', 'http://example.org/a?b=c#d'])('accepts %j', (value) => {
    expect(check(original, value)).toEqual({ ok: true, data: value });
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.org/file',
    'mailto:editor@example.org',
    '/2022/01/06/csto/',
    'csto/',
    'example.org/csto',
    '',
  ])('rejects %j as not an absolute http(s) URL', (value) => {
    expectIssue(
      check(original, value),
      /is not an absolute http\(s\) URL: give the address of the original article/,
    );
  });
});

describe('languageTag', () => {
  it.each(['en', 'en-GB', 'ru', 'zh-Hant-TW', 'sr-Latn'])('accepts %j', (value) => {
    expect(check(languageTag, value)).toEqual({ ok: true, data: value });
  });

  it.each(['', 'e', 'en_GB', 'en-', '123', 'en GB'])('rejects %j', (value) => {
    expectIssue(check(languageTag, value), /is not a BCP 47 language tag/);
  });
});

describe('alias', () => {
  it.each(['old-slug', '/2022/01/06/old-slug/', '/old/', '/news/2022/item~1.html/'])(
    'accepts %j',
    (value) => {
      expect(check(alias, value)).toEqual({ ok: true, data: value });
    },
  );

  it.each([
    'Old Slug',
    '2022/01/06/old-slug/',
    '/2022/01/06/old-slug',
    '/',
    '//',
    'https://example.org/old/',
  ])('rejects %j', (value) => {
    expectIssue(check(alias, value), /is neither a slug nor a site path/);
  });
});

describe('format', () => {
  it.each(['news', 'opinion', 'analysis'])('accepts %j', (value) => {
    expect(check(format, value)).toEqual({ ok: true, data: value });
  });

  it.each([
    ['an unknown format', ['editorial'], /^"editorial" is not a format: use one of news, opinion, analysis$/],
    ['a capitalised format', ['News'], /^"News" is not a format/],
    ['a missing format', [], /^is required: use one of news, opinion, analysis$/],
  ] as const)('rejects %s', (_name, value, message) => {
    expectIssue(check(format, ...value), message);
  });
});

describe('strictObject', () => {
  const schema = strictObject({ title: text('the headline'), slug: slug('the slug') });
  const unknown = /is not a known field; the fields are: title, slug/;

  it('accepts known fields', () => {
    expect(schema.safeParse({ title: ' Headline ', slug: 'headline' })).toEqual({
      success: true,
      data: { title: 'Headline', slug: 'headline' },
    });
  });

  it.each([
    ['one unknown field', { title: 'T', slug: 's', titel: 'typo' }, [['titel', unknown]]],
    [
      'two unknown fields',
      { title: 'T', slug: 's', titel: 'typo', draft: true },
      [
        ['titel', unknown],
        ['draft', unknown],
      ],
    ],
    [
      'unknown fields beside wrong ones',
      { slug: 'Bad Slug', titel: 'typo', extra: 1 },
      [
        ['title', /is required/],
        ['slug', /not a valid slug/],
        ['titel', unknown],
        ['extra', unknown],
      ],
    ],
  ] as const)('reports %s, each under its own path', (_name, value, expected) => {
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    const issues = result.error?.issues ?? [];
    expect(issues.map(({ path }) => path).sort()).toEqual(expected.map(([key]) => [key]).sort());
    for (const [key, message] of expected) {
      expect(issues.find(({ path }) => path[0] === key)?.message).toMatch(message);
    }
  });
});
