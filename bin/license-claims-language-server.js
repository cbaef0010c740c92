#!/usr/bin/env -S node --expose-gc
'use strict';
// The License Claims language server; pass --stdio (or --node-ipc, --socket=PORT).
// --expose-gc lets it give memory back after a burst of edits (server/src/protocol.ts serverNodeFlags).
require('../server/out/server.js');
