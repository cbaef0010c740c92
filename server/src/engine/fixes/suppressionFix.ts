// "Suppress on this line": a `license-claims-disable-next-line RULE` comment
// above the finding's line, with the line's indentation (Markdown body only).
import type { Finding, Fix } from '../types.js';

const indentation = /[ \t]*/uy;

/** `eol`: the document's line break (one look per document, not per finding). */
export function suppressionFix(finding: Finding, text: string, bodyStart: number, eol: string): Fix | undefined {
  if (finding.span.start < bodyStart) return undefined;
  const lineStart = text.lastIndexOf('\n', finding.span.start - 1) + 1;
  indentation.lastIndex = lineStart;
  const indent = indentation.exec(text)![0];
  return {
    title: `Suppress ${finding.rule} on this line`,
    edits: [{ file: finding.file, span: { start: lineStart, end: lineStart }, newText: `${indent}<!-- license-claims-disable-next-line ${finding.rule} -->${eol}` }],
  };
}
