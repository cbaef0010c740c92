#!/usr/bin/env bash
# Regenerates docs/images/scenario-*.png from the e2e scenarios (a real VS Code
# 1.100.3 via code-server 4.100.3): builds and packages the extension, installs
# code-server into .e2e/cs when needed, runs every scenario.
#   scripts/e2e/screenshots.sh [--only 1,2]
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run package --silent
bash scripts/e2e/setup-code-server.sh
node test/e2e/run.mjs --images docs/images "$@"
