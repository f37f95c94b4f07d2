"""Hostile input, as the CLI meets it: each ends with a clear error or a
repaired read, and no other document is lost."""
import json
import os
import random
import subprocess

CLI = os.environ.get("NEWSEVENTS_CLI", "newsevents")
EVENT = b"Dell shares slipped 2.9% to $118.25."


def run(*args, stdin=None):
    return subprocess.run([CLI, "--quiet", *args], input=stdin, capture_output=True)


def events(result):
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(str(empty))
    assert result.returncode == 0 and result.stdout == b""


def test_png_given_as_text_and_the_next_document_still_read(tmp_path):
    png = tmp_path / "a.txt"
    random.seed(3)
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" +
                    bytes(random.randrange(256) for _ in range(20000)))
    article = tmp_path / "b.txt"
    article.write_bytes(EVENT)
    result = run(str(tmp_path))
    assert result.returncode == 0
    assert [e["doc"] for e in events(result)] == [str(article)]


def test_invalid_and_overlong_utf8_around_an_event():
    data = b"\xc0\xaf \xe0\x80\xaf \xed\xa0\x80 \xf8\x88\x80\x80\x80 \xff\n" + EVENT + b"\n\xc3"
    [event] = events(run("-", stdin=data))
    assert data[event["span"][0]:event["span"][1]] == EVENT[:-1]


def test_utf16_without_byte_order_mark():
    [event] = events(run("-", stdin=EVENT.decode().encode("utf-16-le")))
    assert event["args"]["company"]["norm"] == "Dell Technologies"


def test_nul_bytes():
    [event] = events(run("-", stdin=b"\x00\x00" + EVENT + b"\x00"))
    assert event["text"] == EVENT[:-1].decode()


def test_a_30_mb_single_line(tmp_path):
    line = tmp_path / "line.txt"
    with open(line, "wb") as f:
        chunk = b"word " * 20000
        for _ in range(300):
            f.write(chunk)
        f.write(EVENT)
    result = run(str(line))
    assert result.returncode == 0
    assert len(events(result)) == 1


def test_many_tiny_jsonl_records_and_broken_ones(tmp_path):
    records = tmp_path / "many.jsonl"
    with open(records, "w") as f:
        for i in range(100000):
            f.write('{"id": "%d", "text": "x"}\n' % i)
        f.write('{"id": "last", "text": "%s"}\n' % EVENT.decode())
        f.write('{"id": 5, "text": \n')
    result = run(str(records))
    assert result.returncode == 1
    assert [e["doc"] for e in events(result)] == ["last"]
    assert b"many.jsonl:100002: not a JSON object" in result.stderr
