#!/usr/bin/env bash
# Builds one fuzz target with clang (libFuzzer, ASan, UBSan) and runs it.
#
#   tests/fuzz/run.sh TARGET [SECONDS] [libFuzzer flags...]
#   tests/fuzz/run.sh extract 600
#   tests/fuzz/run.sh ingest 60 -only_ascii=1
#
# TARGET: ingest, normalize, mentions, rule_file or extract. SECONDS: how
# long to fuzz (default 600); 0 runs each seed and regression input once,
# without mutating them (what CI does: deterministic). The build goes to build-fuzz/ in the
# repository; seeds, the growing corpus, crash artifacts and the log go to
# $NEWSEVENTS_FUZZ_WORK/TARGET (default /tmp/newsevents-fuzz), never into the
# repository. The fuzzer runs niced, one process, one job. A crash leaves
# its input in that directory's artifacts/; copy it to
# tests/fuzz/regressions/TARGET/ with a name saying what it found, fix the
# bug, and add a unit test named after it.
#
# Exit status: libFuzzer's (0 when the time ran out without a finding).
set -euo pipefail

# All in a function: bash reads a script as it runs, and a function is read
# whole, so editing this file during a long run cannot derail it.
main() {
  target=${1:?usage: tests/fuzz/run.sh TARGET [SECONDS] [libFuzzer flags...]}
  seconds=${2:-600}
  shift $(($# < 2 ? $# : 2))
  root=$(cd "$(dirname "$0")/../.." && pwd)
  build=${NEWSEVENTS_FUZZ_BUILD:-$root/build-fuzz}
  work=${NEWSEVENTS_FUZZ_WORK:-/tmp/newsevents-fuzz}/$target

  case $target in
    ingest|normalize) max_len=16384 ;;
    extract) max_len=8192 ;;
    mentions|rule_file) max_len=4096 ;;
    *) echo "run.sh: unknown target '$target' (ingest, normalize, mentions, rule_file, extract)" >&2
       exit 2 ;;
  esac

  if [ ! -f "$build/CMakeCache.txt" ]; then
    nice -n 10 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
      -DNEWSEVENTS_FUZZ=ON -DNEWSEVENTS_TESTS=OFF -DNEWSEVENTS_PYTHON=OFF \
      -DNEWSEVENTS_CLI=OFF -DNEWSEVENTS_BENCHMARKS=OFF >/dev/null
  fi
  nice -n 10 cmake --build "$build" -j2 --target "fuzz_$target"

  mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts"
  work=$(cd "$work" && pwd)
  /usr/bin/python3 "$root/tests/fuzz/seeds.py" "$target" "$work/seeds"

  flags=(-max_len="$max_len" -timeout=20 -rss_limit_mb=2048 -artifact_prefix="$work/artifacts/"
         -print_final_stats=1)
  [ -f "$root/tests/fuzz/$target.dict" ] && flags+=(-dict="$root/tests/fuzz/$target.dict")
  # New inputs go to the first directory (corpus/, kept between runs); the
  # regression inputs are read as seeds too.
  dirs=("$work/seeds")
  [ -d "$root/tests/fuzz/regressions/$target" ] && dirs+=("$root/tests/fuzz/regressions/$target")
  if [ "$seconds" -eq 0 ]; then
    flags+=(-runs=0)
  else
    flags+=(-max_total_time="$seconds")
    dirs=("$work/corpus" "${dirs[@]}")
  fi

  echo "run.sh: fuzz_$target for $seconds s, log in $work/log" >&2
  cd "$work"
  set +e
  nice -n 19 "$build/tests/fuzz/fuzz_$target" "${flags[@]}" "$@" "${dirs[@]}" 2>&1 | tee "$work/log"
  status=${PIPESTATUS[0]}
  set -e
  # The last status line: how many runs, the coverage reached.
  grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$work/log" | tail -1 >&2 || true
  exit "$status"
}

main "$@"
