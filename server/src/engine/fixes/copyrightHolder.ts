// Who to name in a new LICENSE file's copyright line: the authors a manifest
// of the project declares (package.json `author`, pyproject.toml and
// Cargo.toml `authors`, CITATION.cff `authors`, codemeta.json `author`).
// Read as data; undefined when no manifest names anyone.
import { parse as parseJsonc } from 'jsonc-parser';
import type { SourceFile } from '../types.js';

const maxNames = 3;

/** "Ada Lovelace <ada@example.org> (https://…)" → "Ada Lovelace". */
const personName = (text: string) => text.replace(/<[^>]*>|\([^)]*\)/gu, '').replace(/\s+/gu, ' ').trim();

function jsonPeople(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((person: unknown) => {
    if (typeof person === 'string') return [personName(person)];
    if (person && typeof person === 'object') {
      const { name, givenName, familyName } = person as Record<string, unknown>;
      if (typeof name === 'string') return [personName(name)];
      const parts = [givenName, familyName].filter((part): part is string => typeof part === 'string');
      if (parts.length > 0) return [parts.join(' ')];
    }
    return [];
  });
}

/** The `authors` array of a TOML table (`[project]`, `[package]`, `[tool.poetry]`): its inline-table `name`s or its strings. */
function tomlAuthors(text: string, tables: string[]): string[] {
  for (const table of tables) {
    const header = new RegExp(`^\\[${table.replace(/\./gu, '\\.')}\\]\\s*$`, 'mu').exec(text);
    if (!header) continue;
    const body = text.slice(header.index + header[0].length).split(/^\[/mu)[0];
    const authors = /^authors\s*=\s*\[([^]*?)\]\s*$/mu.exec(body)?.[1];
    if (!authors) continue;
    const names = [...authors.matchAll(/name\s*=\s*"([^"]+)"/gu)].map((match) => match[1]);
    if (names.length > 0) return names.map(personName);
    return [...authors.matchAll(/"([^"]+)"/gu)].map((match) => personName(match[1]));
  }
  return [];
}

function citationAuthors(text: string): string[] {
  const section = /^authors:\s*\n((?:[ \t]+.*\n?|-.*\n?)*)/mu.exec(text)?.[1] ?? '';
  return section.split(/^\s*-\s*/mu).slice(1).flatMap((entry) => {
    const field = (key: string) => new RegExp(`(?:^|\\n)\\s*${key}:\\s*["']?([^"'\\n]+)`, 'u').exec(entry)?.[1]?.trim();
    const name = field('name') ?? [field('given-names'), field('family-names')].filter(Boolean).join(' ');
    return name ? [name] : [];
  });
}

function authorsOf(file: SourceFile): string[] {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  try {
    if (name === 'package.json') return jsonPeople((parseJsonc(file.text) as Record<string, unknown> | undefined)?.author);
    if (name === 'codemeta.json') return jsonPeople((parseJsonc(file.text) as Record<string, unknown> | undefined)?.author);
  } catch {
    return [];
  }
  if (name === 'pyproject.toml') return tomlAuthors(file.text, ['project', 'tool.poetry']);
  if (name === 'Cargo.toml') return tomlAuthors(file.text, ['package', 'workspace.package']);
  if (name === 'CITATION.cff') return citationAuthors(file.text);
  return [];
}

export function copyrightHolder(manifests: readonly SourceFile[]): string | undefined {
  for (const manifest of manifests) {
    const names = [...new Set(authorsOf(manifest).filter((name) => name.length > 0 && name.length <= 100))];
    if (names.length === 0) continue;
    return names.length > maxNames ? `${names.slice(0, maxNames).join(', ')} and contributors` : names.join(', ');
  }
  return undefined;
}
