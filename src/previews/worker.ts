/** A worker thread of the preview-image build (src/build/site-files-integration.ts): draws an article's images into the cache. */
import { drawJobs, type DrawJob } from './cache.ts';
import { serveJobs } from '../build/worker-pool.ts';

serveJobs<DrawJob[], undefined>(() => async (jobs) => {
  await drawJobs(jobs);
  return undefined;
});
