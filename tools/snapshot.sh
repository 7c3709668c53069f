#!/usr/bin/env bash
# Writes the `summarize` CLI's output for a fixed set of inputs into OUT_DIR, so
# that two builds can be compared byte for byte with `diff -r`:
#
#   tools/snapshot.sh /tmp/before                       # the release CLI as built now
#   (change the code)
#   tools/snapshot.sh /tmp/after && diff -r /tmp/before /tmp/after
#
# A speed change should leave every file identical; a change to a rule shows
# exactly which summaries it moves.
#
# Inputs: the sample articles and the test fixtures with `--json` (default,
# `--sentences 5`, `--max-chars 200`), and, when ../shared is present, its seeds
# the same way and every JSONL set in ../shared/eval with `--jsonl` (default,
# `--sentences 1`, `--sentences 3`). Without ../shared it says so and
# snapshots the rest.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:?usage: tools/snapshot.sh OUT_DIR [SUMMARIZE_BINARY]}
bin=${2:-}
if [ -z "$bin" ]; then
  cargo build --quiet --release --bin summarize
  bin=${CARGO_TARGET_DIR:-target}/release/summarize
fi
mkdir -p "$out"

one_file() {
  local file=$1 name
  name=$(basename "$file")
  "$bin" --json "$file" >"$out/$name.json" 2>&1 || true
  "$bin" --json --sentences 5 "$file" >"$out/$name.s5.json" 2>&1 || true
  "$bin" --json --max-chars 200 "$file" >"$out/$name.c200.json" 2>&1 || true
}

for file in www/samples/*.txt tests/fixtures/*; do
  one_file "$file"
done

if [ -d ../shared ]; then
  for file in ../shared/seeds/*; do
    one_file "$file"
  done
  for set in ../shared/eval/*/*.jsonl; do
    name=$(basename "$(dirname "$set")")
    "$bin" --jsonl <"$set" >"$out/$name.jsonl" 2>&1 || true
    "$bin" --jsonl --sentences 1 <"$set" >"$out/$name.s1.jsonl" 2>&1 || true
    "$bin" --jsonl --sentences 3 <"$set" >"$out/$name.s3.jsonl" 2>&1 || true
  done
else
  echo "snapshot: ../shared is absent: the seeds and the dev sets are left out" >&2
fi
echo "snapshot: $(find "$out" -type f | wc -l) files in $out" >&2
