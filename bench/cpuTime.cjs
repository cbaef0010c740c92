// Preloaded (`node --require bench/cpuTime.cjs …`) by the model-reference
// figure: at exit, the process's CPU time (user + system, all its threads,
// workers included) goes to stderr as `license-claims-bench-cpu-us N`, so the
// figure can be read in CPU time as well as wall time on a loaded machine.
'use strict';
const { writeSync } = require('node:fs');

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(2, `\nlicense-claims-bench-cpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
