// Scores the engine on the labelled corpus of real projects in
// ../shared/corpus (read where it is, never copied into this repository): per
// labelled line, is there a finding of the right rule; and which findings of
// the labelled rules fall on no labelled line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../server/src/engine/audit.js';
import { walk } from '../../server/src/files/walk.js';
import { LineIndex } from '../../server/src/engine/text/lineIndex.js';

export const corpusDir = process.env.LICENSE_CLAIMS_CORPUS ?? join(__dirname, '..', '..', '..', 'shared', 'corpus');
export const corpusPresent = existsSync(join(corpusDir, 'README.md'));
export const labelledRules = ['claim-without-license', 'claim-non-osi-license', 'claim-partial-license', 'license-mismatch', 'invalid-license-id', 'deprecated-license-id', 'unverifiable-license'];

interface Label {
  rule: string | string[];
  file: string | string[];
  match?: string;
}

export interface ProjectScore {
  project: string;
  /** No finding expected: an ordinary project that must stay silent (allowed lines aside). */
  ordinary: boolean;
  hits: string[];
  misses: string[];
  falsePositives: string[];
}

function lineOf(text: string, match: string): number | undefined {
  const index = text.split(/\r?\n|\r/u).findIndex((line) => line.includes(match));
  return index < 0 ? undefined : index + 1;
}

const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

export function scoreProject(project: string): ProjectScore {
  const dir = join(corpusDir, project);
  const labels = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as { expect: Label[]; allow?: Label[] };
  const { files } = walk(dir);
  const textOf = new Map(files.map((file) => [file.path, file.text]));
  const findings = audit(files).findings.filter((finding) => labelledRules.includes(finding.rule));
  const located = findings.map((finding) => ({
    rule: finding.rule,
    file: finding.file,
    line: new LineIndex(textOf.get(finding.file) ?? '').positionAt(finding.span.start).line + 1,
    message: finding.message,
  }));
  const matches = (label: Label, finding: (typeof located)[number]) => {
    if (!asList(label.rule).includes(finding.rule) || !asList(label.file).includes(finding.file)) return false;
    if (label.match === undefined) return true;
    return lineOf(textOf.get(finding.file) ?? '', label.match) === finding.line;
  };
  const score: ProjectScore = { project, ordinary: labels.expect.length === 0, hits: [], misses: [], falsePositives: [] };
  for (const label of labels.expect) {
    const description = `${asList(label.file).join('|')}: ${asList(label.rule).join('|')} “${label.match ?? ''}”`;
    if (located.some((finding) => matches(label, finding))) score.hits.push(description);
    else score.misses.push(description);
  }
  const seen = new Set<string>();
  for (const finding of located) {
    if (labels.expect.some((label) => matches(label, finding)) || (labels.allow ?? []).some((label) => matches(label, finding))) continue;
    const key = `${finding.file}:${finding.line} ${finding.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    score.falsePositives.push(`${key} ${finding.message.slice(0, 140)}`);
  }
  return score;
}

export interface CorpusScore {
  projects: ProjectScore[];
  precision: number;
  recall: number;
  hits: number;
  misses: number;
  falsePositives: number;
  /** False findings on ordinary projects, per 100 of them. */
  falsePerHundredOrdinary: number;
}

export function scoreCorpus(): CorpusScore {
  const projects = readdirSync(corpusDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => scoreProject(entry.name));
  const hits = projects.reduce((sum, project) => sum + project.hits.length, 0);
  const misses = projects.reduce((sum, project) => sum + project.misses.length, 0);
  const falsePositives = projects.reduce((sum, project) => sum + project.falsePositives.length, 0);
  const ordinary = projects.filter((project) => project.ordinary);
  const ordinaryFalse = ordinary.reduce((sum, project) => sum + project.falsePositives.length, 0);
  const falsePerHundredOrdinary = ordinary.length === 0 ? 0 : (100 * ordinaryFalse) / ordinary.length;
  return { projects, hits, misses, falsePositives, falsePerHundredOrdinary, precision: hits + falsePositives === 0 ? 1 : hits / (hits + falsePositives), recall: hits + misses === 0 ? 1 : hits / (hits + misses) };
}

export const describeScore = (result: CorpusScore) =>
  `${result.projects.length} projects: precision ${result.precision.toFixed(3)} recall ${result.recall.toFixed(3)} (hits ${result.hits}, misses ${result.misses}, false positives ${result.falsePositives}); ` +
  `${result.falsePerHundredOrdinary.toFixed(1)} false findings per 100 ordinary projects (${result.projects.filter((project) => project.ordinary).length} ordinary)`;

if (require.main === module) {
  if (!corpusPresent) {
    console.log(`no corpus at ${corpusDir} (set LICENSE_CLAIMS_CORPUS to its folder)`);
    process.exit(2);
  }
  const result = scoreCorpus();
  for (const project of result.projects) {
    if (project.misses.length === 0 && project.falsePositives.length === 0) continue;
    console.log(`${project.project}`);
    for (const miss of project.misses) console.log(`  MISS ${miss}`);
    for (const falsePositive of project.falsePositives) console.log(`  FP   ${falsePositive}`);
  }
  console.log(describeScore(result));
}
