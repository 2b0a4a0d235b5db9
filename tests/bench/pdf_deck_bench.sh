#!/usr/bin/env bash
# Madang against pdfpc (Debian's pdf-presenter-console 4.6) presenting the
# same 100-page PDF, one after the other on one private Xvfb (1920x1080, no
# window manager), each in one window of the same size with nothing else on
# screen: Madang `present --no-console` (its window: 80% of the screen) and
# pdfpc `--single-screen --switch-screens --windowed both --size WxH` (its
# presentation window alone at that size). Single view against single view:
# neither draws a presenter console.
# The PDF is made here: `madang export --pdf` of a generated 100-slide
# Markdown deck (Korean titles holding the page number, lists, and the three
# diagram kinds in turn). Figures, Madang against pdfpc and the ratio
# Madang/pdfpc:
#  1. start to first frame, from outside: the process started to page 1 on
#     screen (a capture of the whole window matching pdftocairo's picture of
#     the page; median of RUNS runs after a warm-up), and to the window being
#     mapped; Madang's own in-process figure (MADANG_PRESENT_FIRST_FRAME: its
#     clock's start to the frame presented) beside them;
#  2. page turns, from outside: Right (XTest) on every page to the last,
#     GAP seconds apart (0.3); time from the key to the first change of a
#     band across the title, and to a capture of the whole window showing
#     the next page (median, 90th percentile, worst; the poll interval, the
#     resolution, is printed). Madang's trace has no field for
#     PdfPageCache::synchronous_renders, so whether a turn waited on poppler
#     is not measured; the trace's frame-ms (the frame's draw time, a poppler
#     render included when there was one) is printed for what it is;
#  3. resident memory (VmRSS, VmHWM) after visiting every page, and VmRSS
#     with page 1 alone on screen;
#  4. CPU (utime + stime) while a page stands still for 5 s, and for Madang
#     the frames its trace counted meanwhile.
# The screen side is a python3 helper written below (ctypes on libX11 and
# libXtst: no python3-xlib needed). About 2 minutes. Not part of .ci/run.
#   tests/bench/pdf_deck_bench.sh BUILD_DIR [RUNS] [GAP]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: pdf_deck_bench.sh BUILD_DIR [RUNS] [GAP]}" && pwd)
runs=${2:-7}
gap=${3:-0.3}
stand=5
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

say() { echo "pdf_deck_bench: $*" >&2; }
if ! command -v pdfpc >/dev/null; then
  say "installing Debian's pdf-presenter-console (apt-get) for the reference"
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pdf-presenter-console
  else
    say "run: sudo apt-get install pdf-presenter-console   (then run me again)"; exit 2
  fi
fi
for tool in python3 pdfinfo pdftocairo xdotool Xvfb; do
  command -v "$tool" >/dev/null || { say "needs $tool (scripts/setup installs it)"; exit 2; }
done

# The deck: 100 slides, every title different (it holds the page number).
python3 - "$out/deck.md" <<'PY'
import sys
words = ["지역사회", "사회혁신", "생태계", "시민", "협력", "정부", "시장", "실험", "확산", "공공"]
out = ["---", "title: 마당 PDF 벤치마크", "lang: ko", "theme: hall", "---"]
for i in range(1, 101):
    out += ["", "---", ""] if i > 1 else [""]
    out += [f"# {i}쪽 · {words[i % 10]}와 {words[i * 3 % 10]}", ""]
    kind = i % 4
    if kind == 0:
        out += [f"- **{i}.1** {words[i % 10]}의 {words[(i + 1) % 10]}을 위한 새로운 방식",
                f"- **{i}.2** 시민을 서비스 대상이 아니라 문제해결의 주체로",
                f"- **{i}.3** 추격형 성장모델을 넘어선 내발적 혁신체계",
                f"- **{i}.4** 혁신실패 안전망 부재를 극복해야 한다"]
    elif kind == 1:
        out += ["```diagram triangle", f"title: 세 주체의 협력 {i}", "center: 지역사회", "nodes:",
                "  - {id: gov, label: 정부, detail: 제도와 예산}",
                "  - {id: market, label: 시장, detail: 투자와 고용}",
                "  - {id: civil, label: 시민사회}", "edges:",
                "  - {from: gov, to: market, label: 규제와 지원}",
                "  - {from: market, to: civil, label: 사회적 가치}", "```"]
    elif kind == 2:
        out += ["```diagram compare", "attributes: [주체, 재원, 속도]", "items:",
                f"  - {{id: gov, label: 정부, 주체: 공공기관, 재원: 세금 {i}, 속도: 느림}}",
                f"  - {{id: market, label: 시장, 주체: 기업, 재원: 투자 {i}, 속도: 빠름}}",
                "  - {id: civil, label: 시민사회, 주체: 단체, 재원: 기부, 속도: 보통}", "```"]
    else:
        out += ["```diagram flow", "steps:",
                f"  - {{id: find, label: 발견 {i}, detail: 문제를 찾는다}}",
                "  - {id: try, label: 실험, detail: 작게 해 본다}",
                "  - {id: grow, label: 확산, detail: 널리 퍼뜨린다}", "```", "",
                "기존 방식으로 풀리지 않는 사회적 난제를 해결할 새로운 방식으로서 "
                "사회혁신 생태계는 정부·시장·시민사회 모두의 참여가 필요하다."]
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
pdf=$out/talk.pdf
"$madang" export "$out/deck.md" --pdf "$pdf" >/dev/null
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')

cat >"$out/xshot.py" <<'PY'
"""What pdf_deck_bench.sh measures on the screen, through libX11 and libXtst
by ctypes (no python3-xlib needed; a capture is one XGetImage, in C).

  xshot.py refs PDF W H OUT     every page as pdftocairo draws it at W x H
                                (poppler and cairo, as both programs draw
                                it), sampled on a grid: the pictures to wait for
  xshot.py first OUT REFS W H RUNS CMD...
                                start CMD RUNS times (after one warm-up not
                                counted): time to its W x H window being
                                mapped, and to that window showing page 1
  xshot.py turns OUT REFS W H GAP
                                in the running program's W x H window: Right,
                                page after page to the last, GAP seconds
                                apart: time from the key to the title band's
                                first change and to the window showing the
                                next page

A window "shows" a page when under MATCH of the sampled pixels (every STEP-th
pixel of every STEP-th row) differ from the page's picture. The poll reads a
band across the slide's title every millisecond or so (XGetImage of the
screen under the window, which is unobscured: there is no window manager and
one window), and once the band shows the page, the whole window; the time
recorded is when that whole capture returned. The intervals between polls,
the measurements' resolution, are written out with the times.
"""
import ctypes
import ctypes.util
import json
import os
import signal
import struct
import subprocess
import sys
import tempfile
import time

STEP = 8  # sample every 8th pixel in x and y
CHANNEL = 48  # a sample differs when a channel differs by more than this
MATCH = 0.004  # a picture is a page when under 0.4% of its samples differ

x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
xtst = ctypes.CDLL(ctypes.util.find_library("Xtst") or "libXtst.so.6")


class XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int),
                ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int),
                ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]


class XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
                ("height", ctypes.c_int), ("border_width", ctypes.c_int), ("depth", ctypes.c_int),
                ("visual", ctypes.c_void_p), ("root", ctypes.c_ulong), ("c_class", ctypes.c_int),
                ("bit_gravity", ctypes.c_int), ("win_gravity", ctypes.c_int),
                ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
                ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int),
                ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
                ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XDefaultRootWindow.restype = ctypes.c_ulong
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XGetImage.restype = ctypes.POINTER(XImage)
x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                          ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
x11.XDestroyImage.argtypes = [ctypes.POINTER(XImage)]
x11.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                           ctypes.POINTER(ctypes.c_ulong),
                           ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                           ctypes.POINTER(ctypes.c_uint)]
x11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                     ctypes.POINTER(XWindowAttributes)]
x11.XFree.argtypes = [ctypes.c_void_p]
x11.XKeysymToKeycode.restype = ctypes.c_ubyte
x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
x11.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
x11.XFlush.argtypes = [ctypes.c_void_p]
x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                      ctypes.c_ulong]
ERRORS = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda d, e: 0)
x11.XSetErrorHandler(ERRORS)  # a window gone between two calls is not fatal

dpy = x11.XOpenDisplay(None)
if not dpy:
    sys.exit("xshot.py: cannot open the display")
root = x11.XDefaultRootWindow(dpy)
ALL_PLANES, Z_PIXMAP, IS_VIEWABLE = 0xFFFFFFFF, 2, 2


def find_window(w, h):
    """(x, y, id) of the viewable top-level window of exactly w x h, or None."""
    r, p, kids, n = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
    if not x11.XQueryTree(dpy, root, ctypes.byref(r), ctypes.byref(p), ctypes.byref(kids),
                          ctypes.byref(n)):
        return None
    found = None
    for i in range(n.value):
        a = XWindowAttributes()
        if (x11.XGetWindowAttributes(dpy, kids[i], ctypes.byref(a)) and a.map_state == IS_VIEWABLE
                and a.width == w and a.height == h):
            found = (a.x + a.border_width, a.y + a.border_width, kids[i])
    if kids:
        x11.XFree(kids)
    return found


def capture(x, y, w, h):
    """The raw pixels of a screen rectangle (32 bits a pixel), or None."""
    img = x11.XGetImage(dpy, root, x, y, w, h, ALL_PLANES, Z_PIXMAP)
    if not img:
        return None
    i = img.contents
    data = ctypes.string_at(i.data, i.bytes_per_line * i.height)
    stride = i.bytes_per_line
    x11.XDestroyImage(img)
    return data, stride


def sample(data, stride, w, h):
    """Every STEP-th pixel of every STEP-th row as RGB bytes."""
    out = bytearray()
    for row in range(STEP // 2, h, STEP):
        line = data[row * stride + (STEP // 2) * 4: row * stride + w * 4]
        # 32-bit pixels are B, G, R, X in memory (little-endian TrueColor)
        blue = line[0::STEP * 4]
        rgb = bytearray(len(blue) * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = line[2::STEP * 4], line[1::STEP * 4], blue
        out += rgb
    return bytes(out)


def differing(a, b):
    """Fraction of samples (RGB triples) whose channels differ by more than CHANNEL."""
    n = len(a) // 3
    bad = 0
    for k in range(0, len(a), 3):
        if (abs(a[k] - b[k]) > CHANNEL or abs(a[k + 1] - b[k + 1]) > CHANNEL
                or abs(a[k + 2] - b[k + 2]) > CHANNEL):
            bad += 1
    return bad / n


def read_tiff(path):
    """RGB bytes, width and height of an uncompressed 8-bit RGB TIFF (what
    pdftocairo -tiff -tiffcompression none writes)."""
    with open(path, "rb") as f:
        raw = f.read()
    bo = "<" if raw[:2] == b"II" else ">"
    size = {3: 2, 4: 4}

    def values(typ, count, field, at):
        fmt = {3: "H", 4: "I"}[typ]
        where = at if size[typ] * count <= 4 else struct.unpack(bo + "I", field)[0]
        return struct.unpack(bo + fmt * count, raw[where:where + size[typ] * count])

    ifd = struct.unpack(bo + "I", raw[4:8])[0]
    tags = {}
    for i in range(struct.unpack(bo + "H", raw[ifd:ifd + 2])[0]):
        at = ifd + 2 + 12 * i
        tag, typ, count = struct.unpack(bo + "HHI", raw[at:at + 8])
        if typ in size:
            tags[tag] = values(typ, count, raw[at + 8:at + 12], at + 8)
    if tags.get(259, (1,))[0] != 1 or tags.get(277, (1,))[0] != 3:
        sys.exit(f"xshot.py: {path} is not uncompressed RGB")
    rgb = b"".join(raw[o:o + n] for o, n in zip(tags[273], tags[279]))
    return rgb, tags[256][0], tags[257][0]


def refs(pdf, w, h, out):
    """Every page as pdftocairo draws it at w x h (poppler and cairo, as
    both programs draw it), sampled on sample()'s grid."""
    pages = []
    with tempfile.TemporaryDirectory() as tmp:
        count = int(subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True)
                    .stdout.split("Pages:")[1].split()[0])
        for first in range(1, count + 1, 10):  # ten at a time: 4 MB a page on disk
            last = min(count, first + 9)
            subprocess.run(["pdftocairo", "-tiff", "-tiffcompression", "none", "-f", str(first),
                            "-l", str(last), "-scale-to-x", str(w), "-scale-to-y", str(h), pdf,
                            f"{tmp}/p"], check=True)
            for name in sorted(os.listdir(tmp)):
                rgb, pw, ph = read_tiff(f"{tmp}/{name}")
                os.unlink(f"{tmp}/{name}")
                grid = bytearray()
                for row in range(STEP // 2, ph, STEP):
                    line = rgb[(row * pw + STEP // 2) * 3:(row + 1) * pw * 3]
                    cells = bytearray(len(line[0::STEP * 3]) * 3)
                    for c in range(3):
                        cells[c::3] = line[c::STEP * 3]
                    grid += cells
                pages.append(bytes(grid))
    with open(out, "wb") as f:
        f.write(json.dumps({"w": w, "h": h, "pages": len(pages)}).encode() + b"\n")
        for p in pages:
            f.write(p)


def load_refs(path):
    with open(path, "rb") as f:
        head = json.loads(f.readline())
        body = f.read()
    size = len(body) // head["pages"]
    return [body[i * size:(i + 1) * size] for i in range(head["pages"])]


class Watch:
    """A window of w x h at (x, y) compared with page pictures: a cheap poll of
    a band across the slide's title (which changes from any page to the next
    in the bench's deck: the title holds the page number), and the whole
    window once the band shows the page waited for."""

    def __init__(self, at, w, h):
        self.x, self.y, self.w, self.h = at[0], at[1], w, h
        self.cols = len(range(STEP // 2, w, STEP))
        self.y0 = (h * 4 // 100) // STEP * STEP
        self.rows = -(-(h * 18 // 100 - self.y0) // STEP)  # sample rows in the band

    def band(self):
        got = capture(self.x, self.y + self.y0, self.w, self.rows * STEP)
        return sample(got[0], got[1], self.w, self.rows * STEP) if got else None

    def ref_band(self, ref):
        first = self.y0 // STEP
        return ref[first * self.cols * 3:(first + self.rows) * self.cols * 3]

    def whole(self, ref):
        """When a capture of the whole window returned, if it showed ref."""
        got = capture(self.x, self.y, self.w, self.h)
        at = time.monotonic()
        if got is not None and differing(sample(got[0], got[1], self.w, self.h), ref) < MATCH:
            return at
        return None

    def wait(self, ref, t0, before=None, timeout=10.0):
        """Polls until the window shows `ref`: (first time the band differed
        from `before`, time it showed ref, poll intervals), from t0; None for
        the second when it never did."""
        want = self.ref_band(ref)
        changed, polls, last = None, [], time.monotonic()
        while True:
            b = self.band()
            now = time.monotonic()
            polls.append(now - last)
            last = now
            if b is not None:
                if changed is None and before is not None and b != before:
                    changed = now - t0
                shown = self.whole(ref) if differing(b, want) < MATCH else None
                if shown is not None:
                    shown -= t0
                    return changed if changed is not None else shown, shown, polls
            if now - t0 > timeout:
                return changed, None, polls
            time.sleep(0.001)  # leaves the programs measured a core


def first(out, ref_path, w, h, runs, cmd):
    ref = load_refs(ref_path)[0]
    results, polls = [], []
    for run in range(runs + 1):  # run 0 warms the caches and is not counted
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        at = None
        while at is None and time.monotonic() - t0 < 20:
            at = find_window(w, h)
            if at is None:
                time.sleep(0.001)
        mapped = time.monotonic() - t0
        drawn = None
        if at is not None:
            _, drawn, p = Watch(at, w, h).wait(ref, t0, timeout=20)
            polls += p
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if drawn is None:
            sys.exit(f"xshot.py first: {cmd[0]} showed no page 1 within 20 s (window: {at})")
        if run:
            results.append({"mapped": mapped, "drawn": drawn})
        time.sleep(0.3)
    with open(out, "w") as f:
        json.dump({"runs": results, "polls": polls}, f)


def key(code):
    xtst.XTestFakeKeyEvent(dpy, code, 1, 0)
    xtst.XTestFakeKeyEvent(dpy, code, 0, 0)
    x11.XFlush(dpy)


def turns(out, ref_path, w, h, gap):
    ref = load_refs(ref_path)
    t0 = time.monotonic()
    at = find_window(w, h)
    while at is None and time.monotonic() - t0 < 10:
        time.sleep(0.01)
        at = find_window(w, h)
    if at is None:
        sys.exit(f"xshot.py turns: no {w}x{h} window")
    # No window manager: give the window the keyboard focus (GTK takes keys
    # only then) and put the pointer on it, as a presenter's would be.
    xtst.XTestFakeMotionEvent(dpy, -1, at[0] + w // 2, at[1] + h // 2, 0)
    x11.XSetInputFocus(dpy, at[2], 2, 0)  # RevertToParent, CurrentTime
    x11.XSync(dpy, 0)
    watch = Watch(at, w, h)
    if watch.wait(ref[0], time.monotonic())[1] is None:
        sys.exit("xshot.py turns: the window does not show page 1")
    time.sleep(1.0)
    right = x11.XKeysymToKeycode(dpy, 0xFF53)  # XK_Right
    results, polls = [], []
    for page in range(1, len(ref)):
        before = watch.band()
        t0 = time.monotonic()
        key(right)
        changed, shown, p = watch.wait(ref[page], t0, before)
        polls += p
        if shown is None:
            sys.exit(f"xshot.py turns: page {page + 1} was not shown within 10 s")
        results.append({"page": page + 1, "changed": changed, "shown": shown})
        time.sleep(gap)
    with open(out, "w") as f:
        json.dump({"turns": results, "polls": polls}, f)


if __name__ == "__main__":
    a = sys.argv
    if a[1] == "refs":
        refs(a[2], int(a[3]), int(a[4]), a[5])
    elif a[1] == "first":
        first(a[2], a[3], int(a[4]), int(a[5]), int(a[6]), a[7:])
    elif a[1] == "turns":
        turns(a[2], a[3], int(a[4]), int(a[5]), float(a[6]))
PY

# shellcheck source=private_xvfb.sh
source "$here/private_xvfb.sh"
start_private_xvfb
export XDG_CONFIG_HOME=$out/config  # neither reads a user's settings
mkdir -p "$XDG_CONFIG_HOME"

# The window size: Madang's own (it has no option for it); pdfpc is given it.
"$madang" present "$pdf" --no-console >/dev/null 2>&1 &
live_pid=$!
win=$(xdotool search --sync --onlyvisible --pid "$live_pid" | head -1)
eval "$(xdotool getwindowgeometry --shell "$win")"
w=$WIDTH h=$HEIGHT
kill "$live_pid"; wait "$live_pid" || true
live_pid=
say "the pictures to wait for: $pages pages at ${w}x$h (pdftocairo)"
python3 "$out/xshot.py" refs "$pdf" "$w" "$h" "$out/refs"

madang_cmd=("$madang" present "$pdf" --no-console)
pdfpc_cmd=(pdfpc --single-screen --switch-screens --windowed both --size "$w:$h" "$pdf")
tick=$(getconf CLK_TCK)
ticks() { sed 's/.*) //' "/proc/$live_pid/stat" | awk '{print $12 + $13}'; }  # utime + stime
kb() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$live_pid/status"; }
frames() {  # the frames Madang's trace counted, at its last idle line
  grep '^idle' "$out/trace" | tail -1 | sed -n 's/.* frames=\([0-9]*\).*/\1/p'
}

load="$(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"  # others' work skews the figures
inproc=()
for _ in $(seq "$runs"); do
  inproc+=("$(MADANG_PRESENT_FIRST_FRAME=1 "${madang_cmd[@]}" | awk '/first-frame-ms/ {print $2}')")
done

for prog in madang pdfpc; do
  if [[ $prog == madang ]]; then cmd=("${madang_cmd[@]}"); else cmd=("${pdfpc_cmd[@]}"); fi
  say "$prog: start to page 1, $runs runs after a warm-up"
  python3 "$out/xshot.py" first "$out/first-$prog.json" "$out/refs" "$w" "$h" "$runs" "${cmd[@]}"

  say "$prog: every page, Right $((pages - 1)) times $gap s apart, then $stand s standing"
  if [[ $prog == madang ]]; then
    MADANG_PRESENT_TRACE=1 "${cmd[@]}" >"$out/trace" 2>"$out/err-$prog" &
  else
    "${cmd[@]}" >/dev/null 2>"$out/err-$prog" &
  fi
  live_pid=$!
  xdotool search --sync --onlyvisible --pid "$live_pid" >/dev/null
  if [[ $prog == pdfpc ]] && { [[ $(xdotool search --onlyvisible --pid "$live_pid" | wc -l) != 1 ]] ||
    ! xdotool search --onlyvisible --pid "$live_pid" --name presentation >/dev/null; }; then
    say "pdfpc did not show its presentation window alone"; exit 1
  fi
  sleep 1.5
  rss_first=$(kb VmRSS)  # page 1 on screen, nothing turned yet
  python3 "$out/xshot.py" turns "$out/turns-$prog.json" "$out/refs" "$w" "$h" "$gap" ||
    { say "$prog:"; tail -n 5 "$out/err-$prog" >&2; exit 1; }
  rss=$(kb VmRSS) hwm=$(kb VmHWM)
  sleep 1
  frames0=- frames1=-
  [[ $prog == madang ]] && frames0=$(frames)
  cpu0=$(ticks)
  sleep "$stand"
  cpu1=$(ticks)
  [[ $prog == madang ]] && frames1=$(frames)
  echo "$rss $hwm $cpu0 $cpu1 $frames0 $frames1 $rss_first" >"$out/live-$prog"
  kill "$live_pid"; wait "$live_pid" || true
  live_pid=
done

python3 - "$out" "$w" "$h" "$pages" "$gap" "$stand" "$tick" "$(pdfpc --version 2>/dev/null | head -1)" \
  "$load" "${inproc[@]}" <<'PY'
import json, re, statistics, sys
out, w, h, pages, gap, stand, tick, version, load = sys.argv[1:10]
stand, tick = float(stand), int(tick)
inproc = [float(x) for x in sys.argv[10:] if x]
progs = ["madang", "pdfpc"]
first = {p: json.load(open(f"{out}/first-{p}.json")) for p in progs}
turns = {p: json.load(open(f"{out}/turns-{p}.json")) for p in progs}
live = {p: open(f"{out}/live-{p}").read().split() for p in progs}
med = statistics.median
def pct(v, q):
    v = sorted(v)
    return v[min(len(v) - 1, round(q * (len(v) - 1)))]
def ms(v):
    return f"{v * 1000:.1f}"
def ratio(a, b):
    return f"{a / b:.2f}" if b else "-"

print(f"pdf deck: a {pages}-page PDF (madang export of a generated Korean deck), one {w}x{h} "
      f"window each on a private Xvfb 1920x1080: madang present --no-console against "
      f"{version or 'pdfpc'} --single-screen --switch-screens --windowed both --size {w}:{h} "
      f"(single view against single view); load average at the start {load}")
print(f"  1. start to page 1 on screen (external, median of {len(first['madang']['runs'])} runs; "
      f"window mapped in brackets):")
m = {}
for p in progs:
    runs = first[p]["runs"]
    m[p] = med(r["drawn"] for r in runs)
    print(f"     {p:6} {ms(m[p])} ms (min {ms(min(r['drawn'] for r in runs))}, "
          f"max {ms(max(r['drawn'] for r in runs))}; mapped {ms(med(r['mapped'] for r in runs))} ms)")
print(f"     ratio madang/pdfpc {ratio(m['madang'], m['pdfpc'])}; polled every "
      f"{ms(med(first['madang']['polls'] + first['pdfpc']['polls']))} ms (median)")
if inproc:
    print(f"     madang in process (MADANG_PRESENT_FIRST_FRAME): median {med(inproc):.1f} ms")
print(f"  2. page turn, Right to the next page ({len(turns['madang']['turns'])} turns, {gap} s apart), "
      f"key sent to the page on screen: median / 90th percentile / worst")
t = {}
for p in progs:
    shown = [x["shown"] for x in turns[p]["turns"]]
    changed = [x["changed"] for x in turns[p]["turns"]]
    polls = turns[p]["polls"]
    t[p] = med(shown)
    print(f"     {p:6} {ms(t[p])} / {ms(pct(shown, .9))} / {ms(max(shown))} ms (title band first "
          f"changed: {ms(med(changed))} / {ms(pct(changed, .9))} / {ms(max(changed))} ms; polled "
          f"every {ms(med(polls))} ms, 90th percentile {ms(pct(polls, .9))})")
print(f"     ratio madang/pdfpc {ratio(t['madang'], t['pdfpc'])}")
idle = [l for l in open(f"{out}/trace") if l.startswith("idle ")]
def field(line, name):
    return re.search(r" %s=([0-9.]+)" % name, line).group(1)
per_slide = {}
for l in idle:
    per_slide.setdefault(int(field(l, "slide")), []).append(float(field(l, "frame-ms")))
turn_ms = [max(v) for s, v in per_slide.items() if s > 1]
print(f"     madang's trace has no PdfPageCache synchronous_renders field: whether a turn waited on "
      f"poppler is not measured. Its frame-ms (draw time, a poppler render included if any) on "
      f"the turns: median {med(turn_ms):.1f} ms, worst {max(turn_ms):.1f}; first frame "
      f"(page 1 rendered then) {per_slide[1][0]:.1f} ms")
print(f"  3. resident memory after every page (page 1 alone, 1.5 s after the window appeared, "
      f"in brackets):")
rss = {p: int(live[p][0]) for p in progs}
for p in progs:
    print(f"     {p:6} VmRSS {rss[p] / 1024:.1f} MB, VmHWM {int(live[p][1]) / 1024:.1f} MB "
          f"(VmRSS {int(live[p][6]) / 1024:.1f} MB)")
r = rss["madang"] / rss["pdfpc"]
print(f"     ratio madang/pdfpc (VmRSS) {r:.2f}; target at most 0.5: {'met' if r <= 0.5 else 'NOT met'}")
print(f"  4. a page standing {stand:.0f} s (utime + stime, 1/{tick} s ticks):")
cpu = {p: (int(live[p][3]) - int(live[p][2])) / tick for p in progs}
for p in progs:
    extra = ""
    if p == "madang":
        extra = f"; frames drawn meanwhile {int(live[p][5]) - int(live[p][4])} (its trace)"
    print(f"     {p:6} {cpu[p]:.2f} s CPU = {100 * cpu[p] / stand:.2f}% of a core{extra}")
print(f"     ratio madang/pdfpc {ratio(cpu['madang'], cpu['pdfpc'])}; target 0 for madang: "
      f"{'met' if cpu['madang'] == 0 else 'NOT met'}")
PY
