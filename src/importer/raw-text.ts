/**
 * Raw text in the layout of a print copy: headline; "Written by <publisher>";
 * the author's name (optional); a date line (optional); the body, one paragraph
 * per line or hard-wrapped in blocks separated by blank lines; an optional
 * trailer from "About the author" on.
 */
import type { Paragraph, Root } from 'mdast';
import { parseDateLine } from './dates.ts';
import { ImportError } from './errors.ts';
import type { ParsedArticle } from './parsed.ts';
import { collapseWhitespace } from './typography.ts';

const WRITTEN_BY = /^written by\s+(.+)$/iu;
const TRAILER = /^about the authors?\b/iu;
/** Lowercase words that may sit inside a name: "Ursula von der Leyen", "Ibn Khaldun". */
const NAME_PARTICLES = new Set('al bin bint da de del der di du ibn la le van von y'.split(' '));
/** A line ending that ends a sentence, so the line is a whole paragraph. */
const SENTENCE_END = /[.!?:;…"”’'»)\]]$/u;

/** Does the line look like a byline name ("Irina Alksnis", "Jean-Claude Ferrand")? */
export function looksLikeName(line: string): boolean {
  const words = line.split(' ');
  if (words.length < 2 || words.length > 6 || line.length > 60 || /[\d.,!?:;]$/u.test(line)) return false;
  return words.every((word) => /^\p{Lu}[\p{L}'’.-]*$/u.test(word) || NAME_PARTICLES.has(word));
}

/** Paragraphs from body lines, whichever of the two layouts they use. */
export function paragraphsOf(lines: readonly string[]): string[] {
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === '') blocks.push([]);
    else blocks.at(-1)?.push(line.trim());
  }
  const nonEmpty = blocks.filter((block) => block.length > 0);
  const inner = nonEmpty.flatMap((block) => block.slice(0, -1));
  // In a hard-wrapped block most lines stop mid-sentence; one paragraph per line, they all end one.
  const wrapped =
    inner.length > 0 && inner.filter((line) => SENTENCE_END.test(line)).length / inner.length < 0.5;
  if (!wrapped) return nonEmpty.flat().map(collapseWhitespace);
  return nonEmpty.map((block) =>
    collapseWhitespace(
      // A word broken at the line end ("collea-" / "gues") is written whole with its hyphen, for the hyphen rules to decide.
      block.reduce((text, line) => (/[\p{L}\p{N}]-$/u.test(text) ? text + line : `${text} ${line}`)),
    ),
  );
}

/** Parses raw text; throws an ImportError naming what is missing. */
export function parseRawText(raw: string, file: string): ParsedArticle {
  const lines = raw.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  const filled = lines.flatMap((line, index) => (line.trim() === '' ? [] : [index]));
  const next = (after: number) => filled.find((index) => index > after);
  const text = (index: number) => collapseWhitespace(lines[index] ?? '');

  const titleAt = filled[0];
  if (titleAt === undefined) throw new ImportError(file, 'text', 'the file has no text');
  const title = text(titleAt);
  const bylineAt = next(titleAt);
  const publisher = bylineAt === undefined ? undefined : WRITTEN_BY.exec(text(bylineAt))?.[1];
  if (bylineAt === undefined || publisher === undefined) {
    throw new ImportError(
      file,
      'publisher',
      `expected a “Written by <publisher>” line after the headline “${title.slice(0, 60)}”`,
    );
  }

  let bodyFrom = bylineAt;
  let author: string | undefined;
  let date: string | undefined;
  // The author line and the date line may come in either order; both are optional.
  for (let i = 0; i < 2; i++) {
    const at = next(bodyFrom);
    if (at === undefined) break;
    const line = text(at);
    const asDate = date === undefined ? parseDateLine(line) : undefined;
    if (asDate !== undefined) date = asDate;
    else if (author === undefined && looksLikeName(line)) author = line;
    else break;
    bodyFrom = at;
  }

  const trailerAt = lines.findIndex((line, index) => index > bodyFrom && TRAILER.test(line.trim()));
  const bodyLines = lines.slice(bodyFrom + 1, trailerAt === -1 ? undefined : trailerAt);
  const paragraphs = paragraphsOf(bodyLines);
  if (paragraphs.length === 0) throw new ImportError(file, 'body', 'no paragraphs after the header');

  const body: Root = {
    type: 'root',
    children: paragraphs.map((value): Paragraph => ({
      type: 'paragraph',
      children: [{ type: 'text', value }],
    })),
  };
  const dropped = trailerAt === -1 ? [] : lines.slice(trailerAt).map(collapseWhitespace).filter(Boolean);
  return {
    title,
    publisher: collapseWhitespace(publisher),
    authors: author === undefined ? [] : [author],
    ...(date && { date }),
    body,
    dropped,
  };
}
