#!/usr/bin/env bash
# Whole-process benchmark of `madang export --pdf` against the reference in
# the same run: Marp CLI from npm driving Debian's Chromium (`marp --pdf`) on
# the Marp version of the same talk (tests/bench/lecture.marp.md: the
# lecture's slides, text and notes, Madang's diagrams as lists and tables).
# Also the PNG export's peak memory, for issue #12's second figure.
#
#   tests/bench/pdf_bench.sh BUILD_DIR [RUNS]      (RUNS defaults to 11)
#
# What it installs, outside the repository (nothing here is committed):
#   * Debian's `chromium` and, when there is no `npm`, Debian's `npm`, with
#     apt-get (as root, or through sudo; otherwise it says what to run and
#     stops);
#   * @marp-team/marp-cli (version below) from the npm registry into
#     ${MADANG_BENCH_TOOLS:-$HOME/.cache/madang-bench}/marp, with Puppeteer's
#     own browser download skipped: Marp drives Debian's Chromium through
#     CHROME_PATH. Delete that folder to remove it.
# Figures, all medians of RUNS runs: wall time (hyperfine), peak memory of
# the whole process tree (tests/bench/peak_memory.py: summed Pss sampled every
# 5 ms; for madang also its exact peak RSS), and the output file's size.
# Not part of .ci/run: it needs the network the first time and takes minutes.
set -euo pipefail
build=$(cd "${1:?usage: pdf_bench.sh BUILD_DIR [RUNS]}" && pwd)
runs=${2:-11}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
madang="$build/madang"
deck="$root/slides/lecture.md"
marp_deck="$here/lecture.marp.md"
marp_version=4.5.1
tools=${MADANG_BENCH_TOOLS:-$HOME/.cache/madang-bench}
marp="$tools/marp/node_modules/.bin/marp"

say() { echo "pdf_bench: $*" >&2; }

apt_install() {
  say "installing Debian's $* (apt-get) for the Marp reference"
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
  elif sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
  else
    say "run: sudo apt-get install --no-install-recommends $*   (then run me again)"; exit 2
  fi
}
[[ -x /usr/bin/chromium ]] || apt_install chromium
command -v npm >/dev/null || apt_install npm
if [[ ! -x "$marp" ]] || [[ "$("$marp" --version 2>/dev/null)" != *"$marp_version"* ]]; then
  say "installing @marp-team/marp-cli@$marp_version from npm into $tools/marp"
  mkdir -p "$tools/marp"
  (cd "$tools/marp" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error \
    "@marp-team/marp-cli@$marp_version" >&2)
fi
for tool in hyperfine python3 pdfinfo; do
  command -v "$tool" >/dev/null || { say "needs $tool (scripts/setup installs it)"; exit 2; }
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export CHROME_PATH=/usr/bin/chromium CHROME_NO_SANDBOX=1
madang_cmd="$madang export $deck --pdf $out/madang.pdf"
marp_cmd="$marp --pdf --allow-local-files $marp_deck -o $out/marp.pdf"
png_cmd="$madang export $deck --png $out/png"

say "timing: $runs runs each after warm-ups (Marp's first run also warms Chromium's caches)"
hyperfine --warmup 2 --runs "$runs" --export-json "$out/time.json" -n madang "$madang_cmd" \
  -n marp "$marp_cmd" >&2

say "peak memory: $runs runs each"
for name in madang marp png; do
  cmd_var="${name}_cmd"
  for ((i = 0; i < runs; i++)); do
    python3 "$here/peak_memory.py" ${!cmd_var} >>"$out/mem-$name.txt"
  done
done

python3 - "$out" "$marp_version" <<'PY'
import json, os, statistics, sys
out, version = sys.argv[1], sys.argv[2]
t = {r["command"]: r for r in json.load(open(f"{out}/time.json"))["results"]}
def mem(name, key):
    vals = []
    for line in open(f"{out}/mem-{name}.txt"):
        fields = dict(f.split("=") for f in line.split())
        vals.append(int(fields[key]))
    return statistics.median(vals) / 1024
m, r = t["madang"], t["marp"]
size_m = os.path.getsize(f"{out}/madang.pdf") / 1024
size_r = os.path.getsize(f"{out}/marp.pdf") / 1024
pss_m, pss_r = mem("madang", "peak_pss_kb"), mem("marp", "peak_pss_kb")
print(f"lecture.md, 23 slides; reference: Marp CLI {version} + Debian chromium")
print(f"time      madang {m['median']*1000:7.1f} ms   marp {r['median']*1000:7.1f} ms   "
      f"{r['median']/m['median']:.1f}x faster (target >= 10x)")
print(f"peak mem  madang {pss_m:7.1f} MB   marp {pss_r:7.1f} MB   "
      f"{pss_r/pss_m:.1f}x less (target >= 10x; process-tree Pss)")
print(f"          madang peak RSS {mem('madang', 'maxrss_kb'):.1f} MB (exact); "
      f"marp's largest single process {mem('marp', 'maxrss_kb'):.1f} MB")
print(f"file      madang {size_m:7.1f} KB   marp {size_r:7.1f} KB   "
      f"{size_r/size_m:.1f}x smaller (target: no larger)")
print(f"PNG export (23 x 1920x1080): peak RSS {mem('png', 'maxrss_kb'):.1f} MB, "
      f"peak Pss {mem('png', 'peak_pss_kb'):.1f} MB")
PY
