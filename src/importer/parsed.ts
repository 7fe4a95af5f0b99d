import type { Root } from 'mdast';

/** What an input file gives, before any repair. */
export interface ParsedArticle {
  /** The headline as printed. */
  title: string;
  /** The publisher: "Written by …" in raw text, the site's name in HTML. */
  publisher: string;
  /** The authors' names; none when the publisher is the author. */
  authors: string[];
  /** The date as given: YYYY-MM-DD, or an ISO date-time with its offset (HTML). */
  date?: string;
  /** When the publisher last changed it (HTML), an ISO date-time. */
  updated?: string;
  /** The article's address at its publisher (HTML: the canonical link). */
  originalUrl?: string;
  /** The language of the page (HTML: the html element's lang). */
  language?: string;
  /** The publisher's standfirst, if the page has one. */
  dek?: string;
  /** The body as Markdown syntax tree. */
  body: Root;
  /** Lines dropped after the body ("About the author" and what follows). */
  dropped: string[];
}
