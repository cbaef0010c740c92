// package.json: `license` (string, or the legacy `{type}` object), the legacy
// `licenses` array, and `description`/`keywords` prose.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { SourceFile } from '../types.js';
import { shallowJson } from '../text/shallowNesting.js';
import { resolveSpdxValue } from '../licenses/resolveLicense.js';
import { emptyDeclarations, makeDeclaration, problemSpan, type FileDeclarations, type ProseField } from './declarationTypes.js';
import { declaredPackageName } from './manifestNames.js';

export function stringField(file: string, node: Node | undefined, label: string): ProseField | undefined {
  if (node?.type !== 'string' || typeof node.value !== 'string') return undefined;
  return { file, text: node.value, start: node.offset + 1, exact: node.length - 2 === node.value.length, label };
}

/** The span of a JSON string's content (inside the quotes) when it has no escapes, else the whole literal. */
export function jsonStringSpan(node: Node): { start: number; end: number } {
  const exact = typeof node.value === 'string' && node.length - 2 === node.value.length;
  return exact ? { start: node.offset + 1, end: node.offset + node.length - 1 } : { start: node.offset, end: node.offset + node.length };
}

export function parseJson(file: SourceFile): { root?: Node; problems: FileDeclarations['problems'] } {
  const errors: ParseError[] = [];
  // nesting deeper than any field read here is blanked (offsets unchanged): the parser recurses
  const root = parseTree(shallowJson(file.text), errors, { allowTrailingComma: false, disallowComments: true });
  const problems = errors.slice(0, 1).map((error) => ({
    file: file.path,
    span: problemSpan(file.text, error.offset, error.length),
    message: `${file.path} is not valid JSON (${printParseErrorCode(error.error)}); its license fields were not read`,
  }));
  return { root: errors.length === 0 ? root : undefined, problems };
}

export function packageJsonDeclarations(file: SourceFile): FileDeclarations {
  const result = emptyDeclarations();
  const { root, problems } = parseJson(file);
  result.problems.push(...problems);
  if (!root || root.type !== 'object') return result;
  const add = (node: Node | undefined, label: string) => {
    if (node?.type !== 'string' || typeof node.value !== 'string') return;
    result.declarations.push(makeDeclaration(resolveSpdxValue(node.value), {
      source: 'package.json', file: file.path, span: jsonStringSpan(node), raw: node.value, label, strictSpdx: true,
    }));
  };
  const license = findNodeAtLocation(root, ['license']);
  if (license?.type === 'object') add(findNodeAtLocation(license, ['type']), 'package.json `license.type`');
  else add(license, 'package.json `license`');
  const licenses = findNodeAtLocation(root, ['licenses']);
  if (licenses?.type === 'array') {
    licenses.children?.forEach((entry, index) => {
      add(entry.type === 'object' ? findNodeAtLocation(entry, ['type']) : entry, `package.json \`licenses[${index}]\``);
    });
  }
  const name = findNodeAtLocation(root, ['name']);
  const packageName = typeof name?.value === 'string' ? declaredPackageName(name.value.replace(/^@[^/]+\//u, '')) : undefined;
  if (packageName) result.packageName = packageName;
  const description = stringField(file.path, findNodeAtLocation(root, ['description']), 'package.json `description`');
  if (description) result.proseFields.push(description);
  findNodeAtLocation(root, ['keywords'])?.children?.forEach((keyword, index) => {
    const field = stringField(file.path, keyword, `package.json \`keywords[${index}]\``);
    if (field) result.proseFields.push(field);
  });
  return result;
}
