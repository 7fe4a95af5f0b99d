/**
 * Who is who, in structured data: the site as a NewsMediaOrganization with its
 * policy pages, each source as an Organization with its profiles elsewhere,
 * and the copyright of a republished article where its terms say.
 * https://schema.org/NewsMediaOrganization
 */
import { UNKNOWN_TERMS, type Terms } from '../catalog/terms.ts';
import { absoluteUrl, homePath, logoPath, sitePagePath } from '../lib/urls.ts';
import { site } from '../site.ts';
import type { JsonLd } from './structured-data.ts';

/** The site as a publisher: its logo (which Google asks for) and the pages that say how it works. */
export function newsMediaOrganization(origin: URL): JsonLd {
  const page = (slug: string) => absoluteUrl(sitePagePath(slug), origin);
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: absoluteUrl(homePath(), origin),
    logo: { '@type': 'ImageObject', url: absoluteUrl(logoPath(), origin), width: 600, height: 60 },
    publishingPrinciples: page(site.policies.publishingPrinciples),
    correctionsPolicy: page(site.policies.correctionsPolicy),
    actionableFeedbackPolicy: page(site.policies.actionableFeedbackPolicy),
  };
}

/** A source as an Organization: its home page and, when its file lists them, its profiles. */
export function sourceOrganization(source: {
  name: string;
  url: string;
  sameAs?: string[] | undefined;
}): JsonLd {
  return {
    '@type': 'Organization',
    name: source.name,
    url: source.url,
    ...(source.sameAs?.length && { sameAs: source.sameAs }),
  };
}

/**
 * `license`, `copyrightHolder` and `copyrightYear`, only from known terms: a licence's address,
 * the holder they name, and the year of first publication when a holder is named.
 */
export function copyright(terms: Terms | undefined, publishedYear: number): JsonLd {
  if (terms === undefined || terms === UNKNOWN_TERMS) return {};
  return {
    ...('url' in terms.licence && { license: terms.licence.url }),
    ...(terms.copyrightHolder !== undefined && {
      copyrightHolder: { '@type': 'Organization', name: terms.copyrightHolder },
      copyrightYear: publishedYear,
    }),
  };
}
