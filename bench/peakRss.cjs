// Preloaded (`node -r bench/peakRss.cjs`) into a CLI run the bench measures:
// at exit, writes the process's peak resident set (VmHWM of
// /proc/self/status, all its threads, in bytes) to the file named by
// LICENSE_CLAIMS_BENCH_PEAK_FILE. A process that has exited can no longer
// be read from outside, and polling would miss a last peak.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');

const file = process.env.LICENSE_CLAIMS_BENCH_PEAK_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const kb = /^VmHWM:\s+(\d+) kB/mu.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
      writeFileSync(file, String(kb === undefined ? process.resourceUsage().maxRSS * 1024 : Number(kb) * 1024));
    } catch {
      // (no figure: the bench reports it as not measured)
    }
  });
}
