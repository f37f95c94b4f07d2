"""Extractor.extract: events, their normalized arguments and their offsets."""

import os
import re
import threading

import pytest

import newsevents

DELL = b"Dell shares slipped 2.9% to $118.25."
DELL_FR = "Le titre Dell a reculé de 2,9 % à 118,25 dollars.".encode("utf-8")


def only(events, type_):
    """The single event of `type_` in `events`."""
    found = [event for event in events if event.type == type_]
    assert len(found) == 1, f"expected one {type_}, got {events!r}"
    return found[0]


def assert_byte_spans(data, event):
    """Every span of `event` addresses its text in `data` (bytes)."""
    assert event.offset_unit == "bytes"
    assert data[event.start:event.end].decode("utf-8") == event.text
    sentence = data[event.sentence[0]:event.sentence[1]]
    assert event.sentence[0] <= event.start <= event.end <= event.sentence[1]
    assert event.text.encode("utf-8") in sentence
    for role, arg in event.args.items():
        assert arg.role == role
        assert data[arg.start:arg.end].decode("utf-8") == arg.text, role
        assert event.start <= arg.start <= arg.end <= event.end, role
    as_dict = event.to_dict()
    assert as_dict["span"] == [event.start, event.end]
    assert as_dict["sentence"] == list(event.sentence)


def assert_dell_slipped(event, lang):
    """The arguments of "Dell shares slipped 2.9% to $118.25" in `lang`."""
    assert event.type == "share_move"
    assert event.lang == lang
    assert event.rule.startswith(f"{lang}/share_move/")
    assert 0 < event.confidence <= 1
    company = event.args["company"]
    assert company.text == "Dell"
    assert company.norm == "Dell Technologies"
    assert company.id == "DELL"
    assert event.args["direction"].norm == "down"
    assert event.args["change"].norm == {"value": 2.9}
    assert event.args["price"].norm == {"amount": 118.25, "currency": "USD"}


def test_share_move_from_bytes_has_norms_and_byte_offsets(extractor):
    event = only(extractor.extract(DELL), "share_move")
    assert_dell_slipped(event, "en")
    assert event.args["direction"].text == "slipped"
    assert event.args["change"].text == "2.9%"
    assert event.args["price"].text == "$118.25"
    assert event.start == 0 and event.text.startswith("Dell shares slipped")
    assert event.sentence == (0, len(DELL))
    assert_byte_spans(DELL, event)


def test_share_move_french_bytes_offsets_count_bytes(extractor):
    event = only(extractor.extract(DELL_FR), "share_move")
    assert_dell_slipped(event, "fr")
    assert event.args["direction"].text == "reculé"  # the participle; "a" is the auxiliary
    assert event.args["change"].text == "2,9 %"
    assert_byte_spans(DELL_FR, event)
    # "à" is two bytes: the price starts after more bytes than characters.
    price = event.args["price"]
    text = DELL_FR.decode("utf-8")
    assert price.start == len(text[:text.index("118,25")].encode("utf-8"))


def test_to_dict_is_the_contract_json(extractor):
    event = only(extractor.extract(DELL, doc_id="news/dell.txt"), "share_move")
    as_dict = event.to_dict()
    assert list(as_dict)[:9] == ["doc", "lang", "type", "span", "sentence",
                                 "text", "rule", "confidence", "args"]
    assert as_dict["doc"] == "news/dell.txt" == event.doc
    assert as_dict["type"] == "share_move"
    assert as_dict["text"] == event.text
    assert as_dict["rule"] == event.rule
    assert as_dict["confidence"] == event.confidence
    change = as_dict["args"]["change"]
    assert change == {"text": "2.9%", "span": [event.args["change"].start,
                                               event.args["change"].end],
                      "norm": {"value": 2.9}}
    assert as_dict["args"]["price"]["norm"] == {"amount": 118.25,
                                                "currency": "USD"}
    # A fresh dict each time: callers may change it freely.
    as_dict["args"].clear()
    assert event.to_dict()["args"]
    assert newsevents.Event(event.to_json()) == event


@pytest.mark.parametrize("prefix", [
    "Café, société et crème brûlée — «résumé» ✓ 🚀 ☕.\n\n",
    "日本語のニュース。\n\nÜber-update 🇫🇷: ",
])
def test_str_input_gives_codepoint_offsets(extractor, prefix):
    text = prefix + DELL.decode("ascii")
    encoded = text.encode("utf-8")
    assert len(encoded) > len(text)
    event = only(extractor.extract(text, lang="en"), "share_move")
    assert_dell_slipped(event, "en")
    assert event.offset_unit == "codepoints"
    assert text[event.start:event.end] == event.text
    assert text.startswith("Dell shares slipped", event.start)
    assert event.sentence[0] <= event.start <= event.end <= event.sentence[1]
    assert event.text in text[event.sentence[0]:event.sentence[1]]
    for role, arg in event.args.items():
        assert text[arg.start:arg.end] == arg.text, role
    # to_dict keeps the contract's byte offsets, into the UTF-8 bytes.
    as_dict = event.to_dict()
    begin, end = as_dict["span"]
    assert encoded[begin:end].decode("utf-8") == event.text
    assert begin == len(encoded) - len(DELL) > event.start
    for role, arg in as_dict["args"].items():
        begin, end = arg["span"]
        assert encoded[begin:end].decode("utf-8") == arg["text"], role
    # Same events, same JSON, as for the bytes.
    from_bytes = only(extractor.extract(encoded, lang="en"), "share_move")
    assert from_bytes.to_dict() == as_dict
    assert from_bytes.offset_unit == "bytes"


def test_str_input_french_codepoint_offsets(extractor):
    text = DELL_FR.decode("utf-8")
    event = only(extractor.extract(text), "share_move")
    assert_dell_slipped(event, "fr")
    for role, arg in event.args.items():
        assert text[arg.start:arg.end] == arg.text, role
    assert event.args["price"].start == text.index("118,25")


def test_bytes_like_inputs(extractor):
    expected = [event.to_dict() for event in extractor.extract(DELL)]
    for data in (bytearray(DELL), memoryview(DELL)):
        assert [event.to_dict() for event in extractor.extract(data)] == expected


def test_invalid_utf8_is_read_not_raised(extractor):
    data = b"\xff\x80\x80 caf\xe9. " + DELL  # no byte-order mark: not UTF-16
    event = only(extractor.extract(data, lang="en"), "share_move")
    assert event.offset_unit == "bytes"
    assert data[event.start:event.end].decode("utf-8") == event.text
    assert event.start == data.index(b"Dell")
    # A lone surrogate in a str is one code point: offsets stay aligned.
    text = "\ud800 \udfff. " + DELL.decode("ascii")
    event = only(extractor.extract(text, lang="en"), "share_move")
    assert text[event.start:event.end] == event.text


def test_html_offsets_address_the_original_bytes(extractor):
    data = (b"<html><body><h1>Markets &amp; more</h1>\n"
            b"<p>Dell shares slipped 2.9% to $118.25.</p></body></html>")
    event = only(extractor.extract(data, content_type="html"), "share_move")
    assert_dell_slipped(event, "en")
    assert event.start == data.index(b"Dell shares")
    assert_byte_spans(data, event)


def test_no_event_in_plain_prose(extractor):
    assert extractor.extract(b"") == []
    assert extractor.extract("") == []
    assert extractor.extract(b"The weather was mild on Tuesday.") == []


def test_types_option_filters(extractor):
    assert newsevents.Extractor(types=["deal"]).extract(DELL) == []
    only_share_moves = newsevents.Extractor(types="share_move")
    assert only_share_moves.types == ["share_move"]
    assert [e.to_dict() for e in only_share_moves.extract(DELL)] == [
        e.to_dict() for e in extractor.extract(DELL) if e.type == "share_move"]


def test_options_are_kept():
    forced = newsevents.Extractor(lang="fr", threads=2, types=("share_move",))
    assert forced.lang == "fr"
    assert forced.threads == 2
    assert forced.types == ["share_move"]
    assert forced.rules == []
    assert "threads=2" in repr(forced)
    for event in forced.extract(DELL_FR):
        assert event.lang == "fr"
    default = newsevents.Extractor()
    assert (default.lang, default.threads, default.types) == (None, 0, [])


def test_lang_hint_and_forced_lang(extractor):
    event = only(extractor.extract(DELL_FR, lang="fr"), "share_move")
    assert event.lang == "fr"
    for event in newsevents.Extractor(lang="fr").extract(DELL_FR, lang="en"):
        assert event.lang == "fr"


def test_module_level_extract_matches_extractor(extractor):
    assert newsevents.extract(DELL, doc_id="x") == extractor.extract(
        DELL, doc_id="x")
    assert newsevents.extract(DELL, types=["deal"]) == []


def test_event_and_argument_repr_are_readable(extractor):
    event = only(extractor.extract(DELL), "share_move")
    shown = repr(event)
    assert shown.startswith("<Event share_move en [")
    assert "'Dell shares slipped" in shown
    assert "direction='down'" in shown
    shown = repr(event.args["change"])
    assert shown.startswith("Argument(role='change', text='2.9%'")
    assert "{'value': 2.9}" in shown


def test_shared_extractor_across_python_threads(extractor):
    documents = [DELL, DELL_FR, DELL.decode("ascii")] * 10
    expected = [extractor.extract(document) for document in documents]
    results = [None] * len(documents)

    def work(i):
        results[i] = extractor.extract(documents[i])

    threads = [threading.Thread(target=work, args=(i,))
               for i in range(len(documents))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == expected


def test_version_is_the_project_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+", newsevents.__version__)
    top = os.path.join(os.path.dirname(__file__), "..", "..", "CMakeLists.txt")
    with open(top, encoding="utf-8") as cmakelists:
        declared = re.search(r"project\(newsevents\s+VERSION\s+([0-9.]+)",
                             cmakelists.read()).group(1)
    assert newsevents.__version__ == declared


def test_docstrings_everywhere():
    for thing in (newsevents, newsevents.Extractor, newsevents.Event,
                  newsevents.Argument, newsevents.extract,
                  newsevents.extract_many, newsevents.Extractor.extract,
                  newsevents.Extractor.extract_many, newsevents.Event.to_dict):
        assert thing.__doc__ and thing.__doc__.strip(), thing
