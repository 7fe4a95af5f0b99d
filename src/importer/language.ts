/** Which languages the importer's repairs can read. */

/** Is this BCP 47 tag English ("en", "en-GB", "EN_us")? */
export function isEnglish(tag: string): boolean {
  return /^en(?:[-_]|$)/iu.test(tag.trim());
}
