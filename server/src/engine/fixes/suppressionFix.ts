// "Suppress on this line": a `license-claims-disable-next-line RULE` comment
// above the finding's line, with the line's indentation (Markdown body only).
import type { Finding, Fix } from '../types.js';
import type { LineIndex } from '../text/lineIndex.js';

const indentation = /[ \t]*/uy;

/**
 * `eol`: the document's line break; `lines`: its line index (both made once
 * per document, not per finding: a one-line megabyte would make it quadratic).
 */
export function suppressionFix(finding: Finding, text: string, bodyStart: number, eol: string, lines: LineIndex): Fix | undefined {
  if (finding.span.start < bodyStart) return undefined;
  const lineStart = lines.offsetAt({ line: lines.positionAt(finding.span.start).line, character: 0 });
  indentation.lastIndex = lineStart;
  const indent = indentation.exec(text)![0];
  return {
    title: `Suppress ${finding.rule} on this line`,
    edits: [{ file: finding.file, span: { start: lineStart, end: lineStart }, newText: `${indent}<!-- license-claims-disable-next-line ${finding.rule} -->${eol}` }],
  };
}
