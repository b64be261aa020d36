"""The whole "past one machine" path of docs/scale.md, run for real.

1. Generate N items with three models' predictions and write them to Parquet
   (pyarrow), in row groups so memory stays bounded.
2. Count them with DuckDB: the joint count table label,model_a,model_b,
   model_c,count, and the same table written as shards (PARTITION_BY).
3. Count them again with Spark in local mode (pyspark; Java 17): its
   part-*.csv files are shards.
4. Write the items as CSV (DuckDB COPY) and run f1kit on the raw rows.
5. Check that `f1kit compare`, `f1kit report --json` and
   `f1kit evaluate --pred-columns` give byte-identical JSON from the raw CSV,
   the DuckDB table, the DuckDB shards and the Spark shards, and that
   f1kit's metrics equal scikit-learn's on the raw rows (to 1e-12).
6. Print each step's wall time and f1kit's peak memory (max RSS from
   /usr/bin/time -v), as a Markdown table for docs/scale.md.

Run from the package root (the default of 2,000,000 items takes a few
minutes on two cores; the issue's run is --items 20000000):

    swift build -c release
    pip install pyarrow duckdb pyspark scikit-learn pandas
    python3 tools/scale_run.py                       # 2,000,000 items
    python3 tools/scale_run.py --items 20000000      # the full run
    python3 tools/scale_run.py --skip-spark          # without Java

Files go to Benchmarks/data/scale-N/ (ignored by git).
"""

import argparse
import glob
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = pathlib.Path(__file__).resolve().parent.parent
F1KIT = ROOT / ".build" / "release" / "f1kit"
CLASSES = np.array(["entailment", "neutral", "contradiction"])
MODELS = ["model_a", "model_b", "model_c"]
ACCURACY = {"model_a": 0.80, "model_b": 0.81, "model_c": 0.70}
RESAMPLES = "2000"
SEED = "2026"

TIMES = []


def step(name):
    """Times a block: `with step("name"): ...`."""

    class Timer:
        def __enter__(self):
            self.start = time.perf_counter()

        def __exit__(self, *exc):
            seconds = time.perf_counter() - self.start
            TIMES.append((name, seconds))
            print(f"  {name}: {seconds:.2f} s", flush=True)

    return Timer()


def generate(path, items, chunk=1_000_000):
    """Writes id,label,model_a,model_b,model_c to Parquet, chunk by chunk."""
    rng = np.random.default_rng(items)
    schema = pa.schema(
        [("id", pa.int64()), ("label", pa.string())] + [(m, pa.string()) for m in MODELS]
    )
    with pq.ParquetWriter(path, schema) as writer:
        for start in range(0, items, chunk):
            n = min(chunk, items - start)
            gold = rng.choice(len(CLASSES), size=n, p=[0.5, 0.3, 0.2])
            columns = {"id": np.arange(start, start + n), "label": CLASSES[gold]}
            for model in MODELS:
                noise = rng.integers(0, len(CLASSES), size=n)
                right = rng.random(n) < ACCURACY[model]
                columns[model] = CLASSES[np.where(right, gold, noise)]
            writer.write_table(pa.table(columns, schema=schema))


def duckdb_counts(parquet, table, shard_folder, items_csv):
    import duckdb

    con = duckdb.connect()
    con.execute("PRAGMA threads=2")
    columns = ", ".join(MODELS)
    with step("duckdb: joint count table"):
        con.execute(
            f"""
            COPY (
              SELECT label, {columns}, count(*) AS count
              FROM read_parquet('{parquet}')
              GROUP BY label, {columns}
            ) TO '{table}' (HEADER, DELIMITER ',')
            """
        )
    with step("duckdb: 4 count shards (PARTITION_BY)"):
        con.execute(
            f"""
            COPY (
              SELECT id % 4 AS shard, label, {columns}, count(*) AS count
              FROM read_parquet('{parquet}')
              GROUP BY shard, label, {columns}
            ) TO '{shard_folder}' (FORMAT CSV, HEADER, PARTITION_BY (shard), OVERWRITE_OR_IGNORE)
            """
        )
    with step("duckdb: items as CSV (for f1kit on raw rows)"):
        con.execute(
            f"COPY (SELECT * FROM read_parquet('{parquet}')) TO '{items_csv}' (HEADER, DELIMITER ',')"
        )
    return sorted(glob.glob(os.path.join(shard_folder, "shard=*", "*.csv")))


def spark_counts(parquet, folder):
    from pyspark.sql import SparkSession

    with step("spark: start (local[2])"):
        spark = (
            SparkSession.builder.master("local[2]")
            .appName("f1kit-scale")
            .config("spark.driver.memory", "1g")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
    with step("spark: joint count table (GROUP BY, 4 part files)"):
        frame = spark.read.parquet(str(parquet))
        frame.createOrReplaceTempView("items")
        counts = spark.sql(
            f"SELECT label, {', '.join(MODELS)}, count(*) AS count FROM items "
            f"GROUP BY label, {', '.join(MODELS)}"
        )
        counts.write.mode("overwrite").option("header", True).csv(str(folder))
    spark.stop()
    return sorted(glob.glob(os.path.join(folder, "part-*.csv")))


def f1kit(arguments, name):
    """Runs f1kit under /usr/bin/time -v; returns stdout and the peak RSS in MB."""
    command = ["/usr/bin/time", "-v", str(F1KIT)] + arguments
    with step(f"f1kit: {name}"):
        result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"f1kit {' '.join(arguments)} failed:\n{result.stderr}")
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    rss = int(match.group(1)) / 1024 if match else float("nan")
    TIMES[-1] = (TIMES[-1][0], TIMES[-1][1], rss)
    return result.stdout


def sklearn_check(parquet, evaluate_json):
    import pandas as pd
    from sklearn import metrics as m

    with step("scikit-learn on the raw rows"):
        frame = pq.read_table(parquet, columns=["label"] + MODELS).to_pandas()
        labels = sorted(CLASSES)
        gold = pd.Categorical(frame["label"], categories=labels).codes
        expected = {}
        for model in MODELS:
            pred = pd.Categorical(frame[model], categories=labels).codes
            expected[model] = {
                "macro_f1": m.f1_score(gold, pred, average="macro"),
                "accuracy": m.accuracy_score(gold, pred),
                "matthews_corrcoef": m.matthews_corrcoef(gold, pred),
            }
    document = json.loads(evaluate_json)
    worst = 0.0
    for model in document["models"]:
        metrics = model["metrics"]
        want = expected[model["name"]]
        got = {
            "macro_f1": metrics["macro_f1"],
            "accuracy": metrics["accuracy"],
            "matthews_corrcoef": metrics["mcc"],
        }
        for key in want:
            worst = max(worst, abs(got[key] - want[key]))
    return worst


def main():
    global F1KIT
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=2_000_000)
    parser.add_argument("--skip-spark", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--f1kit", default=str(F1KIT), help="the f1kit binary (default: release)")
    args = parser.parse_args()
    F1KIT = pathlib.Path(args.f1kit)
    if not F1KIT.exists():
        sys.exit("build first: swift build -c release")
    folder = ROOT / "Benchmarks" / "data" / f"scale-{args.items}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    parquet = folder / "items.parquet"
    table = folder / "duckdb-counts.csv"
    items_csv = folder / "items.csv"

    print(f"{args.items:,} items in {folder}", flush=True)
    started = time.perf_counter()
    with step("generate Parquet (pyarrow)"):
        generate(parquet, args.items)
    shards = duckdb_counts(parquet, table, folder / "duckdb-shards", items_csv)
    spark_parts = [] if args.skip_spark else spark_counts(parquet, folder / "spark-counts")

    columns = ["--pred-columns", ",".join(MODELS)]
    stats = ["--resamples", RESAMPLES, "--seed", SEED, "--quiet"]
    inputs = {"raw CSV": [str(items_csv)], "DuckDB table": [str(table)], "DuckDB shards": shards}
    if spark_parts:
        inputs["Spark parts"] = spark_parts
    outputs = {}
    for name, files in inputs.items():
        compare = f1kit(["compare"] + files + columns + stats + ["--format", "json"], f"compare, {name}")
        report_json = folder / f"report-{len(outputs)}.json"
        f1kit(
            ["report"] + files + columns + stats[:-1]
            + ["--out", str(folder / f"report-{len(outputs)}.html"), "--json", str(report_json)],
            f"report, {name}",
        )
        evaluate = f1kit(["evaluate"] + files + columns + ["--format", "json"], f"evaluate, {name}")
        outputs[name] = (compare, report_json.read_text(), evaluate)
    reference = outputs["raw CSV"]
    for name, output in outputs.items():
        for kind, got, want in zip(["compare", "report", "evaluate"], output, reference):
            if got != want:
                sys.exit(f"MISMATCH: {kind} JSON from {name} differs from the raw CSV's")
    print(f"identical JSON from: {', '.join(outputs)} (compare, report, evaluate)")
    worst = sklearn_check(parquet, reference[2])
    print(f"largest difference from scikit-learn: {worst:.3g}")
    if worst > 1e-12:
        sys.exit("MISMATCH with scikit-learn")
    total = time.perf_counter() - started

    load = os.getloadavg()
    print()
    print(f"| step ({args.items:,} items) | wall time (s) | f1kit peak memory (MB) |")
    print("|---|---:|---:|")
    for entry in TIMES:
        rss = f"{entry[2]:.0f}" if len(entry) > 2 else ""
        print(f"| {entry[0]} | {entry[1]:.2f} | {rss} |")
    print(f"| whole path | {total:.2f} | |")
    print(f"\nload average at the end: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f} on {os.cpu_count()} cores")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
