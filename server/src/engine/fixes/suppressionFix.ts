// "Suppress on this line": a `license-claims-disable-next-line RULE` comment
// above the finding's line, with the line's indentation (Markdown body only).
import type { Finding, Fix } from '../types.js';
import type { LineIndex } from '../text/lineIndex.js';

const indentation = /[ \t]*/uy;

/** Where the line of an offset starts. */
export interface LineStarts {
  lineStart(offset: number): number;
}

/** LineStarts from a line index. */
export function lineStarts(lines: LineIndex): LineStarts {
  return { lineStart: (offset) => lines.offsetAt({ line: lines.positionAt(offset).line, character: 0 }) };
}

/**
 * `eol`: the document's line break; `lines`: its line index (both made once
 * per document, not per finding: a one-line megabyte would make it quadratic).
 */
export function suppressionFix(finding: Finding, text: string, bodyStart: number, eol: string, lines: LineStarts): Fix | undefined {
  if (finding.span.start < bodyStart) return undefined;
  const lineStart = lines.lineStart(finding.span.start);
  indentation.lastIndex = lineStart;
  const indent = indentation.exec(text)![0];
  return {
    title: `Suppress ${finding.rule} on this line`,
    edits: [{ file: finding.file, span: { start: lineStart, end: lineStart }, newText: `${indent}<!-- license-claims-disable-next-line ${finding.rule} -->${eol}` }],
  };
}
