#!/usr/bin/env bash
# Whole-process benchmark: `madang export` of a deck to 1080p PNGs, median of
# repeated runs (hyperfine), with the ratio to a reference time.
#   tests/bench/export_bench.sh BUILD_DIR [DECK] [REFERENCE_SECONDS]
# REFERENCE_SECONDS defaults to 3.0: Marp CLI driving Debian's Chromium takes
# about that for the lecture deck on this 2-core machine (issue #4).
set -euo pipefail
build=${1:?build dir}
deck=${2:-$(dirname "$0")/../../slides/lecture.md}
reference=${3:-3.0}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
hyperfine --warmup 2 --runs 15 --export-json "$out/result.json" \
  "$build/madang export $deck --png $out/png" >&2
python3 - "$out/result.json" "$reference" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
ref = float(sys.argv[2])
print(f"export median {r['median']*1000:.1f} ms (min {r['min']*1000:.1f}, max {r['max']*1000:.1f}); "
      f"reference {ref:.2f} s; speed-up {ref / r['median']:.1f}x")
PY
