/**
 * A saved page as a DOM document that Readability can read, whatever its shape.
 * linkedom (htmlparser2 underneath) builds no implied <html>, <head> or <body>:
 * a fragment's first element becomes the document element, text alone gives
 * none at all. Pages saved by hand come in every shape (an XML prolog, a BOM,
 * a comment before the doctype, no <html>, a frameset), so the document is
 * checked and, when it lacks its frame, parsed again inside one.
 */
import { parseHTML } from 'linkedom';
import { ImportError } from './errors.ts';

const PROLOG = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?/u;
const HAS_HTML = /<html[\s>]/iu;
const HAS_HEAD_OR_BODY = /<(?:head|body)[\s>]/iu;

function hasFrame(document: Document): boolean {
  // The DOM's types promise both; linkedom gives neither for some inputs.
  const root = document.documentElement as Element | null;
  // linkedom's body getter throws without a document element, so the root is asked first.
  return root?.tagName === 'HTML' && (document.body as HTMLElement | null) !== null;
}

function parse(html: string): Document {
  return parseHTML(html).document;
}

/** Parses a saved page into a document with <html> and <body>; refuses framesets. */
export function parsePage(html: string, file: string): Document {
  const text = html.replace(PROLOG, '');
  let document: Document;
  try {
    document = parse(text);
    if (!hasFrame(document)) {
      const inner = text.replace(/^\s*<!doctype[^>]*>/iu, '');
      document = parse(
        HAS_HTML.test(inner)
          ? // What stands before <html> (a stray <svg>, text) is not part of the page.
            inner.slice(inner.search(HAS_HTML))
          : HAS_HEAD_OR_BODY.test(inner)
            ? `<!doctype html><html>${inner}</html>`
            : `<!doctype html><html><head></head><body>${inner}</body></html>`,
      );
    }
  } catch (error) {
    throw new ImportError(file, 'file', `cannot be read as HTML (${(error as Error).message})`);
  }
  if (!hasFrame(document))
    throw new ImportError(file, 'file', 'has no HTML body to read; save the article page as HTML');
  if (document.querySelector('frameset, frame'))
    throw new ImportError(
      file,
      'body',
      'the page is a frameset: the article is in another file; save the frame that holds the article (right-click it → “Save frame as…”) and import that',
    );
  return document;
}
