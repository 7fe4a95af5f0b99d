/** `/og/<yyyy>/<mm>/<dd>/<slug>.png` and its `-16x9`, `-4x3`, `-1x1` shapes: each article's preview images. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../../../data/catalog.ts';
import { withCacheKeys } from '../../../../../lib/cache-keys.ts';
import { imageCache } from '../../../../../lib/og-cache.ts';
import { articleCard, articleImageParams, type ArticleCard } from '../../../../../lib/og-image.ts';
import { IMAGE_SHAPES, type ImageShape } from '../../../../../lib/urls.ts';

interface Props {
  card: ArticleCard;
  shape: ImageShape;
  /** Names the article in a font error. */
  label: string;
}

export const getStaticPaths = (async () => {
  const { articles } = await getCatalog();
  const paths = articles.flatMap((article) => {
    const card = articleCard(article);
    const label = article.entry.filePath ?? article.path;
    return (Object.keys(IMAGE_SHAPES) as ImageShape[]).map((shape) => ({
      params: articleImageParams(article, shape),
      props: { card, shape, label } satisfies Props,
    }));
  });
  // A build asks for every route's paths before it renders any page: the images are drawn on the
  // other cores while the pages render. (In dev, each image is drawn when it is asked for.)
  if (import.meta.env.PROD) imageCache().prefetch(paths.map(({ props }) => props));
  return withCacheKeys(paths);
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = async ({ props }) => {
  const png = await imageCache().articleImage(props.card, props.shape, props.label);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
