#!/usr/bin/env bash
# Whole-process benchmark of `madang present` with the presenter console on
# two displays: Xorg with the dummy driver (as root; tests/e2e/data/
# xorg-dummy.conf.in), the hall full screen on DUMMY1, the console on DUMMY0.
#  1. start to the first frame of both windows: hyperfine medians of a run
#     that exits once both have drawn, and the in-process figure;
#  2. resident memory after visiting every slide (each step) and the
#     overview on the console: VmRSS and VmHWM;
#  3. a slide standing with the timer running for 30 s: CPU of the whole
#     process (utime + stime), frames the hall drew (target: none) and the
#     console drew (its clock: one a second).
#   tests/bench/console_bench.sh BUILD_DIR [DECK] [SECONDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?build dir}
deck=${2:-$here/../../slides/lecture.md}
stand=${3:-30}
madang=$build/madang
out=$(mktemp -d)
xorg_pid=
present_pid=
cleanup() {
  [[ -n $present_pid ]] && kill "$present_pid" 2>/dev/null || true
  [[ -n $xorg_pid ]] && kill "$xorg_pid" 2>/dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT

n=$((700 + $$ % 200))
while [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]]; do n=$((n + 1)); done
sed 's/@ENABLE@/Option "Enable" "true"/' "$here/../e2e/data/xorg-dummy.conf.in" >"$out/xorg.conf"
/usr/lib/xorg/Xorg ":$n" -config "$out/xorg.conf" -logfile "$out/Xorg.log" -noreset \
  -nolisten tcp -dpi 96 -nocursor >"$out/xorg.out" 2>&1 &
xorg_pid=$!
for _ in $(seq 200); do
  DISPLAY=:$n xrandr --query 2>/dev/null | grep -q 'DUMMY1 connected' && break
  sleep 0.05
done
DISPLAY=:$n xrandr --query | grep -q 'DUMMY1 connected' || {
  echo "Xorg with the dummy driver did not start (root? xserver-xorg-video-dummy?)" >&2
  cat "$out/xorg.out" >&2
  exit 1
}
export DISPLAY=:$n SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy
unset WAYLAND_DISPLAY

# 1. First frame of both windows.
MADANG_PRESENT_FIRST_FRAME=1 hyperfine --warmup 2 --runs 15 --export-json "$out/first.json" \
  "$madang present $deck --duration 20m" >&2
inproc=()
for _ in 1 2 3 4 5 6 7; do
  inproc+=("$(MADANG_PRESENT_FIRST_FRAME=1 "$madang" present "$deck" --duration 20m |
    awk '/first-frame-ms/ {print $2}')")
done
MADANG_PRESENT_FIRST_FRAME=1 "$madang" present "$deck" --duration 20m | sed -n 's/^/  one run: /p' >&2

# 2. and 3. A live presenter.
MADANG_PRESENT_TRACE=1 "$madang" present "$deck" --duration 20m >"$out/trace" 2>"$out/err" &
present_pid=$!
last_idle() { grep '^idle' "$out/trace" 2>/dev/null | tail -1; }
wait_idle() {  # until the last idle line of the trace matches $1
  for _ in $(seq 400); do
    last_idle | grep -q -- "$1" && return 0
    sleep 0.05
  done
  echo "present did not settle on '$1'; trace:" >&2
  tail -n 3 "$out/trace" >&2; tail -n 3 "$out/err" >&2
  return 1
}
field() { last_idle | sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
wait_idle 'slide=1 .*console=1 '
xdotool mousemove 900 40  # the console's top bar: keys go to the console
slides=$(field slides)
rss_first=$(awk '/VmRSS/ {print $2}' "/proc/$present_pid/status")
for i in $(seq 2 "$slides"); do
  xdotool key --delay 20 $(printf '%s' "$i" | sed 's/./& /g') Return
  wait_idle "slide=$i .*jump=- "
  # every step of the slide
  while ! last_idle | grep -q 'step=0 ' || [[ -z ${stepped:-} ]]; do
    stepped=1
    before=$(field step)
    xdotool key Right
    sleep 0.3
    [[ $(field slide) != "$i" ]] && { xdotool key Left; wait_idle "slide=$i "; break; }
    [[ $(field step) == "$before" ]] && break
  done
  unset stepped
done
xdotool key o
wait_idle 'overview=1'
xdotool key Escape
wait_idle 'overview=0'
status=/proc/$present_pid/status
hwm=$(awk '/VmHWM/ {print $2}' "$status")
rss=$(awk '/VmRSS/ {print $2}' "$status")

xdotool key Home
wait_idle 'slide=1 '
# The walk started the timer; make sure it runs (T toggles it).
last_idle | grep -q 'timer=running' || { xdotool key t; wait_idle 'timer=running'; }
sleep 2
ticks() { awk '{print $14 + $15}' "/proc/$present_pid/stat"; }
hall0=$(field frames); console0=$(field console-frames); cpu0=$(ticks)
sleep "$stand"
xdotool key t  # pause: prints a fresh idle line with the frame counts
wait_idle 'timer=paused'
cpu1=$(ticks); hall1=$(field frames); console1=$(field console-frames)
xdotool key q
wait "$present_pid" || true
present_pid=

python3 - "$out/first.json" "$deck" "$slides" "$rss_first" "$hwm" "$rss" "$stand" \
  "$cpu0" "$cpu1" "$hall0" "$hall1" "$console0" "$console1" "$(getconf CLK_TCK)" \
  "${inproc[@]}" <<'PY'
import json, statistics, sys
a = sys.argv
r = json.load(open(a[1]))["results"][0]
deck, slides = a[2], a[3]
rss_first, hwm, rss = int(a[4]), int(a[5]), int(a[6])
stand = float(a[7])
cpu = (int(a[9]) - int(a[8])) / int(a[14])
hall = int(a[11]) - int(a[10]) - 1   # the pause itself draws the console, not the hall
console = int(a[13]) - int(a[12])
inproc = [float(x) for x in a[15:] if x]
print(f"present {deck} ({slides} slides) with the console, two 1920x1080 displays (Xorg dummy)")
print(f"  start to the first frame of both windows, whole process: median {r['median']*1000:.1f} ms "
      f"(min {r['min']*1000:.1f}, max {r['max']*1000:.1f}, {len(r['times'])} runs); target < 200 ms")
if inproc:
    print(f"  the same, in process: median {statistics.median(inproc):.1f} ms")
print(f"  resident memory: {rss_first/1024:.1f} MB after the first frames; after every slide, step "
      f"and the overview: VmRSS {rss/1024:.1f} MB, VmHWM {hwm/1024:.1f} MB; target < 150 MB")
print(f"  a slide standing {stand:.0f} s with the timer running: CPU {cpu:.2f} s = "
      f"{100*cpu/stand:.2f}% of a core (target < 1%); hall frames {max(hall,0)} (target 0); "
      f"console frames {console} (its clock, about one a second)")
PY
