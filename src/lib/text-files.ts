/** Which files of a built site hold links as text, for the checks that read them. */

/** Files other than HTML in which absolute URLs on the site are links: feeds, sitemaps, llms.txt, Markdown copies. */
const TEXT_EXTENSIONS = ['.xml', '.json', '.txt', '.md', '.webmanifest'];

/** Netlify's and Cloudflare Pages' redirect table: `/old/ /new/ 301`. */
export const REDIRECTS_FILE = '_redirects';

/** Whether a built file's links are read from its text; the text of any other file may be given as "". */
export const readsText = (file: string): boolean =>
  file.endsWith('.html') || file === REDIRECTS_FILE || TEXT_EXTENSIONS.some((ext) => file.endsWith(ext));
