// The JSON, TOML and YAML parsers the engine uses recurse: a document nested a
// few thousand levels deep (valid, and cheap to write: `[[[[…]]]]`) overflows
// the stack. The engine reads only fields near the top, so collections nested
// deeper than a limit are blanked before parsing: each becomes `0` padded with
// spaces (line breaks kept), so every offset, line and column of the rest stays
// the same. The scan itself is iterative and knows each syntax's strings and
// comments, so brackets inside them do not count.

/** Deeper than any real manifest, config or front matter; well below the parsers' stack limits. */
export const maxNesting = 256;

export type NestingSyntax = 'json' | 'toml' | 'yaml';

const isSpace = (code: number) => code === 0x20 || code === 0x09;

/** Where a string or comment that starts at `index` ends (the index of its last character), or -1 if none starts there. */
function skipToken(text: string, index: number, syntax: NestingSyntax): number {
  const code = text.charCodeAt(index);
  const lineEnd = () => {
    const end = text.indexOf('\n', index);
    return end < 0 ? text.length - 1 : end - 1;
  };
  const until = (close: string, escapes: boolean, from: number) => {
    for (let at = from; at < text.length; at++) {
      if (escapes && text.charCodeAt(at) === 0x5c /* \ */) at++;
      else if (text.startsWith(close, at)) return at + close.length - 1;
    }
    return text.length - 1;
  };
  if (syntax === 'json') {
    if (code === 0x22 /* " */) return until('"', true, index + 1);
    if (code === 0x2f /* / */ && text.charCodeAt(index + 1) === 0x2f) return lineEnd();
    if (code === 0x2f && text.charCodeAt(index + 1) === 0x2a /* * */) return until('*/', false, index + 2);
    return -1;
  }
  if (syntax === 'toml') {
    if (code === 0x23 /* # */) return lineEnd();
    if (text.startsWith('"""', index)) return until('"""', true, index + 3);
    if (text.startsWith("'''", index)) return until("'''", false, index + 3);
    if (code === 0x22) return until('"', true, index + 1);
    if (code === 0x27 /* ' */) return until("'", false, index + 1);
    return -1;
  }
  // YAML: a comment starts after white space; a quoted scalar where a value can start
  // (a quote inside a plain scalar — "it's" — is text)
  if (code === 0x23 && (index === 0 || isSpace(text.charCodeAt(index - 1)) || text.charCodeAt(index - 1) === 0x0a)) return lineEnd();
  // only a quote looks back (over the white space before it): looking back from every character was quadratic
  if (code !== 0x22 && code !== 0x27) return -1;
  let before = index - 1;
  while (before >= 0 && isSpace(text.charCodeAt(before))) before--;
  const previous = before < 0 ? 0x0a : text.charCodeAt(before);
  const valueStart = previous === 0x0a || previous === 0x0d || ':-[{,?'.includes(String.fromCharCode(previous));
  if (!valueStart) return -1;
  if (code === 0x22) return until('"', true, index + 1);
  // '' inside a single-quoted scalar is a quote: two adjacent scalars scan the same
  if (code === 0x27) return until("'", false, index + 1);
  return -1;
}

/** `text` with every collection nested deeper than `maxDepth` replaced by `0` and padding (same length). */
export function shallowNesting(text: string, syntax: NestingSyntax, maxDepth = maxNesting): string {
  const parts: string[] = [];
  let copied = 0;
  let depth = 0;
  let cut = -1;
  const blank = (from: number, to: number) => {
    parts.push(text.slice(copied, from), '0', text.slice(from + 1, to).replace(/[^\r\n]/gu, ' '));
    copied = to;
  };
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      depth++;
      if (depth === maxDepth + 1) cut = index;
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      if (depth === maxDepth + 1 && cut >= 0) {
        blank(cut, index + 1);
        cut = -1;
      }
      if (depth > 0) depth--;
    } else {
      const end = skipToken(text, index, syntax);
      if (end >= index) index = end;
    }
  }
  // an unclosed deep collection: blank to the end (the parser still reports what is missing)
  if (cut >= 0) blank(cut, text.length);
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

export const shallowJson = (text: string) => shallowNesting(text, 'json');
export const shallowToml = (text: string) => shallowNesting(text, 'toml');
export const shallowYaml = (text: string) => shallowNesting(text, 'yaml');
