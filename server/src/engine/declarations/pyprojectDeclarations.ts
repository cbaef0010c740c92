// pyproject.toml: PEP 621 `license` (string or `{text}`/`{file}` table),
// PEP 639 `license-files`, trove classifiers, and description/keywords prose.
import type { SourceFile } from '../types.js';
import { proprietary, resolveLicenseName, resolveSpdxValue } from '../licenses/resolveLicense.js';
import { findLicenseMentions } from '../licenses/licenseMentions.js';
import { troveClassifierLicense } from '../licenses/troveClassifiers.js';
import { emptyDeclarations, fileReferenceDeclaration, makeDeclaration, type FileDeclarations } from './declarationTypes.js';
import { declaredPackageName } from './manifestNames.js';
import { readToml, tomlProseField, tomlString, tomlStringArray, tomlStringSpan, type TomlNode } from './tomlFields.js';

export function pyprojectDeclarations(file: SourceFile): FileDeclarations {
  const result = emptyDeclarations();
  const { fields, problems } = readToml(file);
  result.problems.push(...problems);
  if (!fields) return result;
  const span = (node: TomlNode) => tomlStringSpan(node, file.text);
  const packageName = declaredPackageName(tomlString(fields.get('project.name')) ?? tomlString(fields.get('tool.poetry.name')));
  if (packageName) result.packageName = packageName;
  const license = fields.get('project.license');
  const licenseString = tomlString(license);
  if (license && licenseString !== undefined) {
    result.declarations.push(makeDeclaration(resolveSpdxValue(licenseString), {
      source: 'pyproject.toml', file: file.path, span: span(license), raw: licenseString, label: 'pyproject.toml `[project] license`', strictSpdx: true,
    }));
  }
  const textNode = fields.get('project.license.text');
  const text = tomlString(textNode);
  if (textNode && text !== undefined && !text.includes('\n') && text.length <= 100) {
    // PEP 621 `{text = …}` is free text: an SPDX expression is held to SPDX rules, anything else is read as a license's name
    const asSpdx = resolveSpdxValue(text);
    const strictSpdx = !asSpdx.invalid;
    const resolved = strictSpdx ? asSpdx : resolveLicenseName(findLicenseMentions(text).find((mention) => mention.id)?.id ?? text);
    result.declarations.push(makeDeclaration(resolved, {
      source: 'pyproject.toml', file: file.path, span: span(textNode), raw: text, label: 'pyproject.toml `[project] license.text`', strictSpdx,
    }));
  }
  const fileNode = fields.get('project.license.file');
  const fileValue = tomlString(fileNode);
  if (fileNode && fileValue) result.declarations.push(fileReferenceDeclaration('pyproject.toml', file.path, span(fileNode), fileValue, 'pyproject.toml `[project] license.file`'));
  // PEP 639 `license-files`: literal paths are read; glob patterns match the LICENSE files read anyway
  for (const entry of tomlStringArray(fields.get('project.license-files'))) {
    const value = tomlString(entry)!;
    if (!/[*?[\]]/u.test(value)) result.declarations.push(fileReferenceDeclaration('pyproject.toml', file.path, span(entry), value, 'pyproject.toml `license-files`'));
  }
  for (const classifier of tomlStringArray(fields.get('project.classifiers'))) {
    const value = tomlString(classifier)!;
    const id = troveClassifierLicense(value);
    if (id === undefined) continue;
    const resolved = id === 'LicenseRef-Proprietary' ? proprietary(`the classifier \`${value}\``)
      : id ? { expression: id, deprecatedIds: [] }
        : { unjudgeable: `the classifier \`${value}\` names a family of licenses, not one license`, deprecatedIds: [] };
    result.declarations.push(makeDeclaration(resolved, {
      source: 'pyproject.toml', file: file.path, span: span(classifier), raw: value, label: 'pyproject.toml license classifier', strictSpdx: false,
    }));
  }
  const description = tomlProseField(file.path, fields.get('project.description'), 'pyproject.toml `description`', file.text);
  if (description) result.proseFields.push(description);
  tomlStringArray(fields.get('project.keywords')).forEach((keyword, index) => {
    const field = tomlProseField(file.path, keyword, `pyproject.toml \`keywords[${index}]\``, file.text);
    if (field) result.proseFields.push(field);
  });
  return result;
}
