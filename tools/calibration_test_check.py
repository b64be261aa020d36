#!/usr/bin/env python3
"""Check the calibration tests of F1Kit's ``miscalibrated-probabilities``
advice, and measure how often the rule would fire on calibrated scores.

Run from the repository root:

    python3 tools/calibration_test_check.py            # the test goldens
    python3 tools/calibration_test_check.py --simulate  # the false-alarm rate

Needs: Python 3.9+ with numpy.  Deterministic (numpy Generator, fixed seeds).

The goldens are the numbers ``Tests/F1KitAdviceTests/CalibrationAdviceTests``
expects for its files: a calibrated grid (100 items at each of the scores
0.05, 0.15, ..., 0.95, of which round(100 q) are positive) and the grid's
scores shifted or bent.  The statistics:

* Spiegelhalter's z (Spiegelhalter, 1986):
  sum (y - p)(1 - 2p) / sqrt(sum (1 - 2p)^2 p (1 - p)).
* The calibration-in-the-large z: (sum y - sum p) / sqrt(sum p (1 - p)).
* ECE over 15 equal-width bins, bin k = [k/15, (k+1)/15), 1.0 in the last.
* The Brier skill score against the positive rate r: 1 - Brier / (r(1 - r)).

The simulation draws calibrated scores from seven distributions, the gold
labels as Bernoulli(score), for 500 to 100,000 items, and counts the files
on which the rule fires: |z| >= 3.29 for either z, ECE >= 0.1 and a Brier
skill score above 0.
"""

import sys

import numpy as np

BINS = 15


def ece(p, y):
    k = np.minimum((p * BINS).astype(int), BINS - 1)
    # The correctly rounded edges k/15, as F1Kit's CalibrationBins.
    k = np.where((k < BINS - 1) & (p >= (k + 1) / BINS), k + 1, k)
    k = np.where((k > 0) & (p < k / BINS), k - 1, k)
    total = 0.0
    for b in range(BINS):
        m = k == b
        if m.any():
            total += m.mean() * abs(y[m].mean() - p[m].mean())
    return total


def spiegelhalter_z(p, y):
    return np.sum((y - p) * (1 - 2 * p)) / np.sqrt(np.sum((1 - 2 * p) ** 2 * p * (1 - p)))


def large_z(p, y):
    return (y.sum() - p.sum()) / np.sqrt(np.sum(p * (1 - p)))


def skill(p, y):
    r = y.mean()
    return 1 - np.mean((p - y) ** 2) / (r * (1 - r))


def logit_scale(factor):
    return lambda p: 1 / (1 + np.exp(-factor * np.log(p / (1 - p))))


def goldens():
    levels = np.arange(10) * 0.1 + 0.05
    p = np.repeat(levels, 100)
    y = np.concatenate(
        [np.r_[np.ones(round(100 * q)), np.zeros(100 - round(100 * q))] for q in levels])
    cases = {
        "calibrated": lambda s: s,
        "shifted +0.2": lambda s: np.clip(s + 0.2, 0, 1),
        "shifted -0.15": lambda s: np.clip(s - 0.15, 0, 1),
        "logit x3": logit_scale(3),
        "logit x0.3": logit_scale(0.3),
        "power 0.3": lambda s: s ** 0.3,
    }
    for name, bend in cases.items():
        s = bend(p)
        print(f"{name}: spiegelhalter_z {float(spiegelhalter_z(s, y))!r}, "
              f"calibration_in_the_large_z {float(large_z(s, y))!r}, ece {float(ece(s, y))!r}, "
              f"brier_skill_score {float(skill(s, y))!r}, mean_score {float(s.mean())!r}")


def simulate(seeds=500):
    logistic = lambda m, s: lambda r, n: 1 / (1 + np.exp(-r.normal(m, s, n)))
    draws = {
        "beta(2,5)": lambda r, n: r.beta(2, 5, n),
        "beta(.5,.5)": lambda r, n: r.beta(0.5, 0.5, n),
        "uniform": lambda r, n: r.random(n),
        "beta(1,20)": lambda r, n: r.beta(1, 20, n),
        "logistic N(0,2)": logistic(0, 2),
        "logistic N(-3,1)": logistic(-3, 1),
        "beta(20,20)": lambda r, n: r.beta(20, 20, n),
    }
    files = fired = significant = 0
    for n in [500, 2000, 10000, 100000]:
        for name, draw in draws.items():
            count = seeds if n < 100000 else seeds // 5
            eces = []
            for seed in range(count):
                r = np.random.default_rng(seed)
                p = draw(r, n)
                y = (r.random(n) < p).astype(float)
                z = max(abs(spiegelhalter_z(p, y)), abs(large_z(p, y))) >= 3.29
                e = ece(p, y)
                eces.append(e)
                significant += z
                fired += z and e >= 0.1 and skill(p, y) > 0
            files += count
            print(f"n={n:6d} {name:16s} files {count}: ECE mean {np.mean(eces):.4f}, "
                  f"99th percentile {np.quantile(eces, 0.99):.4f}, max {max(eces):.4f}", flush=True)
    print(f"{files} files: a z at 3.29 or beyond on {significant} "
          f"({significant / files:.2%}), the rule fired on {fired} ({fired / files:.2%})")


if __name__ == "__main__":
    simulate() if "--simulate" in sys.argv else goldens()
