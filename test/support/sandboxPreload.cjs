// Loaded with `node --require` into the CLI or the language server by the
// security tests. Every way out of the process that License Claims must never
// take is replaced by a function that records the attempt and throws:
// outbound sockets (net, tls, dgram, http, https, fetch, DNS), child processes,
// worker threads on anything but the bundle's own code, and writes to the file
// system. Every module file Node loads
// is recorded too (the tests check that none comes from the workspace). The
// records go, one JSON line each, to the file named by LICENSE_CLAIMS_SANDBOX_LOG
// (written with the fs functions captured before they are patched). Standard
// input and output stay usable: stdio pipes are sockets Node opens itself,
// without connect().
'use strict';
const fs = require('node:fs');
const Module = require('node:module');

const logFile = process.env.LICENSE_CLAIMS_SANDBOX_LOG;
if (!logFile) throw new Error('sandboxPreload: LICENSE_CLAIMS_SANDBOX_LOG is not set');
const appendFileSync = fs.appendFileSync;

let recording = false;
function record(kind, detail) {
  let text;
  try {
    text = JSON.stringify({ kind, detail, pid: process.pid });
  } catch {
    text = JSON.stringify({ kind, detail: String(detail), pid: process.pid });
  }
  // appendFileSync opens the log through fs.openSync, which is patched below
  recording = true;
  try {
    appendFileSync(logFile, `${text}\n`);
  } finally {
    recording = false;
  }
}

function describe(args) {
  return args.map((arg) => {
    if (typeof arg === 'function') return '[function]';
    if (arg instanceof URL) return arg.href;
    if (arg !== null && typeof arg === 'object') {
      const { host, hostname, port, path, href, url, method } = arg;
      return JSON.stringify({ host, hostname, port, path, href, url, method });
    }
    return String(arg);
  }).join(' ');
}

/** Replaces `owner[name]` with a function that records the call as `kind` and throws. */
function forbid(owner, name, kind) {
  if (!owner || typeof owner[name] !== 'function') return;
  const original = owner[name];
  const replacement = function forbidden(...args) {
    // the log's own append goes through fs.writeFileSync and fs.openSync
    if (recording) return original.apply(this, args);
    record(kind, `${name} ${describe(args)}`);
    throw new Error(`license-claims sandbox: ${kind} is forbidden (${name})`);
  };
  try {
    Object.defineProperty(owner, name, { value: replacement, writable: true, configurable: true });
  } catch {
    owner[name] = replacement;
  }
}

// network
const net = require('node:net');
forbid(net.Socket.prototype, 'connect', 'network');
for (const name of ['connect', 'createConnection']) forbid(net, name, 'network');
const tls = require('node:tls');
for (const name of ['connect', 'createSecureContext']) forbid(tls, name, 'network');
const dgram = require('node:dgram');
forbid(dgram, 'createSocket', 'network');
forbid(dgram.Socket.prototype, 'send', 'network');
forbid(dgram.Socket.prototype, 'connect', 'network');
const dns = require('node:dns');
const dnsFunctions = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveCaa', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];
for (const name of dnsFunctions) {
  forbid(dns, name, 'network');
  forbid(dns.promises, name, 'network');
  forbid(dns.Resolver && dns.Resolver.prototype, name, 'network');
  forbid(dns.promises.Resolver && dns.promises.Resolver.prototype, name, 'network');
}
for (const id of ['node:http', 'node:https', 'node:http2']) {
  const http = require(id);
  for (const name of ['request', 'get', 'connect']) forbid(http, name, 'network');
  if (http.Agent) forbid(http.Agent.prototype, 'createConnection', 'network');
}
forbid(globalThis, 'fetch', 'network');
if (typeof globalThis.WebSocket === 'function') forbid(globalThis, 'WebSocket', 'network');
if (typeof globalThis.EventSource === 'function') forbid(globalThis, 'EventSource', 'network');

// execution
const childProcess = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) forbid(childProcess, name, 'exec');
forbid(childProcess.ChildProcess && childProcess.ChildProcess.prototype, 'spawn', 'exec');
// worker threads only on License Claims' own bundle (LICENSE_CLAIMS_SANDBOX_CODE, its folder), never on a string of code
const path = require('node:path');
const { fileURLToPath } = require('node:url');
const workerThreads = require('node:worker_threads');
const allowedCode = process.env.LICENSE_CLAIMS_SANDBOX_CODE;
const OriginalWorker = workerThreads.Worker;
class SandboxedWorker extends OriginalWorker {
  constructor(filename, options) {
    const file = filename instanceof URL ? fileURLToPath(filename) : String(filename);
    const own = allowedCode !== undefined && !(options && options.eval) && path.isAbsolute(file) && path.resolve(file).startsWith(`${allowedCode}${path.sep}`);
    if (!own) {
      record('exec', `Worker ${file}`);
      throw new Error(`license-claims sandbox: a worker on ${file} is forbidden`);
    }
    record('worker', file);
    super(filename, options);
  }
}
workerThreads.Worker = SandboxedWorker;
forbid(process, 'dlopen', 'exec');
const vm = require('node:vm');
for (const name of ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']) forbid(vm, name, 'exec');
forbid(vm.Script && vm.Script.prototype, 'runInThisContext', 'exec');
forbid(vm.Script && vm.Script.prototype, 'runInNewContext', 'exec');
forbid(vm.Script && vm.Script.prototype, 'runInContext', 'exec');
forbid(process, 'binding', 'exec');

// writes to the file system
const writeFunctions = [
  'writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp', 'symlink', 'link',
  'truncate', 'ftruncate', 'chmod', 'chown', 'lchown', 'utimes', 'lutimes', 'futimes',
];
for (const name of writeFunctions) {
  forbid(fs, name, 'write');
  forbid(fs, `${name}Sync`, 'write');
  forbid(fs.promises, name, 'write');
}
forbid(fs, 'createWriteStream', 'write');
const isWriteFlag = (flags) => typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_APPEND)) !== 0 : typeof flags === 'string' && /[wa+]/u.test(flags);
for (const [owner, name] of [[fs, 'open'], [fs, 'openSync'], [fs.promises, 'open']]) {
  const original = owner[name];
  owner[name] = function open(path, flags, ...rest) {
    if (!recording && isWriteFlag(flags)) {
      record('write', `${name} ${String(path)} ${String(flags)}`);
      throw new Error(`license-claims sandbox: write is forbidden (${name} ${String(path)})`);
    }
    return original.call(this, path, flags, ...rest);
  };
}

// every module file Node loads
for (const extension of Object.keys(Module._extensions)) {
  const load = Module._extensions[extension];
  Module._extensions[extension] = function recordLoad(module, filename) {
    record('module', filename);
    return load.call(this, module, filename);
  };
}
