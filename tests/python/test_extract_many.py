"""Extractor.extract_many: ExtractBatch over threads, equal to extract."""

import newsevents

DOCUMENTS = [
    b"Dell shares slipped 2.9% to $118.25.",
    "Le titre Dell a reculé de 2,9 % à 118,25 dollars.".encode("utf-8"),
    "Résumé 🚀 — Dell shares slipped 2.9% to $118.25.",
    b"",
    b"The weather was mild on Tuesday.",
    b"\xff\x80 Dell shares slipped 2.9% to $118.25.",
]


def one_by_one(extractor, documents):
    return [extractor.extract(document) for document in documents]


def test_equal_to_extract_one_by_one(extractor):
    expected = one_by_one(extractor, DOCUMENTS)
    assert any(expected), "the fixture documents should hold events"
    assert extractor.extract_many(DOCUMENTS) == expected
    assert extractor.extract_many(iter(DOCUMENTS)) == expected  # any iterable
    for threads in (1, 3):
        assert extractor.extract_many(DOCUMENTS, threads=threads) == expected
    assert newsevents.extract_many(DOCUMENTS, threads=2) == expected


def test_offset_units_follow_each_input(extractor):
    results = extractor.extract_many(DOCUMENTS)
    for document, events in zip(DOCUMENTS, results):
        for event in events:
            if isinstance(document, str):
                assert event.offset_unit == "codepoints"
                assert document[event.start:event.end] == event.text
            else:
                assert event.offset_unit == "bytes"
                assert document[event.start:event.end].decode() == event.text


def test_mappings_carry_doc_id_lang_and_content_type(extractor):
    html = b"<p>Dell shares slipped 2.9% to $118.25.</p>"
    documents = [
        {"data": DOCUMENTS[0], "doc_id": "a.txt"},
        {"data": DOCUMENTS[1], "doc_id": "b.txt", "lang": "fr"},
        {"data": html, "doc_id": "c.html", "content_type": "html"},
        DOCUMENTS[2],
    ]
    results = extractor.extract_many(documents)
    assert results == [
        extractor.extract(DOCUMENTS[0], doc_id="a.txt"),
        extractor.extract(DOCUMENTS[1], doc_id="b.txt", lang="fr"),
        extractor.extract(html, doc_id="c.html", content_type="html"),
        extractor.extract(DOCUMENTS[2]),
    ]
    assert {event.doc for event in results[0]} == {"a.txt"}
    assert {event.doc for event in results[2]} == {"c.html"}


def test_many_documents_on_many_threads():
    english = [DOCUMENTS[0], DOCUMENTS[2], DOCUMENTS[5]]
    documents = [(english[i % 3], f"doc-{i}") for i in range(300)]
    extractor = newsevents.Extractor(threads=4)
    results = extractor.extract_many(
        {"data": data, "doc_id": doc_id} for data, doc_id in documents)
    assert len(results) == len(documents)
    for (data, doc_id), events in zip(documents, results):
        assert events == extractor.extract(data, doc_id=doc_id)
        assert events and all(event.doc == doc_id for event in events)


def test_empty_batch(extractor):
    assert extractor.extract_many([]) == []
