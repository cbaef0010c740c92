#!/usr/bin/env -S node --expose-gc --max-semi-space-size=2
'use strict';
// The License Claims language server; pass --stdio (or --node-ipc, --socket=PORT).
// --expose-gc lets it give memory back after a burst of edits, --max-semi-space-size=2 keeps its young
// generation small (server/src/protocol.ts serverNodeFlags).
require('../server/out/server.js');
