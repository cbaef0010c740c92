// The sentence around a span of prose: from the previous sentence end (or line
// break) to the next. Used to decide what a claim is about.
export function sentenceAround(text: string, start: number, end = start): string {
  let from = start;
  while (from > 0 && !/[.!?\n]/u.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !/[.!?\n]/u.test(text[to])) to++;
  return text.slice(from, to);
}
