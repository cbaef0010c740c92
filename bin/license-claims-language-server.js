#!/usr/bin/env node
'use strict';
// The License Claims language server; pass --stdio (or --node-ipc, --socket=PORT).
require('../server/out/server.js');
