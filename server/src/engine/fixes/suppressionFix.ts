// "Suppress on this line": a `license-claims-disable-next-line RULE` comment
// above the finding's line, with the line's indentation (Markdown body only).
import type { Finding, Fix } from '../types.js';

export function suppressionFix(finding: Finding, text: string, bodyStart: number): Fix | undefined {
  if (finding.span.start < bodyStart) return undefined;
  const lineStart = text.lastIndexOf('\n', finding.span.start - 1) + 1;
  const indent = /^[ \t]*/u.exec(text.slice(lineStart))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    title: `Suppress ${finding.rule} on this line`,
    edits: [{ file: finding.file, span: { start: lineStart, end: lineStart }, newText: `${indent}<!-- license-claims-disable-next-line ${finding.rule} -->${eol}` }],
  };
}
