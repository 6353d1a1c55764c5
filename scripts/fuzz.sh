#!/usr/bin/env bash
# Runs each cargo-fuzz target for SECONDS and records the figures.
#
#   scripts/fuzz.sh SECONDS [TARGET...]     (default: every target in fuzz/Cargo.toml)
#
# Each target starts from its checked-in seeds (fuzz/seeds/TARGET, from the
# test fixtures) plus the corpus grown by earlier runs (fuzz/corpus/TARGET,
# not committed). A run's figures (executions, coverage, crashes) are appended
# to fuzz/RESULTS.md; a crash fails the script and leaves its input in
# fuzz/artifacts/TARGET for a regression test. FUZZ_RECORD=0 leaves
# fuzz/RESULTS.md alone (the smoke run of `make test`).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# cargo-fuzz passes -Z flags (sanitizers); the stable toolchain accepts them this way.
export RUSTC_BOOTSTRAP=1
seconds="${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}"
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(awk -F'"' '/^name = / && $2 != "segmenta-fuzz" { print $2 }' fuzz/Cargo.toml)
fi
results=fuzz/RESULTS.md
if [ ! -f "$results" ]; then
  printf '# Fuzzing figures\n\nAppended by `scripts/fuzz.sh` (`make fuzz`, `make fuzz-smoke`); never edited by hand.\n\n' > "$results"
  printf '| date (UTC) | target | seconds | executions | exec/s | coverage (edges) | corpus | result |\n|---|---|---|---|---|---|---|---|\n' >> "$results"
fi
cargo fuzz build --release >/dev/null
status=0
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  log="fuzz/artifacts/$target/last-run.log"
  set +e
  cargo fuzz run --release "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=3072 -timeout=30 -print_final_stats=1 >"$log" 2>&1
  code=$?
  set -e
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  speed=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
  corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
  if [ "$code" -eq 0 ]; then verdict="no crash"; else verdict="**crash** (exit $code, see fuzz/artifacts/$target)"; status=1; fi
  if [ "${FUZZ_RECORD:-1}" != 0 ]; then
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(date -u '+%Y-%m-%d %H:%M')" "$target" "$seconds" \
      "${runs:-?}" "${speed:-?}" "${cov:-?}" "$corpus" "$verdict" >> "$results"
  fi
  echo "fuzz $target: ${runs:-?} executions in ${seconds}s, coverage ${cov:-?}, $verdict"
  [ "$code" -eq 0 ] || tail -30 "$log"
done
exit $status
