/** A worker thread of the preview-image build (src/integrations/site-files.ts): draws an article's images into the cache. */
import { drawJobs, type DrawJob } from './og-cache.ts';
import { serveJobs } from './worker-pool.ts';

serveJobs<DrawJob[], undefined>(() => async (jobs) => {
  await drawJobs(jobs);
  return undefined;
});
