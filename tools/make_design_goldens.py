"""Goldens for experiment designs: Almost Stochastic Order against deepsig.

    pip install deepsig==1.2.8 psutil dill tqdm joblib pandas
    python3 tools/make_design_goldens.py > fixtures/goldens/aso.json

For each case it records deepsig's violation ratio (deterministic: F1Kit must
match it to rounding) and deepsig's epsilon_min over many seeds (random: its
mean and standard deviation, so F1Kit's value can be checked to lie within
Monte Carlo error). deepsig seeds its bootstrap iteration i with seed + i, so
consecutive seeds share all but one iteration and their spread understates
the Monte Carlo error; the seeds here are SEED_SPACING apart, more than the
iterations, so no two share an iteration and their draws are independent. `aso(first, second)` tests whether `first` is almost
stochastically larger than `second`.
"""

import json
import warnings

import numpy as np
from deepsig import aso
from deepsig.aso import compute_violation_ratio

warnings.filterwarnings("ignore")

SEEDS = 20
ITERATIONS = 1000
SEED_SPACING = 10_000


def case(name, first, second):
    first = [float(x) for x in first]
    second = [float(x) for x in second]
    ratio = compute_violation_ratio(np.array(first), np.array(second), dt=0.005)
    values = [
        float(aso(first, second, confidence_level=0.95, num_bootstrap_iterations=ITERATIONS,
                  seed=seed * SEED_SPACING, show_progress=False))
        for seed in range(SEEDS)
    ]
    return {
        "name": name,
        "first": first,
        "second": second,
        "violation_ratio": float(ratio),
        "epsilon_min_mean": float(np.mean(values)),
        "epsilon_min_sd": float(np.std(values, ddof=1)),
    }


def main():
    rng = np.random.default_rng(20261129)
    cases = [
        case("clearly better, 5 runs", [0.86, 0.87, 0.85, 0.88, 0.86], [0.80, 0.82, 0.81, 0.79, 0.83]),
        case("clearly worse, 5 runs", [0.80, 0.82, 0.81, 0.79, 0.83], [0.86, 0.87, 0.85, 0.88, 0.86]),
        case("overlapping, 5 runs", [0.84, 0.86, 0.83, 0.85, 0.87], [0.83, 0.85, 0.86, 0.84, 0.82]),
        case("identical samples", [0.8, 0.81, 0.82], [0.8, 0.81, 0.82]),
        case("3 against 7 runs", [0.7, 0.72, 0.69], [0.68, 0.7, 0.66, 0.71, 0.69, 0.67, 0.7]),
        case("two runs each", [0.9, 0.91], [0.89, 0.9]),
    ]
    for index in range(2):
        n, m = rng.integers(3, 12, size=2)
        shift = rng.normal(0, 0.02)
        first = rng.normal(0.8 + shift, 0.015, size=n).round(4)
        second = rng.normal(0.8, 0.015, size=m).round(4)
        cases.append(case(f"random {index}", first, second))
    print(json.dumps({"deepsig": "1.2.8", "iterations": ITERATIONS, "confidence": 0.95,
                      "seeds": SEEDS, "seed_spacing": SEED_SPACING, "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
