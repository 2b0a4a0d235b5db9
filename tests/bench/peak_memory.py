#!/usr/bin/env python3
"""Peak memory of a command and all its descendants, for the whole-process benchmarks.

    peak_memory.py COMMAND [ARG...]

Runs the command and samples every 5 ms the proportional set size (Pss, from
/proc/PID/smaps_rollup) of the process and every descendant, summed: shared
pages count once in the total, so a browser's many processes are neither
missed (as getrusage's largest-single-child figure would) nor counted twice
(as summed RSS would). Prints one line: `peak_pss_kb=N maxrss_kb=M exit=E`,
where maxrss is getrusage's peak RSS of the largest single process (exact,
not sampled; for a one-process program it is the figure to quote).
"""
import os
import resource
import subprocess
import sys
import time


def children_of(pid, table):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(table.get(p, []))
    return out


def process_table():
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            table.setdefault(int(fields[1]), []).append(int(name))
        except OSError:
            pass
    return table


def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        total = sum(pss_kb(p) for p in children_of(proc.pid, process_table()))
        peak = max(peak, total)
        time.sleep(0.005)
    maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"peak_pss_kb={peak} maxrss_kb={maxrss} exit={proc.returncode}")


if __name__ == "__main__":
    main()
