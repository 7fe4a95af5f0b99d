/**
 * JSON inside an HTML `<script>` element (JSON-LD). Article text is
 * untrusted: whatever it holds, the element's text is valid JSON that cannot
 * end the element, and parses back to the same data.
 */

const escape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The data as JSON with "<", ">" and "&" escaped, so that no text in it can
 * close the element or open a comment; U+2028 and U+2029 for old parsers; and
 * the characters HTML calls a parse error in its input (C1 controls, DEL,
 * noncharacters), which JSON can carry as escapes with nothing lost. JSON
 * already escapes the C0 controls and lone surrogates.
 * https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements
 */
export const scriptJson = (data: unknown): string =>
  // Each half of a surrogate pair on its own, so the plane noncharacters (U+1FFFE…) are caught too.
  JSON.stringify(data).replace(
    /[<>&\u2028\u2029\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g,
    (match) => match.split('').map(escape).join(''),
  );
