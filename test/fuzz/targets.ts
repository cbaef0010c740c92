// The parsers and detectors under fuzz, each with the property it must keep:
// it never throws (the config parser may throw its documented ConfigError),
// its results are well formed (spans inside the text, start <= end, the
// fields their types promise), and each call stays under a time bound.
// Shared by test/fuzz.test.ts (a small fixed-seed sample inside `npm test`)
// and scripts/fuzz.ts (`npm run fuzz`, 100,000+ inputs per parser).
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import type { Declaration, Span } from '../../server/src/engine/types.js';
import type { FileDeclarations } from '../../server/src/engine/declarations/declarationTypes.js';
import { analyzeMarkdown } from '../../server/src/engine/documents/markdownDocument.js';
import { scanClaims } from '../../server/src/engine/claims/claimScanner.js';
import { frontMatterDeclarations } from '../../server/src/engine/declarations/frontMatterDeclarations.js';
import { packageJsonDeclarations } from '../../server/src/engine/declarations/packageJsonDeclarations.js';
import { pyprojectDeclarations } from '../../server/src/engine/declarations/pyprojectDeclarations.js';
import { cargoTomlDeclarations } from '../../server/src/engine/declarations/cargoTomlDeclarations.js';
import { citationCffDeclarations } from '../../server/src/engine/declarations/citationCffDeclarations.js';
import { codemetaDeclarations } from '../../server/src/engine/declarations/codemetaDeclarations.js';
import { isLicenseFileName, licenseFileDeclarations } from '../../server/src/engine/declarations/licenseFiles.js';
import { readToml } from '../../server/src/engine/declarations/tomlFields.js';
import { identifyLicenseText } from '../../server/src/engine/licenses/identifyLicenseText.js';
import { correctExpression, expressionLeaves, formatExpression, parseExpression, type ExpressionNode } from '../../server/src/engine/licenses/expression.js';
import { resolveHubValue, resolveLicenseName, resolveSpdxValue, type ResolvedLicense } from '../../server/src/engine/licenses/resolveLicense.js';
import { findLicenseMentions } from '../../server/src/engine/licenses/licenseMentions.js';
import { createPolicy, judgeExpression, policyNames } from '../../server/src/engine/licenses/policy.js';
import { ConfigError, parseConfig, type Config } from '../../server/src/engine/config.js';
import { audit } from '../../server/src/engine/audit.js';
import { ruleIds } from '../../server/src/engine/rules/index.js';
import { describeRecipe, renderText, textRecipe, workspaceRecipe, type TextOptions, type TextRecipe, type WorkspaceRecipe } from './generators.js';

/**
 * The time bound of one call, in CPU time (so that other processes on a busy machine do not make it
 * flake): 2 s, plus 40 ms per 1,000 characters, because the Markdown parser is slow even where it is
 * linear (80,000 empty list items, 160 KB, take 6 s). A hang, or a quadratic blow-up on a 100 KB input
 * (those found took 9 s to minutes), still fails.
 */
export const defaultTimeLimitMs = 2_000;
export const timeLimitPerKilochar = 40;

/** CPU time (user and system) of this process, in milliseconds: what a call costs, whatever else runs. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export function timeLimitFor(size: number, baseMs = defaultTimeLimitMs): number {
  return baseMs + (timeLimitPerKilochar * size) / 1000;
}

export interface FuzzTarget<Input, Prepared, Result> {
  name: string;
  /** What is fuzzed, for the report. */
  covers: string;
  arbitrary(options: TextOptions): fc.Arbitrary<Input>;
  /** Builds the parser's arguments (not timed). */
  prepare(input: Input): Prepared;
  /** The call under test (timed). */
  run(prepared: Prepared): Result;
  /** Asserts that the result is well formed (not timed). */
  verify(prepared: Prepared, result: Result): void;
  /** The input's size in characters (for the time bound). */
  size(prepared: Prepared): number;
  describe(input: Input): string;
  /** Inputs to run once before timing starts (data loaded on first use: license texts, catalogs). */
  warmUp?: Prepared;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFuzzTarget = FuzzTarget<any, any, any>;

// ---------------------------------------------------------------------------
// Assertions on results.

export function assertSpan(span: Span, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: span ${JSON.stringify(span)} is not integral`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: span ${JSON.stringify(span)} is not within 0…${length}`);
}

const scopes = new Set(['all', 'code', 'model']);

function assertResolved(resolved: ResolvedLicense, what: string): void {
  assert.ok(resolved.expression === undefined || (typeof resolved.expression === 'string' && resolved.expression.length > 0), `${what}: expression ${JSON.stringify(resolved.expression)}`);
  assert.ok(resolved.expression !== undefined || typeof resolved.unjudgeable === 'string', `${what}: neither an expression nor a reason why not`);
  assert.ok(Array.isArray(resolved.deprecatedIds) && resolved.deprecatedIds.every((id) => typeof id === 'string'), `${what}: deprecatedIds`);
}

function assertDeclaration(declaration: Declaration, text: string, what: string): void {
  assertSpan(declaration.span, text.length, `${what} ${declaration.label}`);
  assert.equal(typeof declaration.raw, 'string', `${what}: raw`);
  assert.equal(typeof declaration.label, 'string', `${what}: label`);
  assert.ok(scopes.has(declaration.scope), `${what}: scope ${declaration.scope}`);
  assert.ok(declaration.expression !== undefined || typeof declaration.unjudgeable === 'string', `${what} ${declaration.label}: neither an expression nor a reason why not`);
}

function assertFileDeclarations(result: FileDeclarations, text: string, what: string): void {
  for (const declaration of result.declarations) assertDeclaration(declaration, text, what);
  for (const field of result.proseFields) {
    assert.equal(typeof field.text, 'string', `${what}: prose field text`);
    assertSpan({ start: field.start, end: field.start }, text.length, `${what} ${field.label} start`);
    // an exact field maps character for character onto the source: claims found in it are placed there
    if (field.exact) assert.equal(text.slice(field.start, field.start + field.text.length), field.text, `${what} ${field.label}: an exact prose field differs from its source`);
  }
  for (const problem of result.problems) {
    assertSpan(problem.span, text.length, `${what} problem`);
    assert.ok(problem.message.length > 0, `${what}: problem without a message`);
  }
}

function assertExpressionNode(node: ExpressionNode, what: string): void {
  for (const leaf of expressionLeaves(node)) assert.ok(typeof leaf.license === 'string' && leaf.license.length > 0, `${what}: leaf ${JSON.stringify(leaf)}`);
}

// ---------------------------------------------------------------------------
// Targets over one text.

function textTarget<Result>(
  name: string,
  covers: string,
  kind: Parameters<typeof textRecipe>[0],
  run: (text: string) => Result,
  verify: (text: string, result: Result) => void,
  warmUp?: string,
): FuzzTarget<TextRecipe, string, Result> {
  return {
    name,
    covers,
    arbitrary: (options) => textRecipe(kind, options),
    prepare: renderText,
    run,
    verify,
    size: (text) => text.length,
    describe: describeRecipe,
    warmUp,
  };
}

const markdown = textTarget('markdown', 'analyzeMarkdown (claims, front matter, README declarations, suppressions, links)', 'markdown',
  // a README reads every chunk, another document only the chunks that may hold a claim; documents being
  // edited remember their chunks' facts
  (text) => analyzeMarkdown({ path: text.length % 2 === 0 ? 'README.md' : 'docs/guide.md', text }, { remember: text.length % 3 === 0 }),
  (text, facts) => {
    for (const claim of facts.claims) {
      assertSpan(claim.span, text.length, 'claim');
      assert.equal(claim.text, text.slice(claim.span.start, claim.span.end), 'claim text is its span');
    }
    for (const declaration of facts.readmeDeclarations) assertDeclaration(declaration, text, 'README declaration');
    if (facts.frontMatter) {
      assertFileDeclarations(facts.frontMatter, text, 'front matter');
      for (const base of facts.frontMatter.baseModels) assertSpan(base.span, text.length, 'base_model');
    }
    for (const problem of facts.problems) assertSpan(problem.span, text.length, 'problem');
    for (const link of facts.links) assertSpan(link.span, text.length, 'link');
    assert.ok(facts.bodyStart >= 0 && facts.bodyStart <= text.length, `bodyStart ${facts.bodyStart}`);
    let previousComment = -1;
    for (const comment of facts.comments) {
      assertSpan({ start: comment.offset, end: comment.offset }, text.length, 'comment');
      assert.ok(comment.offset > previousComment, 'comments are in order');
      previousComment = comment.offset;
    }
  });

const claims = textTarget('claims', 'scanClaims on prose (with link ranges)', 'prose',
  (text) => scanClaims(text, { links: text.length > 20 ? [{ start: 10, end: 20 }] : [] }),
  (text, found) => {
    let previous = 0;
    for (const claim of found) {
      assertSpan(claim, text.length, `claim ${claim.kind}`);
      assert.ok(claim.start >= previous, 'claims are in order');
      previous = claim.start;
    }
  });

const frontMatter = textTarget('front-matter', 'frontMatterDeclarations (model-card YAML)', 'front-matter',
  (text) => frontMatterDeclarations('README.md', { text, span: { start: 0, end: text.length } }),
  (text, facts) => {
    assertFileDeclarations(facts, text, 'front matter');
    for (const base of facts.baseModels) assertSpan(base.span, text.length, 'base_model');
    assert.ok(facts.datasets.every((dataset) => typeof dataset === 'string'), 'datasets are strings');
  });

function manifestTarget(name: string, read: (file: { path: string; text: string }) => FileDeclarations, covers: string) {
  return textTarget(name, covers, name as Parameters<typeof textRecipe>[0], (text) => read({ path: name, text }), (text, result) => assertFileDeclarations(result, text, name));
}

const packageJson = manifestTarget('package.json', packageJsonDeclarations, 'packageJsonDeclarations');
const pyproject = manifestTarget('pyproject.toml', pyprojectDeclarations, 'pyprojectDeclarations');
const cargoToml = manifestTarget('Cargo.toml', cargoTomlDeclarations, 'cargoTomlDeclarations');
const citationCff = manifestTarget('CITATION.cff', citationCffDeclarations, 'citationCffDeclarations');
const codemeta = manifestTarget('codemeta.json', codemetaDeclarations, 'codemetaDeclarations');

const identifications = new Set(['full-text', 'key-phrases', 'contains-text', 'notice', 'none']);
const licenseFile = textTarget('license-text', 'identifyLicenseText, licenseFileDeclarations, isLicenseFileName', 'license',
  (text) => ({ identified: identifyLicenseText(text), declarations: licenseFileDeclarations({ path: 'sub/LICENSE', text }), isName: isLicenseFileName(text.slice(0, 40)) }),
  (text, { identified, declarations, isName }) => {
    assert.ok(identified.license === null || (typeof identified.license === 'string' && identified.license.length > 0), `license ${identified.license}`);
    assert.ok(Number.isFinite(identified.confidence) && identified.confidence >= 0 && identified.confidence <= 1, `confidence ${identified.confidence}`);
    assert.ok(identifications.has(identified.method), `method ${identified.method}`);
    assert.equal(identified.license === null, identified.method === 'none', 'a method when and only when a license');
    assert.equal(declarations.declarations.length, 1, 'a LICENSE file makes one declaration');
    assertFileDeclarations(declarations, text, 'LICENSE');
    assert.equal(typeof isName, 'boolean');
  }, 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software');

const policies = policyNames.map((policy) => createPolicy(policy, ['MIT']));
const spdx = textTarget('spdx', 'parseExpression, formatExpression, correctExpression, resolveSpdxValue, resolveHubValue, resolveLicenseName, judgeExpression', 'spdx',
  (text) => {
    const node = parseExpression(text);
    const formatted = node ? formatExpression(node) : undefined;
    return {
      node,
      formatted,
      reparsed: formatted === undefined ? undefined : parseExpression(formatted),
      corrected: correctExpression(text),
      spdxValue: resolveSpdxValue(text),
      hubValue: resolveHubValue(text, text.slice(0, 20)),
      hubOther: resolveHubValue('other', text),
      name: resolveLicenseName(text),
      verdicts: node ? policies.map((policy) => judgeExpression(node, policy, text)) : [],
    };
  },
  (_text, result) => {
    if (result.node) {
      assertExpressionNode(result.node, 'parsed');
      // what the engine writes back (fixes, messages) is itself an expression
      assert.ok(result.reparsed, `formatExpression gave ${JSON.stringify(result.formatted)}, which does not parse`);
    }
    assert.ok(result.corrected === undefined || typeof result.corrected === 'string', 'correctExpression');
    assertResolved(result.spdxValue, 'resolveSpdxValue');
    assertResolved(result.hubValue, 'resolveHubValue');
    assertResolved(result.hubOther, 'resolveHubValue(other)');
    assertResolved(result.name, 'resolveLicenseName');
    for (const verdict of result.verdicts) assert.ok(['accepted', 'rejected', 'partial'].includes(verdict.outcome), verdict.outcome);
  });

const mentions = textTarget('license-mentions', 'findLicenseMentions (with and without custom names)', 'prose',
  (text) => [findLicenseMentions(text), findLicenseMentions(text, { custom: true })],
  (text, lists) => {
    for (const list of lists) {
      let previousEnd = 0;
      for (const mention of list) {
        assertSpan(mention, text.length, `mention ${mention.text}`);
        assert.equal(mention.text, text.slice(mention.start, mention.end), 'mention text is its span');
        assert.ok(mention.start >= previousEnd, 'mentions are in order and do not overlap');
        previousEnd = mention.end;
      }
    }
  });

const config = textTarget('config', 'parseConfig (.license-claims.json): a Config or a ConfigError, nothing else', 'config',
  (text): Config | ConfigError => {
    try {
      return parseConfig(text, '.license-claims.json', ruleIds);
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
  },
  (_text, result) => {
    if (result instanceof ConfigError) {
      assert.ok(result.message.startsWith('.license-claims.json'), 'a ConfigError names the file');
      return;
    }
    assert.ok(result.policy === undefined || policyNames.includes(result.policy), 'policy');
    assert.ok(result.allow === undefined || result.allow.every((entry) => parseExpression(entry) !== undefined), 'allow');
    assert.ok(result.ignore === undefined || result.ignore.every((entry) => typeof entry === 'string'), 'ignore');
    assert.ok(result.languages === undefined || result.languages.every((language) => ['en', 'de', 'fr', 'es'].includes(language)), 'languages');
    for (const [rule, severity] of Object.entries(result.rules ?? {})) {
      assert.ok(ruleIds.includes(rule) && ['off', 'info', 'warning', 'error'].includes(severity), `rules.${rule}`);
    }
  });

// ---------------------------------------------------------------------------
// The whole audit over a small workspace.

/** Whether a file still parses as what its name says (a fix must never leave a manifest unparsable). */
function parses(path: string, text: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.endsWith('.json')) {
    const errors: unknown[] = [];
    parseTree(text, errors as never, { allowTrailingComma: false, disallowComments: true });
    return errors.length === 0;
  }
  if (name.endsWith('.toml')) return readToml({ path, text }).fields !== undefined;
  if (/\.(?:md|markdown)$/iu.test(name)) {
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/u.exec(text);
    return !frontMatter || parseDocument(frontMatter[1]).errors.length === 0;
  }
  return true;
}

function applyEdits(text: string, edits: { span: Span; newText: string }[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((result, edit) => result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end), text);
}

interface PreparedWorkspace {
  files: { path: string; text: string }[];
  config: Config;
}

const workspace: FuzzTarget<WorkspaceRecipe, PreparedWorkspace, ReturnType<typeof audit>> = {
  name: 'audit',
  covers: 'audit() over generated workspaces of 1–7 files (manifests, LICENSE files, Markdown, nested projects), with a random config',
  arbitrary: (options) => workspaceRecipe(ruleIds, options),
  prepare: (recipe) => ({ files: recipe.files.map((file) => ({ path: file.path, text: renderText(file.recipe) })), config: recipe.config }),
  run: ({ files, config }) => audit(files, { configFor: () => config }),
  verify: ({ files }, result) => {
    const textOf = new Map(files.map((file) => [file.path, file.text]));
    const parsesBefore = new Map<string, boolean>();
    const fixesChecked = new Map<string, number>();
    const lengthOf = (file: string, what: string) => {
      const text = textOf.get(file);
      assert.ok(text !== undefined, `${what} points at ${file}, which is not in the workspace`);
      return text.length;
    };
    for (const finding of result.findings) {
      const what = `${finding.rule} in ${finding.file}`;
      assertSpan(finding.span, lengthOf(finding.file, what), what);
      assert.ok(['error', 'warning', 'info'].includes(finding.severity), `${what}: severity ${finding.severity}`);
      assert.ok(finding.message.length > 0, `${what}: no message`);
      for (const related of finding.related) assertSpan(related.span, lengthOf(related.file, `${what} related`), `${what} related ${related.file}`);
      for (const fix of finding.fixes) {
        for (const edit of fix.edits) assertSpan(edit.span, lengthOf(edit.file, `${what} fix`), `${what} fix “${fix.title}”`);
        for (const created of fix.createFiles ?? []) {
          assert.ok(!textOf.has(created.file), `${what}: fix “${fix.title}” overwrites ${created.file}`);
          assert.ok(!created.file.startsWith('/') && !created.file.split('/').includes('..'), `${what}: fix “${fix.title}” writes outside the workspace (${created.file})`);
        }
        // a fix never leaves a file that parsed unparsable (checked for the first few fixes of each kind and file:
        // thousands of claims in one manifest have thousands of fixes alike, and each check parses the file)
        for (const file of new Set(fix.edits.map((edit) => edit.file))) {
          const kind = `${file}\u0000${fix.title.replace(/“.*”/gu, '…')}`;
          const checked = fixesChecked.get(kind) ?? 0;
          if (checked >= 3) continue;
          fixesChecked.set(kind, checked + 1);
          if (!parsesBefore.has(file)) parsesBefore.set(file, parses(file, textOf.get(file)!));
          if (!parsesBefore.get(file)) continue;
          const after = applyEdits(textOf.get(file)!, fix.edits.filter((edit) => edit.file === file));
          assert.ok(parses(file, after), `${what}: fix “${fix.title}” leaves ${file} unparsable:\n${after.slice(0, 2000)}`);
        }
      }
    }
    for (const problem of result.problems) assertSpan(problem.span, lengthOf(problem.file, 'problem'), `problem in ${problem.file}`);
  },
  size: ({ files }) => files.reduce((sum, file) => sum + file.text.length, 0),
  describe: (recipe) => `${recipe.files.map((file) => `${file.path}: ${describeRecipe(file.recipe)}`).join('; ')}; config ${JSON.stringify(recipe.config)}`,
  warmUp: { files: [{ path: 'README.md', text: 'An open-source model.' }, { path: 'LICENSE', text: 'MIT License\n\nPermission is hereby granted, free of charge, to any person' }], config: {} },
};

export const targets: readonly AnyFuzzTarget[] = [markdown, claims, frontMatter, packageJson, pyproject, cargoToml, citationCff, codemeta, licenseFile, spdx, mentions, config, workspace];

// ---------------------------------------------------------------------------
// Running a target.

export interface FuzzReport {
  target: string;
  seed: number;
  /** Inputs generated and checked (not counting shrinking). Times are CPU times. */
  runs: number;
  /** Calls made, shrinking included. */
  calls: number;
  slowestMs: number;
  slowestInput: string;
  /** The slowest call relative to its time bound (1 = at the bound). */
  worstRatio: number;
  worstRatioInput: string;
  totalMs: number;
  /** fast-check's report: the counterexample, the seed and the path to replay it. */
  failure?: string;
  counterexample?: string;
  path?: string;
}

export interface FuzzOptions {
  seed: number;
  numRuns: number;
  timeLimitMs?: number;
  /** Replays one input (fast-check's counterexample path). */
  path?: string;
  heavyWeight?: number;
  /** Called before every input with the number of inputs checked so far. */
  onRun?: (calls: number) => void;
}

export function fuzz(target: AnyFuzzTarget, options: FuzzOptions): FuzzReport {
  if (target.warmUp !== undefined) target.run(target.warmUp);
  const report: FuzzReport = { target: target.name, seed: options.seed, runs: 0, calls: 0, slowestMs: 0, slowestInput: '', worstRatio: 0, worstRatioInput: '', totalMs: 0 };
  const started = performance.now();
  const property = fc.property(target.arbitrary({ heavyWeight: options.heavyWeight }), (input: unknown) => {
    const prepared: unknown = target.prepare(input);
    options.onRun?.(report.calls);
    const start = cpuMs();
    const result: unknown = target.run(prepared);
    const elapsed = cpuMs() - start;
    report.calls++;
    if (elapsed > report.slowestMs) {
      report.slowestMs = elapsed;
      report.slowestInput = target.describe(input);
    }
    const limit = timeLimitFor(target.size(prepared), options.timeLimitMs);
    if (elapsed / limit > report.worstRatio) {
      report.worstRatio = elapsed / limit;
      report.worstRatioInput = `${target.describe(input)} (${target.size(prepared)} characters)`;
    }
    target.verify(prepared, result);
    assert.ok(elapsed <= limit, `took ${Math.round(elapsed)} ms of CPU time (limit ${Math.round(limit)} ms for ${target.size(prepared)} characters)`);
  });
  const details = fc.check(property, { seed: options.seed, numRuns: options.numRuns, path: options.path, endOnFailure: false });
  report.totalMs = performance.now() - started;
  report.runs = details.numRuns;
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance);
    report.failure = `${fc.defaultReportMessage(details) ?? 'failed'}\n${error}`;
    report.counterexample = details.counterexample ? target.describe(details.counterexample[0]) : undefined;
    report.path = details.counterexamplePath ?? undefined;
  }
  return report;
}
