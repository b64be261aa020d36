"""What checking ids for repeats costs `f1kit evaluate`: two release builds
(say main's and a branch's) run in turn on the benchmark's 2,000,000-row file
(ids 0, 1, 2, ...) and on variants of it: no id column (the noise band),
sorted string ids, shuffled ids, and the first half written twice.

Prints, per file, the best wall and CPU (user + system) time of each build
and their ratio. Usage:

    python3 Benchmarks/evaluate_ids_benchmark.py BEFORE AFTER [REPEATS]
"""

import os
import pathlib
import subprocess
import sys
import time

import pandas as pd

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import evaluate_benchmark  # noqa: E402


def files():
    large = evaluate_benchmark.make_file(2_000_000)
    folder = evaluate_benchmark.DATA
    frame = pd.read_csv(large)
    variants = {
        "noid": lambda path: frame[["label", "prediction"]].to_csv(path, index=False),
        "strings": lambda path: frame.assign(id=[f"item-{i:08d}" for i in range(len(frame))])
        .to_csv(path, index=False),
        "shuffled": lambda path: frame.sample(frac=1, random_state=1).to_csv(path, index=False),
        "twice": lambda path: pd.concat([frame.iloc[:1_000_000]] * 2).to_csv(path, index=False),
    }
    result = {"increasing": large, "increasing-200k": evaluate_benchmark.make_file(200_000)}
    for name, write in variants.items():
        path = folder / f"predictions-2000000-{name}.csv"
        if not path.exists():
            write(path)
        result[name] = path
    return result


def run(binary, path):
    start = time.perf_counter()
    process = subprocess.Popen([binary, "evaluate", str(path), "--format", "json"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def main():
    before, after = sys.argv[1], sys.argv[2]
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 9
    print("load average {:.2f} {:.2f} {:.2f} on {} processors".format(*os.getloadavg(), os.cpu_count()))
    for name, path in files().items():
        times = {before: [], after: []}
        for _ in range(repeats):
            for binary in (before, after):
                times[binary].append(run(binary, path))
        (b_wall, b_cpu, b_status), (a_wall, a_cpu, a_status) = (
            (min(t[0] for t in times[binary]), min(t[1] for t in times[binary]), times[binary][-1][2])
            for binary in (before, after))
        print(f"{name:16s} wall {b_wall:.3f} -> {a_wall:.3f} s   cpu {b_cpu:.3f} -> {a_cpu:.3f} s "
              f"({a_cpu / b_cpu:.2f}x)   exit {b_status} -> {a_status}")
    print("load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
