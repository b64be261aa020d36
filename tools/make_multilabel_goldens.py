#!/usr/bin/env python3
"""Generate scikit-learn golden cases for F1Kit's multilabel metrics.

Run from the repository root:

    python3 tools/make_multilabel_goldens.py

Needs: Python 3.9+ with ``pip install scikit-learn numpy`` (scikit-learn
1.9.1 was used).  Deterministic (numpy Generator, fixed seed); writes
``fixtures/goldens/multilabel.json``, which is committed, so ``swift test``
never needs Python.

Each case holds gold and predicted label sets (lists of strings), the
``--labels`` list or null, the zero-division setting ("0", "1" or "nan"), an
F-beta's beta, and sample weights or null.  The label order F1Kit must use
is ``label_order``: the named labels first, then every other label that
occurs in F1Kit's default order (numeric when every label is an integer,
code point otherwise).  The indicator matrices have one column per label in
that order; metrics that take ``labels=`` in scikit-learn are given the
column indices of the named labels (all columns when none are named), while
``accuracy_score`` and ``hamming_loss`` see every column, as they do on an
indicator matrix.

Expected values come from scikit-learn: ``precision_recall_fscore_support``
(per label, micro, macro, weighted, samples; beta 1 and the case's beta),
``jaccard_score``, ``accuracy_score`` (subset accuracy), ``hamming_loss`` and
``multilabel_confusion_matrix``.  scikit-learn's ``jaccard_score`` accepts
zero_division 0 or 1 only; for "nan" the expected Jaccard values are F1Kit's
documented definition, computed here from scikit-learn's multilabel
confusion matrices: an undefined score is NaN and every average leaves NaN
out, exactly as ``precision_recall_fscore_support`` does with
zero_division=np.nan.  NaN is written as null.
"""

import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (
    accuracy_score,
    hamming_loss,
    jaccard_score,
    multilabel_confusion_matrix,
    precision_recall_fscore_support,
)

SEED = 20261129
N_RANDOM = 300
OUT_PATH = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "fixtures", "goldens", "multilabel.json",
)
ZD = {"0": 0.0, "1": 1.0, "nan": np.nan}
POOLS = [
    ["sports", "politics", "tech", "health", "music", "film", "travel", "food"],
    ["é", "Ω", "日本", "Zebra", "apple", "e", "Z", "ä"],
    ["10", "2", "-1", "0", "100", "9", "1", "20"],
    ["a,b", 'say "hi"', "two words", "accuracy", "x", "samples avg", "[", "null"],
]


def fnum(x):
    x = float(x)
    if np.isnan(x):
        return None
    assert np.isfinite(x)
    return x


def is_integer(label):
    body = label[1:] if label.startswith("-") else label
    return body != "" and all("0" <= c <= "9" for c in body)


def default_order(labels):
    distinct = sorted(set(labels))  # Python sorts str by code point
    if distinct and all(is_integer(x) for x in distinct):
        distinct.sort(key=lambda s: (int(s), s))
    return distinct


def label_order(gold, pred, named):
    occurring = [x for s in gold + pred for x in s]
    if named is None:
        return default_order(occurring)
    rest = default_order([x for x in occurring if x not in set(named)])
    return list(named) + rest


def indicator(sets, order):
    index = {label: i for i, label in enumerate(order)}
    matrix = np.zeros((len(sets), len(order)), dtype=int)
    for row, labels in enumerate(sets):
        for label in labels:
            matrix[row, index[label]] = 1
    return matrix


def nan_average(values, weights=None):
    values = np.asarray(values, dtype=float)
    mask = ~np.isnan(values)
    if not mask.any():
        return np.nan
    if weights is None:
        return float(values[mask].mean())
    weights = np.asarray(weights, dtype=float)[mask]
    if weights.sum() == 0:
        return float(values[mask].mean())
    return float(np.average(values[mask], weights=weights))


def jaccard_nan(Y, P, columns, weights):
    """F1Kit's Jaccard under zero_division="nan" (scikit-learn has none)."""
    mcm = multilabel_confusion_matrix(Y, P, labels=columns, sample_weight=weights)
    tp, fp, fn = mcm[:, 1, 1], mcm[:, 0, 1], mcm[:, 1, 0]
    with np.errstate(invalid="ignore", divide="ignore"):
        per_label = np.where(tp + fp + fn > 0, tp / (tp + fp + fn), np.nan)
        micro_den = (tp + fp + fn).sum()
        micro = tp.sum() / micro_den if micro_den > 0 else np.nan
        smcm = multilabel_confusion_matrix(
            Y, P, labels=columns, sample_weight=weights, samplewise=True)
        stp, sfp, sfn = smcm[:, 1, 1], smcm[:, 0, 1], smcm[:, 1, 0]
        samples = np.where(stp + sfp + sfn > 0, stp / (stp + sfp + sfn), np.nan)
    return {
        "per_label": [fnum(v) for v in per_label],
        "micro": fnum(micro),
        "macro": fnum(nan_average(per_label)),
        "weighted": fnum(nan_average(per_label, tp + fn)),
        "samples": fnum(nan_average(samples, weights)),
    }


def expected(gold, pred, named, zd_key, beta, weights):
    order = label_order(gold, pred, named)
    Y, P = indicator(gold, order), indicator(pred, order)
    # scikit-learn reads a one-column indicator matrix as a binary target;
    # an all-zero second column keeps it multilabel for the metrics that
    # take labels= (they never see that column).
    Yl, Pl = Y, P
    if Y.shape[1] == 1:
        Yl, Pl = np.hstack([Y, 0 * Y]), np.hstack([P, 0 * P])
    evaluated = len(named) if named is not None else len(order)
    columns = list(range(evaluated))
    zd = ZD[zd_key]
    w = None if weights is None else np.asarray(weights, dtype=float)
    out = {"label_order": order}
    kw = dict(labels=columns, zero_division=zd, sample_weight=w)
    p, r, f, s = precision_recall_fscore_support(Yl, Pl, average=None, **kw)
    _, _, fb, _ = precision_recall_fscore_support(Yl, Pl, average=None, beta=beta, **kw)
    out["per_label"] = {
        "precision": [fnum(v) for v in p], "recall": [fnum(v) for v in r],
        "f1": [fnum(v) for v in f], "fbeta": [fnum(v) for v in fb],
        "support": [fnum(v) for v in s],
    }
    for average in ("micro", "macro", "weighted", "samples"):
        p, r, f, _ = precision_recall_fscore_support(Yl, Pl, average=average, **kw)
        _, _, fb, _ = precision_recall_fscore_support(
            Yl, Pl, average=average, beta=beta, **kw)
        out[average] = {"precision": fnum(p), "recall": fnum(r), "f1": fnum(f),
                        "fbeta": fnum(fb)}
    if zd_key == "nan":
        out["jaccard"] = jaccard_nan(Yl, Pl, columns, w)
    else:
        jkw = dict(labels=columns, zero_division=zd, sample_weight=w)
        out["jaccard"] = {
            "per_label": [fnum(v) for v in jaccard_score(Yl, Pl, average=None, **jkw)],
            **{a: fnum(jaccard_score(Yl, Pl, average=a, **jkw))
               for a in ("micro", "macro", "weighted", "samples")},
        }
    out["subset_accuracy"] = fnum(accuracy_score(Y, P, sample_weight=w))
    out["hamming_loss"] = fnum(hamming_loss(Y, P, sample_weight=w))
    mcm = multilabel_confusion_matrix(Yl, Pl, labels=columns, sample_weight=w)
    out["label_confusion"] = [[[fnum(c) for c in row] for row in m] for m in mcm]
    return out


def random_sets(rng, pool, n, p_label, p_empty):
    sets = []
    for _ in range(n):
        if rng.random() < p_empty:
            sets.append([])
        else:
            sets.append([x for x in pool if rng.random() < p_label])
    return sets


def noisy(rng, gold, pool, flip):
    pred = []
    for labels in gold:
        chosen = set(labels)
        for x in pool:
            if rng.random() < flip:
                chosen ^= {x}
        pred.append([x for x in pool if x in chosen])
    return pred


def random_weights(rng, n, kind):
    if kind == "none":
        return None
    if kind == "integer":
        w = [int(v) for v in rng.integers(0, 5, size=n)]
    else:
        w = [float(round(v, 6)) for v in rng.uniform(0, 3, size=n)]
        for i in range(n):
            if rng.random() < 0.1:
                w[i] = 0.0
    if sum(w) == 0:
        w[0] = 1 if kind == "integer" else 0.5
    return w


def make_case(name, gold, pred, named=None, zd="0", beta=2.0, weights=None):
    return {"name": name, "gold": gold, "pred": pred, "labels": named,
            "zero_division": zd, "beta": beta, "sample_weight": weights,
            "expected": expected(gold, pred, named, zd, beta, weights)}


def edge_cases():

    cases = []
    for zd in ZD:
        cases += [
            make_case(f"empty gold sets (zd={zd})", [[], [], []],
                      [["sports"], [], ["tech", "health"]], zd=zd),
            make_case(f"empty predicted sets (zd={zd})", [["sports"], ["tech"], []],
                      [[], [], []], zd=zd),
            make_case(f"everything empty but --labels (zd={zd})", [[], []], [[], []],
                      named=["sports", "tech"], zd=zd),
            make_case(f"a label never predicted (zd={zd})",
                      [["sports", "tech"], ["tech"], ["music"]],
                      [["sports"], ["sports"], []], zd=zd),
            make_case(f"a single label (zd={zd})", [["x"], [], ["x"], []],
                      [["x"], ["x"], [], []], zd=zd),
            make_case(f"a single label, one item (zd={zd})", [["x"]], [["x"]], zd=zd),
            make_case(f"--labels names labels that never occur (zd={zd})",
                      [["sports"], ["tech", "sports"]], [["sports", "tech"], []],
                      named=["ghost", "sports", "phantom"], zd=zd),
            make_case(f"--labels subset in another order (zd={zd})",
                      [["a", "b"], ["c"], ["b", "c"]], [["b"], ["c", "a"], ["b"]],
                      named=["c", "a"], zd=zd),
            make_case(f"unicode labels (zd={zd})", [["é", "日本"], ["Ω"], []],
                      [["日本"], ["Ω", "é"], ["ä"]], zd=zd),
            make_case(f"zero weights (zd={zd})", [["a"], ["b"], ["a", "b"], []],
                      [["a"], [], ["b"], ["a"]], zd=zd, weights=[0, 2, 0, 1]),
            make_case(f"fractional weights (zd={zd})", [["a"], ["b"], ["a", "b"], []],
                      [["a"], [], ["b"], ["a"]], zd=zd, weights=[0.25, 1.5, 0.0, 3.125]),
            make_case(f"perfect predictions (zd={zd})", [["a", "b"], ["b"]],
                      [["a", "b"], ["b"]], zd=zd, beta=0.5),
        ]
    return cases


def main():
    rng = np.random.default_rng(SEED)
    cases = edge_cases()
    for i in range(N_RANDOM):
        pool = list(POOLS[i % len(POOLS)][: int(rng.integers(1, 9))])
        n = int(rng.integers(1, 41))
        gold = random_sets(rng, pool, n, rng.uniform(0.1, 0.6), rng.uniform(0, 0.3))
        pred = noisy(rng, gold, pool, rng.uniform(0, 0.4))
        occurring = sorted({x for s in gold + pred for x in s})
        named = None
        choice = rng.random()
        if choice < 0.15 and occurring:
            named = list(rng.permutation(occurring)[: int(rng.integers(1, len(occurring) + 1))])
        elif choice < 0.25:
            named = [str(x) for x in rng.permutation(pool)] + ["never-seen"]
        if named is None and not occurring:
            named = pool[:1]
        zd = ["0", "1", "nan"][i % 3]
        beta = [0.5, 2.0, 3.0][(i // 3) % 3]
        weights = random_weights(rng, n, ["none", "integer", "fractional"][(i // 9) % 3])
        cases.append(make_case(f"random {i}", gold, pred, named, zd, beta, weights))
    document = {"generator": "tools/make_multilabel_goldens.py",
                "sklearn_version": sklearn.__version__, "cases": cases}
    with open(OUT_PATH, "w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False, indent=None, separators=(",", ":"))
        out.write("\n")
    print(f"wrote {OUT_PATH} ({len(cases)} cases)")


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    main()
