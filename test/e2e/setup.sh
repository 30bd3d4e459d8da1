#!/usr/bin/env bash
# Installs the VS Code host the e2e harness (test/e2e/run.mjs) drives: the real
# VS Code server + web workbench from the npm package code-server, and
# playwright-core to steer Debian's Chromium. Nothing comes from GitHub or from
# Microsoft's update server, which CI machines cannot reach.
#
#   usage: bash test/e2e/setup.sh DEST        (run.mjs uses DEST=$HOME/.cache/vscode-e2e)
#   result: DEST/node_modules/code-server, DEST/node_modules/playwright-core
#
# Needs Debian 12, Node 20 and the npm registry. Missing Debian packages are
# installed when running as root (build tools for native modules, ripgrep, chromium).
set -euo pipefail

DEST=${1:?usage: setup.sh DEST}
CS_VERSION=${CODE_SERVER_VERSION:-4.100.3}   # VS Code 1.100.3; the last code-server release for Node 20
PW_VERSION=${PLAYWRIGHT_VERSION:-1.65.1}     # drives Debian 12's chromium

say() { echo "setup.sh: $*" >&2; }

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != 20 ]; then
  say "code-server $CS_VERSION needs Node 20 (its postinstall refuses other majors), found $(node -v)"
  exit 1
fi

pkgs=(build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    say "missing Debian packages: ${missing[*]} (install them as root: apt-get install -y ${missing[*]})"
    exit 1
  fi
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
# os.tmpdir() is where @vscode/ripgrep looks for a cached download; keep it
# (and npm/node-gyp scratch files) inside DEST and remove it at the end.
export TMPDIR="$DEST/.tmp"
mkdir -p "$TMPDIR"
trap 'rm -rf "$TMPDIR"' EXIT

# @vscode/ripgrep's postinstall downloads rg from api.github.com, unless
# $TMPDIR/vscode-ripgrep-cache-<package version>/<asset> exists ("Using cached
# download"). Seed that cache with Debian's rg: ripgrep 13.0.0, the version
# VS Code 1.100 bundles (@vscode/ripgrep 1.15.11, asset v13.0.0-10). Nearby
# versions are seeded too so a neighbouring code-server release also installs.
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64) rg_target=aarch64-unknown-linux-musl ;;
  *) say "unsupported architecture $(uname -m)"; exit 1 ;;
esac
rg_bin=$(command -v rg) || { say "ripgrep (rg) not found"; exit 1; }
rg_tgz="$TMPDIR/rg-debian.tar.gz"
tar czf "$rg_tgz" -C "$(dirname "$rg_bin")" rg
for rg_pkg in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14; do
  mkdir -p "$TMPDIR/vscode-ripgrep-cache-$rg_pkg"
  for rg_asset in v13.0.0-10 v13.0.0-13; do
    ln -f "$rg_tgz" "$TMPDIR/vscode-ripgrep-cache-$rg_pkg/ripgrep-$rg_asset-$rg_target.tar.gz"
  done
done

cd "$DEST"
[ -f package.json ] || echo '{ "name": "vscode-e2e-host", "private": true }' > package.json

# code-server's postinstall.sh stops with "Please pass --unsafe-perm" as root
# unless this is set; npm 11 warns "Unknown env config" but passes it through.
export npm_config_unsafe_perm=true
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
# node-pty's install runs `npx node-gyp ...`; without a TTY npx refuses to
# fetch node-gyp and npm then rolls back the whole install.
export npm_config_yes=true
# Build native modules against the installed Node's headers, never download them.
node_prefix=$(dirname "$(dirname "$(command -v node)")")
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$node_prefix/include/node/node.h" ]; then
  export npm_config_nodedir="$node_prefix"
fi

npm install "code-server@$CS_VERSION" "playwright-core@$PW_VERSION"

VS="$DEST/node_modules/code-server/lib/vscode"
test -x "$VS/node_modules/@vscode/ripgrep/bin/rg" || { say "ripgrep was not installed into $VS"; exit 1; }
test -d "$VS/extensions/node_modules/typescript" || { say "built-in extensions are incomplete in $VS"; exit 1; }
# Never run a bare `code-server --version` here: it writes ~/.config/code-server/config.yaml.
say "installed code-server $CS_VERSION (VS Code $(node -p "require('$VS/package.json').version")) in $DEST"
