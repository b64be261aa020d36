#!/bin/sh
# Renders the reports of the bundled fixtures in a real browser (headless
# Chromium) to PNG, at desktop (1280 px) and phone (390 px) widths, into
# docs/report-*.png, and fails if any step fails.
#
#   tools/render_report.sh            # from the package root
#
# Installs Chromium from Debian's packages when it is missing (needs root).
# Chromium screenshots a window, not a page, so each page is rendered twice:
# once in a tall window, whose empty bottom tools/png_trim.py measures, and
# once in a window of exactly the page's height.
set -eu
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    chromium fonts-dejavu-core fonts-liberation
fi

swift build -c release --product f1kit
f1kit=.build/release/f1kit
work=.build/report-render
mkdir -p "$work" docs

"$f1kit" report fixtures/stsb/test-minilm-l6.csv fixtures/stsb/test-minilm-l3.csv \
  --title "STS-B paraphrase: MiniLM-L6 vs MiniLM-L3" --out "$work/stsb.html"
"$f1kit" report fixtures/r8/test-tfidf-logreg.csv fixtures/r8/test-tfidf-nb.csv \
  fixtures/r8/test-tfidf-logreg-balanced.csv \
  --title "Reuters-R8: logistic regression, naive Bayes and a prior-corrected logistic regression" \
  --out "$work/r8.html"
"$f1kit" report fixtures/training/test-predictions.csv --names pair-classifier \
  --training-log fixtures/training/stsb-dev_results.csv \
  --title "STS-B: the example pair classifier and its training run" --out "$work/training.html"
"$f1kit" report fixtures/newsgroups/test-logreg.csv fixtures/newsgroups/test-nb.csv \
  --names logreg,naive-bayes \
  --title "20 Newsgroups tags: one-vs-rest logistic regression vs naive Bayes" \
  --out "$work/newsgroups.html"
runs() { for run in 1 2 3; do printf '%s' "fixtures/experiments/$1-run$run.csv,"; done | sed 's/,$//'; }
"$f1kit" report "a=$(runs a)" "b=$(runs b)" --group-column query \
  --title "Two models, three training runs each, 40 groups of test pairs" --out "$work/runs.html"

# page NAME WIDTH HEIGHT: the URL that lays out NAME.html WIDTH px wide.
# Headless Chromium's window is at least 500 px wide whatever --window-size
# says, and a narrower screenshot is only the left part of a 500 px layout;
# so a phone's width is laid out in an iframe of that width and HEIGHT,
# in a host page next to the report.
page() {
  if [ "$2" -ge 500 ]; then
    echo "file://$PWD/$work/$1.html"
    return
  fi
  host="$work/$1-$2-host.html"
  printf '%s\n' "<!DOCTYPE html><html><body style=\"margin:0\">" \
    "<iframe src=\"$1.html\" style=\"display:block;border:0;width:$2px;height:$3px\"></iframe>" \
    "</body></html>" >"$host"
  echo "file://$PWD/$host"
}

# render NAME WIDTH HEIGHT SUFFIX [CHROMIUM OPTIONS...]: the whole page
# (HEIGHT is the tall first window), or with SUFFIX ending in -top, only the
# top HEIGHT pixels.
render() {
  name=$1 width=$2 height=$3 suffix=$4
  shift 4
  raw="$work/$name-$suffix-raw.png"
  rm -f "$raw"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --force-device-scale-factor=1 --window-size="$width,$height" \
    --screenshot="$raw" "$@" "$(page "$name" "$width" "$height")" >/dev/null 2>&1 || {
    echo "error: chromium failed to render $work/$name.html" >&2
    exit 1
  }
  if [ ! -s "$raw" ]; then
    echo "error: chromium wrote no screenshot for $work/$name.html" >&2
    exit 1
  fi
  case $suffix in
    *-top) fitted=$height ;;
    *) fitted=$(python3 tools/png_trim.py height "$raw") ;;
  esac
  out="docs/report-$name-$suffix.png"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --force-device-scale-factor=1 --window-size="$width,$fitted" \
    --screenshot="$out" "$@" "$(page "$name" "$width" "$fitted")" >/dev/null 2>&1 || {
    echo "error: chromium failed to render $work/$name.html" >&2
    exit 1
  }
  if [ ! -s "$out" ]; then
    echo "error: chromium wrote no screenshot for $work/$name.html" >&2
    exit 1
  fi
  echo "$out (${width}x$fitted)"
}

render stsb 1280 14000 desktop
render stsb 390 20000 phone
render r8 1280 20000 desktop
render r8 390 30000 phone
render r8 1280 1700 dark-top --blink-settings=preferredColorScheme=0
render training 1280 9000 desktop
render runs 1280 12000 desktop
render newsgroups 1280 9000 desktop
render newsgroups 390 20000 phone
