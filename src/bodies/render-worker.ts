/**
 * A worker thread of the article-body loader (src/bodies/loader.ts):
 * renders the bodies it is given (./render.ts). Loaded by Node, not Vite.
 */
import { serveJobs } from '../build/worker-pool.ts';
import { createBodyRenderer, type RenderJob, type RenderOptions, type RenderedBody } from './render.ts';

serveJobs<RenderJob, RenderedBody>((options) => createBodyRenderer(options as RenderOptions));
