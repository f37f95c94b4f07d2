#!/usr/bin/python3
"""Writes the seed inputs of one fuzz target into a scratch directory.

    tests/fuzz/seeds.py TARGET OUT_DIR [--shared DIR] [--per-corpus N]

Seeds come from the project (corpus/ articles, lib/rules/ files) and from a
sample of the shared corpora (../shared/corpora), read where they are and
written to OUT_DIR only: nothing from ../shared is ever copied into the
project. Document targets also get derived forms of a few articles (other
charsets, UTF-16, HTML pages) so that fuzzing starts from every path of the
decoder. The sample is fixed (seeded), so runs are comparable.
"""
import argparse
import hashlib
import json
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCUMENT_TARGETS = {"ingest", "normalize", "mentions", "extract"}
TARGETS = DOCUMENT_TARGETS | {"rule_file"}
MAX_BYTES = 8192  # longer seeds are cut: fuzzing wants many small inputs


class Seeds:
    def __init__(self, out):
        self.out = out
        self.count = 0

    def add(self, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        data = data[:MAX_BYTES]
        if not data:
            return
        name = hashlib.sha1(data).hexdigest()
        path = self.out / name
        if not path.exists():
            path.write_bytes(data)
            self.count += 1


def jsonl_texts(path, count, rng):
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    for record in rng.sample(records, min(count, len(records))):
        text = record.get("text") or ""
        if record.get("title"):
            text = record["title"] + "\n\n" + text
        yield text


def shared_documents(shared, per_corpus, rng):
    """Articles and sentences sampled from each shared corpus."""
    corpora = shared / "corpora"
    for path in sorted(corpora.glob("*/*.jsonl")) + sorted(corpora.glob("*/*/*.jsonl")):
        yield from jsonl_texts(path, per_corpus, rng)
    sgml = sorted((corpora / "reuters21578").glob("*.sgm"))
    if sgml:
        # Reuters is SGML in Latin-1: as bytes, markup, entities and all.
        data = sgml[0].read_bytes()
        records = re.findall(rb"<REUTERS.*?</REUTERS>", data, re.S)
        for record in rng.sample(records, min(per_corpus, len(records))):
            yield record
    phrasebank = corpora / "financial_phrasebank" / "Sentences_AllAgree.txt"
    if phrasebank.exists():
        lines = phrasebank.read_bytes().splitlines()  # Latin-1 bytes
        for line in rng.sample(lines, min(per_corpus, len(lines))):
            yield line.rsplit(b"@", 1)[0]
    wikinews = sorted((corpora / "wikinews_fr_2012" / "docsutf8").glob("*.txt"))
    for path in rng.sample(wikinews, min(per_corpus // 4, len(wikinews))):
        yield path.read_bytes()


def peer_inputs(shared):
    """The inputs of Recognizers-Text's number, percent and currency cases."""
    for path in sorted((shared / "peers" / "recognizers-text" / "specs").glob("*/*/*.json")):
        for case in json.loads(path.read_text(encoding="utf-8-sig")):
            if isinstance(case, dict) and isinstance(case.get("Input"), str):
                yield case["Input"]


def derived_forms(text, rng):
    """One article as the web also serves it."""
    yield text.encode("cp1252", errors="replace")
    yield b"\xff\xfe" + text.encode("utf-16-le")
    yield text.encode("utf-16-be")
    yield "\ufeff" + text
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    paragraphs = "".join(f"<p>{p}</p>\n" for p in escaped.split("\n") if p.strip())
    yield ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<title>T&eacute;st</title><meta property=\"og:title\" content=\"x\">"
           "<script>var a = '<p>';</script><style>p{}</style></head><body><nav>menu</nav>"
           f"<article>{paragraphs}</article><table><tr><td>1&nbsp;%</td></table>"
           "<footer>f</footer></body></html>")
    page = f"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; " \
           f"charset=iso-8859-1\"></head><body><div>{paragraphs}</div></body></html>"
    yield page.encode("latin-1", errors="replace")
    depth = rng.randrange(20, 700)
    yield "<div>" * depth + paragraphs + "</div>" * (depth // 2)


def document_seeds(seeds, shared, per_corpus, rng):
    articles = sorted(ROOT.glob("corpus/*/*.txt"))
    for path in articles:
        seeds.add(path.read_bytes())
    for path in rng.sample(articles, min(8, len(articles))):
        for form in derived_forms(path.read_text(encoding="utf-8"), rng):
            seeds.add(form)
    if shared.is_dir():
        for text in shared_documents(shared, per_corpus, rng):
            seeds.add(text)
        for text in peer_inputs(shared):
            seeds.add(text)


def rule_seeds(seeds):
    """Every rules file whole, and each of its blocks (a definition, a
    lexicon, a rule with its continuation lines) on its own."""
    for path in sorted(ROOT.glob("lib/rules/*/*.rules")):
        text = path.read_text(encoding="utf-8")
        seeds.add(text)
        block = []
        for line in text.splitlines(keepends=True):
            if line[:1] not in (" ", "\t", "") and block:
                seeds.add("".join(block))
                block = []
            if not line.startswith("#"):
                block.append(line)
        if block:
            seeds.add("".join(block))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared")
    parser.add_argument("--per-corpus", type=int, default=60)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    seeds = Seeds(args.out)
    rng = random.Random(8)
    if args.target == "rule_file":
        rule_seeds(seeds)
    else:
        document_seeds(seeds, args.shared, args.per_corpus, rng)
    print(f"{args.target}: {seeds.count} seeds in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
