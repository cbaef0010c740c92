// Inserting a license into a manifest, in that file's own syntax and keeping
// its formatting: package.json (jsonc-parser's modify), pyproject.toml
// `[project]` and Cargo.toml `[package]` (a line after the table's last
// key, located with toml-eslint-parser), model-card front matter (a line
// at the end of the YAML).
import { modify, type FormattingOptions } from 'jsonc-parser';
import type { SourceFile, TextEdit } from '../types.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import { readToml } from '../declarations/tomlFields.js';

function detectIndent(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/mu.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function lineEnd(text: string, offset: number): number {
  const next = text.indexOf('\n', offset);
  return next < 0 ? text.length : next;
}

/** The table header `[name]` and the end of its last line, from the parsed file. */
function tomlTableEnd(text: string, table: string): number | undefined {
  const { fields } = readToml({ path: '', text });
  if (!fields) return undefined;
  let end: number | undefined;
  for (const [key, node] of fields) {
    if (key.startsWith(`${table}.`) && !key.slice(table.length + 1).includes('.')) end = Math.max(end ?? 0, node.range[1]);
  }
  return end === undefined ? undefined : lineEnd(text, end);
}

/**
 * The edit that declares `spdxId` in a manifest, or undefined when this file
 * cannot take one (no `[project]` table, a parse error, a value already there).
 * `hubId` is the Hugging Face id used in front matter.
 */
export function manifestLicenseEdit(file: SourceFile, spdxId: string, hubId = spdxId.toLowerCase()): TextEdit | undefined {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  if (name === 'package.json') {
    const edits = modify(file.text, ['license'], spdxId, { formattingOptions: detectIndent(file.text) });
    if (edits.length !== 1) return undefined;
    const [edit] = edits;
    return { file: file.path, span: { start: edit.offset, end: edit.offset + edit.length }, newText: edit.content };
  }
  if (name === 'pyproject.toml' || name === 'Cargo.toml') {
    const table = name === 'pyproject.toml' ? 'project' : 'package';
    const end = tomlTableEnd(file.text, table);
    if (end === undefined) return undefined;
    return { file: file.path, span: { start: end, end }, newText: `${eol}license = "${spdxId}"` };
  }
  if (/\.(?:md|markdown)$/iu.test(name)) {
    const { frontMatter } = parseMarkdown(file.text);
    if (!frontMatter) return { file: file.path, span: { start: 0, end: 0 }, newText: `---${eol}license: ${hubId}${eol}---${eol}${eol}` };
    const at = frontMatter.span.end;
    const afterLineBreak = at === 0 || file.text[at - 1] === '\n';
    return { file: file.path, span: { start: at, end: at }, newText: afterLineBreak ? `license: ${hubId}${eol}` : `${eol}license: ${hubId}` };
  }
  return undefined;
}
