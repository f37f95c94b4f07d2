"""The newsevents command line, as a user runs it: inputs, output, exit codes."""
import json
import os
import subprocess
import sys

import pytest

CLI = os.environ.get("NEWSEVENTS_CLI", "newsevents")
SENTENCE = "Dell shares slipped 2.9% to $118.25.\n"


def run(*args, stdin=None):
    return subprocess.run([CLI, *args], input=stdin, capture_output=True)


def events(result):
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "dell.txt"
    path.write_text(SENTENCE)
    return path


def test_file_prints_one_json_object_per_event(article):
    result = run(str(article))
    assert result.returncode == 0, result.stderr
    [event] = events(result)
    assert event["doc"] == str(article)
    assert event["type"] == "share_move"
    assert event["args"]["company"]["norm"] == "Dell Technologies"
    assert event["args"]["price"]["norm"] == {"amount": 118.25, "currency": "USD"}
    data = article.read_bytes()
    assert data[event["span"][0]:event["span"][1]].decode() == event["text"]


def test_stdin_is_read_with_dash():
    result = run("-", stdin=SENTENCE.encode())
    assert result.returncode == 0
    [event] = events(result)
    assert event["doc"] == "-"


def test_directories_are_read_recursively_in_order(tmp_path):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(SENTENCE)
    (tmp_path / "b" / "c" / "d.html").write_text(SENTENCE)
    (tmp_path / "b" / "notes.csv").write_text(SENTENCE)  # not an article
    result = run(str(tmp_path))
    assert result.returncode == 0
    docs = [event["doc"] for event in events(result)]
    assert docs == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c" / "d.html")]


def test_missing_input_is_reported_and_the_rest_is_read(article):
    result = run("/nonexistent/article.txt", str(article))
    assert result.returncode == 1
    assert b"/nonexistent/article.txt" in result.stderr
    assert len(events(result)) == 1


def test_unreadable_file_is_reported(tmp_path, article):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    locked = tmp_path / "locked.txt"
    locked.write_text(SENTENCE)
    locked.chmod(0)
    result = run(str(locked), str(article))
    assert result.returncode == 1
    assert b"locked.txt" in result.stderr
    assert len(events(result)) == 1


def test_no_input_is_a_usage_error():
    result = run()
    assert result.returncode == 2
    assert b"no input given" in result.stderr


def test_bad_language_is_a_usage_error(article):
    result = run("--lang=de", str(article))
    assert result.returncode == 2
    assert b"lang" in result.stderr


def test_unknown_flag_is_a_usage_error(article):
    result = run("--frobnicate", str(article))
    assert result.returncode == 2
    assert b"frobnicate" in result.stderr


def test_bad_flag_values_are_usage_errors(article):
    for flag in ("--threads=-1", "--format=xml", "--input-format=pdf"):
        result = run(flag, str(article))
        assert result.returncode == 2, flag


def test_types_filter(article):
    assert events(run("--types=deal", str(article))) == []
    assert len(events(run("--types=share_move,deal", str(article)))) == 1


def test_forced_language_is_reported(article):
    for event in events(run("--lang=en", str(article))):
        assert event["lang"] == "en"


def test_rules_directory_adds_rules(tmp_path, article):
    (tmp_path / "rules" / "en").mkdir(parents=True)
    (tmp_path / "rules" / "en" / "partnership.rules").write_text(
        "rule teamed = {ORG:company} teamed up with {ORG:partner}\n")
    doc = tmp_path / "partners.txt"
    doc.write_text("Dell teamed up with Tesla last week.\n")
    result = run(f"--rules={tmp_path / 'rules'}", str(doc))
    assert result.returncode == 0, result.stderr
    [event] = events(result)
    assert event["rule"] == "en/partnership/teamed"
    assert event["args"]["partner"]["norm"] == "Tesla"


def test_entities_add_organizations(tmp_path):
    listing = tmp_path / "orgs.tsv"
    listing.write_text("Quillon Robotics\tQLN\tcompany\tQuillon\n")
    doc = tmp_path / "q.txt"
    doc.write_text("Quillon shares jumped 12% to $8.40.\n")
    assert events(run(str(doc))) == []
    [event] = events(run(f"--entities={listing}", str(doc)))
    assert event["args"]["company"]["norm"] == "Quillon Robotics"
    assert event["args"]["company"]["id"] == "QLN"
    missing = run("--entities=/nonexistent.tsv", str(doc))
    assert missing.returncode == 1
    assert b"/nonexistent.tsv" in missing.stderr


def test_malformed_rules_name_file_and_line(tmp_path, article):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "deal.rules").write_text("rule fine = x\nrule broken = (x\n")
    result = run(f"--rules={tmp_path}", str(article))
    assert result.returncode == 2
    assert b"deal.rules:2: broken: missing )" in result.stderr
    assert result.stdout == b""


def test_closed_pipe_ends_quietly(tmp_path):
    for i in range(300):
        (tmp_path / f"{i:03}.txt").write_text(SENTENCE * 20)
    pipeline = subprocess.run(f"'{CLI}' '{tmp_path}' | head -1", shell=True,
                              capture_output=True, executable="/bin/bash")
    assert pipeline.returncode == 0
    assert pipeline.stderr == b""
    assert len(pipeline.stdout.splitlines()) == 1


def test_help_shows_examples():
    result = run("--help")
    assert result.returncode == 0
    assert b"newsevents corpus/" in result.stdout
    assert b"Exit status" in result.stdout


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("newsevents ")


def test_summary_on_stderr_and_quiet(article):
    result = run(str(article))
    assert b"1 documents, 1 events (share_move 1), 0 failed" in result.stderr
    quiet = run("--quiet", str(article))
    assert quiet.stderr == b""
    assert quiet.stdout == result.stdout


def test_jsonl_records_by_extension_and_flag(tmp_path):
    records = tmp_path / "shard.jsonl"
    records.write_text(
        '{"id": "r1", "text": "Dell shares slipped 2.9% to $118.25."}\n'
        "\n"
        "this line is broken\n"
        '{"id": 7, "html": "<p>HPE shares rose 2%.</p>", "lang": "en"}\n'
        '{"id": "r3", "url": "https://example.com", "published": "2024-12-05"}\n')
    result = run(str(records))
    assert result.returncode == 1
    assert [event["doc"] for event in events(result)] == ["r1", "7"]
    assert b"shard.jsonl:3: not a JSON object" in result.stderr
    assert b'shard.jsonl:5: the record has no "text" or "html" string' in result.stderr
    piped = run("--input-format=jsonl", "-", stdin=records.read_bytes())
    assert [event["doc"] for event in events(piped)] == ["r1", "7"]


def test_glob_selects_files_in_directories(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE)
    (tmp_path / "b.news").write_text(SENTENCE)
    docs = [event["doc"] for event in events(run("--glob=*.news", str(tmp_path)))]
    assert docs == [str(tmp_path / "b.news")]


def test_html_by_input_format(tmp_path):
    page = tmp_path / "page.data"
    page.write_text("<script>x</script><p>Dell shares slipped 3.8%.</p>")
    [event] = events(run("--input-format=html", str(page)))
    assert event["text"] == "Dell shares slipped 3.8%"


def test_csv_output(article):
    import csv
    import io
    result = run("--format=csv", str(article))
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert len(rows) == 1
    assert rows[0]["type"] == "share_move"
    assert rows[0]["company"] == "Dell Technologies"
    assert rows[0]["change"] == "2.9%"
    assert rows[0]["price"] == "118.25 USD"


def test_pretty_output_without_color_when_piped(article):
    result = run("--format=pretty", str(article))
    text = result.stdout.decode()
    assert "share_move" in text and "company: Dell Technologies" in text
    assert "\033[" not in text


def test_explain_shows_mentions_rules_and_events(article):
    result = run("--explain", str(article))
    text = result.stdout.decode()
    assert "rule text: {ORG#0} shares slipped {PERCENT#1} to {MONEY#2}." in text
    assert '"kind":"money"' in text
    assert "matched: en/share_move/" in text
    assert "event: {" in text


def test_threads_give_the_same_output(tmp_path):
    for i in range(40):
        (tmp_path / f"{i:02}.txt").write_text(SENTENCE if i % 3 else "Nothing here.")
    one = run("--threads=1", str(tmp_path))
    two = run("--threads=2", str(tmp_path))
    assert one.stdout == two.stdout and one.stdout


def max_resident_kib(*args):
    """The peak resident memory of one CLI run, in KiB."""
    measure = ("import resource, subprocess, sys\n"
               "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", measure, CLI, *args],
                            capture_output=True, check=True)
    return int(result.stdout)


@pytest.mark.skipif("ASAN_OPTIONS" in os.environ,
                    reason="AddressSanitizer's own memory would be most of what is measured")
def test_small_files_waiting_in_a_batch_hold_only_their_own_bytes(tmp_path):
    """Documents wait in batches of 256 before they are extracted: each small
    file must hold its bytes, not a 1 MiB reading window (300 files of 1 KB
    once took 300 MB)."""
    for i in range(300):
        (tmp_path / f"{i:03}.txt").write_text(SENTENCE * 30)
    one = max_resident_kib("--quiet", str(tmp_path / "000.txt"))
    all_files = max_resident_kib("--quiet", str(tmp_path))
    assert all_files - one < 64 * 1024, (one, all_files)


def test_invalid_utf8_and_binary_input_never_crash(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 50 + b"\xff\xfe" + SENTENCE.encode() + b"\x00\x80")
    result = run(str(junk))
    assert result.returncode == 0
    for event in events(result):
        assert event["text"]


@pytest.mark.parametrize("separator", [b"\n\n", b"\n"])
def test_a_long_text_file_is_read_in_pieces_with_the_events_of_one_document(
        tmp_path, separator):
    """A text file over the CLI's 1 MiB window is read piece by piece (in
    bounded memory): the events and their offsets are those of the same
    text read whole (as one JSON Lines record, which is never cut)."""
    corpus = os.path.join(os.path.dirname(__file__), "..", "..", "corpus", "en")
    articles = [open(os.path.join(corpus, name), "rb").read().strip()
                for name in sorted(os.listdir(corpus)) if name.endswith(".txt")]
    text = b""
    while len(text) < 2_500_000:
        text += separator.join(articles) + separator
    path = tmp_path / "long.txt"
    path.write_bytes(text)
    record = tmp_path / "long.jsonl"
    record.write_text(json.dumps({"id": str(path), "text": text.decode()}) + "\n")

    pieces = run(str(path))
    whole = run(str(record))
    assert pieces.returncode == 0 and whole.returncode == 0, pieces.stderr
    assert b"newsevents: 1 documents," in pieces.stderr
    found = events(pieces)
    assert len(found) > 1000
    assert found == events(whole)
    last = found[-1]
    assert text[last["span"][0]:last["span"][1]].decode() == last["text"]
