#!/usr/bin/env bash
# Offline install of a real VS Code for the e2e tests: code-server 4.100.3
# (= VS Code 1.100.3: the VS Code OSS server + web workbench) and playwright-core,
# which drives it in Debian's headless Chromium.
#
#   scripts/e2e/setup-code-server.sh [DIR]     (default: <repo>/.e2e/cs)
#
# Needs only the npm registry and Debian apt. Idempotent: each step checks its own
# result first, so a rerun takes about a second and repairs a half-done install.
#
# Why not `npm install code-server`: its postinstall downloads ripgrep (and prebuilt
# kerberos/argon2 binaries) from GitHub. So install with --ignore-scripts and do the
# postinstall's work here: Debian's rg instead of the download, native modules
# compiled with node-gyp against the local node headers, the symlinks, and the
# built-in extensions' dependencies.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
DIR="${1:-$REPO/.e2e/cs}"
CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_CORE_VERSION=1.65.1

T0=$(date +%s)
log() { echo "[e2e-setup $(( $(date +%s) - T0 ))s] $*" >&2; }

[ "$(node -p 'process.versions.node.split(".")[0]')" = 20 ] \
  || { echo "code-server $CODE_SERVER_VERSION needs node 20, found $(node -v)" >&2; exit 1; }

# ---- Debian packages: chromium (the browser), ripgrep (replaces the rg download),
# and a C++ toolchain + libkrb5-dev for the native modules.
missing=()
for p in chromium ripgrep g++ make python3 libkrb5-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "missing Debian packages (need root to install): ${missing[*]}" >&2; exit 1; }
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${missing[@]}" >&2 || { apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2; }
fi

# node-gyp must not download headers: use the ones of the installed node.
NODE_PREFIX=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
[ -f "$NODE_PREFIX/include/node/node_api.h" ] || { echo "no node headers in $NODE_PREFIX/include/node" >&2; exit 1; }
export npm_config_nodedir="$NODE_PREFIX"
NODE_GYP="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$NODE_GYP" ] || { echo "npm's node-gyp not found at $NODE_GYP" >&2; exit 1; }

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
CS="$DIR/node_modules/code-server"
VS="$CS/lib/vscode"
version_of() { node -p "try { require('$1/package.json').version } catch { '' }"; }
loads() { node -e "require('$1')" 2>/dev/null; }

# ---- 1. npm packages, without install scripts
if [ "$(version_of "$CS")" = "$CODE_SERVER_VERSION" ] \
   && [ "$(version_of "$DIR/node_modules/playwright-core")" = "$PLAYWRIGHT_CORE_VERSION" ]; then
  log "1/6 code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_CORE_VERSION present"
else
  log "1/6 npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION"
  [ -f "$DIR/package.json" ] || echo '{ "name": "license-claims-e2e", "private": true }' > "$DIR/package.json"
  (cd "$DIR" && npm install --ignore-scripts --no-audit --no-fund --save-exact \
    "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION" >&2)
fi

# ---- 2. argon2: code-server loads it at startup, even with --auth none
if loads "$DIR/node_modules/argon2"; then log "2/6 argon2 built"; else
  log "2/6 building argon2"
  (cd "$DIR" && npm rebuild argon2 --build-from-source >&2)
  loads "$DIR/node_modules/argon2"
fi

# ---- 3. VS Code's own dependencies (pinned by its npm-shrinkwrap.json)
cd "$VS"
if [ -f node_modules/.package-lock.json ] && [ -d node_modules/@vscode/ripgrep ] && [ -d node_modules/node-pty ]; then
  log "3/6 lib/vscode dependencies present"
else
  log "3/6 npm install in lib/vscode"
  npm install --omit=dev --ignore-scripts --no-audit --no-fund >&2
fi
RG="node_modules/@vscode/ripgrep/bin/rg"
if ! { [ -x "$RG" ] && "$RG" --version >/dev/null 2>&1; }; then
  mkdir -p "$(dirname "$RG")" && cp -f "$(command -v rg)" "$RG" && chmod 755 "$RG"
fi

# ---- 4. native modules, compiled from source (@parcel/watcher ships a prebuilt binary)
for mod in @vscode/spdlog kerberos native-watchdog node-pty; do
  if loads "$VS/node_modules/$mod"; then continue; fi
  log "4/6 node-gyp rebuild $mod"
  (cd "node_modules/$mod" && node "$NODE_GYP" rebuild --nodedir="$npm_config_nodedir" -j "$(nproc)" >&2)
  loads "$VS/node_modules/$mod"
done
log "4/6 native modules load"

# ---- 5. the postinstall's symlinks
link() { [ "$(readlink "$2" 2>/dev/null)" = "$1" ] || { rm -rf "$2"; ln -s "$1" "$2"; }; }
link node_modules node_modules.asar
(cd bin/remote-cli && link code-linux.sh code-server)
(cd bin/helpers && link browser-linux.sh browser.sh)

# ---- 6. built-in extensions' dependencies (typescript for the TS/JS features)
cd "$VS/extensions"
if [ -f node_modules/typescript/package.json ] && [ ! -e node_modules/typescript/bin ]; then
  log "6/6 built-in extensions' dependencies present"
else
  log "6/6 npm install in lib/vscode/extensions"
  npm install --omit=dev --ignore-scripts --no-audit --no-fund >&2
  node postinstall.mjs >/dev/null
fi

# ---- smoke check (throwaway XDG dirs: even --version writes a config.yaml)
SMOKE=$(mktemp -d)
OUT=$(XDG_CONFIG_HOME="$SMOKE/c" XDG_DATA_HOME="$SMOKE/d" node "$CS/out/node/entry.js" --version 2>/dev/null | tail -1)
rm -rf "$SMOKE"
case "$OUT" in "$CODE_SERVER_VERSION "*) ;; *) echo "code-server --version printed: $OUT" >&2; exit 1 ;; esac
log "ready: code-server $OUT in $DIR"
