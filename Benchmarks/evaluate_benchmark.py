"""Side-by-side benchmark: `f1kit evaluate` against the two ways Python users
compute the same numbers.

(a) pandas.read_csv + scikit-learn's metric calls (what most people write);
(b) the expert path: pandas categorical codes + numpy.bincount into a
    confusion matrix + the metrics computed from it with numpy (timed in
    turn with f1kit, best of 5 each, so both see the same background load);
(c) the release build of `f1kit evaluate --format json`.

All three run in the same process run, on the same generated files (string
labels, 5 classes), and the script prints the ratios and f1kit's peak memory
at several sizes. It checks that the three agree on macro-F1 before timing.

Run from the package root:
    swift build -c release
    python3 Benchmarks/evaluate_benchmark.py            # 200k rows for (a), 2M for (b)
    python3 Benchmarks/evaluate_benchmark.py --quick    # smaller, for a smoke test
Needs: pip install scikit-learn pandas numpy
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
from sklearn import metrics as m

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "Benchmarks" / "data"
F1KIT = ROOT / ".build" / "release" / "f1kit"
CLASSES = np.array(["entailment", "neutral", "contradiction", "unrelated", "other"])


def make_file(rows):
    """id,label,prediction with skewed string classes and 70% accuracy."""
    path = DATA / f"predictions-{rows}.csv"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(rows)
    gold = rng.choice(len(CLASSES), size=rows, p=[0.4, 0.3, 0.15, 0.1, 0.05])
    noise = rng.integers(0, len(CLASSES), size=rows)
    pred = np.where(rng.random(rows) < 0.7, gold, noise)
    frame = pd.DataFrame({"id": np.arange(rows), "label": CLASSES[gold], "prediction": CLASSES[pred]})
    frame.to_csv(path, index=False)
    return path


def python_sklearn(path):
    frame = pd.read_csv(path)
    y_true, y_pred = frame["label"], frame["prediction"]
    out = {"accuracy": m.accuracy_score(y_true, y_pred),
           "balanced_accuracy": m.balanced_accuracy_score(y_true, y_pred)}
    for average in ("micro", "macro", "weighted"):
        p, r, f, _ = m.precision_recall_fscore_support(y_true, y_pred, average=average, zero_division=0)
        out.update({f"{average}_precision": p, f"{average}_recall": r, f"{average}_f1": f})
    out["per_class"] = m.precision_recall_fscore_support(y_true, y_pred, zero_division=0)
    out["mcc"] = m.matthews_corrcoef(y_true, y_pred)
    out["cohen_kappa"] = m.cohen_kappa_score(y_true, y_pred)
    out["confusion_matrix"] = m.confusion_matrix(y_true, y_pred)
    return out["macro_f1"]


def python_expert(path):
    frame = pd.read_csv(path, usecols=["label", "prediction"], dtype="category")
    categories = frame["label"].cat.categories.union(frame["prediction"].cat.categories)
    gold = pd.Categorical(frame["label"], categories=categories).codes.astype(np.int64)
    pred = pd.Categorical(frame["prediction"], categories=categories).codes.astype(np.int64)
    k = len(categories)
    matrix = np.bincount(gold * k + pred, minlength=k * k).reshape(k, k).astype(np.float64)
    tp = np.diag(matrix)
    predicted = matrix.sum(axis=0)
    actual = matrix.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(predicted > 0, tp / predicted, 0.0)
        recall = np.where(actual > 0, tp / actual, 0.0)
        f1 = np.where(actual + predicted > 0, 2 * tp / (actual + predicted), 0.0)
    n = matrix.sum()
    out = {"accuracy": tp.sum() / n, "macro_f1": f1.mean(), "weighted_f1": (f1 * actual).sum() / n,
           "macro_precision": precision.mean(), "macro_recall": recall.mean(),
           "balanced_accuracy": recall[actual > 0].mean()}
    cov = tp.sum() * n - actual @ predicted
    out["mcc"] = cov / np.sqrt((n * n - predicted @ predicted) * (n * n - actual @ actual))
    expected = np.outer(predicted, actual) / n
    off = 1 - np.eye(k)
    out["cohen_kappa"] = 1 - (off * matrix).sum() / (off * expected).sum()
    return out["macro_f1"]


def f1kit(path):
    result = subprocess.run([str(F1KIT), "evaluate", str(path), "--format", "json"],
                            check=True, capture_output=True, text=True)
    return json.loads(result.stdout)["metrics"]["macro_f1"]


def peak_memory_kib(path):
    """f1kit's peak resident memory, measured by GNU time or rusage."""
    code = ("import resource,subprocess,sys;"
            "subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, str(F1KIT), "evaluate", str(path), "--format", "json"],
                         check=True, capture_output=True, text=True)
    return int(out.stdout.strip())


def best_time(function, path, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        value = function(path)
        times.append(time.perf_counter() - start)
    return min(times), value


def best_times_interleaved(first, second, path, repeats):
    """Best-of-`repeats` times of two functions run in turn, so that both
    see the same background load on a shared machine."""
    first_times, second_times = [], []
    for _ in range(repeats):
        first_time, first_value = best_time(first, path, 1)
        second_time, second_value = best_time(second, path, 1)
        first_times.append(first_time)
        second_times.append(second_time)
    return (min(first_times), first_value), (min(second_times), second_value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if not F1KIT.exists():
        sys.exit(f"build first: swift build -c release (missing {F1KIT})")
    small, large = (20_000, 200_000) if args.quick else (200_000, 2_000_000)
    print("load average {:.2f} {:.2f} {:.2f} on {} processors".format(*os.getloadavg(), os.cpu_count()))
    small_path, large_path = make_file(small), make_file(large)

    print(f"(a) pandas.read_csv + scikit-learn vs f1kit, {small:,} rows")
    a_time, a_value = best_time(python_sklearn, small_path, 1)
    f_time, f_value = best_time(f1kit, small_path, 5)
    assert abs(a_value - f_value) < 1e-12, (a_value, f_value)
    print(f"    scikit-learn {a_time:8.3f} s   f1kit {f_time:8.3f} s   f1kit is {a_time / f_time:6.1f}x faster")

    print(f"(b) pandas categorical + numpy.bincount vs f1kit, {large:,} rows "
          f"({large_path.stat().st_size / 1e6:.0f} MB)")
    (b_time, b_value), (g_time, g_value) = best_times_interleaved(python_expert, f1kit, large_path, 5)
    assert abs(b_value - g_value) < 1e-12, (b_value, g_value)
    print(f"    numpy        {b_time:8.3f} s   f1kit {g_time:8.3f} s   f1kit is {b_time / g_time:6.1f}x faster")

    print("(c) f1kit peak memory by rows")
    for rows in (small // 10, small, large):
        print(f"    {rows:>10,} rows  {peak_memory_kib(make_file(rows)) / 1024:7.1f} MiB")


if __name__ == "__main__":
    main()
