#!/usr/bin/env python3
"""Differential check of `f1kit evaluate` against scikit-learn on random inputs.

Each case builds a pandas DataFrame of random labels (strings with spaces,
quotes and Unicode, ints, floats with NaN rows, booleans), optional sample
weights and scores, writes it the way a Python user would (``df.to_csv()``
with or without the index, TSV, JSON Lines), runs

    f1kit evaluate FILE ... --format json

and compares every numeric key that has a scikit-learn counterpart with the
value scikit-learn computes on the in-memory arrays (tolerance 1e-12).  It
also records crashes, multi-line error messages, exit 0 where scikit-learn
raises, and UndefinedMetricWarnings that F1Kit does not mention.

Usage:

    swift build -c release --product f1kit
    nice python3 tools/differential_evaluate.py --seed 1 --cases 3000 --minutes 15 \
        --out /tmp/f1kit-differential
    python3 tools/differential_evaluate_findings.py /tmp/f1kit-differential/findings.jsonl -v

Writes OUT/findings.jsonl (one record per problem, with the case's files
and the command) and OUT/summary.json; prints a summary.  Each finding's
files are kept under OUT/cases/<id>/ so the command can be rerun there.
Needs scikit-learn (1.9), numpy, pandas.
"""

import argparse
import io
import json
import math
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter, defaultdict

import numpy as np
import pandas as pd
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    balanced_accuracy_score,
    brier_score_loss,
    cohen_kappa_score,
    confusion_matrix,
    hamming_loss,
    jaccard_score,
    log_loss,
    matthews_corrcoef,
    multilabel_confusion_matrix,
    precision_recall_fscore_support,
    roc_auc_score,
)
from sklearn.preprocessing import label_binarize

TOL = 1e-12

STR_POOLS = [
    ["cat", "dog", "bird", "fish", "horse", "ant", "eel", "yak"],
    ["é", "Ω", "日本", "Zebra", "apple", "e", "Z", "ä", "e\u0301"],
    ["two words", " lead", "trail ", 'say "hi"', "it's", "a,b", "macro avg", "x"],
    ["entailment", "neutral", "contradiction"],
    ["Pos", "neg", "POS", "Neg"],
    ["10", "cat", "2", "dog"],  # numbers beside text: kept as written
]
INT_POOLS = [[0, 1], [-1, 1], [0, 1, 2], [2, 10, -1, 0, 7, 100, -20, 3], [1, 2, 3, 4, 5]]
FLOAT_POOLS = [[0.0, 1.0], [0.0, 1.0, 2.0], [-1.0, 1.0], [3.0, 1.0, 2.0, 10.0]]


# ---------------------------------------------------------------- helpers

def fk_label(v):
    """How F1Kit spells an in-memory label."""
    if isinstance(v, (bool, np.bool_)):
        return "True" if v else "False"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        v = float(v)
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


def norm_label(s):
    if s in ("true", "false", "True", "False"):
        return s.lower()
    try:
        return float(s)
    except ValueError:
        return s


DOCUMENTED_REFUSALS = (
    "cannot tell which", "share none of the gold labels", "carry a predicted label the gold labels never use",
    "none of the labels to evaluate", "applies to binary problems", "thresholded score needs exactly two labels",
    "--weight-column takes labels", "duplicate id",
)


def close(a, b):
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    if b is None or (isinstance(b, float) and math.isnan(b)):
        return False
    return abs(float(a) - float(b)) <= TOL * max(1.0, abs(float(b)))


def fnum(x):
    x = float(x)
    return None if math.isnan(x) else x


def sk_call(fn, *a, **k):
    """Run a scikit-learn function; returns (value | 'raises', warnings)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = fn(*a, **k)
        except Exception as error:  # noqa: BLE001
            return Raised(str(error)), caught
    return value, caught


class Raised:
    def __init__(self, message):
        self.message = message


def undefined_warned(caught):
    return any(issubclass(w.category, UndefinedMetricWarning) for w in caught)


# ---------------------------------------------------------------- writing

def write_frame(df, rng, fmt, index_mode):
    """Returns (file name, bytes) for a DataFrame written as a user would."""
    if fmt == "jsonl":
        data = df.to_json(orient="records", lines=True, force_ascii=rng.random() < 0.5)
        return "pred.jsonl", data.encode()
    kwargs = {}
    if index_mode == "none":
        kwargs["index"] = False
    elif index_mode == "shuffled":
        df = df.sample(frac=1.0, random_state=int(rng.integers(1 << 30)))
    elif index_mode == "named":
        df = df.reset_index()
        kwargs["index"] = False
    if fmt == "tsv":
        return "pred.tsv", df.to_csv(sep="\t", **kwargs).encode()
    return "pred.csv", df.to_csv(**kwargs).encode()


def file_scores(name, data, columns):
    """The scores as the written file holds them."""
    if name.endswith(".jsonl"):
        rows = [json.loads(line) for line in data.decode().splitlines() if line.strip()]
        if columns == ["scores"]:
            return np.array([r["scores"] for r in rows], dtype=float)
        return np.array([[r[col] for col in columns] for r in rows], dtype=float)
    df = pd.read_csv(io.BytesIO(data), sep="\t" if name.endswith(".tsv") else ",", dtype=str,
                     keep_default_na=False)
    return df[columns].astype(float).to_numpy()


def file_weights(name, data, w):
    """The weights as the written file holds them (to_json keeps 10 digits)."""
    if w is None or not name.endswith(".jsonl"):
        return w
    return np.array([json.loads(line)["weight"] for line in data.decode().splitlines() if line.strip()],
                    dtype=float)


def labels_arg(labels):
    strs = [fk_label(l) for l in labels]
    if any(c in s for s in strs for c in ',"\' ') or any(s != s.strip() for s in strs):
        return json.dumps(strs, ensure_ascii=False)
    return ",".join(strs)


# ---------------------------------------------------------------- cases

class Case:
    def __init__(self, kind):
        self.kind = kind
        self.files = {}
        self.args = []
        self.ref = {}  # json path -> value
        self.sk_raises = None  # message when scikit-learn refuses
        self.sk_warns = None  # True/False/None (unknown)
        self.tags = []


def pick_labels(rng, k):
    kind = rng.choice(["str", "str", "int", "float", "bool", "float_nan"], p=[.3, .15, .25, .12, .1, .08])
    if kind == "bool":
        return kind, [False, True][: max(1, min(k, 2))]
    if kind == "str":
        pool = list(STR_POOLS[rng.integers(len(STR_POOLS))])
        while len(pool) < k:
            pool.append(f"c{len(pool)} ü")
        rng.shuffle(pool)
        return kind, pool[:k]
    if kind == "int":
        pool = list(INT_POOLS[rng.integers(len(INT_POOLS))])
        while len(pool) < k:
            pool.append(1000 + len(pool))
        rng.shuffle(pool)
        return kind, pool[:k]
    pool = list(FLOAT_POOLS[rng.integers(len(FLOAT_POOLS))])
    while len(pool) < k:
        pool.append(float(len(pool)) + 20.0)
    rng.shuffle(pool)
    return kind, pool[:k]


def random_n(rng):
    r = rng.random()
    if r < 0.12:
        return int(rng.integers(1, 4))
    if r < 0.03 + 0.12:
        return 10000
    if r < 0.6:
        return int(rng.integers(4, 40))
    return int(rng.integers(40, 600))


def draw(rng, values, n, skew):
    p = rng.dirichlet(np.ones(len(values)) * skew)
    idx = rng.choice(len(values), size=n, p=p)
    return [values[i] for i in idx]


def weights_for(rng, n):
    kind = rng.choice(["int", "frac", "zeros"])
    if kind == "int":
        w = rng.integers(0, 4, size=n).astype(float)
    elif kind == "frac":
        w = np.round(rng.random(n) * 3, int(rng.integers(1, 4)))
    else:
        w = rng.random(n)
        w[rng.random(n) < 0.4] = 0.0
    if w.sum() == 0:
        w[0] = 1.0
    return w


def single_label_case(rng):
    c = Case("labels")
    k = int(rng.choice([1, 2, 2, 2, 3, 4, 6, 12, 50], p=[.06, .3, .1, .04, .18, .1, .1, .07, .05]))
    kind, values = pick_labels(rng, k + 2)
    k = min(k, len(values))
    gold_values = values[:k]
    # predictions may hold labels gold does not, and miss some gold labels
    pred_values = list(values[:k])
    if rng.random() < 0.3 and len(values) > k:
        pred_values.append(values[k])
        c.tags.append("pred-only-label")
    if rng.random() < 0.2 and len(pred_values) > 1:
        pred_values.pop(int(rng.integers(len(pred_values))))
        c.tags.append("gold-only-label")
    n = random_n(rng)
    if n >= 10000:
        c.tags.append("big")
    skew = float(rng.choice([0.3, 1.0, 5.0]))
    gold = draw(rng, gold_values, n, skew)
    acc = rng.random()
    pred = [g if rng.random() < acc and g in pred_values else pred_values[rng.integers(len(pred_values))]
            for g in gold]
    c.tags.append(f"kind:{kind}")
    if kind == "float_nan":
        gold = [float(g) for g in gold]
        pred = [float(p) for p in pred]
        for i in range(n):
            if rng.random() < 0.05:
                if rng.random() < 0.5:
                    gold[i] = float("nan")
                else:
                    pred[i] = float("nan")
    df = pd.DataFrame({"label": gold, "prediction": pred})
    if kind == "int" and rng.random() < 0.3:
        df["prediction"] = df["prediction"].astype(float)  # 1 vs 1.0
        c.tags.append("int-vs-float")
    w = None
    if rng.random() < 0.3:
        w = weights_for(rng, n)
        df["weight"] = w
        c.args += ["--weight-column", "weight"]
        c.tags.append("weighted")
    fmt = rng.choice(["csv", "csv", "tsv", "jsonl"])
    index_mode = rng.choice(["none", "default", "shuffled", "named"])
    c.tags.append(f"fmt:{fmt}")
    name, data = write_frame(df, rng, fmt, index_mode)
    c.files[name] = data
    c.args = [name] + c.args
    if w is not None and name.endswith(".jsonl"):
        rows = [json.loads(line) for line in data.decode().splitlines() if line.strip()]
        w = np.array([r["weight"] for r in rows], dtype=float)
        df = pd.DataFrame({"label": [r["label"] for r in rows], "prediction": [r["prediction"] for r in rows]})

    y_true, y_pred = list(df["label"]), list(df["prediction"])
    arr_t, arr_p = np.array(y_true, dtype=object), np.array(y_pred, dtype=object)
    if kind in ("int",):
        arr_t = np.array(y_true)
        arr_p = np.array(y_pred)
    elif kind in ("float", "float_nan"):
        arr_t = np.array(y_true, dtype=float)
        arr_p = np.array(y_pred, dtype=float)
    elif kind == "bool":
        arr_t = np.array(y_true, dtype=bool)
        arr_p = np.array(y_pred, dtype=bool)

    # options
    present = sorted(set(y_true) | set(y_pred), key=lambda v: (isinstance(v, str), v)) \
        if kind != "float_nan" else None
    labels = None
    if present is not None and rng.random() < 0.3:
        present_sorted = list(np.unique(np.concatenate([arr_t, arr_p])))
        choice = rng.choice(["subset", "superset", "perm"])
        if choice == "subset" and len(present_sorted) > 1:
            m = int(rng.integers(1, len(present_sorted)))
            labels = [present_sorted[i] for i in rng.choice(len(present_sorted), size=m, replace=False)]
        elif choice == "superset":
            extra = {"str": "zz unseen", "int": 999, "float": 99.5, "bool": None}[kind]
            labels = list(present_sorted) + ([extra] if extra is not None else [])
            rng.shuffle(labels)
        else:
            labels = list(present_sorted)
            rng.shuffle(labels)
        c.args += ["--labels", labels_arg(labels)]
        c.tags.append(f"labels:{choice}")
    zd_key = str(rng.choice(["default", "0", "1", "nan"]))
    if zd_key != "default":
        c.args += ["--zero-division", zd_key]
    zd = {"default": "warn", "0": 0, "1": 1.0, "nan": np.nan}[zd_key]
    beta = None
    if rng.random() < 0.3:
        beta = float(rng.choice([0.5, 2.0, 0.25, 3.0]))
        c.args += ["--beta", repr(beta)]
    uniq = set(fk_label(v) for v in y_true) | set(fk_label(v) for v in y_pred)
    pos = None
    if len(uniq) <= 2 and kind != "float_nan":
        if rng.random() < 0.7:
            pos = present[int(rng.integers(len(present)))] if present else None
            c.args += ["--positive", fk_label(pos)]
            c.tags.append("positive-given")
        else:
            c.tags.append("positive-guess")
    c.args += ["--format", "json"]

    # reference
    sw = None if w is None else np.asarray(w)
    kwargs = dict(sample_weight=sw)
    val, caught = sk_call(accuracy_score, arr_t, arr_p, **kwargs)
    if isinstance(val, Raised):
        c.sk_raises = val.message
        return c
    lab = None if labels is None else np.array(labels, dtype=arr_t.dtype if kind != "str" else object)
    L, _ = sk_call(lambda: list(np.unique(np.concatenate([arr_t, arr_p]))) if lab is None else list(lab))
    c.ref["labels"] = [fk_label(l) for l in L]
    c.ref["metrics.accuracy"] = fnum(val)
    v, cw = sk_call(balanced_accuracy_score, arr_t, arr_p, **kwargs)
    if not isinstance(v, Raised):
        c.ref["metrics.balanced_accuracy"] = fnum(v)
    v, _ = sk_call(matthews_corrcoef, arr_t, arr_p, **kwargs)
    if not isinstance(v, Raised):
        c.ref["metrics.mcc"] = fnum(v)
    v, _ = sk_call(cohen_kappa_score, arr_t, arr_p, labels=lab, **kwargs)
    if not isinstance(v, Raised):
        c.ref["metrics.cohen_kappa"] = fnum(v)
    else:
        c.ref["metrics.cohen_kappa"] = None
    warned = False
    for avg in ["micro", "macro", "weighted"]:
        v, cw = sk_call(precision_recall_fscore_support, arr_t, arr_p, labels=lab, average=avg,
                        zero_division=zd, **kwargs)
        if isinstance(v, Raised):
            continue
        warned |= undefined_warned(cw)
        c.ref[f"metrics.{avg}_precision"] = fnum(v[0])
        c.ref[f"metrics.{avg}_recall"] = fnum(v[1])
        c.ref[f"metrics.{avg}_f1"] = fnum(v[2])
        if beta is not None:
            v, _ = sk_call(precision_recall_fscore_support, arr_t, arr_p, labels=lab, average=avg,
                           zero_division=zd, beta=beta, **kwargs)
            c.ref[f"metrics.{avg}_fbeta"] = fnum(v[2])
    v, cw = sk_call(precision_recall_fscore_support, arr_t, arr_p, labels=lab, average=None,
                    zero_division=zd, **kwargs)
    if not (isinstance(v, Raised)):
        warned |= undefined_warned(cw)
        for i, l in enumerate(L):
            c.ref[f"per_class[{i}].precision"] = fnum(v[0][i])
            c.ref[f"per_class[{i}].recall"] = fnum(v[1][i])
            c.ref[f"per_class[{i}].f1"] = fnum(v[2][i])
            c.ref[f"per_class[{i}].support"] = fnum(v[3][i]) if sw is None else None
        if sw is not None:
            for i, l in enumerate(L):
                m = np.array([fk_label(t) == fk_label(l) for t in arr_t])
                c.ref[f"per_class[{i}].support"] = fnum(sw[m].sum())
    cm, _ = sk_call(confusion_matrix, arr_t, arr_p, labels=lab, **kwargs)
    if not isinstance(cm, Raised) and len(L) <= 50:
        c.ref["confusion_matrix"] = cm.tolist()
    if pos is not None or (len(uniq) <= 2 and kind in ("int", "float", "bool")):
        p = pos if pos is not None else (True if kind == "bool" else 1)
        v, cw = sk_call(precision_recall_fscore_support, arr_t, arr_p, pos_label=p, average="binary",
                        zero_division=zd, **kwargs)
        if not (isinstance(v, Raised)):
            c.ref["metrics.binary_precision"] = fnum(v[0])
            c.ref["metrics.binary_recall"] = fnum(v[1])
            c.ref["metrics.binary_f1"] = fnum(v[2])
            c.ref["positive_label"] = fk_label(p)
            if beta is not None:
                v, _ = sk_call(precision_recall_fscore_support, arr_t, arr_p, pos_label=p,
                               average="binary", zero_division=zd, beta=beta, **kwargs)
                c.ref["metrics.binary_fbeta"] = fnum(v[2])
    c.sk_warns = warned if zd == "warn" else None
    return c


def ece_ref(conf, correct, w=None):
    edges = np.linspace(0.0, 1.0, 16)
    idx = np.minimum(np.searchsorted(edges, conf, side="right") - 1, 14)
    n = len(conf)
    total = 0.0
    for k in range(15):
        m = idx == k
        if m.sum() == 0:
            continue
        total += (m.sum() / n) * abs(correct[m].mean() - conf[m].mean())
    return total


def binary_score_case(rng):
    c = Case("binary-score")
    kind = rng.choice(["int", "str", "bool"])
    if kind == "int":
        neg, posl = 0, 1
    elif kind == "bool":
        neg, posl = False, True
    else:
        neg, posl = rng.choice([("no dup", "dup ü"), ("neg", "pos"), ("a", "b")])
    n = random_n(rng)
    prev = rng.random()
    y = rng.random(n) < prev
    if n >= 2 and y.all():
        y[0] = False
    if n >= 2 and not y.any():
        y[-1] = True
    skind = rng.choice(["prob", "prob_round", "logit", "const", "edges"])
    signal = rng.normal(size=n) + y * rng.random() * 3
    if skind == "prob":
        s = 1 / (1 + np.exp(-signal))
    elif skind == "prob_round":
        s = np.round(1 / (1 + np.exp(-signal)), int(rng.integers(1, 4)))
    elif skind == "logit":
        s = signal
    elif skind == "const":
        s = np.full(n, 0.3)
    else:
        s = np.clip(np.round(1 / (1 + np.exp(-2 * signal)), 1), 0, 1)
    c.tags += [f"kind:{kind}", f"scores:{skind}"]
    gold = [posl if v else neg for v in y]
    df = pd.DataFrame({"label": gold, "score": s})
    w = None  # --weight-column does not take --score-column (documented, exit 64)
    fmt = rng.choice(["csv", "tsv", "jsonl"])
    name, data = write_frame(df, rng, fmt, rng.choice(["none", "default"]))
    c.files[name] = data
    s = file_scores(name, data, ["score"])[:, 0]  # what the file holds (to_json keeps 10 digits)
    c.args = [name, "--score-column", "score"]
    if w is not None:
        c.args += ["--weight-column", "weight"]
    lo, hi = float(s.min()), float(s.max())
    if rng.random() < 0.5 or not (lo <= 0.5 <= hi):
        t = float(rng.choice(s)) if rng.random() < 0.5 else round(float(rng.uniform(lo, hi)), 3)
        c.args += ["--threshold", repr(t)]
    else:
        t = 0.5
    if kind == "str" or rng.random() < 0.5:
        c.args += ["--positive", fk_label(posl)]
    c.args += ["--format", "json"]
    pred = np.where(s >= t, posl, neg)
    y_true = np.array(gold)
    sw = w
    for key, fn in [("accuracy", accuracy_score), ("mcc", matthews_corrcoef)]:
        v, _ = sk_call(fn, y_true, pred, sample_weight=sw)
        c.ref[f"metrics.{key}"] = fnum(v)
    v, cw = sk_call(precision_recall_fscore_support, y_true, pred, pos_label=posl, average="binary",
                    zero_division=0, sample_weight=sw)
    if not isinstance(v, Raised):
        c.ref["metrics.binary_f1"] = fnum(v[2])
        c.ref["metrics.binary_precision"] = fnum(v[0])
    c.ref["positive_label"] = fk_label(posl)
    yi = y.astype(int)
    if y.any():
        v, _ = sk_call(average_precision_score, yi, s, sample_weight=sw)
        c.ref["score_metrics.average_precision"] = fnum(v)
    else:
        c.ref["score_metrics.average_precision"] = None
    if y.any() and (~y).any():
        v, _ = sk_call(roc_auc_score, yi, s, sample_weight=sw)
        c.ref["score_metrics.roc_auc"] = fnum(v)
    else:
        c.ref["score_metrics.roc_auc"] = None
    if lo >= 0 and hi <= 1:
        v, _ = sk_call(log_loss, yi, s, labels=[0, 1], sample_weight=sw)
        c.ref["score_metrics.log_loss"] = fnum(v)
        v, _ = sk_call(brier_score_loss, yi, s, labels=[0, 1], sample_weight=sw)
        c.ref["score_metrics.brier_score"] = fnum(v)
        if sw is None:
            c.ref["score_metrics.ece"] = ece_ref(s, y.astype(float))
    else:
        for key in ("log_loss", "brier_score", "ece"):
            c.ref[f"score_metrics.{key}"] = None
    return c


def multiclass_score_case(rng):
    c = Case("multiclass-score")
    k = int(rng.choice([3, 4, 5, 8]))
    kind = rng.choice(["str", "int"])
    if kind == "str":
        classes = list(rng.choice(["neg", "neu", "pos", "Zebra", "apple", "é x", "mid", "q"], size=k,
                                  replace=False))
    else:
        classes = list(rng.choice([0, 1, 2, 3, 5, 10, 20, 7], size=k, replace=False))
        classes = [int(x) for x in classes]
    n = random_n(rng)
    gi = rng.choice(k, size=n, p=rng.dirichlet(np.ones(k) * 2))
    logits = rng.normal(size=(n, k)) + np.eye(k)[gi] * rng.random() * 3
    skind = rng.choice(["prob", "prob_round", "logit", "ties"])
    if skind == "logit":
        s = logits
    else:
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        s = e / e.sum(axis=1, keepdims=True)
        if skind == "prob_round":
            s = np.round(s, 3)
        elif skind == "ties":
            s = np.round(s, 1)
    c.tags += [f"kind:{kind}", f"scores:{skind}", f"k:{k}"]
    w = None
    gold = [classes[i] for i in gi]
    cols = [fk_label(x) for x in classes]
    use_array = rng.random() < 0.3
    if use_array:
        df = pd.DataFrame({"label": gold, "scores": [list(map(float, row)) for row in s]})
        name, data = "pred.jsonl", df.to_json(orient="records", lines=True).encode()
        c.args = [name, "--score-array-column", "scores", "--labels", labels_arg(classes)]
        c.tags.append("score-array")
    else:
        df = pd.DataFrame({"label": gold})
        for j, col in enumerate(cols):
            df[col] = s[:, j]
        if rng.random() < 0.25:
            w = weights_for(rng, n)
            df["weight"] = w
            c.tags.append("weighted")
        name, data = write_frame(df, rng, rng.choice(["csv", "tsv", "jsonl"]), rng.choice(["none", "default"]))
        c.args = [name, "--score-columns", ",".join(cols)]
        if w is not None:
            c.args += ["--weight-column", "weight"]
    c.files[name] = data
    c.args += ["--format", "json"]
    s = file_scores(name, data, ["scores"] if use_array else cols)
    w = file_weights(name, data, w)
    top = np.argmax(s, axis=1)
    pred = [classes[i] for i in top]
    y_true = np.array(gold, dtype=object if kind == "str" else None)
    y_pred = np.array(pred, dtype=object if kind == "str" else None)
    lab = np.array(classes, dtype=object if kind == "str" else None) if use_array else None
    if use_array:
        c.ref["labels"] = [fk_label(x) for x in classes]
    else:
        c.ref["labels"] = [fk_label(x) for x in sorted(set(gold) | set(pred))]
    v, _ = sk_call(accuracy_score, y_true, y_pred, sample_weight=w)
    c.ref["metrics.accuracy"] = fnum(v)
    v, _ = sk_call(balanced_accuracy_score, y_true, y_pred, sample_weight=w)
    c.ref["metrics.balanced_accuracy"] = fnum(v)
    v, _ = sk_call(matthews_corrcoef, y_true, y_pred, sample_weight=w)
    c.ref["metrics.mcc"] = fnum(v)
    for avg in ("macro", "weighted", "micro"):
        v, _ = sk_call(precision_recall_fscore_support, y_true, y_pred, average=avg, zero_division=0,
                       labels=lab, sample_weight=w)
        c.ref[f"metrics.{avg}_f1"] = fnum(v[2])
        c.ref[f"metrics.{avg}_precision"] = fnum(v[0])
    if w is not None:
        return c  # score metrics are not computed with weights (documented note)
    # scores in sorted class order for scikit-learn
    order = np.argsort(np.array(classes, dtype=object if kind == "str" else None), kind="stable")
    sorted_classes = [classes[i] for i in order]
    ss = s[:, order]
    every = len(np.unique(gi)) == k
    prob = bool(np.all((s >= 0) & (s <= 1))) and bool(np.all(np.abs(s.sum(axis=1) - 1) <= 0.005))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if every:
            onehot = label_binarize(y_true, classes=sorted_classes)
            c.ref["score_metrics.roc_auc_ovr_macro"] = fnum(roc_auc_score(onehot, ss, average="macro"))
            c.ref["score_metrics.roc_auc_ovr_weighted"] = fnum(roc_auc_score(onehot, ss, average="weighted"))
            c.ref["score_metrics.average_precision_macro"] = fnum(
                average_precision_score(onehot, ss, average="macro"))
            if prob and np.allclose(1, ss.sum(axis=1)):
                c.ref["score_metrics.roc_auc_ovo_macro"] = fnum(
                    roc_auc_score(y_true, ss, multi_class="ovo", labels=sorted_classes))
            else:
                c.ref["score_metrics.roc_auc_ovo_macro"] = None
        else:
            for key in ("roc_auc_ovr_macro", "roc_auc_ovr_weighted", "average_precision_macro",
                        "roc_auc_ovo_macro"):
                c.ref[f"score_metrics.{key}"] = None
        if prob:
            c.ref["score_metrics.log_loss"] = fnum(log_loss(y_true, ss, labels=sorted_classes))
            c.ref["score_metrics.brier_score"] = fnum(brier_score_loss(y_true, ss, labels=sorted_classes))
            c.ref["score_metrics.ece"] = ece_ref(s[np.arange(n), top], (top == gi).astype(float))
        else:
            for key in ("log_loss", "brier_score", "ece"):
                c.ref[f"score_metrics.{key}"] = None
    return c


def multilabel_case(rng):
    c = Case("multilabel")
    k = int(rng.choice([1, 2, 3, 5, 10, 30]))
    pool = ["sport", "tech", "a b", "é", "Zed", "it's", "x1", "money", "q", "news"]
    while len(pool) < k + 2:
        pool.append(f"t{len(pool)}")
    rng.shuffle(pool)
    labels_all = pool[: k + 2]
    gold_labels, pred_extra = labels_all[:k], labels_all[k:]
    n = random_n(rng)
    if n > 3000:
        n = 3000
    card = rng.random() * 0.6
    Y = rng.random((n, k)) < card
    P = Y.copy()
    P ^= rng.random((n, k)) < rng.random() * 0.4
    extra = np.zeros((n, len(pred_extra)), dtype=bool)
    if rng.random() < 0.3:
        extra = rng.random((n, len(pred_extra))) < 0.05
        c.tags.append("pred-only-label")
    if rng.random() < 0.3 and n > 0:
        Y[rng.integers(n)] = False  # an empty gold set
    cols = gold_labels + pred_extra
    Yf = np.hstack([Y, np.zeros_like(extra)])
    Pf = np.hstack([P, extra])

    def cell(row):
        return "|".join(cols[j] for j in range(len(cols)) if row[j])

    use_json = rng.random() < 0.3
    if use_json:
        df = pd.DataFrame({"label": [[cols[j] for j in range(len(cols)) if r[j]] for r in Yf],
                           "prediction": [[cols[j] for j in range(len(cols)) if r[j]] for r in Pf]})
        name, data = "pred.jsonl", df.to_json(orient="records", lines=True).encode()
        c.tags.append("json-arrays")
    else:
        df = pd.DataFrame({"label": [cell(r) for r in Yf], "prediction": [cell(r) for r in Pf]})
        name, data = write_frame(df, rng, rng.choice(["csv", "tsv"]), rng.choice(["none", "default"]))
    w = None
    if rng.random() < 0.25:
        w = weights_for(rng, n)
        if use_json:
            df["weight"] = w
            data = df.to_json(orient="records", lines=True).encode()
        else:
            df["weight"] = w
            name, data = write_frame(df, rng, "csv", "none")
        c.tags.append("weighted")
    c.files[name] = data
    w = file_weights(name, data, w)
    c.args = [name, "--problem", "multilabel"]
    if w is not None:
        c.args += ["--weight-column", "weight"]
    lab = None
    if rng.random() < 0.3:
        m = int(rng.integers(1, len(cols) + 1))
        lab = [cols[i] for i in rng.choice(len(cols), size=m, replace=False)]
        if rng.random() < 0.3:
            lab.append("never seen")
        c.args += ["--labels", labels_arg(lab)]
        c.tags.append("labels")
    zd_key = str(rng.choice(["default", "0", "1", "nan"]))
    if zd_key != "default":
        c.args += ["--zero-division", zd_key]
    zd = {"default": "warn", "0": 0, "1": 1.0, "nan": np.nan}[zd_key]
    beta = None
    if rng.random() < 0.3:
        beta = float(rng.choice([0.5, 2.0]))
        c.args += ["--beta", repr(beta)]
    c.args += ["--format", "json"]
    # F1Kit's column order: --labels first, then others occurring, sorted
    occurring = sorted({cols[j] for j in range(len(cols)) if Yf[:, j].any() or Pf[:, j].any()})
    order = list(lab or []) + [x for x in occurring if x not in (lab or [])]
    # dedupe
    seen = []
    for x in order:
        if x not in seen:
            seen.append(x)
    order = seen
    idx = {x: i for i, x in enumerate(cols)}
    YY = np.zeros((n, len(order)), dtype=int)
    PP = np.zeros((n, len(order)), dtype=int)
    for j, x in enumerate(order):
        if x in idx:
            YY[:, j] = Yf[:, idx[x]]
            PP[:, j] = Pf[:, idx[x]]
    L = list(range(len(lab))) if lab else None
    c.ref["labels"] = list(dict.fromkeys(lab)) if lab else order
    sw = w
    if YY.shape[1] < 2:
        c.tags.append("one-column")
        return c  # scikit-learn reads one indicator column as a binary problem
    def put(key, fn):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                c.ref[key] = fnum(fn())
            except ValueError:
                pass  # scikit-learn needs two or more indicator columns

    for avg in ["micro", "macro", "weighted", "samples"]:
        for j, part in enumerate(["precision", "recall", "f1"]):
            put(f"metrics.{avg}_{part}", lambda avg=avg, j=j: precision_recall_fscore_support(
                YY, PP, average=avg, labels=L, zero_division=zd, sample_weight=sw)[j])
        if beta is not None:
            put(f"metrics.{avg}_fbeta", lambda avg=avg: precision_recall_fscore_support(
                YY, PP, average=avg, labels=L, zero_division=zd, sample_weight=sw, beta=beta)[2])
        if zd_key != "nan":
            jz = 0 if zd_key in ("default", "0") else 1
            put(f"metrics.jaccard_{avg}", lambda avg=avg, jz=jz: jaccard_score(
                YY, PP, average=avg, labels=L, zero_division=jz, sample_weight=sw))
    put("metrics.subset_accuracy", lambda: accuracy_score(YY, PP, sample_weight=sw))
    put("metrics.hamming_loss", lambda: hamming_loss(YY, PP, sample_weight=sw))
    if YY.shape[1] >= 2:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            v = precision_recall_fscore_support(YY, PP, average=None, labels=L, zero_division=zd,
                                                sample_weight=sw)
        for i in range(len(v[0])):
            c.ref[f"per_class[{i}].precision"] = fnum(v[0][i])
            c.ref[f"per_class[{i}].recall"] = fnum(v[1][i])
            c.ref[f"per_class[{i}].f1"] = fnum(v[2][i])
    return c


# ---------------------------------------------------------------- checking

def lookup(doc, path):
    cur = doc
    for part in path.replace("]", "").replace("[", ".").split("."):
        if part == "":
            continue
        if isinstance(cur, list):
            i = int(part)
            if i >= len(cur):
                return ("missing",)
            cur = cur[i]
        elif isinstance(cur, dict):
            if part not in cur:
                return ("missing",)
            cur = cur[part]
        else:
            return ("missing",)
    return cur


def check(case, rc, out, err):
    problems = []
    lines = [l for l in err.splitlines() if l.strip()]
    if rc not in (0, 64, 65, 66) or "Fatal error" in err or "Stack dump" in err or "backtrace" in err.lower():
        problems.append(("crash", f"exit {rc}", err[-2000:]))
        return problems
    if rc != 0:
        error_lines = [l for l in lines if not l.startswith(("Usage", "  ", "See '", "warning:", "note:"))]
        if rc == 65 and len(error_lines) != 1:
            problems.append(("message-not-one-line", f"exit {rc}", err[-1500:]))
        if case.sk_raises is None and case.ref:
            documented = any(p in err for p in DOCUMENTED_REFUSALS)
            problems.append(("refused-documented" if documented else "refused-sklearn-computes",
                             f"exit {rc}", err[-1500:]))
        return problems
    # exit 0
    if case.sk_raises is not None:
        problems.append(("exit0-sklearn-raises", case.sk_raises[:300], out[:1500] + "\n--stderr--\n" + err[-800:]))
        return problems
    try:
        doc = json.loads(out)
    except Exception as error:  # noqa: BLE001
        problems.append(("bad-json", str(error), out[:1000]))
        return problems
    for path, expected in case.ref.items():
        got = lookup(doc, path)
        if got == ("missing",):
            if path in ("positive_label",) or path.startswith("metrics.binary"):
                if "metrics.binary_f1" in json.dumps(doc):
                    problems.append(("missing-key", path, ""))
                continue
            if path.startswith(("score_metrics", "metrics.")):
                problems.append(("missing-key", path, ""))
            continue
        if path == "labels":
            if [norm_label(x) for x in got] != [norm_label(x) for x in expected]:
                problems.append(("label-order", path, f"f1kit {got} sklearn {expected}"))
                return problems  # everything else would cascade
            if [x.lower() if x in ("True", "False") else x for x in got] != \
                    [x.lower() if x in ("True", "False") else x for x in expected]:
                problems.append(("label-spelling", path, f"f1kit {got} expected {expected}"))
            continue
        if path == "positive_label":
            if norm_label(str(got)) != norm_label(expected):
                problems.append(("positive-label", path, f"f1kit {got} sklearn {expected}"))
            continue
        if path == "confusion_matrix":
            a = np.array(got, dtype=float) if got is not None else None
            b = np.array(expected, dtype=float)
            if a is None or a.shape != b.shape or np.max(np.abs(a - b)) > 1e-9:
                problems.append(("mismatch", path, f"f1kit {got} sklearn {expected}"))
            continue
        if not close(got, expected):
            problems.append(("mismatch", path, f"f1kit {got!r} sklearn {expected!r}"))
    if case.sk_warns is not None:
        f1_warns = "undefined" in err.lower()
        if case.sk_warns and not f1_warns:
            problems.append(("sklearn-warns-f1kit-silent", "UndefinedMetricWarning", err[-500:]))
    return problems


def run_case(binary, case, workdir):
    for name, data in case.files.items():
        with open(os.path.join(workdir, name), "wb") as f:
            f.write(data)
    try:
        proc = subprocess.run([binary, "evaluate"] + case.args, cwd=workdir, capture_output=True,
                              timeout=120, env=dict(os.environ, SWIFT_BACKTRACE="enable=no"))
    except subprocess.TimeoutExpired:
        return -999, "", "timeout"
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".build", "release", "f1kit"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cases", type=int, default=3000)
    ap.add_argument("--minutes", type=float, default=15)
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "f1kit-differential"))
    ap.add_argument("--kinds", default="labels,binary-score,multiclass-score,multilabel")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    makers = {"labels": single_label_case, "binary-score": binary_score_case,
              "multiclass-score": multiclass_score_case, "multilabel": multilabel_case}
    weights = {"labels": 5, "binary-score": 2, "multiclass-score": 2, "multilabel": 2}
    kinds = args.kinds.split(",")
    rng = np.random.default_rng(args.seed)
    start = time.time()
    stats = Counter()
    tag_stats = defaultdict(Counter)
    findings = open(os.path.join(args.out, "findings.jsonl"), "w")
    work = tempfile.mkdtemp(prefix="f1kit-differential-")
    for i in range(args.cases):
        if time.time() - start > args.minutes * 60:
            break
        kind = kinds[int(rng.choice(len(kinds), p=np.array([weights[k] for k in kinds]) / sum(weights[k] for k in kinds)))]
        try:
            case = makers[kind](rng)
        except Exception:  # noqa: BLE001
            stats["generator-error"] += 1
            traceback.print_exc()
            continue
        d = os.path.join(work, "c")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        rc, out, err = run_case(args.bin, case, d)
        problems = check(case, rc, out, err)
        stats[f"{kind}:ran"] += 1
        stats[f"{kind}:exit{rc}"] += 1
        for t in case.tags:
            tag_stats[kind][t] += 1
        if problems:
            stats[f"{kind}:with-problems"] += 1
            keep = os.path.join(args.out, "cases", f"{i:05d}")
            shutil.copytree(d, keep, dirs_exist_ok=True)
            for cat, where, detail in problems:
                stats[f"problem:{cat}"] += 1
                findings.write(json.dumps({
                    "case": i, "kind": kind, "category": cat, "where": where, "detail": detail,
                    "tags": case.tags, "command": "f1kit evaluate " + " ".join(shlex.quote(a) for a in case.args),
                    "dir": keep, "exit": rc, "stderr": err[-600:],
                }, ensure_ascii=False) + "\n")
            findings.flush()
    summary = {"stats": dict(stats), "tags": {k: dict(v) for k, v in tag_stats.items()},
               "seconds": time.time() - start}
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1, sort_keys=True)
    print(json.dumps(summary["stats"], indent=1, sort_keys=True))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
