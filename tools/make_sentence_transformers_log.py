#!/usr/bin/env python3
"""Write fixtures/training/sentence-transformers/, a results log in exactly
the format Sentence-Transformers' CrossEncoderClassificationEvaluator writes
for a one-output (binary) model.

Not used by the Swift build or tests; the generated CSV file is committed.
Needs numpy and scikit-learn (tools/requirements-fixtures.txt). Run from the
repository root:

    python3 tools/make_sentence_transformers_log.py

The format is Sentence-Transformers' own (sentence_transformers/cross_encoder/
evaluation/classification.py, checked on 1 Dec 2026):

    * file name  CrossEncoderClassificationEvaluator_<name>_results.csv;
    * header     epoch,steps,Accuracy,Accuracy_Threshold,F1,F1_Threshold,
                 Precision,Recall,Average_Precision;
    * rows       written by Python's csv.writer with its default dialect
                 (CRLF line ends), the file opened in append mode once it
                 exists, so each call adds one row;
    * values     Accuracy and F1 are the best over every cut-off of the scores,
                 the thresholds the midpoints between two neighbouring scores
                 where they are reached, Precision and Recall at the best-F1
                 cut-off, Average_Precision scikit-learn's
                 average_precision_score (the evaluator's primary metric);
    * a call without a step, as a script makes after training, logs
      epoch -1 and steps -1.

The numbers stand in for a training run: there is no cross-encoder on this
machine, so the scores at step s blend the two bi-encoders' STS-B dev scores
of fixtures/stsb, (1 - s/800) x MiniLM-L3 + (s/800) x MiniLM-L6, evaluated
every 100 steps over two epochs of 400 steps (epoch as the Hugging Face
trainer passes it, fractional), then once more after training (the final
scores) with epoch -1 and steps -1. Every metric is computed from those
scores as the evaluator computes it, so the columns agree with each other.
"""

import csv
import os

import numpy as np
from sklearn.metrics import average_precision_score

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDER = os.path.join(ROOT, "fixtures", "training", "sentence-transformers")
NAME = "stsb-dev"
HEADER = [
    "epoch", "steps", "Accuracy", "Accuracy_Threshold", "F1", "F1_Threshold",
    "Precision", "Recall", "Average_Precision",
]
STEPS_PER_EPOCH = 400
LAST_STEP = 800


def read_scores(model):
    """The gold labels and scores of one model's dev file."""
    with open(os.path.join(ROOT, "fixtures", "stsb", f"dev-{model}.csv"), newline="") as file:
        rows = list(csv.DictReader(file))
    return (np.array([int(row["label"]) for row in rows]),
            np.array([float(row["score"]) for row in rows]))


def best_cut_offs(labels, scores):
    """Best accuracy and best F1 over cut-offs between neighbouring scores,
    highest score first, each with the midpoint threshold where it is first
    reached, and the precision and recall at the best-F1 cut-off."""
    order = np.argsort(-scores, kind="stable")
    ranked_scores = scores[order]
    ranked_labels = labels[order]
    positives = int(labels.sum())
    negatives = len(labels) - positives
    best_accuracy, accuracy_threshold = -1.0, 0.0
    best_f1, f1_threshold, best_precision, best_recall = -1.0, 0.0, 0.0, 0.0
    true_positives = 0
    for rank in range(len(labels) - 1):
        true_positives += int(ranked_labels[rank])
        called_positive = rank + 1
        false_positives = called_positive - true_positives
        midpoint = (ranked_scores[rank] + ranked_scores[rank + 1]) / 2
        accuracy = (true_positives + negatives - false_positives) / len(labels)
        if accuracy > best_accuracy:
            best_accuracy, accuracy_threshold = accuracy, midpoint
        if true_positives > 0:
            precision = true_positives / called_positive
            recall = true_positives / positives
            f1 = 2 * precision * recall / (precision + recall)
            if f1 > best_f1:
                best_f1, f1_threshold = f1, midpoint
                best_precision, best_recall = precision, recall
    return best_accuracy, accuracy_threshold, best_f1, f1_threshold, best_precision, best_recall


def log_evaluation(labels, scores, epoch, steps):
    """Appends one row, writing the header first when the file is new."""
    accuracy, accuracy_threshold, f1, f1_threshold, precision, recall = best_cut_offs(
        labels, scores)
    average_precision = average_precision_score(labels, scores)
    path = os.path.join(FOLDER, f"CrossEncoderClassificationEvaluator_{NAME}_results.csv")
    exists = os.path.isfile(path)
    with open(path, mode="a" if exists else "w", encoding="utf-8") as file:
        writer = csv.writer(file)
        if not exists:
            writer.writerow(HEADER)
        writer.writerow([epoch, steps, accuracy, accuracy_threshold, f1, f1_threshold,
                         precision, recall, average_precision])


def main():
    labels, small = read_scores("minilm-l3")
    labels_again, large = read_scores("minilm-l6")
    assert (labels == labels_again).all()
    os.makedirs(FOLDER, exist_ok=True)
    path = os.path.join(FOLDER, f"CrossEncoderClassificationEvaluator_{NAME}_results.csv")
    if os.path.exists(path):
        os.remove(path)
    for step in range(100, LAST_STEP + 1, 100):
        weight = step / LAST_STEP
        log_evaluation(labels, (1 - weight) * small + weight * large,
                       epoch=step / STEPS_PER_EPOCH, steps=step)
    log_evaluation(labels, large, epoch=-1, steps=-1)
    print(f"wrote {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    main()
