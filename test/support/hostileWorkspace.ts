// A generated hostile workspace: every kind of input the walk and the engine
// must survive (huge, binary, invalid UTF-8, deeply nested, looping, escaping,
// unreadable, FIFOs, enormous manifests) next to ordinary projects whose
// findings must still be reported. Also: how to run a process as an
// unprivileged user, so "unreadable" is real even when the tests run as root.
import { chmodSync, copyFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cliPath, licenseText, repoRoot, tempDir } from './workspace.js';

/** A finding the audit must report (path relative to the workspace root). */
export interface ExpectedFinding {
  file: string;
  rule: string;
}

/** A skip the audit must report. */
export interface ExpectedSkip {
  path: string;
  reason: RegExp;
}

export interface HostileWorkspace {
  root: string;
  /** A folder outside the root that symlinks point into. */
  outside: string;
  findings: ExpectedFinding[];
  skipped: ExpectedSkip[];
  /** Files that must be judged and produce no finding (negative controls). */
  quiet: string[];
  /** Files that must never appear in findings (skipped, outside, or not files). */
  never: string[];
  /** Why the unreadable-file case cannot be made real here (undefined when it is real). */
  unreadableSkipReason?: string;
  /** Undo the permission changes (so the temporary folders can be removed). */
  restore(): void;
}

/** How to run a process as a user that file permissions apply to. */
export interface Unprivileged {
  /** Prepended to the command line ([] when the tests do not run as root). */
  prefix: string[];
  /** The CLI and the server to run with `prefix`: the built ones, or copies that the user can read. */
  cliPath: string;
  serverPath: string;
  /** Why the unreadable cases are not real (undefined when they are). */
  skipReason?: string;
}

const nobody = 65534;

/**
 * As root, permissions do not stop reads: run the process through
 * `setpriv --reuid=65534 --regid=65534 --clear-groups` (it execs, so the pid
 * stays the process's). Not root: nothing to do.
 */
export function unprivileged(): Unprivileged {
  const built = { cliPath, serverPath: join(repoRoot, 'server', 'out', 'server.js') };
  if (typeof process.getuid !== 'function') return { prefix: [], ...built, skipReason: 'no POSIX user ids on this platform' };
  if (process.getuid() !== 0) return { prefix: [], ...built };
  const prefix = ['setpriv', `--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups'];
  const probe = spawnSync(prefix[0], [...prefix.slice(1), process.execPath, '-e', 'process.exit(process.getuid() === 65534 ? 0 : 3)'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return { prefix: [], ...built, skipReason: `running as root and cannot drop to uid ${nobody} with setpriv (${probe.error?.message ?? `exit ${probe.status}: ${probe.stderr.trim()}`}), so chmod 000 does not stop reads` };
  }
  return { prefix, ...readableBundles(prefix, built) };
}

/**
 * The built CLI and server, where `prefix`'s user can read them: in place when
 * it can, else copied (the bundles are self-contained) into a temporary folder
 * anyone can read — a clone under a private folder (mktemp -d, root's home,
 * mode 700) is out of that user's reach.
 */
function readableBundles(prefix: string[], built: { cliPath: string; serverPath: string }): { cliPath: string; serverPath: string } {
  const check = `const fs = require('node:fs'); for (const file of process.argv.slice(1)) fs.accessSync(file, fs.constants.R_OK)`;
  const canRead = spawnSync(prefix[0], [...prefix.slice(1), process.execPath, '-e', check, built.cliPath, built.serverPath], { encoding: 'utf8' });
  if (canRead.status === 0) return built;
  const copy = tempDir('license-claims-bundles-');
  chmodSync(copy, 0o755);
  for (const folder of ['bin', join('server', 'out')]) {
    mkdirSync(join(copy, folder), { recursive: true, mode: 0o755 });
    for (const name of readdirSync(join(repoRoot, folder))) {
      if (name.endsWith('.map')) continue;
      copyFileSync(join(repoRoot, folder, name), join(copy, folder, name));
      chmodSync(join(copy, folder, name), 0o644);
    }
  }
  return { cliPath: join(copy, 'bin', 'license-claims.js'), serverPath: join(copy, 'server', 'out', 'server.js') };
}

/** Command and arguments of `command args…` run with `prefix`. */
export function wrapped(prefix: string[], command: string, args: string[]): [string, string[]] {
  return prefix.length === 0 ? [command, args] : [prefix[0], [...prefix.slice(1), command, ...args]];
}

function write(root: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true, mode: 0o755 });
  writeFileSync(join(root, path), content, { mode: 0o644 });
}

function fifo(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
  const made = spawnSync('mkfifo', ['-m', '644', path], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.error?.message ?? made.stderr}`);
}

const mib = 1024 * 1024;

/** About `bytes` of Markdown prose with a claim in every paragraph. */
export function hugeMarkdown(bytes: number): string {
  const paragraph = 'This paragraph says the project is open source. It also talks about parsing, reports and configuration files at some length.\n\n';
  return `# Huge\n\n${paragraph.repeat(Math.ceil(bytes / paragraph.length))}`;
}

/**
 * Writes the workspace. `unreadableBy` is the identity the audit will run as
 * (see unprivileged()); the unreadable cases are made and expected only when
 * that identity is really refused.
 */
export function makeHostileWorkspace(unreadableBy: Unprivileged): HostileWorkspace {
  const root = tempDir('license-claims-hostile-');
  const outside = tempDir('license-claims-outside-');
  // mkdtemp makes 0700 folders: the unprivileged audit must be able to enter them
  chmodSync(root, 0o755);
  chmodSync(outside, 0o755);
  const findings: ExpectedFinding[] = [];
  const skipped: ExpectedSkip[] = [];
  const quiet: string[] = [];
  const never: string[] = [];
  const nc = 'CC-BY-NC-4.0';

  // ── ordinary projects, which must still be judged ──
  write(root, 'ordinary/openwashed/package.json', `${JSON.stringify({ name: 'openwashed', license: nc }, null, 2)}\n`);
  write(root, 'ordinary/openwashed/README.md', '# Openwashed\n\nOpenwashed is an open-source library.\n');
  findings.push({ file: 'ordinary/openwashed/README.md', rule: 'claim-non-osi-license' });
  write(root, 'ordinary/model/README.md', '---\nlicense: llama3\n---\n\n# A model\n\nThis is an open-source model.\n');
  findings.push({ file: 'ordinary/model/README.md', rule: 'claim-non-osi-license' });
  write(root, 'ordinary/honest/package.json', `${JSON.stringify({ name: 'honest', license: 'MIT' }, null, 2)}\n`);
  write(root, 'ordinary/honest/LICENSE', licenseText('MIT'));
  write(root, 'ordinary/honest/README.md', '# Honest\n\nHonest is an open-source library.\n');
  quiet.push('ordinary/honest/README.md');

  // ── a 20 MB Markdown file ──
  write(root, 'huge/package.json', `${JSON.stringify({ name: 'huge', license: 'MIT' })}\n`);
  write(root, 'huge/README.md', hugeMarkdown(20 * mib));
  skipped.push({ path: 'huge/README.md', reason: /^larger than 1 MiB$/ });
  never.push('huge/README.md');

  // ── a binary file named README.md ──
  write(root, 'binary/README.md', Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(4096, 0), Buffer.from('This is open source.\n')]));
  skipped.push({ path: 'binary/README.md', reason: /^binary$/ });
  never.push('binary/README.md');

  // ── invalid UTF-8 in a README and in a package.json: judged, with replacement characters ──
  const bad = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0xf0, 0x9f, 0x92]);
  write(root, 'invalid-utf8/package.json', Buffer.concat([Buffer.from('{\n  "name": "invalid-utf8",\n  "description": "bytes '), bad, Buffer.from(`",\n  "license": "${nc}"\n}\n`)]));
  write(root, 'invalid-utf8/README.md', Buffer.concat([Buffer.from('# Invalid '), bad, Buffer.from('\n\nStray bytes '), bad, Buffer.from(' here. Invalid is an open-source tool.\n')]));
  findings.push({ file: 'invalid-utf8/README.md', rule: 'claim-non-osi-license' });

  // ── a package.json nested 10,000 deep (valid JSON) ──
  const depth = 10_000;
  write(root, 'deep-json/package.json', `{"name": "deep-json", "license": "${nc}", "config": ${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}}\n`);
  write(root, 'deep-json/README.md', 'Deep JSON is an open-source library.\n');
  findings.push({ file: 'deep-json/README.md', rule: 'claim-non-osi-license' });

  // ── YAML front matter nested 10,000 deep (flow style, valid YAML) ──
  write(root, 'deep-yaml/README.md', `---\nlicense: cc-by-nc-4.0\nnested: ${'['.repeat(depth)}1${']'.repeat(depth)}\n---\n\n# Deep YAML\n\nThis is an open-source model.\n`);
  findings.push({ file: 'deep-yaml/README.md', rule: 'claim-non-osi-license' });

  // ── a pyproject.toml nested 10,000 deep (valid TOML) ──
  write(root, 'deep-toml/pyproject.toml', `[project]\nname = "deep-toml"\nlicense = "${nc}"\n\n[tool.deep]\nnested = ${'['.repeat(depth)}1${']'.repeat(depth)}\n`);
  write(root, 'deep-toml/README.md', 'Deep TOML is an open-source library.\n');
  findings.push({ file: 'deep-toml/README.md', rule: 'claim-non-osi-license' });

  // ── a manifest with 100,000 keywords ──
  // (short ones: the file stays under the walk's 1 MiB limit, so it is read and judged)
  const keywords = Array.from({ length: 100_000 }, (_, index) => `k${index}`);
  write(root, 'keywords/package.json', `${JSON.stringify({ name: 'keywords', license: nc, keywords })}\n`);
  write(root, 'keywords/README.md', 'Keywords is an open-source library.\n');
  findings.push({ file: 'keywords/README.md', rule: 'claim-non-osi-license' });

  // ── symlink loops: a folder linking to its parent, and a link to itself ──
  write(root, 'loop/package.json', `${JSON.stringify({ name: 'loop', license: nc })}\n`);
  write(root, 'loop/README.md', 'Loop is an open-source library.\n');
  findings.push({ file: 'loop/README.md', rule: 'claim-non-osi-license' });
  symlinkSync('..', join(root, 'loop/parent'));
  skipped.push({ path: 'loop/parent', reason: /symlink loop/ });
  mkdirSync(join(root, 'loop/self'), { mode: 0o755 });
  symlinkSync('README.md', join(root, 'loop/self/README.md'));
  skipped.push({ path: 'loop/self/README.md', reason: /symlink loop|ELOOP/ });
  never.push('loop/self/README.md');

  // ── symlinks pointing outside the root (a file and a folder) ──
  write(outside, 'README.md', 'Outside is an open-source library.\n');
  write(outside, 'inner/README.md', 'Inner is an open-source library.\n');
  mkdirSync(join(root, 'escape'), { mode: 0o755 });
  symlinkSync(join(outside, 'README.md'), join(root, 'escape/README.md'));
  symlinkSync(join(outside, 'inner'), join(root, 'escape/inner'));
  skipped.push({ path: 'escape/README.md', reason: /^symlink pointing outside the audited folder$/ }, { path: 'escape/inner', reason: /^symlink pointing outside the audited folder$/ });
  never.push('escape/README.md', 'escape/inner/README.md');

  // ── FIFOs: reading one would block forever ──
  fifo(join(root, 'fifo/README.md'));
  write(root, 'fifo/docs/guide.md', 'The guide says FIFO is an open-source tool.\n');
  // governed by the root, which declares nothing
  findings.push({ file: 'fifo/docs/guide.md', rule: 'claim-without-license' });
  skipped.push({ path: 'fifo/README.md', reason: /not a regular file/ });
  never.push('fifo/README.md');
  // …also as the files the walk reads for itself
  fifo(join(root, 'fifo-config/.gitignore'));
  fifo(join(root, 'fifo-config/.license-claims.json'));
  write(root, 'fifo-config/package.json', `${JSON.stringify({ name: 'fifo-config', license: nc })}\n`);
  write(root, 'fifo-config/README.md', 'FIFO config is an open-source library.\n');
  findings.push({ file: 'fifo-config/README.md', rule: 'claim-non-osi-license' });
  skipped.push({ path: 'fifo-config/.gitignore', reason: /not a regular file/ }, { path: 'fifo-config/.license-claims.json', reason: /not a regular file/ });

  // ── unreadable files and folders (real only when the audit runs unprivileged) ──
  const restore: (() => void)[] = [];
  if (unreadableBy.skipReason === undefined) {
    write(root, 'unreadable/package.json', `${JSON.stringify({ name: 'unreadable', license: nc })}\n`);
    write(root, 'unreadable/README.md', 'Unreadable is an open-source library.\n');
    write(root, 'unreadable/docs/guide.md', 'The guide says it is open source.\n');
    write(root, 'unreadable/.license-claims.json', '{"policy": "osi"}\n');
    write(root, 'unreadable-folder/README.md', 'Unreadable folder is open source.\n');
    for (const path of ['unreadable/README.md', 'unreadable/.license-claims.json', 'unreadable-folder']) {
      chmodSync(join(root, path), 0o000);
      restore.push(() => chmodSync(join(root, path), path.endsWith('folder') ? 0o755 : 0o644));
    }
    // the package.json is still read: the readable guide is judged against it
    findings.push({ file: 'unreadable/docs/guide.md', rule: 'claim-non-osi-license' });
    skipped.push(
      { path: 'unreadable/README.md', reason: /^unreadable \(EACCES\)$/ },
      { path: 'unreadable/.license-claims.json', reason: /unreadable.*\(EACCES\)/ },
      { path: 'unreadable-folder', reason: /^unreadable folder \(EACCES\)$/ },
    );
    never.push('unreadable/README.md', 'unreadable-folder/README.md');
    // make sure the identity really is refused (a capability could still let it read)
    const [command, args] = wrapped(unreadableBy.prefix, process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(join(root, 'unreadable/README.md'))})`]);
    if (spawnSync(command, args).status === 0) {
      for (const undo of restore) undo();
      throw new Error('the unprivileged identity can still read a chmod 000 file');
    }
  }

  return {
    root, outside, findings, skipped, quiet, never,
    unreadableSkipReason: unreadableBy.skipReason,
    restore: () => { for (const undo of restore) undo(); },
  };
}

/** `count` small Markdown files with a claim each, for walks that must survive files vanishing. */
export function manyFiles(root: string, count: number, folder = 'pages'): string[] {
  const paths: string[] = [];
  for (let index = 0; index < count; index++) {
    const path = `${folder}/page-${index}.md`;
    write(root, path, `Page ${index} is open source.\n`);
    paths.push(path);
  }
  return paths;
}
