"""Many-classes benchmark: `f1kit evaluate` and `f1kit compare` when the
number of classes K is large, against scikit-learn on the same files.

Issue 14 §2 targets, each run on generated files (gold uniform over K
classes, each model right 70% / 72% of the time, otherwise a uniformly random
class; labels "c<number>"):

1. evaluate, K = 20,000 classes on 200,000 rows: under 10 s and 500 MB peak
   memory. Side by side: pandas.read_csv + sklearn.metrics
   classification_report, matthews_corrcoef and cohen_kappa_score on the
   same file (what a Python user runs), and the ratio. (scikit-learn's dense
   confusion_matrix alone would need K² × 8 bytes = 3.2 GB here, so it is
   left out; f1kit's output includes the matrix's non-empty cells.)
2. compare, K = 1,000 classes on 100,000 items, 999 resamples (BCa
   intervals, permutation, paired bootstrap, McNemar): under 30 s and 1 GB.
   No Python tool does this paired comparison in reasonable time at this K,
   so only f1kit is timed; the script prints the target.
3. evaluate, 1,000,000 distinct gold labels on 1,000,000 rows: a result or
   a clear exit 65, never an abort.

Wall time and peak resident memory come from /usr/bin/time -v (the whole
f1kit process). Files go to Benchmarks/data/ (not committed).

Run from the package root:
    swift build -c release --product f1kit
    python3 Benchmarks/many_classes_benchmark.py
    python3 Benchmarks/many_classes_benchmark.py --quick   # smaller K and N
Needs: pip install numpy pandas scikit-learn
"""

import argparse
import pathlib
import re
import subprocess
import sys
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "Benchmarks" / "data"
F1KIT = ROOT / ".build" / "release" / "f1kit"


def make_pair(classes, rows, distinct_gold=False):
    """Two models' files over the same items; returns their paths."""
    tag = f"many-{'distinct' if distinct_gold else classes}-{rows}"
    paths = [DATA / f"{tag}-{model}.csv" for model in ("a", "b")]
    if all(p.exists() for p in paths):
        return paths
    DATA.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(classes + rows)
    gold = np.arange(rows) if distinct_gold else rng.integers(0, classes, size=rows)
    for path, accuracy in zip(paths, (0.70, 0.72)):
        pred = np.where(rng.random(rows) < accuracy, gold, rng.integers(0, classes, size=rows))
        with open(path, "w") as f:
            f.write("id,label,prediction\n")
            f.writelines(f"{i},c{g},c{p}\n" for i, (g, p) in enumerate(zip(gold, pred)))
    return paths


def timed_f1kit(*args):
    """Runs f1kit under /usr/bin/time -v: (exit status, seconds, peak MB)."""
    result = subprocess.run(
        ["/usr/bin/time", "-v", str(F1KIT), *map(str, args), "--quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = re.search(r"Elapsed \(wall clock\) time .*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    status = re.search(r"Exit status: (\d+)", result.stderr)
    return (int(status.group(1)) if status else result.returncode), seconds, peak / 1024


def sklearn_evaluate(path):
    import pandas as pd
    from sklearn import metrics
    start = time.perf_counter()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    metrics.classification_report(frame["label"], frame["prediction"], zero_division=0)
    metrics.matthews_corrcoef(frame["label"], frame["prediction"])
    metrics.cohen_kappa_score(frame["label"], frame["prediction"])
    return time.perf_counter() - start


def report(name, status, seconds, peak, target_seconds=None, target_mb=None):
    verdict = ""
    if target_seconds is not None:
        met = status == 0 and seconds < target_seconds and peak < target_mb
        verdict = f"  target < {target_seconds} s and < {target_mb} MB: {'met' if met else 'NOT met'}"
    print(f"{name}: exit {status}, {seconds:.2f} s, peak {peak:.0f} MB{verdict}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--skip-sklearn", action="store_true")
    arguments = parser.parse_args()
    if not F1KIT.exists():
        sys.exit("build first: swift build -c release --product f1kit")
    scale = 10 if arguments.quick else 1

    classes, rows = 20_000 // scale, 200_000 // scale
    a, _ = make_pair(classes, rows)
    status, seconds, peak = timed_f1kit("evaluate", a, "--format", "json")
    report(f"evaluate K={classes:,} N={rows:,}", status, seconds, peak, 10, 500)
    if not arguments.skip_sklearn:
        python = sklearn_evaluate(a)
        print(f"  pandas + scikit-learn on the same file: {python:.2f} s "
              f"(f1kit is {python / seconds:.1f}x)", flush=True)

    classes, rows = 1_000 // scale, 100_000 // scale
    a, b = make_pair(classes, rows)
    status, seconds, peak = timed_f1kit("compare", a, b, "--resamples", 999)
    report(f"compare K={classes:,} N={rows:,}, 999 resamples", status, seconds, peak, 30, 1024)

    rows = 1_000_000 // scale
    a, _ = make_pair(rows, rows, distinct_gold=True)
    status, seconds, peak = timed_f1kit("evaluate", a, "--format", "json")
    report(f"evaluate {rows:,} distinct gold labels on {rows:,} rows", status, seconds, peak)
    print(f"  target: results (exit 0) or a clear exit 65, never an abort: "
          f"{'met' if status in (0, 65) else 'NOT met'}")


if __name__ == "__main__":
    main()
