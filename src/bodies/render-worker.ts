/**
 * A worker thread of the article-body loader (src/bodies/loader.ts):
 * renders the bodies it is given (./render.ts). Loaded by Node, not Vite.
 */
import { Tinypool } from 'tinypool';
import { createBodyRenderer, type RenderOptions } from './render.ts';

// Made once per worker, from the pool's data.
export default await createBodyRenderer(Tinypool.workerData as RenderOptions);
