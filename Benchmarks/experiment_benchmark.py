"""Cost of comparing runs and groups against a plain single-run compare.

    swift build -c release --product f1kit
    python3 Benchmarks/experiment_benchmark.py [--items 1000000]

Writes binary prediction files under Benchmarks/data/ (ignored by git): two
models with five runs each over N items, and a group column with 10,000
groups. Times, in rounds (--repeats, 3 by default), with 9,999 resamples:
  (a) f1kit compare A B                        (one run each, items resampled)
  (b) f1kit compare A=a1..a5 B=b1..b5          (two-level bootstrap + ASO)
  (c) f1kit compare A B --group-column group   (10,000 groups resampled)
and prints (b)/(a) and (c)/(a); the targets are below 3x each. Each run is
timed whole and, from `--timings`, split into reading, aligning and counting
the files and scoring and resampling.

The commands run in rounds, (a), (b) and (c) once each per round, so a
round's three times share the machine's state; besides the best of each
command, the script prints the median over rounds of each round's ratio,
which a burst of load on a shared machine moves far less than it moves a
best-of ratio whose (a) happened to land in a quiet moment.
"""

import argparse
import os
import re
import statistics
import subprocess
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
F1KIT = os.path.join(ROOT, ".build", "release", "f1kit")
DATA = os.path.join(ROOT, "Benchmarks", "data", "experiment")


def write_files(items, runs, groups, seed=7):
    os.makedirs(DATA, exist_ok=True)
    rng = np.random.default_rng(seed)
    gold = rng.integers(0, 2, size=items)
    group = rng.integers(0, groups, size=items)
    group_accuracy = rng.uniform(0.6, 0.95, size=groups)
    paths = {}
    for model, shift in (("a", 0.0), ("b", 0.01)):
        for run in range(runs):
            accuracy = group_accuracy[group] + shift + rng.normal(0, 0.01)
            correct = rng.random(items) < accuracy
            prediction = np.where(correct, gold, 1 - gold)
            path = os.path.join(DATA, f"{model}{run + 1}.csv")
            with open(path, "w") as out:
                out.write("label,prediction,group\n")
                lines = np.char.add(
                    np.char.add(np.char.add(gold.astype(str), ","), prediction.astype(str)),
                    np.char.add(",g", group.astype(str)))
                out.write("\n".join(lines.tolist()))
                out.write("\n")
            paths.setdefault(model, []).append(path)
    return paths


TIMINGS = re.compile(r"timings: reading, aligning and counting ([\d.]+) s, scoring and resampling ([\d.]+) s")


def timed(command):
    """Wall time of one run, with its --timings split."""
    start = time.perf_counter()
    result = subprocess.run(
        command + ["--timings"], check=True, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    split = TIMINGS.search(result.stderr)
    reading, resampling = (float(split.group(1)), float(split.group(2))) if split else (float("nan"),) * 2
    return (elapsed, reading, resampling)


def rounds_of(commands, repeats=3):
    """Each command's runs, `repeats` rounds of one run of every command."""
    runs = [[] for _ in commands]
    for _ in range(repeats):
        for index, command in enumerate(commands):
            runs[index].append(timed(command))
    return runs


def best(runs):
    """The run with the best wall time."""
    return min(runs, key=lambda run: run[0])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--groups", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    arguments = parser.parse_args()
    paths = write_files(arguments.items, 5, arguments.groups)
    common = ["--resamples", "9999", "--quiet"]
    single = [F1KIT, "compare", paths["a"][0], paths["b"][0]] + common
    runs = [F1KIT, "compare", "A=" + ",".join(paths["a"]), "B=" + ",".join(paths["b"])] + common
    grouped = single + ["--group-column", "group"]
    print(f"items {arguments.items:,}, 9,999 resamples, best of {arguments.repeats} rounds, "
          f"load average {os.getloadavg()[0]:.1f} before")
    timings = rounds_of([single, runs, grouped], arguments.repeats)
    a, b, c = (best(command) for command in timings)
    print("                                  whole run   vs (a)   reading+counting   resampling   vs (a)"
          "   median round ratio")
    rows = [("(a) single run each:", a, timings[0]), ("(b) 5 runs each (two-level):", b, timings[1]),
            (f"(c) {arguments.groups:,} groups:", c, timings[2])]
    for name, (whole, reading, resampling), command in rows:
        ratios = [run[0] / base[0] for run, base in zip(command, timings[0])]
        print(f"{name:32s} {whole:8.3f} s  {whole / a[0]:6.2f}x   {reading:8.3f} s        "
              f"{resampling:8.3f} s  {resampling / a[2]:6.2f}x   {statistics.median(ratios):6.2f}x")
    print("targets: (b) and (c) whole run under 3x (a)")
    print(f"load average {os.getloadavg()[0]:.1f} after")


if __name__ == "__main__":
    main()
