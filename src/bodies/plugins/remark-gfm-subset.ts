/**
 * GitHub Flavored Markdown without autolink literals (bare `www.example.com`,
 * `https://…` and e-mail addresses in text): tables, strikethrough, footnotes
 * and task lists, as remark-gfm adds them. micromark's autolink-literal
 * tokenizer tests every word character for the start of an e-mail address,
 * which nearly doubles the time to render a body, so a body that cannot hold a
 * literal ({@link mayHaveLiteralAutolinks}) is parsed with this plugin, and
 * the others with remark-gfm in full: the same HTML either way.
 *
 * With `tables: false` it also leaves out the table tokenizer, which tries
 * every line of every paragraph as a table's head row; for documents that
 * cannot hold a table ({@link mayHaveTables}). Writing tables to Markdown
 * stays in: its escapes apply to any text.
 */
import { gfmFootnoteFromMarkdown, gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown, gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown, gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown, gfmTaskListItemToMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type {} from 'remark-parse';
import type {} from 'remark-stringify';
import type { Processor } from 'unified';

export function remarkGfmSubset(this: Processor, { tables = true }: { tables?: boolean } = {}): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(
    combineExtensions([
      gfmFootnote(),
      gfmStrikethrough(),
      ...(tables ? [gfmTable()] : []),
      gfmTaskListItem(),
    ]),
  );
  (data.fromMarkdownExtensions ??= []).push([
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    ...(tables ? [gfmTableFromMarkdown()] : []),
    gfmTaskListItemFromMarkdown(),
  ]);
  (data.toMarkdownExtensions ??= []).push({
    extensions: [
      gfmFootnoteToMarkdown(),
      gfmStrikethroughToMarkdown(),
      gfmTableToMarkdown(),
      gfmTaskListItemToMarkdown(),
    ],
  });
}

/**
 * Inline links whose destination is a plain http(s) address: `[text](https://…)`,
 * the bracket not escaped, the text without brackets. Their address is a
 * destination, not text, so it cannot be an autolink literal.
 */
const LINK_DESTINATION = /(?<!\\)\[[^[\]\n]*\]\(https?:\/\/[^\s()<>]*\)/giu;

/**
 * What every autolink literal contains (GFM spec, "Autolinks (extension)"):
 * `www.`, `http://` or `https://`, or an `@` (e-mail, `mailto:` and `xmpp:` literals).
 */
const LITERAL_START = /www\.|https?:\/\/|@/iu;

/**
 * Whether a Markdown document may hold an autolink literal. False only when
 * it cannot: nothing that starts one appears outside the destinations of
 * plain inline links. A document where it is true is parsed with GFM in full.
 */
export const mayHaveLiteralAutolinks = (markdown: string): boolean =>
  LITERAL_START.test(markdown.replace(LINK_DESTINATION, ''));

/**
 * What a table's delimiter row needs (GFM spec, "Tables (extension)"; micromark
 * marks a row a table only when it has seen one): a `|`, or a colon against a
 * hyphen (`:--`, `--:`), which aligns a table of one column and no pipes.
 */
const TABLE_MARK = /\||:-|-:/u;

/** Whether a Markdown document may hold a table. False only when no line could be a delimiter row. */
export const mayHaveTables = (markdown: string): boolean => TABLE_MARK.test(markdown);
