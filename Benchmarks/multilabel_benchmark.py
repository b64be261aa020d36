"""Side-by-side benchmark: multilabel `f1kit evaluate` against what Python
users write for the same numbers.

(a) pandas.read_csv + str.split + MultiLabelBinarizer + scikit-learn's
    multilabel metric calls (precision/recall/F1 with micro, macro, weighted
    and samples averages, per-label scores, subset accuracy, Hamming loss,
    the four Jaccard averages and multilabel_confusion_matrix) — every
    number `f1kit evaluate --format json` prints for a multilabel file;
(b) the release build of `f1kit evaluate --format json`.

Both run on the same generated file (`a|b` label sets over 20 labels, about
three gold labels per item, noisy predictions). The script checks that the
two agree on samples-F1, micro-F1 and Hamming loss to 1e-12, times each
(best of N, interleaved so both see the same background load), prints the
ratio, and prints f1kit's peak resident memory at a tenth, half and all of
the rows (flat in rows: without --ci, evaluate keeps running totals per
label, not rows or label-set patterns).

Run from the package root:
    swift build -c release
    python3 Benchmarks/multilabel_benchmark.py               # 1,000,000 items x 20 labels
    python3 Benchmarks/multilabel_benchmark.py --quick       # 100,000 items, smoke test
    python3 Benchmarks/multilabel_benchmark.py --memory-only # peak memory only, no pandas
Needs: pip install scikit-learn pandas numpy
"""

import argparse
import json
import os
import pathlib
import resource
import subprocess
import sys
import time

import numpy as np
import pandas as pd
from sklearn import metrics as m
from sklearn.preprocessing import MultiLabelBinarizer

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "Benchmarks" / "data"
F1KIT = ROOT / ".build" / "release" / "f1kit"
LABELS = [f"topic{i:02d}" for i in range(20)]


def make_file(rows):
    """id,label,prediction with `a|b` sets over 20 labels."""
    path = DATA / f"multilabel-{rows}.csv"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(rows)
    prevalence = np.linspace(0.4, 0.02, len(LABELS))
    gold = rng.random((rows, len(LABELS))) < prevalence
    flips = rng.random((rows, len(LABELS))) < 0.05
    pred = gold ^ flips
    names = np.array(LABELS)

    def cells(matrix):
        return ["|".join(names[row]) for row in matrix]

    frame = pd.DataFrame({"id": np.arange(rows), "label": cells(gold), "prediction": cells(pred)})
    frame.to_csv(path, index=False)
    return path


def python_sklearn(path):
    frame = pd.read_csv(path, keep_default_na=False)
    gold = frame["label"].str.split("|").map(lambda s: [x for x in s if x])
    pred = frame["prediction"].str.split("|").map(lambda s: [x for x in s if x])
    binarizer = MultiLabelBinarizer()
    binarizer.fit(list(gold) + list(pred))
    y_true, y_pred = binarizer.transform(gold), binarizer.transform(pred)
    out = {}
    for average in ("micro", "macro", "weighted", "samples"):
        p, r, f, _ = m.precision_recall_fscore_support(
            y_true, y_pred, average=average, zero_division=0)
        out.update({f"{average}_precision": p, f"{average}_recall": r, f"{average}_f1": f})
        out[f"jaccard_{average}"] = m.jaccard_score(
            y_true, y_pred, average=average, zero_division=0)
    out["per_class"] = m.precision_recall_fscore_support(y_true, y_pred, zero_division=0)
    out["per_class_jaccard"] = m.jaccard_score(y_true, y_pred, average=None, zero_division=0)
    out["subset_accuracy"] = m.accuracy_score(y_true, y_pred)
    out["hamming_loss"] = m.hamming_loss(y_true, y_pred)
    out["label_confusion"] = m.multilabel_confusion_matrix(y_true, y_pred)
    return out


def f1kit(path):
    result = subprocess.run(
        [str(F1KIT), "evaluate", str(path), "--format", "json", "--zero-division", "0"],
        check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def peak_memory_kib(path):
    code = ("import resource,subprocess,sys;"
            "subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run(
        [sys.executable, "-c", code, str(F1KIT), "evaluate", str(path), "--format", "json",
         "--zero-division", "0"], check=True, capture_output=True, text=True)
    return int(result.stdout.strip())


def cpu_seconds():
    """CPU time of this process and its finished children (user + system)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_times_interleaved(first, second, path, repeats):
    """Best wall time and best CPU time of each, interleaved."""
    first_times, second_times = [], []
    for _ in range(repeats):
        for function, times in ((first, first_times), (second, second_times)):
            cpu = cpu_seconds()
            start = time.perf_counter()
            function(path)
            times.append((time.perf_counter() - start, cpu_seconds() - cpu))
    return (min(t[0] for t in first_times), min(t[1] for t in first_times)), \
        (min(t[0] for t in second_times), min(t[1] for t in second_times))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--memory-only", action="store_true",
                        help="print f1kit's peak memory by rows and skip the timing")
    arguments = parser.parse_args()
    if not F1KIT.exists():
        sys.exit("build first: swift build -c release")
    rows = 100_000 if arguments.quick else 1_000_000
    if arguments.memory_only:
        print_peak_memory(rows)
        return
    path = make_file(rows)
    expected, actual = python_sklearn(path), f1kit(path)
    for key in ("samples_f1", "micro_f1", "macro_f1", "hamming_loss", "jaccard_samples"):
        difference = abs(expected[key] - actual["metrics"][key])
        assert difference <= 1e-12, (key, expected[key], actual["metrics"][key])
    print(f"agree on samples_f1, micro_f1, macro_f1, hamming_loss, jaccard_samples (1e-12); "
          f"{rows:,} items x {len(LABELS)} labels")
    load_before = os.getloadavg()
    (python_time, python_cpu), (f1kit_time, f1kit_cpu) = best_times_interleaved(
        python_sklearn, f1kit, path, arguments.repeats)
    load_after = os.getloadavg()
    print(f"(a) pandas + MultiLabelBinarizer + scikit-learn  {python_time:8.3f} s wall"
          f"  {python_cpu:8.3f} s CPU")
    print(f"(b) f1kit evaluate (release)                     {f1kit_time:8.3f} s wall"
          f"  {f1kit_cpu:8.3f} s CPU")
    print(f"    f1kit is {python_time / f1kit_time:.1f}x faster (wall), "
          f"{python_cpu / f1kit_cpu:.1f}x less CPU")
    print(f"    load average (1, 5, 15 min) before {load_before[0]:.2f} {load_before[1]:.2f} "
          f"{load_before[2]:.2f}, after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    print_peak_memory(rows)


def print_peak_memory(rows):
    print("f1kit evaluate peak resident memory by rows")
    for size in (rows // 10, rows // 2, rows):
        print(f"    {size:>10,} rows  {peak_memory_kib(make_file(size)) / 1024:7.1f} MiB")


if __name__ == "__main__":
    main()
