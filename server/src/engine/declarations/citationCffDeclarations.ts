// CITATION.cff: `license` (an SPDX id, or a list of them, per the CFF schema).
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { scalarText, yamlValueRange } from './yamlRanges.js';
import type { SourceFile } from '../types.js';
import { shallowYaml } from '../text/shallowNesting.js';
import { resolveSpdxValue } from '../licenses/resolveLicense.js';
import { emptyDeclarations, makeDeclaration, problemSpan, type FileDeclarations } from './declarationTypes.js';

export function citationCffDeclarations(file: SourceFile): FileDeclarations {
  const result = emptyDeclarations();
  // nesting deeper than any field read here is blanked (offsets unchanged): the parser recurses
  const document = parseDocument(shallowYaml(file.text), { uniqueKeys: false, prettyErrors: false });
  if (document.errors.length > 0) {
    const at = document.errors[0].pos[0] ?? 0;
    result.problems.push({ file: file.path, span: problemSpan(file.text, at), message: `${file.path} is not valid YAML (${document.errors[0].message.split('\n')[0]}); its license was not read` });
    return result;
  }
  if (!isMap(document.contents)) return result;
  const license = document.contents.get('license', true) as YamlNode | undefined;
  const values = isScalar(license) ? [license] : isSeq(license) ? (license.items as YamlNode[]).filter(isScalar) : [];
  for (const value of values) {
    const raw = scalarText(value);
    if (raw === undefined) continue;
    result.declarations.push(makeDeclaration(resolveSpdxValue(raw), {
      source: 'CITATION.cff', file: file.path, span: (([start, end]) => ({ start, end }))(yamlValueRange(value)), raw, label: 'CITATION.cff `license`', strictSpdx: true,
    }));
  }
  return result;
}
