#!/usr/bin/python3
"""Helpers of recognizers_text_speed.sh (the side by side with Microsoft
Recognizers-Text, issue 7 item 6). Needs the newsevents module on PYTHONPATH.

  rt_speed.py sentences SAMPLE SHARED ARTICLES OUT.txt
      The sentences of a fixed sample, one per line, split by our own
      splitter (newsevents.sentences), so both tools read the same lines:
      reuters (en): the first ARTICLES articles with a BODY of
          reuters21578/reut2-000.sgm (then reut2-001...), TITLE + blank line
          + BODY, SGML entities decoded (1987 wire style: "dlrs", "pct");
      yahoo (en): the first ARTICLES records of
          yahoo_finance_news_2017_2020/yahoo_finance_2019.jsonl, title + blank
          line + text ("$", "%");
      orangesum (fr): the first ARTICLES records of orangesum_fr/orangesum_econ.jsonl,
          title + blank line + text, with the space restored where the
          scrape glued paragraphs ("jeudi.Le gouvernement").
  rt_speed.py ours LANG IN.txt OUT.jsonl STATS.json [PASSES]
      newsevents.Extractor().mentions(line, lang=LANG) on each line (str
      input: code-point offsets, the Python user's usual call), PASSES (3)
      times, timed apart from the creation; the median pass by CPU counts
      (the first also builds RE2's lazy DFAs); money and percent mentions to
      OUT.jsonl.
  rt_speed.py table WORK SAMPLE...
      The table of WORK/SAMPLE/ (see recognizers_text_speed.sh).
"""
import collections
import glob
import html
import json
import os
import re
import resource
import sys
import time

# Line breaks of any reader (Python, node's readline, C++ getline) become spaces.
_BREAKS = re.compile("[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# OrangeSum lost its paragraph breaks: "... jeudi.Le gouvernement ...".
_GLUED = re.compile(r'([a-zà-ÿ0-9)"»%][.!?])([A-ZÀ-Ý][a-zà-ÿ])')


def reuters_articles(shared, count):
    files = sorted(glob.glob(os.path.join(shared, "corpora", "reuters21578", "reut2-*.sgm")))
    for path in files:
        with open(path, encoding="latin-1") as f:
            sgml = f.read()
        for article in re.finditer(r"<REUTERS.*?</REUTERS>", sgml, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", article.group(0), re.S)
            if not body:
                continue
            title = re.search(r"<TITLE>(.*?)</TITLE>", article.group(0), re.S)
            text = (title.group(1) + "\n\n" if title else "") + body.group(1)
            yield _CONTROLS.sub("", html.unescape(text))
            count -= 1
            if count == 0:
                return


def orangesum_articles(shared, count):
    path = os.path.join(shared, "corpora", "orangesum_fr", "orangesum_econ.jsonl")
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            yield (record.get("title") or "") + "\n\n" + _GLUED.sub(r"\1 \2", record["text"])
            count -= 1
            if count == 0:
                return


def yahoo_articles(shared, count):
    path = os.path.join(shared, "corpora", "yahoo_finance_news_2017_2020", "yahoo_finance_2019.jsonl")
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            yield (record.get("title") or "") + "\n\n" + record["text"]
            count -= 1
            if count == 0:
                return


SAMPLES = {"reuters": ("en", reuters_articles), "yahoo": ("en", yahoo_articles),
           "orangesum": ("fr", orangesum_articles)}


def cmd_sentences(sample, shared, articles, out):
    import newsevents
    lang, source = SAMPLES[sample]
    documents = sentences = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for text in source(shared, int(articles)):
            documents += 1
            for sentence in newsevents.sentences(text, lang=lang):
                line = _BREAKS.sub(" ", sentence.text).strip()
                if line:
                    f.write(line + "\n")
                    sentences += 1
    print(f"{out}: {documents} articles, {sentences} sentences, "
          f"{os.path.getsize(out) / 1e6:.3f} MB", file=sys.stderr)


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cmd_ours(lang, infile, outfile, statsfile, passes="3"):
    import newsevents
    with open(infile, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    start = time.perf_counter()
    extractor = newsevents.Extractor()
    create_s = time.perf_counter() - start
    times = []
    for _ in range(max(1, int(passes))):
        found = []
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        for line in lines:
            found.append(extractor.mentions(line, lang=lang) if line.strip(" \t") else [])
        times.append((time.perf_counter() - t0, cpu_seconds() - cpu0))
    wall_s, cpu_s = sorted(times, key=lambda t: t[1])[len(times) // 2]
    kinds = collections.Counter()
    with open(outfile, "w", encoding="utf-8") as out:
        for number, mentions in enumerate(found):
            for m in mentions:
                kinds[m.kind] += 1
                if m.kind in ("money", "percent"):
                    out.write(json.dumps({"line": number, "kind": m.kind, "text": m.text,
                                          "start": m.start, "end": m.end},
                                         ensure_ascii=False) + "\n")
    stats = {"tool": "ours-python", "lang": lang, "lines": len(lines),
             "bytes": sum(len(l.encode("utf-8")) + 1 for l in lines),
             "create_s": create_s, "wall_s": wall_s, "cpu_s": cpu_s, "passes": times}
    stats.update({k: kinds[k] for k in ("money", "percent", "quantity", "organization", "date")})
    with open(statsfile, "w") as f:
        json.dump(stats, f)
    print(json.dumps(stats), file=sys.stderr)


def time_v(path):
    """(wall s, user s, system s, max RSS MB) of a `/usr/bin/time -v` report."""
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    hours, minutes, seconds = wall.groups()
    wall_s = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return wall_s, user, system, rss / 1024


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def agreement(ours, peer):
    """Per kind: (ours, peer, same line and same text, peer mentions that
    overlap one of ours on the same line)."""
    rows = {}
    for kind, peer_type in (("money", "currency"), ("percent", "percentage")):
        mine = [m for m in ours if m["kind"] == kind]
        theirs = [m for m in peer if m["type"] == peer_type]
        same = sum((collections.Counter((m["line"], m["text"]) for m in mine) &
                    collections.Counter((m["line"], m["text"]) for m in theirs)).values())
        by_line = collections.defaultdict(list)
        for m in mine:
            by_line[m["line"]].append((m["start"], m["end"]))
        overlap = sum(1 for m in theirs
                      if any(s < m["end"] and m["start"] < e for s, e in by_line[m["line"]]))
        rows[kind] = (len(mine), len(theirs), same, overlap)
    return rows


def cmd_table(work, *samples):
    print("| sample | tool | lines | MB | wall s | CPU s | MB/s (wall) | MB/s (CPU) "
          "| sentences/s (wall) | money | percent | load (1/5/15 min) |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    notes, ratios, agree = [], [], []
    for sample in samples:
        lang = f"{sample} ({SAMPLES[sample][0]})"
        d = os.path.join(work, sample)
        load = dict(l.rstrip("\n").split("\t", 1) for l in open(os.path.join(d, "load.txt")))
        size = os.path.getsize(os.path.join(d, "sentences.txt"))
        lines = sum(1 for _ in open(os.path.join(d, "sentences.txt"), encoding="utf-8"))
        # The peer: its whole run, less a run on the one line "x" (node start,
        # models built, the first parse's set-up).
        wall, user, system, rss = time_v(os.path.join(d, "peer.time"))
        wall0, user0, system0, _ = time_v(os.path.join(d, "peer_start.time"))
        peer = read_jsonl(os.path.join(d, "rt.jsonl"))
        rows = {"peer": (wall - wall0, user + system - user0 - system0,
                         sum(m["type"] == "currency" for m in peer),
                         sum(m["type"] == "percentage" for m in peer), load.get("peer", ""))}
        notes.append(f"{lang}: peer whole run {wall:.1f} s wall, {user + system:.1f} s CPU, "
                     f"max RSS {rss:.0f} MB; on the one line \"x\" {wall0:.2f} s wall, "
                     f"{user0 + system0:.2f} s CPU (subtracted above)")
        for tool, stats_name in (("ours-python", "py.json"), ("ours-c++", "cc.json")):
            path = os.path.join(d, stats_name)
            if not os.path.exists(path):
                continue
            s = json.load(open(path))
            rows[tool] = (s["wall_s"], s["cpu_s"], s["money"], s["percent"], load.get(tool, ""))
            notes.append(f"{lang}: {tool} extractor creation {s['create_s']:.2f} s (not counted); "
                         f"passes (wall, CPU s): " + ", ".join(
                             f"({w:.3f}, {c:.3f})" for w, c in s["passes"]) + "; "
                         f"all kinds found: " + ", ".join(
                             f"{k} {s[k]}" for k in ("money", "percent", "quantity",
                                                     "organization", "date")))
        for tool, (wall_s, cpu_s, money, percent, loadavg) in rows.items():
            print(f"| {lang} | {tool} | {lines:,} | {size / 1e6:.3f} | {wall_s:.2f} | "
                  f"{cpu_s:.2f} | {size / 1e6 / wall_s:.3f} | {size / 1e6 / cpu_s:.3f} | "
                  f"{lines / wall_s:,.0f} | {money:,} | {percent:,} | {loadavg} |")
        for tool in ("ours-python", "ours-c++"):
            if tool in rows:
                ratios.append(f"| {lang} | {tool} | {rows['peer'][0] / rows[tool][0]:.0f}x | "
                              f"{rows['peer'][1] / rows[tool][1]:.0f}x |")
        ours = read_jsonl(os.path.join(d, "py.jsonl"))
        for kind, (mine, theirs, same, overlap) in agreement(ours, peer).items():
            agree.append(f"| {lang} | {kind} | {mine:,} | {theirs:,} | {same:,} | {overlap:,} |")
    print()
    print("| sample | ours / peer | by wall | by CPU |")
    print("|---|---|---:|---:|")
    print("\n".join(ratios))
    print()
    print("| sample | kind | ours | peer | same line, same text | peer's overlapping one of ours |")
    print("|---|---|---:|---:|---:|---:|")
    print("\n".join(agree))
    print()
    print("\n".join("- " + n for n in notes))


if __name__ == "__main__":
    commands = {"sentences": cmd_sentences, "ours": cmd_ours, "table": cmd_table}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
