/** Builders for fixture content files. YAML is a superset of JSON, so values are written as JSON. */

const yaml = (fields: Record<string, unknown>) =>
  Object.entries(fields)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');

/** A Markdown article with front matter. */
export const markdown = (fields: Record<string, unknown>, body = 'A paragraph of text.') =>
  `---\n${yaml(fields)}\n---\n\n${body}\n`;

/** A YAML data file (author or source). */
export const data = (fields: Record<string, unknown>) => `${yaml(fields)}\n`;

/** A valid article's fields, to be overridden per case. */
export const validArticle = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'A valid headline',
  dek: 'A valid standfirst.',
  slug: 'a-valid-headline',
  published: '2024-05-01T09:00:00+02:00',
  authors: ['ann-author'],
  source: 'daily-example',
  format: 'news',
  ...overrides,
});

/** Authors and sources that fixture articles may refer to. */
export const people = {
  'authors/ann-author.yaml': data({ name: 'Ann Author', slug: 'ann-author' }),
  'authors/ben-writer.yaml': data({ name: 'Ben Writer', slug: 'ben-writer' }),
  'sources/daily-example.yaml': data({
    name: 'Daily Example',
    slug: 'daily-example',
    url: 'https://daily.example/',
  }),
};
