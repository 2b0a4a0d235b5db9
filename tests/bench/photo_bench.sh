#!/usr/bin/env bash
# Photos at the size they are shown (issue #25): a deck of ten 12-megapixel
# photo backgrounds (4000x3000 PNG and JPEG, made here), and one blurred.
#   tests/bench/photo_bench.sh BUILD_DIR [RUNS=5]
# Prints medians (hyperfine) of `check`, of the 10-photo export to 1080p PNGs
# and of one photo background exported plain and blurred (blur:4px), each
# with its peak resident memory (peak_memory.py: getrusage's maxrss), against
# the issue's targets: export under 1 s with a peak under 200 MB, a blurred
# background under 150 ms more than the same one plain (the JPEG pair; the
# PNG pair's time is mostly inflating the noise PNG, twice: checked, drawn).
set -euo pipefail
build=${1:?build dir}
runs=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
madang=$build/madang
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Photos: a gradient with noise (deflated as a photo would be, not as a flat
# colour), as PNG and JPEG.
convert -size 4000x3000 gradient:'#3060a0'-'#e0c080' -attenuate 0.3 +noise Gaussian \
  "$out/photo-0.png"
for i in 1 2 3 4 5 6 7 8 9; do cp "$out/photo-0.png" "$out/photo-$i.png"; done
convert "$out/photo-0.png" -quality 90 "$out/photo-0.jpg"
for i in 1 2 3 4 5 6 7 8 9; do cp "$out/photo-0.jpg" "$out/photo-$i.jpg"; done

deck() {  # deck FILE EXT [FILTER]
  {
    for i in 0 1 2 3 4 5 6 7 8 9; do
      [[ $i -gt 0 ]] && printf '\n---\n\n'
      printf '![bg %s](photo-%d.%s)\n\n# 사진 %d\n' "${3:-}" "$i" "$2" "$i"
    done
  } >"$1"
}
deck "$out/png.md" png
deck "$out/jpg.md" jpg
printf '![bg blur:4px](photo-0.png)\n\n# 흐린 배경\n' >"$out/blur.md"
printf '![bg](photo-0.png)\n\n# 흐린 배경\n' >"$out/one.md"
printf '![bg blur:4px](photo-0.jpg)\n\n# 흐린 배경\n' >"$out/blurj.md"
printf '![bg](photo-0.jpg)\n\n# 흐린 배경\n' >"$out/onej.md"

measure() {  # measure NAME COMMAND...: median seconds, then peak MB
  local name=$1
  shift
  hyperfine --warmup 1 --runs "$runs" --export-json "$out/$name.json" "$*" >/dev/null 2>&1
  local peak
  peak=$(python3 "$here/peak_memory.py" "$@" | sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p')
  python3 - "$out/$name.json" "$name" "$peak" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"  {sys.argv[2]:<34} median {r['median']*1000:8.1f} ms (min {r['min']*1000:.1f}), "
      f"peak {int(sys.argv[3]) / 1024:6.1f} MB")
PY
}

echo "photos: 10 x 4000x3000 (12 MP), load $(cut -d' ' -f1 /proc/loadavg)"
measure "check, 10 PNG photos" "$madang" check "$out/png.md"
measure "check, 10 JPEG photos" "$madang" check "$out/jpg.md"
measure "export 1080p, 10 PNG photos" "$madang" export "$out/png.md" --png "$out/a"
measure "export 1080p, 10 JPEG photos" "$madang" export "$out/jpg.md" --png "$out/b"
measure "export 1080p, one PNG photo" "$madang" export "$out/one.md" --png "$out/c"
measure "export 1080p, blurred PNG photo" "$madang" export "$out/blur.md" --png "$out/c"
measure "export 1080p, one JPEG photo" "$madang" export "$out/onej.md" --png "$out/c"
measure "export 1080p, blurred JPEG photo" "$madang" export "$out/blurj.md" --png "$out/c"
python3 - "$out" <<'PY'
import json, sys
def median(name):
    return json.load(open(f"{sys.argv[1]}/{name}.json"))["results"][0]["median"] * 1000
for kind in ("PNG", "JPEG"):
    extra = median(f"export 1080p, blurred {kind} photo") - median(f"export 1080p, one {kind} photo")
    print(f"  blur:4px over the plain {kind} photo: {extra:+.1f} ms")
PY
echo "targets: export under 1000 ms with a peak under 200 MB; a blur under 150 ms over the plain photo"
