// `license-claims identify FILE…`: which license a LICENSE-like file holds.
import { readFileSync } from 'node:fs';
import { identifyLicenseText } from '../engine/licenses/identifyLicenseText.js';
import { describeLicense } from '../engine/licenses/licenseKnowledge.js';
import { declaredClauses } from '../engine/licenses/clauses/licenseTextVerdict.js';
import { UsageError } from './usageError.js';
import { terminalSafe } from './terminalText.js';

export function runIdentify(files: string[], format: 'text' | 'json', out: (text: string) => void): number {
  if (files.length === 0) throw new UsageError('identify needs at least one file');
  const results = files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const identified = identifyLicenseText(text);
    // computed from the text whatever the identification says (empty for a plain open license)
    const restrictions = declaredClauses(text).map((clause) => ({ kind: clause.kind, criterion: clause.criterion, line: clause.line, endLine: clause.endLine, text: clause.text }));
    return { file, ...identified, restrictions };
  });
  if (format === 'json') {
    out(`${JSON.stringify(results.map(({ file, license, confidence, basedOn, addedText, parts, candidates, note, restrictions }) => ({
      file, license, confidence, ...(basedOn ? { basedOn, addedText } : {}), ...(parts.length > 1 ? { parts } : {}), ...(candidates ? { candidates } : {}), ...(note ? { note } : {}), restrictions,
    })), null, 2)}\n`);
  } else {
    for (const result of results) {
      // the added terms are the file's own text: shown escaped, on one line
      out(result.basedOn
        ? `${terminalSafe(result.file)}: ${result.license} — the ${result.basedOn} text with added terms: “${terminalSafe(result.addedText ?? '')}”\n`
        : result.parts.length > 1
        ? `${result.file}: ${result.license}, confidence ${result.confidence.toFixed(2)} by ${result.method} (${result.parts.map((part) => `${part.license} lines ${part.startLine}-${part.endLine}`).join('; ')})\n`
        : result.license
        ? `${result.file}: ${result.license} (${describeLicense(result.license).name}), confidence ${result.confidence.toFixed(2)} by ${result.method}${result.note ? `; ${result.note}` : ''}\n`
        : `${result.file}: unknown license${result.candidates ? ` (closest: ${result.candidates.join(', ')})` : ` (best full-text score ${result.confidence.toFixed(2)})`}\n`);
    }
  }
  return 0;
}
