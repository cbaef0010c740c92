// The reference definitions a chunk can use. A chunk is parsed with the
// document's link reference definitions appended (chunks.ts
// referenceDefinitions), so that `[text][label]` reads as in the whole
// document; but a README with fifty badge and link definitions made every
// kept chunk parse all fifty (on real packages, more than half of the
// parser's work). A definition can change how a chunk reads only when the
// chunk holds its label in brackets: the parser matches labels with runs of
// whitespace collapsed and case folded, and a label that spans lines inside a
// block quote has `>` markers between its words in the source. So both sides
// are compared with every whitespace character and `>` taken out and case
// folded as the parser does: a superset of the definitions used.

/** Label text as compared here: the parser's normalization (whitespace collapsed, `toLowerCase().toUpperCase()`), with whitespace and `>` dropped. */
function comparable(text: string): string {
  return text.replace(/[\s>]+/gu, '').toLowerCase().toUpperCase();
}

let lastDefinitions = '';
let lastEntries: { key: string; definition: string }[] = [];

/** The part of `definitions` (as referenceDefinitions writes them: `[label]: …`, blank-line separated) that `chunk` may use. */
export function definitionsUsedBy(chunk: string, definitions: string): string {
  if (definitions === '' || !chunk.includes(']')) return '';
  if (definitions !== lastDefinitions) {
    lastEntries = definitions.split('\n\n').map((definition) => ({ key: `[${comparable(definition.slice(1, definition.lastIndexOf(']:')))}]`, definition }));
    lastDefinitions = definitions;
  }
  const text = comparable(chunk);
  return lastEntries.filter((entry) => text.includes(entry.key)).map((entry) => entry.definition).join('\n\n');
}

/** A label as the parser matches it: whitespace runs made one space, trimmed, case folded. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/gu, ' ').replace(/^ | $/gu, '').toLowerCase().toUpperCase();
}

let lastUsed = '';
let lastLabels: ReadonlySet<string> = new Set();

/** The labels (normalized) of `definitions` as definitionsUsedBy returns them. */
export function definedLabels(definitions: string): ReadonlySet<string> {
  if (definitions !== lastUsed) {
    lastLabels = new Set(definitions === '' ? [] : definitions.split('\n\n').map((definition) => normalizeLabel(definition.slice(1, definition.lastIndexOf(']:')))));
    lastUsed = definitions;
  }
  return lastLabels;
}
