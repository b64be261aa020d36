"""Peak memory of `f1kit compare` and `f1kit report` on large files (issue 14 §3).

Writes two prediction files of N items (default 20,000,000) with an id
column, K = 3 string classes: `memory-N-a.csv` with the ids in order and
`memory-N-b.csv` with the same items in a shuffled order, so `compare` must
align them by id. Then runs, each under `/usr/bin/time`:

    f1kit compare A B --resamples 999 --quiet
    f1kit report A --out memory-N-report.html

and prints wall time, CPU time, peak resident memory (`%M`, the whole
process) and that memory per item. The targets: `compare` at most 40 bytes
per item; `report` on one file with no per-item storage.

Run from the package root, on a machine with a few GB free:
    swift build -c release --product f1kit
    nice -n 19 python3 Benchmarks/memory_benchmark.py            # 20,000,000 items
    nice -n 19 python3 Benchmarks/memory_benchmark.py --items 1000000
Needs: pip install numpy
"""

import argparse
import os
import pathlib
import re
import subprocess
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "Benchmarks" / "data"
F1KIT = ROOT / ".build" / "release" / "f1kit"
CLASSES = ["entailment", "neutral", "contradiction"]
CHUNK = 1_000_000


def write(path, ids, gold, pred):
    """Writes `id,label,prediction` rows, a million at a time."""
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w") as f:
        f.write("id,label,prediction\n")
        for start in range(0, len(ids), CHUNK):
            rows = zip(ids[start:start + CHUNK].tolist(), gold[start:start + CHUNK].tolist(),
                       pred[start:start + CHUNK].tolist())
            f.write("".join(f"item-{i:08d},{CLASSES[g]},{CLASSES[p]}\n" for i, g, p in rows))
    os.replace(tmp, path)


def make_pair(n):
    """Model A's file with ids in order, model B's with the same items shuffled."""
    paths = [DATA / f"memory-{n}-{model}.csv" for model in ("a", "b")]
    if all(p.exists() for p in paths):
        return paths
    DATA.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(n)
    gold = rng.choice(3, size=n, p=[0.5, 0.3, 0.2]).astype(np.int8)
    ids = np.arange(n)
    for path, accuracy, order in zip(paths, (0.80, 0.82), (ids, rng.permutation(n))):
        noise = rng.integers(0, 3, size=n, dtype=np.int8)
        pred = np.where(rng.random(n) < accuracy, gold, noise)
        write(path, order, gold[order], pred[order])
    return paths


def measure(label, arguments, n):
    """Runs f1kit under /usr/bin/time and prints wall, CPU and peak memory."""
    command = ["/usr/bin/time", "-f", "%e s wall %U user %M KB", str(F1KIT), *arguments]
    print("$", " ".join(command[3:]), flush=True)
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{label}: exit {result.returncode}\n{result.stderr}")
    line = result.stderr.strip().splitlines()[-1]
    match = re.match(r"([\d.]+) s wall ([\d.]+) user (\d+) KB", line)
    wall, user, kilobytes = float(match[1]), float(match[2]), int(match[3])
    print(f"{label}: {wall:.1f} s wall, {user:.1f} s user, {kilobytes / 1024:.0f} MiB peak, "
          f"{kilobytes * 1024 / n:.1f} bytes per item", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000_000)
    parser.add_argument("--only", choices=["compare", "report"])
    arguments = parser.parse_args()
    if not F1KIT.exists():
        sys.exit("build first: swift build -c release --product f1kit")
    n = arguments.items
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()), flush=True)
    a, b = make_pair(n)
    if arguments.only in (None, "compare"):
        measure("compare", ["compare", str(a), str(b), "--resamples", "999", "--quiet"], n)
    if arguments.only in (None, "report"):
        report = DATA / f"memory-{n}-report.html"
        measure("report", ["report", str(a), "--out", str(report)], n)
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()), flush=True)


if __name__ == "__main__":
    main()
