#!/usr/bin/env bash
# Whole-process benchmark of issue #15's hostile files (tests/hostile):
# `madang check` and `madang export` of each, under ulimit -v 1 GiB; prints
# the median wall time of a few runs (hyperfine), the peak resident memory
# (GNU time), the exit status and the first diagnostic.
#   tests/bench/hostile_bench.sh BUILD_DIR [RUNS]
#   OLD=/path/to/old/madang tests/bench/hostile_bench.sh BUILD_DIR  (one run
#   each of the old binary too, killed after LIMIT seconds, default 200)
set -euo pipefail
build=$(cd "${1:?build dir}" && pwd)  # absolute: the cases run in a scratch folder
runs=${2:-3}
limit=${LIMIT:-200}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$build/tests/hostile/hostile_gen" "$dir" >/dev/null
cd "$dir"

measure() {  # BIN RUNS ARGS... -> "median_s peak_MB exit first_line"
  local bin=$1 n=$2
  shift 2
  local median=-
  if ((n > 1)); then
    hyperfine --runs "$n" -i --export-json h.json -N \
      "bash -c 'ulimit -v 1048576; exec timeout -s KILL $limit $bin $* >/dev/null 2>&1'" \
      >/dev/null 2>&1 || true
    median=$(python3 -c "import json; print('%.2f' % json.load(open('h.json'))['results'][0]['median'])")
  fi
  rm -rf out
  ( ulimit -v 1048576; /usr/bin/time -f "%e %M %x" -o t.txt timeout -s KILL "$limit" "$bin" "$@" \
      >/dev/null 2>err.txt ) || true
  read -r wall rss code < <(tail -1 t.txt)
  [[ $median == - ]] && median=$wall
  printf "%8s s %6d MB  exit %-3s %s" "$median" $((rss / 1024)) "$code" \
    "$(head -1 err.txt | sed "s|$dir/||" | cut -c1-100)"
}

printf "%-20s %-7s %s\n" case command "median, peak memory, exit, first diagnostic"
for deck in image-bomb image-truncated image-header image-anim image-broken strike nested \
            table code flow uncovered font-fifo font-zero deck-fifo \
            filter-blur filter-chain filter-thin filter-extreme; do
  for command in check export; do
    args=("$command" "$deck.md")
    [[ $command == export ]] && args+=(--png out)
    printf "%-20s %-7s %s\n" "$deck" "$command" "$(measure "$build/madang" "$runs" "${args[@]}")"
    if [[ -n ${OLD:-} ]]; then
      printf "%-20s %-7s %s\n" "  (old)" "" "$(measure "$OLD" 1 "${args[@]}")"
    fi
  done
done
