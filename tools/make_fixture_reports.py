"""Expected `f1kit evaluate --format json` output for the real fixtures.

Reads each prediction file the way a Python user would (pandas.read_csv,
labels as pandas infers them), scores it with scikit-learn, and writes
fixtures/goldens/fixture-reports.json. The CLI tests run the built `f1kit`
on the same files and compare every number to 1e-12, so `swift test` needs
no Python.

Run:  python3 tools/make_fixture_reports.py
Needs: pip install scikit-learn pandas   (scikit-learn 1.9.1 was used)
"""

import json
import math
import pathlib
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics as m
from sklearn.utils.multiclass import unique_labels

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from make_score_goldens import binary_expected, multiclass_expected  # noqa: E402

# (file, extra f1kit arguments, how to get predictions from the frame)
CASES = [
    ("stsb/test-minilm-l6.csv", [], "prediction"),
    ("stsb/test-minilm-l3.csv", [], "prediction"),
    ("r8/test-tfidf-logreg.csv", [], "prediction"),
    ("r8/test-tfidf-nb.csv", [], "prediction"),
    ("r8/test-tfidf-logreg-scores.csv",
     ["--score-columns", "acq,crude,earn,grain,interest,money-fx,ship,trade"], "argmax"),
    ("r8/test-tfidf-nb-scores.csv",
     ["--score-columns", "acq,crude,earn,grain,interest,money-fx,ship,trade"], "argmax"),
    ("stsb/test-minilm-l6.csv",
     ["--score-column", "score", "--threshold", "0.7"], "threshold:score:0.7"),
    ("stsb/test-minilm-l6.csv", ["--beta", "2"], "prediction"),
    ("r8/test-tfidf-nb.csv", ["--beta", "0.5"], "prediction"),
]


def number(x):
    x = float(x)
    return None if math.isnan(x) else x


def expected(y_true, y_pred, beta=None):
    labels = unique_labels(y_true, y_pred)
    binary = len(labels) == 2
    out = {"n": int(len(y_true)), "problem": "binary" if binary else "multiclass",
           "labels": [str(label) for label in labels]}
    kw = dict(zero_division=0)
    metrics = {
        "accuracy": m.accuracy_score(y_true, y_pred),
        "balanced_accuracy": m.balanced_accuracy_score(y_true, y_pred),
    }
    for avg in ("micro", "macro", "weighted"):
        p, r, f, _ = m.precision_recall_fscore_support(y_true, y_pred, average=avg, **kw)
        metrics.update({f"{avg}_precision": p, f"{avg}_recall": r, f"{avg}_f1": f})
    metrics["mcc"] = m.matthews_corrcoef(y_true, y_pred)
    metrics["cohen_kappa"] = m.cohen_kappa_score(y_true, y_pred)
    if binary:
        pos = labels[1]
        out["positive_label"] = str(pos)
        p, r, f, _ = m.precision_recall_fscore_support(
            y_true, y_pred, average="binary", pos_label=pos, **kw)
        metrics.update({"binary_precision": p, "binary_recall": r, "binary_f1": f})
    if beta is not None:
        out["beta"] = beta
        for avg in ("micro", "macro", "weighted") + (("binary",) if binary else ()):
            extra = {"pos_label": labels[1]} if avg == "binary" else {}
            metrics[f"{avg}_fbeta"] = m.fbeta_score(
                y_true, y_pred, beta=beta, average=avg, **extra, **kw)
    out["metrics"] = {k: number(v) for k, v in metrics.items()}
    p, r, f, s = m.precision_recall_fscore_support(y_true, y_pred, labels=labels, **kw)
    out["per_class"] = [
        {"label": str(label), "precision": number(p[i]), "recall": number(r[i]),
         "f1": number(f[i]), "support": int(s[i])}
        for i, label in enumerate(labels)]
    out["confusion_matrix"] = m.confusion_matrix(y_true, y_pred, labels=labels).tolist()
    return out


def main():
    cases = []
    for path, arguments, how in CASES:
        frame = pd.read_csv(ROOT / "fixtures" / path)
        y_true = frame["label"].to_numpy()
        if how == "prediction":
            y_pred = frame["prediction"].to_numpy()
        elif how == "argmax":
            columns = arguments[1].split(",")
            y_pred = np.array(columns)[frame[columns].to_numpy().argmax(axis=1)]
        else:
            _, column, threshold = how.split(":")
            labels = unique_labels(y_true)
            y_pred = np.where(frame[column] >= float(threshold), labels[1], labels[0])
        beta = float(arguments[arguments.index("--beta") + 1]) if "--beta" in arguments else None
        case = {"file": path, "arguments": arguments,
                "expected": expected(y_true, y_pred, beta)}
        # The score metrics (average precision, ROC-AUC, log loss, Brier
        # score, ECE) of the files read with their scores, from scikit-learn
        # through tools/make_score_goldens.py's definitions.
        if how == "argmax":
            columns = arguments[1].split(",")
            gold = np.array([columns.index(label) for label in y_true])
            case["expected"]["score_metrics"] = multiclass_expected(
                gold, frame[columns].to_numpy(dtype=np.float64), len(columns))
        elif how.startswith("threshold:"):
            _, column, _ = how.split(":")
            positive = unique_labels(y_true)[1]
            case["expected"]["score_metrics"] = binary_expected(
                y_true == positive, frame[column].to_numpy(dtype=np.float64))
        # The text report must start with scikit-learn's own, character for character.
        case["classification_report"] = m.classification_report(
            y_true, y_pred, digits=4, zero_division=0)
        cases.append(case)
    document = {"generator": "tools/make_fixture_reports.py",
                "sklearn_version": sklearn.__version__, "cases": cases}
    out = ROOT / "fixtures" / "goldens" / "fixture-reports.json"
    out.write_text(json.dumps(document, indent=1) + "\n")
    print(f"wrote {out} ({len(cases)} cases)")


if __name__ == "__main__":
    main()
