#!/usr/bin/env bash
# The first frame of a photo deck, and a slide change to the next photo
# (issue #25, "Fast with real photos"): a deck of fifty 12-megapixel JPEG
# photo backgrounds (4000x3000, made here with ImageMagick as photo_bench.sh
# makes them) presented full screen on a private Xvfb (1920x1080).
#   tests/bench/photo_first_frame_bench.sh BUILD_DIR [RUNS=7]
# MADANG=/path/to/madang measures another build (a before/after pair).
#  1. First frame: RUNS runs of `madang present DECK --fullscreen` that exit
#     after their first frame (MADANG_PRESENT_FIRST_FRAME). The figure that
#     counts is from the start of the process to its "first-frame-ms" line
#     (the deck's loading and image checks included); the in-process
#     first-frame-ms (from the window clock's start, after loading) and the
#     whole process to exit are shown beside it.
#  2. Slide changes: one presenter (MADANG_FRAME_TRACE, the deck without
#     transitions so that the frame after a key press draws the new slide
#     itself), Right pressed RUNS times a second and a half apart; the median
#     and the worst of the hall frame that shows each new photo (drawing and
#     presenting). A frame that decodes its photo spends 60-100 ms on that
#     alone; one that finds it decoded ahead (render/image_ahead.h) spends
#     what is left: the texture's upload and the software renderer's scaling
#     of 2000x1500 to 1920x1080 (25-40 ms on Xvfb's software renderer).
# Targets: the first frame under 300 ms; no decode in a change's frame.
set -euo pipefail
build=${1:?build dir}
runs=${2:-7}
madang=${MADANG:-$build/madang}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
xvfb_pid=
present_pid=
cleanup() {
  [[ -n $present_pid ]] && kill "$present_pid" 2>/dev/null || true
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT

# Photos: a gradient with noise (compressed as a photo would be), one file
# per slide (each is read, checked and decoded on its own).
convert -size 4000x3000 gradient:'#3060a0'-'#e0c080' -attenuate 0.3 +noise Gaussian \
  -quality 90 "$out/photo-0.jpg"
for i in $(seq 1 49); do cp "$out/photo-0.jpg" "$out/photo-$i.jpg"; done
deck() {  # deck FILE TRANSITION
  {
    printf -- '---\ntitle: 사진 50장\ntransition: %s\n---\n\n' "$2"
    for i in $(seq 0 49); do
      [[ $i -gt 0 ]] && printf '\n---\n\n'
      printf '![bg](photo-%d.jpg)\n\n# 사진 %d\n' "$i" "$((i + 1))"
    done
  } >"$1"
}
deck "$out/photos.md" fade
deck "$out/cuts.md" none

# shellcheck source=private_xvfb.sh
source "$here/private_xvfb.sh"
start_private_xvfb

# 1. First frames.
MADANG_PRESENT_FIRST_FRAME=1 "$madang" present "$out/photos.md" --fullscreen >/dev/null  # warm-up
stamp() {  # each line of stdin with the time it arrived (ns)
  while IFS= read -r line; do echo "$(date +%s%N) $line"; done
}
for _ in $(seq "$runs"); do
  t0=$(date +%s%N)
  MADANG_PRESENT_FIRST_FRAME=1 "$madang" present "$out/photos.md" --fullscreen | stamp >"$out/run"
  t1=$(date +%s%N)
  seen=$(awk '$2 == "first-frame-ms" {print $1}' "$out/run")
  echo "$(((seen - t0) / 1000000)) $(awk '$2 == "first-frame-ms" {print $3}' "$out/run")" \
    "$(((t1 - t0) / 1000000))" >>"$out/first"
done
sed -n 's/^[0-9]* phases/  phases of the last run (ms on the window clock):/p' "$out/run" >"$out/phases"

# 2. Slide changes.
MADANG_PRESENT_TRACE=1 MADANG_FRAME_TRACE=1 "$madang" present "$out/cuts.md" --fullscreen \
  >"$out/trace" 2>"$out/err" &
present_pid=$!
wait_idle() {  # until the last idle line of the trace matches $1
  for _ in $(seq 400); do
    grep '^idle' "$out/trace" 2>/dev/null | tail -1 | grep -q -- "$1" && return 0
    sleep 0.05
  done
  echo "present did not settle on '$1'; trace:" >&2
  cat "$out/trace" "$out/err" >&2
  return 1
}
wait_idle 'slide=1 '
sleep 1.5
for i in $(seq 2 $((runs + 1))); do
  before=$(grep -c '^frame ' "$out/trace" || true)
  xdotool key Right
  wait_idle "slide=$i "
  # The first hall frame after the key: the one that shows slide i.
  grep '^frame ' "$out/trace" | sed -n "$((before + 1))p" |
    sed 's/.*hall-ms=\([0-9.]*\).*/\1/' >>"$out/changes"
  sleep 1.5
done
xdotool key q
wait "$present_pid" || true
present_pid=

python3 - "$out" "$madang" "$runs" <<'PY'
import pathlib, statistics, sys
out, madang, runs = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
first = [l.split() for l in (out / "first").read_text().splitlines() if l.strip()]
start = [float(x[0]) for x in first]
inproc = [float(x[1]) for x in first]
wall = [float(x[2]) for x in first]
changes = [float(x) for x in (out / "changes").read_text().split()]
print(f"50 x 12 MP JPEG photo backgrounds, full screen 1920x1080 on Xvfb ({madang}), {runs} runs")
print(f"  start of the process to the first frame: median {statistics.median(start):.0f} ms "
      f"(min {min(start):.0f}, max {max(start):.0f}); target < 300 ms")
print(f"    in process from the window clock (after loading): median {statistics.median(inproc):.1f} ms; "
      f"whole process to exit: median {statistics.median(wall):.0f} ms")
print(f"  the frame after Right (next photo, no transition): median "
      f"{statistics.median(changes):.1f} ms, worst {max(changes):.1f} ms; target: no decode "
      f"in it (a decode alone is 60-100 ms)")
PY
cat "$out/phases"
