// LICENSE / LICENCE / COPYING files (and LICENSE-MODEL, MODEL_LICENSE, …),
// declared by their text.
import type { DeclarationScope, SourceFile } from '../types.js';
import { identifyLicenseText } from '../licenses/identifyLicenseText.js';
import { describeLicense } from '../licenses/licenseKnowledge.js';
import { emptyDeclarations, makeDeclaration, type FileDeclarations } from './declarationTypes.js';

const licenseFileName = /^(?:(?:un)?licen[cs]e|copying|copyright|model[-_.]?licen[cs]e)(?:[-_.][\w.-]*)?$/iu;

/** Whether a file name (no directory) is a license file. */
export function isLicenseFileName(name: string): boolean {
  return licenseFileName.test(name) && !/\.(?:py|js|ts|go|rs|java|c|h|json|toml|ya?ml|html?|png|jpe?g|svg)$/iu.test(name);
}

/** What part of the project a license file covers, from its name. */
export function licenseFileScope(name: string): DeclarationScope {
  const upper = name.toUpperCase();
  if (/MODEL|WEIGHT/u.test(upper)) return 'model';
  if (/CODE|SOURCE/u.test(upper)) return 'code';
  return 'all';
}

export function licenseFileDeclarations(file: SourceFile): FileDeclarations {
  const result = emptyDeclarations();
  const name = file.path.split('/').pop() ?? file.path;
  const identified = identifyLicenseText(file.text);
  const firstLine = file.text.split(/\r?\n/u).find((line) => line.trim() !== '')?.trim() ?? name;
  const titleEnd = file.text.indexOf(firstLine) + firstLine.length;
  const span = { start: Math.max(0, file.text.indexOf(firstLine)), end: Math.max(0, titleEnd) };
  result.declarations.push(makeDeclaration(
    identified.license
      ? { expression: identified.license, deprecatedIds: [] }
      : { unjudgeable: `the text of ${name} matches no license License Claims knows`, deprecatedIds: [] },
    {
      source: 'license-file', file: file.path, span, raw: identified.license ? describeLicense(identified.license).name : firstLine.slice(0, 80),
      label: `${name} (${identified.license ? `${describeLicense(identified.license).name} text` : 'unidentified text'})`, strictSpdx: false, scope: licenseFileScope(name),
    },
  ));
  return result;
}
