"""Side-by-side benchmark: `f1kit compare` against scipy.stats.bootstrap.

1. Cost independent of N: `f1kit compare A B` (9,999 resamples; permutation,
   paired-bootstrap and McNemar tests; BCa intervals) on K = 3 classes at
   N = 10,000 and N = 1,000,000 items. The time beyond reading the files is
   what `--timings` reports for scoring and resampling (best of 5); it must be
   within 20% at both sizes.
2. Against SciPy: scipy.stats.bootstrap(paired=True, method="BCa",
   vectorized=True) of the macro-F1 difference B − A, on the largest N (from
   a ladder) that SciPy finishes within a minute, and `f1kit compare` on the
   same files in the same run. f1kit must be at least 100x faster.

Run from the package root:
    swift build -c release --product f1kit
    python3 Benchmarks/compare_benchmark.py
    python3 Benchmarks/compare_benchmark.py --quick     # smaller, for a smoke test
Needs: pip install numpy scipy
"""

import argparse
import json
import pathlib
import subprocess
import sys
import time

import numpy as np
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "Benchmarks" / "data"
F1KIT = ROOT / ".build" / "release" / "f1kit"
CLASSES = np.array(["entailment", "neutral", "contradiction"])


def make_pair(n):
    """Two models' predictions for the same n items, K = 3, ids in order."""
    paths = [DATA / f"compare-{n}-{model}.csv" for model in ("a", "b")]
    if all(p.exists() for p in paths):
        return paths
    DATA.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(n)
    gold = rng.choice(3, size=n, p=[0.5, 0.3, 0.2])
    for path, accuracy in zip(paths, (0.80, 0.82)):
        noise = rng.integers(0, 3, size=n)
        pred = np.where(rng.random(n) < accuracy, gold, noise)
        with open(path, "w") as f:
            f.write("id,label,prediction\n")
            f.writelines(f"{i},{CLASSES[g]},{CLASSES[p]}\n" for i, g, p in zip(range(n), gold, pred))
    return paths


def codes(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=str, usecols=(1, 2))
    lookup = {name: code for code, name in enumerate(CLASSES)}
    return (np.vectorize(lookup.get)(data[:, 0]).astype(np.int8),
            np.vectorize(lookup.get)(data[:, 1]).astype(np.int8))


def macro_f1(gold, pred, axis=-1):
    total = 0.0
    for k in range(3):
        g, p = gold == k, pred == k
        tp = np.sum(g & p, axis=axis)
        denominator = np.sum(g, axis=axis) + np.sum(p, axis=axis)
        total = total + np.where(denominator > 0, 2 * tp / np.maximum(denominator, 1), 0.0)
    return total / 3


def scipy_bootstrap(paths, resamples):
    gold, a = codes(paths[0])
    _, b = codes(paths[1])
    statistic = lambda g, x, y, axis=-1: macro_f1(g, y, axis) - macro_f1(g, x, axis)
    start = time.perf_counter()
    result = stats.bootstrap((gold, a, b), statistic, paired=True, vectorized=True,
                             n_resamples=resamples, method="BCa", batch=200,
                             random_state=np.random.default_rng(0))
    return time.perf_counter() - start, result.confidence_interval


def f1kit(paths, resamples):
    command = [str(F1KIT), "compare", *map(str, paths), "--metric", "macro_f1",
               "--resamples", str(resamples), "--format", "json", "--quiet", "--timings"]
    start = time.perf_counter()
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    document = json.loads(result.stdout)
    # "timings: reading, aligning and counting R s, scoring and resampling S s"
    words = result.stderr.split()
    document["_reading"] = float(words[words.index("counting") + 1])
    document["_resampling"] = float(words[words.index("resampling") + 1])
    return elapsed, document


def best(function, repeats, *args):
    runs = [function(*args) for _ in range(repeats)]
    return min(run[0] for run in runs), runs[0][1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if not F1KIT.exists():
        sys.exit(f"build first: swift build -c release --product f1kit (missing {F1KIT})")
    resamples = 9_999
    small, large = (10_000, 100_000) if args.quick else (10_000, 1_000_000)

    print(f"1. f1kit compare, K = 3, {resamples} resamples, all tests")
    beyond = {}
    for n in (small, large):
        paths = make_pair(n)
        runs = [f1kit(paths, resamples) for _ in range(5)]
        full = min(run[0] for run in runs)
        reading = min(run[1]["_reading"] for run in runs)
        beyond[n] = min(run[1]["_resampling"] for run in runs)
        p = runs[0][1]["tests"]["permutation"]["p_value"]
        print(f"   N = {n:>9,}: whole run {full:6.3f} s, reading and counting {reading:6.3f} s, "
              f"scoring and resampling {beyond[n]:6.3f} s (permutation p = {p:.4f})")
    ratio = beyond[large] / beyond[small]
    verdict = "does not grow" if ratio <= 1.2 else "GROWS by more than 20%"
    print(f"   beyond-reading time at N = {large:,} is {ratio:.2f}x that at N = {small:,}: {verdict}")

    print("2. scipy.stats.bootstrap (paired, BCa, vectorized) vs f1kit compare, same files")
    ladder = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000] if not args.quick else [1_000, 2_000]
    largest = None
    for n in ladder:
        seconds, interval = scipy_bootstrap(make_pair(n), resamples)
        print(f"   scipy N = {n:>7,}: {seconds:7.2f} s  CI [{interval.low:.4f}, {interval.high:.4f}]")
        if seconds > 60:
            break
        largest = (n, seconds, interval)
        if seconds > 20:  # the next rung would pass a minute
            break
    n, scipy_seconds, interval = largest
    seconds, document = best(f1kit, 3, make_pair(n), resamples)
    difference = document["difference"]
    print(f"   f1kit N = {n:>7,}: {seconds:7.3f} s  CI [{difference['low']:.4f}, {difference['high']:.4f}]")
    print(f"   f1kit is {scipy_seconds / seconds:.0f}x faster than scipy.stats.bootstrap at N = {n:,}")


if __name__ == "__main__":
    main()
