// License texts as real copies are wrapped, for the identification tests.

/** Re-wraps every paragraph at `width` columns. */
export function rewrap(text: string, width: number): string {
  return text.split(/\n\s*\n/u).map((paragraph) => {
    const words = paragraph.split(/\s+/u).filter(Boolean);
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return lines.join('\n');
  }).join('\n\n');
}
