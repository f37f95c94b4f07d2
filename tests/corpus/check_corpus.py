#!/usr/bin/env python3
"""Runs the CLI over corpus/ and compares every article's events with its
expected events, exactly: a missing, extra or different event fails.

Each article <name>.txt (or .html) has beside it <name>.events: one JSON
object per line, {"type": ..., "args": {role: norm}}, where norm is the
argument's normalized value as the CLI prints it ("norm"), or its text when
the role has no normalized value. An empty .events file says the article
holds no event.

usage: check_corpus.py NEWSEVENTS_BINARY CORPUS_DIR
"""
import collections
import json
import os
import subprocess
import sys


def plain(value):
    """`value` with whole floats as ints, so 2500000000.0 equals 2500000000."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def key(event_type, norms):
    """An event as an .events line states it, in a comparable form."""
    return json.dumps({"type": event_type, "args": plain(norms)}, sort_keys=True,
                      ensure_ascii=False)


def project(event):
    """The key of an event the CLI printed."""
    return key(event["type"],
               {role: arg.get("norm", arg["text"]) for role, arg in event["args"].items()})


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    run = subprocess.run([binary, corpus], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{binary} {corpus} exited {run.returncode}: {run.stderr}")
    found = collections.defaultdict(collections.Counter)
    for line in run.stdout.splitlines():
        event = json.loads(line)
        found[os.path.normpath(event["doc"])][project(event)] += 1

    articles = 0
    failures = []
    for folder, _, names in sorted(os.walk(corpus)):
        for name in sorted(names):
            stem, extension = os.path.splitext(name)
            if extension not in (".txt", ".html"):
                continue
            articles += 1
            article = os.path.normpath(os.path.join(folder, name))
            expected_path = os.path.join(folder, stem + ".events")
            if not os.path.exists(expected_path):
                failures.append(f"{article}: no {stem}.events beside it")
                continue
            expected = collections.Counter()
            where = {}
            with open(expected_path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    if line.strip():
                        stated = json.loads(line)
                        event = key(stated["type"], stated["args"])
                        expected[event] += 1
                        where.setdefault(event, f"{expected_path}:{number}")
            got = found.get(article, collections.Counter())
            for event in expected - got:
                failures.append(f"{where[event]}: missing event {event}")
            for event in got - expected:
                failures.append(f"{article}: extra event {event}")
    for failure in failures:
        print(failure)
    print(f"corpus: {articles} articles, {sum(sum(c.values()) for c in found.values())} events, "
          f"{len(failures)} differences")
    sys.exit(1 if failures or articles == 0 else 0)


if __name__ == "__main__":
    main()
