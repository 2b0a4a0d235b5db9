#!/usr/bin/env bash
# Whole-process benchmark of `madang rehearsals` over a history of 100 runs
# of a 200-slide deck (target: under 100 ms): the table, --json, --csv and
# the chart, medians by hyperfine; and the database's size.
#   tests/bench/rehearsals_bench.sh BUILD_DIR
set -euo pipefail
build=${1:?build dir}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$build/tests/bench/history_fill_tool" "$out" 200 100
madang=$build/madang
hyperfine --warmup 3 --runs 20 --export-csv "$out/rehearsals.csv" \
  -n table "$madang rehearsals $out/deck.md --history $out/history.sqlite" \
  -n json "$madang rehearsals $out/deck.md --history $out/history.sqlite --json" \
  -n csv "$madang rehearsals $out/deck.md --history $out/history.sqlite --csv" \
  -n chart "$madang rehearsals $out/deck.md --history $out/history.sqlite --plot $out/chart.png" \
  >&2
# command,mean,stddev,median,user,system,min,max (seconds)
awk -F, 'NR > 1 { printf "rehearsals %s: median %.1f ms (min %.1f, max %.1f)\n", $1, $4 * 1000, $7 * 1000, $8 * 1000 }' \
  "$out/rehearsals.csv"
echo "history of 100 runs x 200 slides: $(stat -c %s "$out/history.sqlite") bytes"
