// LICENSE / LICENCE / COPYING files (and LICENSE-MODEL, MODEL_LICENSE, …),
// declared by their text.
import type { DeclarationScope, SourceFile } from '../types.js';
import { identifyLicenseText, type Identification } from '../licenses/identifyLicenseText.js';
import { describeLicense } from '../licenses/licenseKnowledge.js';
import { customTextPrefix, judgeLicenseText } from '../licenses/clauses/licenseTextVerdict.js';
import { emptyDeclarations, makeDeclaration, type FileDeclarations } from './declarationTypes.js';

// LICENSE, LICENCE.md, COPYING, COPYING.LESSER, LICENSE-MIT, LICENSE-APACHE-2.0, LICENSE_MODEL.txt,
// MODEL_LICENSE, LICENSE.model.md, LICENCE-SD-Turbo, SEAMLESS_LICENSE, UNLICENSE — but not license-mismatch.md,
// licenses.json, my_license.py or THIRD_PARTY_LICENSE.
const licenseStem = /^(?:(?:un)?licen[cs]e|copying|copyright|model[-_.]?licen[cs]e)/iu;
const namedToken = /^(?:mit|apache|bsd|gpl|lgpl|agpl|mpl|isc|cc0|cc|by|sa|nc|nd|model|models|code|weights|data|docs?|lesser|library|v?\d+)$/iu;
const upperToken = /^[A-Z0-9]+$/u;
const thirdParty = /third[-_.]?party|notices?/iu;
const textExtension = /^(?:md|markdown|txt|rst|adoc|text)$/iu;

// A named license in front, in capitals: SEAMLESS_LICENSE, MIT_LICENSE, LLAMA2-LICENCE.md (not my_license.py)
const namedFirst = /^(?:[A-Z][A-Z0-9]*[-_])+LICEN[CS]E(?:\.(?:md|markdown|txt|rst|adoc|text))?$/u;
// after LICENSE or LICENCE in capitals, a capitalised name: LICENCE-SD-Turbo, LICENSE-Stable-Diffusion
const capitalisedToken = /^[A-Z][A-Za-z0-9]*$/u;

/** Whether a file name (no directory) is a license file. */
export function isLicenseFileName(name: string): boolean {
  if (namedFirst.test(name)) return !thirdParty.test(name) && !/^THIRD[-_]/u.test(name);
  const stem = licenseStem.exec(name);
  if (!stem) return false;
  const capitalStem = /^LICEN[CS]E$/u.test(stem[0]);
  let rest = name.slice(stem[0].length);
  const extension = /\.([A-Za-z]+)$/u.exec(rest);
  if (extension && textExtension.test(extension[1])) rest = rest.slice(0, extension.index);
  if (thirdParty.test(rest)) return false;
  return rest.split(/[-_.]/u).filter(Boolean).every((token) => namedToken.test(token) || (upperToken.test(token) && token !== 'THIRD') || (capitalStem && rest.startsWith('-') && capitalisedToken.test(token)));
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
  const expression = declaredExpression(identified);
  // its restrictive clauses decide whether an unknown or modified text is open (and are cited)
  const verdict = judgeLicenseText(name, file.text, { ...identified, license: expression });
  const license = verdict.license;
  // the first line that is not blank (an empty file: its name, at the start)
  const title = /\S[^\r\n]*/u.exec(file.text);
  const firstLine = title ? title[0].trim() : name;
  const span = verdict.cited?.span ?? (title ? { start: title.index, end: title.index + title[0].trimEnd().length } : { start: 0, end: 0 });
  const textName = !license ? 'unidentified text' : license.startsWith(customTextPrefix) ? 'custom license text' : `${describeLicense(license).name} text`;
  const declaration = makeDeclaration(
    license
      ? {
        expression: license,
        deprecatedIds: [],
        note: verdict.note
          ?? (identified.addedText ? `it adds terms to the ${identified.basedOn} license: “${identified.addedText}”` : identified.excludedText ? `it puts some files under another license: “${identified.excludedText}”` : undefined),
      }
      : { unjudgeable: `the text of ${name} matches no license License Claims knows`, deprecatedIds: [] },
    {
      source: 'license-file', file: file.path, span, raw: license ? describeLicense(license).name : firstLine.slice(0, 80),
      label: `${name} (${textName})`, strictSpdx: false, scope: licenseFileScope(name),
    },
  );
  result.declarations.push({
    ...declaration,
    ...(verdict.clauses.length > 0 ? { clauses: verdict.clauses } : {}),
    ...(identified.parts.length > 1 ? { licenseParts: identified.parts } : {}),
  });
  return result;
}

/**
 * What a license file declares for the project: a choice between licenses as
 * identified (`ISC OR MIT`); for a main license followed by the notices of
 * bundled third-party code (`MIT AND ICU`), the main license; and when the file
 * puts some of the project's own files under another license (an `ee/`
 * directory), the license `AND` that other one, which is not known.
 */
function declaredExpression(identified: Identification): string | null {
  let expression = identified.license;
  if (!expression) return null;
  if (identified.parts.length > 1 && / AND /u.test(expression) && !/ OR /u.test(expression)) expression = identified.parts[0].license;
  if (identified.excludedText) expression = `${/ /u.test(expression) ? `(${expression})` : expression} AND LicenseRef-separately-licensed-files`;
  return expression;
}
