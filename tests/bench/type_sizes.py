#!/usr/bin/env python3
"""Per-slide text sizes of a deck from `madang layout --json`, for comparing
two builds (issue #13's before/after table):
    tests/bench/type_sizes.py DECK OLD_MADANG NEW_MADANG [WxH]
Body: every glyph run that is not the slide's title (the topmost, largest
text) nor the footer or source band (baseline below 90% of the height);
sizes are weighted by glyph count. Prints slide, title px, body median and
smallest px for each binary, and the deck's medians."""
import json, statistics, subprocess, sys


def sizes(madang, deck, size):
    out = subprocess.run([madang, "layout", deck, "--json", "--size", size],
                         capture_output=True, text=True, check=False).stdout
    h = int(size.split("x")[1])
    rows = []
    for s in json.loads(out)["slides"]:
        texts = [i for i in s["items"] if i["kind"] == "text"]
        runs = []  # (size, glyphs, baseline)
        for t in texts:
            for line in t["lines"]:
                for r in line.get("runs", []):
                    runs.append((r["size"], len(r["glyphs"]), line["baseline"]))
        runs = [r for r in runs if r[2] < 0.9 * h]
        if not runs:
            rows.append((s["index"], 0, 0, 0))
            continue
        title = max(r[0] for r in runs if r[2] == min(x[2] for x in runs))
        body = [r for r in runs if r[0] < title or r[2] > min(x[2] for x in runs) + title * 1.6]
        weighted = [r[0] for r in body for _ in range(r[1])]
        rows.append((s["index"], title, statistics.median(weighted) if weighted else 0,
                     min(r[0] for r in body) if body else 0))
    return rows


def main():
    deck, old, new = sys.argv[1:4]
    size = sys.argv[4] if len(sys.argv) > 4 else "1920x1080"
    a, b = sizes(old, deck, size), sizes(new, deck, size)
    print("slide  title old/new   body median old/new   smallest old/new")
    for (i, t0, m0, s0), (_, t1, m1, s1) in zip(a, b):
        print(f"{i:5d}  {t0:5.1f} / {t1:5.1f}    {m0:5.1f} / {m1:5.1f}        {s0:5.1f} / {s1:5.1f}")
    med = lambda rows, k: statistics.median([r[k] for r in rows if r[k] > 0])
    print(f"median {med(a,1):5.1f} / {med(b,1):5.1f}    {med(a,2):5.1f} / {med(b,2):5.1f}        "
          f"{min(r[3] for r in a if r[3] > 0):5.1f} / {min(r[3] for r in b if r[3] > 0):5.1f} (min)")


main()
