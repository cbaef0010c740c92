// A small tokenizer for Python, TypeScript and JavaScript, enough to find
// string literals and what stands before them: identifiers, string literals
// (their value, and the range of that value in the text), and punctuation.
// Comments are skipped; an f-string or a template literal with `${…}` is not a
// literal; a JS regular expression is skipped (after an operator or an
// opening bracket, `/` starts one). Nothing is executed.

export type Token =
  | { type: 'id'; text: string; start: number }
  | { type: 'str'; value: string; start: number; end: number; exact: boolean }
  | { type: 'punct'; text: string; start: number };

const idStart = /[A-Za-z_$]/u;
const idPart = /[A-Za-z0-9_$]/u;
const operators = ['===', '!==', '==', '!=', '<=', '>=', '=>', ':=', '??', '||', '&&', '**', '->'];

export function codeTokens(text: string, language: 'python' | 'js', limit = 200000): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  const length = text.length;
  const regexMayStart = () => {
    const last = tokens[tokens.length - 1];
    if (!last) return true;
    if (last.type === 'punct') return !/^[)\]}]$/u.test(last.text);
    return last.type === 'id' && /^(?:return|typeof|case|in|of|delete|void|throw|new|yield|await)$/u.test(last.text);
  };
  while (index < length && tokens.length < limit) {
    const char = text[index];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      index++;
      continue;
    }
    if (language === 'python' && char === '#') {
      while (index < length && text[index] !== '\n') index++;
      continue;
    }
    if (language === 'js' && char === '/' && text[index + 1] === '/') {
      while (index < length && text[index] !== '\n') index++;
      continue;
    }
    if (language === 'js' && char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? length : end + 2;
      continue;
    }
    if (language === 'js' && char === '/' && regexMayStart()) {
      index = skipRegex(text, index);
      continue;
    }
    if (idStart.test(char)) {
      let end = index + 1;
      while (end < length && idPart.test(text[end])) end++;
      const word = text.slice(index, end);
      // python string prefixes: r"…", f"…", b'…', rb"…"
      if (language === 'python' && /^(?:[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])$/u.test(word) && (text[end] === '"' || text[end] === "'")) {
        const read = readString(text, end, language);
        tokens.push({ type: 'str', value: read.value, start: read.start, end: read.end, exact: read.exact && !/[fF]/u.test(word) });
        index = read.next;
        continue;
      }
      tokens.push({ type: 'id', text: word, start: index });
      index = end;
      continue;
    }
    if (char === '"' || char === "'" || (language === 'js' && char === '`')) {
      const read = readString(text, index, language);
      tokens.push({ type: 'str', value: read.value, start: read.start, end: read.end, exact: read.exact });
      index = read.next;
      continue;
    }
    const operator = operators.find((candidate) => text.startsWith(candidate, index));
    const punct = operator ?? char;
    tokens.push({ type: 'punct', text: punct, start: index });
    index += punct.length;
  }
  return tokens;
}

/** A string literal at `at` (its opening quote): its value's range, whether the value is the text of that range (no escapes, no interpolation), and where the literal ends. */
function readString(text: string, at: number, language: 'python' | 'js'): { value: string; start: number; end: number; exact: boolean; next: number } {
  const quote = text[at];
  const triple = language === 'python' && text.startsWith(quote.repeat(3), at);
  const open = triple ? 3 : 1;
  let index = at + open;
  let exact = true;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      exact = false;
      index += 2;
      continue;
    }
    if (triple ? text.startsWith(quote.repeat(3), index) : char === quote) break;
    if (!triple && quote !== '`' && char === '\n') break;
    if (quote === '`' && char === '$' && text[index + 1] === '{') exact = false;
    index++;
  }
  const end = Math.min(index, text.length);
  return { value: text.slice(at + open, end), start: at + open, end, exact, next: Math.min(text.length, end + open) };
}

function skipRegex(text: string, at: number): number {
  let index = at + 1;
  let inClass = false;
  while (index < text.length) {
    const char = text[index];
    if (char === '\n') return index;
    if (char === '\\') index++;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) return index + 1;
    index++;
  }
  return index;
}
