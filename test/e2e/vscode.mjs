// A real VS Code (code-server 4.100.3 = VS Code 1.100.3) with the packaged
// extension installed, driven through its UI by Playwright in headless Chromium.
// Every session gets a fresh profile in a temp dir (user data, extensions, XDG
// dirs, Chromium profile), so nothing is written to $HOME; stop() ends the
// browser and the whole code-server process group and deletes the temp dir.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls fn() until it returns something truthy; throws `what` after timeoutMs. */
export async function waitFor(what, fn, timeoutMs = 30000, everyMs = 200) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try { last = await fn(); } catch (error) { last = undefined; if (Date.now() > deadline) throw error; }
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

const freePort = () => new Promise((resolve, reject) => {
  const server = net.createServer();
  server.on('error', reject);
  server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
});

const groupAlive = (pid) => { try { process.kill(-pid, 0); return true; } catch (error) { return error.code === 'EPERM'; } };

function runToEnd(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

export class VSCode {
  /** @param {{installDir: string, vsix: string, folder: string, settings?: object, chromium?: string, log?: (...a: unknown[]) => void}} options */
  constructor(options) {
    this.options = options;
    this.log = options.log ?? (() => {});
    this.serverLog = '';
  }

  async start() {
    const { installDir, vsix, folder } = this.options;
    const entry = path.join(installDir, 'node_modules/code-server/out/node/entry.js');
    if (!fs.existsSync(entry)) throw new Error(`no code-server in ${installDir}: run scripts/e2e/setup-code-server.sh`);
    const tmp = (this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'license-claims-e2e-')));
    const dirs = { ud: 'user-data', ext: 'extensions', chrome: 'chromium', config: 'xdg/config', data: 'xdg/data', cache: 'xdg/cache', tmp: 'tmp' };
    for (const [key, rel] of Object.entries(dirs)) fs.mkdirSync((dirs[key] = path.join(tmp, rel)), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'run'), { mode: 0o700 });
    fs.mkdirSync(path.join(dirs.ud, 'User'));
    this.userSettingsFile = path.join(dirs.ud, 'User/settings.json');
    fs.writeFileSync(this.userSettingsFile, JSON.stringify({
      'workbench.startupEditor': 'none', // the Welcome walkthrough would take the keyboard focus
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'git.enabled': false,
      'security.workspace.trust.enabled': false,
      'editor.hover.delay': 300,
      'json.schemaDownload.enable': false, // offline: no schemastore.org warning in Problems
      ...this.options.settings,
    }, null, 2));
    const cfg = path.join(tmp, 'config.yaml');
    fs.writeFileSync(cfg, 'auth: none\ncert: false\n');
    // XDG_* and TMPDIR keep code-server's config, logs, sockets and caches in the temp dir;
    // EXTENSIONS_GALLERY={} turns the marketplace off (offline).
    this.env = {
      ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache,
      XDG_RUNTIME_DIR: path.join(tmp, 'run'), TMPDIR: dirs.tmp, EXTENSIONS_GALLERY: '{}',
    };
    delete this.env.VSCODE_IPC_HOOK_CLI;
    const common = ['--user-data-dir', dirs.ud, '--extensions-dir', dirs.ext, '--config', cfg];

    const installed = await runToEnd(process.execPath, [entry, ...common, '--install-extension', vsix], this.env);
    if (installed.code !== 0 || !/successfully installed/i.test(installed.out)) throw new Error(`--install-extension failed:\n${installed.out}`);

    const port = await freePort();
    this.base = `http://127.0.0.1:${port}`;
    this.port = port;
    this.server = spawn(process.execPath, [entry, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', folder],
    { env: this.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true /* own process group, ended as a whole */ });
    this.server.stdout.on('data', (d) => (this.serverLog += d));
    this.server.stderr.on('data', (d) => (this.serverLog += d));
    let exited = null;
    this.server.on('exit', (code, signal) => (exited = { code, signal }));
    await waitFor('code-server /healthz', async () => {
      if (exited) throw new Error(`code-server exited: ${JSON.stringify(exited)}\n${this.serverLog}`);
      return (await fetch(`${this.base}/healthz`).catch(() => null))?.ok;
    }, 60000, 100);
    this.log(`code-server up on ${this.base}`);

    const require = createRequire(path.join(installDir, 'package.json'));
    const { chromium } = require('playwright-core');
    this.context = await chromium.launchPersistentContext(dirs.chrome, {
      executablePath: this.options.chromium ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1400, height: 860 },
      env: { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_CACHE_HOME: dirs.cache, TMPDIR: dirs.tmp },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page.setDefaultTimeout(30000);
    await this.page.goto(`${this.base}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    await this.page.waitForSelector('.part.statusbar');
    this.log('workbench loaded');
    return this;
  }

  async stop() {
    if (this.context) { await this.context.close().catch(() => {}); this.context = null; }
    const pid = this.server?.pid;
    if (pid && groupAlive(pid)) {
      try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ }
      for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
      if (groupAlive(pid)) try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
    }
    this.server = null;
    if (this.tmp) fs.rmSync(this.tmp, { recursive: true, force: true });
  }

  // ---------------------------------------------------------------- editor
  async focusWorkbench() {
    await this.page.keyboard.press('Escape');
  }

  /**
   * Opens a file of the folder with Quick Open (Ctrl+P) and waits for its editor tab. Quick Open
   * filters as it is typed into: Enter could open the best match of an earlier prefix (another
   * README.md), so this waits for the row of exactly this file (name and folder) and clicks it.
   */
  async openFile(relative) {
    const name = path.basename(relative);
    const active = () => this.page.evaluate((n) => {
      const tab = document.querySelector('.tabs-container .tab.active');
      return !!tab && (tab.getAttribute('aria-label') || '').includes(n) && !!document.querySelector('.editor-instance .monaco-editor .view-lines');
    }, name);
    // Quick Open can take the row and still leave another tab in front (seen once in CI, with a Markdown
    // preview active and the file already open behind it): it is asked again, up to three times
    for (let attempt = 1; ; attempt++) {
      await this.quickOpen(relative);
      try {
        await waitFor(`the editor of ${relative}`, active, attempt < 3 ? 10000 : 30000);
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /** Quick Open (Ctrl+P) on exactly this file's row. */
  async quickOpen(relative) {
    const page = this.page;
    await page.locator('.part.editor').click({ position: { x: 300, y: 300 } }).catch(() => {});
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(relative);
    const name = path.basename(relative);
    const dir = path.dirname(relative) === '.' ? '' : path.dirname(relative);
    // Quick Open re-renders its list as results arrive (recent files first, then the search):
    // the exact row is found again, and clicked, until the click lands
    for (let attempt = 1; ; attempt++) {
      const index = await waitFor(`Quick Open to list exactly ${relative}`, () => page.evaluate(({ n, d, r }) => {
        for (const row of document.querySelectorAll('.quick-input-widget .monaco-list-row')) {
          const label = row.querySelector('.label-name')?.textContent?.trim();
          const description = (row.querySelector('.label-description')?.textContent ?? '').trim().replace(/\\/g, '/');
          // the folder is shown relative to the workspace (nothing at its root), or as a full path for recent files
          const folderMatches = d === '' ? description === '' || description === '.' || description === r : description === d || description.endsWith(`/${d}`);
          if (label === n && folderMatches) return row.getAttribute('data-index') ?? '-1';
        }
        return null;
      }, { n: name, d: dir, r: this.options.folder }));
      try {
        await page.locator(`.quick-input-widget .monaco-list-row[data-index="${index}"]`).click({ timeout: 5000 });
        break;
      } catch (error) {
        // something lies over the row: move the focus to it with the keyboard, and open it only if it is the one
        await page.keyboard.press('Home');
        for (let step = 0; step < Number(index); step++) await page.keyboard.press('ArrowDown');
        const focused = await page.evaluate(() => {
          const row = document.querySelector('.quick-input-widget .monaco-list-row.focused');
          return row ? { index: row.getAttribute('data-index'), label: row.querySelector('.label-name')?.textContent?.trim() } : null;
        });
        if (focused?.index === index && focused.label === name) {
          await page.keyboard.press('Enter');
          break;
        }
        if (attempt >= 5) throw error;
      }
    }
  }

  /** Moves the cursor with Go to Line (Ctrl+G, "line:column"). */
  async goTo(line, column) {
    const page = this.page;
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await waitFor(`the cursor at ${line}:${column}`, async () => /Ln (\d+), Col (\d+)/.exec(
      await page.$eval('#status\\.editor\\.selection', (e) => e.innerText).catch(() => ''))?.[1] === String(line));
  }

  /** Opens the Quick Fix menu (Ctrl+.) at the cursor and resolves to its action rows' labels once `expect` is among them.
   * The language server may not have answered the code-action request yet (VS Code then shows "No code actions
   * available" and no menu): close whatever opened and ask again, as a user would. */
  async quickFixMenu(line, column, expect) {
    const page = this.page;
    const rows = '.action-widget .monaco-list-row.action';
    return waitFor(`the Quick Fix menu with "${expect}"`, async () => {
      await this.goTo(line, column);
      await page.keyboard.press('Control+.');
      const labels = await waitFor('the Quick Fix menu', async () => {
        const shown = await page.$$eval(rows, (els) => els.filter((e) => e.offsetParent !== null).map((e) => e.getAttribute('aria-label'))).catch(() => []);
        return shown.includes(expect) ? shown : null;
      }, 5000).catch(() => null);
      if (!labels) await page.keyboard.press('Escape');
      return labels;
    }, 60000, 500);
  }

  /** Puts the cursor at line:column and shows the hover there (Ctrl+K Ctrl+I); resolves to its text once it matches `expect`. */
  async hoverAt(line, column, expect) {
    const page = this.page;
    await this.goTo(line, column);
    const readHover = () => page.evaluate(() => [...document.querySelectorAll('.monaco-hover')]
      .filter((e) => !e.classList.contains('hidden') && e.offsetParent !== null).map((e) => e.innerText).join('\n'));
    return waitFor(`a hover at ${line}:${column} matching ${expect}`, async () => {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      // the language server may still be busy: give this hover a few seconds, then ask again
      const hover = await waitFor('hover', async () => { const h = await readHover(); return expect.test(h) ? h : null; }, 3000).catch(() => '');
      return hover || null;
    }, 40000, 100);
  }

  // ---------------------------------------------------------------- Problems panel
  async showProblems() {
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.waitForSelector('.markers-panel', { state: 'visible' });
  }

  /** The Problems panel's rows (the tree is small here, so every row is rendered). */
  problems() {
    return this.page.evaluate(() => {
      const out = [];
      let file = null;
      const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')]
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')));
      for (const row of rows) {
        const level = row.getAttribute('aria-level');
        const q = (s) => row.querySelector(s)?.innerText ?? null;
        if (level === '1') file = row.querySelector('.monaco-icon-label')?.getAttribute('aria-label') ?? q('.label-name');
        else if (level === '2' && row.querySelector('.marker-message')) {
          const icon = row.querySelector('.marker-icon');
          out.push({
            file, severity: ['error', 'warning', 'info'].find((c) => icon?.classList.contains(c)) ?? null,
            message: q('.marker-message'), source: q('.marker-source'),
            code: (q('.marker-code') || '').replace(/^\(|\)$/g, ''), line: q('.marker-line'),
          });
        }
      }
      return out;
    });
  }

  /** Waits until the Problems panel has a row matching every field of `match` (`file` is a suffix; RegExps test). */
  async waitForProblem(match, timeoutMs = 60000) {
    return waitFor(`a problem ${JSON.stringify(match, (_k, v) => (v instanceof RegExp ? String(v) : v))}`,
      async () => (await this.problems()).find((p) => matches(p, match)), timeoutMs);
  }

  async waitForNoProblem(match, timeoutMs = 60000) {
    await waitFor('the problem to disappear', async () => !(await this.problems()).some((p) => matches(p, match)), timeoutMs);
  }

  // ---------------------------------------------------------------- commands
  /** Runs a command from the palette (F1), clicking the row whose label is exactly `title`. */
  async runCommand(title) {
    const page = this.page;
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title);
    const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first();
    await row.waitFor({ state: 'visible' });
    await row.click();
  }

  async toasts() {
    return this.page.$$eval('.notifications-toasts .notification-toast', (els) =>
      els.filter((e) => e.offsetParent !== null).map((e) => e.querySelector('.notification-list-item-message')?.innerText ?? e.innerText));
  }

  async tabTitles() {
    return this.page.$$eval('.tabs-container .tab', (els) => els.map((e) => e.getAttribute('aria-label') || e.innerText));
  }

  async screenshot(file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
  }
}

function matches(problem, match) {
  return Object.entries(match).every(([key, want]) => {
    const have = problem[key] ?? '';
    if (want instanceof RegExp) return want.test(have);
    return key === 'file' ? have.endsWith(want) : have === want;
  });
}
