#!/usr/bin/env bash
# A forum's switches, on a private Xvfb (1920x1080, full screen, one view):
# `madang present forum.yaml` over three talks (the lecture, the lecture as
# a PDF deck, the Marp lecture); for each switch, the milliseconds from the
# key's event to the hall's settled frame (and from its handling), and the
# hall frames drawn, as the trace reports them (modes/forum_mode.h):
#   key -> the next talk's card   (Ctrl+→ from a talk's slide)
#   key -> the talk's first slide (→ on its card)
#   tests/bench/forum_bench.sh BUILD_DIR [ROUNDS]
set -euo pipefail
build=${1:?build dir}
rounds=${2:-5}
src=$(cd "$(dirname "$0")/../.." && pwd)
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

"$madang" export "$src/slides/lecture.md" --pdf "$out/cafe.pdf" >/dev/null
cat >"$out/forum.yaml" <<YAML
title: 지역사회 혁신 포럼
start: "14:00"
talks:
  - title: 지역사회 사회혁신생태계 조성전략
    speaker: 김제선
    deck: $src/slides/lecture.md
    minutes: 20
  - title: 마을 카페 협동조합 이야기
    speaker: 홍길동
    deck: cafe.pdf
    minutes: 15
  - title: Marp로 만든 발표
    speaker: 이몽룡
    deck: $src/tests/bench/lecture.marp.md
    minutes: 10
YAML

# shellcheck source=private_xvfb.sh
source "$(dirname "$0")/private_xvfb.sh"
start_private_xvfb

MADANG_PRESENT_TRACE=1 "$madang" present "$out/forum.yaml" --fullscreen >"$out/trace" 2>"$out/err" &
present_pid=$!
lines=0
# Until a new idle line matches $1 and reports a switch; prints its figures.
settle() {
  for _ in $(seq 400); do
    local line
    line=$(grep '^idle' "$out/trace" 2>/dev/null | tail -n +$((lines + 1)) | grep -- "$1" |
      grep -v 'switch-ms=-' | tail -1 || true)
    if [[ -n $line ]]; then
      lines=$(grep -c '^idle' "$out/trace")
      sed -n 's/.*switch-ms=\([0-9]*\)\/\([0-9.]*\) switch-frames=\([0-9]*\).*/\1 \2 \3/p' <<<"$line"
      return 0
    fi
    sleep 0.05
  done
  echo "present did not settle on '$1'; trace:" >&2; tail -5 "$out/trace" "$out/err" >&2; return 1
}
for _ in $(seq 200); do grep -q '^idle.*card=1 ' "$out/trace" 2>/dev/null && break; sleep 0.05; done
lines=$(grep -c '^idle' "$out/trace")
: >"$out/card" ; : >"$out/slide"
for _ in $(seq "$rounds"); do
  for talk in 1 2 3; do
    xdotool key Right
    settle "forum-talk=$talk card=0 " >>"$out/slide"
    sleep 0.3
    if [[ $talk -lt 3 ]]; then
      xdotool key ctrl+Right
      settle "forum-talk=$((talk + 1)) card=1 " >>"$out/card"
      sleep 0.3
    fi
  done
  # Back to talk 1's card (three cards back: those switches are not counted).
  for t in 2 1; do xdotool key ctrl+Left; settle "forum-talk=$t card=1 " >/dev/null; done
  sleep 0.3
done
xdotool key q
wait "$present_pid" || true
present_pid=

python3 - "$out/card" "$out/slide" <<'PY'
import statistics, sys
def figures(path):
    rows = [l.split() for l in open(path) if l.strip()]
    return [int(r[0]) for r in rows], [float(r[1]) for r in rows], [int(r[2]) for r in rows]
print("forum switches, 1920x1080 full screen on Xvfb (one view), 3 talks")
for what, path in (("key -> next talk's card", sys.argv[1]), ("key -> talk's first slide", sys.argv[2])):
    ev, handled, frames = figures(path)
    print(f"  {what}: event-to-frame median {statistics.median(ev)} ms (max {max(ev)}), "
          f"handled-to-frame median {statistics.median(handled):.1f} ms (max {max(handled):.1f}), "
          f"hall frames {min(frames)}..{max(frames)}, {len(ev)} switches")
PY
