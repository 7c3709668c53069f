#!/usr/bin/env bash
# One entry point for building, serving, testing and measuring.
#
#   ./build.sh serve   build everything, serve www/ on http://127.0.0.1:8080
#   ./build.sh build   build the wasm into www/pkg, a deployable dist/ and the
#                      npm package dist/package/
#   ./build.sh test    every test: Rust unit and integration, wasm in headless
#                      Chromium, and the page end to end
#   ./build.sh bench   size and speed tables (see README "Measurements")
#   ./build.sh eval    quality tables against ../shared (skipped when absent)
#   ./build.sh fuzz    every fuzz target for FUZZ_SECONDS each (default 60)
#
# Each command installs what it needs on a fresh machine (Debian packages,
# the wasm target, wasm-bindgen-cli, npm dev packages) and skips what is
# already there.
set -euo pipefail
cd "$(dirname "$0")"

WASM_TARGET=wasm32-unknown-unknown
CRATE=article_summarizer
PKG=www/pkg

log() { printf '\n== %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_system_packages() {
  local need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)                # wasm and end-to-end tests
  command -v chromedriver >/dev/null || need+=(chromium-driver)
  [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)  # Chinese in screenshots
  if ((${#need[@]})); then
    log "installing ${need[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

ensure_rust() {
  rustup target list --installed | grep -qx "$WASM_TARGET" || rustup target add "$WASM_TARGET"
  local component
  for component in rustfmt clippy; do
    rustup component list --installed | grep -q "^$component" || rustup component add "$component"
  done
  # The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
  if [ "$have" != "$want" ]; then
    log "installing wasm-bindgen-cli $want (about 3 minutes)"
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_node_packages() {
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -x node_modules/.bin/tsc ]; then
    log "installing npm dev packages"
    npm ci --no-fund --no-audit --loglevel=error
  fi
}

setup() {
  ensure_system_packages
  ensure_rust
  ensure_node_packages
}

# Release wasm with LTO (cdylib alone: a cdylib+rlib manifest drops LTO),
# then the JS bindings, then wasm-opt from npm's binaryen (Debian's 108
# breaks wasm-bindgen output).
build_wasm() {
  log "building wasm"
  cargo rustc --lib --profile wasm-release --target "$WASM_TARGET" --crate-type cdylib
  rm -rf "$PKG"
  wasm-bindgen --target web --out-dir "$PKG" "${CARGO_TARGET_DIR:-target}/$WASM_TARGET/wasm-release/$CRATE.wasm"
  # One flag per line in tools/wasm-opt.flags, which the bench's profile build reads too.
  local flags
  mapfile -t flags < tools/wasm-opt.flags
  node_modules/.bin/wasm-opt "${flags[@]}" "$PKG/${CRATE}_bg.wasm" -o "$PKG/${CRATE}_bg.wasm"
}

# dist/ is www/ as it is served: upload it to any static host, at any path.
build_dist() {
  # sw.js's precache list: every shell file with its SHA-256, and the cache name
  # static-<hash of that list>. Written into www/ and so copied into dist/ for static
  # hosts (tools/serve.mjs also makes it fresh on each request).
  node tools/serve.mjs --manifest www
  rm -rf dist
  cp -r www dist
  rm -f dist/.gitignore
  # The npm-shaped package of the embed (publish it with npm; a static host may skip it).
  node tools/package.mjs dist/package
  log "dist/ ready ($(du -sh dist | cut -f1))"
}

cmd_build() {
  setup
  build_wasm
  build_dist
}

cmd_serve() {
  cmd_build
  log "serving www/ on http://127.0.0.1:8080"
  exec node tools/serve.mjs www 8080
}

cmd_test() {
  setup
  log "formatting and lints (cargo fmt, cargo clippy)"
  cargo fmt --check
  cargo clippy --quiet --all-targets -- -D warnings
  log "Rust unit, integration and doc tests"
  cargo test
  build_wasm
  build_dist
  log "wasm tests in headless Chromium"
  CHROMEDRIVER=$(command -v chromedriver) \
    cargo test --release --target "$WASM_TARGET" --test wasm
  log "the wasm module against the CLI (Node), then the page end to end (Playwright)"
  node --test tests/node/ tests/e2e/
  log "a short fuzzing pass (./build.sh fuzz runs the long one)"
  FUZZ_SECONDS=${FUZZ_SECONDS:-10} cmd_fuzz
}

cmd_bench() {
  setup
  build_wasm
  build_dist
  log "release CLI and examples/bench_native"
  cargo build --quiet --release --bin summarize --example bench_native
  log "size, start-up, warm speed, scale, batch and side by side (tools/bench/run.mjs)"
  node tools/bench/run.mjs
  log "growth on adversarial inputs (examples/bench_adversarial.rs)"
  cargo run --quiet --release --example bench_adversarial
}

# Every examples/eval_*.rs prints its own table; each also skips with a
# notice when ../shared is absent, so it can be run on its own.
cmd_eval() {
  if [ ! -d ../shared ]; then
    echo "eval: ../shared is absent, so there is nothing to measure against (skipped)"
    return 0
  fi
  local example
  for example in examples/eval_*.rs; do
    [ -e "$example" ] || continue
    example=$(basename "$example" .rs)
    log "$example"
    cargo run --quiet --release --example "$example"
  done
}

# cargo-fuzz on the stable toolchain: RUSTC_BOOTSTRAP lets it pass the -Z flags
# libFuzzer needs. No sanitizer: the crate forbids unsafe code, and what fuzzing
# hunts here is panics, hangs and runaway memory, which libFuzzer sees unaided.
FUZZ_TARGETS=(summarize decode html docx)
CARGO_FUZZ_VERSION=0.13.2

ensure_cargo_fuzz() {
  if [ "$(cargo fuzz --version 2>/dev/null | awk '{ print $2 }')" != "$CARGO_FUZZ_VERSION" ]; then
    log "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 3 minutes)"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION"
  fi
}

# Starting corpora: the sample articles for text, the fixtures for their formats.
seed_corpus() {
  local target=$1 dir=fuzz/corpus/$1
  mkdir -p "$dir"
  case "$target" in
    summarize | decode) cp www/samples/*.txt tests/fixtures/gb18030.txt "$dir/" ;;
    html) cp tests/fixtures/*.html "$dir/" ;;
    docx) cp tests/fixtures/*.docx "$dir/" ;;
  esac
}

cmd_fuzz() {
  local seconds=${FUZZ_SECONDS:-60} target
  ensure_cargo_fuzz
  for target in "${FUZZ_TARGETS[@]}"; do
    log "fuzzing $target for ${seconds}s"
    seed_corpus "$target"
    # A crash leaves its input in fuzz/artifacts/$target/ and fails this command.
    local out=fuzz/$target.log
    if ! RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none -O "$target" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -max_len=262144 -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 >"$out" 2>&1; then
      tail -n 40 "$out" >&2
      echo "fuzz target $target failed: the input is in fuzz/artifacts/$target/" >&2
      return 1
    fi
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$out" || true
  done
}

case "${1:-}" in
  build) cmd_build ;;
  serve) cmd_serve ;;
  test) cmd_test ;;
  bench) cmd_bench ;;
  eval) cmd_eval ;;
  fuzz) cmd_fuzz ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
