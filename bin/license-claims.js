#!/usr/bin/env node
'use strict';
const { main } = require('../server/out/license-claims.js');
main(process.argv.slice(2), (text) => process.stdout.write(text), (text) => process.stderr.write(text)).then((code) => {
  process.exitCode = code;
});
