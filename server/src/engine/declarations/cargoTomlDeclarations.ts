// Cargo.toml: `[package] license` (SPDX expression), `license-file`, and
// description/keywords prose.
import type { SourceFile } from '../types.js';
import { resolveSpdxValue } from '../licenses/resolveLicense.js';
import { emptyDeclarations, fileReferenceDeclaration, makeDeclaration, type FileDeclarations } from './declarationTypes.js';
import { declaredPackageName } from './manifestNames.js';
import { readToml, tomlProseField, tomlString, tomlStringArray, tomlStringSpan } from './tomlFields.js';

export function cargoTomlDeclarations(file: SourceFile): FileDeclarations {
  const result = emptyDeclarations();
  const { fields, problems } = readToml(file);
  result.problems.push(...problems);
  if (!fields) return result;
  const packageName = declaredPackageName(tomlString(fields.get('package.name')));
  if (packageName) result.packageName = packageName;
  for (const table of ['package', 'workspace.package']) {
    const license = fields.get(`${table}.license`);
    const value = tomlString(license);
    if (license && value !== undefined) {
      result.declarations.push(makeDeclaration(resolveSpdxValue(value), {
        source: 'Cargo.toml', file: file.path, span: tomlStringSpan(license, file.text), raw: value, label: `Cargo.toml \`[${table}] license\``, strictSpdx: true,
      }));
    }
    const licenseFile = fields.get(`${table}.license-file`);
    const reference = tomlString(licenseFile);
    if (licenseFile && reference) {
      result.declarations.push(fileReferenceDeclaration('Cargo.toml', file.path, tomlStringSpan(licenseFile, file.text), reference, `Cargo.toml \`[${table}] license-file\``));
    }
    const description = tomlProseField(file.path, fields.get(`${table}.description`), 'Cargo.toml `description`', file.text);
    if (description) result.proseFields.push(description);
    tomlStringArray(fields.get(`${table}.keywords`)).forEach((keyword, index) => {
      const field = tomlProseField(file.path, keyword, `Cargo.toml \`keywords[${index}]\``, file.text);
      if (field) result.proseFields.push(field);
    });
  }
  return result;
}
