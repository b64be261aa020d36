"""Writes the seed corpus of the reader fuzz targets to fixtures/fuzz-corpus/.

One folder per target of tools/fuzz.sh (csv, tsv, jsonl, counts, scores).
Every file is one fuzz input: a first byte that picks the reader's chunk size
(byte + 1), then the file's bytes. Seeds are the first lines of the committed
fixtures, small hand-written files for each format, and the inputs issue 14
found crashing or misbehaving (named issue14-*), kept as regression files:
`swift test` (FuzzCorpusTests) runs `f1kit evaluate` and `f1kit compare` on
each payload and expects an answer or a clean refusal, never a crash.

Run from the package root:  python3 tools/make_fuzz_corpus.py
"""

import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "fuzz-corpus"


def head(path, lines):
    with open(ROOT / "fixtures" / path, "rb") as f:
        return b"".join(f.readline() for _ in range(lines))


SEEDS = {
    "csv": {
        "r8-nb-head": head("r8/test-tfidf-nb.csv", 12),
        "stsb-l6-head": head("stsb/test-minilm-l6.csv", 12),
        "quoted": b'id,label,prediction\n1,"a,b","a,b"\n2,"say ""hi""",x\n3,"multi\nline",x\r\n',
        "crlf-bom": b"\xef\xbb\xbflabel,prediction\r\na,a\r\nb,a\r\n",
        "no-trailing-newline": b"gold,pred\n1,1\n0,1",
        "issue14-escape-label": b"label,prediction\n\x1b]0;pwned\x07,a\na,\x1b[31mred\n",
        "issue14-newline-label": b'label,prediction\n"a\nb",a\n',
        "issue14-bidi-label": "label,prediction\nabc\u202edef,abc\u2066x\n".encode(),
        "empty-fields": b"label,prediction\n,\n,a\n",
        "header-only": b"label,prediction\n",
        "duplicate-id": b"id,label,prediction\n1,a,a\n1,b,b\n",
    },
    "tsv": {
        "basic": b"id\tlabel\tprediction\n1\ta\ta\n2\tb\ta\n3\tc\tc\n",
        "quoted-tab": b'label\tprediction\n"a\tb"\tc\nc\tc\n',
        "ragged": b"label\tprediction\na\nb\tb\tb\n",
    },
    "jsonl": {
        "basic": b'{"id": 1, "label": "a", "prediction": "a"}\n{"id": 2, "label": "b", "prediction": "a"}\n',
        "escapes": b'{"label": "\\u00e9\\n", "prediction": "\\ud83d\\ude00"}\n{"label": "x", "prediction": "y"}\n',
        "issue14-number-labels": b'{"label": 1, "prediction": 1.0}\n{"label": 1e0, "prediction": 2}\n',
        "issue14-nan-label": b'{"label": NaN, "prediction": 1}\n{"label": Infinity, "prediction": 1}\n',
        "nested": b'{"label": "a", "prediction": "a", "meta": {"x": [1, 2, {"y": null}]}}\n',
        "scores-array": b'{"label": "pos", "scores": [0.1, 0.9]}\n',
        "truncated": b'{"label": "a", "prediction": "a"}\n{"label": "b", "predic',
    },
    "counts": {
        "basic": b"label,prediction,count\na,a,10\na,b,2\nb,b,7\n",
        "issue14-overflow-total": b"label,prediction,count\na,a,4611686018427387904\nb,b,4611686018427387904\n",
        "issue14-overflow-cell": b"label,prediction,count\na,a,9223372036854775807\nb,b,0\n",
        "issue14-all-zero": b"label,prediction,count\na,a,0\nb,b,0\n",
        "negative": b"label,prediction,count\na,a,-1\n",
        "fractional": b"label,prediction,count\na,a,1.5\nb,b,1e3\n",
        "repeated-cell": b"label,prediction,count\na,a,3\na,a,4\n",
    },
    "scores": {
        "basic": b"label,neg,neu,pos\nneg,0.7,0.2,0.1\npos,0.1,0.2,0.7\nneu,0.3,0.4,0.3\n",
        "ties-and-nan": b"label,neg,neu,pos\nneg,0.5,0.5,0\npos,nan,0,1\nneu,inf,-inf,1e308\n",
        "missing": b"label,neg,neu,pos\nneg,,0.1,0.2\n",
        "r8-scores-head": head("r8/test-tfidf-logreg-scores.csv", 6)
        .replace(b"acq,crude,earn", b"neg,neu,pos"),
    },
}


def main():
    for target, seeds in SEEDS.items():
        folder = OUT / target
        folder.mkdir(parents=True, exist_ok=True)
        for index, (name, payload) in enumerate(sorted(seeds.items())):
            chunk_byte = bytes([(7 * index + 3) % 256])
            (folder / name).write_bytes(chunk_byte + payload)


if __name__ == "__main__":
    main()
