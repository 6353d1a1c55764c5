#!/usr/bin/env bash
# Builds the wasm package exactly as wasm-pack.toml declares it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
get() { scripts/toml-get "$1"; }

out_dir="$(get build.out-dir)"
out_name="$(get build.out-name)"
wasm-pack build --"$(get build.profile)" --target "$(get build.target)" \
  --out-dir "$out_dir" --out-name "$out_name" --no-opt

if [ "$(get optimize.enabled)" = true ]; then
  mapfile -t flags < <(get optimize.wasm-opt)
  wasm="$out_dir/${out_name}_bg.wasm"
  wasm-opt "${flags[@]}" "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
fi
echo "build-wasm: $(du -k "$out_dir/${out_name}_bg.wasm" | cut -f1) KiB in $out_dir/"
