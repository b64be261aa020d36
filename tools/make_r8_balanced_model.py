"""Make a third Reuters-R8 model for the three-model fixtures.

Reads the logistic regression's per-class probabilities
(fixtures/r8/test-tfidf-logreg-scores.csv) and predicts, for each document,
the class with the largest p(c | x) / q(c), where q(c) is the model's own
mean predicted probability of class c over the test documents. Dividing by
q(c) flattens the model's prior towards uniform, so rare classes are
predicted more often: a label-free prior correction (one step of Saerens,
Latinne and Decaestecker 2002) that uses no gold label. Ties go to the first
class in column order, as NumPy's argmax does.

Writes fixtures/r8/test-tfidf-logreg-balanced.csv (id,label,prediction).

Run:  python3 tools/make_r8_balanced_model.py      (standard library only)
"""

import csv
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "fixtures" / "r8" / "test-tfidf-logreg-scores.csv"
TARGET = ROOT / "fixtures" / "r8" / "test-tfidf-logreg-balanced.csv"


def main():
    with SOURCE.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    classes = header[2:]
    scores = [[float(value) for value in row[2:]] for row in body]
    prior = [sum(column) / len(scores) for column in zip(*scores)]
    with TARGET.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "label", "prediction"])
        for row, values in zip(body, scores):
            adjusted = [value / q for value, q in zip(values, prior)]
            best = max(range(len(classes)), key=lambda index: (adjusted[index], -index))
            writer.writerow([row[0], row[1], classes[best]])
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(body)} documents)")


if __name__ == "__main__":
    main()
