"""The Dask example on a 2-worker LocalCluster gives exactly the single-process
result, for a folder of articles and for JSON Lines shards; and an Extractor
survives pickling (it travels to workers as its options)."""
import glob
import json
import os
import pickle
import subprocess
import sys

import pytest

import newsevents

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bindings", "python", "examples"))
dask_extract = pytest.importorskip("dask_extract")  # needs python3-dask, python3-distributed

CORPUS = os.path.join(ROOT, "corpus")


def read_parts(folder):
    lines = []
    for path in sorted(glob.glob(os.path.join(folder, "part-*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            lines.extend(line.rstrip("\n") for line in f if line.strip())
    return lines


def test_extractor_pickles_as_its_options(tmp_path):
    extractor = newsevents.Extractor(types=["share_move"], lang="en", threads=2)
    copy = pickle.loads(pickle.dumps(extractor))
    assert repr(copy) == repr(extractor)
    data = b"Dell shares slipped 2.9% to $118.25."
    assert copy.extract(data) == extractor.extract(data)


def test_folder_on_a_local_cluster_equals_one_process(tmp_path):
    parts = dask_extract.run(CORPUS, str(tmp_path / "out"), workers=2, partitions=4)
    assert len(parts) == 4
    distributed = read_parts(tmp_path / "out")
    extractor = newsevents.Extractor(threads=1)
    single = []
    for path in dask_extract.list_articles(CORPUS):
        with open(path, "rb") as f:
            single.extend(e.to_json() for e in extractor.extract(f.read(), doc_id=path))
    assert distributed == single
    assert len(single) > 10
    cli = os.environ.get("NEWSEVENTS_CLI")
    if cli:
        printed = subprocess.run([cli, "--quiet", CORPUS], capture_output=True, text=True)
        assert distributed == printed.stdout.splitlines()


def test_jsonl_shards_on_a_local_cluster(tmp_path):
    articles = dask_extract.list_articles(CORPUS)[:12]
    for shard in range(3):
        with open(tmp_path / f"shard{shard}.jsonl", "w", encoding="utf-8") as f:
            for path in articles[shard::3]:
                with open(path, encoding="utf-8") as article:
                    f.write(json.dumps({"id": os.path.basename(path), "text": article.read()}) + "\n")
            f.write("not json\n")  # a broken record is skipped, not fatal
    dask_extract.run(str(tmp_path / "shard*.jsonl"), str(tmp_path / "out"), workers=2)
    distributed = read_parts(tmp_path / "out")
    extractor = newsevents.Extractor()
    single = []
    for shard in range(3):
        for path in articles[shard::3]:
            with open(path, encoding="utf-8") as article:
                single.extend(e.to_json() for e in
                              extractor.extract(article.read(), doc_id=os.path.basename(path)))
    assert distributed == single
