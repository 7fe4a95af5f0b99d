/**
 * Rules that span entries, which a per-file schema cannot check: references
 * that resolve, and one article per URL. Each problem names the file, the
 * field and the fix.
 */
import { zoned } from '../lib/dates.ts';
import { articlePath } from '../lib/urls.ts';

/** What the checks need to know of an article. */
export interface ArticleFacts {
  /** Path of the file, relative to the project root. */
  file: string;
  slug: string;
  published: string;
  authors: readonly string[];
  source: string;
}

export interface CatalogInput {
  articles: readonly ArticleFacts[];
  authors: readonly string[];
  sources: readonly string[];
}

const known = (slugs: readonly string[]) => (slugs.length ? slugs.join(', ') : 'none yet');

/** Every cross-entry problem, in file order; empty when the content is consistent. */
export function findCatalogProblems({ articles, authors, sources }: CatalogInput): string[] {
  const problems: string[] = [];
  const authorSet = new Set(authors);
  const sourceSet = new Set(sources);
  const byPath = new Map<string, string>();
  for (const article of [...articles].sort((a, b) => a.file.localeCompare(b.file, 'en'))) {
    article.authors.forEach((author, i) => {
      if (!authorSet.has(author)) {
        problems.push(
          `${article.file}: authors[${i}] "${author}" is not an author. Add content/authors/${author}.yaml, or use one of: ${known(authors)}.`,
        );
      }
    });
    if (!sourceSet.has(article.source)) {
      problems.push(
        `${article.file}: source "${article.source}" is not a source. Add content/sources/${article.source}.yaml, or use one of: ${known(sources)}.`,
      );
    }
    const path = articlePath({ slug: article.slug, published: zoned(article.published) });
    const first = byPath.get(path);
    if (first) {
      problems.push(
        `${article.file}: slug "${article.slug}" and its published date give ${path}, already the URL of ${first}. Give one of the two a different slug.`,
      );
    } else {
      byPath.set(path, article.file);
    }
  }
  return problems;
}

/** Thrown when the content cannot be published; its message lists every problem. */
export class ContentError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n- ${problems.join('\n- ')}`,
    );
    this.name = 'ContentError';
  }
}
