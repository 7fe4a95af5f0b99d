/** A worker thread of the preview-image build (src/integrations/preview-images.ts): draws jobs into the cache. */
import { drawJob, type DrawJob } from './og-cache.ts';
import { serveJobs } from './worker-pool.ts';

serveJobs<DrawJob, undefined>(() => async (job) => {
  await drawJob(job);
  return undefined;
});
