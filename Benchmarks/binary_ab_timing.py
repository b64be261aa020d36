#!/usr/bin/env python3
"""Times two f1kit binaries alternately on the experiment benchmark's files.

A check that a change did not slow the reader or the resampling, by running
the old and the new binary on the same commands in alternating order, round
after round, and printing each command's median and best wall time and the
ratio of medians, and the same for each run's CPU time (user and system,
all threads), which a machine busy with other work inflates far less than
wall time. Run Benchmarks/experiment_benchmark.py once first: it
writes Benchmarks/data/experiment/{a,b}{1..5}.csv; this script adds copies
of a1.csv and b1.csv with an `id` column, so that the id path is timed too.

    python3 Benchmarks/binary_ab_timing.py --old OLD/f1kit --new .build/release/f1kit
"""

import argparse
import os
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Benchmarks", "data", "experiment")


def with_ids(name):
    """A copy of a benchmark file with an id column first, written once."""
    target = os.path.join(DATA, "ids-" + name)
    if not os.path.exists(target):
        with open(os.path.join(DATA, name)) as source, open(target + ".tmp", "w") as out:
            out.write("id," + source.readline())
            for index, line in enumerate(source):
                out.write(f"item{index},{line}")
        os.replace(target + ".tmp", target)
    return target


def commands():
    files = [os.path.join(DATA, f"{model}{run}.csv") for model in "ab" for run in range(1, 6)]
    a_ids, b_ids = with_ids("a1.csv"), with_ids("b1.csv")
    return {
        "compare a1 b1": ["compare", files[0], files[5], "--quiet"],
        "evaluate ids": ["evaluate", a_ids],
        "compare ids": ["compare", a_ids, b_ids, "--quiet"],
        "runs (b)": ["compare", "A=" + ",".join(files[:5]), "B=" + ",".join(files[5:]), "--quiet"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", required=True)
    parser.add_argument("--new", required=True)
    parser.add_argument("--rounds", type=int, default=7)
    arguments = parser.parse_args()
    binaries = [("old", arguments.old), ("new", arguments.new)]
    times = {}
    cpu = {}
    for round_index in range(arguments.rounds):
        order = binaries if round_index % 2 == 0 else binaries[::-1]
        for name, command in commands().items():
            for label, binary in order:
                start = time.perf_counter()
                process = subprocess.Popen([binary] + command, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL)
                _, status, usage = os.wait4(process.pid, 0)
                elapsed = time.perf_counter() - start
                process.returncode = os.waitstatus_to_exitcode(status)
                if process.returncode != 0:
                    raise SystemExit(f"{binary} {' '.join(command)} failed")
                times.setdefault((name, label), []).append(elapsed)
                cpu.setdefault((name, label), []).append(usage.ru_utime + usage.ru_stime)
    for name in commands():
        for kind, values in (("wall", times), ("cpu", cpu)):
            old, new = values[(name, "old")], values[(name, "new")]
            print(f"{name:15s} {kind} old median {statistics.median(old):.3f} s (best {min(old):.3f})"
                  f" | new median {statistics.median(new):.3f} s (best {min(new):.3f})"
                  f" | ratio of medians {statistics.median(new) / statistics.median(old):.2f}")


if __name__ == "__main__":
    main()
