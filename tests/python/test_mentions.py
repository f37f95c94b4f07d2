"""newsevents.mentions and Extractor.mentions: kinds, spans in the caller's
unit (code points for str, bytes for bytes), normalized values."""

import os

import pytest

import newsevents


def kinds(found):
    return [(m.kind, m.text) for m in found]


def test_english_sentence_mentions():
    text = ("HPE signed a contract worth more than $2 billion to equip the "
            "social network X with storage arrays in late 2025.")
    found = newsevents.mentions(text, lang="en")
    assert kinds(found) == [
        ("organization", "HPE"),
        ("money", "more than $2 billion"),
        ("organization", "social network X"),
        ("date", "late 2025"),
    ]
    money = found[1]
    assert money.norm == {"amount": 2000000000, "currency": "USD",
                          "qualifier": "more_than"}
    assert found[0].norm == "Hewlett Packard Enterprise"
    assert found[0].id == "HPE"
    assert found[3].norm == {"iso": "2025", "grain": "year", "modifier": "late"}
    for mention in found:
        assert text[mention.start:mention.end] == mention.text
        assert mention.offset_unit == "codepoints"


def test_french_ranges_never_join_into_decimals():
    text = "Le prix est compris entre 12 euros et 15 euros, soit 40 000 euros."
    money = [m for m in newsevents.mentions(text, lang="fr") if m.kind == "money"]
    assert [m.norm for m in money] == [
        {"min": 12, "max": 15, "currency": "EUR"},
        {"amount": 40000, "currency": "EUR"},
    ]


def test_percentages_ranges_and_points():
    found = newsevents.mentions(
        "a proposed 10-20% levy; margins fell 2 percentage points", lang="en")
    assert [m.norm for m in found if m.kind == "percent"] == [
        {"min": 10, "max": 20},
        {"value": 2, "points": True},
    ]


def test_relative_dates_have_no_iso():
    [date] = newsevents.mentions("Shares shot up last week.", lang="en")
    assert date.kind == "date"
    assert date.norm == {"iso": "", "grain": "week", "relative": True,
                         "offset": -1}


def test_codepoint_and_byte_offsets():
    text = "Le titre a reculé de 2,9 % à 118,25 dollars."
    by_str = newsevents.mentions(text, lang="fr")
    by_bytes = newsevents.mentions(text.encode("utf-8"), lang="fr")
    assert [m.text for m in by_str] == [m.text for m in by_bytes] == [
        "2,9 %", "118,25 dollars"]
    data = text.encode("utf-8")
    for chars, raw in zip(by_str, by_bytes):
        assert text[chars.start:chars.end] == chars.text
        assert data[raw.start:raw.end].decode("utf-8") == raw.text
        assert raw.offset_unit == "bytes"
        assert raw.to_dict()["span"] == [raw.start, raw.end]
    assert by_str[0].start < by_bytes[0].start  # "é" is 2 bytes


def test_extractor_mentions_and_repr(extractor):
    [mention] = extractor.mentions("Wistron", lang="en")
    assert mention.kind == "organization"
    assert mention.span == (0, 7)
    assert "organization" in repr(mention)
    assert mention == extractor.mentions("Wistron", lang="en")[0]


def test_user_entity_lists_extend_the_built_in_one(tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text("Calorel\tCLR.PA\tcompany\tCalorel SA|Groupe Calorel\n",
                     encoding="utf-8")
    extractor = newsevents.Extractor(entities=[extra])
    assert extractor.entities == [os.fspath(extra)]
    [mention] = extractor.mentions("Groupe Calorel", lang="fr")
    assert (mention.norm, mention.id) == ("Calorel", "CLR.PA")
    # The built-in list is still there.
    assert extractor.mentions("Dell", lang="en")[0].norm == "Dell Technologies"


def test_missing_or_malformed_entity_lists_raise(tmp_path):
    with pytest.raises(FileNotFoundError):
        newsevents.Extractor(entities=[tmp_path / "missing.tsv"])
    bad = tmp_path / "bad.tsv"
    bad.write_text("only\ttwo\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv:1"):
        newsevents.Extractor(entities=bad)
