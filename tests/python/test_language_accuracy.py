"""Accuracy of language detection on the shared real-news corpora and on the
project's own corpus, for whole documents and for the first sentence of at
least four words alone (short text is the hard case; bylines such as "Dave
Majumdar" are neither language). Prints a table; fails below the floors.

Needs ../shared (CI always has it); skips when it is absent.
"""
import glob
import json
import os
import re

import pytest

import newsevents

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("NEWSEVENTS_SHARED", os.path.join(ROOT, "..", "shared"))
CORPORA = os.path.join(SHARED, "corpora")

DOCUMENT_FLOOR = 0.99
SENTENCE_FLOOR = 0.90


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record.get("text"):
                yield record["lang"], record["text"]


def reuters():
    body = re.compile(r"<BODY>(.*?)</BODY>", re.S)
    for path in sorted(glob.glob(os.path.join(CORPORA, "reuters21578", "reut2-*.sgm"))):
        with open(path, encoding="latin-1") as f:
            for match in body.finditer(f.read()):
                yield "en", match.group(1)


def phrasebank():
    path = os.path.join(CORPORA, "financial_phrasebank", "Sentences_AllAgree.txt")
    with open(path, encoding="latin-1") as f:
        for line in f:
            yield "en", line.rsplit("@", 1)[0]


def own_corpus():
    for lang in ("en", "fr"):
        for path in sorted(glob.glob(os.path.join(ROOT, "corpus", lang, "*.txt"))):
            with open(path, encoding="utf-8") as f:
                yield lang, f.read()


SETS = {
    "reuters21578 (en)": reuters,
    "yahoo_finance (en)": lambda: (item for year in (2017, 2018, 2019, 2020) for item in jsonl(
        os.path.join(CORPORA, "yahoo_finance_news_2017_2020", f"yahoo_finance_{year}.jsonl"))),
    "fincausal2020 (en)": lambda: jsonl(
        os.path.join(CORPORA, "fincausal2020", "fincausal2020_task1_docs.jsonl")),
    "financial_phrasebank (en)": phrasebank,
    "orangesum_econ (fr)": lambda: jsonl(os.path.join(CORPORA, "orangesum_fr", "orangesum_econ.jsonl")),
    "wmt_news_fr (fr)": lambda: (item for name in ("original", "translated_from_de") for item in jsonl(
        os.path.join(CORPORA, "wmt_news_fr", f"wmt21_22_fr_{name}_news.jsonl"))),
    "wikinews_fr_2012 (fr)": lambda: jsonl(
        os.path.join(CORPORA, "wikinews_fr_2012", "wikinews_fr_2012.jsonl")),
    "corpus/ (en, fr)": own_corpus,
}


@pytest.mark.skipif(not os.path.isdir(CORPORA), reason="needs ../shared/corpora")
def test_language_detection_accuracy(capsys):
    rows = []
    failures = []
    for name, load in SETS.items():
        documents = sentences = documents_right = sentences_right = 0
        for lang, text in load():
            documents += 1
            documents_right += newsevents.detect_language(text) == lang
            found = [s.text for s in newsevents.sentences(text, lang=lang)
                     if len(s.text.split()) >= 4]
            if found:
                sentences += 1
                sentences_right += newsevents.detect_language(found[0]) == lang
        document_rate = documents_right / documents
        sentence_rate = sentences_right / max(1, sentences)
        rows.append(f"{name:27} {documents:6} docs {document_rate:7.2%}   "
                    f"first sentences {sentence_rate:7.2%}")
        if document_rate < DOCUMENT_FLOOR or sentence_rate < SENTENCE_FLOOR:
            failures.append(name)
    with capsys.disabled():
        print("\nlanguage detection accuracy\n" + "\n".join(rows))
    assert not failures, f"below {DOCUMENT_FLOOR:.0%} / {SENTENCE_FLOOR:.0%}: {failures}"
