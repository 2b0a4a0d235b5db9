#!/usr/bin/env bash
# Whole-process benchmark of `madang present` on a private Xvfb (1920x1080,
# full screen): time from start to first frame (median of repeated runs:
# hyperfine over a run that exits right after its first frame, plus the
# in-process figure the run prints), and resident memory while presenting
# (VmHWM and VmRSS of a live presenter after visiting every slide and the
# overview).
#   tests/bench/present_bench.sh BUILD_DIR [DECK]
set -euo pipefail
build=${1:?build dir}
deck=${2:-$(dirname "$0")/../../slides/lecture.md}
madang=$build/madang
out=$(mktemp -d)
xvfb_pid=
present_pid=
cleanup() {
  [[ -n $present_pid ]] && kill "$present_pid" 2>/dev/null || true
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT

# shellcheck source=private_xvfb.sh
source "$(dirname "$0")/private_xvfb.sh"
start_private_xvfb

# 1. Start to first frame, in a window and full screen. (Full screen on Xvfb
# includes SDL 2.26 waiting up to 100 ms for a window manager that is not
# there to confirm the change.)
MADANG_PRESENT_FIRST_FRAME=1 hyperfine --warmup 2 --runs 15 --export-json "$out/first.json" \
  "$madang present $deck" "$madang present $deck --fullscreen" >&2
inproc=()
for _ in 1 2 3 4 5 6 7; do
  inproc+=("$(MADANG_PRESENT_FIRST_FRAME=1 "$madang" present "$deck" | awk '/first-frame-ms/ {print $2}')")
done
MADANG_PRESENT_FIRST_FRAME=1 "$madang" present "$deck" | sed -n 's/^/  one run: /p' >&2

# 2. Memory while presenting: every slide once (End walks none, so step
# through), then the overview with all thumbnails.
MADANG_PRESENT_TRACE=1 "$madang" present "$deck" --fullscreen >"$out/trace" 2>"$out/err" &
present_pid=$!
wait_idle() {  # until the last idle line of the trace matches $1
  for _ in $(seq 300); do
    grep '^idle' "$out/trace" 2>/dev/null | tail -1 | grep -q -- "$1" && return 0
    sleep 0.05
  done
  echo "present did not settle on '$1'; trace:" >&2; cat "$out/trace" "$out/err" >&2; return 1
}
wait_idle 'slide=1 '
slides=$(sed -n 's/.* slides=\([0-9]*\).*/\1/p' "$out/trace" | head -1)
rss_first=$(awk '/VmRSS/ {print $2}' "/proc/$present_pid/status")
for i in $(seq 2 "$slides"); do
  # shellcheck disable=SC2046  # one xdotool key name per digit
  xdotool key --delay 20 $(printf '%s' "$i" | sed 's/./& /g') Return
  wait_idle "slide=$i .*jump=- "
done
xdotool key Tab
wait_idle 'overview=1'
status=/proc/$present_pid/status
hwm=$(awk '/VmHWM/ {print $2}' "$status")
rss=$(awk '/VmRSS/ {print $2}' "$status")
xdotool key q
wait "$present_pid" || true
present_pid=

python3 - "$out/first.json" "$deck" "$slides" "$rss_first" "$hwm" "$rss" "${inproc[@]}" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
deck, slides, rss_first, hwm, rss = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
inproc = [float(x) for x in sys.argv[7:] if x]
print(f"present {deck} ({slides} slides), 1920x1080 full screen on Xvfb")
for r, what in zip(results, ["window", "full screen"]):
    print(f"  start to first frame and exit, whole process, {what}: median {r['median']*1000:.1f} ms "
          f"(min {r['min']*1000:.1f}, max {r['max']*1000:.1f}, {len(r['times'])} runs)")
if inproc:
    print(f"  start to first frame, in process, window: median {statistics.median(inproc):.1f} ms")
print(f"  resident memory: {rss_first/1024:.1f} MB after the first frame; "
      f"after every slide and the overview: VmRSS {rss/1024:.1f} MB, VmHWM {hwm/1024:.1f} MB")
PY
