"""A non-OK Status becomes a Python exception carrying the C++ message; bad
Python arguments raise the usual TypeError/ValueError."""

import pytest

import newsevents


def test_missing_rules_directory_is_file_not_found():
    with pytest.raises(FileNotFoundError) as raised:
        newsevents.Extractor(rules=["/nonexistent"])
    assert "/nonexistent" in str(raised.value)


def test_missing_rules_directory_as_path_object(tmp_path):
    missing = tmp_path / "no" / "such" / "rules"
    with pytest.raises(FileNotFoundError, match="rules"):
        newsevents.Extractor(rules=missing)


def test_malformed_rule_is_value_error_with_file_and_line(tmp_path):
    (tmp_path / "en").mkdir()
    rules = tmp_path / "en" / "share_move.rules"
    rules.write_text("# a comment\n"
                     "rule broken = {ORG} shares (jumped\n", encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        newsevents.Extractor(rules=[str(tmp_path)])
    message = str(raised.value)
    assert "share_move.rules:2" in message, message
    assert "broken" in message or "missing" in message, message


def test_good_extra_rules_directory_is_accepted(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "deal.rules").write_text(
        "# no rules here, only a comment\n", encoding="utf-8")
    extractor = newsevents.Extractor(rules=[tmp_path])
    assert extractor.rules == [str(tmp_path)]


def test_invalid_options_are_value_errors():
    with pytest.raises(ValueError, match="lang 'de'"):
        newsevents.Extractor(lang="de")
    with pytest.raises(ValueError, match="threads"):
        newsevents.Extractor(threads=-1)


def test_module_level_extract_raises_the_same():
    with pytest.raises(FileNotFoundError, match="/nonexistent"):
        newsevents.extract(b"Dell shares slipped 3.8%.", rules="/nonexistent")


def test_bad_python_arguments(extractor):
    with pytest.raises(TypeError):
        extractor.extract(12345)
    with pytest.raises(TypeError):
        extractor.extract(None)
    with pytest.raises(ValueError, match="content_type"):
        extractor.extract(b"text", content_type="pdf")
    with pytest.raises(TypeError):
        newsevents.Extractor(colour="blue")  # not an option
    with pytest.raises(TypeError):
        newsevents.Extractor(types=[1, 2])
    with pytest.raises(ValueError, match="data"):
        extractor.extract_many([{"text": b"no data key"}])
