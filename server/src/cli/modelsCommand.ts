// `license-claims models [paths…]`: the model bill of materials — every model
// reference the audit reads (deploy manifests, configs, code, Modelfiles,
// .env examples), the model's license and its verdict under the policy.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { configForProject, parseConfig, type Config } from '../engine/config.js';
import { describeLicense } from '../engine/licenses/licenseKnowledge.js';
import { createPolicy, type PolicyName } from '../engine/licenses/policy.js';
import { modelLicense } from '../engine/models/modelLicense.js';
import { modelFileFormat } from '../engine/models/modelReferences.js';
import { buildWorkspace, isManifestName } from '../engine/project.js';
import { isLicenseFileName } from '../engine/declarations/licenseFiles.js';
import { isReadmeName } from '../engine/documents/markdownDocument.js';
import type { SourceFile } from '../engine/types.js';
import { ruleIds } from '../engine/rules/index.js';
import { LineIndex } from '../engine/text/lineIndex.js';
import { readTextFile, walk } from '../files/walk.js';
import { terminalSafe } from './terminalText.js';
import { UsageError } from './usageError.js';

export interface ModelEntry {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  model: string;
  kind: string;
  /** A KAITO preset's Hugging Face repo. */
  resolvedModel?: string;
  via: string;
  byDefault: boolean;
  notDefaultBecause?: string;
  /** SPDX id, LicenseRef, or "unknown". */
  license: string;
  licenseName?: string;
  verdict: 'accepted' | 'rejected' | 'unknown';
  reason?: string;
  source?: string;
}

const toPosix = (path: string) => path.split('\\').join('/');

/**
 * The model bill of materials of each path: the references the audit reads,
 * decided as the audit decides them. The files that make projects and name
 * their packages (manifests, LICENSE files, READMEs) are read with the model
 * files and the workspace is built the audit's way, so a model on the command
 * line of the project's own program, or in one hardware profile of several,
 * is an option here as it is there.
 */
export function modelBillOfMaterials(paths: string[], policyFlag?: PolicyName): ModelEntry[] {
  const roots = paths.length > 0 ? paths : ['.'];
  // `file` is relative to the first path given, as the audit's JSON has it
  const first = resolve(roots[0]);
  const baseDirectory = existsSync(first) && statSync(first).isFile() ? dirname(first) : first;
  const entries: ModelEntry[] = [];
  for (const pathArg of roots) {
    const absolute = resolve(pathArg);
    if (!existsSync(absolute)) throw new UsageError(`no such file or folder: ${pathArg}`);
    const root = statSync(absolute).isFile() ? dirname(absolute) : absolute;
    const configs = new Map<string, Config>();
    const walked = walk(root, (dir, path, text) => {
      const config = parseConfig(text, path, ruleIds);
      configs.set(dir, config);
      return config.ignore ?? [];
    }, { listOnly: true });
    const files: SourceFile[] = [];
    for (const listed of walked.listed) {
      const name = listed.path.slice(listed.path.lastIndexOf('/') + 1);
      if (!modelFileFormat(name) && !isManifestName(name) && !isLicenseFileName(name) && !isReadmeName(listed.path)) continue;
      const read = readTextFile(join(root, listed.path));
      if ('reason' in read) continue;
      files.push({ path: listed.path, text: read.text });
    }
    const textOf = new Map(files.map((file) => [file.path, file.text]));
    const order = new Map(files.map((file, index) => [file.path, index]));
    const workspace = buildWorkspace(files);
    const found = workspace.projects.flatMap((project) => project.models.map((reference) => ({ reference, project: project.root })));
    found.sort((a, b) => order.get(a.reference.file)! - order.get(b.reference.file)! || a.reference.span.start - b.reference.span.start);
    const lineIndexes = new Map<string, LineIndex>();
    for (const { reference, project } of found) {
      const config = configForProject(configs, project, policyFlag ? { policy: policyFlag } : {});
      const policy = createPolicy(config.policy ?? 'osi', config.allow ?? []);
      let lines = lineIndexes.get(reference.file);
      if (!lines) lineIndexes.set(reference.file, (lines = new LineIndex(textOf.get(reference.file) ?? '')));
      const resolved = modelLicense(reference);
      const start = lines.positionAt(reference.span.start);
      const end = lines.positionAt(reference.span.end);
      const known = resolved.license !== 'unknown';
      const description = known ? describeLicense(resolved.license) : undefined;
      const accepted = known && policy.acceptsLicense(resolved.license);
      entries.push({
        file: toPosix(relative(baseDirectory, join(root, reference.file))) || reference.file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        model: reference.name,
        kind: reference.kind,
        ...(resolved.model !== reference.name ? { resolvedModel: resolved.model } : {}),
        via: reference.via,
        byDefault: reference.byDefault,
        ...(reference.notDefaultBecause ? { notDefaultBecause: reference.notDefaultBecause } : {}),
        license: resolved.license,
        ...(description ? { licenseName: description.name } : {}),
        verdict: !known ? 'unknown' : accepted ? 'accepted' : 'rejected',
        ...(known && !accepted ? { reason: `${description!.name} ${policy.rejectionPhrase}${description!.reason ? `: ${description!.reason}` : ''}` } : {}),
        ...(resolved.note ? { reason: resolved.note } : {}),
        ...(resolved.source ? { source: resolved.source } : {}),
      });
    }
  }
  return entries;
}

export function runModels(paths: string[], format: 'text' | 'json', policy: PolicyName | undefined, out: (text: string) => void): number {
  const entries = modelBillOfMaterials(paths, policy);
  if (format === 'json') {
    const count = (verdict: ModelEntry['verdict']) => entries.filter((entry) => entry.verdict === verdict).length;
    out(`${JSON.stringify({ version: 1, models: entries, summary: { references: entries.length, byDefault: entries.filter((entry) => entry.byDefault).length, accepted: count('accepted'), rejected: count('rejected'), unknown: count('unknown'), policy: policy ?? 'osi' } }, null, 2)}\n`);
    return 0;
  }
  if (entries.length === 0) {
    out('No model references found.\n');
    return 0;
  }
  for (const entry of entries) {
    const model = entry.resolvedModel ? `${entry.model} (${entry.resolvedModel})` : entry.model;
    const license = entry.license === 'unknown' ? 'license unknown' : `${entry.licenseName ?? entry.license}${entry.verdict === 'rejected' ? ' — not accepted' : ' — accepted'}`;
    const place = entry.byDefault ? 'default' : `option: ${entry.notDefaultBecause}`;
    out(`${terminalSafe(entry.file)}:${entry.line}:${entry.column} ${terminalSafe(model)} [${entry.kind}, ${terminalSafe(entry.via)}, ${place}] ${license}\n`);
  }
  const rejected = entries.filter((entry) => entry.verdict === 'rejected').length;
  const unknown = entries.filter((entry) => entry.verdict === 'unknown').length;
  out(`\n${entries.length} model reference${entries.length === 1 ? '' : 's'}: ${entries.length - rejected - unknown} accepted, ${rejected} not accepted by the policy, ${unknown} unknown\n`);
  return 0;
}
