#!/usr/bin/env python3
"""The seed articles the project was created from: runs the CLI over
../shared/seeds and scores it against ../shared/spec/seeds.gold.jsonl with
the shared scorer. Key F1 must be 1.0 and strict F1 at least 0.9.

usage: check_seeds.py NEWSEVENTS_BINARY SHARED_DIR
"""
import os
import subprocess
import sys
import tempfile


def main():
    binary, shared = sys.argv[1], sys.argv[2]
    seeds = os.path.join(shared, "seeds")
    if not os.path.isdir(seeds):
        print(f"SKIPPED: {seeds} is absent")
        return
    run = subprocess.run([binary, seeds], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{binary} {seeds} exited {run.returncode}: {run.stderr}")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as predictions:
        predictions.write(run.stdout)
    try:
        score = subprocess.run(
            [sys.executable, os.path.join(shared, "tools", "score_events.py"),
             os.path.join(shared, "spec", "seeds.gold.jsonl"), predictions.name, "-v",
             "--min-f1", "1.0", "--min-strict-f1", "0.9"])
    finally:
        os.unlink(predictions.name)
    sys.exit(score.returncode)


if __name__ == "__main__":
    main()
