#!/usr/bin/env node
'use strict';
const { main } = require('../server/out/license-claims.js');
process.exitCode = main(process.argv.slice(2), (text) => process.stdout.write(text), (text) => process.stderr.write(text));
