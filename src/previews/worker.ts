/** A worker thread of the preview-image build (src/build/site-files-integration.ts): draws an article's images into the cache. */
export { drawJobs as default } from './cache.ts';
