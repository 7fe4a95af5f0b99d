/**
 * Renders the preview-image routes after every page. Astro renders routes one
 * path at a time in route order, where `/og/` comes early; the images are
 * drawn on worker threads from the moment their paths are known
 * (src/lib/og-workers.ts), so by rendering the pages first the main thread
 * renders while the workers draw, instead of waiting for them.
 * Uses the integration API's `setPrerenderer`, wrapping Astro's own prerenderer.
 */
import type { AstroIntegration } from 'astro';

/** Is this the route of the preview images (src/pages/og/…)? */
const isPreviewImage = (route: { route: string }) => route.route.startsWith('/og/');

export function previewImagesLast(): AstroIntegration {
  return {
    name: 'broadsheet:preview-images-last',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((astro) => ({
          ...astro,
          name: 'broadsheet:preview-images-last',
          async getStaticPaths() {
            const paths = await astro.getStaticPaths();
            return [
              ...paths.filter((path) => !isPreviewImage(path.route)),
              ...paths.filter((path) => isPreviewImage(path.route)),
            ];
          },
        }));
      },
    },
  };
}
