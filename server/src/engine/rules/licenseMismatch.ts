import type { Declaration } from '../types.js';
import { expressionLeaves, licenseKey, parseExpression } from '../licenses/expression.js';
import { licenseName } from './claimMessages.js';
import { describeLicense } from '../licenses/licenseKnowledge.js';
import { capitalise } from './claimWithoutLicense.js';
import type { FindingDraft, Rule } from './rule.js';

/** All declarations of one file and scope, taken together ("MIT OR Apache-2.0" in Cargo.toml, two badges). */
interface Statement {
  declarations: Declaration[];
  keys: Set<string>;
  isLicenseFile: boolean;
  rank: number;
}

const sourceRank: Record<Declaration['source'], number> = {
  'package.json': 0, 'pyproject.toml': 0, 'Cargo.toml': 0, 'front-matter': 0, 'CITATION.cff': 1, 'codemeta.json': 1,
  'spdx-header': 2, 'readme-section': 3, 'readme-badge': 3, 'readme-prose': 3, 'license-file': 4,
};

function comparable(a: Statement, b: Statement): boolean {
  const scopeA = a.declarations[0]!.scope;
  const scopeB = b.declarations[0]!.scope;
  const sameScope = (scopeA === 'model') === (scopeB === 'model');
  // several LICENSE files usually mean dual or split licensing, not a contradiction
  return sameScope && !(a.isLicenseFile && b.isLicenseFile) && a.declarations[0]!.file !== b.declarations[0]!.file;
}

function statements(declarations: Declaration[]): Statement[] {
  const groups = new Map<string, Statement>();
  for (const declaration of declarations) {
    const node = declaration.expression ? parseExpression(declaration.expression) : undefined;
    // a license known only by a name in prose, or terms stated in prose, is too vague to contradict anything
    if (!node || expressionLeaves(node).some((leaf) => !describeLicense(leaf.license).known)) continue;
    const key = `${declaration.file}\u0000${declaration.scope === 'model' ? 'model' : 'all'}`;
    const group = groups.get(key) ?? { declarations: [], keys: new Set<string>(), isLicenseFile: declaration.source === 'license-file', rank: sourceRank[declaration.source] };
    group.declarations.push(declaration);
    for (const leaf of expressionLeaves(node)) group.keys.add(licenseKey(leaf.license));
    group.rank = Math.min(group.rank, sourceRank[declaration.source]);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const agrees = (a: Statement, b: Statement) => [...a.keys].some((key) => b.keys.has(key));
const describe = (statement: Statement) => [...new Set(statement.declarations.map(licenseName))].join(', ');

export const licenseMismatch: Rule = {
  id: 'license-mismatch',
  defaultSeverity: 'warning',
  summary: 'Two declarations of one project name different licenses (manifest vs LICENSE text, front matter vs LICENSE, README vs manifest).',
  check({ project }) {
    const all = statements(project.declarations);
    const findings: FindingDraft[] = [];
    const tally = all.map((statement) => {
      const others = all.filter((other) => other !== statement && comparable(statement, other));
      return { statement, against: others.filter((other) => !agrees(statement, other)), with: others.filter((other) => agrees(statement, other)) };
    });
    const disputed = tally.filter((entry) => entry.against.length > 0);
    if (disputed.length === 0) return [];
    let reported = disputed.filter((entry) => entry.against.length > entry.with.length || (entry.against.length === entry.with.length && entry.statement.rank <= 1));
    if (reported.length === 0) {
      const top = Math.min(...disputed.map((entry) => entry.statement.rank));
      reported = disputed.filter((entry) => entry.statement.rank === top).slice(0, 1);
    }
    for (const { statement, against } of reported) {
      const first = statement.declarations[0]!;
      findings.push({
        rule: this.id,
        file: first.file,
        span: first.span,
        message: `${capitalise(first.label)} says ${describe(statement)}, but ${against.map((other) => `${other.declarations[0]!.label} says ${describe(other)}`).join(' and ')}: the project's license is contradictory.`,
        related: against.map((other) => ({ file: other.declarations[0]!.file, span: other.declarations[0]!.span, message: `${capitalise(other.declarations[0]!.label)}: ${describe(other)}` })),
        fixes: [],
      });
    }
    return findings;
  },
};
