#!/usr/bin/env bash
# Installs what the build (and, with `test`, the tests) need, at the versions
# wasm-pack.toml pins, and nothing that is already there.
#
#   scripts/install-tools.sh build   # Rust wasm target, wasm-pack, wasm-bindgen-cli, npm packages
#   scripts/install-tools.sh test    # the same, plus Chromium for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-build}"
get() { scripts/toml-get "$1"; }
say() { echo "install-tools: $*"; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# 1. The Rust target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen: the CLI must equal the crate version that Cargo.lock holds.
bindgen_version="$(get tools.wasm-bindgen-cli)"
lock_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print }' Cargo.lock)"
if [ "$lock_version" != "$bindgen_version" ]; then
  echo "install-tools: Cargo.lock has wasm-bindgen $lock_version but wasm-pack.toml pins wasm-bindgen-cli $bindgen_version;" >&2
  echo "install-tools: make them equal (Cargo.toml pins the crate with =version)." >&2
  exit 1
fi

# 3. Cargo-installed tools at their pinned versions (no --locked: their lockfiles
#    pin crates this registry lacks).
cargo_tool() { # crate binary version
  if [ "$("$2" --version 2>/dev/null | awk '{print $2}')" != "$3" ]; then
    say "cargo install $1 $3 (a few minutes, once)"
    cargo install "$1" --version "$3" --force
  fi
}
cargo_tool wasm-pack wasm-pack "$(get tools.wasm-pack)"
cargo_tool wasm-bindgen-cli wasm-bindgen "$bindgen_version"

# 4. npm packages: package.json's dev dependencies (playwright-core, axe-core,
#    esbuild, which minifies dist/'s JavaScript), and binaryen (wasm-opt) at
#    the version wasm-pack.toml pins.
npm_version() { node -p "require('./node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ ! -d node_modules/playwright-core ] || [ ! -x node_modules/.bin/esbuild ] \
  || [ package.json -nt node_modules/.package-lock.json ]; then
  say "npm install"
  npm install --no-audit --no-fund --loglevel=error
fi
binaryen_version="$(get tools.binaryen)"
if [ "$(npm_version binaryen)" != "$binaryen_version" ]; then
  say "npm install binaryen@$binaryen_version"
  npm install --no-save --no-audit --no-fund --loglevel=error "binaryen@$binaryen_version"
fi

# 5. For the tests: cargo-fuzz, Debian's Chromium (Playwright cannot download its own
#    here) and a Korean font, so the Korean screenshots show text.
if [ "$mode" = test ]; then
  cargo_tool cargo-fuzz cargo-fuzz "$(get test-tools.cargo-fuzz)"
fi
if [ "$mode" = test ] && { [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi nanum; }; then
  say "apt-get install chromium fonts-nanum"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-nanum >/dev/null
fi
exit 0
