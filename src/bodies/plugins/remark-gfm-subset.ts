/**
 * GitHub Flavored Markdown without autolink literals (bare `www.example.com`,
 * `https://…` and e-mail addresses in text): tables, strikethrough, footnotes
 * and task lists, as remark-gfm adds them. A bare address in an article stays
 * text, as its publisher wrote it; and micromark's autolink-literal tokenizer
 * tests every word character for the start of an e-mail address, which
 * tripled the time to parse an article.
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
 * What a table's delimiter row needs (GFM spec, "Tables (extension)"; micromark
 * marks a row a table only when it has seen one): a `|`, or a colon against a
 * hyphen (`:--`, `--:`), which aligns a table of one column and no pipes.
 */
const TABLE_MARK = /\||:-|-:/u;

/** Whether a Markdown document may hold a table. False only when no line could be a delimiter row. */
export const mayHaveTables = (markdown: string): boolean => TABLE_MARK.test(markdown);
