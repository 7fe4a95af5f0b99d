/**
 * Astro follows an error message with its location and stack trace. The
 * location is worth keeping when it is the editor's file; a location inside
 * Astro or the built bundle, and the stack trace, name the site's internals.
 * The build script passes Astro's output through this filter, so an editor
 * sees the message and the file; BROADSHEET_STACK_TRACES=1 keeps everything.
 */

const LOCATION = /^\s*Location:\s*$/u;
const STACK = /^\s*Stack trace:\s*$/u;
/** Lines inside a trace: indented frames and file positions. */
const TRACE_LINE = /^\s+(?:at\s|\/|file:|[A-Za-z]:\\)/u;
const INTERNAL = /node_modules|\.dist-staging|\.prerender/u;

/** Returns a function that takes each line of output and returns the lines to print. */
export function stackTraceFilter(): (line: string) => string[] {
  let state: 'text' | 'location' | 'stack' = 'text';
  let held = '';
  return (line) => {
    if (state === 'location') {
      state = 'text';
      if (!INTERNAL.test(line)) return [held, line];
      return [];
    }
    if (LOCATION.test(line)) {
      state = 'location';
      held = line;
      return [];
    }
    if (STACK.test(line)) {
      state = 'stack';
      return [];
    }
    if (state === 'stack' && (TRACE_LINE.test(line) || line.trim() === '')) return [];
    state = 'text';
    return /^\s+at\s.+:\d+:\d+\)?$/u.test(line) ? [] : [line];
  };
}
