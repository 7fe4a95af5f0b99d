/**
 * Runs round every page as it is built. An article page whose source's terms
 * require a credit leaves them in `locals.requiredCredit` (src/layouts/ArticlePage.astro);
 * its finished HTML is checked for each element, and the build stops, naming the
 * files and fields, when one is missing. Other pages pass untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { missingCredit } from './catalog/credit-check.ts';
import { ContentError } from './catalog/rules.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  // The page renders as its body is read: only then has the article's layout set its locals.
  const html = await response.text();
  const required = context.locals.requiredCredit;
  const problems = required ? missingCredit(html, required) : [];
  if (problems.length > 0) throw new ContentError(problems);
  return new Response(html, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
