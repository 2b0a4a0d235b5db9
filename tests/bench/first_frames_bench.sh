#!/usr/bin/env bash
# First frames and export memory (issue #25, item 3), each the median of RUNS:
#  1. the presenter console's first frame on two displays (Xorg's dummy
#     driver, as root: tests/e2e/data/xorg-dummy.conf.in): a run that exits
#     once the hall and the console have drawn (MADANG_PRESENT_FIRST_FRAME),
#     its in-process first-frame-ms and its whole-process wall time;
#  2. a single window's first frame on a private Xvfb (1920x1080), the same;
#  3. the peak resident memory of the lecture's PNG export (/usr/bin/time -v,
#     Maximum resident set size), and its wall time (it must not grow to save
#     memory).
# Targets: the console under 200 ms, a window under 150 ms, the export under
# 64 MB. (console_bench.sh and present_bench.sh measure more around these.)
#   tests/bench/first_frames_bench.sh BUILD_DIR [DECK] [RUNS=5]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?build dir}
deck=${2:-$here/../../slides/lecture.md}
runs=${3:-5}
madang=$build/madang
out=$(mktemp -d)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT

free_display() {
  local n=120
  while [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]]; do n=$((n + 1)); done
  echo "$n"
}
stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}
export SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy
unset WAYLAND_DISPLAY

# first_frames FILE ARGS...: RUNS runs, "IN_PROCESS_MS WALL_MS WINDOWS" lines.
first_frames() {
  local file=$1
  shift
  for _ in $(seq "$runs"); do
    local t0 t1 ms windows
    t0=$(date +%s%N)
    MADANG_PRESENT_FIRST_FRAME=1 "$madang" present "$deck" "$@" >"$out/run"
    t1=$(date +%s%N)
    ms=$(awk '/^first-frame-ms/ {print $2}' "$out/run")
    windows=$(awk '/^windows/ {print $2}' "$out/run")
    echo "$ms $(((t1 - t0) / 1000000)) $windows" >>"$file"
  done
}

# 1. The console on two displays.
n=$(free_display)
sed 's/@ENABLE@/Option "Enable" "true"/' "$here/../e2e/data/xorg-dummy.conf.in" >"$out/xorg.conf"
/usr/lib/xorg/Xorg ":$n" -config "$out/xorg.conf" -logfile "$out/Xorg.log" -noreset \
  -nolisten tcp -dpi 96 -nocursor >"$out/xorg.out" 2>&1 &
server_pid=$!
for _ in $(seq 200); do
  DISPLAY=:$n xrandr --query 2>/dev/null | grep -q 'DUMMY1 connected' && break
  sleep 0.05
done
DISPLAY=:$n xrandr --query | grep -q 'DUMMY1 connected' || {
  echo "Xorg with the dummy driver did not start (root? xserver-xorg-video-dummy?)" >&2
  cat "$out/xorg.out" >&2
  exit 1
}
export DISPLAY=:$n
MADANG_PRESENT_FIRST_FRAME=1 "$madang" present "$deck" --duration 20m >/dev/null  # warm-up
first_frames "$out/console" --duration 20m
stop_server

# 2. One window.
n=$(free_display)
Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp -noreset >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  DISPLAY=:$n xdotool getdisplaygeometry >/dev/null 2>&1 && break
  sleep 0.05
done
export DISPLAY=:$n
MADANG_PRESENT_FIRST_FRAME=1 "$madang" present "$deck" >/dev/null  # warm-up
first_frames "$out/window"
stop_server

# 3. The PNG export's peak memory.
for _ in $(seq "$runs"); do
  rm -rf "$out/png"
  /usr/bin/time -v "$madang" export "$deck" --png "$out/png" 2>"$out/time" >/dev/null
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time")
  wall=$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$out/time")  # m:ss.ss
  echo "$kb $wall" >>"$out/export"
done

python3 - "$out" "$deck" "$runs" <<'PY'
import pathlib, statistics, sys
out, deck, runs = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
def rows(name):
    return [l.split() for l in (out / name).read_text().splitlines() if l.strip()]
print(f"first frames and export memory of {deck}, medians of {runs} runs")
for name, what, target in [("console", "hall and console on two 1920x1080 displays (Xorg dummy)", 200),
                           ("window", "one window on Xvfb 1920x1080", 150)]:
    r = rows(name)
    inproc = [float(x[0]) for x in r]
    wall = [float(x[1]) for x in r]
    print(f"  {what}, {r[0][2]} window(s): first frame in process median {statistics.median(inproc):.1f} ms "
          f"(min {min(inproc):.1f}, max {max(inproc):.1f}); whole process to exit median "
          f"{statistics.median(wall):.0f} ms; target < {target} ms")
kb = [int(x[0]) for x in rows("export")]
wall = [int(x[1].split(":")[0]) * 60 + float(x[1].split(":")[1]) for x in rows("export")]
print(f"  export --png: peak resident memory median {statistics.median(kb)/1024:.1f} MB "
      f"(min {min(kb)/1024:.1f}, max {max(kb)/1024:.1f}); target < 64 MB; "
      f"wall time median {statistics.median(wall)*1000:.0f} ms")
PY
