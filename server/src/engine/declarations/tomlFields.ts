// TOML read with toml-eslint-parser, which keeps every value's source range.
import { parseTOML } from 'toml-eslint-parser';
import type { SourceFile } from '../types.js';
import { shallowToml } from '../text/shallowNesting.js';
import { problemSpan, type FileProblem, type ProseField } from './declarationTypes.js';

/** A parsed TOML value node (the subset of toml-eslint-parser's AST we read). */
export interface TomlNode {
  type: string;
  kind?: string;
  value?: unknown;
  range: [number, number];
  elements?: TomlNode[];
  body?: TomlNode[];
}
interface TomlKeyNode {
  keys: { type: string; name?: string; value?: string }[];
}

/** Every value in the file by its dotted key path (`project.license.text`). */
export type TomlFields = Map<string, TomlNode>;

function keyNames(key: TomlKeyNode): string[] {
  return key.keys.map((part) => part.name ?? part.value ?? '');
}

function collect(nodes: TomlNode[] | undefined, prefix: string[], fields: TomlFields): void {
  for (const node of nodes ?? []) {
    if (node.type === 'TOMLKeyValue') {
      const entry = node as unknown as { key: TomlKeyNode; value: TomlNode };
      const path = [...prefix, ...keyNames(entry.key)];
      fields.set(path.join('.'), entry.value);
      if (entry.value.type === 'TOMLInlineTable') collect(entry.value.body, path, fields);
    } else if (node.type === 'TOMLTable') {
      const table = node as unknown as { kind: string; resolvedKey: (string | number)[]; body: TomlNode[] };
      if (table.kind === 'standard') collect(table.body, table.resolvedKey.map(String), fields);
    }
  }
}

export function readToml(file: SourceFile): { fields?: TomlFields; problems: FileProblem[] } {
  try {
    // nesting deeper than any field read here is blanked (offsets unchanged): the parser recurses
    const ast = parseTOML(shallowToml(file.text)) as unknown as { body: TomlNode[] };
    const fields: TomlFields = new Map();
    for (const top of ast.body) collect(top.body, [], fields);
    return { fields, problems: [] };
  } catch (error) {
    const offset = typeof (error as { index?: unknown }).index === 'number' ? (error as { index: number }).index : 0;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { problems: [{ file: file.path, span: problemSpan(file.text, offset), message: `${file.path} is not valid TOML (${message}); its license fields were not read` }] };
  }
}

export function tomlString(node: TomlNode | undefined): string | undefined {
  return node?.type === 'TOMLValue' && node.kind === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** A TOML string as prose; offsets are exact only for single-line literal-free strings. */
export function tomlProseField(file: string, node: TomlNode | undefined, label: string, text: string): ProseField | undefined {
  const value = tomlString(node);
  if (value === undefined || !node) return undefined;
  const quote = text.startsWith('"""', node.range[0]) || text.startsWith("'''", node.range[0]) ? 3 : 1;
  const start = node.range[0] + quote;
  return { file, text: value, start, exact: node.range[1] - node.range[0] - 2 * quote === value.length, label };
}

/** The span of a TOML string's content (inside the quotes) when it maps 1:1 to the value, else the whole literal. */
export function tomlStringSpan(node: TomlNode, text: string): { start: number; end: number } {
  const field = tomlProseField('', node, '', text);
  return field?.exact ? { start: field.start, end: field.start + field.text.length } : { start: node.range[0], end: node.range[1] };
}

export function tomlStringArray(node: TomlNode | undefined): TomlNode[] {
  return node?.type === 'TOMLArray' ? (node.elements ?? []).filter((element) => tomlString(element) !== undefined) : [];
}
