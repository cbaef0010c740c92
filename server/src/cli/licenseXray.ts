// `license-claims explain FILE`: the "license X-ray" of a LICENSE-like file —
// what identification says it is, then each clause that keeps it from being
// open source, with its lines, kind and Open Source Definition criterion.
import { identifyLicenseText } from '../engine/licenses/identifyLicenseText.js';
import { describeLicense } from '../engine/licenses/licenseKnowledge.js';
import { declaredClauses, judgeLicenseText } from '../engine/licenses/clauses/licenseTextVerdict.js';
import { terminalSafe } from './terminalText.js';

export interface LicenseXray {
  file: string;
  /** What identification says (null: unknown). */
  identified: string | null;
  /** What the file declares once its clauses are read (a modified or custom license when they decide). */
  verdict: string | null;
  openSource: boolean | null;
  restrictions: { kind: string; criterion: string; criterionTitle: string; line: number; endLine: number; text: string; reason: string }[];
}

export function licenseXray(file: string, text: string): LicenseXray {
  const name = file.split(/[\\/]/u).pop() ?? file;
  const identified = identifyLicenseText(text);
  const verdict = judgeLicenseText(name, text, identified);
  const restrictions = declaredClauses(text).map((clause) => ({ kind: clause.kind, criterion: clause.criterion, criterionTitle: clause.criterionTitle, line: clause.line, endLine: clause.endLine, text: clause.text, reason: clause.reason }));
  const described = verdict.license ? describeLicense(verdict.license) : undefined;
  return { file, identified: identified.license, verdict: verdict.license, openSource: described ? described.osiApproved && restrictions.length === 0 : restrictions.length > 0 ? false : null, restrictions };
}

export function formatXray(xray: LicenseXray): string {
  const name = (id: string) => `${describeLicense(id).name}${describeLicense(id).name === id ? '' : ` (${id})`}`;
  const lines = [
    `${terminalSafe(xray.file)}: ${xray.identified ? `identified as ${name(xray.identified)}` : 'unknown license (no known text matches)'}`,
    ...(xray.verdict && xray.verdict !== xray.identified ? [`  judged by its clauses: ${name(xray.verdict)}`] : []),
    `  open source: ${xray.openSource === null ? 'cannot tell (unknown text, no restrictive clause found)' : xray.openSource ? 'yes (OSI-approved, no restrictive clause)' : 'no'}`,
    xray.restrictions.length === 0 ? '  restrictive clauses: none' : `  restrictive clauses (${xray.restrictions.length}):`,
    ...xray.restrictions.map((clause) => `  - line ${clause.line}${clause.endLine > clause.line ? `–${clause.endLine}` : ''} ${clause.kind} (${clause.criterion}: ${clause.criterionTitle}): “${terminalSafe(clause.text)}”`),
  ];
  return `${lines.join('\n')}\n\n`;
}
