#!/usr/bin/env python3
"""Generate scikit-learn golden cases for F1Kit's core classification metrics.

Run from the repository root:

    python3 tools/make_metric_goldens.py

Needs: Python 3.9+ with ``pip install scikit-learn numpy`` (scipy comes in with
scikit-learn).  The script is deterministic (numpy Generator, fixed seed) and
writes ``fixtures/goldens/metrics.json``, which is committed.  The Swift tests
read that JSON file directly, so ``swift test`` never needs Python; re-run this
script only to regenerate the fixture (e.g. after a scikit-learn upgrade) and
commit the result together with the script.

Every case records the inputs (labels always written as strings, with
``label_kind`` saying whether they were integers or strings for sklearn), the
``labels=`` argument, the ``zero_division`` setting ("0", "1" or "nan"), an
optional explicit ``pos_label``, and what scikit-learn computed: label order,
confusion matrix, per-class precision/recall/F1/F0.5/F2/support,
micro/macro/weighted averages, the binary average (when sklearn accepts it),
accuracy, balanced accuracy, MCC and Cohen's kappa.  Floats are written with
full precision (Python's repr round-trips exactly); NaN is written as null.
"""

import json
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    cohen_kappa_score,
    confusion_matrix,
    fbeta_score,
    matthews_corrcoef,
    precision_recall_fscore_support,
)
from sklearn.utils.multiclass import unique_labels

SEED = 20240611
N_RANDOM = 240
OUT_PATH = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "fixtures", "goldens", "metrics.json",
)

ZD_SETTINGS = {"0": 0, "1": 1.0, "nan": np.nan}
ZD_KEYS = ["0", "1", "nan"]

INT_POOLS = [
    list(range(8)),                       # 0..K-1
    [2, 10, -1, 0, 7, 100, -20, 3],       # numeric order != string order
    [1, 2, 3, 4, 5, 6, 7, 8],             # 1-based
    [-5, -1, 11, 9, 90, 1, 19, 200],
]
STR_POOLS = [
    ["cat", "dog", "bird", "fish", "horse", "ant", "eel", "yak"],
    ["é", "Ω", "日本", "Zebra", "apple", "e", "Z", "ä"],        # code-point order
    ["accuracy", "macro avg", "a,b", 'say "hi"', "two words", "it's",
     "weighted avg", "micro avg"],                              # report-hostile names
    ["10", "2", "-1", "0", "100", "9", "1", "20"],              # numeric-looking strings
]


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def fnum(x):
    """Python float with full precision; NaN -> None."""
    x = float(x)
    if np.isnan(x):
        return None
    if np.isinf(x):
        raise ValueError("unexpected infinity")
    return x


def flist(a):
    return [fnum(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def to_np(values, kind):
    if kind == "integer":
        return np.array([int(v) for v in values], dtype=np.int64)
    return np.array([str(v) for v in values], dtype=str)


def scalar_label(v, kind):
    return int(v) if kind == "integer" else str(v)


def compute(case_in):
    """Run scikit-learn on one case and return the `expected` object."""
    kind = case_in["kind"]
    y_true = to_np(case_in["y_true"], kind)
    y_pred = to_np(case_in["y_pred"], kind)
    labels = None if case_in["labels"] is None else to_np(case_in["labels"], kind)
    zd = ZD_SETTINGS[case_in["zd"]]
    pos_label = case_in["pos_label"]

    errors = {}
    exp = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")

        order = labels if labels is not None else unique_labels(y_true, y_pred)
        exp["label_order"] = [str(v) for v in order]

        cm = confusion_matrix(y_true, y_pred, labels=labels)
        exp["confusion_matrix"] = [[int(v) for v in row] for row in cm]

        p, r, f, s = precision_recall_fscore_support(
            y_true, y_pred, labels=labels, average=None, zero_division=zd)
        per = {"precision": flist(p), "recall": flist(r), "f1": flist(f),
               "support": [int(v) for v in s]}
        for beta, key in ((0.5, "f0.5"), (2, "f2")):
            per[key] = flist(fbeta_score(y_true, y_pred, beta=beta, average=None,
                                         labels=labels, zero_division=zd))
        exp["per_class"] = per

        for avg in ("micro", "macro", "weighted"):
            p, r, f, _ = precision_recall_fscore_support(
                y_true, y_pred, labels=labels, average=avg, zero_division=zd)
            d = {"precision": fnum(p), "recall": fnum(r), "f1": fnum(f)}
            for beta, key in ((0.5, "f0.5"), (2, "f2")):
                d[key] = fnum(fbeta_score(y_true, y_pred, beta=beta, average=avg,
                                          labels=labels, zero_division=zd))
            exp[avg] = d

        # binary: explicit pos_label, else the last label when exactly two.
        if pos_label is not None:
            bpos = scalar_label(pos_label, kind)
        elif len(order) == 2:
            bpos = scalar_label(order[-1], kind)
        else:
            bpos = None
        exp["binary"] = None
        if bpos is not None:
            try:
                p, r, f, _ = precision_recall_fscore_support(
                    y_true, y_pred, average="binary", pos_label=bpos,
                    zero_division=zd)
                d = {"pos_label": str(bpos), "precision": fnum(p),
                     "recall": fnum(r), "f1": fnum(f)}
                for beta, key in ((0.5, "f0.5"), (2, "f2")):
                    d[key] = fnum(fbeta_score(y_true, y_pred, beta=beta,
                                              average="binary", pos_label=bpos,
                                              zero_division=zd))
                exp["binary"] = d
            except ValueError as e:
                errors["binary"] = str(e)

        scalar_metrics = (
            ("accuracy", lambda: accuracy_score(y_true, y_pred)),
            ("balanced_accuracy", lambda: balanced_accuracy_score(y_true, y_pred)),
            ("mcc", lambda: matthews_corrcoef(y_true, y_pred)),
            ("cohen_kappa", lambda: cohen_kappa_score(y_true, y_pred, labels=labels)),
        )
        for key, fn in scalar_metrics:
            try:
                exp[key] = fnum(fn())
            except ValueError as e:
                exp[key] = None
                errors[key] = str(e)
    exp["errors"] = errors
    return exp


# --------------------------------------------------------------------------
# case construction
# --------------------------------------------------------------------------

class Builder:
    def __init__(self):
        self.cases = []
        self.names = set()

    def add(self, name, kind, y_true, y_pred, zd, labels=None, pos_label=None):
        assert len(y_true) == len(y_pred) >= 1
        assert name not in self.names, name
        self.names.add(name)
        case_in = {"kind": kind, "y_true": list(y_true), "y_pred": list(y_pred),
                   "labels": None if labels is None else list(labels),
                   "zd": zd, "pos_label": pos_label}
        expected = compute(case_in)
        self.cases.append({
            "name": name,
            "label_kind": kind,
            "y_true": [str(v) for v in y_true],
            "y_pred": [str(v) for v in y_pred],
            "labels": None if labels is None else [str(v) for v in labels],
            "zero_division": zd,
            "pos_label": None if pos_label is None else str(pos_label),
            "expected": expected,
        })

    def add_all_zd(self, name, kind, y_true, y_pred, labels=None, pos_label=None):
        """One case per zero_division setting."""
        for zd in ZD_KEYS:
            self.add(f"{name}-zd{zd}", kind, y_true, y_pred, zd, labels, pos_label)


def random_cases(b, rng):
    for i in range(N_RANDOM):
        zd = ZD_KEYS[i % 3]
        kind = "integer" if (i // 3) % 2 == 0 else "string"
        pools = INT_POOLS if kind == "integer" else STR_POOLS
        pool = pools[int(rng.integers(len(pools)))]
        k = int(rng.integers(2, 9))
        # n: mostly moderate, sometimes tiny.
        if rng.random() < 0.15:
            n = int(rng.integers(1, 6))
        else:
            n = int(rng.integers(1, 201))
        classes = [pool[j] for j in rng.permutation(len(pool))[:k]]
        # skewed class probabilities for y_true (small Dirichlet alpha)
        p_true = rng.dirichlet(np.full(k, float(rng.choice([0.3, 0.7, 1.5]))))
        # noise distribution for y_pred, also skewed; may favour classes rare in y_true
        p_noise = rng.dirichlet(np.full(k, float(rng.choice([0.3, 1.0]))))
        acc = float(rng.uniform(0.1, 0.95))
        ti = rng.choice(k, size=n, p=p_true)
        noise = rng.choice(k, size=n, p=p_noise)
        keep = rng.random(n) < acc
        pi = np.where(keep, ti, noise)
        y_true = [classes[j] for j in ti]
        y_pred = [classes[j] for j in pi]

        labels = None
        pos_label = None
        tag = ""
        u = rng.random()
        present = sorted(set(y_true) | set(y_pred))
        if u < 0.10:
            # superset: extra labels that never occur, in shuffled order
            extra = [v for v in pool if v not in present]
            m = int(rng.integers(1, len(extra) + 1)) if extra else 0
            labels = present + [extra[j] for j in rng.permutation(len(extra))[:m]]
            labels = [labels[j] for j in rng.permutation(len(labels))]
            tag = "-lblsuper"
        elif u < 0.20 and len(present) >= 2:
            # subset of present labels (must keep one y_true label so that
            # confusion_matrix accepts it), non-sorted order
            m = int(rng.integers(1, len(present)))
            labels = [present[j] for j in rng.permutation(len(present))[:m]]
            if not set(labels) & set(y_true):
                labels[0] = y_true[0]
                labels = list(dict.fromkeys(labels))
            tag = "-lblsubset"
        elif u < 0.27:
            # all present labels, reversed / shuffled order
            labels = [present[j] for j in rng.permutation(len(present))]
            tag = "-lblperm"
        if k == 2 and rng.random() < 0.3:
            pos_label = classes[int(rng.integers(2))]
            tag += "-pos"
        kshort = "int" if kind == "integer" else "str"
        name = f"random-k{k}-n{n}-{kshort}{tag}-zd{zd}-{i:03d}"
        b.add(name, kind, y_true, y_pred, zd, labels, pos_label)


def edge_cases(b):
    I, S = "integer", "string"
    # class absent from y_true but predicted
    b.add_all_zd("edge-pred-only-class-int", I, [0, 0, 1, 1, 0], [0, 2, 1, 2, 0])
    b.add_all_zd("edge-pred-only-class-str", S, ["cat", "dog", "cat"], ["cat", "eel", "eel"])
    # class in y_true never predicted
    b.add_all_zd("edge-true-only-class-int", I, [0, 1, 2, 2, 1], [0, 1, 1, 1, 1])
    b.add_all_zd("edge-true-only-class-str", S, ["a", "b", "c", "c"], ["a", "a", "b", "a"])
    # both at once
    b.add_all_zd("edge-true-only-and-pred-only", I, [10, 2, 2, -1], [10, 2, 7, 7])
    # single class everywhere
    b.add_all_zd("edge-single-class-int", I, [3, 3, 3, 3], [3, 3, 3, 3])
    b.add_all_zd("edge-single-class-str", S, ["Ω"] * 3, ["Ω"] * 3)
    # n = 1
    b.add_all_zd("edge-n1-correct-int", I, [5], [5])
    b.add_all_zd("edge-n1-wrong-int", I, [0], [1])
    b.add_all_zd("edge-n1-wrong-str", S, ["yes"], ["no"])
    # y_pred all one class
    b.add_all_zd("edge-pred-constant-int", I, [0, 1, 2, 1, 0, 2, 2], [1] * 7)
    b.add_all_zd("edge-pred-constant-str", S, ["dog", "cat", "bird", "cat"], ["zebra"] * 4)
    # y_true all one class, predictions vary
    b.add_all_zd("edge-true-constant-int", I, [1] * 6, [1, 0, 2, 1, 1, 0])
    # perfect predictions
    b.add_all_zd("edge-perfect-int", I, [0, 1, 2, 2, 1, 0, -1], [0, 1, 2, 2, 1, 0, -1])
    b.add_all_zd("edge-perfect-str", S, ["é", "e", "Zebra", "apple"], ["é", "e", "Zebra", "apple"])
    # all wrong
    b.add_all_zd("edge-all-wrong-int", I, [0, 1, 2, 0, 1, 2], [1, 2, 0, 2, 0, 1])
    b.add_all_zd("edge-all-wrong-binary", I, [0, 1, 1, 0], [1, 0, 0, 1])
    b.add_all_zd("edge-all-wrong-str", S, ["a", "b"], ["b", "a"])
    # labels naming classes that never occur (plus present ones)
    b.add_all_zd("edge-labels-absent-int", I, [0, 1, 1, 0, 1], [0, 1, 0, 0, 1],
                 labels=[0, 1, 5, -3])
    b.add_all_zd("edge-labels-absent-str", S, ["cat", "dog", "dog"], ["dog", "dog", "cat"],
                 labels=["unicorn", "dog", "cat", "yeti"])
    # labels where the only y_true-present one is a minority; rest absent everywhere
    b.add_all_zd("edge-labels-mostly-absent", I, [1, 2, 2, 2], [2, 2, 1, 2],
                 labels=[1, 9, 8])
    # labels a subset of the classes present
    b.add_all_zd("edge-labels-subset-int", I, [0, 1, 2, 3, 2, 1, 0, 3], [0, 2, 2, 3, 1, 1, 3, 0],
                 labels=[2, 0])
    b.add_all_zd("edge-labels-subset-str", S, ["a", "b", "c", "c", "b"], ["a", "c", "c", "b", "a"],
                 labels=["c"])
    # subset whose only label is one that is never predicted
    b.add_all_zd("edge-labels-subset-unpredicted", I, [0, 1, 2, 2], [0, 1, 1, 0], labels=[2])
    # subset that includes a class present only in y_pred
    b.add_all_zd("edge-labels-subset-predonly", S, ["x", "y", "y"], ["z", "z", "y"],
                 labels=["z", "y"])
    # labels in non-sorted order (same set as present)
    b.add_all_zd("edge-labels-unsorted-int", I, [10, 2, -1, 2, 10, 0], [2, 2, -1, 10, 10, -1],
                 labels=[10, -1, 2, 0])
    b.add_all_zd("edge-labels-unsorted-str", S, ["日本", "apple", "Zebra", "é"],
                 ["apple", "apple", "Zebra", "日本"], labels=["é", "日本", "apple", "Zebra"])
    # two labels given unsorted -> implicit binary pos_label is the last given
    b.add_all_zd("edge-labels-two-unsorted", S, ["yes", "no", "no", "yes"],
                 ["yes", "yes", "no", "no"], labels=["yes", "no"])
    # two labels given but data has three classes -> binary rejected by sklearn
    b.add_all_zd("edge-labels-two-data-three", I, [0, 1, 2, 1], [0, 1, 1, 2], labels=[0, 1])
    # code-point ordering traps
    b.add_all_zd("edge-codepoint-order", S, ["Zebra", "apple", "é", "Ω", "日本", "e"],
                 ["apple", "Zebra", "e", "Ω", "é", "日本"])
    b.add_all_zd("edge-numeric-strings", S, ["10", "2", "-1", "2", "10"], ["2", "2", "-1", "10", "-1"])
    b.add_all_zd("edge-numeric-ints", I, [10, 2, -1, 2, 10], [2, 2, -1, 10, -1])
    b.add_all_zd("edge-report-hostile-names", S,
                 ["accuracy", "a,b", 'say "hi"', "two words", "accuracy", "macro avg"],
                 ["accuracy", "a,b", "two words", 'say "hi"', "macro avg", "macro avg"])
    # binary cases
    b.add_all_zd("edge-binary-01", I, [0, 1, 1, 0, 1, 0, 0], [0, 1, 0, 0, 1, 1, 0])
    b.add_all_zd("edge-binary-01-pos0", I, [0, 1, 1, 0, 1, 0, 0], [0, 1, 0, 0, 1, 1, 0],
                 pos_label=0)
    b.add_all_zd("edge-binary-truefalse", S, ["false", "true", "true", "false", "true"],
                 ["true", "true", "false", "false", "true"])
    b.add_all_zd("edge-binary-truefalse-posfalse", S, ["false", "true", "true", "false", "true"],
                 ["true", "true", "false", "false", "true"], pos_label="false")
    b.add_all_zd("edge-binary-noyes", S, ["no", "yes", "no", "no"], ["no", "yes", "yes", "no"])
    b.add_all_zd("edge-binary-noyes-posno", S, ["no", "yes", "no", "no"], ["no", "yes", "yes", "no"],
                 pos_label="no")
    # binary: positive class never predicted / never true
    b.add_all_zd("edge-binary-pos-never-predicted", I, [0, 1, 1, 0], [0, 0, 0, 0])
    b.add_all_zd("edge-binary-pos-never-true", I, [0, 0, 0, 0], [0, 1, 1, 0])
    # binary with a single class present and a pos_label that does not occur
    b.add_all_zd("edge-binary-single-class-pos-absent", S, ["no", "no", "no"], ["no", "no", "no"],
                 pos_label="yes")
    # binary with explicit pos_label not among two present labels -> sklearn raises
    b.add_all_zd("edge-binary-pos-invalid", S, ["no", "yes", "no"], ["yes", "yes", "no"],
                 pos_label="maybe")
    # explicit pos_label on a multiclass problem -> sklearn raises for binary
    b.add_all_zd("edge-binary-pos-on-multiclass", I, [0, 1, 2, 1], [0, 2, 2, 1], pos_label=1)
    # heavily skewed
    b.add_all_zd("edge-skewed-rare-class", I, [0] * 30 + [1], [0] * 29 + [1, 0])
    # weighted average where some given labels have zero support
    b.add_all_zd("edge-weighted-some-zero-support", I, [0, 0, 1, 1], [0, 2, 1, 3], labels=[0, 2, 3])
    b.add_all_zd("edge-weighted-zero-support-str", S, ["a", "a", "b"], ["c", "a", "c"],
                 labels=["a", "c", "d"])


def main():
    rng = np.random.default_rng(SEED)
    b = Builder()
    edge_cases(b)
    random_cases(b, rng)
    doc = {
        "generator": "tools/make_metric_goldens.py",
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "cases": b.cases,
    }
    os.makedirs(os.path.dirname(OUT_PATH), exist_ok=True)
    text = json.dumps(doc, ensure_ascii=False, allow_nan=False, indent=None,
                      separators=(",", ":"))
    # one case per line keeps diffs readable
    text = text.replace(',{"name":', ',\n{"name":').replace('"cases":[{', '"cases":[\n{')
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.write("\n")
    print(f"wrote {len(b.cases)} cases to {OUT_PATH} "
          f"(sklearn {sklearn.__version__}, numpy {np.__version__})", file=sys.stderr)


if __name__ == "__main__":
    main()
