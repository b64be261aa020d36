#!/usr/bin/env python3
"""Generate scikit-learn golden cases for F1Kit's score-based metrics.

Run from the repository root:

    python3 tools/make_score_goldens.py

Needs: Python 3.9+ with ``pip install scikit-learn numpy`` (1.9.1 made the
committed file).  The script is deterministic (numpy Generator with a fixed
seed, and SplitMix64 for the generated cases) and writes
``fixtures/goldens/score-metrics.json``, which is committed.  The Swift tests
read that file directly, so ``swift test`` never needs Python.

What each metric is, as F1Kit defines it (scikit-learn where it has one):

* ``curves``: ``roc_curve`` (``drop_intermediate=True``; the first threshold,
  +inf, written as null, as NaN rates are) and ``precision_recall_curve`` for
  every binary case, keyed by the case's name.
* ``average_precision`` = ``average_precision_score`` for the positive label;
  null when no item is positive (scikit-learn warns and returns 0).
* ``roc_auc`` = ``roc_auc_score``; null with one gold class.
* ``log_loss`` = ``log_loss(labels=...)`` and ``brier_score`` =
  ``brier_score_loss(labels=...)`` when the scores are probabilities (binary:
  every score in [0, 1]; multiclass: every value in [0, 1] and every row
  summing to 1 within 0.005, as probabilities rounded when written do;
  scikit-learn computes both on such rows as given, with a warning), else
  null.
* ``ece``: 15 equal-width bins, bin k = [k/15, (k+1)/15) with the edges the
  correctly rounded doubles k/15 and 1.0 in the last bin; ECE = sum over bins
  of (n_k / n) * |acc_k - conf_k|.  Binary: the positive-class probability
  against the positive rate; multiclass: the top-label confidence (the first
  largest value, as ``numpy.argmax``) against the top-label accuracy.
  scikit-learn has no ECE, so this script is the reference.
* multiclass ``roc_auc_ovr_macro`` / ``roc_auc_ovr_weighted``: one-vs-rest on
  each class's own column (``roc_auc_score(label_binarize(y), scores,
  average=...)``, equal to ``multi_class="ovr"`` for probabilities);
  ``roc_auc_ovo_macro`` = ``roc_auc_score(multi_class="ovo")`` for
  probabilities whose rows pass scikit-learn's ``np.allclose(1, row sums)``
  (rounded rows do not), else null; ``average_precision_macro`` = one-vs-rest
  ``average_precision_score(label_binarize(y), scores, average="macro")``.
  Each is null when a class has no gold items (or every item is of one class).

Columns are in the sorted label order (numeric for integer labels, code-point
for strings), as scikit-learn requires of ``labels``.

The generated cases (``generated``) are not stored item by item: both this
script and the Swift tests rebuild them from SplitMix64 (Steele, Lea and
Flood 2014) with the recipe in ``splitmix_binary`` / ``splitmix_multiclass``.

The ``delong`` section holds DeLong et al. (1988) paired AUC tests computed
by the fast algorithm of Sun and Xu (2014), implemented below in numpy.
"""

import json
import math
import os
import warnings

import numpy as np
import sklearn
from scipy.stats import norm
from sklearn.metrics import (
    average_precision_score,
    brier_score_loss,
    log_loss,
    roc_auc_score,
)
from sklearn.preprocessing import label_binarize

SEED = 20261129
OUT_PATH = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "fixtures", "goldens", "score-metrics.json",
)
BINS = 15
EDGES = np.arange(BINS + 1) / float(BINS)
MASK64 = (1 << 64) - 1

STRING_POOL = ["neutral", "entailment", "contradiction", "Zebra", "é", "ant", "b,c"]
INT_POOL = [3, -1, 10, 0, 2, 7, 100]


def fnum(x):
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return None
    return x


# --------------------------------------------------------------------------
# SplitMix64, vectorised (state_i = seed + i * gamma, mod 2^64)
# --------------------------------------------------------------------------

def splitmix64(seed, count):
    """The first ``count`` outputs of SplitMix64 seeded with ``seed``."""
    gamma = np.uint64(0x9E3779B97F4A7C15)
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + gamma * np.arange(1, count + 1, dtype=np.uint64)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return z


def unit(words):
    """Doubles in [0, 1) from the top 53 bits."""
    return (words >> np.uint64(11)).astype(np.float64) * (2.0 ** -53)


def splitmix_binary(seed, n, prevalence, quantum):
    """Gold flags and positive-class probabilities for a generated case.

    Draw 2i is the gold uniform (positive when < prevalence), draw 2i+1 the
    score uniform u; the score is floor(((u + 0.35 * gold) / 1.35) * quantum)
    / quantum, a probability in [0, 1) with ties when quantum is small.
    """
    words = unit(splitmix64(seed, 2 * n))
    gold = words[0::2] < prevalence
    raw = (words[1::2] + 0.35 * gold) / 1.35
    return gold, np.floor(raw * quantum) / quantum


def splitmix_multiclass(seed, n, k):
    """Gold classes and probability rows for a generated multiclass case.

    Per item, k + 1 draws: the first picks the class floor(u * k); then one
    per class, e_j = u_j + 0.8 * (j == class) + 0.01; the row is e / sum(e)
    (summed left to right).
    """
    words = unit(splitmix64(seed, (k + 1) * n)).reshape(n, k + 1)
    gold = np.floor(words[:, 0] * k).astype(np.int64)
    e = words[:, 1:] + 0.8 * (np.arange(k)[None, :] == gold[:, None]) + 0.01
    total = np.zeros(n)
    for j in range(k):
        total = total + e[:, j]
    return gold, e / total[:, None]


# --------------------------------------------------------------------------
# references
# --------------------------------------------------------------------------

def bin_index(p):
    return np.minimum(np.searchsorted(EDGES, p, side="right") - 1, BINS - 1)


def ece(conf, correct):
    """Expected calibration error; sums in item order, as F1Kit does."""
    idx = bin_index(conf)
    n_k = np.bincount(idx, minlength=BINS).astype(np.float64)
    s_conf = np.bincount(idx, weights=conf, minlength=BINS)
    s_acc = np.bincount(idx, weights=correct.astype(np.float64), minlength=BINS)
    total = 0.0
    n = float(len(conf))
    for k in range(BINS):
        if n_k[k] == 0:
            continue
        total += (n_k[k] / n) * abs(s_acc[k] / n_k[k] - s_conf[k] / n_k[k])
    return total


def binary_expected(gold, scores):
    """F1Kit's binary score metrics for flags ``gold`` and ``scores``."""
    gold = np.asarray(gold, dtype=bool)
    scores = np.asarray(scores, dtype=np.float64)
    y = gold.astype(np.int64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ap = average_precision_score(y, scores) if gold.any() else None
        auc = roc_auc_score(y, scores) if gold.any() and (~gold).any() else None
        is_probability = bool(np.all((scores >= 0) & (scores <= 1)))
        if is_probability:
            ll = log_loss(y, scores, labels=[0, 1])
            brier = brier_score_loss(y, scores, labels=[0, 1])
            e = ece(scores, gold)
        else:
            ll = brier = e = None
    return {
        "average_precision": None if ap is None else fnum(ap),
        "roc_auc": None if auc is None else fnum(auc),
        "log_loss": None if ll is None else fnum(ll),
        "brier_score": None if brier is None else fnum(brier),
        "ece": None if e is None else fnum(e),
    }


def is_probability_rows(scores):
    if not np.all((scores >= 0) & (scores <= 1)):
        return False
    total = np.zeros(scores.shape[0])
    for j in range(scores.shape[1]):
        total = total + scores[:, j]
    return bool(np.all(np.abs(total - 1) <= 0.005))


def sums_to_one(scores):
    """scikit-learn's check for multiclass ROC-AUC: np.allclose(1, row sums)."""
    total = np.zeros(scores.shape[0])
    for j in range(scores.shape[1]):
        total = total + scores[:, j]
    return bool(np.all(np.abs(1 - total) <= 1e-8 + 1e-5 * np.abs(total)))


def multiclass_expected(gold, scores, k):
    """F1Kit's multiclass score metrics for class indices ``gold``."""
    gold = np.asarray(gold, dtype=np.int64)
    scores = np.asarray(scores, dtype=np.float64)
    classes = list(range(k))
    every_class = len(np.unique(gold)) == k
    probabilities = is_probability_rows(scores)
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if every_class:
            onehot = label_binarize(gold, classes=classes)
            out["roc_auc_ovr_macro"] = fnum(roc_auc_score(onehot, scores, average="macro"))
            out["roc_auc_ovr_weighted"] = fnum(
                roc_auc_score(onehot, scores, average="weighted"))
            out["average_precision_macro"] = fnum(
                average_precision_score(onehot, scores, average="macro"))
            if probabilities and sums_to_one(scores):
                ovr = roc_auc_score(gold, scores, multi_class="ovr", labels=classes)
                assert abs(ovr - out["roc_auc_ovr_macro"]) < 1e-14
                out["roc_auc_ovo_macro"] = fnum(
                    roc_auc_score(gold, scores, multi_class="ovo", labels=classes))
            else:
                out["roc_auc_ovo_macro"] = None
        else:
            for key in ("roc_auc_ovr_macro", "roc_auc_ovr_weighted",
                        "average_precision_macro", "roc_auc_ovo_macro"):
                out[key] = None
        if probabilities:
            out["log_loss"] = fnum(log_loss(gold, scores, labels=classes))
            out["brier_score"] = fnum(brier_score_loss(gold, scores, labels=classes))
            top = np.argmax(scores, axis=1)
            out["ece"] = fnum(ece(scores[np.arange(len(gold)), top], top == gold))
        else:
            out["log_loss"] = out["brier_score"] = out["ece"] = None
    return out


# --------------------------------------------------------------------------
# DeLong (fast algorithm of Sun and Xu 2014), paired test of two AUCs
# --------------------------------------------------------------------------

def midrank(x):
    order = np.argsort(x, kind="mergesort")
    z = x[order]
    n = len(x)
    t = np.zeros(n)
    i = 0
    while i < n:
        j = i
        while j < n and z[j] == z[i]:
            j += 1
        t[i:j] = 0.5 * (i + j - 1) + 1
        i = j
    out = np.empty(n)
    out[order] = t
    return out


def delong(gold, first, second):
    """AUCs, their covariance and the paired z test (second - first)."""
    gold = np.asarray(gold, dtype=bool)
    pos = [np.asarray(s)[gold] for s in (first, second)]
    neg = [np.asarray(s)[~gold] for s in (first, second)]
    m, n = len(pos[0]), len(neg[0])
    aucs, v01, v10 = [], [], []
    for r in range(2):
        tx = midrank(pos[r])
        ty = midrank(neg[r])
        tz = midrank(np.concatenate([pos[r], neg[r]]))
        aucs.append(tz[:m].sum() / m / n - (m + 1.0) / 2.0 / n)
        v01.append((tz[:m] - tx) / n)
        v10.append(1.0 - (tz[m:] - ty) / m)
    sx = np.cov(np.vstack(v01))
    sy = np.cov(np.vstack(v10))
    cov = sx / m + sy / n
    var = cov[0, 0] + cov[1, 1] - 2 * cov[0, 1]
    diff = aucs[1] - aucs[0]
    z = diff / math.sqrt(var) if var > 0 else None
    p = 2 * norm.sf(abs(z)) if z is not None else None
    return {
        "auc_first": fnum(aucs[0]), "auc_second": fnum(aucs[1]),
        "variance_first": fnum(cov[0, 0]), "variance_second": fnum(cov[1, 1]),
        "covariance": fnum(cov[0, 1]),
        "statistic": None if z is None else fnum(z),
        "p_value": None if p is None else fnum(p),
    }


# --------------------------------------------------------------------------
# case builders
# --------------------------------------------------------------------------

def labels_for(kind, k, rng):
    pool = STRING_POOL if kind == "string" else INT_POOL
    chosen = list(rng.choice(len(pool), size=k, replace=False))
    values = [pool[i] for i in chosen]
    return sorted(values) if kind == "int" else sorted(values, key=lambda s: [ord(c) for c in s])


class Builder:
    def __init__(self):
        self.binary = []
        self.multiclass = []
        self.names = set()

    def _name(self, name):
        assert name not in self.names, name
        self.names.add(name)
        return name

    def add_binary(self, name, kind, gold, scores, rng):
        gold = np.asarray(gold, dtype=bool)
        labels = labels_for(kind, 2, rng)
        pos_label = labels[int(rng.integers(2))]
        neg_label = labels[0] if pos_label == labels[1] else labels[1]
        y_true = [pos_label if g else neg_label for g in gold]
        # Check the flags against scikit-learn's own pos_label handling.
        native = np.array(y_true, dtype=object if kind == "string" else np.int64)
        expected = binary_expected(gold, scores)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if expected["average_precision"] is not None:
                check = average_precision_score(native, scores, pos_label=pos_label)
                assert check == expected["average_precision"], name
        self.binary.append({
            "name": self._name(name),
            "label_kind": kind,
            "y_true": [str(v) for v in y_true],
            "pos_label": str(pos_label),
            "scores": [float(s) for s in scores],
            "expected": expected,
        })

    def add_multiclass(self, name, kind, k, gold, scores, rng):
        labels = labels_for(kind, k, rng)
        self.multiclass.append({
            "name": self._name(name),
            "label_kind": kind,
            "labels": [str(v) for v in labels],
            "y_true": [str(labels[g]) for g in gold],
            "scores": [[float(v) for v in row] for row in scores],
            "expected": multiclass_expected(gold, scores, k),
        })


def softmax(logits):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def binary_cases(b, rng):
    kinds = ["string", "int"]
    count = 0
    for n in [1, 2, 3, 4, 5, 7, 10, 16, 33, 64, 100, 257, 1000]:
        for style in ["continuous", "rounded", "coarse", "logit", "integer"]:
            for rep in range(2):
                count += 1
                kind = kinds[count % 2]
                prevalence = [0.5, 0.1, 0.9][count % 3]
                gold = rng.random(n) < prevalence
                signal = rng.normal(size=n) + 1.2 * gold
                if style == "continuous":
                    scores = 1 / (1 + np.exp(-signal))
                elif style == "rounded":
                    scores = np.round(1 / (1 + np.exp(-signal)), 2)
                elif style == "coarse":
                    scores = np.round(1 / (1 + np.exp(-signal)) * 4) / 4
                elif style == "logit":
                    scores = signal * 3
                else:
                    scores = np.round(signal * 2)
                b.add_binary(f"binary-{style}-n{n}-{rep}", kind, gold, scores, rng)

    # Edge cases.
    b.add_binary("binary-constant-probability", "string", [1, 0, 1, 1, 0, 0, 0], [0.5] * 7, rng)
    b.add_binary("binary-constant-logit", "int", [1, 0, 1, 0], [3.0] * 4, rng)
    b.add_binary("binary-all-positive", "string", [1, 1, 1], [0.2, 0.9, 0.5], rng)
    b.add_binary("binary-all-negative", "int", [0, 0, 0, 0], [0.2, 0.9, 0.5, 0.5], rng)
    b.add_binary("binary-one-positive-item", "string", [1], [0.7], rng)
    b.add_binary("binary-one-negative-item", "int", [0], [0.7], rng)
    b.add_binary("binary-perfect", "int", [0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], rng)
    b.add_binary("binary-reversed", "string", [0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1], rng)
    b.add_binary("binary-exact-zero-and-one", "string", [1, 0, 1, 0, 1], [1.0, 0.0, 0.0, 1.0, 0.5], rng)
    b.add_binary("binary-confident-right", "int", [1, 0], [1.0, 0.0], rng)
    b.add_binary("binary-bin-edges", "string", [1, 0, 1, 0, 1, 0, 1, 1],
                 [k / 15 for k in range(0, 16, 2)], rng)
    b.add_binary("binary-bin-edges-all", "int", [k % 2 == 0 for k in range(16)],
                 [k / 15 for k in range(16)], rng)
    b.add_binary("binary-all-tied-pairs", "string", [1, 0, 1, 0, 1, 0], [0.3, 0.3, 0.6, 0.6, 0.9, 0.9], rng)
    b.add_binary("binary-negative-scores", "int", [1, 0, 0, 1, 1], [-0.5, -2.0, -0.5, 4.0, -0.1], rng)
    b.add_binary("binary-just-above-one", "string", [1, 0, 1], [1.0000001, 0.2, 0.7], rng)
    b.add_binary("binary-tiny-differences", "int", [1, 0, 1, 0],
                 [0.5, np.nextafter(0.5, 1), np.nextafter(0.5, 0), 0.5], rng)
    b.add_binary("binary-huge-logits", "string", [1, 0, 1, 0, 0], [1e300, -1e300, 5e299, 1e-300, 0.0], rng)


def multiclass_cases(b, rng):
    count = 0
    for n in [3, 5, 8, 12, 30, 100, 400]:
        for k in [3, 4, 6]:
            for style in ["softmax", "coarse", "logit", "dirichlet", "rounded"]:
                count += 1
                kind = "string" if count % 2 else "int"
                if n < k and style != "logit":
                    continue
                gold = rng.integers(k, size=n)
                gold[:k] = np.arange(k) if n >= k else gold[:k]
                rng.shuffle(gold)
                logits = rng.normal(size=(n, k)) + 1.5 * np.eye(k)[gold]
                if style == "softmax":
                    scores = softmax(logits)
                elif style == "coarse":
                    # A few fixed rows: many ties, exact probability vectors.
                    rows = np.array([[0.5, 0.25, 0.25] + [0.0] * (k - 3),
                                     [0.25, 0.5, 0.25] + [0.0] * (k - 3),
                                     [0.125, 0.125, 0.75] + [0.0] * (k - 3),
                                     [1.0 / k] * k])
                    pick = np.where(rng.random(n) < 0.6, np.minimum(gold, 2), rng.integers(4, size=n))
                    scores = rows[pick]
                elif style == "logit":
                    scores = logits * 2
                elif style == "rounded":
                    # Probabilities written with df.round(3): rows miss 1
                    # by up to about 0.0015.
                    scores = np.round(softmax(logits), 3)
                else:
                    scores = rng.dirichlet(np.ones(k) + 2 * np.eye(k)[0], size=n)
                    scores = scores[:, np.argsort(rng.random(k))]
                b.add_multiclass(f"multiclass-{style}-k{k}-n{n}", kind, k, gold, scores, rng)

    b.add_multiclass("multiclass-absent-class", "string", 3, [0, 1, 0, 1],
                     softmax(rng.normal(size=(4, 3))), rng)
    b.add_multiclass("multiclass-one-gold-class", "int", 3, [2, 2, 2],
                     softmax(rng.normal(size=(3, 3))), rng)
    b.add_multiclass("multiclass-constant-rows", "string", 3, [0, 1, 2, 0, 1, 2],
                     np.full((6, 3), 1.0 / 3), rng)
    b.add_multiclass("multiclass-one-hot-rows", "int", 4, [0, 1, 2, 3, 0, 2],
                     np.eye(4)[[0, 1, 2, 2, 3, 2]], rng)
    b.add_multiclass("multiclass-rows-off-by-1e-5", "string", 3, [0, 1, 2, 1],
                     np.array([[0.5, 0.3, 0.20001], [0.2, 0.6, 0.2], [0.1, 0.1, 0.8], [0.3, 0.4, 0.3]]), rng)
    b.add_multiclass("multiclass-argmax-tie", "int", 3, [0, 1, 2, 1, 0],
                     np.array([[0.4, 0.4, 0.2], [0.4, 0.4, 0.2], [0.2, 0.4, 0.4], [0.5, 0.25, 0.25],
                               [0.25, 0.25, 0.5]]), rng)


def generated_cases():
    out = []
    for name, seed, n, prevalence, quantum in [
        ("generated-binary-1m", 0x5EED0001, 1_000_000, 0.3, 4096.0),
        ("generated-binary-200k-fine", 0x5EED0002, 200_000, 0.05, 2.0 ** 40),
    ]:
        gold, scores = splitmix_binary(seed, n, prevalence, quantum)
        out.append({"name": name, "kind": "binary", "seed": seed, "n": n,
                    "prevalence": prevalence, "quantum": quantum,
                    "expected": binary_expected(gold, scores)})
    for name, seed, n, k in [("generated-multiclass-300k", 0x5EED0003, 300_000, 4)]:
        gold, scores = splitmix_multiclass(seed, n, k)
        out.append({"name": name, "kind": "multiclass", "seed": seed, "n": n, "classes": k,
                    "expected": multiclass_expected(gold, scores, k)})
    return out


def delong_cases(rng):
    out = []
    for n, prevalence, correlation, style in [
        (20, 0.5, 0.5, "continuous"), (50, 0.3, 0.8, "rounded"), (200, 0.5, 0.0, "continuous"),
        (500, 0.2, 0.6, "rounded"), (1000, 0.5, 0.9, "continuous"), (3000, 0.1, 0.7, "coarse"),
        (7, 0.5, 0.5, "coarse"), (100, 0.5, 1.0, "identical"),
    ]:
        gold = rng.random(n) < prevalence
        gold[0], gold[1] = True, False
        shared = rng.normal(size=n)
        first = shared + 1.0 * gold
        second = correlation * shared + math.sqrt(1 - correlation ** 2) * rng.normal(size=n) + 1.2 * gold
        if style == "rounded":
            first, second = np.round(first, 1), np.round(second, 1)
        elif style == "coarse":
            first, second = np.round(first), np.round(second)
        elif style == "identical":
            second = first.copy()
        case = {"name": f"delong-{style}-n{n}", "gold": [bool(g) for g in gold],
                "first": [float(v) for v in first], "second": [float(v) for v in second]}
        case["expected"] = delong(gold, first, second)
        assert abs(case["expected"]["auc_first"] - roc_auc_score(gold, first)) < 1e-12
        out.append(case)
    return out


def nullable(values):
    return [None if (math.isnan(v) or math.isinf(v)) else float(v) for v in values]


def curve_cases(binary):
    """roc_curve and precision_recall_curve on every binary case."""
    from sklearn.metrics import precision_recall_curve, roc_curve
    out = []
    for case in binary:
        gold = np.array([v == case["pos_label"] for v in case["y_true"]], dtype=int)
        scores = np.array(case["scores"])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fpr, tpr, roc_thresholds = roc_curve(gold, scores, pos_label=1)
            precision, recall, pr_thresholds = precision_recall_curve(gold, scores, pos_label=1)
        out.append({
            "name": case["name"],
            "roc": {"fpr": nullable(fpr), "tpr": nullable(tpr),
                    "thresholds": nullable(roc_thresholds)},
            "pr": {"precision": nullable(precision), "recall": nullable(recall),
                   "thresholds": nullable(pr_thresholds)},
        })
    return out


def main():
    rng = np.random.default_rng(SEED)
    b = Builder()
    binary_cases(b, rng)
    multiclass_cases(b, rng)
    doc = {
        "generator": "tools/make_score_goldens.py",
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "ece_bins": BINS,
        "binary": b.binary,
        "multiclass": b.multiclass,
        "generated": generated_cases(),
        "delong": delong_cases(rng),
        "curves": curve_cases(b.binary),
    }
    text = json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    os.makedirs(os.path.dirname(OUT_PATH), exist_ok=True)
    with open(OUT_PATH + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
        f.write("\n")
    os.replace(OUT_PATH + ".tmp", OUT_PATH)
    total = len(b.binary) + len(b.multiclass) + len(doc["generated"]) + len(doc["delong"])
    print(f"wrote {OUT_PATH}: {len(b.binary)} binary, {len(b.multiclass)} multiclass, "
          f"{len(doc['generated'])} generated, {len(doc['delong'])} DeLong cases ({total} total)")


if __name__ == "__main__":
    main()
