// The other tools the workspace figure compares with, all from Debian:
// ripgrep (the baseline: a plain search for the claim phrases), and the
// tools people run today to check licenses over a tree: `reuse lint`,
// `licensee detect` (ruby-licensee) and `licensecheck -r`. Missing ones are
// installed with apt-get when the bench runs as root; otherwise what is
// missing is printed and the bench goes on without them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { log, timeProcess, versionOf } from './lib.mjs';

export const tools = {
  rg: { package: 'ripgrep', version: () => versionOf('rg', ['--version']) },
  reuse: { package: 'reuse', version: () => versionOf('reuse', ['--version']) },
  licensee: { package: 'ruby-licensee', version: () => { const version = versionOf('licensee', ['version']); return version && `licensee ${version}`; } },
  licensecheck: { package: 'licensecheck', version: () => versionOf('licensecheck', ['--version'])?.replace(/^This is licensecheck version /u, 'licensecheck ') },
};

function apt(args) {
  log(`apt-get ${args.join(' ')}`);
  const result = spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error || result.status !== 0) return `apt-get ${args.join(' ')} failed: ${result.error?.message ?? result.stderr.trim().split('\n').slice(-3).join(' / ')}`;
  return undefined;
}

/**
 * The versions of `names`, installing the missing ones with apt-get when
 * running as root (`install`). Returns { versions: {name: version},
 * missing: {name: why} }.
 */
export function ensureTools(names, { install = true } = {}) {
  const versions = {};
  const missing = {};
  for (const name of names) {
    const version = tools[name].version();
    if (version) versions[name] = version;
  }
  const absent = names.filter((name) => !versions[name]);
  if (absent.length === 0) return { versions, missing };
  const packages = absent.map((name) => tools[name].package);
  const isRoot = process.getuid?.() === 0;
  let failure;
  if (!install) failure = 'not installed';
  else if (!isRoot) failure = `not installed, and the bench is not root: install with \`sudo apt-get install ${packages.join(' ')}\``;
  else {
    failure = apt(['update']) ?? apt(['install', '-y', '--no-install-recommends', ...packages]);
  }
  for (const name of absent) {
    const version = tools[name].version();
    if (version) versions[name] = version;
    else missing[name] = `${name} (Debian package ${tools[name].package}): ${failure ?? 'still not runnable after apt-get install'}`;
  }
  return { versions, missing };
}

/**
 * The files the audit reads (engine/project.ts isRelevantFile) as rg globs:
 * manifests, LICENSE-like names (a little wider than the engine's test) and
 * Markdown. Without them rg would search every source file too.
 */
export const auditedFileGlobs = [
  '--glob', '{package.json,pyproject.toml,Cargo.toml,CITATION.cff,codemeta.json}',
  '--iglob', '{licen[cs]e,unlicen[cs]e,copying,copyright,model[-_.]licen[cs]e,modellicen[cs]e}*',
  '--iglob', '*.{md,markdown,mdx}',
];

/** `rg` over the files the audit reads for the claim phrases (case-insensitive), one count line per matching file; .gitignore honoured even outside a git repository. */
export function ripgrep(tree, pattern, { stdoutFile, timeoutMs }) {
  return timeProcess('rg', ['--no-require-git', '--ignore-case', '--count', ...auditedFileGlobs, '--regexp', pattern, tree], { stdoutFile, timeoutMs });
}

/** `reuse lint` at the root of the tree (a git repository, so it skips what .gitignore ignores); `env` for the process (GIT_CEILING_DIRECTORIES). */
export function reuseLint(tree, { stdoutFile, timeoutMs, env }) {
  return timeProcess('reuse', ['--root', tree, 'lint'], { cwd: tree, stdoutFile, timeoutMs, env });
}

/** `licensecheck -r` over the tree, skipping node_modules and .git (it does not read .gitignore). */
export function licensecheck(tree, { stdoutFile, timeoutMs }) {
  return timeProcess('licensecheck', ['--recursive', '--ignore', '(^|/)(node_modules|\\.git)/', tree], { stdoutFile, timeoutMs });
}

/** Folders that hold a LICENSE or a manifest, outside node_modules and .git: what `licensee detect` looks at, one folder at a time. */
export function projectFolders(tree) {
  const folders = [];
  const visit = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((entry) => entry.isFile() && /^(?:LICEN[CS]E|COPYING|package\.json|pyproject\.toml|Cargo\.toml)/iu.test(entry.name))) folders.push(dir);
    for (const entry of entries) if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') visit(join(dir, entry.name));
  };
  visit(tree);
  return folders;
}

/** What `licensee detect --json FOLDER` runs (bin/licensee, lib/licensee/commands/detect.rb), for many folders in one Ruby process. */
const licenseeBatch = `
require 'json'
require 'licensee'
ARGV.each do |path|
  project = Licensee.project(path, detect_packages: true, detect_readme: true)
  $stdout.puts JSON.generate(project.to_h)
end
`;

/**
 * `licensee detect` on every folder: one Ruby process that runs the detect
 * command's code for each folder (licensee's CLI takes one folder and starts
 * Ruby each time, which would cost it ~0.4 s a folder more).
 */
export function licenseeDetect(folders, { stdoutFile, timeoutMs }) {
  return timeProcess('ruby', ['-e', licenseeBatch, ...folders], { stdoutFile, timeoutMs });
}

export const describeFolders = (tree, folders) => `${folders.length} project folders (${folders.slice(0, 2).map((folder) => relative(tree, folder) || '.').join(', ')}, …)`;
