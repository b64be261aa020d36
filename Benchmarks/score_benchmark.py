"""Side-by-side benchmark of the score metrics (issue 10 §7).

(a) `f1kit evaluate --score-column score --format json` against
    pandas.read_csv + scikit-learn's average_precision_score, roc_auc_score,
    log_loss and brier_score_loss, on generated binary files (probabilities,
    25% positives), with f1kit's peak resident memory at each size;
(b) `f1kit compare a.csv b.csv --score-column score --metric roc_auc` with
    9,999 resamples (BCa interval of each model and of the difference,
    paired bootstrap and permutation tests, DeLong) at N = 100,000, against
    scipy.stats.bootstrap(paired=True, vectorized=False, method="percentile")
    over roc_auc_score, timed at a B it finishes and scaled linearly to 9,999.
    scipy's BCa would add a leave-one-out jackknife of 100,000 more
    roc_auc_score pairs, so the percentile method is the kinder comparison.

Both check that the two sides agree on the metric values before timing.

Run from the package root:
    swift build -c release
    python3 Benchmarks/score_benchmark.py            # 2,000,000 rows for (a)
    python3 Benchmarks/score_benchmark.py --quick    # smaller, for a smoke test
Needs: pip install scikit-learn scipy pandas numpy
"""

import argparse
import json
import os
import pathlib
import subprocess
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats
from sklearn import metrics as m

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "Benchmarks" / "data"
F1KIT = ROOT / ".build" / "release" / "f1kit"


def make_file(rows, seed, name):
    """id,label,score: 25% positives, calibrated-looking probabilities."""
    path = DATA / f"{name}-{rows}.csv"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(rows)
    gold = (rng.random(rows) < 0.25).astype(np.int64)
    noise = np.random.default_rng(seed).normal(size=rows)
    logit = 1.5 * (2 * gold - 1) + noise - 1.0
    score = 1 / (1 + np.exp(-logit))
    pd.DataFrame({"id": np.arange(rows), "label": gold, "score": score}).to_csv(
        path, index=False, float_format="%.17g")
    return path


def python_metrics(path):
    frame = pd.read_csv(path)
    y, s = frame["label"].to_numpy(), frame["score"].to_numpy()
    return {"average_precision": m.average_precision_score(y, s),
            "roc_auc": m.roc_auc_score(y, s),
            "log_loss": m.log_loss(y, s, labels=[0, 1]),
            "brier_score": m.brier_score_loss(y, s, labels=[0, 1])}


def f1kit_metrics(path):
    result = subprocess.run(
        [str(F1KIT), "evaluate", str(path), "--score-column", "score", "--format", "json"],
        check=True, capture_output=True, text=True)
    return json.loads(result.stdout)["score_metrics"]


def peak_memory_kib(arguments):
    code = ("import resource,subprocess,sys;"
            "subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, str(F1KIT)] + arguments,
                         check=True, capture_output=True, text=True)
    return int(out.stdout.strip())


def timed(function, *arguments):
    start = time.perf_counter()
    value = function(*arguments)
    return time.perf_counter() - start, value


def best_interleaved(first, second, argument, repeats):
    a_times, b_times = [], []
    for _ in range(repeats):
        a_time, a_value = timed(first, argument)
        b_time, b_value = timed(second, argument)
        a_times.append(a_time)
        b_times.append(b_time)
    return (min(a_times), a_value), (min(b_times), b_value)


def scipy_bootstrap(y, first, second, resamples):
    def difference(labels, a, b):
        return m.roc_auc_score(labels, b) - m.roc_auc_score(labels, a)
    return stats.bootstrap((y, first, second), difference, paired=True, vectorized=False,
                           n_resamples=resamples, method="percentile", random_state=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if not F1KIT.exists():
        sys.exit(f"build first: swift build -c release (missing {F1KIT})")
    print("load average {:.2f} {:.2f} {:.2f} on {} processors".format(*os.getloadavg(), os.cpu_count()))

    sizes = (20_000, 200_000) if args.quick else (200_000, 2_000_000)
    print("(a) evaluate --score-column: pandas.read_csv + 4 scikit-learn metrics vs f1kit")
    for rows in sizes:
        path = make_file(rows, 1, "scores")
        (p_time, p_value), (f_time, f_value) = best_interleaved(python_metrics, f1kit_metrics, path, 3)
        for key, value in p_value.items():
            assert abs(value - f_value[key]) <= 1e-9, (key, value, f_value[key])
        memory = peak_memory_kib(["evaluate", str(path), "--score-column", "score", "--format", "json"])
        print(f"    {rows:>9,} rows ({path.stat().st_size / 1e6:5.0f} MB): pandas+sklearn {p_time:7.3f} s"
              f"   f1kit {f_time:7.3f} s   f1kit is {p_time / f_time:5.1f}x faster"
              f"   f1kit peak RSS {memory / 1024:6.1f} MiB")

    items = 10_000 if args.quick else 100_000
    first_path, second_path = make_file(items, 1, "model-a"), make_file(items, 2, "model-b")
    frame_a, frame_b = pd.read_csv(first_path), pd.read_csv(second_path)
    y = frame_a["label"].to_numpy()
    a, b = frame_a["score"].to_numpy(), frame_b["score"].to_numpy()
    print(f"(b) compare --metric roc_auc, 9,999 resamples, N = {items:,}")
    command = [str(F1KIT), "compare", str(first_path), str(second_path), "--score-column", "score",
               "--metric", "roc_auc", "--resamples", "9999", "--format", "json", "-q"]
    start = time.perf_counter()
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    f_time = time.perf_counter() - start
    document = json.loads(result.stdout)
    print(f"    f1kit: {f_time:.2f} s for 9,999 resamples (each model's BCa interval, the paired "
          f"bootstrap with its interval, 9,999 permutations, DeLong)")
    small_b = 20 if args.quick else 50
    s_time, s_result = timed(scipy_bootstrap, y, a, b, small_b)
    scaled = s_time * 9_999 / small_b
    observed = m.roc_auc_score(y, b) - m.roc_auc_score(y, a)
    print(f"    scipy.stats.bootstrap (paired, vectorized=False, percentile) over roc_auc_score: "
          f"{s_time:.2f} s for B = {small_b} -> {scaled:,.0f} s scaled to 9,999 "
          f"(observed difference {observed:.6f})")
    print(f"    f1kit is {scaled / f_time:,.0f}x faster (scaled; f1kit also runs the permutation test)")
    print(f"    f1kit JSON keys: {sorted(document.keys())[:6]} ...")


if __name__ == "__main__":
    main()
