#!/usr/bin/env python3
"""Run every f1kit command that README.md and docs/*.md show, and diff.

Usage (from the package root, after `swift build -c release --product f1kit`):

    python3 tools/check_doc_examples.py [--f1kit .build/release/f1kit] [-v]
                                        [--only docs/gate.md] [--timeout 300]

What it checks, page by page (README.md, then docs/*.md sorted):

* A fenced block whose first line is `$ f1kit …` is a transcript. The
  command runs and the rest of the block must be what it prints: a
  ```` ```console ```` block byte for byte (standard output, or standard
  error followed by standard output when the block shows the warnings),
  any other block line by line in order, where a `...` line skips any
  number of lines and a line ending in ` ...` is a prefix. Its exit status
  must be 0, or 1 for a `gate` whose output starts with `FAIL`.
* A code span `f1kit …` in the prose right before a ```` ```latex ````,
  ```` ```markdown ```` or untyped block (the "Real output" examples of
  docs/tables.md) is listed in TABLE_EXAMPLES and checked the same way.
* Every other command line of an `sh` or untyped block that starts with
  `f1kit`, `swift run [-c release] f1kit` or `cat FILE | f1kit` runs when
  every file it names exists (fixtures/…, or on README.md and
  docs/tables.md the fixtures/examples files that a.csv, predictions.csv
  and the like name); it must exit 0 (or 0/1 for `gate`).
  Commands on generated data (benchmarks, /tmp runs, `$(…)`, globs over
  files that do not exist) are listed as skipped, with the reason.

Each page runs in a fresh temporary folder holding a link to fixtures/ (and
for EXAMPLE_PAGES copies of the fixtures/examples files), so files a command writes (`--out`,
`tune --out threshold.json`) land there and later commands of the page read
them. Prints one line per example and a summary; exits 1 on any mismatch.
`swift test` does not need this script: DocumentationConsoleTests and
DocumentationNumbersTests check the transcripts; this script also runs the
command-only blocks and checks the exit statuses.
"""

from __future__ import annotations

import argparse
import difflib
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Output blocks whose command is in the prose before them: (page, the
# block's language, the first line of the block) -> the command.
TABLE_EXAMPLES = {
    ("docs/tables.md", "latex", "% Made by F1Kit; needs \\usepackage{booktabs}."):
        "f1kit compare fixtures/r8/test-tfidf-nb.csv fixtures/r8/test-tfidf-logreg.csv --format latex",
    ("docs/tables.md", "markdown", "**Table.** Macro-F1 of each model on the same 2,189 test items, with 95% BCa bootstrap intervals (9,999 resamples, seed 42). Δ is each model minus the baseline test-tfidf-nb.csv, with its 95% BCa interval from the paired bootstrap. p is the two-sided permutation test (approximate randomization, 9,999 resamples) against the baseline. Marks: \\* p \\< 0.05, \\*\\* p \\< 0.01, \\*\\*\\* p \\< 0.001."):
        "f1kit compare fixtures/r8/test-tfidf-nb.csv fixtures/r8/test-tfidf-logreg.csv --format markdown",
}

# Pages whose sample file names (a.csv, predictions.csv, prod.csv, …) are the
# files of fixtures/examples; elsewhere such names stand for the reader's
# own files (scale.md's counts.csv has other columns) and are skipped.
EXAMPLE_PAGES = {"README.md", "docs/tables.md"}

# Blocks holding code or data, never commands.
NOT_COMMANDS = {"swift", "json", "yaml", "sql", "latex", "markdown", "csv"}


@dataclass
class Block:
    page: str
    line: int  # 1-based line of the block's first content line
    language: str
    lines: list[str]


@dataclass
class Example:
    page: str
    line: int
    kind: str  # "console", "transcript", "command"
    command: str
    expected: list[str] | None = None
    stdin_file: str | None = None


@dataclass
class Outcome:
    example: Example
    status: str  # "ok", "MISMATCH", "skipped"
    detail: str = ""
    seconds: float = 0.0


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)


def blocks(page: str, text: str) -> list[Block]:
    """The fenced blocks of a page, in order."""
    lines = text.split("\n")
    found: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("```"):
            language = line[3:].strip()
            start = index + 1
            index = start
            while index < len(lines) and not lines[index].startswith("```"):
                index += 1
            found.append(Block(page, start + 1, language, lines[start:index]))
        index += 1
    return found


COMMAND = re.compile(r"^(?:swift run (?:-c release )?)?f1kit\s")


def command_lines(block: Block) -> list[tuple[int, str]]:
    """The block's f1kit command lines, continuations joined, comments cut."""
    joined: list[tuple[int, str]] = []
    pending = ""
    pending_line = 0
    for offset, raw in enumerate(block.lines):
        if not pending:
            pending_line = block.line + offset
        if raw.rstrip().endswith("\\"):
            pending += raw.rstrip()[:-1].strip() + " "
            continue
        joined.append((pending_line, (pending + raw.strip()).strip()))
        pending = ""
    commands = []
    for line, text in joined:
        text = re.sub(r"\s+#\s.*$", "", text).strip()
        stdin_file = None
        piped = re.match(r"^cat (\S+) \| (.*)$", text)
        if piped:
            stdin_file, text = piped.group(1), piped.group(2)
        if COMMAND.match(text):
            text = re.sub(r"^swift run (?:-c release )?", "", text)
            commands.append((line, text, stdin_file))
    return commands


def examples_of(page: str, text: str) -> list[Example]:
    found: list[Example] = []
    for block in blocks(page, text):
        key = (page, block.language, block.lines[0] if block.lines else "")
        if key in TABLE_EXAMPLES:
            found.append(Example(page, block.line, "transcript", TABLE_EXAMPLES[key], block.lines))
            continue
        if block.language in NOT_COMMANDS or not block.lines:
            continue
        first = block.lines[0]
        if first.startswith("$ f1kit "):
            kind = "console" if block.language == "console" else "transcript"
            found.append(Example(page, block.line, kind, first[2:], block.lines[1:]))
            continue
        for line, command, stdin_file in command_lines(block):
            found.append(Example(page, line, "command", command, None, stdin_file))
    return found


def prepare_folder(page: str) -> str:
    folder = tempfile.mkdtemp(prefix="f1kit-doc-examples-")
    os.symlink(os.path.join(ROOT, "fixtures"), os.path.join(folder, "fixtures"))
    if page not in EXAMPLE_PAGES:
        return folder
    examples = os.path.join(ROOT, "fixtures", "examples")
    for name in os.listdir(examples):
        shutil.copy(os.path.join(examples, name), os.path.join(folder, name))
    return folder


def skip_reason(example: Example, arguments: list[str], folder: str) -> str | None:
    if "$(" in example.command or "`" in example.command:
        return "needs generated data (command substitution)"
    if any(part in {"|", ">", "&&", ";"} for part in arguments):
        return "a pipeline"
    if any(re.fullmatch(r"[A-Z]{2,}", argument) for argument in arguments):
        return "a synopsis (placeholders)"
    for argument in arguments[1:]:
        if argument.startswith("-"):
            continue
        value = argument.split("=", 1)[1] if re.match(r"^[A-Za-z][\w.-]*=", argument) else argument
        for part in value.split(","):
            if not re.search(r"\.(csv|tsv|jsonl|json)$", part):
                continue
            if glob.has_magic(part):
                if not glob.glob(os.path.join(folder, part)):
                    return f"no file matches {part}"
            elif not os.path.exists(os.path.join(folder, part)) and not output_path(arguments, part):
                return f"needs {part} (not committed)"
    return None


def output_path(arguments: list[str], name: str) -> bool:
    """Whether `name` follows an option that writes it."""
    for index, argument in enumerate(arguments[:-1]):
        if argument in {"--out", "--json", "--summary", "--tables-dir"} and arguments[index + 1] == name:
            return True
    return False


def expected_status(arguments: list[str], stdout: str) -> set[int]:
    if arguments and arguments[0] == "gate":
        if stdout.startswith("FAIL"):
            return {1}
        if stdout.startswith("PASS"):
            return {0}
        return {0, 1}
    return {0}


def ordered_match(expected: list[str], output: str) -> str | None:
    """None when the expected lines appear in order (`...` skips lines)."""
    got = output.split("\n")
    position = 0
    skipping = False  # the first line must be the output's first line
    for wanted in expected:
        if wanted == "...":
            skipping = True
            continue
        prefix = wanted.endswith(" ...")
        target = wanted[:-4] if prefix else wanted

        def fits(line: str) -> bool:
            return line.startswith(target) if prefix else line == target

        if skipping:
            while position < len(got) and not fits(got[position]):
                position += 1
        if position >= len(got) or not fits(got[position]):
            return f"expected line not found in order: {wanted!r}"
        position += 1
        skipping = False
    return None


def run(example: Example, f1kit: str, folder: str, timeout: float) -> Outcome:
    arguments = shlex.split(example.command)[1:]
    reason = skip_reason(example, arguments, folder)
    if reason:
        return Outcome(example, "skipped", reason)
    stdin = None
    if example.stdin_file:
        path = os.path.join(folder, example.stdin_file)
        if not os.path.exists(path):
            return Outcome(example, "skipped", f"needs {example.stdin_file}")
        stdin = open(path, "rb").read()
    began = time.monotonic()
    environment = dict(os.environ, SWIFT_BACKTRACE="enable=no")
    result = subprocess.run(
        [f1kit] + arguments, cwd=folder, input=stdin, capture_output=True, timeout=timeout,
        env=environment)
    seconds = time.monotonic() - began
    stdout = result.stdout.decode("utf-8", "replace")
    stderr = result.stderr.decode("utf-8", "replace")
    problems = []
    # The status the page implies (a gate that shows FAIL exits 1), or for
    # a bare command line the one its output implies.
    shown_first = "\n".join(example.expected) if example.expected else stdout
    allowed = expected_status(arguments, shown_first)
    if result.returncode not in allowed:
        problems.append(
            f"exit status {result.returncode}, expected {sorted(allowed)}; stderr: {stderr.strip()[:400]}")
    if example.expected is not None:
        if example.kind == "console":
            wanted = "".join(line + "\n" for line in example.expected)
            shown = stdout if stdout == wanted else stderr + stdout
            if shown != wanted:
                diff = difflib.unified_diff(
                    wanted.splitlines(), shown.splitlines(), "doc", "f1kit", lineterm="", n=1)
                problems.append("\n".join(diff))
        else:
            problem = ordered_match(example.expected, stdout + stderr)
            if problem:
                problems.append(problem)
    if problems:
        return Outcome(example, "MISMATCH", "\n".join(problems), seconds)
    return Outcome(example, "ok", f"exit {result.returncode}", seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--f1kit", default=os.path.join(ROOT, ".build/release/f1kit"))
    parser.add_argument("--only", action="append", help="a page (repeatable)")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("-v", "--verbose", action="store_true", help="print skipped ones too")
    options = parser.parse_args()
    f1kit = os.path.abspath(options.f1kit)
    if not os.access(f1kit, os.X_OK):
        print(f"no f1kit at {f1kit}: swift build -c release --product f1kit", file=sys.stderr)
        return 2
    pages = options.only or (["README.md"] + sorted(
        os.path.relpath(path, ROOT) for path in glob.glob(os.path.join(ROOT, "docs", "*.md"))))
    summary = Summary()
    for page in pages:
        with open(os.path.join(ROOT, page), encoding="utf-8") as handle:
            text = handle.read()
        folder = prepare_folder(page)
        try:
            for example in examples_of(page, text):
                outcome = run(example, f1kit, folder, options.timeout)
                summary.outcomes.append(outcome)
                if outcome.status != "skipped" or options.verbose:
                    print(f"{outcome.status:8} {page}:{example.line} [{example.kind}, "
                          f"{outcome.seconds:.1f} s] {example.command[:110]}")
                    if outcome.status != "ok":
                        print("         " + outcome.detail.replace("\n", "\n         "))
        finally:
            shutil.rmtree(folder)
    counts: dict[str, dict[str, int]] = {}
    for outcome in summary.outcomes:
        counts.setdefault(outcome.example.kind, {}).setdefault(outcome.status, 0)
        counts[outcome.example.kind][outcome.status] += 1
    print()
    for kind in ("console", "transcript", "command"):
        row = counts.get(kind, {})
        print(f"{kind:10}  ok {row.get('ok', 0):3}   mismatch {row.get('MISMATCH', 0):3}   "
              f"skipped {row.get('skipped', 0):3}")
    mismatches = sum(1 for outcome in summary.outcomes if outcome.status == "MISMATCH")
    checked = sum(1 for outcome in summary.outcomes if outcome.status != "skipped")
    print(f"{checked} examples run, {mismatches} mismatched")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
