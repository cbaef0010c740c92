// The sentence around a span of prose: from the previous sentence end (or line
// break) to the next, and never more than `maxReach` characters either side
// (a "sentence" of a whole megabyte without a full stop is a list, and reading
// it for every claim in it would be quadratic).
export const maxReach = 400;

function isSentenceEnd(code: number): boolean {
  // . ! ? and line feed
  return code === 46 || code === 33 || code === 63 || code === 10;
}

export function sentenceAround(text: string, start: number, end = start): string {
  let from = start;
  const earliest = Math.max(0, start - maxReach);
  while (from > earliest && !isSentenceEnd(text.charCodeAt(from - 1))) from--;
  let to = end;
  const latest = Math.min(text.length, end + maxReach);
  while (to < latest && !isSentenceEnd(text.charCodeAt(to))) to++;
  return text.slice(from, to);
}
