// Input generators for the property-based tests (test/fuzz.test.ts) and the
// fuzz script (scripts/fuzz.ts): one module, shared.
//
// A generated input is a *recipe* (plain data: "seed file X with these
// mutations", "`[` nested 10,000 deep", "a 150 KB line of `open source `"),
// and `renderText` turns it into the text the parser reads. Recipes keep
// counterexamples short and readable, and fast-check shrinks them (a smaller
// depth, fewer mutations) rather than megabytes of text.
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');

/** The kinds of text the parsers read. */
export type TextKind =
  | 'markdown'
  | 'prose'
  | 'front-matter'
  | 'package.json'
  | 'pyproject.toml'
  | 'Cargo.toml'
  | 'CITATION.cff'
  | 'codemeta.json'
  | 'license'
  | 'spdx'
  | 'config';

export type Mutation =
  /** Cut the text at `at` (modulo its length + 1). */
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  /** Insert `length` characters of another seed file, from `from`. */
  | { op: 'splice'; at: number; seed: string; from: number; length: number }
  | { op: 'duplicate-line'; line: number; times: number }
  /** Insert raw bytes into the UTF-8 encoding and decode it again (non-fatal, as the walk does): invalid UTF-8. */
  | { op: 'bytes'; at: number; bytes: number[] };

export type TextRecipe =
  | { type: 'random'; text: string }
  /** Random bytes decoded as the walk decodes a file (U+FFFD for invalid UTF-8). */
  | { type: 'bytes'; bytes: number[] }
  /** A real input (a file of test-fixtures/ or ../shared/corpus/, or a built-in sample), mutated. */
  | { type: 'seed'; seed: string; mutations: Mutation[] }
  /** Tokens of the format, in random order: near-valid syntax. */
  | { type: 'soup'; tokens: string[] }
  | { type: 'huge-line'; prefix: string; token: string; length: number; suffix: string }
  | { type: 'deep'; prefix: string; open: string; inner: string; close: string; depth: number; suffix: string }
  | { type: 'huge-array'; prefix: string; item: string; separator: string; count: number; suffix: string };

// ---------------------------------------------------------------------------
// Seeds: real inputs from the repository, plus small built-in samples.

const decoder = new TextDecoder('utf-8', { fatal: false });
const encoder = new TextEncoder();

function filesUnder(dir: string): string[] {
  // ../shared/corpus is beside every developer's clone and CI's; elsewhere the fixtures alone seed
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function kindOfFile(name: string): TextKind | 'json' | undefined {
  if (/\.(?:md|markdown)$/iu.test(name)) return 'markdown';
  if (name === 'package.json') return 'package.json';
  if (name === 'pyproject.toml') return 'pyproject.toml';
  if (name === 'Cargo.toml') return 'Cargo.toml';
  if (name === 'CITATION.cff') return 'CITATION.cff';
  if (name === 'codemeta.json') return 'codemeta.json';
  if (name === '.license-claims.json') return 'config';
  if (/^(?:licen[cs]e|copying|model[-_]?licen[cs]e)/iu.test(name)) return 'license';
  if (name.endsWith('.json')) return 'json';
  return undefined;
}

const builtInSeeds: Partial<Record<TextKind | 'json', string[]>> = {
  'prose': [
    'This is an open-source model released under the MIT License.',
    'Our fully open source LLM is licensed under the Apache License, Version 2.0.',
    'Built on open-source libraries; not open source itself. Thanks to the open source community!',
    'Das Modell ist quelloffen und steht unter der MIT-Lizenz. Ce modèle est open source, distribué sous la licence Apache 2.0.',
    'Un modelo de código abierto bajo la licencia MIT. Libre software, OSI-approved, open weights, MIT-licensed, GPLv3+.',
    'The weights are released under the Llama 3 Community License; the code is Apache-2.0 licensed.',
    '“open source” is a term; the "open-source" project [OpenCompass](https://x) is a tool. CC BY-NC-SA 4.0 for research purposes only.',
  ],
  'front-matter': [
    'license: mit\n',
    'license: other\nlicense_name: acme-model-license\nlicense_link: LICENSE\n',
    'license: llama3\nbase_model: meta-llama/Meta-Llama-3-8B\ndatasets:\n  - c4\n  - pile\n',
    'license:\n  - apache-2.0\n  - cc-by-nc-4.0\nbase_model:\n- a/b\n- c/d\ntags: [x, y]\n',
    'license: "Apache-2.0 OR MIT"\nlanguage: [en, de]\n? complex key\n: value\nanchors: &a {x: 1}\nalias: *a\n',
  ],
  'CITATION.cff': [
    'cff-version: 1.2.0\ntitle: X\nlicense: MIT\n',
    'cff-version: 1.2.0\nlicense:\n  - Apache-2.0\n  - MIT\nauthors:\n  - family-names: Doe\n',
  ],
  'codemeta.json': [
    '{"@context": "https://doi.org/10.5063/schema/codemeta-2.0", "license": "https://spdx.org/licenses/Apache-2.0", "description": "An open-source tool"}',
    '{"license": ["https://spdx.org/licenses/MIT.html", "GPL-3.0-or-later"], "description": "open source"}',
  ],
  'package.json': [
    '{"name": "x", "license": "MIT", "description": "An open-source library", "keywords": ["open source", "mit"]}',
    '{"license": {"type": "ISC"}, "licenses": [{"type": "MIT"}, "GPL-2.0"]}',
    '{"license": "SEE LICENSE IN LICENSE.txt"}',
  ],
  'pyproject.toml': [
    '[project]\nname = "x"\nlicense = "MIT"\ndescription = "open source"\nkeywords = ["open-source", "llm"]\n',
    '[project]\nlicense = {text = "Apache License 2.0"}\nclassifiers = ["License :: OSI Approved :: MIT License"]\nlicense-files = ["LICEN[CS]E*", "LICENSE"]\n',
    '[project]\nlicense = { file = "LICENSE" }\ndescription = """\nmulti\nline"""\n',
  ],
  'Cargo.toml': [
    '[package]\nname = "x"\nlicense = "MIT OR Apache-2.0"\ndescription = "An open-source crate"\nkeywords = ["open source"]\n',
    '[workspace.package]\nlicense-file = "LICENSE"\n[package]\nlicense = "GPL-2.0+"\n',
  ],
  'config': [
    '{"policy": "osi", "allow": ["MIT", "Apache-2.0 OR MIT"], "rules": {"claim-without-license": "off"}, "ignore": ["vendor/**"], "languages": ["en", "de"]}',
    '// comment\n{"$schema": "x", "policy": "custom", "allow": ["LicenseRef-x",],}',
  ],
  'license': [
    'MIT License\n\nCopyright (c) <year> <copyright holders>\n\nPermission is hereby granted, free of charge, to any person obtaining a copy',
    'Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance with the License.',
  ],
};

const spdxSamples = [
  'MIT', 'Apache-2.0', 'Apache-2.0 OR MIT', 'MIT AND CC-BY-NC-4.0', '(MIT OR Apache-2.0) AND BSD-3-Clause', 'GPL-2.0+',
  'GPL-2.0-or-later WITH Classpath-exception-2.0', 'LicenseRef-Acme', 'DocumentRef-x:LicenseRef-y', 'GPL-2.0', 'LGPL-2.1',
  'apache 2', 'Apache License 2.0', 'mit', 'UNLICENSED', 'proprietary', 'SEE LICENSE IN LICENSE.md', 'other', 'llama3',
  'llama3.1', 'openrail++', 'cc-by-nc-4.0', 'bigscience-openrail-m', 'gemma', 'unknown', 'AGPL-3.0', 'BSD', 'GPLv3',
  'Llama 3 Community License', 'Apache-2.0 WITH LLVM-exception', 'MIT OR (GPL-3.0-only AND Apache-2.0)', '(((MIT)))', 'MIT+',
];

let seedCache: Map<TextKind, string[]> | undefined;
const seedTexts = new Map<string, string>();

function loadSeeds(): Map<TextKind, string[]> {
  if (seedCache) return seedCache;
  const byKind = new Map<TextKind | 'json', string[]>();
  const add = (kind: TextKind | 'json', name: string, text: string) => {
    seedTexts.set(name, text);
    byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
  };
  const files = [...filesUnder(join(repoRoot, 'test-fixtures')), ...filesUnder(join(repoRoot, '..', 'shared', 'corpus'))]
    .map((path) => relative(repoRoot, path).split('\\').join('/'))
    .sort();
  for (const path of files) {
    const kind = kindOfFile(path.slice(path.lastIndexOf('/') + 1));
    if (!kind) continue;
    const text = readFileSync(join(repoRoot, path), 'utf8');
    add(kind, path, text);
    // a model card's front matter is a seed for the front-matter reader
    const frontMatter = kind === 'markdown' ? /^---\r?\n([\s\S]*?)\r?\n---/u.exec(text) : null;
    if (frontMatter) add('front-matter', `${path}#front-matter`, frontMatter[1]);
  }
  for (const [kind, texts] of Object.entries(builtInSeeds)) {
    texts.forEach((text, index) => add(kind as TextKind, `built-in:${kind}:${index}`, text));
  }
  spdxSamples.forEach((text, index) => add('spdx', `built-in:spdx:${index}`, text));
  const json = byKind.get('json') ?? [];
  const of = (...kinds: (TextKind | 'json')[]) => [...new Set(kinds.flatMap((kind) => byKind.get(kind) ?? []))];
  seedCache = new Map<TextKind, string[]>([
    ['markdown', of('markdown')],
    ['prose', of('prose', 'markdown')],
    ['front-matter', of('front-matter', 'CITATION.cff')],
    ['package.json', [...of('package.json', 'codemeta.json'), ...json.slice(0, 20)]],
    ['pyproject.toml', of('pyproject.toml', 'Cargo.toml')],
    ['Cargo.toml', of('Cargo.toml', 'pyproject.toml')],
    ['CITATION.cff', of('CITATION.cff', 'front-matter')],
    ['codemeta.json', [...of('codemeta.json', 'package.json'), ...json.slice(0, 20)]],
    ['license', of('license')],
    ['spdx', of('spdx')],
    ['config', [...of('config'), ...json.slice(0, 10)]],
  ]);
  return seedCache;
}

/** The seed files of a kind, by name (a repository-relative path or `built-in:…`). */
export function seedsOf(kind: TextKind): string[] {
  return loadSeeds().get(kind) ?? [];
}

export function seedText(name: string): string {
  loadSeeds();
  const text = seedTexts.get(name);
  if (text === undefined) throw new Error(`no seed ${name}`);
  return text;
}

// ---------------------------------------------------------------------------
// Rendering recipes into text.

function applyMutation(text: string, mutation: Mutation): string {
  const at = 'at' in mutation ? mutation.at % (text.length + 1) : 0;
  switch (mutation.op) {
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + mutation.length);
    case 'insert':
      return text.slice(0, at) + mutation.text + text.slice(at);
    case 'splice': {
      const other = seedText(mutation.seed);
      const from = mutation.from % (other.length + 1);
      return text.slice(0, at) + other.slice(from, from + mutation.length) + text.slice(at);
    }
    case 'duplicate-line': {
      const lines = text.split('\n');
      const index = mutation.line % lines.length;
      lines.splice(index, 0, ...Array<string>(mutation.times).fill(lines[index]));
      return lines.join('\n');
    }
    case 'bytes': {
      const bytes = encoder.encode(text);
      const position = mutation.at % (bytes.length + 1);
      const mutated = new Uint8Array(bytes.length + mutation.bytes.length);
      mutated.set(bytes.subarray(0, position));
      mutated.set(mutation.bytes, position);
      mutated.set(bytes.subarray(position), position + mutation.bytes.length);
      return decoder.decode(mutated);
    }
  }
}

function repeatTo(token: string, length: number): string {
  if (token === '') return '';
  return token.repeat(Math.ceil(length / token.length)).slice(0, length);
}

export function renderText(recipe: TextRecipe): string {
  switch (recipe.type) {
    case 'random':
      return recipe.text;
    case 'bytes':
      return decoder.decode(Uint8Array.from(recipe.bytes));
    case 'seed':
      return recipe.mutations.reduce(applyMutation, seedText(recipe.seed));
    case 'soup':
      return recipe.tokens.join('');
    case 'huge-line':
      return recipe.prefix + repeatTo(recipe.token, recipe.length) + recipe.suffix;
    case 'deep':
      return recipe.prefix + recipe.open.repeat(recipe.depth) + recipe.inner + recipe.close.repeat(recipe.depth) + recipe.suffix;
    case 'huge-array':
      return recipe.prefix + Array<string>(recipe.count).fill(recipe.item).join(recipe.separator) + recipe.suffix;
  }
}

/** A one-line description of a recipe for reports (the slowest input, a failure). */
export function describeRecipe(recipe: TextRecipe): string {
  const short = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  switch (recipe.type) {
    case 'random':
      return `random text ${short(recipe.text)} (${recipe.text.length} chars)`;
    case 'bytes':
      return `${recipe.bytes.length} random bytes`;
    case 'seed':
      return `${recipe.seed} with ${recipe.mutations.length} mutation(s)${recipe.mutations.length ? ` (${recipe.mutations.map((mutation) => mutation.op).join(', ')})` : ''}`;
    case 'soup':
      return `${recipe.tokens.length} tokens`;
    case 'huge-line':
      return `a ${recipe.length}-char line of ${short(recipe.token)} after ${short(recipe.prefix)}`;
    case 'deep':
      return `${short(recipe.open)} nested ${recipe.depth} deep after ${short(recipe.prefix)}`;
    case 'huge-array':
      return `${recipe.count} × ${short(recipe.item)} after ${short(recipe.prefix)}`;
  }
}

// ---------------------------------------------------------------------------
// Arbitraries.

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const nastyChar = fc.constantFrom('\u0000', '\uFEFF', '\uFFFD', '\r', '\n', '\r\n', '\t', '\u2028', '\u00a0', '\u200b', '\\', '"', "'", '`', '\u{1F600}', '\u0301');

/** Arbitrary strings: ASCII, any code point, grapheme clusters, lone surrogates, control characters. */
export function anyString(maxLength = 300): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), loneSurrogate, nastyChar), maxLength }),
  );
}

/** Tokens each format is built of: the soup generator strings them together. */
const commonTokens = ['\n', '\r\n', ' ', '  ', '\t', '\u0000', '\uFEFF', '\uD800', '\uDC00', 'x', '1', '"', "'", '\\', ':', ',', '.', '-', '#'];
const proseTokens = [
  'open source', 'open-source', 'Open Source', 'fully open', 'open weights', 'open-weight', 'free software', 'libre', 'OSI-approved', 'quelloffen',
  'Open-Source-Modell', 'código abierto', 'logiciel libre', 'not', 'non-', "isn't", 'nicht', 'pas', 'no es', 'model', 'weights', 'LLM', 'library', 'libraries',
  'community', 'built on', 'thanks to', 'released under the', 'licensed under', 'Licensed under the terms of the', 'MIT', 'MIT-licensed', 'Apache', 'Apache License',
  'Version 2.0', 'Apache-2.0', 'GPL', 'GPLv3', 'GPL-3.0-or-later', 'or later', 'LGPL', 'AGPL', 'BSD 3-Clause', 'CC BY-NC-SA 4.0', 'Creative Commons Attribution',
  'NonCommercial', 'ShareAlike', 'Llama 3 Community License', 'Gemma Terms of Use', 'OpenRAIL', 'Acme Model License', 'Community License Agreement', 'License',
  'licence', 'steht unter der', 'MIT-Lizenz', 'sous la licence', 'bajo la licencia', 'for research purposes only', 'non-commercial use', '“', '”', '„', '«', '»',
  '(', ')', '[', ']', '!', '?', ';', '—', '•', '|', 'the', 'a', 'our', 'this', 'is', 'and', 'or',
];
const markdownTokens = [
  ...proseTokens, '# ', '## License', '## Third-party', '### Acknowledgements', '---\n', '***', '> ', '- ', '* ', '1. ', '```', '~~~', '    ', '`', '**', '_',
  '[', '](', ')', '![', '](https://img.shields.io/badge/license-MIT-blue.svg)', '[license]: https://ai.google.dev/gemma/terms', '<!--', '-->',
  '<!-- license-claims-disable-next-line -->', '<!-- license-claims-disable claim-non-osi-license -->', '<!-- license-claims-enable -->', '<a href="', '">', '</a>',
  '<img src="https://img.shields.io/badge/License-Apache_2.0-blue">', '<div>', '</div>', '<details>', '| a | b |', '|---|---|', '[^1]', '[^1]: ', '\\', '&amp;', '&#0;',
  'license: mit\n', 'base_model: meta-llama/Llama-2-7b\n', 'license: other\nlicense_name: x\n', '---\nlicense: llama3\n---\n', '$$', '<https://x>', 'www.example.com',
];
const jsonTokens = [
  '{', '}', '[', ']', ':', ',', '"', '"license"', '"licenses"', '"type"', '"description"', '"keywords"', '"MIT"', '"Apache-2.0 OR MIT"', '"GPL-2.0"',
  '"SEE LICENSE IN LICENSE"', '"UNLICENSED"', '"https://spdx.org/licenses/MIT"', '"open source"', '"\\u0041"', '"\\n"', '"\\"', 'true', 'null', '-1e999', '0',
  '//', '/*', '*/', '"policy"', '"osi"', '"allow"', '"rules"', '"ignore"', '"languages"', '"en"', '"claim-without-license"', '"off"', '"$schema"', '"__proto__"', '"constructor"',
];
const tomlTokens = [
  '[project]', '[package]', '[workspace.package]', '[[bin]]', '[', ']', '{', '}', '=', ',', '.', 'license', 'license-file', 'license-files', 'text', 'file',
  'classifiers', 'keywords', 'description', '"MIT"', '"MIT OR Apache-2.0"', "'GPL-2.0+'", '"""', "'''", '"License :: OSI Approved :: MIT License"',
  '"License :: Other/Proprietary License"', '"open source"', '"\\u0041"', '"\\U0001F600"', '"\\"', '1979-05-27T07:32:00Z', '0x1F', 'inf', 'nan', 'true', '#',
  'project.license', '"project"', '\\\n',
];
const yamlTokens = [
  'license', 'license_name', 'license_link', 'base_model', 'datasets', ':', ': ', '- ', '  ', '    ', '? ', '|', '>-', '&a ', '*a', '!!str ', '!!binary ', '!tag ',
  '{', '}', '[', ']', ',', '"', "'", 'mit', 'apache-2.0', 'other', 'llama3', 'openrail++', 'MIT', 'null', '~', '---', '...', '%YAML 1.2', '%TAG ! tag:x,2000:', '#', '<<: *a',
  'cff-version: 1.2.0', 'a/b',
];
const licenseTokens = [
  ...proseTokens, 'Permission is hereby granted, free of charge,', 'THE SOFTWARE IS PROVIDED "AS IS"', 'Copyright (c) 2024', 'All rights reserved.',
  'Redistribution and use in source and binary forms', 'you may not use this file except in compliance with the License.', 'GNU GENERAL PUBLIC LICENSE',
  'Version 3, 29 June 2007', 'monthly active users', 'acceptable use policy', 'must display', 'SPDX-License-Identifier: MIT', '<year>', '<copyright holders>',
  'https://www.apache.org/licenses/LICENSE-2.0', '&',
];
const spdxTokens = [
  'MIT', 'Apache-2.0', 'GPL-2.0', 'GPL-3.0-only', 'LGPL-2.1', 'BSD-3-Clause', 'CC-BY-NC-4.0', 'LicenseRef-', 'DocumentRef-', ':', '+', ' ', 'AND', 'OR', 'WITH', 'and', 'or',
  'with', '(', ')', 'Classpath-exception-2.0', 'LLVM-exception', 'llama3', 'other', 'SEE LICENSE IN ', 'UNLICENSED', '-', '.', 'v', '2', 'apache', 'license', 'NOASSERTION', 'NONE',
];

const tokensOf: Record<TextKind, string[]> = {
  'markdown': markdownTokens,
  'prose': proseTokens,
  'front-matter': yamlTokens,
  'package.json': jsonTokens,
  'pyproject.toml': tomlTokens,
  'Cargo.toml': tomlTokens,
  'CITATION.cff': yamlTokens,
  'codemeta.json': jsonTokens,
  'license': licenseTokens,
  'spdx': spdxTokens,
  'config': jsonTokens,
};

/** Tokens that make long lines hard for regular expressions (backtracking, quadratic scans). */
export const hugeLineTokens = [
  'a', ' ', '-', '.', 'A ', 'A-', 'open ', 'open source ', 'open-source ', 'not ', 'the ', 'MIT ', 'MIT-', 'GPL-', 'GPL ', 'Apache ', 'License ', 'Licensed under ',
  'released under the ', 'Creative Commons Attribution ', 'Non-Commercial ', 'CC BY ', 'CC-BY-NC-', 'Community ', 'X Community License ', '"', '“', '(', '[', '*', '_', '`',
  '<', '\\', '|', '\u0000', '\uD800', '\t', '1.', '0.', 'ab1 ', 'https://', 'licensed ', 'GNU General Public License ', 'Lesser General Public License, version 2.1 or ',
];

interface Wrapper {
  prefix: string;
  suffix: string;
}
const plain: Wrapper = { prefix: '', suffix: '' };
export const wrappersOf: Record<TextKind, Wrapper[]> = {
  'markdown': [plain, { prefix: '# ', suffix: '\n' }, { prefix: '## License\n\n', suffix: '\n' }, { prefix: '---\nlicense: ', suffix: '\n---\nopen source\n' }, { prefix: '| ', suffix: ' |\n|---|\n' }, { prefix: '[', suffix: '](https://x)' }, { prefix: '<!-- ', suffix: ' -->' }],
  'prose': [plain, { prefix: 'This open-source model is released under the ', suffix: '.' }],
  'front-matter': [{ prefix: 'license: ', suffix: '\n' }, { prefix: 'license_name: ', suffix: '\nlicense: other\n' }, { prefix: 'base_model: ', suffix: '' }, { prefix: 'license: "', suffix: '"' }],
  'package.json': [{ prefix: '{"description": "', suffix: '"}' }, { prefix: '{"license": "', suffix: '"}' }, { prefix: '{"keywords": ["', suffix: '"]}' }, plain],
  'pyproject.toml': [{ prefix: '[project]\ndescription = "', suffix: '"\n' }, { prefix: '[project]\nlicense = {text = "', suffix: '"}\n' }, { prefix: '[project]\nlicense = "', suffix: '"\n' }, { prefix: '# ', suffix: '' }],
  'Cargo.toml': [{ prefix: '[package]\ndescription = "', suffix: '"\n' }, { prefix: '[package]\nlicense = "', suffix: '"\n' }, { prefix: '[package]\nkeywords = ["', suffix: '"]\n' }],
  'CITATION.cff': [{ prefix: 'license: ', suffix: '\n' }, { prefix: 'license:\n  - "', suffix: '"\n' }, { prefix: 'title: ', suffix: '\nlicense: MIT\n' }],
  'codemeta.json': [{ prefix: '{"license": "https://spdx.org/licenses/', suffix: '"}' }, { prefix: '{"description": "', suffix: '"}' }, { prefix: '{"license": ["', suffix: '"]}' }],
  'license': [plain, { prefix: 'Licensed under the ', suffix: '' }, { prefix: 'MIT License\n\nCopyright (c) ', suffix: '\n\nPermission is hereby granted, free of charge' }],
  'spdx': [plain, { prefix: 'MIT OR ', suffix: '' }, { prefix: 'SEE LICENSE IN ', suffix: '' }, { prefix: 'LicenseRef-', suffix: '' }],
  'config': [{ prefix: '{"allow": ["', suffix: '"]}' }, { prefix: '{"ignore": ["', suffix: '"]}' }, { prefix: '{"policy": "', suffix: '"}' }, { prefix: '// ', suffix: '\n{}' }],
};

interface Nesting {
  prefix: string;
  open: string;
  inner: string;
  close: string;
  suffix: string;
}
const jsonNestings: Nesting[] = [
  { prefix: '', open: '[', inner: '"MIT"', close: ']', suffix: '' },
  { prefix: '{"license": ', open: '{"type": ', inner: '"MIT"', close: '}', suffix: '}' },
  { prefix: '{"keywords": ', open: '[', inner: '"open source"', close: ']', suffix: '}' },
  { prefix: '', open: '{"a":', inner: '1', close: '}', suffix: '' },
  { prefix: '{"license": "MIT", "x": ', open: '[', inner: '', close: '', suffix: '' },
];
const tomlNestings: Nesting[] = [
  { prefix: '[project]\nlicense = ', open: '[', inner: '"MIT"', close: ']', suffix: '\n' },
  { prefix: '[package]\nlicense = ', open: '{a = ', inner: '"MIT"', close: '}', suffix: '\n' },
  { prefix: '[project]\nlicense = ', open: '{text = ', inner: '"MIT"', close: '}', suffix: '\n' },
  { prefix: '[', open: 'a.', inner: 'b', close: '', suffix: ']\nlicense = "MIT"\n' },
  { prefix: 'x = ', open: '[', inner: '', close: '', suffix: '' },
];
const yamlNestings: Nesting[] = [
  { prefix: 'license: ', open: '[', inner: 'mit', close: ']', suffix: '\n' },
  { prefix: 'license: ', open: '{a: ', inner: 'mit', close: '}', suffix: '\n' },
  { prefix: 'x: ', open: '- ', inner: 'a', close: '', suffix: '\nlicense: mit\n' },
  { prefix: 'license: ', open: '[', inner: '', close: '', suffix: '' },
  { prefix: '', open: '? ', inner: 'a', close: '', suffix: '\n' },
];
export const nestingsOf: Record<TextKind, Nesting[]> = {
  'markdown': [
    { prefix: '', open: '> ', inner: 'This is open source.', close: '', suffix: '\n' },
    { prefix: '', open: '- ', inner: 'open-source model', close: '', suffix: '\n' },
    { prefix: '', open: '*', inner: 'open source', close: '*', suffix: '' },
    { prefix: '', open: '[', inner: 'open source', close: '](x)', suffix: '' },
    { prefix: '', open: '<div>', inner: 'open source', close: '</div>', suffix: '' },
    { prefix: '', open: '<!--', inner: ' x ', close: '-->', suffix: '' },
    ...yamlNestings.map((nesting) => ({ ...nesting, prefix: `---\n${nesting.prefix}`, suffix: `${nesting.suffix}\n---\nAn open-source model.\n` })),
  ],
  'prose': [
    { prefix: '', open: '(', inner: 'open source', close: ')', suffix: '' },
    { prefix: '', open: '"', inner: 'open source', close: '"', suffix: '' },
  ],
  'front-matter': yamlNestings,
  'package.json': jsonNestings,
  'pyproject.toml': tomlNestings,
  'Cargo.toml': tomlNestings,
  'CITATION.cff': yamlNestings,
  'codemeta.json': jsonNestings,
  'license': [{ prefix: '', open: '(', inner: 'MIT', close: ')', suffix: '' }, { prefix: 'Licensed under the ', open: '<', inner: 'x', close: '>', suffix: '' }],
  'spdx': [
    { prefix: '', open: '(', inner: 'MIT', close: ')', suffix: '' },
    { prefix: '', open: 'MIT AND (', inner: 'MIT', close: ')', suffix: '' },
    { prefix: '', open: 'MIT OR ', inner: 'MIT', close: '', suffix: '' },
    { prefix: '', open: '(', inner: '', close: '', suffix: '' },
  ],
  'config': jsonNestings.map((nesting) => ({ ...nesting, prefix: `{"allow": ${nesting.prefix}`, suffix: `${nesting.suffix}}` })),
};

interface ArrayShape {
  prefix: string;
  item: string;
  separator: string;
  suffix: string;
}
export const arraysOf: Record<TextKind, ArrayShape[]> = {
  'markdown': [
    { prefix: '', item: '- open source', separator: '\n', suffix: '\n' },
    { prefix: '| a |\n|---|\n', item: '| released under the MIT License |', separator: '\n', suffix: '\n' },
    { prefix: '', item: '[MIT](https://opensource.org/licenses/MIT) ![License](https://img.shields.io/badge/license-MIT-blue)', separator: ' ', suffix: '' },
    { prefix: '---\nlicense:\n', item: '- mit', separator: '\n', suffix: '\n---\nopen source\n' },
    { prefix: '', item: '<!-- license-claims-disable-next-line -->\nopen source', separator: '\n', suffix: '' },
    { prefix: '', item: '# License', separator: '\n', suffix: '' },
  ],
  'prose': [{ prefix: '', item: 'open source', separator: ', ', suffix: '' }, { prefix: '', item: 'MIT-licensed', separator: ' ', suffix: '' }, { prefix: '', item: '“open source”', separator: ' ', suffix: '' }],
  'front-matter': [{ prefix: 'license:\n', item: '- mit', separator: '\n', suffix: '\n' }, { prefix: 'base_model: [', item: 'a/b', separator: ', ', suffix: ']' }, { prefix: '', item: 'license: mit', separator: '\n', suffix: '' }],
  'package.json': [{ prefix: '{"keywords": [', item: '"open source"', separator: ',', suffix: ']}' }, { prefix: '{"licenses": [', item: '{"type": "MIT"}', separator: ',', suffix: ']}' }, { prefix: '{', item: '"license": "MIT"', separator: ',', suffix: '}' }],
  'pyproject.toml': [{ prefix: '[project]\nclassifiers = [', item: '"License :: OSI Approved :: MIT License"', separator: ',\n', suffix: ']\n' }, { prefix: '[project]\nlicense-files = [', item: '"LICENSE"', separator: ',', suffix: ']\n' }, { prefix: '', item: '[a]\nx = 1', separator: '\n', suffix: '' }],
  'Cargo.toml': [{ prefix: '[package]\nkeywords = [', item: '"open source"', separator: ',', suffix: ']\n' }, { prefix: '', item: '[[bin]]\nname = "x"', separator: '\n', suffix: '' }],
  'CITATION.cff': [{ prefix: 'license:\n', item: '  - MIT', separator: '\n', suffix: '\n' }, { prefix: 'authors:\n', item: '  - name: x', separator: '\n', suffix: '\nlicense: MIT\n' }],
  'codemeta.json': [{ prefix: '{"license": [', item: '"https://spdx.org/licenses/MIT"', separator: ',', suffix: ']}' }, { prefix: '{"description": "x", "keywords": [', item: '"x"', separator: ',', suffix: ']}' }],
  'license': [{ prefix: 'MIT License\n\n', item: 'Permission is hereby granted, free of charge', separator: '\n', suffix: '' }, { prefix: '', item: 'Licensed under the MIT License.', separator: ' ', suffix: '' }],
  'spdx': [{ prefix: '', item: 'MIT', separator: ' OR ', suffix: '' }, { prefix: '', item: 'Apache-2.0', separator: ' AND ', suffix: '' }, { prefix: '', item: 'GPL-2.0+ WITH Classpath-exception-2.0', separator: ' OR ', suffix: '' }],
  'config': [{ prefix: '{"allow": [', item: '"MIT"', separator: ',', suffix: ']}' }, { prefix: '{"ignore": [', item: '"vendor/**"', separator: ',', suffix: ']}' }, { prefix: '{"rules": {', item: '"claim-without-license": "off"', separator: ',', suffix: '}}' }],
};

function mutationArbitrary(kind: TextKind): fc.Arbitrary<Mutation> {
  const position = fc.nat();
  const tokens = fc.constantFrom(...tokensOf[kind], ...commonTokens);
  return fc.oneof(
    fc.record({ op: fc.constant('truncate' as const), at: position }),
    fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 200 }) }),
    fc.record({ op: fc.constant('insert' as const), at: position, text: fc.oneof(tokens, anyString(40), fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uFFFD', '\uFEFF')) }),
    fc.record({ op: fc.constant('splice' as const), at: position, seed: fc.constantFrom(...seedsOf(kind)), from: position, length: fc.integer({ min: 1, max: 400 }) }),
    fc.record({ op: fc.constant('duplicate-line' as const), line: position, times: fc.integer({ min: 1, max: 60 }) }),
    fc.record({ op: fc.constant('bytes' as const), at: position, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
  );
}

export interface TextOptions {
  /**
   * Weight of each of the three heavy kinds of input (100 KB+ lines, nesting up to 20,000 deep, arrays
   * of thousands), against 2,200 for the others: 3 (the default) makes 0.4 % of the inputs heavy, 30
   * makes 4 %; 0 none.
   */
  heavyWeight?: number;
}

/** Inputs for a parser of `kind`: random text, random bytes, mutated real inputs, token soups, and the heavy ones. */
export function textRecipe(kind: TextKind, options: TextOptions = {}): fc.Arbitrary<TextRecipe> {
  const heavy = options.heavyWeight ?? 3;
  const tokens = fc.constantFrom(...tokensOf[kind], ...commonTokens);
  const choices: fc.WeightedArbitrary<TextRecipe>[] = [
    { weight: 400, arbitrary: fc.record({ type: fc.constant('random' as const), text: anyString() }) },
    { weight: 200, arbitrary: fc.record({ type: fc.constant('bytes' as const), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 400 }) }) },
    { weight: 1000, arbitrary: fc.record({ type: fc.constant('seed' as const), seed: fc.constantFrom(...seedsOf(kind)), mutations: fc.array(mutationArbitrary(kind), { maxLength: 5 }) }) },
    { weight: 600, arbitrary: fc.record({ type: fc.constant('soup' as const), tokens: fc.array(fc.oneof({ weight: 6, arbitrary: tokens }, { weight: 1, arbitrary: anyString(8) }), { maxLength: 120 }) }) },
  ];
  if (heavy > 0) {
    choices.push(
      {
        weight: heavy,
        arbitrary: fc.record({
          type: fc.constant('huge-line' as const),
          wrapper: fc.constantFrom(...wrappersOf[kind]),
          token: fc.oneof(fc.constantFrom(...hugeLineTokens), anyString(6).filter((text) => text.length > 0)),
          length: fc.integer({ min: 100_000, max: 250_000 }),
        }).map(({ wrapper, token, length }): TextRecipe => ({ type: 'huge-line', prefix: wrapper.prefix, token, length, suffix: wrapper.suffix })),
      },
      {
        weight: heavy,
        arbitrary: fc.record({
          type: fc.constant('deep' as const),
          nesting: fc.constantFrom(...nestingsOf[kind]),
          depth: fc.oneof(fc.constant(10_000), fc.integer({ min: 1, max: 20_000 })),
        }).map(({ nesting, depth }): TextRecipe => ({ type: 'deep', ...nesting, depth })),
      },
      {
        weight: heavy,
        // thousands of entries, up to 20,000 or 300,000 characters
        arbitrary: fc.constantFrom(...arraysOf[kind]).chain((shape) =>
          fc.integer({ min: 500, max: Math.max(500, Math.min(20_000, Math.floor(300_000 / (shape.item.length + shape.separator.length)))) })
            .map((count): TextRecipe => ({ type: 'huge-array', ...shape, count }))),
      },
    );
  }
  return fc.oneof(...choices);
}

// ---------------------------------------------------------------------------
// Small workspaces for the whole `audit()`.

export interface WorkspaceFileRecipe {
  path: string;
  recipe: TextRecipe;
}

export interface ConfigRecipe {
  policy?: 'osi' | 'cncf' | 'apache-mit' | 'custom';
  allow?: string[];
  rules?: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  languages?: ('en' | 'de' | 'fr' | 'es')[];
}

export interface WorkspaceRecipe {
  files: WorkspaceFileRecipe[];
  config: ConfigRecipe;
}

const workspaceFolders = ['', 'sub', 'sub/deeper', 'models/llama', 'packages/a'];
const workspaceNames: [string, TextKind][] = [
  ['README.md', 'markdown'], ['model-card.md', 'markdown'], ['docs.md', 'markdown'], ['README_EN.md', 'markdown'],
  ['package.json', 'package.json'], ['pyproject.toml', 'pyproject.toml'], ['Cargo.toml', 'Cargo.toml'], ['CITATION.cff', 'CITATION.cff'],
  ['codemeta.json', 'codemeta.json'], ['LICENSE', 'license'], ['LICENSE-MODEL', 'license'], ['COPYING', 'license'], ['LICENSE.txt', 'license'],
];

export function workspaceRecipe(ruleIds: readonly string[], options: TextOptions = {}): fc.Arbitrary<WorkspaceRecipe> {
  const file = fc.tuple(fc.constantFrom(...workspaceFolders), fc.constantFrom(...workspaceNames)).chain(([folder, [name, kind]]) =>
    textRecipe(kind, options).map((recipe): WorkspaceFileRecipe => ({ path: folder === '' ? name : `${folder}/${name}`, recipe })),
  );
  const config: fc.Arbitrary<ConfigRecipe> = fc.record({
    policy: fc.constantFrom('osi' as const, 'cncf' as const, 'apache-mit' as const, 'custom' as const),
    allow: fc.array(fc.constantFrom('MIT', 'Apache-2.0', 'LicenseRef-Llama-3-Community-License', 'GPL-3.0-only OR MIT', 'CC-BY-NC-4.0'), { maxLength: 3 }),
    rules: fc.dictionary(fc.constantFrom(...ruleIds), fc.constantFrom('off' as const, 'info' as const, 'warning' as const, 'error' as const), { maxKeys: 3 }),
    languages: fc.subarray(['en', 'de', 'fr', 'es'] as ('en' | 'de' | 'fr' | 'es')[]),
  }, { requiredKeys: [] });
  return fc.record({ files: fc.uniqueArray(file, { minLength: 1, maxLength: 7, selector: (entry) => entry.path }), config });
}
