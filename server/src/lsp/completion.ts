// Completion of license ids in license fields: SPDX ids in package.json,
// pyproject.toml, Cargo.toml and CITATION.cff; Hugging Face Hub ids (and SPDX)
// in model-card front matter. OSI-approved licenses first, Apache-2.0 and MIT
// at the top.
import { getLocation } from 'jsonc-parser';
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { allSpdxLicenses } from '../engine/licenses/spdxCatalog.js';
import { hfLicenses } from '../engine/licenses/licenseKnowledge.js';
import { parseFrontMatter } from '../engine/markdown/parseMarkdown.js';

type Field = 'spdx' | 'hub';

function fieldAt(document: TextDocument, position: Position): Field | undefined {
  const name = document.uri.slice(document.uri.lastIndexOf('/') + 1);
  const text = document.getText();
  const offset = document.offsetAt(position);
  const linePrefix = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  if (name === 'package.json' || name === 'codemeta.json') {
    const location = getLocation(text, offset);
    return !location.isAtPropertyKey && location.path[0] === 'license' && location.previousNode?.type === 'string' ? 'spdx' : undefined;
  }
  if (name === 'pyproject.toml' || name === 'Cargo.toml') return /^\s*license\s*=\s*"[^"]*$/u.test(linePrefix) ? 'spdx' : undefined;
  if (name === 'CITATION.cff') return /^\s*license:\s*["']?[\w.+-]*$/u.test(linePrefix) ? 'spdx' : undefined;
  if (/\.(?:md|markdown)$/iu.test(name) && /^license:\s*["']?[\w.+-]*$/u.test(linePrefix)) {
    return offset < parseFrontMatter(text).bodyStart ? 'hub' : undefined;
  }
  return undefined;
}

const preferred = ['Apache-2.0', 'MIT'];

function spdxItems(): CompletionItem[] {
  return [...allSpdxLicenses()].filter((license) => !license.deprecated).map((license) => ({
    label: license.id,
    kind: CompletionItemKind.Value,
    detail: `${license.name}${license.osiApproved ? ' · OSI-approved' : ' · not OSI-approved'}`,
    sortText: `${preferred.includes(license.id) ? '0' : license.osiApproved ? '1' : '2'}${license.id.toLowerCase()}`,
  }));
}

function hubItems(): CompletionItem[] {
  return hfLicenses.map((license) => ({
    label: license.id,
    kind: CompletionItemKind.Value,
    detail: `${license.name}${license.spdx ? ` (SPDX ${license.spdx})` : ''}`,
    sortText: `${preferred.map((id) => id.toLowerCase()).includes(license.id) ? '0' : license.kind === 'license' ? '1' : '2'}${license.id}`,
  }));
}

export function completion(document: TextDocument, position: Position): CompletionItem[] {
  const field = fieldAt(document, position);
  if (field === 'spdx') return spdxItems();
  if (field === 'hub') return hubItems();
  return [];
}
