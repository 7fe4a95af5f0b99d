/**
 * The content collections: articles, the authors who wrote them and the
 * sources (publishers) they came from. Unknown fields are errors, so a typo in
 * front matter never passes silently. Cross-entry rules (references that
 * resolve, one article per URL) are checked in `src/catalog/catalog.ts`.
 */
import { defineCollection, reference } from 'astro:content';
import type { ContentEntryType } from 'astro';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { articleBodyLoader } from './bodies/loader.ts';
import { fileURLToPath } from 'node:url';
import { contentFileProblems } from './catalog/content-files.ts';
import { z } from 'astro/zod';
import {
  alias,
  format,
  languageTag,
  slug,
  strictObject,
  text,
  webUrl,
  zonedDateTime,
} from './catalog/fields.ts';
import { repairRecord } from './catalog/repairs.ts';
import { site } from './site.ts';
import { fediverseHandle, indexing, terms } from './catalog/terms.ts';

/**
 * Astro's glob loader, after a check of the files as bytes (UTF-8, size), so
 * that a broken or enormous file stops the build before it is parsed. It
 * validates the front matter and renders nothing: the `articleBodies`
 * collection renders the bodies.
 */
function checkedGlob(options: Parameters<typeof glob>[0], extensions: string[]): Loader {
  const inner = glob(options);
  return {
    name: 'checked-glob',
    async load(context) {
      const root = fileURLToPath(context.config.root);
      const dir = fileURLToPath(new URL(`${String(options.base)}/`, context.config.root));
      const problems = contentFileProblems(dir, extensions, root);
      if (problems.length)
        throw new Error(
          `The content has ${String(problems.length)} unreadable file${problems.length === 1 ? '' : 's'}:\n- ${problems.join('\n- ')}`,
        );
      // Astro gives every loader its content entry types, though LoaderContext does not declare them.
      const { entryTypes } = context as LoaderContext & { entryTypes: EntryTypes };
      await inner.load({ ...context, entryTypes: withoutRendering(entryTypes) } as LoaderContext);
    },
  };
}

type EntryTypes = Map<string, ContentEntryType>;

/** The content entry types without their render functions: the glob loader then only parses. */
const withoutRendering = (entryTypes: EntryTypes): EntryTypes =>
  new Map(
    [...entryTypes].map(([extension, type]) => {
      const parseOnly = { ...type };
      delete parseOnly.getRenderFunction;
      return [extension, parseOnly];
    }),
  );

const articles = defineCollection({
  // Ids come from file names, so two articles may share a slug on different dates.
  loader: checkedGlob(
    {
      pattern: '**/*.md',
      base: './content/articles',
      generateId: ({ entry }) => entry.replace(/\.md$/, ''),
      // The bodies are the articleBodies collection's: the store keeps only the front matter.
      retainBody: false,
    },
    ['.md'],
  ),
  schema: strictObject({
    /** The headline, as published. */
    title: text('the headline'),
    /** One-sentence standfirst, shown under the headline and used as the meta description. */
    dek: text('a one-sentence standfirst'),
    /** The permanent last part of the URL; never change it once published. */
    slug: slug('the permanent last part of the URL'),
    /** When it was first published: an ISO date-time with time zone, in quotes. */
    published: zonedDateTime('the publication date-time'),
    /** When it was last substantively changed, if ever. */
    updated: zonedDateTime('the date-time of the last update').optional(),
    /** Who wrote it: slugs of entries in content/authors. */
    authors: z
      .array(reference('authors'), { error: 'must be a list of author slugs, e.g. [irina-alksnis]' })
      .min(1, { error: 'must name at least one author (a slug from content/authors)' }),
    /** Who published it first: a slug from content/sources. */
    source: reference('sources'),
    /** The address of the original article at its publisher. */
    originalUrl: webUrl('the address of the original article').optional(),
    /** What kind of piece it is; decides the label and the layout. */
    format,
    /** Subjects it is filed under. */
    topics: z.array(text('a topic name'), { error: 'must be a list of topic names' }).default([]),
    /** The language of the text, as a BCP 47 tag: the site's unless the article says. */
    language: languageTag.default(site.language),
    /** A draft is built nowhere: no page, list, sitemap or feed. */
    draft: z.boolean({ error: 'must be true or false' }).default(false),
    /**
     * The canonical address, only when the source's terms require one (terms.canonical: original);
     * the original's address is used when this is not given.
     */
    canonicalUrl: webUrl('the canonical address required by the publisher').optional(),
    /** Corrections, oldest first, each with its date-time and what was corrected. */
    corrections: z
      .array(
        strictObject({
          /** When the correction was made. */
          date: zonedDateTime('the date-time of the correction'),
          /** What was wrong and what was corrected. */
          text: text('what was corrected'),
        }),
      )
      .default([]),
    /** Earlier slugs or site paths of this article, which must keep working. */
    aliases: z.array(alias).default([]),
    /** How search engines may index this copy, when not as its source says (src/catalog/terms.ts). */
    indexing: indexing.optional(),
    /** What the importer repaired of the text as published (words, spacing, quotes, trailer); written by it. */
    repairs: repairRecord.optional(),
  }).superRefine((data, ctx) => {
    const published = Date.parse(data.published);
    if (data.updated !== undefined && Date.parse(data.updated) < published) {
      ctx.addIssue({ code: 'custom', path: ['updated'], message: `is before published (${data.published})` });
    }
    data.corrections.forEach((correction, i) => {
      if (Date.parse(correction.date) < published) {
        ctx.addIssue({
          code: 'custom',
          path: ['corrections', i, 'date'],
          message: `is before published (${data.published})`,
        });
      }
    });
  }),
});

const authors = defineCollection({
  loader: checkedGlob({ pattern: '**/*.{yaml,yml}', base: './content/authors' }, ['.yaml', '.yml']),
  schema: strictObject({
    /** The name as it appears in bylines. */
    name: text('the author’s name'),
    /** The last part of the author page's URL, and what articles list under `authors`. */
    slug: slug('the author page’s slug'),
    /** A person (the default) or an organisation, when a publisher is credited as the author. */
    kind: z
      .enum(['person', 'organization'], { error: 'must be "person" or "organization"' })
      .default('person'),
    /** A short biography, only as given by the author or publisher. */
    bio: text('a short biography').optional(),
    /** Profiles elsewhere (publisher page, social accounts). */
    links: z
      .array(
        strictObject({
          /** What the link is, e.g. "Mastodon". */
          label: text('a label'),
          /** Where it goes. */
          url: webUrl('the profile address'),
        }),
      )
      .default([]),
    /** The author's fediverse handle, "@user@server", for `fediverse:creator` on their articles. */
    fediverse: fediverseHandle.optional(),
  }),
});

const sources = defineCollection({
  loader: checkedGlob({ pattern: '**/*.{yaml,yml}', base: './content/sources' }, ['.yaml', '.yml']),
  schema: strictObject({
    /** The publisher's name. */
    name: text('the publisher’s name'),
    /** The last part of the source page's URL, and what articles give as `source`. */
    slug: slug('the source page’s slug'),
    /** The publisher's home page. */
    url: webUrl('the publisher’s home page'),
    /** A sentence about the publisher, from the publisher's own description. */
    description: text('a sentence about the publisher').optional(),
    /** The publisher's profiles elsewhere (social accounts, Wikidata), as Organization `sameAs`. */
    sameAs: z
      .array(webUrl('the address of a profile of the publisher'), { error: 'must be a list of addresses' })
      .default([]),
    /** The publisher's own RSS or Atom feed, which RSS's `<source url>` names. */
    feed: webUrl('the address of the publisher’s feed').optional(),
    /** Its licence or agreement (src/catalog/terms.ts), or "unknown": the default. */
    terms,
    /** How search engines may index the copies: index, news-noindex (the default) or noindex-google. */
    indexing: indexing.optional(),
  }),
});

/** The site's own pages (publishing principles, corrections, feedback): Markdown, served at `/about/<id>/`. */
const pages = defineCollection({
  loader: checkedGlob({ pattern: '**/*.md', base: './content/pages' }, ['.md']),
  schema: strictObject({
    /** The page's title, its h1. */
    title: text('the page’s title'),
    /** One sentence: the meta description. */
    description: text('a one-sentence description'),
  }),
});

/**
 * Each article's body, rendered: by the article's id, its reading time and images; the HTML
 * itself is in the cache folder (src/bodies/loader.ts). Nothing here is written by editors.
 */
const articleBodies = defineCollection({
  loader: articleBodyLoader({ base: 'content/articles' }),
  schema: z.object({
    /** The body's file in the cache folder: `bodies/<key>.json`. */
    key: z.string(),
    /** Minutes to read, from the text in the article's language. */
    readingMinutes: z.number(),
    /** Every Markdown image, with its line and column, for the image checks. */
    markdownImages: z.array(
      z.object({ url: z.string(), line: z.number().optional(), column: z.number().optional() }),
    ),
    /** The files of content/articles/images/ that the body shows. */
    images: z.array(z.string()),
  }),
});

export const collections = { articles, articleBodies, authors, sources, pages };
