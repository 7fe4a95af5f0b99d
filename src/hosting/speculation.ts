/**
 * Prefetching of the pages a reader is about to open, with no script in the
 * page: every HTML response carries a `Speculation-Rules` header naming a
 * static rules file, and engines that support speculation rules (Chromium)
 * prefetch a same-site link when the reader points at it or starts to press it
 * ("moderate" eagerness). Other engines ignore the header. Feeds, Markdown
 * copies, machine files and links that open elsewhere are never prefetched.
 */

export const SPECULATION_RULES_PATH = '/speculation-rules.json';
export const SPECULATION_RULES_TYPE = 'application/speculationrules+json';

/** Paths never worth fetching ahead: what a reader's browser does not show as a page. */
export const NOT_PREFETCHED = [
  '/*.xml',
  '/*.json',
  '/*.md',
  '/*.txt',
  '/*.png',
  '/pagefind/*',
  '/og/*',
] as const;

export const speculationRules = () => ({
  prefetch: [
    {
      source: 'document',
      where: {
        and: [
          { href_matches: '/*' },
          { not: { href_matches: [...NOT_PREFETCHED] } },
          { not: { selector_matches: '[rel~="external"], [download], [target]' } },
        ],
      },
      eagerness: 'moderate',
    },
  ],
});

/** The header's value: a structured-field string naming the rules file. */
export const speculationRulesHeader = (): [string, string] => [
  'Speculation-Rules',
  `"${SPECULATION_RULES_PATH}"`,
];
