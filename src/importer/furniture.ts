/**
 * Page furniture: what a news page wraps around an article (ads, share bars,
 * cookie banners, related links, legal footers), told by tag and by the words
 * in class names and ids.
 */

/** Parts of class names and ids that mark furniture: "ad-unit", "social-share", "story__byline". */
const CHROME = new Set(
  'ad ads adslot advert advertisement banner breadcrumb breadcrumbs byline consent cookie copyright dateline disclaimer footer kicker legal meta newsletter paywall promo related share sharing sidebar social sponsored subscribe tags topics'.split(
    ' ',
  ),
);

/** Elements that are furniture by their tag or role. */
export const FURNITURE_SELECTOR =
  'footer, aside, nav, figure, figcaption, form, [role="contentinfo"], [role="navigation"], [role="complementary"]';

export function isChrome(element: Element): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names.split(/[\s_-]+/u).some((part) => CHROME.has(part.toLowerCase()));
}

/** Is the element, or one of its ancestors below `root`, furniture? */
export function inFurniture(element: Element, root: Element): boolean {
  for (
    let current: Element | null = element;
    current !== null && current !== root;
    current = current.parentElement
  )
    if (current.matches(FURNITURE_SELECTOR) || isChrome(current)) return true;
  return false;
}
