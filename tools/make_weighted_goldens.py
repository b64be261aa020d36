#!/usr/bin/env python3
"""Generate scikit-learn golden cases for F1Kit's sample-weighted metrics.

Run from the repository root:

    python3 tools/make_weighted_goldens.py

Needs: ``pip install scikit-learn numpy`` (scikit-learn 1.9.1 was used).
Deterministic; writes ``fixtures/goldens/weighted.json`` (committed, so
``swift test`` needs no Python).

Each case holds single gold and predicted labels (strings), integer or
fractional sample weights (some zero), the ``labels=`` list or null, the
zero-division setting and an F-beta's beta. Expected values are
scikit-learn's with ``sample_weight``: the weighted confusion matrix over the
label order, per-class precision/recall/F1/support, micro/macro/weighted
precision/recall/F1/F-beta, binary scores for two labels, accuracy, balanced
accuracy, MCC and Cohen's kappa. NaN is written as null.

``comparisons`` holds two models' predictions for the same weighted items
(what ``f1kit compare --weight-column`` reads) with each model's value of
every metric ``compare --metric`` accepts, from scikit-learn with
``sample_weight``.
"""

import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (
    accuracy_score, balanced_accuracy_score, cohen_kappa_score, confusion_matrix,
    fbeta_score, matthews_corrcoef, precision_recall_fscore_support,
)

SEED = 20261130
OUT_PATH = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "fixtures", "goldens", "weighted.json")
ZD = {"0": 0.0, "1": 1.0, "nan": np.nan}
POOLS = [["cat", "dog", "bird", "fish", "yak"], ["é", "Ω", "日本", "Zebra", "apple"],
         ["neg", "pos"]]


def fnum(x):
    x = float(x)
    return None if np.isnan(x) else x


def expected(y_true, y_pred, w, named, zd_key, beta):
    zd = ZD[zd_key]
    order = sorted(set(y_true) | set(y_pred))
    if named is not None:
        order = list(named) + [x for x in order if x not in set(named)]
    evaluated = named if named is not None else order
    out = {"label_order": order,
           "confusion_matrix": [[fnum(c) for c in row] for row in confusion_matrix(
               y_true, y_pred, labels=evaluated, sample_weight=w)]}
    kw = dict(labels=evaluated, zero_division=zd, sample_weight=w)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, average=None, **kw)
    out["per_class"] = {"precision": [fnum(v) for v in p], "recall": [fnum(v) for v in r],
                        "f1": [fnum(v) for v in f], "support": [fnum(v) for v in s]}
    for average in ("micro", "macro", "weighted"):
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average=average, **kw)
        fb = fbeta_score(y_true, y_pred, beta=beta, average=average, **kw)
        out[average] = {"precision": fnum(p), "recall": fnum(r), "f1": fnum(f),
                        "fbeta": fnum(fb)}
    if len(order) == 2 and named is None:
        pos = order[1]
        bkw = dict(zero_division=zd, sample_weight=w, pos_label=pos)
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average="binary", **bkw)
        fb = fbeta_score(y_true, y_pred, beta=beta, average="binary", **bkw)
        out["binary"] = {"pos_label": pos, "precision": fnum(p), "recall": fnum(r),
                         "f1": fnum(f), "fbeta": fnum(fb)}
    out["accuracy"] = fnum(accuracy_score(y_true, y_pred, sample_weight=w))
    out["balanced_accuracy"] = fnum(balanced_accuracy_score(y_true, y_pred, sample_weight=w))
    out["mcc"] = fnum(matthews_corrcoef(y_true, y_pred, sample_weight=w))
    out["cohen_kappa"] = fnum(cohen_kappa_score(
        y_true, y_pred, labels=evaluated if named is not None else None, sample_weight=w))
    return out


def model_metrics(y_true, y_pred, w, named, zd_key, beta, pos):
    """Every metric of `f1kit compare --metric`, keyed by its name."""
    zd = ZD[zd_key]
    evaluated = named
    kw = dict(labels=evaluated, zero_division=zd, sample_weight=w)
    out = {}
    for average in ("micro", "macro", "weighted"):
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average=average, **kw)
        out[f"{average}_precision"] = fnum(p)
        out[f"{average}_recall"] = fnum(r)
        out[f"{average}_f1"] = fnum(f)
        out[f"{average}_fbeta"] = fnum(fbeta_score(
            y_true, y_pred, beta=beta, average=average, **kw))
    if pos is not None:
        bkw = dict(zero_division=zd, sample_weight=w, pos_label=pos)
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average="binary", **bkw)
        out["binary_precision"] = fnum(p)
        out["binary_recall"] = fnum(r)
        out["binary_f1"] = fnum(f)
        out["binary_fbeta"] = fnum(fbeta_score(
            y_true, y_pred, beta=beta, average="binary", **bkw))
    out["accuracy"] = fnum(accuracy_score(y_true, y_pred, sample_weight=w))
    out["balanced_accuracy"] = fnum(balanced_accuracy_score(y_true, y_pred, sample_weight=w))
    out["mcc"] = fnum(matthews_corrcoef(y_true, y_pred, sample_weight=w))
    out["cohen_kappa"] = fnum(cohen_kappa_score(
        y_true, y_pred, labels=evaluated, sample_weight=w))
    return out


def make_comparisons(rng):
    """Two models on the same weighted items, for `f1kit compare
    --weight-column`: each model's value of every metric with
    sample_weight. Integer, fractional and zero weights; binary problems
    (positive label "pos") and multiclass ones, some with `labels=`."""
    comparisons = []
    for i in range(36):
        pool = POOLS[i % len(POOLS)]
        binary = len(pool) == 2
        k = 2 if binary else int(rng.integers(3, len(pool) + 1))
        pool = pool[:k]
        n = int(rng.integers(8, 60))
        y_true = [str(x) for x in rng.choice(pool, size=n)]
        models = []
        for accuracy in (0.55, 0.75):
            models.append([t if rng.random() < accuracy else str(rng.choice(pool))
                           for t in y_true])
        if i % 3 == 0:
            w = [int(v) for v in rng.integers(0, 6, size=n)]
        else:
            w = [float(round(v, 6)) if rng.random() > 0.15 else 0.0
                 for v in rng.uniform(0, 4, size=n)]
        if sum(w) == 0:
            w[0] = 1
        labels = sorted(set(y_true) | set(models[0]) | set(models[1]))
        named = None
        if not binary and i % 4 == 1:
            named = labels + ["never-seen"]
        zd = ["0", "1", "nan"][i % 3]
        beta = [0.5, 2.0, 3.0][i % 3]
        pos = "pos" if binary and "pos" in labels and "neg" in labels else None
        comparisons.append({
            "name": f"weighted comparison {i}", "y_true": y_true,
            "y_pred_a": models[0], "y_pred_b": models[1], "sample_weight": w,
            "labels": named, "zero_division": zd, "beta": beta, "pos_label": pos,
            "expected": [model_metrics(y_true, m, np.asarray(w, dtype=float), named, zd,
                                       beta, pos) for m in models]})
    return comparisons


def main():
    rng = np.random.default_rng(SEED)
    cases = []
    for i in range(120):
        pool = POOLS[i % len(POOLS)]
        k = len(pool) if len(pool) == 2 else int(rng.integers(2, len(pool) + 1))
        pool = pool[:k]
        n = int(rng.integers(2, 50))
        y_true = [str(x) for x in rng.choice(pool, size=n)]
        y_pred = [t if rng.random() < 0.6 else str(rng.choice(pool)) for t in y_true]
        if i % 2 == 0:
            w = [int(v) for v in rng.integers(0, 5, size=n)]
        else:
            w = [float(round(v, 6)) if rng.random() > 0.1 else 0.0
                 for v in rng.uniform(0, 3, size=n)]
        if sum(w) == 0:
            w[0] = 1
        named = None
        if i % 7 == 3:
            named = sorted(set(y_true) | set(y_pred)) + ["never-seen"]
        zd = ["0", "1", "nan"][i % 3]
        beta = [0.5, 2.0][i % 2]
        cases.append({"name": f"weighted {i}", "y_true": y_true, "y_pred": y_pred,
                      "sample_weight": w, "labels": named, "zero_division": zd,
                      "beta": beta,
                      "expected": expected(y_true, y_pred, np.asarray(w, dtype=float),
                                           named, zd, beta)})
    comparisons = make_comparisons(rng)
    document = {"generator": "tools/make_weighted_goldens.py",
                "sklearn_version": sklearn.__version__, "cases": cases,
                "comparisons": comparisons}
    with open(OUT_PATH, "w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False, separators=(",", ":"))
        out.write("\n")
    print(f"wrote {OUT_PATH} ({len(cases)} cases, {len(comparisons)} comparisons)")


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    main()
