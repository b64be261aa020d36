#!/usr/bin/env python3
"""Writes fixtures/experiments: a synthetic grouped test set with two models
of three training runs each, for the runs-and-groups tests and report.

40 queries (groups) of 15 pairs each. Each query has its own difficulty
(the models' chance of being right on it is uniform on [0.35, 0.95]), so
items of one query are alike and item-level intervals are too narrow. Each
training run shifts that chance by a seed effect (normal, sd 0.03); model b
is 0.03 better on average. Fixed seed: the files are reproducible.

    python3 tools/make_experiment_fixture.py
"""
import csv
import pathlib

import numpy as np

GROUPS = 40
ITEMS_PER_GROUP = 15
RUNS = 3
OUT = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "experiments"


def main() -> None:
    rng = np.random.default_rng(20261130)
    OUT.mkdir(parents=True, exist_ok=True)
    n = GROUPS * ITEMS_PER_GROUP
    group = np.repeat(np.arange(GROUPS), ITEMS_PER_GROUP)
    gold = rng.integers(0, 2, size=n)
    difficulty = rng.uniform(0.35, 0.95, size=GROUPS)
    for model, boost in (("a", 0.0), ("b", 0.03)):
        for run in range(1, RUNS + 1):
            shift = rng.normal(0, 0.03)
            chance = np.clip(difficulty[group] + boost + shift, 0, 1)
            correct = rng.uniform(size=n) < chance
            prediction = np.where(correct, gold, 1 - gold)
            path = OUT / f"{model}-run{run}.csv"
            with path.open("w", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(["id", "query", "label", "prediction"])
                for item in range(n):
                    writer.writerow(
                        [f"pair-{item + 1:04d}", f"q{group[item] + 1:02d}", gold[item], prediction[item]]
                    )


if __name__ == "__main__":
    main()
