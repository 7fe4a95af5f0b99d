/** Long listings split into numbered pages: the home page, topics, authors, sources, archive months. */
import { pageParam } from '../lib/urls.ts';

/** Articles per listing page. */
export const PAGE_SIZE = 20;

/** One page of a listing. Page numbers count from 1. */
export interface Page<T> {
  items: T[];
  number: number;
  /** How many pages the listing has (at least 1). */
  total: number;
  /** How many items the whole listing has. */
  count: number;
  first: number;
  last: number;
  prev?: number | undefined;
  next?: number | undefined;
  /** "Page 2 of 5". */
  label: string;
}

/**
 * Splits items into pages of `perPage`, keeping their order. There is always a
 * first page: an empty listing is one empty page, so its address still exists.
 */
export function paginate<T>(items: readonly T[], perPage: number = PAGE_SIZE): [Page<T>, ...Page<T>[]] {
  if (!Number.isInteger(perPage) || perPage < 1) {
    throw new Error(`A page holds a whole number of items from 1: got ${perPage}.`);
  }
  const total = Math.max(1, Math.ceil(items.length / perPage));
  const page = (number: number): Page<T> => ({
    items: items.slice((number - 1) * perPage, number * perPage),
    number,
    total,
    count: items.length,
    first: 1,
    last: total,
    prev: number > 1 ? number - 1 : undefined,
    next: number < total ? number + 1 : undefined,
    label: `Page ${number} of ${total}`,
  });
  return [page(1), ...Array.from({ length: total - 1 }, (_, i) => page(i + 2))];
}

/**
 * `getStaticPaths` entries for every page of one listing, for a route whose last
 * segment is `[...page]`: page 1 at the listing's own address, later pages at
 * `page/2/` and on. Each has the listing's own `params` and `props`, plus its `page`.
 */
export function listingPaths<T, Params extends object, Props extends object>(
  items: readonly T[],
  params: Params,
  props: Props,
): { params: Params & { page: string | undefined }; props: Props & { page: Page<T> } }[] {
  return paginate(items).map((page) => ({
    params: { ...params, page: pageParam(page.number) },
    props: { ...props, page },
  }));
}
