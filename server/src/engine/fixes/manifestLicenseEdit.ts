// Inserting a license into a manifest, in that file's own syntax, changing
// nothing else: package.json (after the last property, with that property's
// indentation and separators), pyproject.toml `[project]` and Cargo.toml
// `[package]` (a line after the table's last key, located in the parsed
// file), model-card front matter (a line at the end of the YAML). An empty
// value already there (`"license": ""`, `license:`) is filled in instead, so
// a key is never duplicated. Each is one insertion or one replacement of an
// empty value: the bytes around it stay as they were.
import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parseTOML } from 'toml-eslint-parser';
import { isMap, isScalar, parseDocument, type Pair, type Scalar } from 'yaml';
import type { SourceFile, TextEdit } from '../types.js';
import { parseFrontMatter } from '../markdown/parseMarkdown.js';

/** The file's line ending (its first one), `\n` when it has none. */
function lineEnding(text: string): string {
  return /\r\n|\r|\n/u.exec(text)?.[0] ?? '\n';
}

/** Where the line holding `offset` ends: the start of its line terminator (before a CR of CRLF), or the end of the text. */
function lineEnd(text: string, offset: number): number {
  const next = text.indexOf('\n', offset);
  if (next < 0) return text.length;
  return next > offset && text[next - 1] === '\r' ? next - 1 : next;
}

function lineIndent(text: string, offset: number): string {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  return /^[ \t]*/u.exec(text.slice(start, offset))![0];
}

const isBlank = (value: unknown) => value === null || (typeof value === 'string' && value.trim() === '');

function packageJsonEdit(file: SourceFile, spdxId: string): TextEdit | undefined {
  const { text } = file;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || root?.type !== 'object') return undefined;
  const value = JSON.stringify(spdxId);
  const existing = findNodeAtLocation(root, ['license']);
  if (existing) return isBlank(existing.value) && existing.type !== 'object' && existing.type !== 'array' ? { file: file.path, span: { start: existing.offset, end: existing.offset + existing.length }, newText: value } : undefined;
  const properties = root.children ?? [];
  const open = root.offset + 1;
  const close = root.offset + root.length - 1;
  if (properties.length === 0) {
    const inside = text.slice(open, close);
    const newText = /[\r\n]/u.test(inside) ? `${lineEnding(text)}${lineIndent(text, close)}  "license": ${value}` : `"license": ${value}`;
    return { file: file.path, span: { start: open, end: open }, newText };
  }
  const last = properties[properties.length - 1];
  const [key, propertyValue] = last.children as [Node, Node | undefined];
  const colon = propertyValue ? text.slice(key.offset + key.length, propertyValue.offset) : ': ';
  const at = last.offset + last.length;
  // one property per line: a new line with the last one's indentation; all on one line: the same separator
  if (/[\r\n]/u.test(text.slice(open, properties[0].offset))) {
    return { file: file.path, span: { start: at, end: at }, newText: `,${lineEnding(text)}${lineIndent(text, last.offset)}"license"${colon}${value}` };
  }
  const comma = properties.length > 1 ? text.slice(properties[0].offset + properties[0].length, properties[1].offset) : colon.endsWith(' ') ? ', ' : ',';
  return { file: file.path, span: { start: at, end: at }, newText: `${comma}"license"${colon}${value}` };
}

interface TomlAstNode {
  type: string;
  kind?: string;
  range: [number, number];
  resolvedKey?: (string | number)[];
  key?: { keys: { name?: string; value?: string }[] };
  value?: { type: string; kind?: string; value?: unknown; range: [number, number] };
  body?: TomlAstNode[];
}

function tomlEdit(file: SourceFile, table: string, spdxId: string): TextEdit | undefined {
  const { text } = file;
  let ast: TomlAstNode;
  try {
    ast = parseTOML(text);
  } catch {
    return undefined;
  }
  // only a `[table]` header: a table of dotted keys or an inline table cannot take a new line
  const node = ast.body?.[0]?.body?.find((candidate) => candidate.type === 'TOMLTable' && candidate.kind === 'standard' && candidate.resolvedKey?.length === 1 && candidate.resolvedKey[0] === table);
  if (!node) return undefined;
  const entries = node.body ?? [];
  const keyOf = (entry: TomlAstNode) => (entry.key?.keys ?? []).map((part) => part.name ?? part.value ?? '');
  const license = entries.filter((entry) => keyOf(entry)[0] === 'license');
  if (license.length > 0) {
    const [only] = license;
    const blank = license.length === 1 && keyOf(only).length === 1 && only.value?.type === 'TOMLValue' && only.value.kind === 'string' && isBlank(only.value.value);
    return blank ? { file: file.path, span: { start: only.value!.range[0], end: only.value!.range[1] }, newText: JSON.stringify(spdxId) } : undefined;
  }
  const last = entries.at(-1);
  const at = lineEnd(text, (last ?? node).range[1]);
  const indent = last ? lineIndent(text, last.range[0]) : '';
  return { file: file.path, span: { start: at, end: at }, newText: `${lineEnding(text)}${indent}license = ${JSON.stringify(spdxId)}` };
}

function frontMatterEdit(file: SourceFile, hubId: string): TextEdit | undefined {
  const { text } = file;
  const eol = lineEnding(text);
  const { frontMatter } = parseFrontMatter(text);
  if (!frontMatter) {
    // after a byte-order mark, where a front matter is recognised
    const at = text.startsWith('\uFEFF') ? 1 : 0;
    return { file: file.path, span: { start: at, end: at }, newText: `---${eol}license: ${hubId}${eol}---${eol}${eol}` };
  }
  // prettyErrors quotes the source line in every error: quadratic on a long line with many errors
  const document = parseDocument(frontMatter.text, { uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) return undefined;
  const contents = document.contents;
  if (contents !== null && !(isMap(contents) && !contents.flow)) return undefined;
  const license = isMap(contents) ? (contents.items as Pair[]).filter((pair) => isScalar(pair.key) && pair.key.value === 'license') : [];
  if (license.length > 0) {
    const value = license[0].value as Scalar | null;
    if (value && !(isScalar(value) && isBlank(value.value))) return undefined;
    const base = frontMatter.span.start;
    if (value?.range && value.range[1] > value.range[0]) return { file: file.path, span: { start: base + value.range[0], end: base + value.range[1] }, newText: hubId };
    const colon = text.indexOf(':', base + (license[0].key as Scalar).range![1]);
    return { file: file.path, span: { start: colon + 1, end: colon + 1 }, newText: ` ${hubId}` };
  }
  const at = frontMatter.span.end;
  const afterLineBreak = at === 0 || text[at - 1] === '\n' || text[at - 1] === '\r';
  return { file: file.path, span: { start: at, end: at }, newText: afterLineBreak ? `license: ${hubId}${eol}` : `${eol}license: ${hubId}` };
}

/**
 * The edit that declares `spdxId` in a manifest, or undefined when this file
 * cannot take one (no `[project]` table, a parse error, a value already there).
 * `hubId` is the Hugging Face id used in front matter.
 */
export function manifestLicenseEdit(file: SourceFile, spdxId: string, hubId = spdxId.toLowerCase()): TextEdit | undefined {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  try {
    if (name === 'package.json') return packageJsonEdit(file, spdxId);
    if (name === 'pyproject.toml') return tomlEdit(file, 'project', spdxId);
    if (name === 'Cargo.toml') return tomlEdit(file, 'package', spdxId);
    if (/\.(?:md|markdown)$/iu.test(name)) return frontMatterEdit(file, hubId);
  } catch {
    // a file the parsers cannot take (nested too deep for their recursion): no fix, never a crash
  }
  return undefined;
}
