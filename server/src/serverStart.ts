// Starts the language server (server/out/server.js, bundled from this file):
// it runs the server's bundle (server-bundle.js, from server.ts). Node parses
// and compiles that 2 MB bundle on every start, about a third of the time to
// the first diagnostics. When LICENSE_CLAIMS_CODE_CACHE names a folder of the
// user's own (the VS Code client gives its private storage), V8's code for
// the bundle is kept there after a start and used on the next ones: the
// bundle is compiled from that cache instead of from its source. Anything
// amiss (no folder, another Node or bundle (the cache is keyed by its bytes), a cache V8 rejects, a damaged
// file, no room) only means an ordinary compile.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { codeCacheVariable } from './codeCacheVariable.js';

const bundle = join(__dirname, 'server-bundle.js');
const cacheDir = process.env[codeCacheVariable];

/** A cache file: the SHA-256 of V8's data, then the data (V8 checks that the data fits its version, flags and source, not that it is intact: damaged data can crash it). */
const digestLength = 32;

function runWithCodeCache(dir: string): void {
  let source: string;
  let cacheFile: string;
  try {
    const bytes = readFileSync(bundle);
    source = bytes.toString('utf8');
    // keyed by the bundle's bytes, not its size and time: V8 checks only the source's length, so a cache of
    // another bundle of the same length would run that bundle's code (two releases' bundles can share a size,
    // and installs can share a time: a Nix store gives every file the same; 1.3 ms for 2 MB)
    const key = createHash('sha256').update(bytes).update(JSON.stringify([process.version, process.arch, process.execArgv])).digest('hex').slice(0, 24);
    cacheFile = join(dir, `server-${key}.v8-cache`);
  } catch {
    require(bundle);
    return;
  }
  const cachedData = readCache(cacheFile);
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // written when the server ends (or after a minute), so that it holds the code of the first judgment too
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      writeCache(dir, cacheFile, script);
    };
    process.once('exit', write);
    setTimeout(write, 60_000).unref();
  }
  const module = new Module(bundle, undefined);
  module.filename = bundle;
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

/**
 * Whether a cache folder or file is this user's alone: V8 runs what the cache holds, so a folder another user
 * made or can write to (a shared /tmp path named by the variable) could hold code of theirs. Not a link, owned
 * by this user, writable by no one else. Windows has no such modes: there the folder is the profile's own.
 */
function ownedPrivately(path: string, kind: 'folder' | 'file'): boolean {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink() || (kind === 'folder' ? !stat.isDirectory() : !stat.isFile())) return false;
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

/** Partial files of a server that died mid-write, after this long; other bundles' caches (an older window may still run one), after a day. */
const partialAgeMs = 60_000;
const otherCacheAgeMs = 24 * 60 * 60 * 1000;

function readCache(file: string): Buffer | undefined {
  try {
    if (!ownedPrivately(dirname(file), 'folder') || !ownedPrivately(file, 'file')) return undefined;
    const bytes = readFileSync(file);
    const data = bytes.subarray(digestLength);
    return data.length > 0 && createHash('sha256').update(data).digest().equals(bytes.subarray(0, digestLength)) ? data : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(dir: string, file: string, script: Script): void {
  try {
    const data = script.createCachedData();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!ownedPrivately(dir, 'folder')) return;
    // a whole file or none: written aside, then renamed over
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.concat([createHash('sha256').update(data).digest(), data]), { mode: 0o600 });
    renameSync(partial, file);
    // the caches of other bundles and Node versions are of no more use once no window runs them; partial files of a crash
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      if (!name.startsWith('server-') || name === basename(file)) continue;
      const age = now - statSync(join(dir, name)).mtimeMs;
      if ((name.endsWith('.partial') && age > partialAgeMs) || (name.endsWith('.v8-cache') && age > otherCacheAgeMs)) unlinkSync(join(dir, name));
    }
  } catch {
    // no cache this time
  }
}

if (cacheDir) runWithCodeCache(cacheDir);
else require(bundle);
