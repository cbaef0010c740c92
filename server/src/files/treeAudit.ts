// A tree's audit, streamed project by project, with bounded memory (the CLI
// and the language server's workspace audit both run it).
//
// The walk lists paths; the files are read and their facts computed on
// worker threads (or on this thread for small trees), which send back a
// file's text only when judging needs it. Reading goes in two rounds:
// manifests and LICENSE files first (they make the project roots, and hold
// `license-file` references; a LICENSE file is only checked to be readable
// then, its text being large), then the rest. A project is judged as soon as
// every file it depends on is read — its own files (its folder and below,
// down to nested projects), the files in its ancestors' folders (their
// declarations govern it when it has none) and the targets of their
// `license-file` references — with exactly those files, which gives the
// findings an audit of the whole tree gives it. `onJudged` converts them
// while the texts are at hand; a file's facts and text are dropped once
// every project that depends on it is judged.
import { join } from 'node:path';
import { audit, type AuditResult } from '../engine/audit.js';
import type { Config } from '../engine/config.js';
import type { FileProblem } from '../engine/declarations/declarationTypes.js';
import { isLicenseFileName } from '../engine/declarations/licenseFiles.js';
import { baseName, dirName, factsDefineProject, isManifestName, projectRoots, referenceTarget, type FileFacts } from '../engine/project.js';
import { isReadmeName } from '../engine/documents/markdownDocument.js';
import type { ClaimLanguage, SourceFile } from '../engine/types.js';
import { languagesKey, type FactsCache } from './factsCache.js';
import { answerRequest, Cancelled, defaultWorkerCount, FactsPool, workerScript, type FactsAnswer, type FactsRequest, type PoolRun } from './factsPool.js';
import type { ListedFile, Skip } from './walk.js';

/** Reading on this thread, the longest it reads before it lets other work (a cancellation, an editor's request) in. */
const mainThreadSliceMs = 10;

/** Below this much to read, starting worker threads costs more than it saves. */
export const workerThreshold = 2 * 1024 * 1024;

/** One project's judgment: `result` holds its findings and its own files' problems; `textOf` answers during the call only. */
export interface JudgedProject {
  root: string;
  result: AuditResult;
  textOf: (path: string) => string | undefined;
}

export interface TreeAuditOptions<T> extends PoolRun {
  /** The audited folder (absolute). */
  root: string;
  /** The walk's listing (walk with `listOnly`), in walk order. */
  listed: ListedFile[];
  configFor: (projectRoot: string) => Config;
  /** The text an editor holds for a path (read instead of the disk's). */
  openText?: (path: string) => string | undefined;
  cache?: FactsCache;
  /**
   * Worker threads to use; 0 or 1 reads on this thread. When not given: none
   * on two cores or fewer, else one per core (at most 4 and at most
   * `maxJobs`), once there is enough to read to be worth it
   * (factsPool.ts defaultWorkerCount).
   */
  jobs?: number;
  /** With `jobs` not given: at most this many worker threads. */
  maxJobs?: number;
  /** Bounds each worker's young generation (MB): less memory, more time collecting garbage. */
  workerYoungGenerationMb?: number;
  /** Called on this thread after each batch of answers (the server collects garbage there). */
  afterBatch?: () => void;
  onProgress?: (done: number, total: number) => void;
  /** Called as each project is judged (in no fixed order); what it returns goes to `onReady`. */
  onJudged: (judged: JudgedProject) => T;
  /**
   * Called with each project's `onJudged` value in a fixed order (the order
   * in which projects' last files are listed, then by root): the same order
   * on every run, whatever order the workers answer in.
   */
  onReady?: (value: T, root: string) => void;
}

export interface TreeAuditResult {
  /** Files read and judged. */
  files: number;
  /** Files listed but not read (binary, unreadable, not a regular file, too large). */
  skipped: Skip[];
  /** Problems of every file, in walk order. */
  problems: FileProblem[];
  projects: number;
  /** The largest number of texts held at once, and those still held at the end (for tests: texts are dropped as projects are judged). */
  peakTexts: number;
  textsLeft: number;
}

/** Files read in the first round: those that may make a project of their folder (a README does when it declares a license). */
const definesProject = (path: string) => {
  const name = baseName(path);
  return isManifestName(name) || isLicenseFileName(name) || isReadmeName(path);
};

interface Held {
  facts: FileFacts;
  text?: string;
  /** The first round's facts of a manifest: as the file was then (the second round reads only its text when it is unchanged). */
  firstRound?: { mtimeMs: number; size: number };
}

/**
 * An answer read on this thread whose facts are kept a long time (a manifest's
 * or README's of the first round, until its project is judged in the second;
 * the cache's, across audits), with facts of their own: the parser's strings
 * are slices of the file's text, and would keep all of it alive. (Answers
 * from worker threads are copies already.)
 */
function detached(answer: FactsAnswer, request: FactsRequest): FactsAnswer {
  if (!('facts' in answer) || answer.facts === undefined || !(request.noText || request.weigh)) return answer;
  return { ...answer, facts: structuredClone(answer.facts) };
}

export async function auditTree<T>(options: TreeAuditOptions<T>): Promise<TreeAuditResult> {
  const { listed, configFor, cache } = options;
  const indexOf = new Map(listed.map((file, index) => [file.path, index]));
  const held = new Map<string, Held>();
  const skipped: Skip[] = [];
  let peakTexts = 0;
  let texts = 0;
  let done = 0;
  const total = listed.length;

  const totalBytes = listed.reduce((sum, file) => sum + file.size, 0);
  const jobs = options.jobs ?? Math.min(defaultWorkerCount(), options.maxJobs ?? Number.POSITIVE_INFINITY);
  const script = workerScript();
  const worthIt = options.jobs === undefined ? totalBytes >= workerThreshold : listed.length > 1;
  // (`jobs: 1` reads on this thread; one worker chosen by `maxJobs` keeps this thread free)
  const pool = script && worthIt && (options.jobs === undefined ? jobs >= 1 : jobs > 1) ? new FactsPool(script, jobs, options.workerYoungGenerationMb) : undefined;

  let onRead: (path: string) => void = () => undefined;
  const probed = new Set<string>();
  const accept = (answer: FactsAnswer, request: FactsRequest, known?: { facts: FileFacts; needText: boolean }) => {
    if ('skip' in answer) {
      done++;
      skipped.push({ path: answer.path, reason: answer.skip });
      // (a manifest whose facts the first round read, gone since)
      held.delete(answer.path);
    } else if (request.probe) {
      probed.add(answer.path);
      // (read again, with its facts, in the second round)
      return;
    } else {
      let facts = answer.facts;
      let needText = answer.needText === true;
      if (!facts) {
        // unchanged since the cache read it
        facts = known!.facts;
        needText = known!.needText;
      } else if (cache && request.text === undefined) {
        cache.set(join(options.root, answer.path), { mtimeMs: answer.mtimeMs, size: answer.size, languages: languagesKey(request.languages) }, facts, needText, answer.weight ?? 0);
      }
      if (request.noText) {
        // the first round's facts of a manifest: read again, with its text, in the second round
        held.set(answer.path, { facts, firstRound: { mtimeMs: answer.mtimeMs, size: answer.size } });
        return;
      }
      done++;
      held.set(answer.path, needText ? { facts, text: answer.text } : { facts });
      if (needText) peakTexts = Math.max(peakTexts, ++texts);
    }
    onRead(answer.path);
  };

  const read = async (paths: ListedFile[], languagesOf: (path: string) => readonly ClaimLanguage[] | undefined, firstRound = false) => {
    const requests: FactsRequest[] = [];
    // the cache's facts of files sent to be read for their text (held here: the cache may forget them meanwhile)
    const knownFacts = new Map<string, { facts: FileFacts; needText: boolean }>();
    for (const file of paths) {
      const languages = languagesOf(file.path);
      const open = options.openText?.(file.path);
      const request: FactsRequest = { path: file.path, absolute: join(options.root, file.path), size: file.size, languages, ...(open !== undefined ? { text: open } : {}) };
      if (firstRound && isLicenseFileName(baseName(file.path))) {
        if (open !== undefined) probed.add(file.path);
        else requests.push({ ...request, probe: true });
        continue;
      }
      if (firstRound) request.noText = true;
      const before = held.get(file.path);
      if (before?.firstRound && open === undefined) {
        // a manifest read in the first round: only its text now, unless it changed since
        request.known = before.firstRound;
        knownFacts.set(file.path, { facts: before.facts, needText: true });
        requests.push(request);
        continue;
      }
      if (cache && open === undefined) {
        const key = join(options.root, file.path);
        const cached = cache.get(key, { mtimeMs: file.mtimeMs, size: file.size, languages: languagesKey(languages) });
        if (cached && !cached.needText) {
          // neither read nor parsed
          accept({ path: file.path, facts: cached.facts, mtimeMs: file.mtimeMs, size: file.size }, request);
          continue;
        }
        if (cached) {
          request.known = { mtimeMs: file.mtimeMs, size: file.size };
          knownFacts.set(file.path, cached);
        } else {
          request.weigh = true;
        }
      }
      requests.push(request);
    }
    const byPath = new Map(requests.map((request) => [request.path, request]));
    // each request and the cache's facts for it are let go once answered (a round of 20,000 files holds MBs of them)
    const answered = (answer: FactsAnswer) => {
      const request = byPath.get(answer.path)!;
      const known = knownFacts.get(answer.path);
      byPath.delete(answer.path);
      knownFacts.delete(answer.path);
      accept(answer, request, known);
    };
    const onAnswers = (answers: FactsAnswer[]) => {
      for (const answer of answers) answered(answer);
      options.onProgress?.(done, total);
      options.afterBatch?.();
    };
    if (pool) {
      await pool.run(requests, onAnswers, { isCancelled: options.isCancelled });
      return;
    }
    // on this thread, in slices of a few milliseconds (reading and the judgments a file completes both count)
    let next = 0;
    while (next < requests.length) {
      const sliceStart = performance.now();
      do {
        const request = requests[next];
        // (the array lets go of it too)
        requests[next++] = undefined!;
        answered(detached(answerRequest(request), request));
      } while (next < requests.length && performance.now() - sliceStart < mainThreadSliceMs);
      options.onProgress?.(done, total);
      options.afterBatch?.();
      // let a cancellation (or an editor's request) be heard: a message is parsed one loop turn after it is read
      await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
      if (options.isCancelled?.()) throw new Cancelled();
    }
  };

  try {
    // round 1: the files that make projects (a manifest or LICENSE file always sits in its own project's folder)
    const first = listed.filter((file) => definesProject(file.path));
    await read(first, (path) => configFor(dirName(path)).languages, true);
    const { roots, rootOf } = projectRoots(first.map((file) => file.path).filter((path) => probed.has(path) || (held.has(path) && factsDefineProject(path, held.get(path)!.facts))));
    const parentOf = (root: string) => (root === '' ? undefined : rootOf(root));

    // what each project's judgment reads
    const ownFiles = new Map<string, string[]>(roots.map((root) => [root, []]));
    const folderFiles = new Map<string, string[]>(roots.map((root) => [root, []]));
    for (const file of listed) {
      const root = rootOf(file.path);
      ownFiles.get(root)!.push(file.path);
      if (dirName(file.path) === root) folderFiles.get(root)!.push(file.path);
    }
    // `license-file = "…"` targets, and the license files a README links, are read with the manifest's or README's project (and given their text)
    const targetsOf = new Map<string, string[]>();
    for (const path of first.map((file) => file.path)) {
      const facts = held.get(path)?.facts;
      const declarations = facts?.kind === 'manifest' ? facts.read.declarations : facts?.kind === 'markdown' ? facts.document.readmeDeclarations : [];
      for (const declaration of declarations) {
        const target = declaration.fileReference ? referenceTarget(declaration) : undefined;
        if (target === undefined || !indexOf.has(target)) continue;
        const targets = targetsOf.get(dirName(path));
        if (targets) targets.push(target);
        else targetsOf.set(dirName(path), [target]);
      }
    }
    const inputsOf = new Map<string, string[]>();
    for (const root of roots) {
      const inputs = new Set([...ownFiles.get(root)!, ...(targetsOf.get(root) ?? [])]);
      for (let ancestor = parentOf(root); ancestor !== undefined; ancestor = parentOf(ancestor)) {
        for (const path of [...folderFiles.get(ancestor)!, ...(targetsOf.get(ancestor) ?? [])]) inputs.add(path);
      }
      inputsOf.set(root, [...inputs].sort((a, b) => indexOf.get(a)! - indexOf.get(b)!));
    }
    // the projects that read each file, and how many of them are still to be judged
    const dependants = new Map<string, string[]>();
    const waitingOn = new Map<string, number>();
    const pending = new Map<string, number>();
    // (those of the first round that were skipped: the others are read, with their texts, in the second)
    const isRead = new Set(skipped.map((skip) => skip.path));
    for (const [root, inputs] of inputsOf) {
      let count = 0;
      for (const path of inputs) {
        const list = dependants.get(path);
        if (list) list.push(root);
        else dependants.set(path, [root]);
        waitingOn.set(path, (waitingOn.get(path) ?? 0) + 1);
        if (!isRead.has(path)) count++;
      }
      pending.set(root, count);
    }
    // the fixed order of onReady: by the last input's place in the listing, then by root
    const lastInput = new Map(roots.map((root) => [root, inputsOf.get(root)!.reduce((last, path) => (isRead.has(path) ? last : Math.max(last, indexOf.get(path)!)), -1)]));
    const order = [...roots].sort((a, b) => lastInput.get(a)! - lastInput.get(b)! || (a < b ? -1 : 1));
    const ready = new Map<string, T>();
    let emitted = 0;
    const problems: { problem: FileProblem; index: number; order: number }[] = [];

    const judge = (root: string) => {
      const inputs = inputsOf.get(root)!.filter((path) => held.has(path));
      const files: SourceFile[] = inputs.map((path) => ({ path, text: held.get(path)!.text ?? '' }));
      const result = audit(files, { configFor, factsOf: (file) => held.get(file.path)?.facts, judge: (projectRoot) => projectRoot === root });
      const own = result.problems.filter((problem) => rootOf(problem.file) === root);
      for (const problem of own) problems.push({ problem, index: indexOf.get(problem.file) ?? -1, order: problems.length });
      const value = options.onJudged({ root, result: { ...result, problems: own }, textOf: (path) => held.get(path)?.text });
      ready.set(root, value);
      // a file nothing waits for any more is dropped
      for (const path of inputsOf.get(root)!) {
        const waiting = waitingOn.get(path)! - 1;
        waitingOn.set(path, waiting);
        if (waiting > 0) continue;
        if (held.get(path)?.text !== undefined) texts--;
        held.delete(path);
      }
      while (emitted < order.length && ready.has(order[emitted])) {
        const next = order[emitted++];
        const nextValue = ready.get(next)!;
        ready.delete(next);
        options.onReady?.(nextValue, next);
      }
    };
    onRead = (path) => {
      for (const root of dependants.get(path) ?? []) {
        const count = pending.get(root)! - 1;
        pending.set(root, count);
        if (count === 0) judge(root);
      }
    };
    for (const root of roots) if (pending.get(root) === 0) judge(root);

    // round 2: the rest, in walk order
    await read(
      listed.filter((file) => !isRead.has(file.path)),
      (path) => configFor(rootOf(path)).languages,
    );
    problems.sort((a, b) => a.index - b.index || a.order - b.order);
    return { files: total - skipped.length, skipped, problems: problems.map((entry) => entry.problem), projects: roots.length, peakTexts, textsLeft: texts };
  } finally {
    await pool?.close();
  }
}
