"""Cost of comparing runs and groups against a plain single-run compare.

    swift build -c release --product f1kit
    python3 Benchmarks/experiment_benchmark.py [--items 1000000]

Writes binary prediction files under Benchmarks/data/ (ignored by git): two
models with five runs each over N items, and a group column with 10,000
groups. Times, best of 3, with 9,999 resamples:
  (a) f1kit compare A B                        (one run each, items resampled)
  (b) f1kit compare A=a1..a5 B=b1..b5          (two-level bootstrap + ASO)
  (c) f1kit compare A B --group-column group   (10,000 groups resampled)
and prints (b)/(a) and (c)/(a); the targets are below 3x each.
"""

import argparse
import os
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


def best_of(command, repeats=3):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--groups", type=int, default=10_000)
    arguments = parser.parse_args()
    paths = write_files(arguments.items, 5, arguments.groups)
    common = ["--resamples", "9999", "--quiet"]
    single = [F1KIT, "compare", paths["a"][0], paths["b"][0]] + common
    runs = [F1KIT, "compare", "A=" + ",".join(paths["a"]), "B=" + ",".join(paths["b"])] + common
    grouped = single + ["--group-column", "group"]
    a = best_of(single)
    b = best_of(runs)
    c = best_of(grouped)
    print(f"items {arguments.items:,}, 9,999 resamples, load average {os.getloadavg()[0]:.1f}")
    print(f"(a) single run each:            {a:8.3f} s")
    print(f"(b) 5 runs each (two-level):    {b:8.3f} s   {b / a:5.2f}x (a)   target < 3x")
    print(f"(c) {arguments.groups:,} groups:               {c:8.3f} s   {c / a:5.2f}x (a)   target < 3x")


if __name__ == "__main__":
    main()
