#!/usr/bin/env bash
# Ink in `madang present` on a private Xvfb (1920x1080, one screen: the hall
# is the window drawn on), through MADANG_PRESENT_TRACE and MADANG_INK_TRACE:
#  1. a stroke drawn with 240 pointer moves about 8 ms apart: the time from
#     each move (SDL's event timestamp, and the loop's handling) to the hall
#     frame that shows it, and how many frames the hall drew for them;
#  2. CPU at rest, 5 s with a pen up and ink on the slide (utime + stime);
#  3. slides 2..9 each carrying 10,000 points of ink (100 handwritten-like
#     strokes that the simplification cannot thin), each reached with a
#     jump for the first time: that frame's time, against the same jumps in
#     a run without ink.
#   tests/bench/ink_bench.sh BUILD_DIR [DECK]
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

wait_idle() {  # until the last idle line of the trace matches $1
  for _ in $(seq 300); do
    grep '^idle' "$out/trace" 2>/dev/null | tail -1 | grep -q -- "$1" && return 0
    sleep 0.05
  done
  echo "present did not settle on '$1'; trace:" >&2; tail -n 5 "$out/trace" "$out/err" >&2; return 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$present_pid/stat"; }
start() {
  : >"$out/trace"
  MADANG_PRESENT_TRACE=1 MADANG_INK_TRACE=1 "$madang" present "$deck" --fullscreen "$@" \
    >"$out/trace" 2>"$out/err" &
  present_pid=$!
}

# 1. Drawing.
start --ink "$out/ink.json" --slide 4
wait_idle 'slide=4 '
xdotool key d
wait_idle 'ink-tool=1'
frames_before=$(grep '^idle' "$out/trace" | tail -1 | sed 's/.* frames=\([0-9]*\) .*/\1/')
moves=(mousemove 300 700 mousedown 1)
for i in $(seq 1 240); do
  x=$((300 + i * 5)); y=$((700 + (i % 40) * 3))
  moves+=(sleep 0.008 mousemove "$x" "$y")
done
moves+=(mouseup 1)
t0=$(date +%s.%N)
xdotool "${moves[@]}"
t1=$(date +%s.%N)
wait_idle 'ink-strokes=1 '
frames_after=$(grep '^idle' "$out/trace" | tail -1 | sed 's/.* frames=\([0-9]*\) .*/\1/')

# 2. At rest, with the pen up and the stroke on the slide.
sleep 1
c0=$(cpu_ticks); sleep 5; c1=$(cpu_ticks)
xdotool key q
wait "$present_pid" || true
present_pid=
grep '^ink-frame' "$out/trace" >"$out/frames" || true

# 3. A slide with 10,000 points of ink.
python3 - "$out/heavy.json" <<'PY'
import json, math, sys
# Handwriting: 100 strokes of 100 points, each a run of small loops (letters
# about 30 px high at 1080p, a point every 2 to 3 px), which the
# simplification keeps almost whole.
strokes = []
for s in range(100):  # on each of slides 2..9 (below)
    x0, y0 = 0.08 + 0.17 * (s % 5), 0.12 + 0.04 * (s // 5)
    pts = []
    for i in range(100):
        a = i * 0.55
        pts.append([round(x0 + 0.0009 * i + 0.008 * math.cos(a), 5),
                    round(y0 + 0.014 * math.sin(a), 5), 1])
    strokes.append({"tool": "pen", "color": "#e0302cff", "width": 0.003, "step": 0, "points": pts})
json.dump({"madang-ink": 1, "deck": "bench",
           "slides": [{"slide": n, "strokes": strokes} for n in range(2, 10)]},
          open(sys.argv[1], "w"))
PY
# The first visit of slides 2..9, each carrying that ink, against the same
# visits with no ink (a fresh run each: nothing laid out or cached before).
visits() {  # prints the frame-ms of the cut to each of slides 2..9
  for i in 2 3 4 5 6 7 8 9; do
    xdotool key "$i" Return
    wait_idle "slide=$i .*jump=- "
    grep '^idle' "$out/trace" | tail -1 | sed 's/.* frame-ms=\([0-9.]*\) .*/\1/'
  done
}
start --ink "$out/heavy.json" --slide 1
wait_idle 'slide=1 '
heavy_points=$(grep '^idle' "$out/trace" | tail -1 | sed 's/.* ink-points=\([0-9]*\).*/\1/')
heavy_ms=$(visits | tr '\n' ',')
xdotool key q
wait "$present_pid" || true
start --ink off --slide 1
wait_idle 'slide=1 '
plain_ms=$(visits | tr '\n' ',')
xdotool key q
wait "$present_pid" || true
present_pid=

python3 - "$out/frames" "$t0" "$t1" "$frames_before" "$frames_after" "$c0" "$c1" \
  "$(getconf CLK_TCK)" "$heavy_points" "$heavy_ms" "$plain_ms" <<'PY'
import statistics, sys
lines = open(sys.argv[1]).read().split("\n")
ev, hd, dr = [], [], []
for l in lines:
    if not l.startswith("ink-frame"):
        continue
    f = dict(kv.split("=") for kv in l.split()[1:])
    ev.append(float(f["event-to-present-ms"])); hd.append(float(f["handled-to-present-ms"]))
    dr.append(float(f["draw-ms"]))
t0, t1 = float(sys.argv[2]), float(sys.argv[3])
fb, fa, c0, c1, hz = (int(x) for x in sys.argv[4:9])
points = int(sys.argv[9]) // 8
heavy = [float(x) for x in sys.argv[10].split(",") if x]
plain = [float(x) for x in sys.argv[11].split(",") if x]
def p(v, q):
    v = sorted(v); return v[min(len(v) - 1, int(q * len(v)))]
print("ink in present, 1920x1080 full screen on Xvfb (software renderer)")
if ev:
    print(f"  pointer move to stroke on screen: event median {statistics.median(ev):.1f} ms "
          f"(p95 {p(ev, .95):.1f}); handled median {statistics.median(hd):.2f} ms (p95 {p(hd, .95):.2f}); "
          f"hall draw median {statistics.median(dr):.2f} ms")
print(f"  while drawing: 240 moves in {t1 - t0:.2f} s, hall frames {fa - fb} "
      f"({(fa - fb) / max(t1 - t0, 1e-3):.0f} per second)")
print(f"  at rest, pen up, ink on the slide: {(c1 - c0) / hz * 1000 / 5:.1f} ms CPU per second "
      f"({c1 - c0} ticks in 5 s)")
print(f"  slides with {points} points of ink each, first visit by a jump: frame median "
      f"{statistics.median(heavy):.2f} ms (max {max(heavy):.2f}); the same slides without ink: "
      f"median {statistics.median(plain):.2f} ms (max {max(plain):.2f}); 60 Hz frame: 16.7 ms")
PY
