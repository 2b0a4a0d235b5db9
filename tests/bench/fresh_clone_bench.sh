#!/usr/bin/env bash
# From a fresh clone to the first slide (issue #25, item 6): what the README's
# first command does on a machine whose Debian packages are installed — clone,
# `scripts/setup --program` (configure and build only the madang program),
# then `madang present` of the lecture full screen on a private Xvfb until its
# first frame (MADANG_PRESENT_FIRST_FRAME). The time of each phase, and the
# build steps of the program against those of a whole build.
#   tests/bench/fresh_clone_bench.sh [REPO=this checkout] [RUNS=1]
# Heavy (a whole build of the program on every core): run it alone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=${1:-$(cd "$here/../.." && pwd)}
runs=${2:-1}
work=$(mktemp -d)
xvfb_pid=
cleanup() {
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=private_xvfb.sh
source "$here/private_xvfb.sh"
start_private_xvfb

now() { date +%s.%N; }
for run in $(seq "$runs"); do
  clone=$work/clone-$run
  t0=$(now)
  git clone -q "$repo" "$clone"
  t1=$(now)
  (cd "$clone" && scripts/setup --program >"$work/setup-$run.log" 2>&1) ||
    { echo "setup failed:" >&2; tail -20 "$work/setup-$run.log" >&2; exit 1; }
  t2=$(now)
  first=$(cd "$clone" && MADANG_PRESENT_FIRST_FRAME=1 build/madang present slides/lecture.md \
    --fullscreen | sed -n 's/^first-frame-ms //p')
  t3=$(now)
  python3 - "$t0" "$t1" "$t2" "$t3" "$first" "$run" <<'PY'
import sys
t0, t1, t2, t3 = map(float, sys.argv[1:5])
print(f"  run {sys.argv[6]}: clone {t1 - t0:6.1f} s, setup --program (configure + build) "
      f"{t2 - t1:6.1f} s, present to first frame {t3 - t2:5.2f} s (in process "
      f"{float(sys.argv[5]):.0f} ms): fresh clone to first slide {t3 - t0:6.1f} s")
PY
done
# What the first command builds of a whole build (the test command's): the
# clone's build has only the program configured, so the whole build's steps
# are counted in this checkout's build/ when it has one.
program=$(ninja -C "$clone/build" -t commands madang | wc -l)
if [[ -f $repo/build/build.ninja ]]; then
  echo "  build steps: the madang program $program of the $(ninja -C "$repo/build" -t commands | wc -l) a whole build runs"
else
  echo "  build steps: the madang program $program"
fi
echo "  (issue #25: a fresh machine showed the first slide after 10.5 minutes, most of it"
echo "   building every test; the target is well under half of that)"
