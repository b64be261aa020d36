"""Runs the DuckDB and Postgres SQL of docs/scale.md, as written, on a small fixture.

1. Makes 20,000 items `id,label,model_a,model_b,model_c,query_id` (three
   classes, three models, groups of 1 to 7 items) and writes them as CSV
   and as Parquet (items/part-0.parquet, through DuckDB).
2. Takes the ```sql blocks under "### DuckDB" and "### Postgres" from
   docs/scale.md and runs them unchanged: DuckDB in-process (pip duckdb),
   Postgres through `psql -f` against a throwaway cluster (Debian's
   postgresql package: initdb, pg_ctl; a Unix socket, no TCP) that this
   script starts and stops.
3. Checks that both engines write the same rows (as multisets: the order
   of rows is the engines' own) for the joint table, the grouped table and
   each of the 4 shards.
4. Runs `f1kit compare --format json` on the raw items, on each engine's
   table and on each engine's shards, and with `--group-column query_id` on
   the raw items and each engine's grouped table, and checks the JSON is
   byte-identical.

Run from the package root after `swift build -c release` (or pass --f1kit):

    python3 tools/scale_sql_dialects.py

Needs `pip install duckdb` and `apt-get install postgresql`; run as root it
runs the Postgres server as the `postgres` user. Exits non-zero on any
difference. BigQuery is a cloud service and cannot run here; Spark SQL is
run by tools/scale_run.py.
"""

import argparse
import csv
import glob
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "scale.md"
MODELS = ["model_a", "model_b", "model_c"]
CLASSES = ["entailment", "neutral", "contradiction"]
ACCURACY = {"model_a": 0.80, "model_b": 0.78, "model_c": 0.70}


def sql_block(heading):
    """The ```sql block under a `### heading` of docs/scale.md."""
    text = DOC.read_text()
    start = text.index(f"### {heading}\n")
    match = re.search(r"```sql\n(.*?)```", text[start:], re.S)
    if not match:
        sys.exit(f"no sql block under ### {heading} in {DOC}")
    return match.group(1)


def make_items(folder, count, seed):
    rng = random.Random(seed)
    rows = []
    group = 0
    left = 0
    for item in range(count):
        if left == 0:
            group += 1
            left = rng.randint(1, 7)
        left -= 1
        gold = rng.choices(CLASSES, weights=[5, 3, 2])[0]
        predictions = [
            gold if rng.random() < ACCURACY[model] else rng.choice(CLASSES) for model in MODELS
        ]
        rows.append([item, gold] + predictions + [f"q{group:05d}"])
    path = folder / "items.csv"
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "label"] + MODELS + ["query_id"])
        writer.writerows(rows)
    return path


def run_duckdb(folder, items_csv):
    import duckdb

    out = folder / "duckdb"
    (out / "items").mkdir(parents=True)
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT * FROM read_csv('{items_csv}', header = true)) "
        f"TO '{out / 'items' / 'part-0.parquet'}' (FORMAT PARQUET)"
    )
    cwd = os.getcwd()
    os.chdir(out)
    try:
        con.execute(sql_block("DuckDB"))
    finally:
        os.chdir(cwd)
    shards = sorted(glob.glob(str(out / "shards" / "shard=*" / "*.csv")))
    return out, shards


def run_postgres(folder, items_csv, psql_bin):
    """Starts a throwaway cluster, loads the items, runs the doc's SQL."""
    out = folder / "postgres"
    out.mkdir()
    data = folder / "pgdata"
    socket_dir = folder / "pgsocket"
    socket_dir.mkdir()
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(folder, "postgres")
        shutil.chown(socket_dir, "postgres")
        os.chmod(folder, 0o755)
    bin_dir = pathlib.Path(psql_bin)
    subprocess.run(
        as_postgres + [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"],
        check=True,
        capture_output=True,
    )
    port = "54329"
    subprocess.run(
        as_postgres
        + [
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(folder / "pg.log"),
            "-o",
            f"-k {socket_dir} -p {port} -c listen_addresses=''",
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        psql = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(socket_dir), "-p", port, "-U", "postgres"]
        script = out / "counts.sql"
        load = (
            "CREATE TABLE items (id bigint, label text, model_a text, model_b text, "
            "model_c text, query_id text);\n"
            f"\\copy items FROM '{items_csv}' CSV HEADER\n"
        )
        script.write_text(load + sql_block("Postgres"))
        subprocess.run(psql + ["-f", str(script)], check=True, cwd=out)
        version = subprocess.run(
            psql + ["-t", "-A", "-c", "SHOW server_version"], check=True, capture_output=True, text=True
        ).stdout.strip()
    finally:
        subprocess.run(
            as_postgres + [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            capture_output=True,
        )
    shards = [str(out / f"shard-{n}.csv") for n in range(4)]
    return out, shards, version


def rows_of(path):
    with open(path, newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, sorted(tuple(row) for row in reader)


def same_rows(first, second, name):
    header1, rows1 = rows_of(first)
    header2, rows2 = rows_of(second)
    if header1 != header2 or rows1 != rows2:
        sys.exit(f"MISMATCH: DuckDB and Postgres wrote different {name} ({first} vs {second})")
    return len(rows1)


def without_run_files(text):
    """A grouped comparison's JSON without each run's source file, which
    names the input (the items, or a table); every number is kept."""
    document = json.loads(text)
    for model in document.get("models", []):
        for run in model.get("runs", []):
            run.pop("file", None)
    return json.dumps(document, sort_keys=True)


def f1kit(binary, arguments):
    result = subprocess.run([binary] + arguments, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"f1kit {' '.join(arguments)} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--f1kit", default=str(ROOT / ".build" / "release" / "f1kit"))
    parser.add_argument("--postgres-bin", default=None, help="folder of initdb and pg_ctl")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    if not pathlib.Path(args.f1kit).exists():
        sys.exit(f"no f1kit at {args.f1kit}: build first (swift build -c release)")
    psql_bin = args.postgres_bin or next(
        iter(sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)), None
    )
    if not psql_bin or not shutil.which("psql"):
        sys.exit("Postgres not found: apt-get install postgresql")

    folder = pathlib.Path(tempfile.mkdtemp(prefix="f1kit-sql-"))
    try:
        items_csv = make_items(folder, args.items, seed=13)
        duck, duck_shards = run_duckdb(folder, items_csv)
        pg, pg_shards, version = run_postgres(folder, items_csv, psql_bin)
        import duckdb

        print(f"{args.items:,} items; DuckDB {duckdb.__version__}, Postgres {version}")
        cells = same_rows(duck / "counts.csv", pg / "counts.csv", "joint tables")
        grouped = same_rows(duck / "grouped-counts.csv", pg / "grouped-counts.csv", "grouped tables")
        if len(duck_shards) != 4:
            sys.exit(f"expected 4 DuckDB shards, found {len(duck_shards)}")
        for n in range(4):
            duck_shard = next(p for p in duck_shards if f"shard={n}" in p)
            same_rows(duck_shard, pg_shards[n], f"shard {n}")
        print(f"same rows from both engines: joint table ({cells} rows), grouped table ({grouped} rows), 4 shards")

        columns = ["--pred-columns", ",".join(MODELS), "--format", "json", "--resamples", "500", "--quiet"]
        inputs = {
            "raw items": [str(items_csv)],
            "DuckDB table": [str(duck / "counts.csv")],
            "Postgres table": [str(pg / "counts.csv")],
            "DuckDB shards": duck_shards,
            "Postgres shards": pg_shards,
        }
        outputs = {name: f1kit(args.f1kit, ["compare"] + files + columns) for name, files in inputs.items()}
        grouped_inputs = {
            "raw items": [str(items_csv)],
            "DuckDB grouped table": [str(duck / "grouped-counts.csv")],
            "Postgres grouped table": [str(pg / "grouped-counts.csv")],
        }
        grouping = columns + ["--group-column", "query_id"]
        grouped_outputs = {
            name: f1kit(args.f1kit, ["compare"] + files + grouping) for name, files in grouped_inputs.items()
        }
        grouped_outputs = {name: without_run_files(text) for name, text in grouped_outputs.items()}
        for results, label in [(outputs, "compare"), (grouped_outputs, "compare --group-column")]:
            reference = next(iter(results.values()))
            for name, output in results.items():
                if output != reference:
                    sys.exit(f"MISMATCH: {label} JSON from {name} differs from the raw items'")
            print(f"identical {label} JSON from: {', '.join(results)}")
    finally:
        if args.keep:
            print(f"files kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
