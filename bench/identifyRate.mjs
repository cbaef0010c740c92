// Figure 5: LICENSE files identified per second, `license-claims identify`
// against licensee, on the cases of bench/identify/makeCases.mjs (46
// licenses × plain, re-wrapped, under a Markdown heading, other holders;
// one LICENSE per folder). Both run as one process over every case, start-up
// included: our CLI with every file as an argument; licensee as one Ruby
// process running its detect command's code for every folder (its CLI takes
// one folder). Accuracy is bench/identify's business (npm run bench:identify).
import { rmSync } from 'node:fs';
import { makeCases } from './identify/makeCases.mjs';
import { cliPath, median, timeProcess } from './lib.mjs';
import { licenseeDetect } from './peers.mjs';

export async function measureIdentify({ runs, withLicensee, timeoutMs }) {
  const { dir, cases } = makeCases();
  try {
    const ours = [];
    const theirs = [];
    for (let index = 0; index < runs; index++) {
      const run = await timeProcess(process.execPath, [cliPath, 'identify', ...cases.map((c) => c.file), '--format', 'json'], { timeoutMs });
      if (run.code !== 0) throw new Error(`license-claims identify exited ${run.code ?? run.signal}: ${run.stderr.slice(-1000)}`);
      ours.push(run.ms);
      if (withLicensee) {
        const licensee = await licenseeDetect(cases.map((c) => c.folder), { timeoutMs });
        if (licensee.error || licensee.code !== 0) throw new Error(`licensee failed: ${licensee.error?.message ?? licensee.stderr.slice(-1000)}`);
        theirs.push(licensee.ms);
      }
    }
    return { files: cases.length, oursMs: median(ours), licenseeMs: withLicensee ? median(theirs) : NaN, runs: ours.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
