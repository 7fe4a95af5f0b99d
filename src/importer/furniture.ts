/**
 * Page furniture: what a news page wraps around an article (ads, share bars,
 * cookie banners, related links, legal footers), told by tag and by the words
 * in class names and ids.
 */

/**
 * Parts of class names and ids that mark furniture: "ad-unit", "social-share", "story__byline".
 * Some of these words also name the article's own container ("article-body--paywall",
 * "story-meta"), so they count only for small blocks (isChromeBlock).
 */
const CHROME = new Set(
  // English, then the same furniture in the corpus's other languages (fr, es, de, cs).
  'ad ads adslot advert advertisement banner breadcrumb breadcrumbs byline dateline kicker meta newsletter paywall promo related share sharing sidebar social sponsored subscribe tags topics abonnement abo publicite partage relacionadas relacionados suscripcion publicidad anzeige werbung teilen reklama sdileni souvisejici'.split(
    ' ',
  ),
);

/** Words that never name an article's container: a legal footer or a comment thread is never the article. */
const NEVER_ARTICLE = new Set(
  'comment comments consent cookie cookies copyright disclaimer discussion footer legal'.split(' '),
);

const nameParts = (element: Element): string[] =>
  `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    .split(/[\s_-]+/u)
    .map((part) => part.toLowerCase());

/** Elements that are furniture by their tag or role. */
export const FURNITURE_SELECTOR =
  'footer, aside, nav, figure, figcaption, form, [role="contentinfo"], [role="navigation"], [role="complementary"]';

export function isChrome(element: Element): boolean {
  return nameParts(element).some((part) => CHROME.has(part) || NEVER_ARTICLE.has(part));
}

/** The length of the text in an element's paragraphs. */
export function paragraphChars(element: Element): number {
  let chars = 0;
  for (const p of element.querySelectorAll('p')) chars += p.textContent.length;
  return chars;
}

/**
 * The share of a page's paragraph text above which a block is taken for the
 * article whatever its class names say: articles come in containers named
 * "article-body--paywall" or "story-meta", widgets hold a few lines.
 */
export const ARTICLE_SHARE = 0.25;

/** Is this element furniture by its class or id, and small enough to be only that? */
export function isChromeBlock(element: Element, pageParagraphChars: number): boolean {
  const parts = nameParts(element);
  if (parts.some((part) => NEVER_ARTICLE.has(part))) return true;
  return (
    parts.some((part) => CHROME.has(part)) && paragraphChars(element) < pageParagraphChars * ARTICLE_SHARE
  );
}

/** Is the element, or one of its ancestors below `root`, furniture? */
export function inFurniture(element: Element, root: Element, pageParagraphChars: number): boolean {
  for (
    let current: Element | null = element;
    current !== null && current !== root;
    current = current.parentElement
  )
    if (current.matches(FURNITURE_SELECTOR) || isChromeBlock(current, pageParagraphChars)) return true;
  return false;
}
