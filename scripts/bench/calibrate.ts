/**
 * A measure of how fast this machine is running now: the time one thread takes
 * to render a fixed set of synthetic article bodies (the build's own body
 * renderer, src/markdown/render.ts), in milliseconds a body. Shared virtual
 * machines run the same work at speeds 30% apart from one hour to the next, so
 * the build benchmark prints it before and after its builds, and two runs'
 * figures can be read against each other.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { join } from 'node:path';
import { createBodyRenderer } from '../../src/markdown/render.ts';
import { ROOT, syntheticContent } from './synthetic.ts';

/** Bodies rendered first and not timed (the renderer's code warms up), then the bodies timed. */
const WARM_UP = 150;
const TIMED = 300;

export async function bodyMilliseconds(): Promise<number> {
  const articles = join(ROOT, 'content/articles');
  const render = await createBodyRenderer({ articlesDir: articles });
  const jobs = Object.entries(syntheticContent(WARM_UP + TIMED))
    .filter(([path]) => path.startsWith('articles/'))
    .map(([path, text]) => {
      const { content, frontmatter } = parseFrontmatter(text);
      return {
        path: join(ROOT, 'content', path),
        markdown: content.trim(),
        frontmatter,
        page: 'https://broadsheet.example/2024/05/01/a/',
      };
    });
  for (const job of jobs.slice(0, WARM_UP)) await render(job);
  const started = performance.now();
  for (const job of jobs.slice(WARM_UP)) await render(job);
  return (performance.now() - started) / (jobs.length - WARM_UP);
}
