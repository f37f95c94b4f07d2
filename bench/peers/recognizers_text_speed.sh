#!/usr/bin/env bash
# Our mention stage side by side with Microsoft Recognizers-Text (issue 7,
# item 6), on the same sentences, for money and percentages.
#
#   bench/peers/recognizers_text_speed.sh            (from anywhere)
#
# Environment (defaults in brackets):
#   BUILD        build tree with the Python module and the library [build]
#   SHARED       the shared directory [../shared, next to the repository]
#   RT           where the npm package is installed [/tmp/rt]
#   EN_ARTICLES  Reuters-21578 articles, first of reut2-000.sgm [1000]
#   FR_ARTICLES  OrangeSum economy articles, first of the file [60]
#   LANGS        [en fr]
#   WORK         where inputs and outputs go [a new /tmp/rt-speed.XXXXXX, kept]
#
# Steps: installs @microsoft/recognizers-text-suite@1.3.1 into $RT when it is
# missing; installs $BUILD into $WORK/prefix and builds mentions_lines.cc
# against it (public API only); writes each language's sentences (our own
# splitter, one per line) to $WORK/<lang>/sentences.txt; then, on exactly those
# lines, times
#   peer         node recognizers_text_run.js <culture> --types=currency,percentage
#                (/usr/bin/time -v; a run on empty input is subtracted: node
#                start and model construction)
#   ours-python  newsevents.Extractor().mentions(line, lang=...) per line (GIL,
#                str -> code-point offsets included; creation not counted)
#   ours-c++     Extractor::Mentions per line (creation not counted)
# and prints a table: MB/s and sentences/s by wall time and by CPU time (the
# machine is shared: CPU time is the steadier number), money and percent found,
# and how many of them agree. Every run is under `nice -n 10`; the load average
# at the start of each run is in the table.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
RT=${RT:-/tmp/rt}
EN_ARTICLES=${EN_ARTICLES:-1000}
FR_ARTICLES=${FR_ARTICLES:-60}
LANGS=${LANGS:-en fr}
WORK=${WORK:-$(mktemp -d /tmp/rt-speed.XXXXXX)}
PY=/usr/bin/python3
NICE="nice -n 10"
HERE=bench/peers
RUN_JS=$SHARED/peers/recognizers-text/run/recognizers_text_run.js

[[ -d $BUILD/python ]] || { echo "no $BUILD/python: build with -DNEWSEVENTS_PYTHON=ON (BUILD=...)" >&2; exit 2; }
[[ -f $RUN_JS ]] || { echo "no $RUN_JS" >&2; exit 2; }
export PYTHONPATH=$BUILD/python${PYTHONPATH:+:$PYTHONPATH}

if [[ ! -d $RT/node_modules/@microsoft/recognizers-text-suite ]]; then
  echo "installing @microsoft/recognizers-text-suite@1.3.1 into $RT" >&2
  npm install --silent --prefix "$RT" @microsoft/recognizers-text-suite@1.3.1 >&2
fi

# Our C++ side, built against an installed tree through pkg-config.
cmake --install "$BUILD" --prefix "$WORK/prefix" >/dev/null
PC=$(dirname "$(find "$WORK/prefix" -name newsevents.pc | head -1)")
LIBDIR=$(PKG_CONFIG_PATH=$PC pkg-config --variable=libdir newsevents)
$NICE g++ -std=c++17 -O2 -o "$WORK/mentions_lines" $HERE/mentions_lines.cc \
  $(PKG_CONFIG_PATH=$PC pkg-config --cflags --libs newsevents) -Wl,-rpath,"$LIBDIR"

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

for lang in $LANGS; do
  d=$WORK/$lang
  mkdir -p "$d"
  : >"$d/load.txt"
  if [[ $lang == en ]]; then culture=en-us; articles=$EN_ARTICLES; else culture=fr-fr; articles=$FR_ARTICLES; fi
  $PY $HERE/rt_speed.py sentences "$lang" "$SHARED" "$articles" "$d/sentences.txt"

  echo "$lang: peer" >&2
  /usr/bin/time -v -o "$d/peer_empty.time" $NICE env NODE_PATH="$RT/node_modules" \
    node "$RUN_JS" $culture --types=currency,percentage </dev/null >/dev/null
  printf 'peer\t%s\n' "$(loadavg)" >>"$d/load.txt"
  /usr/bin/time -v -o "$d/peer.time" $NICE env NODE_PATH="$RT/node_modules" \
    node "$RUN_JS" $culture --types=currency,percentage <"$d/sentences.txt" >"$d/rt.jsonl"

  echo "$lang: ours (Python)" >&2
  printf 'ours-python\t%s\n' "$(loadavg)" >>"$d/load.txt"
  $NICE $PY $HERE/rt_speed.py ours "$lang" "$d/sentences.txt" "$d/py.jsonl" "$d/py.json"

  echo "$lang: ours (C++)" >&2
  printf 'ours-c++\t%s\n' "$(loadavg)" >>"$d/load.txt"
  $NICE "$WORK/mentions_lines" "$lang" "$d/cc.jsonl" <"$d/sentences.txt" 2>"$d/cc.json"
  cat "$d/cc.json" >&2
done

echo
echo "inputs and outputs: $WORK"
$PY $HERE/rt_speed.py table "$WORK"
