/**
 * The latest articles, in full, as Atom: `/atom.xml` for the site, `/authors/<slug>/atom.xml`
 * and `/sources/<slug>/atom.xml` for an author and a source.
 */
import { feedEndpoint, feedScopes } from '../../syndication/feed-routes.ts';

export const getStaticPaths = feedScopes;
export const GET = feedEndpoint('atom');
