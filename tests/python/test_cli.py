"""The CLI's JSON lines equal Event.to_dict() for the same bytes: both come
from newsevents::ToJson. Skips only when the CLI is not built."""

import json
import subprocess

import newsevents

FILES = {
    "dell_en.txt": b"Dell shares slipped 2.9% to $118.25.\n",
    "dell_fr.txt": "Le titre Dell a reculé de 2,9 % à 118,25 dollars.\n"
                   .encode("utf-8"),
    "mixed.txt": "Résumé 🚀 — marchés.\n\nIntel shares surged as much as 6.1% "
                 "before paring gains to finish up less than 2% at "
                 "$31.40. Dell shares slipped 2.9% to $118.25.\n"
                 .encode("utf-8"),
    "latin1.txt": b"Caf\xe9 cr\xe8me. Dell shares slipped 2.9% to $118.25.\n",
    "nothing.txt": b"The weather was mild on Tuesday.\n",
    "page.html": b"<!DOCTYPE html><html><body><h1>Markets &amp; more</h1>"
                 b"<p>Dell shares slipped 2.9% to $118.25.</p></body></html>\n",
}


def write_files(directory):
    """Writes FILES under `directory`; returns their paths, in order."""
    paths = []
    for name, data in FILES.items():
        path = directory / name
        path.write_bytes(data)
        paths.append(str(path))
    return paths


def run_cli(cli, *arguments):
    """The CLI's output lines, as dicts."""
    run = subprocess.run([cli, *arguments], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, check=False, timeout=120)
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    lines = run.stdout.decode("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def from_python(extractor, paths):
    """Event.to_dict() of every file, with doc id = the path as given."""
    events = []
    for path in paths:
        with open(path, "rb") as file:
            data = file.read()
        events.extend(event.to_dict()
                      for event in extractor.extract(data, doc_id=path))
    return events


def in_order(events, paths):
    """Events sorted by file, then span: the order of files in the output is
    the CLI's business."""
    return sorted(events, key=lambda event: (
        paths.index(event["doc"]), event["span"],
        json.dumps(event, sort_keys=True)))


def test_cli_lines_equal_python_dicts(cli, tmp_path):
    paths = write_files(tmp_path)
    python = from_python(newsevents.Extractor(), paths)
    assert python, "the files should hold events"
    assert paths[0] in {event["doc"] for event in python}
    assert in_order(run_cli(cli, *paths), paths) == in_order(python, paths)


def test_cli_flags_match_python_options(cli, tmp_path):
    paths = write_files(tmp_path)
    python = from_python(newsevents.Extractor(types=["share_move"], lang="en"),
                         paths)
    assert python
    cli_events = run_cli(cli, "--types=share_move", "--lang=en", *paths)
    assert in_order(cli_events, paths) == in_order(python, paths)
