#!/usr/bin/env bash
# Builds the DocC catalog of every library module with the toolchain's docc,
# failing on any warning.
#
#   tools/build_docs.sh [OUTPUT_DIR]
#
# Symbol graphs come from a build in its own scratch folder (.build-docs), so
# the flags that emit them never invalidate the ordinary .build. The guides in
# docs/ are the catalogs' articles: each is copied into a staged copy of its
# module's catalog here rather than committed twice, so the two cannot drift.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-.build-docs/archives}
graphs=$(mktemp -d)
stage=$(mktemp -d)
trap 'rm -rf "$graphs" "$stage"' EXIT

# The guides each module's catalog takes as articles.
articles() {
  case "$1" in
    F1Kit) echo metrics.md ;;
    F1KitReading) echo performance.md ;;
    F1KitStatistics) echo statistics.md gate.md scores.md ;;
    F1KitAdvice) echo choosing-a-metric.md ;;
    F1KitEvaluation) echo evaluator.md ;;
    F1KitReport) echo tables.md ;;
  esac
}

swift build --scratch-path .build-docs \
  -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$graphs" >/dev/null

# Every library product must have a catalog.
libraries=$(swift package describe --type json | python3 -c '
import json, sys
for product in json.load(sys.stdin)["products"]:
    if "library" in product["type"]:
        print(*product["targets"], sep="\n")
' | sort -u)

status=0
mkdir -p "$out"
for module in $libraries; do
  catalog="Sources/$module/Documentation.docc"
  if [ ! -d "$catalog" ]; then
    echo "docs: $module has no $catalog" >&2
    status=1
    continue
  fi
  mkdir -p "$stage/$module/graphs"
  cp -R "$catalog" "$stage/$module/$module.docc"
  for article in $(articles "$module"); do
    cp "docs/$article" "$stage/$module/$module.docc/"
    # Images an article shows (![...](name.png)) are catalog resources.
    for image in $(grep -oE '!\[[^]]*\]\([A-Za-z0-9._-]+\.png\)' "docs/$article" \
      | sed -E 's/.*\(([^)]*)\)$/\1/'); do
      cp "docs/$image" "$stage/$module/$module.docc/"
    done
  done
  cp "$graphs/$module.symbols.json" "$stage/$module/graphs/"
  cp "$graphs/$module"@*.symbols.json "$stage/$module/graphs/" 2>/dev/null || true
  log="$stage/$module/docc.log"
  if ! docc convert "$stage/$module/$module.docc" \
    --additional-symbol-graph-dir "$stage/$module/graphs" \
    --output-path "$out/$module.doccarchive" >"$log" 2>&1; then
    cat "$log" >&2
    status=1
  elif grep -Eq "(warning|error):" "$log"; then
    grep -E -A3 "(warning|error):" "$log" >&2
    status=1
  else
    echo "docs: $module ok"
  fi
done
exit $status
