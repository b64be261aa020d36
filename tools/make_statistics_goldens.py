#!/usr/bin/env python3
"""Generate SciPy and statsmodels golden cases for F1KitStatistics.

Run from the repository root:

    python3 tools/make_statistics_goldens.py

Needs: Python 3.9+ with ``pip install numpy scipy statsmodels`` (made with
numpy 2.4, scipy 1.17.1 and statsmodels 0.15).  The script is deterministic
(numpy Generator, fixed seeds) and writes ``fixtures/goldens/statistics.json``,
which is committed; ``swift test`` never needs Python.

The file holds:

* ``generator``: the first outputs of xoshiro256** seeded through SplitMix64,
  from a direct transcription of the reference C code (as decimal strings,
  since they exceed 2^53).
* ``bootstrap``: ``scipy.stats.bootstrap`` intervals (BCa and percentile,
  paired per-item data, a vectorized statistic) for accuracy and macro-F1 on
  a few small data sets.  Each case has a large-resample interval
  (``resamples`` = 100,000), which F1Kit's own Monte Carlo interval must
  match within Monte Carlo tolerance, and a small one (199 resamples) with its
  whole bootstrap distribution, from which F1Kit's interval arithmetic must
  reproduce SciPy's interval to rounding.
* ``mcnemar``: statsmodels ``mcnemar`` p-values (exact; chi-square with and
  without continuity correction) and the mid-p value from ``scipy.stats.binom``
  for many (b, c) tables.
* ``permutation``: ``scipy.stats.permutation_test(permutation_type="samples")``
  two-sided p-values of the difference in accuracy or macro-F1 between two
  models on the same items (exact enumeration where 2^n is small).
* ``multipletests``: statsmodels ``multipletests`` Holm and Benjamini-Hochberg
  adjusted p-values for unsorted inputs.
* ``wilson``: statsmodels ``proportion_confint(method="wilson")``.

Floats are written with full precision (Python's repr round-trips exactly).
"""

import json
import os

import numpy as np
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def xoshiro256starstar(seed, count):
    state, s = seed, []
    for _ in range(4):
        state, value = splitmix64(state)
        s.append(value)
    out = []
    for _ in range(count):
        out.append((rotl((s[1] * 5) & MASK, 7) * 9) & MASK)
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
    return out


def accuracy(gold, predicted, axis=-1):
    return np.mean(gold == predicted, axis=axis)


def macro_f1_statistic(class_count):
    """Macro-F1 over the fixed classes 0..k-1, undefined scores counted 0."""

    def statistic(gold, predicted, axis=-1):
        scores = []
        for label in range(class_count):
            in_gold = gold == label
            in_predicted = predicted == label
            true_positives = np.sum(in_gold & in_predicted, axis=axis)
            denominator = np.sum(in_gold, axis=axis) + np.sum(in_predicted, axis=axis)
            with np.errstate(invalid="ignore", divide="ignore"):
                score = np.where(denominator > 0, 2 * true_positives / denominator, 0.0)
            scores.append(score)
        return np.mean(scores, axis=0)

    return statistic


def predictions(rng, gold, class_count, accuracy_rate):
    """Predictions that are right with the given probability, else random."""
    wrong = rng.integers(1, class_count, size=gold.size)
    correct = rng.random(gold.size) < accuracy_rate
    return np.where(correct, gold, (gold + wrong) % class_count)


def bootstrap_cases():
    rng = np.random.default_rng(20240601)
    shapes = [  # (name, items, class probabilities, accuracy)
        ("binary-120", 120, [0.7, 0.3], 0.8),
        ("three-class-200", 200, [0.5, 0.3, 0.2], 0.7),
        ("four-class-rare-300", 300, [0.55, 0.25, 0.15, 0.05], 0.75),
    ]
    cases = []
    for name, items, probabilities, rate in shapes:
        class_count = len(probabilities)
        gold = rng.choice(class_count, size=items, p=probabilities)
        predicted = predictions(rng, gold, class_count, rate)
        for metric, statistic in [
            ("accuracy", accuracy),
            ("macro_f1", macro_f1_statistic(class_count)),
        ]:
            for method in ["BCa", "percentile"]:
                large = stats.bootstrap(
                    (gold, predicted), statistic, paired=True, vectorized=True,
                    n_resamples=100_000, confidence_level=0.95, method=method,
                    rng=np.random.default_rng(7), batch=10_000)
                small = stats.bootstrap(
                    (gold, predicted), statistic, paired=True, vectorized=True,
                    n_resamples=199, confidence_level=0.9, method=method,
                    rng=np.random.default_rng(11))
                cases.append({
                    "name": name,
                    "classCount": class_count,
                    "gold": gold.tolist(),
                    "predicted": predicted.tolist(),
                    "metric": metric,
                    "method": method.lower(),
                    "estimate": float(statistic(gold, predicted)),
                    "confidence": 0.95,
                    "resamples": 100_000,
                    "lower": float(large.confidence_interval.low),
                    "upper": float(large.confidence_interval.high),
                    "standardError": float(large.standard_error),
                    "small": {
                        "confidence": 0.9,
                        "distribution": small.bootstrap_distribution.tolist(),
                        "lower": float(small.confidence_interval.low),
                        "upper": float(small.confidence_interval.high),
                    },
                })
    return cases


def midp(b, c):
    n, k = b + c, min(b, c)
    if n == 0:
        return 1.0
    return float(min(1.0, 2 * (stats.binom.cdf(k, n, 0.5) - 0.5 * stats.binom.pmf(k, n, 0.5))))


def mcnemar_cases():
    tables = [(b, c) for b in range(0, 13) for c in range(0, 13) if b != c]
    tables += [(15, 30), (40, 22), (100, 130), (251, 199), (512, 600), (1000, 1101),
               (2000, 1800), (3, 40), (0, 25), (60, 1)]
    cases = []
    for b, c in tables:
        table = [[10, b], [c, 10]]
        cases.append({
            "b": b,
            "c": c,
            "exact": float(mcnemar(table, exact=True).pvalue),
            "chiSquare": float(mcnemar(table, exact=False, correction=True).pvalue),
            "chiSquareStatistic": float(mcnemar(table, exact=False, correction=True).statistic),
            "chiSquareUncorrected": float(mcnemar(table, exact=False, correction=False).pvalue),
            "midP": midp(b, c),
        })
    return cases


def permutation_cases():
    rng = np.random.default_rng(31)
    shapes = [  # (items, classes, first accuracy, second accuracy, metric, resamples)
        (14, 2, 0.6, 0.85, "accuracy", 20_000),
        (14, 3, 0.55, 0.8, "macro_f1", 20_000),
        (80, 3, 0.68, 0.76, "macro_f1", 200_000),
        (120, 2, 0.7, 0.72, "accuracy", 200_000),
    ]
    cases = []
    for items, class_count, first_rate, second_rate, metric, resamples in shapes:
        gold = rng.integers(0, class_count, size=items)
        first = predictions(rng, gold, class_count, first_rate)
        second = predictions(rng, gold, class_count, second_rate)
        base = accuracy if metric == "accuracy" else macro_f1_statistic(class_count)

        def statistic(x, y, axis=-1, base=base, gold=gold):
            return base(gold, y, axis=axis) - base(gold, x, axis=axis)

        result = stats.permutation_test(
            (first, second), statistic, permutation_type="samples", vectorized=True,
            n_resamples=resamples, alternative="two-sided", rng=np.random.default_rng(5))
        cases.append({
            "classCount": class_count,
            "gold": gold.tolist(),
            "first": first.tolist(),
            "second": second.tolist(),
            "metric": metric,
            "difference": float(result.statistic),
            "pValue": float(result.pvalue),
            "resamples": resamples,
            "isExact": 2**items <= resamples,
        })
    return cases


def multipletests_cases():
    rng = np.random.default_rng(3)
    inputs = [
        [0.04, 0.001, 0.3, 0.02, 0.9, 0.012],
        [0.5, 0.5, 0.01, 0.01, 0.2],
        [0.03],
        [1.0, 0.0, 0.049, 0.051],
        rng.random(25).round(6).tolist(),
        (rng.random(12) ** 4).tolist(),
    ]
    cases = []
    for values in inputs:
        cases.append({
            "pValues": values,
            "holm": multipletests(values, method="holm")[1].tolist(),
            "benjaminiHochberg": multipletests(values, method="fdr_bh")[1].tolist(),
        })
    return cases


def wilson_cases():
    cases = []
    for successes, trials, confidence in [(0, 10, 0.95), (10, 10, 0.95), (7, 20, 0.9),
                                          (180, 200, 0.95), (4521, 5000, 0.99), (1, 1, 0.95)]:
        low, high = proportion_confint(successes, trials, alpha=1 - confidence, method="wilson")
        cases.append({"successes": successes, "trials": trials, "confidence": confidence,
                      "lower": float(low), "upper": float(high)})
    return cases


def main():
    golden = {
        "generator": [
            {"seed": str(seed), "outputs": [str(v) for v in xoshiro256starstar(seed, 6)]}
            for seed in [0, 42, 2**64 - 1]
        ],
        "bootstrap": bootstrap_cases(),
        "mcnemar": mcnemar_cases(),
        "permutation": permutation_cases(),
        "multipletests": multipletests_cases(),
        "wilson": wilson_cases(),
    }
    path = os.path.join("fixtures", "goldens", "statistics.json")
    with open(path, "w") as file:
        json.dump(golden, file, indent=1)
        file.write("\n")
    print(f"wrote {path}: {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
