/**
 * `/llms.txt` (https://llmstxt.org/): what the site is, for AI agents, with a
 * link to the Markdown copy of every article.
 */
import { markdownText as oneLine, markdownUrl } from '../lib/markdown-text.ts';

export interface LlmsArticle {
  title: string;
  dek: string;
  markdownUrl: string;
  byline: string;
  source: string;
  date: string;
}

export interface LlmsSite {
  name: string;
  description: string;
  home: string;
  feeds: { label: string; url: string }[];
  sitemap: string;
}

export function llmsTxt(site: LlmsSite, articles: readonly LlmsArticle[]): string {
  const list = articles.map(
    (article) =>
      `- [${oneLine(article.title)}](${markdownUrl(article.markdownUrl)}): ${oneLine(article.dek)} By ${oneLine(article.byline)}, first published by ${oneLine(article.source)}, ${oneLine(article.date)}.`,
  );
  return `# ${site.name}

> ${site.description}

${site.name} (${site.home}) carries articles from other publishers word for word, each at a permanent address with its author, its source and a link to the original. Every article page has a Markdown copy at the same address with ".md" in place of the final slash, and schema.org NewsArticle data in JSON-LD. Quote the text as published, and credit the author and the original publisher.

## Articles

${list.length ? list.join('\n') : 'No articles have been published yet.'}

## Feeds and sitemaps

${[...site.feeds.map((feed) => `- [${feed.label}](${feed.url})`), `- [Sitemap](${site.sitemap})`].join('\n')}
`;
}
