#!/usr/bin/env python3
"""Groups the findings of tools/differential_evaluate.py by root cause.

    python3 tools/differential_evaluate_findings.py OUT/findings.jsonl [-v]

Prints how many findings (and distinct cases) each known cause explains;
with -v, one line per case of the findings no known cause explains, with
its command and standard error, to read first. The causes are those found
on 2 Dec 2026 (docs/fuzzing.md); a fixed cause should no longer appear.
"""

import collections
import json
import sys


def cause(finding):
    """The known root cause of a finding, or OTHER."""
    tags = finding["tags"]
    weighted = "weighted" in tags
    if finding["category"] == "refused-documented":
        return "documented refusal"
    numeric = ("kind:int", "kind:float", "kind:float_nan", "int-vs-float")
    if weighted and any(tag in tags for tag in numeric):
        return "weighted numeric labels compared as text"
    if weighted and ("fmt:jsonl" in tags or "json-arrays" in tags
                     or finding["command"].split()[2].endswith(".jsonl")):
        return "weighted JSON Lines escapes"
    if "kind:bool" in tags and "True" in finding["detail"] and "not one of the labels" in finding["detail"]:
        return "--positive True against JSON true"
    if "one-column" in tags:
        return "multilabel file with no labels at all"
    return "OTHER"


def main():
    groups = collections.defaultdict(list)
    with open(sys.argv[1]) as lines:
        for line in lines:
            finding = json.loads(line)
            groups[cause(finding)].append(finding)
    for name, findings in sorted(groups.items()):
        cases = len({finding["case"] for finding in findings})
        print(f"{name}: {len(findings)} findings in {cases} cases")
    if "-v" not in sys.argv:
        return
    seen = set()
    for finding in groups["OTHER"]:
        key = (finding["case"], finding["category"])
        if key in seen:
            continue
        seen.add(key)
        print(finding["case"], finding["kind"], finding["category"], finding["where"],
              finding["detail"][:220].replace("\n", " "), "|", finding["command"][:200], "|",
              finding["tags"], "|", finding["stderr"][:200].replace("\n", " "))
        print()


if __name__ == "__main__":
    main()
