// The sentence around a span of prose: from the previous sentence end (or line
// break) to the next, and never more than `maxReach` characters either side
// (a "sentence" of a whole megabyte without a full stop is a list, and reading
// it for every claim in it would be quadratic).
export const maxReach = 400;

function isSentenceEnd(code: number): boolean {
  // . ! ? and line feed
  return code === 46 || code === 33 || code === 63 || code === 10;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Whether the character at `index` ends a sentence ("2.0" has a full stop that does not). */
function endsSentenceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (!isSentenceEnd(code)) return false;
  return !(code === 46 && isDigit(text.charCodeAt(index - 1)) && isDigit(text.charCodeAt(index + 1)));
}

export function sentenceAround(text: string, start: number, end = start): string {
  let from = start;
  const earliest = Math.max(0, start - maxReach);
  while (from > earliest && !endsSentenceAt(text, from - 1)) from--;
  let to = end;
  const latest = Math.min(text.length, end + maxReach);
  while (to < latest && !endsSentenceAt(text, to)) to++;
  return text.slice(from, to);
}
