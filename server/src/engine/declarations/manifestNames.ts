// The name a project gives itself in its manifest: `[project] name` or
// `[tool.poetry] name` of pyproject.toml, `[package] name` of Cargo.toml,
// `name` of package.json (without its `@scope/`). Used to tell the project's
// own program in a deployment file (`python -m fastserve.server`, the
// `org/fastserve` image) from a third-party one.
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import type { SourceFile } from '../types.js';
import { readToml, tomlString } from './tomlFields.js';

/** A program or package name compared loosely: lower case, `-`, `_` and `.` alike (PEP 503). */
export function normaliseProgramName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/gu, '-');
}

/** The package name a manifest declares, normalised, or undefined (no name, not a package manifest, unreadable). */
export function manifestPackageName(file: SourceFile): string | undefined {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  let declared: string | undefined;
  if (name === 'package.json') {
    const node = findNodeAtLocation(parseTree(file.text) ?? { type: 'null', offset: 0, length: 0 }, ['name']);
    declared = typeof node?.value === 'string' ? node.value.replace(/^@[^/]+\//u, '') : undefined;
  } else if (name === 'pyproject.toml' || name === 'Cargo.toml') {
    const { fields } = readToml(file);
    declared = name === 'Cargo.toml' ? tomlString(fields?.get('package.name')) : tomlString(fields?.get('project.name')) ?? tomlString(fields?.get('tool.poetry.name'));
  }
  const trimmed = declared?.trim();
  return trimmed ? normaliseProgramName(trimmed) : undefined;
}
