#!/usr/bin/env bash
# Whole-process benchmark of `madang kiosk` on a private Xvfb (1920x1080,
# full screen on its one display): the lecture left alone for 10 real minutes
# (KIOSK_BENCH_SECONDS), advancing every 15 s and looping. Every 5 s it
# samples the process's CPU time (utime + stime from /proc), its resident
# memory (VmRSS) and the frames its trace reports; it prints the samples each
# 30 s and a summary: CPU over the run and while a slide stands, memory
# first/last/peak, frames per advance, and the frames drawn while a slide
# stood (there must be none: the loop sleeps until the next advance).
#   tests/bench/kiosk_bench.sh BUILD_DIR [DECK]
set -euo pipefail
build=${1:?build dir}
deck=${2:-$(dirname "$0")/../../slides/lecture.md}
seconds=${KIOSK_BENCH_SECONDS:-600}
madang=$build/madang
out=$(mktemp -d)
xvfb_pid=
kiosk_pid=
cleanup() {
  [[ -n $kiosk_pid ]] && kill "$kiosk_pid" 2>/dev/null || true
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT

# shellcheck source=private_xvfb.sh
source "$(dirname "$0")/private_xvfb.sh"
start_private_xvfb
export MADANG_KIOSK_TRACE=1
unset MADANG_KIOSK_PIN_HASH
XDG_CONFIG_HOME=$out "$madang" kiosk "$deck" >"$out/trace" 2>"$out/log" &
kiosk_pid=$!
for _ in $(seq 200); do grep -q '^idle' "$out/trace" 2>/dev/null && break; sleep 0.05; done
grep -q '^idle' "$out/trace" || { echo "the kiosk did not start; log:" >&2; cat "$out/log" >&2; exit 1; }
tick=$(getconf CLK_TCK)
: >"$out/samples"
for ((i = 0; i * 5 <= seconds; i++)); do
  ((i == 0)) || sleep 5
  [[ -r /proc/$kiosk_pid/stat ]] || { echo "the kiosk died; log:" >&2; cat "$out/log" >&2; exit 1; }
  stat=$(sed 's/.*) //' "/proc/$kiosk_pid/stat")
  cpu=$(awk '{print $12 + $13}' <<<"$stat")  # utime + stime (fields 14, 15)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$kiosk_pid/status")
  last=$(grep '^idle' "$out/trace" | tail -1 || true)
  frames=$(sed -n 's/.* frames=\([0-9]*\).*/\1/p' <<<"$last")
  advances=$(sed -n 's/.* advances=\([0-9]*\).*/\1/p' <<<"$last")
  echo "$(date +%s.%N) $cpu $rss ${frames:-0} ${advances:-0}" >>"$out/samples"
done
kill -TERM "$kiosk_pid"
wait "$kiosk_pid" || { echo "the kiosk did not exit 0" >&2; exit 1; }
kiosk_pid=

python3 - "$out/samples" "$out/trace" "$tick" "$deck" "$seconds" <<'PY'
import re, sys
raw = [l.split() for l in open(sys.argv[1])]
t0 = float(raw[0][0])
samples = [(float(r[0]) - t0, int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in raw]
trace = [l for l in open(sys.argv[2]) if l.startswith("idle ")]
tick, deck, seconds = int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
def field(line, name):
    return int(re.search(r" %s=(\d+)" % name, line).group(1))
print(f"kiosk {deck}, 1920x1080 full screen on Xvfb, left alone {seconds} s")
print("    t  cpu%   rss-MB  frames  advances")
for k, (t, cpu, rss, frames, adv) in enumerate(samples):
    if k % 6 == 0:
        prev = samples[max(0, k - 6)]
        dt = t - prev[0]
        pct = 100.0 * (cpu - prev[1]) / tick / dt if dt else 0.0
        print(f"{t:5.0f} {pct:5.2f} {rss / 1024:8.1f} {frames:7d} {adv:9d}")
first, last = samples[0], samples[-1]
total = 100.0 * (last[1] - first[1]) / tick / (last[0] - first[0])
# A slide stands between two advances: 5 s samples whose advance count did
# not change since the previous sample, and that are more than a transition
# past it; their frame counts must not move.
still_frames, still_cpu, still_s = 0, 0, 0
for a, b in zip(samples, samples[1:]):
    if a[4] == b[4] and a[4] > 0:
        still_frames += b[3] - a[3]
        still_cpu += b[1] - a[1]
        still_s += b[0] - a[0]
# Idle lines: one per settled picture; two in a row with the same advance
# count (once the show has started moving) mean a frame no advance asked for.
extra = sum(1 for a, b in zip(trace, trace[1:])
            if field(a, "advances") > 0 and field(a, "advances") == field(b, "advances"))
adv = field(trace[-1], "advances") if trace else 0
frames = field(trace[-1], "frames") if trace else 0
rss = [s[2] for s in samples]
print(f"  CPU over the run: {total:.2f}% of one core ({(last[1] - first[1]) / tick:.1f} s in {last[0] - first[0]:.0f} s)")
if still_s:
    print(f"  CPU while a slide stood: {100.0 * still_cpu / tick / still_s:.3f}% over {still_s:.0f} s of 5 s windows")
print(f"  resident memory: first {rss[0] / 1024:.1f} MB, last {rss[-1] / 1024:.1f} MB, "
      f"peak {max(rss) / 1024:.1f} MB, after the first minute +{(rss[-1] - rss[min(12, len(rss) - 1)]) / 1024:.2f} MB")
print(f"  frames: {frames} for {adv} advances ({frames / max(1, adv):.1f} a change: the transition's frames and its last)")
print(f"  frames drawn while a slide stood: {still_frames} (sampled), {extra} unasked pictures in the trace")
if still_frames or extra:
    sys.exit("frames were drawn between advances")
PY
