#!/usr/bin/env bash
# The CLI streams a large input in bounded memory (issue 7, item 5: 1 GB in
# under 100 MB resident, no whole-corpus buffering).
#
#   bench/streaming.sh                 (from anywhere)
#
# Environment (defaults in brackets):
#   BUILD      build tree holding bindings/cli/newsevents [build]
#   SHARED     the shared directory [../shared, next to the repository]
#   SIZE_MB    size of the JSON Lines input [1000]
#   DIR_FILES  files in the directory input, 0 for none [100000]
#   THREADS    --threads [2]
#   MIX        reuters: Reuters-21578 only; all: also every JSON Lines corpus
#              under SHARED/corpora (Yahoo Finance, OrangeSum, FinCausal, WMT,
#              Wikinews: ~85 MB of distinct news, which RE2's lazy DFAs see
#              more of than the 17 MB of Reuters) [reuters]
#   TMPDIR     where the inputs are made (deleted at the end) [/tmp]
#
# Inputs, made at run time from Reuters-21578 (TITLE, blank line, BODY of
# every article with a body; SGML entities decoded), and with MIX=all the
# "text" of every record of the other corpora:
#   empty.jsonl  no record: the extractor alone (its compiled rules)
#   tiny.jsonl   one record
#   big.jsonl    the articles repeated to SIZE_MB MB, ids "r<pass>-<NEWID>"
#   one.txt      one plain-text file of SIZE_MB MB: the articles, each after
#                a blank line (the CLI reads it in ~1 MiB pieces)
#   dir/         DIR_FILES articles as .txt files, 1,000 per subdirectory
# Each run: /usr/bin/time -v nice -n 10 newsevents --threads N --quiet INPUT,
# with the resident size sampled every 2 s; prints max RSS, wall and CPU time,
# MB/s and docs/s (on the wall time less that of the empty run, i.e. without
# the extractor's creation), events, the load average at the start, and how
# RSS moved during the run.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
SIZE_MB=${SIZE_MB:-1000}
DIR_FILES=${DIR_FILES:-100000}
THREADS=${THREADS:-2}
MIX=${MIX:-reuters}
CLI=$BUILD/bindings/cli/newsevents
PY=/usr/bin/python3
[[ -x $CLI ]] || { echo "no $CLI (BUILD=...)" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/newsevents-streaming.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

echo "making inputs in $TMP" >&2
nice -n 10 $PY - "$SHARED/corpora" "$TMP" "$SIZE_MB" "$DIR_FILES" "$MIX" <<'PY'
import glob, html, json, os, re, sys
corpora, out, size_mb, dir_files, mix = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
source = os.path.join(corpora, "reuters21578")
controls = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
articles = []
for path in sorted(glob.glob(os.path.join(source, "reut2-*.sgm"))):
    sgml = open(path, encoding="latin-1").read()
    for article in re.finditer(r"<REUTERS[^>]*NEWID=\"(\d+)\".*?</REUTERS>", sgml, re.S):
        body = re.search(r"<BODY>(.*?)</BODY>", article.group(0), re.S)
        if body:
            title = re.search(r"<TITLE>(.*?)</TITLE>", article.group(0), re.S)
            text = (title.group(1) + "\n\n" if title else "") + body.group(1)
            articles.append((article.group(1), controls.sub("", html.unescape(text))))
if mix == "all":
    for path in sorted(glob.glob(os.path.join(corpora, "*", "*.jsonl"))):
        for number, line in enumerate(open(path, encoding="utf-8")):
            text = json.loads(line).get("text")
            if text:
                articles.append((f"{os.path.basename(path)[:-6]}.{number}", text))
open(os.path.join(out, "empty.jsonl"), "w").close()
with open(os.path.join(out, "tiny.jsonl"), "w") as f:
    f.write(json.dumps({"id": "tiny", "text": articles[0][1]}) + "\n")
def record(r, newid, text):
    return (json.dumps({"id": f"r{r}-{newid}", "text": text}) + "\n").encode()
lines = {}
written, docs, r = 0, 0, 0
with open(os.path.join(out, "big.jsonl"), "wb") as f:
    while written < size_mb * 1e6:
        for newid, text in articles:
            line = record(r, newid, text)
            f.write(line)
            written += len(line)
            docs += 1
            if written >= size_mb * 1e6:
                break
        r += 1
one = 0
with open(os.path.join(out, "one.txt"), "wb") as f:
    while one < size_mb * 1e6:
        for newid, text in articles:
            data = text.encode() + b"\n\n"
            f.write(data)
            one += len(data)
            if one >= size_mb * 1e6:
                break
text_bytes = 0
for i in range(dir_files):
    newid, text = articles[i % len(articles)]
    d = os.path.join(out, "dir", f"{i // 1000:04d}")
    if i % 1000 == 0:
        os.makedirs(d)
    data = text.encode()
    text_bytes += len(data)
    with open(os.path.join(d, f"r{i // len(articles)}-{newid}.txt"), "wb") as f:
        f.write(data)
with open(os.path.join(out, "docs.tsv"), "w") as f:
    f.write(f"empty.jsonl\t0\t0\ntiny.jsonl\t1\t{len(articles[0][1].encode())}\n"
            f"big.jsonl\t{docs}\t{written}\none.txt\t1\t{one}\n"
            f"dir\t{dir_files}\t{text_bytes}\n")
print(f"{len(articles)} articles ({mix}); big.jsonl {written / 1e6:.0f} MB, {docs} records "
      f"({r} passes); dir {dir_files} files, {text_bytes / 1e6:.0f} MB", file=sys.stderr)
PY

run() {  # label input
  local label=$1 input=$2
  local load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -v -o "$TMP/$label.time" nice -n 10 "$CLI" --threads "$THREADS" --quiet \
    "$TMP/$input" >"$TMP/$label.out" &
  local timer=$! cli="" rss
  : >"$TMP/$label.rss"
  while kill -0 "$timer" 2>/dev/null; do
    [[ -n $cli ]] || cli=$(pgrep -P "$timer" || true)
    if [[ -n $cli ]] && rss=$(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$cli/status" 2>/dev/null); then
      echo "$rss" >>"$TMP/$label.rss"
    fi
    sleep 2
  done
  wait "$timer" || echo "$label: exit status $?" >&2
  $PY - "$TMP" "$label" "$input" "$load" <<'PY'
import re, sys
tmp, label, name, load = sys.argv[1:]
t = open(f"{tmp}/{label}.time").read()
h, m, s = re.search(r"wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", t).groups()
wall = int(h or 0) * 3600 + int(m) * 60 + float(s)
cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", t).group(1)) for k in ("User", "System"))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
docs, size = next(l.split("\t")[1:] for l in open(f"{tmp}/docs.tsv") if l.split("\t")[0] == name)
docs, size = int(docs), int(size)
events = sum(1 for _ in open(f"{tmp}/{label}.out", "rb"))
samples = [int(x) for x in open(f"{tmp}/{label}.rss").read().split()]
step = max(1, len(samples) // 10)
trace = " ".join(str(x) for x in samples[::step]) if samples else "-"
# Rates net of start-up: less the wall time of the run on empty input.
start = 0.0
if label != "empty":
    e = open(f"{tmp}/empty.time").read()
    h0, m0, s0 = re.search(r"wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", e).groups()
    start = int(h0 or 0) * 3600 + int(m0) * 60 + float(s0)
net = wall - start
rate = lambda x: f"{x / net:,.1f}" if (docs > 1 or size > 1e7) and net > 0.5 else "-"
print(f"| {label} | {size / 1e6:,.1f} | {docs:,} | {wall:.1f} | {cpu:.1f} | {rss:.1f} | "
      f"{rate(size / 1e6)} | {rate(docs) if docs > 1 else '-'} | {events:,} | {load} | {trace} |")
PY
}

echo
echo "$CLI --threads $THREADS --quiet INPUT ($(nproc) cores)"
echo "| input | MB | docs | wall s | CPU s | max RSS MB | MB/s (net) | docs/s (net) | events | load at start | RSS MB every ~10% of the run |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
run empty empty.jsonl
run tiny tiny.jsonl
run big big.jsonl
rm -f "$TMP/big.jsonl"
run one one.txt
rm -f "$TMP/one.txt"
if [[ $DIR_FILES -gt 0 ]]; then run dir dir; fi
