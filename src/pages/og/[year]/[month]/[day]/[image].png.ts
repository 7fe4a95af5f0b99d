/** `/og/<yyyy>/<mm>/<dd>/<slug>.png` and its `-16x9`, `-4x3`, `-1x1` shapes: each article's preview images. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../../../catalog/catalog.ts';
import { withCacheKeys } from '../../../../../build/cache-keys.ts';
import { imageCache } from '../../../../../previews/cache.ts';
import { articleCard, articleImageParams, type ArticleCard } from '../../../../../previews/cards.ts';
import { siteFiles } from '../../../../../build/site-files.ts';
import { articleImagePath, IMAGE_SHAPES, type ImageShape } from '../../../../../lib/urls.ts';

interface Props {
  card: ArticleCard;
  shape: ImageShape;
  /** Names the article in a font error. */
  label: string;
}

export const getStaticPaths = (async () => {
  const { articles } = await getCatalog();
  const images = articles.map((article) => {
    const card = articleCard(article);
    const label = article.entry.filePath ?? article.path;
    return (Object.keys(IMAGE_SHAPES) as ImageShape[]).map((shape) => ({
      params: articleImageParams(article, shape),
      props: { card, shape, label } satisfies Props,
      path: articleImagePath(article, shape),
    }));
  });
  // A build draws them all on its worker threads (src/build/site-files-integration.ts), not a page at a time.
  const sink = import.meta.env.PROD ? siteFiles() : undefined;
  if (sink) {
    sink.images(images.map((shapes) => shapes.map(({ props, path }) => ({ ...props, path }))));
    return [];
  }
  return withCacheKeys(images.flat().map(({ params, props }) => ({ params, props })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = async ({ props }) => {
  const png = await imageCache().articleImage(props.card, props.shape, props.label);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
