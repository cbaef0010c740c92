// Properties of every quick fix, on every fixture of test-fixtures/ and on
// generated manifests (package.json, pyproject.toml, Cargo.toml, model-card
// front matter) with random formatting: indentation, CRLF, comments, key
// order, existing or missing license fields, unicode. For each fix:
//   (a) each edited file still parses with a real parser (JSON.parse,
//       toml-eslint-parser, yaml), and with the engine's own readers;
//   (b) applied as the language server sends it (a WorkspaceEdit, applied by
//       vscode-languageserver-textdocument), nothing outside the edited ranges
//       changes, byte for byte, and no line-ending style is introduced;
//   (c) the finding it targets is gone when the files are judged again (for
//       "Suppress" fixes: suppressed);
//   (d) a file it creates does not exist (not among the files read, not on
//       disk, in any letter case) and stays inside the workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseTOML } from 'toml-eslint-parser';
import { parseDocument } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit, TextEdit as LspTextEdit } from 'vscode-languageserver-protocol';
import { audit } from '../server/src/engine/audit.js';
import { configForProject, parseConfig, type Config } from '../server/src/engine/config.js';
import { ruleIds } from '../server/src/engine/rules/index.js';
import type { Finding, Fix, SourceFile } from '../server/src/engine/types.js';
import { FileRanges } from '../server/src/engine/text/lineIndex.js';
import { fixToEdit, uriOf } from '../server/src/lsp/convert.js';
import { walk } from '../server/src/files/walk.js';
import type { PolicyName } from '../server/src/engine/licenses/policy.js';

const fakeRoot = process.platform === 'win32' ? 'C:\\ws' : '/ws';

interface Case {
  files: SourceFile[];
  configFor?: (projectRoot: string) => Config;
  /** Whether a path (relative to the workspace) names anything on disk. */
  onDisk?: (path: string) => boolean;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Front matter content between the fences, when the file starts with one. */
function frontMatterOf(text: string): string | undefined {
  const match = /^---[ \t]*\r?\n([\s\S]*?)(?:^|\r?\n)---[ \t]*(?:\r?\n|$)/u.exec(text);
  return match?.[1];
}

/** Why `text` does not parse as what its name says, with the real parser; undefined when it parses. */
function realParseError(path: string, text: string): string | undefined {
  const name = baseName(path);
  try {
    if (name.endsWith('.json')) JSON.parse(text);
    else if (name.endsWith('.toml')) parseTOML(text);
    else if (name === 'CITATION.cff' || /\.(?:md|markdown|mdx)$/iu.test(name)) {
      const yaml = name === 'CITATION.cff' ? text : frontMatterOf(text);
      if (yaml === undefined) return undefined;
      const document = parseDocument(yaml, { uniqueKeys: true });
      if (document.errors.length > 0) return document.errors[0].message;
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

const lineEndings = (text: string) => new Set(text.match(/\r\n|\r|\n/gu) ?? []);

/** Applies a fix the way an editor applies the language server's WorkspaceEdit. */
function applyAsLsp(c: Case, fix: Fix): Map<string, string> {
  const texts = new Map(c.files.map((file) => [file.path, file.text]));
  const lookup = new FileRanges((path) => texts.get(path));
  const edit = fixToEdit(fix, fakeRoot, lookup);
  const byUri = new Map(c.files.map((file) => [uriOf(fakeRoot, file.path), file.path]));
  const result = new Map<string, string>();
  const apply = (uri: string, edits: LspTextEdit[]) => {
    const path = byUri.get(uri);
    const current = result.get(uri) ?? (path === undefined ? undefined : texts.get(path));
    assert.ok(current !== undefined, `the fix edits ${uri}, which is neither a file read nor one it creates`);
    result.set(uri, TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 0, current), edits));
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create', `a fix only ever creates files (${change.kind})`);
      if (change.kind !== 'create') continue;
      assert.equal(change.options?.overwrite, false, 'a created file never overwrites');
      assert.ok(!byUri.has(change.uri) && !result.has(change.uri), `the fix creates ${change.uri}, which exists`);
      result.set(change.uri, '');
    } else {
      apply((change as TextDocumentEdit).textDocument.uri, (change as TextDocumentEdit).edits as LspTextEdit[]);
    }
  }
  const byPath = new Map<string, string>();
  for (const [uri, text] of result) byPath.set(byUri.get(uri) ?? fix.createFiles!.find((created) => uriOf(fakeRoot, created.file) === uri)!.file, text);
  return byPath;
}

/** Where an offset of the original file lands after the edits (an offset inside a replaced span maps to the span's start). */
function mapOffset(offset: number, edits: Fix['edits']): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.span.end <= offset) shift += edit.newText.length - (edit.span.end - edit.span.start);
    else if (edit.span.start < offset) return edit.span.start + shift;
  }
  return offset + shift;
}

function checkFix(c: Case, finding: Finding, fix: Fix, before: ReturnType<typeof audit>): void {
  const texts = new Map(c.files.map((file) => [file.path, file.text]));
  const context = `${finding.rule} at ${finding.file}:${finding.span.start} — “${fix.title}”`;
  // every edit is in bounds, edits of one file do not overlap
  const editsOf = new Map<string, Fix['edits']>();
  for (const edit of fix.edits) {
    const text = texts.get(edit.file);
    assert.ok(text !== undefined, `${context}: edits ${edit.file}, which was not read`);
    assert.ok(edit.span.start >= 0 && edit.span.start <= edit.span.end && edit.span.end <= text.length, `${context}: span out of bounds`);
    editsOf.set(edit.file, [...(editsOf.get(edit.file) ?? []), edit].sort((a, b) => a.span.start - b.span.start));
  }
  for (const edits of editsOf.values()) {
    for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].span.end <= edits[i].span.start, `${context}: overlapping edits`);
  }
  // (d) created files: new, relative, inside the workspace
  const lowerCasePaths = new Set(c.files.map((file) => file.path.toLowerCase()));
  for (const created of fix.createFiles ?? []) {
    assert.ok(!created.file.startsWith('/') && !created.file.includes('\\') && !created.file.split('/').some((part) => part === '..' || part === '.' || part === ''), `${context}: creates ${created.file}`);
    assert.ok(!lowerCasePaths.has(created.file.toLowerCase()), `${context}: creates ${created.file} over a file that was read`);
    assert.ok(!c.onDisk?.(created.file), `${context}: creates ${created.file}, which exists on disk`);
    assert.ok(created.text.length > 0, `${context}: creates an empty ${created.file}`);
  }
  const fixed = applyAsLsp(c, fix);
  for (const created of fix.createFiles ?? []) assert.equal(fixed.get(created.file), created.text, `${context}: created text`);
  for (const [path, edits] of editsOf) {
    const original = texts.get(path)!;
    const after = fixed.get(path)!;
    // (b) byte-exact outside the edited ranges, as the editor applies them
    let shift = 0;
    let previousEnd = 0;
    for (const edit of edits) {
      assert.equal(after.slice(previousEnd + shift, edit.span.start + shift), original.slice(previousEnd, edit.span.start), `${context}: ${path} changed outside the edits`);
      assert.equal(after.slice(edit.span.start + shift, edit.span.start + shift + edit.newText.length), edit.newText, `${context}: ${path} edit text`);
      shift += edit.newText.length - (edit.span.end - edit.span.start);
      previousEnd = edit.span.end;
    }
    assert.equal(after.slice(previousEnd + shift), original.slice(previousEnd), `${context}: ${path} changed after the last edit`);
    assert.equal(after.length, original.length + shift, `${context}: ${path} length`);
    // an insertion (declare, suppress) removes nothing but white space and commas
    if (/^(?:Declare|Suppress)/u.test(fix.title)) {
      for (const edit of edits) assert.match(original.slice(edit.span.start, edit.span.end), /^(?:[\s,]*|null|~|""|'')$/u, `${context}: ${path} lost text`);
    }
    for (const ending of lineEndings(after)) assert.ok(lineEndings(original).has(ending) || lineEndings(original).size === 0, `${context}: ${path} gained ${JSON.stringify(ending)} line endings: ${JSON.stringify(after)}`);
    // (a) still parses, with the real parser
    if (realParseError(path, original) === undefined) {
      const error = realParseError(path, after);
      assert.equal(error, undefined, `${context}: ${path} no longer parses (${error}):\n${after}`);
    }
  }
  // (c) judged again: the finding is gone (suppressed), and no file has a new problem
  const fixedFiles = [...c.files.map((file) => ({ path: file.path, text: fixed.get(file.path) ?? file.text })), ...(fix.createFiles ?? []).map((created) => ({ path: created.file, text: created.text }))];
  const again = audit(fixedFiles, { configFor: c.configFor });
  const problemKeys = new Set(before.problems.map((problem) => `${problem.file}`));
  for (const problem of again.problems) assert.ok(problemKeys.has(problem.file), `${context}: new problem ${problem.message}`);
  const at = mapOffset(finding.span.start, editsOf.get(finding.file) ?? []);
  const remaining = again.findings.filter((other) => other.rule === finding.rule && other.file === finding.file && other.span.start === at);
  assert.deepEqual(remaining.map((other) => other.message), [], `${context}: the finding is still there after the fix:\n${fixedFiles.map((file) => `--- ${file.path}\n${file.text}`).join('\n')}`);
  // a fix for a claim leaves no other claim finding at that claim (declaring a license the policy rejects would)
  if (finding.rule.startsWith('claim-') && !/^Suppress/u.test(fix.title)) {
    const others = again.findings.filter((other) => other.rule.startsWith('claim-') && other.file === finding.file && other.span.start === at);
    assert.deepEqual(others.map((other) => `${other.rule}: ${other.message}`), [], `${context}: another claim finding replaces it`);
  }
}

/** The kinds of fix applied so far (the title's first word and the file it edits), so a property is never vacuous. */
const exercised = new Map<string, number>();
const kindOf = (fix: Fix) => `${fix.title.split(' ')[0]} ${fix.createFiles?.length ? 'LICENSE' : baseName(fix.edits[0]?.file ?? '')}`;

/** Checks every fix of every finding of a case; returns how many fixes were applied. */
function checkEveryFix(c: Case): number {
  const before = audit(c.files, { configFor: c.configFor });
  let count = 0;
  for (const finding of before.findings) {
    for (const fix of finding.fixes) {
      checkFix(c, finding, fix, before);
      exercised.set(kindOf(fix), (exercised.get(kindOf(fix)) ?? 0) + 1);
      count++;
    }
  }
  return count;
}

/** Asserts that each kind of fix was applied at least `minimum` times since `exercised` was last cleared (the explicit examples make sure of one). */
function assertExercised(kinds: string[], minimum = 1): void {
  for (const kind of kinds) assert.ok((exercised.get(kind) ?? 0) >= minimum, `only ${exercised.get(kind) ?? 0} “${kind}” fixes applied: ${JSON.stringify([...exercised])}`);
  exercised.clear();
}

// ---------------------------------------------------------------- fixtures

const fixturesDir = join(__dirname, '..', 'test-fixtures');

function fixtureCase(dir: string): Case {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { args?: string[] };
  const args = expected.args ?? [];
  const policyAt = args.indexOf('--policy');
  const override: Config = policyAt >= 0 ? { policy: args[policyAt + 1] as PolicyName } : {};
  const configs = new Map<string, Config>();
  const walked = walk(dir, (folder, path, text) => {
    const config = parseConfig(text, path, ruleIds);
    configs.set(folder, config);
    return config.ignore ?? [];
  });
  const onDisk = (path: string) => {
    // any entry, of any letter case (a case-insensitive file system would clash), dangling links included
    const parts = path.split('/');
    const folder = join(dir, ...parts.slice(0, -1));
    return existsSync(folder) && readdirSync(folder).some((entry) => entry.toLowerCase() === parts.at(-1)!.toLowerCase());
  };
  return { files: walked.files, configFor: (root) => configForProject(configs, root, override), onDisk };
}

const fixtures = readdirSync(fixturesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(join(fixturesDir, entry.name, 'expected.json')));

test('every quick fix on every fixture: parses, changes nothing else, removes its finding, creates no existing file', () => {
  exercised.clear();
  let applied = 0;
  let withFixes = 0;
  for (const fixture of fixtures) {
    const count = checkEveryFix(fixtureCase(join(fixturesDir, fixture.name)));
    applied += count;
    if (count > 0) withFixes++;
  }
  assert.ok(fixtures.length >= 20 && withFixes >= 20 && applied >= 80, `${applied} fixes applied in ${withFixes} of ${fixtures.length} fixtures`);
});

// ---------------------------------------------------------- generated files

const eol = fc.constantFrom('\n', '\r\n');
/** Unicode prose that holds no claim words. */
const prose = fc.string({ unit: fc.constantFrom('a', 'é', 'ß', 'ж', '字', '😀', ' ', '-', '"', '\\', "'", '#', ':', '\t', 'ǅ', '\u00a0'), maxLength: 20 });
const claimSentence = fc.constantFrom(
  'X is open source.', 'An open-source model.', 'Open Source for everyone.', 'Dieses Projekt ist quelloffen.', 'Un logiciel libre.',
  'This is free software.', 'Das Open-Source-Modell.', 'fully open', 'We are OSI-approved.', 'El código abierto.',
  'X is open&nbsp;source.', 'X is open&#32;source.', 'X is **open source**.', 'X is open\nsource.', 'X is [open source](https://example.org).', 'X is *open*-source.',
);
const readmeLine = fc.tuple(claimSentence, fc.constantFrom('', '- ', '  - ', '> ', '# ', '1. ', '**', '\t'), prose).map(([claim, prefix, tail]) => `${prefix}${claim} ${tail.replace(/[\\#-]/gu, '')}`.trimEnd());
const readme = fc.tuple(fc.array(fc.oneof(readmeLine, prose.map((text) => text.replace(/[#\-\\>*]/gu, ''))), { minLength: 1, maxLength: 5 }), eol, fc.boolean())
  .map(([lines, newline, final]) => lines.join(`${newline}${newline}`) + (final ? newline : ''));
const licenseValue = fc.constantFrom(undefined, 'MIT', 'Apache-2.0', 'GPL-2.0', 'GPL-2.0+', 'AGPL-3.0', 'Apache 2', 'apache2', 'CC-BY-NC-4.0', 'MIT AND CC-BY-NC-4.0', 'BUSL-1.1', 'UNLICENSED', 'SEE LICENSE IN LICENSE.txt', '', 'LGPL-2.1');
const policyConfig = fc.constantFrom<Config>({}, { policy: 'cncf' }, { policy: 'apache-mit' }, { policy: 'custom', allow: ['MIT'] }, { policy: 'custom', allow: ['BSD-3-Clause'] }, { policy: 'custom', allow: ['Apache-2.0'] });

// package.json: JSON.stringify with any indentation (or none), CRLF, keys in any order, unicode and escapes
const packageJson = fc.record({
  keys: fc.shuffledSubarray(['name', 'version', 'description', 'keywords', 'scripts', 'author', 'private', 'license'], { minLength: 0 }),
  name: prose,
  description: fc.tuple(prose, fc.option(claimSentence, { nil: undefined }), prose).map(([a, claim, b]) => `${a}${claim ?? ''}${b}`),
  license: licenseValue,
  keywordClaim: fc.boolean(),
  indent: fc.constantFrom<string | number>(0, 2, 4, '\t', ' '),
  eol,
  final: fc.boolean(),
}).map((spec) => {
  const values: Record<string, unknown> = {
    name: spec.name, version: '1.0.0', description: spec.description, keywords: spec.keywordClaim ? ['open source', spec.name] : [spec.name],
    scripts: { postinstall: 'node -e "process.exit(1)"' }, author: { name: spec.name }, private: true, license: spec.license,
  };
  const object: Record<string, unknown> = {};
  for (const key of spec.keys) if (values[key] !== undefined) object[key] = values[key];
  const json = JSON.stringify(object, null, spec.indent).replace(/\n/gu, spec.eol);
  return json + (spec.final ? spec.eol : '');
});

const tomlString = (value: string, style: number) => {
  if (style === 1 && !/['\n\r]/u.test(value)) return `'${value}'`;
  if (style === 2 && !/\\|"""|"$|[\u0000-\u0008\u000b-\u001f\u007f]/u.test(value)) return `"""\n${value}"""`;
  return JSON.stringify(value);
};
const tomlComment = fc.option(fc.constantFrom('# a comment', '# [project] is not here', '#', '# license = "MIT"'), { nil: undefined });
/** [project] or [package] keys, formatted one of many ways. */
function tomlTable(table: 'project' | 'package') {
  return fc.record({
    keys: fc.shuffledSubarray(['name', 'version', 'description', 'classifiers', 'license', 'authors', 'dotted'], { minLength: 1 }),
    name: prose,
    description: fc.tuple(prose, fc.option(claimSentence, { nil: undefined })).map(([a, claim]) => `${a}${claim ?? ''}`),
    license: licenseValue,
    licenseTable: fc.boolean(),
    stringStyle: fc.nat(2),
    multiLineArray: fc.boolean(),
    keyIndent: fc.constantFrom('', '  ', '\t'),
    spacing: fc.constantFrom(' = ', '=', '  =  '),
    comments: fc.array(tomlComment, { minLength: 8, maxLength: 8 }),
    trailing: tomlComment,
    before: fc.constantFrom('', '[build-system]\nrequires = ["hatchling"]\n\n', '# top comment\n\n', 'title = "x"\n\n'),
    after: fc.constantFrom('', `\n[${table}.urls]\nhome = "https://example.org"\n`, '\n[tool.x]\na = 1\n', `\n[dependencies]\nserde = { version = "1", features = ["derive"] }\n`, `\n[[${table}.bin]]\nname = "x"\n`),
    blank: fc.boolean(),
    shape: fc.constantFrom('table', 'table', 'table', 'dotted', 'inline'),
    eol,
    final: fc.boolean(),
  }).map((spec) => {
    const entries: string[] = [];
    spec.keys.forEach((key, index) => {
      if (spec.comments[index]) entries.push(spec.comments[index]!);
      const quote = (value: string) => tomlString(value, spec.stringStyle);
      switch (key) {
        case 'name': entries.push(`name${spec.spacing}${quote(spec.name)}`); break;
        case 'version': entries.push(`version${spec.spacing}"0.1.0"${spec.trailing ? ` ${spec.trailing}` : ''}`); break;
        case 'description': entries.push(`description${spec.spacing}${quote(spec.description)}`); break;
        case 'classifiers': entries.push(spec.multiLineArray ? `classifiers${spec.spacing}[\n  "Programming Language :: Python", # c\n  "Typing :: Typed",\n]` : `classifiers${spec.spacing}["Typing :: Typed"]`); break;
        case 'authors': entries.push(table === 'project' ? `authors${spec.spacing}[{ name = ${quote(spec.name)} }]` : `authors${spec.spacing}[${quote(spec.name)}]`); break;
        case 'license':
          if (spec.license !== undefined) entries.push(spec.licenseTable && table === 'project' ? `license${spec.spacing}{ text = ${JSON.stringify(spec.license)} }` : `license${spec.spacing}${JSON.stringify(spec.license)}`);
          break;
        case 'dotted': entries.push(`urls.home${spec.spacing}"https://example.org"`); break;
      }
      if (spec.blank) entries.push('');
    });
    let body: string;
    if (spec.shape === 'dotted') body = entries.filter((entry) => entry !== '' && !entry.startsWith('#') && !entry.includes('\n')).map((entry) => `${table}.${entry}`).join('\n');
    else if (spec.shape === 'inline') body = `${table} = { ${entries.filter((entry) => entry !== '' && !entry.startsWith('#') && !entry.includes('\n')).map((entry) => entry.replace(/ #.*$/u, '')).join(', ')} }`;
    else body = `[${table}]${spec.trailing ? ` ${spec.trailing}` : ''}\n${entries.map((entry) => (entry === '' || entry.startsWith('#') ? entry : spec.keyIndent + entry)).join('\n')}`;
    const text = `${spec.before}${body}\n${spec.after}`.replace(/\n/gu, spec.eol);
    return spec.final ? text : text.replace(/(?:\r?\n)+$/u, '');
  });
}

// model-card front matter: block or flow lists, comments, block scalars, any key order, a license or none (or an empty one)
const frontMatter = fc.record({
  keys: fc.shuffledSubarray(['license', 'tags', 'language', 'pipeline_tag', 'base_model', 'description', 'comment', 'license_name', 'model-index'], { minLength: 0 }),
  license: fc.constantFrom(undefined, 'mit', 'apache-2.0', 'llama3', 'other', 'cc-by-nc-4.0', 'openrail', '', 'null', '~', '"MIT"', 'Apache-2.0', 'gpl'),
  listIndent: fc.constantFrom('', '  ', '    '),
  flow: fc.boolean(),
  name: prose,
  body: readme,
  fence: fc.constantFrom('---', '---  '),
  eol,
}).map((spec) => {
  const lines: string[] = [];
  for (const key of spec.keys) {
    switch (key) {
      case 'license': if (spec.license !== undefined) lines.push(`license:${spec.license === '' ? '' : ` ${spec.license}`}`); break;
      case 'tags': lines.push(spec.flow ? 'tags: [nlp, "open source"]' : `tags:\n${spec.listIndent}- nlp\n${spec.listIndent}- ${JSON.stringify(spec.name)}`); break;
      case 'language': lines.push(spec.flow ? 'language: [en, de]' : `language:\n${spec.listIndent}- en`); break;
      case 'pipeline_tag': lines.push('pipeline_tag: text-generation # a comment'); break;
      case 'base_model': lines.push('base_model: meta-llama/Meta-Llama-3-8B'); break;
      case 'description': lines.push(`description: |\n  ${JSON.stringify(spec.name).slice(1, -1) || 'x'}\n  second line`); break;
      case 'comment': lines.push('# license: mit'); break;
      case 'license_name': lines.push(`license_name: ${JSON.stringify(spec.name)}`); break;
      case 'model-index': lines.push(`model-index:\n${spec.listIndent}- name: ${JSON.stringify(spec.name)}\n${spec.listIndent}  results: []`); break;
    }
  }
  const yaml = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  return `---\n${yaml}${spec.fence}\n\n`.replace(/\n/gu, spec.eol) + spec.body;
});

function generatedCase(files: Record<string, string>, config: Config): Case {
  return { files: Object.entries(files).map(([path, text]) => ({ path, text })), configFor: () => config };
}

const runs = { numRuns: Number(process.env.FAST_CHECK_RUNS ?? 150), includeErrorInReport: true };

test('generated package.json files: every fix keeps them valid JSON, changes nothing else and removes its finding', () => {
  exercised.clear();
  fc.assert(fc.property(packageJson, fc.option(readme, { nil: undefined }), policyConfig, (json, markdown, config) => {
    checkEveryFix(generatedCase({ 'package.json': json, ...(markdown === undefined ? {} : { 'README.md': markdown }) }, config));
  }), {
    ...runs,
    examples: [
      ['{\n  "name": "x",\n  "description": "An open source tool"\n}\n', 'X is open source.\n', {}],
      ['{"name": "x", "license": "Apache 2"}', undefined, {}],
      ['{"name": "x", "license": "GPL-2.0"}', undefined, {}],
    ],
  });
  assertExercised(['Declare package.json', 'Reword package.json', 'Reword README.md', 'Suppress README.md', 'Create LICENSE', 'Replace package.json', 'Change package.json']);
});

test('generated pyproject.toml files: every fix keeps them valid TOML, changes nothing else and removes its finding', () => {
  exercised.clear();
  fc.assert(fc.property(tomlTable('project'), readme, policyConfig, (toml, markdown, config) => {
    checkEveryFix(generatedCase({ 'pyproject.toml': toml, 'README.md': markdown }, config));
  }), {
    ...runs,
    examples: [
      ['[project]\nname = "x"\ndescription = "An open source tool"\n', 'X is open source.\n', {}],
      ['[project]\nname = "x"\nlicense = "Apache 2"\n', 'X is open source.\n', {}],
      ['[project]\nname = "x"\nlicense = "GPL-2.0"\n', 'X is open source.\n', {}],
    ],
  });
  assertExercised(['Declare pyproject.toml', 'Reword README.md', 'Suppress README.md', 'Create LICENSE', 'Replace pyproject.toml', 'Change pyproject.toml']);
});

test('generated Cargo.toml files: every fix keeps them valid TOML, changes nothing else and removes its finding', () => {
  exercised.clear();
  fc.assert(fc.property(tomlTable('package'), readme, policyConfig, (toml, markdown, config) => {
    checkEveryFix(generatedCase({ 'Cargo.toml': toml, 'README.md': markdown }, config));
  }), {
    ...runs,
    examples: [
      ['[package]\nname = "x"\ndescription = "An open source tool"\n', 'X is open source.\n', {}],
      ['[package]\nname = "x"\nlicense = "Apache 2"\n', 'X is open source.\n', {}],
      ['[package]\nname = "x"\nlicense = "GPL-2.0"\n', 'X is open source.\n', {}],
    ],
  });
  assertExercised(['Declare Cargo.toml', 'Reword Cargo.toml', 'Reword README.md', 'Suppress README.md', 'Create LICENSE', 'Replace Cargo.toml', 'Change Cargo.toml']);
});

test('generated model cards: every fix keeps the front matter valid YAML, changes nothing else and removes its finding', () => {
  exercised.clear();
  fc.assert(fc.property(frontMatter, policyConfig, (card, config) => {
    checkEveryFix(generatedCase({ 'README.md': card }, config));
  }), { ...runs, examples: [['---\ntags: [x]\n---\n\nX is an open-source model.\n', {}]] });
  assertExercised(['Declare README.md', 'Reword README.md', 'Suppress README.md', 'Create LICENSE']);
});

test('generated monorepos: a fix never creates a LICENSE where any file of that name exists', () => {
  exercised.clear();
  const layout = fc.record({
    rootLicense: fc.option(fc.constantFrom('LICENSE', 'license', 'License.md', 'COPYING', 'LICENSE-MODEL'), { nil: undefined, freq: 2 }),
    packageLicense: fc.option(fc.constantFrom('LICENSE', 'LICENCE', 'license.txt'), { nil: undefined, freq: 2 }),
    licenseText: fc.constantFrom('', 'Copyright (c) me. All rights reserved.\n', 'MIT License\n'),
    manifest: fc.constantFrom('package.json', 'Cargo.toml', 'pyproject.toml', undefined),
    claim: readme,
  });
  fc.assert(fc.property(layout, ({ rootLicense, packageLicense, licenseText, manifest, claim }) => {
    const files: Record<string, string> = { 'README.md': claim, 'packages/a/README.md': claim };
    if (rootLicense) files[rootLicense] = licenseText;
    if (packageLicense) files[`packages/a/${packageLicense}`] = licenseText;
    if (manifest) files[`packages/a/${manifest}`] = manifest === 'package.json' ? '{"name": "a"}\n' : manifest === 'Cargo.toml' ? '[package]\nname = "a"\n' : '[project]\nname = "a"\n';
    const onDisk = (path: string) => Object.keys(files).some((existing) => existing.toLowerCase() === path.toLowerCase());
    checkEveryFix({ files: Object.entries(files).map(([path, text]) => ({ path, text })), configFor: () => ({}), onDisk });
  }), {
    ...runs,
    numRuns: Math.min(runs.numRuns, 100),
    examples: [
      [{ rootLicense: undefined, packageLicense: undefined, licenseText: '', manifest: 'package.json', claim: 'X is open source.\n' }],
      [{ rootLicense: undefined, packageLicense: undefined, licenseText: '', manifest: 'Cargo.toml', claim: 'X is open source.\n' }],
      [{ rootLicense: undefined, packageLicense: undefined, licenseText: '', manifest: 'pyproject.toml', claim: 'X is open source.\n' }],
    ],
  });
  assertExercised(['Create LICENSE', 'Declare package.json', 'Declare Cargo.toml', 'Declare pyproject.toml']);
});

// ------------------------------------------- regressions the properties found

const fixesOf = (files: Record<string, string>, config: Config = {}) => {
  const c = generatedCase(files, config);
  return { c, findings: audit(c.files, { configFor: c.configFor }).findings };
};
const applied = (text: string, fix: Fix) => fix.edits.reduceRight((result, edit) => result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end), text);

test('regression: no reword fix for a claim in a manifest string with escapes (it replaced the whole string, and could leave \\" unterminated)', () => {
  for (const [name, text] of [['package.json', '{"name": "x", "description": "An open source tool \\\\"}'], ['pyproject.toml', '[project]\nname = "x"\ndescription = "An open source tool \\\\"\n']]) {
    const { c, findings } = fixesOf({ [name]: text });
    const [finding] = findings.filter((candidate) => candidate.rule === 'claim-without-license');
    assert.ok(finding, name);
    assert.deepEqual(finding.fixes.filter((fix) => fix.title.startsWith('Reword')), [], name);
    checkEveryFix(c);
  }
  // without escapes the reword is exact
  const { findings } = fixesOf({ 'package.json': '{"name": "x", "description": "An open source tool"}' });
  const reword = findings[0].fixes.find((fix) => fix.title.startsWith('Reword'))!;
  assert.equal(applied('{"name": "x", "description": "An open source tool"}', reword), '{"name": "x", "description": "An source-available tool"}');
});

test('regression: declaring a license in a CRLF pyproject.toml keeps CRLF line endings (the line went between \\r and \\n)', () => {
  const text = '[project]\r\nname = "x"\r\nversion = "1"\r\n\r\n[tool.x]\r\na = 1\r\n';
  const { findings } = fixesOf({ 'pyproject.toml': text, 'README.md': 'X is open source.\r\n' });
  const declare = findings[0].fixes.find((fix) => fix.title === 'Declare MIT in pyproject.toml')!;
  assert.equal(applied(text, declare), '[project]\r\nname = "x"\r\nversion = "1"\r\nlicense = "MIT"\r\n\r\n[tool.x]\r\na = 1\r\n');
});

test('regression: the package.json fix inserts only the new property (jsonc modify rewrote the one before it, or a whole one-line object)', () => {
  const cases: [string, string][] = [
    ['{"name":"x","main":"index.js"}', '{"name":"x","main":"index.js","license":"MIT"}'],
    ['{ "name" : "x" }\n', '{ "name" : "x", "license" : "MIT" }\n'],
    ['{\n\t"name": "x",\n\t"main":   "index.js"\n}\n', '{\n\t"name": "x",\n\t"main":   "index.js",\n\t"license":   "MIT"\n}\n'],
    ['{}', '{"license": "MIT"}'],
    ['{\r\n}\r\n', '{\r\n  "license": "MIT"\r\n}\r\n'],
    ['{"name": "x", "license": ""}', '{"name": "x", "license": "MIT"}'],
  ];
  for (const [before, after] of cases) {
    const { findings } = fixesOf({ 'package.json': before, 'README.md': 'X is open source.\n' });
    const declare = findings.flatMap((finding) => finding.fixes).find((fix) => fix.title === 'Declare MIT in package.json');
    if (before.includes('"license": ""')) {
      // an empty license is unverifiable, not missing: if a declare fix is offered, it fills the value in
      if (declare) assert.equal(applied(before, declare), after);
      continue;
    }
    assert.ok(declare, before);
    assert.equal(applied(before, declare), after);
  }
});

test('regression: a [project] of dotted keys or an inline table gets no declare fix (the line landed outside the table)', () => {
  for (const text of ['project.name = "x"\n', 'project = { name = "x" }\n']) {
    const { c, findings } = fixesOf({ 'pyproject.toml': text, 'README.md': 'X is open source.\n' });
    assert.deepEqual(findings[0].fixes.filter((fix) => fix.title.startsWith('Declare')).map((fix) => fix.title), [], text);
    checkEveryFix(c);
  }
});

test('regression: an empty license in front matter is filled in, never duplicated', () => {
  for (const [before, after] of [['---\nlicense:\n---\nAn open-source model.\n', '---\nlicense: mit\n---\nAn open-source model.\n'], ['---\nlicense: null\ntags: [x]\n---\nAn open-source model.\n', '---\nlicense: mit\ntags: [x]\n---\nAn open-source model.\n']]) {
    const { c, findings } = fixesOf({ 'README.md': before });
    const declare = findings.flatMap((finding) => finding.fixes).find((fix) => fix.title === 'Declare MIT in README.md');
    assert.ok(declare, before);
    assert.equal(applied(before, declare), after);
    checkEveryFix(c);
  }
});

test('regression: under a custom policy the declare and LICENSE fixes offer only licenses the policy accepts', () => {
  const files = { 'Cargo.toml': '[package]\nname = "x"\n', 'README.md': 'X is open source.\n' };
  const titles = (config: Config) => fixesOf(files, config).findings[0].fixes.map((fix) => fix.title).filter((title) => !title.startsWith('Reword') && !title.startsWith('Suppress'));
  assert.deepEqual(titles({}), ['Declare Apache-2.0 in Cargo.toml', 'Declare MIT in Cargo.toml', 'Create ./LICENSE with the Apache-2.0 license text', 'Create ./LICENSE with the MIT license text']);
  assert.deepEqual(titles({ policy: 'custom', allow: ['MIT'] }), ['Declare MIT in Cargo.toml', 'Create ./LICENSE with the MIT license text']);
  assert.deepEqual(titles({ policy: 'custom', allow: ['BSD-3-Clause', 'LicenseRef-Ours'] }), ['Declare BSD-3-Clause in Cargo.toml', 'Create ./LICENSE with the BSD-3-Clause license text']);
  assert.deepEqual(titles({ policy: 'custom', allow: ['LicenseRef-Ours'] }), []);
});
