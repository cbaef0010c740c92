#!/usr/bin/env bash
# Regenerates docs/images/scenario-*.png from the e2e scenarios (a real VS Code
# 1.100.3 via code-server 4.100.3): builds and packages the extension, installs
# code-server into .e2e/cs when needed, runs every scenario.
#   scripts/e2e/screenshots.sh [--only 1,2]
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run package --silent
bash scripts/e2e/setup-code-server.sh
# the hovers show ✅/❌: without an emoji font Chromium draws empty boxes (best effort)
if ! dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-color-emoji >&2 || true
fi
node test/e2e/run.mjs --images docs/images "$@"
