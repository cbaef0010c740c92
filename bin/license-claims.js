#!/usr/bin/env node
'use strict';
// A smaller heap over a long audit, with flags V8 reads at run time (the shebang cannot carry flags on every
// platform, and `node bin/license-claims.js` ignores it): the old generation grows by a quarter of what is
// alive after a full collection (not up to fourfold), and the young generation stops growing at 4 MB a half
// (not 16; V8 sizes it only at start, so its growth is switched off once it got there). Smaller still (1 MB)
// made collections copy most of a large file's parse: twice the CPU time on a real node_modules tree.
const v8 = require('node:v8');
v8.setFlagsFromString('--heap-growing-percent=25');
const youngCap = setInterval(() => {
  const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (young === undefined || young.space_size >= 8 * 1024 * 1024) {
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    clearInterval(youngCap);
  }
}, 20);
youngCap.unref();
const { main } = require('../server/out/license-claims.js');
main(process.argv.slice(2), (text) => process.stdout.write(text), (text) => process.stderr.write(text)).then((code) => {
  process.exitCode = code;
});
