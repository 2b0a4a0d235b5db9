#!/usr/bin/env bash
# Whole-process benchmark of issue #25's decks (tests/hostile/highlight_inputs.h):
# `madang check` of the worst lines of every language definition
# Source-highlight has (16 lines of 8000 bytes each), and of the issue's deck
# (eight 15 KB lines of HTML tags). Prints the median CPU time (user + system,
# GNU time) of a few runs of each, then the worst and the total.
#   tests/bench/highlight_bench.sh BUILD_DIR [RUNS]
#   OLD=/path/to/old/madang tests/bench/highlight_bench.sh BUILD_DIR  (one run
#   each of the old binary too, killed after LIMIT seconds, default 60)
#   ONLY="issue html cpp" tests/bench/highlight_bench.sh BUILD_DIR  (some decks)
set -euo pipefail
build=$(cd "${1:?build dir}" && pwd)  # absolute: the decks are in a scratch folder
runs=${2:-5}
limit=${LIMIT:-60}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$build/tests/hostile/highlight_gen" "$dir" >/dev/null
cd "$dir"

cpu() {  # BIN DECK -> "seconds" (user + system), or ">LIMIT" when killed
  /usr/bin/time -f "%U %S %x" -o t.txt timeout -s KILL "$limit" "$1" check "$2" >/dev/null 2>&1 || true
  if grep -q "signal" t.txt; then
    echo ">$limit"
  else
    tail -1 t.txt | awk '{printf "%.2f", $1 + $2}'
  fi
}

median() {  # BIN DECK RUNS
  local i values=()
  for ((i = 0; i < $3; i++)); do values+=("$(cpu "$1" "$2")"); done
  printf "%s\n" "${values[@]}" | sort -g | sed -n "$((($3 + 1) / 2))p"
}

decks=()
if [[ -n ${ONLY:-} ]]; then
  for name in $ONLY; do decks+=("highlight-$name.md"); done
else
  decks=(highlight-issue.md)
  for deck in highlight-*.md; do [[ $deck == highlight-issue.md ]] || decks+=("$deck"); done
fi

printf "%-28s %10s %s\n" deck "CPU s" "${OLD:+old CPU s (one run)}"
worst=0 worst_deck= total=0 old_total=0 old_killed=0
for deck in "${decks[@]}"; do
  s=$(median "$build/madang" "$deck" "$runs")
  old=
  if [[ -n ${OLD:-} ]]; then
    old=$(cpu "$OLD" "$deck")
    if [[ $old == ">"* ]]; then
      old_killed=$((old_killed + 1))
      old_total=$(awk -v a="$old_total" -v b="$limit" 'BEGIN {print a + b}')
    else
      old_total=$(awk -v a="$old_total" -v b="$old" 'BEGIN {print a + b}')
    fi
  fi
  printf "%-28s %10s %s\n" "${deck%.md}" "$s" "$old"
  total=$(awk -v a="$total" -v b="$s" 'BEGIN {print a + b}')
  if awk -v a="$s" -v b="$worst" 'BEGIN {exit !(a > b)}'; then
    worst=$s
    worst_deck=${deck%.md}
  fi
done
printf "worst %s s (%s), total %s s over %d decks\n" "$worst" "$worst_deck" "$total" "${#decks[@]}"
if [[ -n ${OLD:-} ]]; then
  printf "old: total at least %s s, %d decks killed after %s s\n" "$old_total" "$old_killed" "$limit"
fi
