#!/usr/bin/env python3
"""Extract events from a news archive on a Dask cluster.

Reads a folder of articles (.txt, .text, .html, .htm) or JSON Lines shards
(records {"id", "text" | "html", "lang"?}), extracts on a `distributed`
cluster (a LocalCluster by default, or the scheduler you name), and writes
the events as JSON Lines, one file per partition, in input order:

    python3 dask_extract.py corpus/ out/                      # local cluster
    python3 dask_extract.py 'shards/*.jsonl' out/ --scheduler tcp://host:8786

Each task receives the Extractor pickled as its options and rebuilds it
(newsevents.Extractor.__reduce__); the rules compile once per worker process,
and later tasks share them. Output lines
are exactly those of `newsevents FILE` (doc = the file's path or the record's
id).
"""
import argparse
import glob
import json
import os
import sys

import dask.bag as db
from dask.distributed import Client, LocalCluster

import newsevents

ARTICLE_EXTENSIONS = (".txt", ".text", ".html", ".htm")


def list_articles(folder):
    """Article paths under `folder`, sorted like the CLI lists them."""
    paths = []
    for root, _, names in os.walk(folder):
        paths.extend(os.path.join(root, name) for name in names
                     if name.endswith(ARTICLE_EXTENSIONS))
    return sorted(p.replace(os.sep, "/") for p in paths)


def read_article(path):
    """(doc id, bytes, lang) of one article file."""
    with open(path, "rb") as f:
        return path, f.read(), None


def read_record(line):
    """(doc id, text, lang) of one JSON Lines record, or None for a broken one."""
    try:
        record = json.loads(line)
        text = record.get("text", record.get("html"))
        if not isinstance(text, str):
            return None
        return str(record.get("id", "")), text, record.get("lang")
    except (ValueError, AttributeError):
        return None


def extract_partition(documents, extractor):
    """JSON lines of the events of a partition's documents, in order."""
    lines = []
    for document in documents:
        if document is None:
            continue
        doc_id, data, lang = document
        # HTML is recognized from the id's extension or the bytes, as in the CLI.
        for event in extractor.extract(data, lang=lang, doc_id=doc_id):
            lines.append(event.to_json())
    return lines


def documents_bag(source, partitions):
    """A bag of (doc id, data, lang) from a folder or JSON Lines shards."""
    if os.path.isdir(source):
        paths = list_articles(source)
        if not paths:
            sys.exit(f"no articles under {source}")
        return db.from_sequence(paths, npartitions=min(partitions, len(paths))).map(read_article)
    shards = sorted(glob.glob(source))
    if not shards:
        sys.exit(f"no file matches {source}")
    return db.read_text(shards).map(read_record)


def run(source, output, scheduler=None, workers=2, partitions=8, types=None, lang=None):
    """Extracts `source` into `output`/part-NNNNN.jsonl; returns the part paths."""
    extractor = newsevents.Extractor(types=types, lang=lang, threads=1)
    os.makedirs(output, exist_ok=True)
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        bag = documents_bag(source, partitions).map_partitions(extract_partition, extractor)
        names = [os.path.join(output, f"part-{i:05}.jsonl") for i in range(bag.npartitions)]
        return bag.to_textfiles(names, encoding="utf-8")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", help="a folder of articles, or a glob of .jsonl shards")
    parser.add_argument("output", help="a folder for the part-NNNNN.jsonl files")
    parser.add_argument("--scheduler", help="a Dask scheduler address (default: a LocalCluster)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster workers")
    parser.add_argument("--partitions", type=int, default=8, help="partitions of a folder")
    parser.add_argument("--types", help="event types, comma-separated (default: all)")
    parser.add_argument("--lang", choices=("en", "fr"), help="force the language")
    args = parser.parse_args()
    parts = run(args.source, args.output, args.scheduler, args.workers, args.partitions,
                args.types.split(",") if args.types else None, args.lang)
    print(f"wrote {len(parts)} files to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
