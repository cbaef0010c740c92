// pyproject.toml: PEP 621 `license` (string or `{text}`/`{file}` table),
// PEP 639 `license-files`, trove classifiers, and description/keywords prose.
import type { SourceFile } from '../types.js';
import { resolveSpdxValue } from '../licenses/resolveLicense.js';
import { troveClassifierLicense } from '../licenses/troveClassifiers.js';
import { emptyDeclarations, makeDeclaration, type FileDeclarations } from './declarationTypes.js';
import { readToml, tomlProseField, tomlString, tomlStringArray, tomlStringSpan, type TomlNode } from './tomlFields.js';

export function pyprojectDeclarations(file: SourceFile): FileDeclarations {
  const result = emptyDeclarations();
  const { fields, problems } = readToml(file);
  result.problems.push(...problems);
  if (!fields) return result;
  const span = (node: TomlNode) => tomlStringSpan(node, file.text);
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
    // PEP 621 `{text = …}` is free text; a one-line value is read as an SPDX expression
    result.declarations.push(makeDeclaration(resolveSpdxValue(text), {
      source: 'pyproject.toml', file: file.path, span: span(textNode), raw: text, label: 'pyproject.toml `[project] license.text`', strictSpdx: true,
    }));
  }
  for (const classifier of tomlStringArray(fields.get('project.classifiers'))) {
    const value = tomlString(classifier)!;
    const id = troveClassifierLicense(value);
    if (id === undefined) continue;
    result.declarations.push(makeDeclaration(id ? { expression: id, deprecatedIds: [] } : { unjudgeable: `the classifier \`${value}\` names no specific license`, deprecatedIds: [] }, {
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
