#!/usr/bin/env bash
# Fuzzes `unawait::desugar` and `desugar_bytes` with cargo-fuzz (libFuzzer)
# for a bounded time; prints executions and findings.
#
#   scripts/fuzz.sh [SECONDS]      default 300
#
# The corpus lives in fuzz/corpus/desugar (seeded from golden/*/*.py on the
# first run); at the end, it and the new inputs are minimized together
# (libFuzzer's -set_cover_merge=1: a small set reaching the same coverage), which
# keeps it small enough to commit. A crash is saved under fuzz/artifacts/desugar/ and
# the script exits 1.
#
# cargo-fuzz passes nightly-only flags to rustc; only a stable toolchain is
# installed here, so RUSTC_BOOTSTRAP=1 lets stable accept them. No sanitizer:
# the code under test is safe Rust, and what is checked is panics (including
# stack overflows, which libFuzzer reports as crashes).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
export RUSTC_BOOTSTRAP=1

command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz

corpus=fuzz/corpus/desugar
if [ ! -d "$corpus" ]; then
    mkdir -p "$corpus"
    for case in golden/*/*.py; do
        cp "$case" "$corpus/$(basename "$(dirname "$case")")_$(basename "$case")"
    done
fi

fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
log="$fresh/fuzz.log"
status=0
# New inputs go to $fresh (first corpus directory); the committed corpus is
# read as seeds.
cargo fuzz run --sanitizer none desugar "$fresh" "$corpus" -- \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 2>&1 | tee "$log" | grep -E '^#[0-9]+\s+(pulse|DONE)|^==|panicked|ERROR' || true
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

echo "== minimizing $corpus with the new inputs"
merged="$fresh/merged"
mkdir "$merged"
cargo fuzz run --sanitizer none desugar "$merged" "$corpus" "$fresh" -- -set_cover_merge=1 -max_len=4096 2>&1 | grep -E 'MERGE-OUTER: [0-9]+ new files' || true
rm -rf "$corpus"
cp -r "$merged" "$corpus"

executions="$(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$log" | grep -Eo '[0-9]+$' || echo 0)"
echo "== ${seconds}s: ${executions} executions; corpus $(ls "$corpus" | wc -l) files, $(du -sh "$corpus" | cut -f1)"
if [ "$status" -ne 0 ]; then
    echo "== FINDING: see fuzz/artifacts/desugar/ (reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none desugar FILE)"
fi
exit "$status"
