#!/usr/bin/env bash
# A 1080p30 H.264 clip played by `madang present` on a private Xvfb
# (1920x1080, full screen), against ffmpeg's own decoding of it (issue 22).
# The clip is made here: 60 s of testsrc2 at 1920x1080, 30 fps (libx264
# veryfast, yuv420p, a key frame every 2 s) with an AAC stereo tone, as
# `![bg video autoplay](clip.mp4)` on the only slide (the frame fills the
# window: nothing is scaled). SDL's audio is the dummy driver (a device opens
# and its callback runs in real time, so the sound is the clock, as with a
# sound card). Figures:
#  1. frames shown, late (decoded but dropped), sound underruns: the players'
#     own counts (MADANG_CLIP_TRACE=1: "clip-stats shown=N dropped=M
#     underruns=K" when the show quits), against the clip's 30 x SECONDS
#     frames, and the frames the hall drew (the trace's frames=);
#  2. CPU seconds (utime + stime, /proc/PID/stat) per second of video, from
#     the first frame to the clip's end; and ffmpeg's own: `ffmpeg -benchmark
#     -i clip.mp4 -f null -` (every frame and the sound decoded, nothing
#     shown), per second of video, median of FFRUNS runs, with the ratio
#     Madang/ffmpeg;
#  3. peak resident memory (VmHWM) and VmRSS at the clip's end;
#  4. CPU during the 10 s after the clip ended (should be 0: the worker
#     waits, the loop sleeps).
# RUNS plays (default 1: one 60 s play; the medians of several when given).
# About SECONDS + 40 s per play, plus making the clip (~30 s on 2 cores).
#   tests/bench/clip_bench.sh BUILD_DIR [RUNS=1] [SECONDS=60] [FFRUNS=5]
set -euo pipefail
build=$(cd "${1:?usage: clip_bench.sh BUILD_DIR [RUNS] [SECONDS] [FFRUNS]}" && pwd)
runs=${2:-1}
seconds=${3:-60}
ffruns=${4:-5}
after=10
madang=$build/madang
out=$(mktemp -d)
xvfb_pid=
live_pid=
cleanup() {
  [[ -n $live_pid ]] && kill "$live_pid" 2>/dev/null || true
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT
say() { echo "clip_bench: $*" >&2; }
for tool in ffmpeg Xvfb xdotool python3; do
  command -v "$tool" >/dev/null || { say "needs $tool (scripts/setup installs it)"; exit 2; }
done

# shellcheck source=private_xvfb.sh
source "$(dirname "$0")/private_xvfb.sh"
start_private_xvfb

say "making a ${seconds} s 1080p30 H.264 clip"
ffmpeg -nostdin -loglevel error -y \
  -f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=$seconds" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$seconds" \
  -c:v libx264 -preset veryfast -g 60 -pix_fmt yuv420p -c:a aac -ac 2 "$out/clip.mp4"
printf '![bg video autoplay](clip.mp4)\n' >"$out/deck.md"
"$madang" check "$out/deck.md" 2>&1 | sed -n 's/^.*deck.md:[0-9:]* /  /p' >&2

ticks_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

# ffmpeg's own decode, every frame and the sound, nothing shown.
ffcpu=()
for _ in $(seq "$ffruns"); do
  line=$(ffmpeg -nostdin -benchmark -i "$out/clip.mp4" -f null - 2>&1 | grep '^bench: utime')
  ffcpu+=("$(sed -n 's/.*utime=\([0-9.]*\)s stime=\([0-9.]*\)s.*/\1 \2/p' <<<"$line" |
    awk '{print $1 + $2}')")
done

# The plays.
: >"$out/plays"
for run in $(seq "$runs"); do
  MADANG_PRESENT_TRACE=1 MADANG_CLIP_TRACE=1 "$madang" present "$out/deck.md" --fullscreen \
    >"$out/trace-$run" 2>"$out/err-$run" &
  live_pid=$!
  for _ in $(seq 400); do
    grep -q '^idle' "$out/trace-$run" 2>/dev/null && break
    sleep 0.025
  done
  grep -q '^idle' "$out/trace-$run" || { say "no first frame"; cat "$out/err-$run" >&2; exit 1; }
  t0=$(date +%s.%N)
  c0=$(ticks_of "$live_pid")
  # The clip's end (and a quarter second for its last frame and the pause).
  sleep "$(python3 -c "print(max(0, $seconds + 0.25 - ($(date +%s.%N) - $t0)))")"
  c1=$(ticks_of "$live_pid")
  t1=$(date +%s.%N)
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$live_pid/status")
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$live_pid/status")
  sleep 1
  c2=$(ticks_of "$live_pid")
  sleep "$after"
  c3=$(ticks_of "$live_pid")
  frames=$(grep '^idle' "$out/trace-$run" | tail -1 | sed -n 's/.* frames=\([0-9]*\) .*/\1/p')
  xdotool key q
  wait "$live_pid" || true
  live_pid=
  stats=$(grep '^clip-stats' "$out/trace-$run" || echo "clip-stats missing")
  echo "$run $t0 $t1 $c0 $c1 $c2 $c3 $hwm $rss ${frames:-0} $stats" >>"$out/plays"
done

python3 - "$out/plays" "$hz" "$seconds" "$after" "$(nproc)" \
  "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" \
  "$([[ -e /dev/dri ]] && echo "/dev/dri present" || echo "no /dev/dri: software decoding")" \
  "${ffcpu[@]}" <<'PY'
import re, statistics, sys
plays_path, hz, seconds, after, cores, cpu, dri = sys.argv[1:8]
hz, seconds, after = int(hz), float(seconds), float(after)
ff = [float(x) for x in sys.argv[8:] if x]
rows = []
for line in open(plays_path):
    f = line.split()
    run, t0, t1, c0, c1, c2, c3, hwm, rss, frames = f[:10]
    stats = " ".join(f[10:])
    num = lambda k: int(re.search(k + r"=(\d+)", stats).group(1)) if re.search(k + r"=(\d+)", stats) else -1
    rows.append(dict(
        wall=float(t1) - float(t0),
        cpu_per_s=(int(c1) - int(c0)) / hz / seconds,
        idle_cpu=(int(c3) - int(c2)) / hz / after,
        hwm=int(hwm) / 1024, rss=int(rss) / 1024, frames=int(frames),
        shown=num("shown"), dropped=num("dropped"), underruns=num("underruns")))
med = lambda k: statistics.median(r[k] for r in rows)
want = int(round(seconds * 30))
print(f"clip: 1920x1080 H.264 30 fps + AAC stereo, {seconds:.0f} s ({want} frames), "
      f"madang present --fullscreen on Xvfb 1920x1080; {cores} cores ({cpu}); {dri}")
print(f"  plays: {len(rows)} (figures are medians of them"
      f"{f'; N=1: one play of {seconds:.0f} s' if len(rows) == 1 else ''})")
print(f"  frames shown {med('shown'):.0f} of {want}, late (dropped) {med('dropped'):.0f}, "
      f"sound underruns {med('underruns'):.0f}; frames the hall drew {med('frames'):.0f}")
ffs = statistics.median(ff) / seconds if ff else float("nan")
cps = med('cpu_per_s')
print(f"  CPU per second of video: madang {cps:.3f} s/s, ffmpeg -benchmark decode "
      f"{ffs:.3f} s/s (median of {len(ff)}), ratio madang/ffmpeg {cps / ffs:.2f}")
print(f"  memory: VmHWM {med('hwm'):.1f} MB, VmRSS at the end {med('rss'):.1f} MB")
print(f"  CPU in the {after:.0f} s after the clip ended: {med('idle_cpu') * 100:.2f}% of a core")
PY
