// codemeta.json: `license` as an SPDX URL ("https://spdx.org/licenses/MIT"),
// an id, or a list of them; `description` prose.
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { SourceFile } from '../types.js';
import { resolveSpdxValue } from '../licenses/resolveLicense.js';
import { emptyDeclarations, makeDeclaration, type FileDeclarations } from './declarationTypes.js';
import { jsonStringSpan, parseJson, stringField } from './packageJsonDeclarations.js';

const spdxUrl = /^https?:\/\/spdx\.org\/licenses\/([^/]+?)(?:\.html|\.json)?$/iu;

export function codemetaDeclarations(file: SourceFile): FileDeclarations {
  const result = emptyDeclarations();
  const { root, problems } = parseJson(file);
  result.problems.push(...problems);
  if (!root || root.type !== 'object') return result;
  const license = findNodeAtLocation(root, ['license']);
  const values: Node[] = license?.type === 'array' ? license.children ?? [] : license ? [license] : [];
  for (const node of values) {
    if (node.type !== 'string' || typeof node.value !== 'string') continue;
    const raw = node.value;
    const id = spdxUrl.exec(raw.trim())?.[1] ?? raw;
    result.declarations.push(makeDeclaration(resolveSpdxValue(id), {
      source: 'codemeta.json', file: file.path, span: jsonStringSpan(node), raw, label: 'codemeta.json `license`', strictSpdx: true,
    }));
  }
  const description = stringField(file.path, findNodeAtLocation(root, ['description']), 'codemeta.json `description`');
  if (description) result.proseFields.push(description);
  return result;
}
