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
#   SAMPLES      which samples [reuters yahoo orangesum]:
#     reuters    (en) Reuters-21578, the first REUTERS_ARTICLES [1000] articles
#                with a body of reut2-000.sgm (1987 wire style: "dlrs", "pct")
#     yahoo      (en) Yahoo Finance 2019, the first YAHOO_ARTICLES [150] ("$", "%")
#     orangesum  (fr) OrangeSum economy, the first ORANGESUM_ARTICLES [30]
#   WORK         where inputs and outputs go [a new /tmp/rt-speed.XXXXXX, kept]
#
# Steps: installs @microsoft/recognizers-text-suite@1.3.1 into $RT when it is
# missing; installs $BUILD into $WORK/prefix and builds mentions_lines.cc
# against it (public API only); writes each sample's sentences (our own
# splitter, one per line) to $WORK/<sample>/sentences.txt; then, on exactly those
# lines, times
#   peer         node recognizers_text_run.js <culture> --types=currency,percentage
#                (/usr/bin/time -v; a run on the one line "x" is subtracted:
#                node start, models built, and the first parse's set-up, which
#                is 7 s of CPU in French, 0.2 s in English)
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
REUTERS_ARTICLES=${REUTERS_ARTICLES:-1000}
YAHOO_ARTICLES=${YAHOO_ARTICLES:-150}
ORANGESUM_ARTICLES=${ORANGESUM_ARTICLES:-30}
SAMPLES=${SAMPLES:-reuters yahoo orangesum}
read -ra SAMPLE_LIST <<<"$SAMPLES"
WORK=${WORK:-$(mktemp -d /tmp/rt-speed.XXXXXX)}
PY=/usr/bin/python3
NICE=(nice -n 10)
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
# shellcheck disable=SC2046  # pkg-config prints several flags
"${NICE[@]}" g++ -std=c++17 -O2 -o "$WORK/mentions_lines" $HERE/mentions_lines.cc \
  $(PKG_CONFIG_PATH=$PC pkg-config --cflags --libs newsevents) -Wl,-rpath,"$LIBDIR"

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

for sample in "${SAMPLE_LIST[@]}"; do
  d=$WORK/$sample
  mkdir -p "$d"
  : >"$d/load.txt"
  case $sample in
    reuters) lang=en culture=en-us articles=$REUTERS_ARTICLES ;;
    yahoo) lang=en culture=en-us articles=$YAHOO_ARTICLES ;;
    orangesum) lang=fr culture=fr-fr articles=$ORANGESUM_ARTICLES ;;
    *) echo "unknown sample $sample" >&2; exit 2 ;;
  esac
  $PY $HERE/rt_speed.py sentences "$sample" "$SHARED" "$articles" "$d/sentences.txt"

  echo "$sample: peer" >&2
  echo x >"$d/one_line.txt"
  /usr/bin/time -v -o "$d/peer_start.time" "${NICE[@]}" env NODE_PATH="$RT/node_modules" \
    node "$RUN_JS" $culture --types=currency,percentage <"$d/one_line.txt" >/dev/null
  printf 'peer\t%s\n' "$(loadavg)" >>"$d/load.txt"
  /usr/bin/time -v -o "$d/peer.time" "${NICE[@]}" env NODE_PATH="$RT/node_modules" \
    node "$RUN_JS" $culture --types=currency,percentage <"$d/sentences.txt" >"$d/rt.jsonl"

  echo "$sample: ours (Python)" >&2
  printf 'ours-python\t%s\n' "$(loadavg)" >>"$d/load.txt"
  "${NICE[@]}" $PY $HERE/rt_speed.py ours "$lang" "$d/sentences.txt" "$d/py.jsonl" "$d/py.json"

  echo "$sample: ours (C++)" >&2
  printf 'ours-c++\t%s\n' "$(loadavg)" >>"$d/load.txt"
  "${NICE[@]}" "$WORK/mentions_lines" "$lang" "$d/cc.jsonl" <"$d/sentences.txt" 2>"$d/cc.json"
  cat "$d/cc.json" >&2
done

echo
echo "inputs and outputs: $WORK"
$PY $HERE/rt_speed.py table "$WORK" "${SAMPLE_LIST[@]}"
