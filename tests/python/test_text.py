"""normalize, sentences and detect_language: the text stages on their own."""
import pytest

import newsevents


def test_normalize_folds_typography_and_maps_back_to_str_input():
    data = "Musk\u2019s  xAI \u00ab moved \u00bb orders\u2026"
    text = newsevents.normalize(data)
    assert text.text == "Musk's xAI \" moved \" orders..."
    assert text.encoding == "UTF-8"
    assert text.offset_unit == "codepoints"
    start = text.text.index("xAI")
    a, b = text.to_source(start, start + 3)
    assert data[a:b] == "xAI"
    a, b = text.to_source(4, 5)  # the folded apostrophe
    assert data[a:b] == "\u2019"


def test_normalize_windows_1252_bytes_map_to_bytes():
    data = "Le titre a recul\u00e9 de 3,8 %, \u00e0 118,25 \u20ac.".encode("cp1252")
    text = newsevents.normalize(data)
    assert text.encoding == "windows-1252"
    assert text.text == "Le titre a recul\u00e9 de 3,8 %, \u00e0 118,25 \u20ac."
    start = text.text.index("\u20ac")
    assert text.to_source(start, start + 1) == (data.index(b"\x80"), data.index(b"\x80") + 1)
    assert text.offset_unit == "bytes"


def test_normalize_with_an_encoding_hint():
    data = "20 \u20ac".encode("iso8859_15")
    assert newsevents.normalize(data, encoding="ISO-8859-15").text == "20 \u20ac"


def test_normalize_html_keeps_visible_text_and_metadata():
    html = ("<html lang='en'><head><title>T</title><script>x()</script></head>"
            "<body><p>One &amp; two.</p><p>Three</p></body></html>")
    text = newsevents.normalize(html)
    assert text.text == "One & two.\n\nThree"
    assert text.metadata == {"title": "T", "lang": "en"}
    start = text.text.index("&")
    a, b = text.to_source(start, start + 1)
    assert html[a:b] == "&amp;"


def test_to_source_rejects_spans_outside_the_text():
    with pytest.raises(IndexError):
        newsevents.normalize("abc").to_source(2, 9)


def test_sentences_with_offsets_into_str_input():
    data = "Caf\u00e9 news\nDell Technologies Inc. fell. HPE rose 4.3%!"
    found = newsevents.sentences(data, lang="en")
    assert [s.text for s in found] == ["Caf\u00e9 news", "Dell Technologies Inc. fell.",
                                      "HPE rose 4.3%!"]
    for sentence in found:
        assert data[sentence.start:sentence.end] == sentence.text


def test_sentences_of_bytes_are_byte_offsets():
    data = "\u00c9t\u00e9 chaud. M. Dupont est parti.".encode("utf-8")
    found = newsevents.sentences(data)
    assert [s.text for s in found] == ["\u00c9t\u00e9 chaud.", "M. Dupont est parti."]
    assert data[found[1].start:found[1].end] == "M. Dupont est parti.".encode("utf-8")


def test_detect_language():
    assert newsevents.detect_language("Le titre a recul\u00e9 de 3 %.") == "fr"
    assert newsevents.detect_language("Dell shares slipped.") == "en"
    assert newsevents.detect_language("Die Aktie stieg am Montag deutlich.") == "und"
    assert newsevents.detect_language(b"") == "und"
