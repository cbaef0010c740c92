import type { Declaration } from '../types.js';
import { expressionLeaves, licenseKey, parseExpression } from '../licenses/expression.js';
import { licenseName } from './claimMessages.js';
import { describeLicense } from '../licenses/licenseKnowledge.js';
import { capitalise } from './claimMessages.js';
import type { FindingDraft, Rule } from './rule.js';

/** All declarations of one file and scope, taken together ("MIT OR Apache-2.0" in Cargo.toml, two badges). */
interface Statement {
  declarations: Declaration[];
  keys: Set<string>;
  /** Every license the same file names, in any scope: a README that puts the models under CC-BY-NC-4.0 agrees with a LICENSE holding that text. */
  fileKeys: Set<string>;
  isLicenseFile: boolean;
  /** How far the statement is trusted when two sides are equally many: the LICENSE text, then a manifest, then README prose. */
  trust: number;
}

const trustOf = (declaration: Declaration) => (declaration.source === 'license-file' ? 2 : declaration.strictSpdx ? 1 : 0);

function statements(declarations: Declaration[]): Statement[] {
  const groups = new Map<string, Statement>();
  const fileKeys = new Map<string, Set<string>>();
  for (const declaration of declarations) {
    const node = declaration.expression ? parseExpression(declaration.expression) : undefined;
    // a license known only by a name in prose, or terms stated in prose, is too vague to contradict anything;
    // a LICENSE text with restrictive clauses is not (it contradicts a manifest that says MIT)
    // a README's link to a license file points at a text (judged for claims), the file itself states it
    if (declaration.linked) continue;
    if (!node || (expressionLeaves(node).some((leaf) => !describeLicense(leaf.license).known) && !(declaration.source === 'license-file' && declaration.clauses?.length))) continue;
    // a manifest's license field and its trove classifiers are two statements (PEP 639: they must agree)
    const field = declaration.label.endsWith('classifier') ? 'classifier' : '';
    const key = `${declaration.file}\u0000${declaration.scope === 'model' ? 'model' : 'all'}\u0000${field}`;
    const keysOfFile = fileKeys.get(`${declaration.file}\u0000${field}`) ?? new Set<string>();
    fileKeys.set(`${declaration.file}\u0000${field}`, keysOfFile);
    const group = groups.get(key) ?? { declarations: [], keys: new Set<string>(), fileKeys: keysOfFile, isLicenseFile: declaration.source === 'license-file', trust: 0 };
    group.declarations.push(declaration);
    group.trust = Math.max(group.trust, trustOf(declaration));
    for (const leaf of expressionLeaves(node)) {
      group.keys.add(licenseKey(leaf.license));
      keysOfFile.add(licenseKey(leaf.license));
    }
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Whether two statements are consistent: they share a license, or are both LICENSE files (dual or split licensing). */
const agrees = (a: Statement, b: Statement) =>
  (a.isLicenseFile && b.isLicenseFile) || [...a.keys].some((key) => b.fileKeys.has(key)) || [...b.keys].some((key) => a.fileKeys.has(key));
const describe = (statement: Statement) => [...new Set(statement.declarations.map(licenseName))].join(', ');

/** Groups of statements linked by agreement. */
function components(statements: Statement[]): Statement[][] {
  const groups: Statement[][] = [];
  const seen = new Set<Statement>();
  for (const statement of statements) {
    if (seen.has(statement)) continue;
    const group: Statement[] = [];
    const queue = [statement];
    seen.add(statement);
    while (queue.length > 0) {
      const current = queue.pop()!;
      group.push(current);
      for (const other of statements) {
        if (!seen.has(other) && agrees(current, other)) {
          seen.add(other);
          queue.push(other);
        }
      }
    }
    groups.push(group);
  }
  return groups;
}

export const licenseMismatch: Rule = {
  id: 'license-mismatch',
  defaultSeverity: 'warning',
  summary: 'Two declarations of one project name different licenses (manifest vs LICENSE text, front matter vs LICENSE, README vs manifest).',
  check({ project }) {
    const findings: FindingDraft[] = [];
    const all = statements(project.declarations);
    for (const isModel of [false, true]) {
      const scoped = all.filter((statement) => (statement.declarations[0].scope === 'model') === isModel);
      const groups = components(scoped);
      if (groups.length < 2) continue;
      // the majority is trusted; on a tie, the side with the most trusted declaration (a LICENSE text over a manifest
      // over README prose): one finding per conflict, on the other side, naming both; every side only when even that ties
      const trust = (group: Statement[]) => Math.max(...group.map((statement) => statement.trust));
      const ordered = [...groups].sort((a, b) => b.length - a.length || trust(b) - trust(a));
      const [top, second] = ordered;
      const decided = top.length > second.length || trust(top) > trust(second);
      for (const statement of scoped) {
        const own = groups.find((group) => group.includes(statement))!;
        if (decided && own === top) continue;
        const trusted = decided ? top : scoped.filter((other) => !own.includes(other));
        const first = statement.declarations[0];
        const reference = trusted.find((other) => other.declarations.length === 1 && other.declarations[0].expression)?.declarations[0]!.expression;
        findings.push({
          rule: this.id,
          file: first.file,
          span: first.span,
          message: `${capitalise(first.label)} says ${describe(statement)}, but ${trusted.map((other) => `${other.declarations[0].label} says ${describe(other)}`).join(' and ')}: the project's license is contradictory.`,
          related: trusted.map((other) => ({ file: other.declarations[0].file, span: other.declarations[0].span, message: `${capitalise(other.declarations[0].label)}: ${describe(other)}` })),
          // a manifest field can be set to what the trusted side says
          fixes: first.strictSpdx && reference && statement.declarations.length === 1
            ? [{ title: `Change ${first.label} to “${reference}”`, edits: [{ file: first.file, span: first.span, newText: reference }] }]
            : [],
        });
      }
    }
    return findings;
  },
};
