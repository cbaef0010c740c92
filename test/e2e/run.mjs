#!/usr/bin/env node
// End-to-end scenarios in a real VS Code 1.100.3 (code-server 4.100.3), driven
// through the UI. Each scenario copies fixtures into a temp folder, starts a
// fresh VS Code on it with license-claims.vsix installed, waits for what the UI
// shows (no fixed sleeps), and saves a screenshot (into .e2e/screenshots/;
// scripts/e2e/screenshots.sh writes them to docs/images/ instead).
//
//   node test/e2e/run.mjs [--install-dir .e2e/cs] [--vsix license-claims.vsix]
//                         [--images .e2e/screenshots] [--only 1,3]
//
// stdout: one JSON summary line per scenario, then {"passed":N,"failed":N}.
// stderr: progress. Exit code 1 when any scenario failed.
// Needs scripts/e2e/setup-code-server.sh (npm run test:e2e does it all).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VSCode, waitFor } from './vscode.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const arg = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const installDir = path.resolve(arg('--install-dir', path.join(repo, '.e2e/cs')));
const vsix = path.resolve(arg('--vsix', path.join(repo, 'license-claims.vsix')));
const images = path.resolve(arg('--images', path.join(repo, '.e2e/screenshots'))); // screenshots.sh: docs/images
const only = arg('--only', '')?.split(',').filter(Boolean).map(Number) ?? [];

const t0 = Date.now();
const log = (...a) => console.error(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

/** A temp folder with the given fixtures copied in: [[fixture, subfolder or '']]. */
function workspace(copies) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-claims-ws-'));
  for (const [fixture, into] of copies) {
    fs.cpSync(path.join(repo, 'test-fixtures', fixture), path.join(dir, into), { recursive: true });
  }
  for (const entry of fs.readdirSync(dir, { recursive: true })) {
    if (path.basename(entry) === 'expected.json') fs.rmSync(path.join(dir, entry)); // test metadata, not part of a project
  }
  return dir;
}

const scenarios = [
  {
    id: 1, name: 'openwashed model card: problem and hover', image: 'scenario-1-openwashed-model-card.png',
    folder: () => workspace([['openwashed-llama-model-card', '']]),
    async run(vs, _folder, details) {
      await vs.openFile('README.md');
      await vs.showProblems();
      const problem = await vs.waitForProblem({ file: 'README.md', code: 'claim-non-osi-license', source: 'license-claims' });
      details.problem = problem;
      if (!/Llama 3 Community License|llama3/i.test(problem.message)) throw new Error(`unexpected message: ${problem.message}`);
      // the rule code opens the rule's page shipped in the extension (offline), as a Markdown preview
      await vs.page.locator('.markers-panel .monaco-list-row[aria-level="2"] a.monaco-link').first().click();
      details.rulePage = await waitFor('the rule page preview', async () => (await vs.tabTitles()).find((t) => /claim-non-osi-license/.test(t)), 30000);
      // (the page is not workspace Markdown: the language server does not check it)
      if ((await vs.problems()).some((p) => /claim-non-osi-license\.md/.test(p.file ?? ''))) throw new Error('the rule page was checked as a workspace file');
      await vs.openFile('README.md');
      const hover = await vs.hoverAt(10, 25, /Not backed\./);
      details.hover = hover.split('\n').slice(0, 12).join(' | ');
      details.hoverChars = hover.length;
      if (!/Llama 3 Community License/.test(hover)) throw new Error(`the hover does not name the Llama 3 Community License: ${hover}`);
      if (!/user threshold/.test(hover) || !/Explain Meta Llama 3/.test(hover)) throw new Error(`the hover lacks the restrictions or the Explain link: ${hover}`);
      // VS Code shows the diagnostic's message above our part: ours must not say it again
      const message = problem.message.slice(0, 50);
      if (hover.split(message).length > 2) throw new Error(`the hover repeats the diagnostic: ${hover}`);
    },
  },
  {
    id: 2, name: 'quick fix adds a LICENSE file', image: 'scenario-2-quick-fix.png',
    folder: () => workspace([['claim-without-license-readme', '']]),
    async run(vs, folder, details) {
      await vs.openFile('README.md');
      await vs.showProblems();
      details.before = await vs.waitForProblem({ file: 'README.md', code: 'claim-without-license' });
      const title = 'Create ./LICENSE with the Apache-2.0 license text';
      const widget = '.action-widget .monaco-list-row.action';
      details.actions = await vs.quickFixMenu(5, 20, title);
      // move the selection onto the action with the arrow keys, then Enter
      await waitFor(`"${title}" focused`, async () => {
        const focused = await vs.page.$eval(`${widget}.focused`, (e) => e.getAttribute('aria-label')).catch(() => null);
        if (focused === title) return true;
        await vs.page.keyboard.press('ArrowDown');
        return false;
      }, 10000, 150);
      await vs.screenshot(path.join(images, this.image)); // the Quick Fix menu with the action selected
      await vs.page.keyboard.press('Enter');
      const license = path.join(folder, 'LICENSE');
      // the edit creates LICENSE and fills it in; VS Code may keep it open and unsaved: save all then
      await waitFor('LICENSE on disk', () => fs.existsSync(license), 20000);
      // the fix opens the new file (the placeholder selected: no manifest or git config names a holder here)
      details.activeTab = await waitFor('the new LICENSE in the active editor', async () => {
        const active = await vs.page.$eval('.tabs-container .tab.active', (e) => e.getAttribute('aria-label')).catch(() => '');
        return /^LICENSE\b/.test(active ?? '') ? active : null;
      }, 20000);
      await vs.page.keyboard.press('Control+K');
      await vs.page.keyboard.press('S'); // Save All (Ctrl+K S)
      await waitFor('the Apache-2.0 text in LICENSE on disk', () => /Apache License\s+Version 2\.0/.test(fs.readFileSync(license, 'utf8')), 20000);
      await vs.waitForNoProblem({ file: 'README.md', code: 'claim-without-license' });
      details.licenseBytes = fs.statSync(license).size;
      details.after = await vs.problems();
      return { screenshotTaken: true };
    },
  },
  {
    id: 3, name: 'Audit Workspace over several projects', image: 'scenario-3-audit-report.png',
    folder: () => workspace([['monorepo-package-falls-back-to-root', 'atlas'], ['openwashed-cc-by-nc-package', 'nc-package'], ['claim-without-license-readme', 'pixel-diff']]),
    async run(vs, _folder, details) {
      await vs.showProblems();
      details.problemsBeforeAudit = (await vs.problems()).length;
      await vs.runCommand('License Claims: Audit Workspace');
      const reportTab = await waitFor('the report tab', async () => (await vs.tabTitles()).find((t) => /License Claims/.test(t)), 60000);
      details.reportTab = reportTab;
      await vs.showProblems();
      details.found = [
        await vs.waitForProblem({ file: 'atlas/packages/a/README.md', code: 'claim-non-osi-license' }),
        await vs.waitForProblem({ file: 'pixel-diff/README.md', code: 'claim-without-license' }),
      ];
      details.problems = await vs.problems();
      // the report is a webview (nested iframes): wait until one of its frames shows the report's heading
      const reportFrame = async (pattern) => waitFor(`the report ${pattern}`, async () => {
        for (const frame of vs.page.frames()) {
          const heading = await frame.evaluate(() => document.querySelector('h1')?.innerText ?? null).catch(() => null);
          if (heading && pattern.test(heading)) return { frame, heading };
        }
        return null;
      }, 30000);
      const { frame, heading } = await reportFrame(/License Claims audit/);
      details.previewHeading = heading;
      details.tabs = await vs.tabTitles();
      if (details.tabs.filter((t) => /License Claims/.test(t)).length !== 1) throw new Error(`the report is not one tab: ${details.tabs}`);
      details.groups = await frame.$$eval('details.rule > summary', (els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
      await vs.screenshot(path.join(images, this.image));
      // a finding's link opens its README in a text editor at its line, though Markdown links would open in a preview
      const link = frame.locator('a.location', { hasText: 'pixel-diff/README.md:' }).first();
      details.linkText = await link.innerText();
      await link.click();
      const line = Number(/:(\d+)$/.exec(details.linkText)[1]);
      details.landed = await waitFor('the README in a text editor at the finding\'s line', async () => {
        const active = await vs.page.$eval('.tabs-container .tab.active', (e) => e.getAttribute('aria-label')).catch(() => '');
        const cursor = await vs.page.$eval('#status\\.editor\\.selection', (e) => e.innerText).catch(() => '');
        return /^README\.md/.test(active ?? '') && !/Preview/.test(active ?? '') && new RegExp(`Ln ${line},`).test(cursor) ? `${active} ${cursor}` : null;
      }, 30000);
      // Explorer context menu: Audit Folder on nc-package
      await vs.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'nc-package' }).first().click({ button: 'right' });
      await vs.page.locator('.context-view .action-label', { hasText: 'Audit Folder' }).first().click();
      details.folderReport = (await reportFrame(/audit of nc-package/)).heading;
      return { screenshotTaken: true };
    },
  },
  {
    id: 4, name: 'policy setting apache-mit rejects BSD-3-Clause live', image: 'scenario-4-policy-setting.png',
    folder: () => workspace([['policy-apache-mit-rejects-bsd3', '']]),
    async run(vs, folder, details) {
      await vs.openFile('README.md');
      await vs.showProblems();
      details.hoverBefore = (await vs.hoverAt(5, 22, /Backed\./)).split('\n').slice(0, 3).join(' | ');
      if ((await vs.problems()).some((p) => p.code === 'claim-non-osi-license')) throw new Error('a finding before the policy changed');
      fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
      fs.writeFileSync(path.join(folder, '.vscode/settings.json'), JSON.stringify({ 'licenseClaims.policy': 'apache-mit' }, null, 2));
      details.problem = await vs.waitForProblem({ file: 'README.md', code: 'claim-non-osi-license' });
      await vs.page.mouse.move(5, 5);
    },
  },
  {
    id: 5, name: 'LICENSE edited to another license: license-mismatch on the manifest, naming both', image: 'scenario-5-license-mismatch.png',
    folder: () => workspace([['german-honest-mit-package', '']]),
    async run(vs, folder, details) {
      await vs.openFile('package.json');
      await vs.showProblems();
      details.hoverBefore = (await vs.hoverAt(5, 16, /MIT/)).split('\n')[0];
      if ((await vs.problems()).some((p) => p.code === 'license-mismatch')) throw new Error('license-mismatch before the edit');
      await vs.openFile('LICENSE'); // open, so the language server checks it and VS Code reloads it from disk
      fs.writeFileSync(path.join(folder, 'LICENSE'), fs.readFileSync(path.join(repo, 'LICENSE'), 'utf8')); // Apache-2.0 over MIT
      await waitFor('the editor to show the new LICENSE text', () => vs.page.evaluate(() =>
        /Apache\sLicense/.test(document.querySelector('.editor-instance .view-lines')?.innerText ?? '')), 30000);
      // one declaration against one: the LICENSE text is trusted over the manifest, so the one finding is on package.json
      const mismatch = await vs.waitForProblem({ file: 'package.json', code: 'license-mismatch' });
      if (!/Apache/.test(mismatch.message) || !/MIT/.test(mismatch.message)) throw new Error(`the mismatch does not name both licenses: ${mismatch.message}`);
      details.found = [mismatch];
      await vs.page.mouse.move(5, 5);
    },
  },
  {
    id: 6, name: 'Explain License, Show Output, Restart Server and the walkthrough', image: 'scenario-6-walkthrough.png',
    folder: () => workspace([['openwashed-llama-model-card', '']]),
    async run(vs, _folder, details) {
      await vs.openFile('README.md');
      await vs.showProblems();
      await vs.waitForProblem({ file: 'README.md', code: 'claim-non-osi-license' });
      // Explain License…: type an id, the explanation opens as a Markdown preview
      await vs.runCommand('License Claims: Explain License…');
      await vs.page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await vs.page.keyboard.type('llama3');
      await vs.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'llama3' }).first().waitFor({ state: 'visible' });
      await vs.page.keyboard.press('Enter');
      details.explained = await waitFor('the explanation preview', async () => {
        for (const frame of vs.page.frames()) {
          const text = await frame.evaluate(() => document.body?.innerText ?? null).catch(() => null);
          if (text && /Meta Llama 3 Community License Agreement/.test(text) && /Restrictions/.test(text)) return text.split('\n').slice(0, 4).join(' | ');
        }
        return null;
      }, 30000);
      // Show Output: the server's log channel
      await vs.runCommand('License Claims: Show Output');
      details.output = await waitFor('the License Claims output', () => vs.page.evaluate(() => {
        const panel = document.querySelector('.part.panel');
        return panel && panel.offsetParent !== null && /License Claims/.test(panel.innerText) ? panel.innerText.slice(0, 80) : null;
      }), 20000);
      // Restart Server: a fresh server judges the open file again
      await vs.runCommand('License Claims: Restart Server');
      details.restarted = await waitFor('the restart message', () => vs.page.evaluate(() => /language server restarted/.test(document.querySelector('.part.statusbar')?.innerText ?? '')), 30000);
      await vs.showProblems();
      await vs.waitForProblem({ file: 'README.md', code: 'claim-non-osi-license' });
      // the walkthrough
      await vs.runCommand('Welcome: Open Walkthrough...');
      await vs.page.keyboard.type('Catch openwashing');
      await vs.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Catch openwashing' }).first().click();
      details.walkthrough = await waitFor('the walkthrough', async () => {
        if (!(await vs.tabTitles()).some((t) => /Walkthrough: License Claims/.test(t))) return null;
        return vs.page.evaluate(() => {
          const text = [...document.querySelectorAll('.gettingStartedContainer')].map((e) => e.innerText).join('\n');
          return /See claims checked as you type/.test(text) && /Audit the workspace/.test(text) ? text.split('\n').slice(0, 6).join(' | ') : null;
        });
      }, 30000);
      await vs.page.keyboard.press('Control+J'); // hide the panel: the walkthrough fills the window for its screenshot
      await waitFor('the panel hidden', () => vs.page.evaluate(() => !document.querySelector('.part.panel') || document.querySelector('.part.panel').offsetParent === null), 10000);
    },
  },
];

let failed = 0;
let passed = 0;
for (const scenario of scenarios) {
  if (only.length && !only.includes(scenario.id)) continue;
  const started = Date.now();
  const folder = scenario.folder();
  const details = {};
  const summary = { scenario: scenario.id, name: scenario.name, ok: false, ms: 0, screenshot: path.relative(repo, path.join(images, scenario.image)) };
  const vs = new VSCode({ installDir, vsix, folder, log: (...a) => log(`#${scenario.id}`, ...a) });
  try {
    log(`#${scenario.id} ${scenario.name}`);
    await vs.start();
    summary.startMs = Date.now() - started;
    const result = await scenario.run.call(scenario, vs, folder, details);
    if (!result?.screenshotTaken) await vs.screenshot(path.join(images, scenario.image));
    summary.ok = true;
  } catch (error) {
    summary.error = String(error?.stack ?? error).split('\n').slice(0, 4).join('\n');
    summary.problems = await vs.problems?.().catch(() => null);
    summary.toasts = await vs.toasts?.().catch(() => null);
    summary.serverLogTail = vs.serverLog.split('\n').slice(-15).join('\n');
    if (vs.page) {
      summary.screenshot = path.relative(repo, path.join(os.tmpdir(), `license-claims-e2e-failed-${scenario.id}.png`));
      await vs.screenshot(path.join(os.tmpdir(), `license-claims-e2e-failed-${scenario.id}.png`)).catch(() => {});
      summary.screenshot = path.join(os.tmpdir(), `license-claims-e2e-failed-${scenario.id}.png`);
    }
  } finally {
    await vs.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  summary.ms = Date.now() - started;
  summary.details = details;
  if (summary.ok) passed++; else failed++;
  process.stdout.write(JSON.stringify(summary) + '\n');
  log(`#${scenario.id} ${summary.ok ? 'PASS' : 'FAIL'} in ${summary.ms} ms`);
}
process.stdout.write(JSON.stringify({ passed, failed, totalMs: Date.now() - t0 }) + '\n');
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
