"""Sentence splitting on real news: the seed articles and Reuters-21578.

Counts were checked by hand, sentence by sentence, for the documents named
here; every other document must split without error into ordered,
non-overlapping sentences inside the input. Needs ../shared.
"""
import glob
import os
import re

import pytest

import newsevents

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("NEWSEVENTS_SHARED", os.path.join(ROOT, "..", "shared"))
SEEDS = os.path.join(SHARED, "seeds")
REUTERS = os.path.join(SHARED, "corpora", "reuters21578")
pytestmark = pytest.mark.skipif(not os.path.isdir(SHARED), reason="needs ../shared")

BODY = re.compile(rb"<BODY>(.*?)</BODY>", re.S)


def reuters_bodies(path):
    with open(path, "rb") as f:
        return BODY.findall(f.read())


def check_spans(data, sentences):
    end = 0
    for sentence in sentences:
        assert end <= sentence.start < sentence.end <= len(data)
        end = sentence.end


@pytest.mark.parametrize("name, count", [
    # Headline-less web copy: three list items, then one paragraph per line.
    ("002_c06bbbc49dcd7efe.txt", 18),
    # Wire copy with a "Most read" line that has no final punctuation.
    ("004_0224e74ceeef4b6c.txt", 24),
])
def test_seed_sentence_counts(name, count):
    with open(os.path.join(SEEDS, name), "rb") as f:
        data = f.read()
    found = newsevents.sentences(data)
    check_spans(data, found)
    assert len(found) == count, [s.text for s in found]


def test_seed_list_items_and_headline_lines_stand_alone():
    with open(os.path.join(SEEDS, "004_0224e74ceeef4b6c.txt"), "rb") as f:
        texts = [s.text for s in newsevents.sentences(f.read())]
    assert "Most read on Bloomberg" in texts
    assert "Dell shares slipped 3.8% to $114.77." in texts
    assert any(t.startswith("Competitors Dell Technologies Inc. and Super Micro Computer Inc.")
               for t in texts)


@pytest.mark.parametrize("index, count, first_end", [
    # Hard-wrapped wire copy: line breaks inside sentences are spaces.
    (0, 21, "zone, alleviating the drought since early January"),
    (3, 17, "BankAmerica Corp is not under pressure to act quickly"),
])
def test_reuters_wrapped_lines(index, count, first_end):
    data = reuters_bodies(os.path.join(REUTERS, "reut2-000.sgm"))[index]
    found = newsevents.sentences(data, lang="en")
    check_spans(data, found)
    assert len(found) == count, [s.text for s in found]
    assert first_end in found[0].text.replace("\n", " ")


def test_every_seed_and_reuters_document_splits():
    documents = 0
    for path in sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
        with open(path, "rb") as f:
            data = f.read()
        check_spans(data, newsevents.sentences(data))
        documents += 1
    for path in sorted(glob.glob(os.path.join(REUTERS, "reut2-*.sgm"))):
        for data in reuters_bodies(path):
            check_spans(data, newsevents.sentences(data, lang="en"))
            documents += 1
    assert documents > 19000
