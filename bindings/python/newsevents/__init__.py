"""newsevents: typed business events from English and French news.

An :class:`Extractor` is built once from options, then reads documents and
returns :class:`Event` objects whose offsets point back into the caller's
input::

    import newsevents

    extractor = newsevents.Extractor()          # built-in rules, every type
    for event in extractor.extract("Dell shares slipped 2.9% to $118.25."):
        print(event.type, event.args["company"].norm, event.args["change"].norm)
        print(event.to_dict())                  # the CLI's JSON line, as a dict

Offsets. For ``bytes`` input, ``start``/``end`` (of an event and of each
argument) are byte offsets, as in the JSON: ``data[e.start:e.end]`` is the
surface text. For ``str`` input the library reads ``data.encode("utf-8")``
and the offsets are converted to code points, so ``text[e.start:e.end]`` is
the surface text. ``Event.offset_unit`` says which ("bytes" or
"codepoints"); ``Event.to_dict()`` is always the contract's JSON object, with
byte offsets (shared/spec/events.md).

Options carry the names of the C++ ``newsevents::Options`` fields and of the
CLI flags: ``rules``, ``types``, ``lang``, ``threads``. A bad option raises
``ValueError`` (malformed rules, with ``file:line``), ``FileNotFoundError``
(a missing rules directory) or ``OSError`` (an unreadable one).

Thread safety: an Extractor is immutable once built; the work runs with the
GIL released, so one instance may be shared by many Python threads.
"""

from __future__ import annotations

import json
import os
import threading
from typing import (Any, Dict, Iterable, List, Mapping, Optional, Sequence,
                    Tuple, Union)

from . import _newsevents

__all__ = [
    "Argument",
    "Event",
    "Extractor",
    "Mention",
    "NormalizedText",
    "Sentence",
    "detect_language",
    "normalize",
    "sentences",
    "extract",
    "extract_many",
    "mentions",
    "__version__",
]

#: The version of the linked C++ library (``newsevents::Version()``).
__version__: str = _newsevents.__version__

Data = Union[str, bytes, bytearray, memoryview]

_CONTENT_TYPES = {
    None: _newsevents.ContentType.AUTO,
    "auto": _newsevents.ContentType.AUTO,
    "text": _newsevents.ContentType.TEXT,
    "html": _newsevents.ContentType.HTML,
}

# UTF-8 continuation bytes: every other byte starts a code point.
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))


class Argument:
    """One role of an event: its surface text, offsets and normalized value.

    Attributes:
        role: the role name ("company", "change", "price", ...).
        text: the original surface text.
        start, end: offsets of ``text`` in the input, in the owning event's
            ``offset_unit`` (bytes for bytes input, code points for str).
        norm: the normalized value as in the JSON (a string for organizations
            and labels such as directions, a dict such as
            ``{"value": 3.8}`` or ``{"amount": 118.25, "currency": "USD"}``
            for numbers), or None when the role has none.
        id: a ticker or stable identifier for organizations, else None.
    """

    __slots__ = ("role", "text", "start", "end", "norm", "id")

    def __init__(self, role: str, text: str, start: int, end: int,
                 norm: Any = None, id: Optional[str] = None) -> None:
        """Makes an argument; the library's results are built by Event."""
        self.role = role
        self.text = text
        self.start = start
        self.end = end
        self.norm = norm
        self.id = id

    @property
    def span(self) -> Tuple[int, int]:
        """``(start, end)``."""
        return (self.start, self.end)

    def __eq__(self, other: object) -> bool:
        """Equal when every attribute is."""
        if not isinstance(other, Argument):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name)
                   for name in self.__slots__)

    __hash__ = None  # type: ignore[assignment]  # mutable, like a dataclass

    def __repr__(self) -> str:
        """``Argument(role='company', text='Dell', span=(0, 4), norm=...)``."""
        parts = [f"role={self.role!r}", f"text={self.text!r}",
                 f"span={self.span!r}"]
        if self.norm is not None:
            parts.append(f"norm={self.norm!r}")
        if self.id is not None:
            parts.append(f"id={self.id!r}")
        return f"Argument({', '.join(parts)})"


class Event:
    """One typed business event (shared/spec/events.md).

    Attributes:
        type: "share_move", "order_shift", "deal", "tariff", ...
        lang: "en" or "fr".
        doc: the document's id (``doc_id``), "" when none was given.
        start, end: the text that states the event, in ``offset_unit``.
        sentence: ``(start, end)`` of the sentence it stands in.
        text: the original surface text of the event.
        rule: the id of the rule that found it ("en/share_move/verb_percent").
        confidence: 0..1.
        args: role name -> :class:`Argument`, in the order the rule names them.
        offset_unit: "bytes" (bytes input) or "codepoints" (str input): the
            unit of ``start``, ``end``, ``sentence`` and every argument's
            offsets. ``to_dict()`` always uses bytes.
    """

    __slots__ = ("type", "lang", "doc", "start", "end", "sentence", "text",
                 "rule", "confidence", "args", "offset_unit", "_json")

    def __init__(self, json_line: str,
                 codepoints: Optional[Mapping[int, int]] = None) -> None:
        """Builds an Event from its JSON line (as ``newsevents::ToJson``
        writes it). With ``codepoints`` (a map from byte offsets to code-point
        offsets), the offsets are given in code points."""
        fields = json.loads(json_line)
        convert = (lambda offset: offset) if codepoints is None else (
            codepoints.__getitem__)
        self._json = json_line
        self.offset_unit = "bytes" if codepoints is None else "codepoints"
        self.type: str = fields["type"]
        self.lang: str = fields["lang"]
        self.doc: str = fields["doc"]
        self.start: int = convert(fields["span"][0])
        self.end: int = convert(fields["span"][1])
        self.sentence: Tuple[int, int] = (convert(fields["sentence"][0]),
                                          convert(fields["sentence"][1]))
        self.text: str = fields["text"]
        self.rule: str = fields["rule"]
        self.confidence: float = fields["confidence"]
        self.args: Dict[str, Argument] = {
            role: Argument(role, arg["text"], convert(arg["span"][0]),
                           convert(arg["span"][1]), arg.get("norm"),
                           arg.get("id"))
            for role, arg in fields["args"].items()
        }

    @property
    def span(self) -> Tuple[int, int]:
        """``(start, end)``."""
        return (self.start, self.end)

    def to_dict(self) -> Dict[str, Any]:
        """The event as the contract's JSON object, byte offsets included:
        equal to the line the CLI prints for the same bytes. A new dict on
        every call."""
        return json.loads(self._json)

    def to_json(self) -> str:
        """The event's JSON line, exactly as ``newsevents::ToJson`` wrote it
        (no trailing newline)."""
        return self._json

    def __eq__(self, other: object) -> bool:
        """Equal when the JSON and the offsets (with their unit) are."""
        if not isinstance(other, Event):
            return NotImplemented
        return (self._json == other._json
                and self.offset_unit == other.offset_unit
                and self.span == other.span
                and self.sentence == other.sentence
                and self.args == other.args)

    __hash__ = None  # type: ignore[assignment]  # mutable attributes

    def __repr__(self) -> str:
        """``<Event share_move en [0:35] 'Dell shares ...' company='Dell'...>``:
        each argument shows its norm, or its text when it has none."""
        args = " ".join(
            f"{role}={(arg.text if arg.norm is None else arg.norm)!r}"
            for role, arg in self.args.items())
        unit = "" if self.offset_unit == "bytes" else " codepoints"
        return (f"<Event {self.type} {self.lang} [{self.start}:{self.end}"
                f"{unit}] {self.text!r} {args} rule={self.rule!r} "
                f"confidence={self.confidence!r}>")


class Mention:
    """A sum of money, a percentage, a quantity, an organization or a date
    found in text, with its normalized value (the layer events are built
    from; see ``Extractor.mentions``).

    Attributes:
        kind: "money", "percent", "quantity", "organization" or "date".
        text: the original surface text (a qualifier cue such as "more than"
            included).
        start, end: offsets of ``text`` in the input, in ``offset_unit``.
        norm: the normalized value as in the JSON: ``{"amount": 1e9,
            "currency": "USD", "qualifier": "more_than"}``, ``{"min": 10,
            "max": 20}``, ``{"value": 4.3}``, ``{"iso": "2024-12-05",
            "grain": "day"}``, or the canonical name of an organization.
        id: a ticker or stable identifier for organizations, else None.
        offset_unit: "bytes" (bytes input) or "codepoints" (str input).
    """

    __slots__ = ("kind", "text", "start", "end", "norm", "id", "offset_unit",
                 "_json")

    def __init__(self, json_line: str,
                 codepoints: Optional[Mapping[int, int]] = None) -> None:
        """Builds a Mention from its JSON object (``newsevents::ToJson``);
        with ``codepoints`` (byte offset -> code-point offset) the offsets
        are given in code points."""
        fields = json.loads(json_line)
        convert = (lambda offset: offset) if codepoints is None else (
            codepoints.__getitem__)
        self._json = json_line
        self.offset_unit = "bytes" if codepoints is None else "codepoints"
        self.kind: str = fields["kind"]
        self.text: str = fields["text"]
        self.start: int = convert(fields["span"][0])
        self.end: int = convert(fields["span"][1])
        self.norm: Any = fields.get("norm")
        self.id: Optional[str] = fields.get("id")

    @property
    def span(self) -> Tuple[int, int]:
        """``(start, end)``."""
        return (self.start, self.end)

    def to_dict(self) -> Dict[str, Any]:
        """The mention as its JSON object, with byte offsets."""
        return json.loads(self._json)

    def __eq__(self, other: object) -> bool:
        """Equal when the JSON and the offsets (with their unit) are."""
        if not isinstance(other, Mention):
            return NotImplemented
        return (self._json == other._json and self.span == other.span
                and self.offset_unit == other.offset_unit)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        """``<Mention money [4:14] '$1 billion' {'amount': 1e9, ...}>``."""
        return (f"<Mention {self.kind} [{self.start}:{self.end}] "
                f"{self.text!r} {self.norm!r}>")


def _mentions(lines: Sequence[str], data: bytes,
              codepoints: bool) -> List[Mention]:
    """Mentions from the shim's JSON objects for one document."""
    if not codepoints or not lines:
        return [Mention(line) for line in lines]
    offsets: List[int] = []
    for line in lines:
        offsets.extend(json.loads(line)["span"])
    table = _codepoint_offsets(data, offsets)
    return [Mention(line, table) for line in lines]


def _strings(name: str, values: Union[str, os.PathLike, Iterable[Any], None],
             paths: bool = False) -> List[str]:
    """A list of str for a list option; a lone str (or path) is one item."""
    if values is None:
        return []
    if isinstance(values, (str, os.PathLike)):
        values = [values]
    out = []
    for value in values:
        if paths:
            value = os.fspath(value)
        if not isinstance(value, str):
            raise TypeError(f"{name}: expected str items, got "
                            f"{type(value).__name__}")
        out.append(value)
    return out


def _content_type(content_type: Any) -> "_newsevents.ContentType":
    """The ContentType for None, "auto", "text" or "html"."""
    if isinstance(content_type, _newsevents.ContentType):
        return content_type
    try:
        return _CONTENT_TYPES[content_type]
    except (KeyError, TypeError):
        raise ValueError(f"content_type must be None, 'auto', 'text' or "
                         f"'html', not {content_type!r}") from None


def _input(data: Data) -> Tuple[bytes, bool]:
    """(the bytes given to the library, whether offsets are code points)."""
    if isinstance(data, str):
        # surrogatepass: a lone surrogate still has 3 bytes and one code point
        # (the library reads it as U+FFFD), so offsets stay aligned.
        return data.encode("utf-8", "surrogatepass"), True
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data), False
    raise TypeError(f"data must be str or bytes, not {type(data).__name__}")


def _codepoint_offsets(data: bytes, offsets: Iterable[int]) -> Dict[int, int]:
    """Maps each byte offset into UTF-8 ``data`` to its code-point offset
    (the number of code points that start before it). One pass over data."""
    table: Dict[int, int] = {}
    position = 0
    count = 0
    for offset in sorted(set(offsets)):
        count += len(data[position:offset].translate(None, _CONTINUATION_BYTES))
        position = offset
        table[offset] = count
    return table


def _events(lines: Sequence[str], data: bytes, codepoints: bool) -> List[Event]:
    """Events from the shim's JSON lines for one document."""
    if not codepoints or not lines:
        return [Event(line) for line in lines]
    dicts = [json.loads(line) for line in lines]
    offsets: List[int] = []
    for fields in dicts:
        offsets.extend(fields["span"])
        offsets.extend(fields["sentence"])
        for arg in fields["args"].values():
            offsets.extend(arg["span"])
    table = _codepoint_offsets(data, offsets)
    return [Event(line, table) for line in lines]


class Extractor:
    """Finds typed business events in documents.

    Built once from options, immutable after, and safe to share across
    threads (the work runs with the GIL released)::

        extractor = newsevents.Extractor(types=["share_move"], threads=4)
        events = extractor.extract(b"Dell shares slipped 2.9% to $118.25.")

    Options (the names of the C++ ``Options`` fields and of the CLI flags):
        rules: directories of extra rule files (``<dir>/<lang>/<type>.rules``),
            read in order after the built-in rules; a str or path is one
            directory. Default: none.
        types: event types to return ("share_move", "deal", ...). Default:
            every type.
        lang: "en" or "fr", forced on every document. Default: None (use the
            document's hint, else detect).
        threads: worker threads for :meth:`extract_many`; 0 means one per
            hardware thread. Default: 0.
        entities: extra entity lists (TSV files in the format of the
            built-in lib/data/organizations.tsv), read in order after it; a
            str or path is one file. Default: none.

    Raises:
        ValueError: malformed rules (the message lists each as
            ``file:line: reason``) or another invalid option.
        FileNotFoundError: a rules directory does not exist.
        OSError: a rules file could not be read.
    """

    __slots__ = ("_core", "_options")

    def __init__(self, *, rules: Union[str, os.PathLike,
                                       Iterable[Union[str, os.PathLike]],
                                       None] = None,
                 types: Union[str, Iterable[str], None] = None,
                 lang: Optional[str] = None, threads: int = 0,
                 entities: Union[str, os.PathLike,
                                 Iterable[Union[str, os.PathLike]],
                                 None] = None) -> None:
        """Reads the built-in rules and compiles those of ``rules``."""
        self._options = {
            "rules": _strings("rules", rules, paths=True),
            "types": _strings("types", types),
            "lang": lang or "",
            "threads": int(threads),
            "entities": _strings("entities", entities, paths=True),
        }
        self._core = _newsevents.Extractor(**self._options)

    @property
    def rules(self) -> List[str]:
        """The extra rule directories, in order."""
        return list(self._core.rules)

    @property
    def entities(self) -> List[str]:
        """The extra entity lists, in order."""
        return list(self._core.entities)

    def mentions(self, data: Data, lang: Optional[str] = None,
                 content_type: Optional[str] = None) -> List[Mention]:
        """The mentions of one document (money, percentages, quantities,
        organizations, dates), in order, never overlapping: what the event
        rules read. ``data`` and ``lang`` as for :meth:`extract`: ``str``
        gives code-point offsets, ``bytes`` byte offsets."""
        raw, codepoints = _input(data)
        lines = self._core.mentions(raw, lang or "",
                                    _content_type(content_type))
        return _mentions(lines, raw, codepoints)

    @property
    def types(self) -> List[str]:
        """The event types returned; empty for every type."""
        return list(self._core.types)

    @property
    def lang(self) -> Optional[str]:
        """The language forced on every document, or None."""
        return self._core.lang or None

    @property
    def threads(self) -> int:
        """Worker threads of :meth:`extract_many` (0: one per hardware
        thread)."""
        return self._core.threads

    def extract(self, data: Data, lang: Optional[str] = None,
                doc_id: Optional[str] = None,
                content_type: Optional[str] = None) -> List[Event]:
        """The events of one document, in the order of their spans.

        Args:
            data: the document. ``bytes`` (any encoding, UTF-8 expected) give
                byte offsets; ``str`` gives code-point offsets.
            lang: "en" or "fr" when known; None to detect (the extractor's
                ``lang`` option, if set, wins).
            doc_id: the document's identity, copied into every event's
                ``doc``. Default: "".
            content_type: "text", "html" or None/"auto" (decided from the
                bytes). HTML offsets still address the original bytes.

        Never fails on bad bytes: they are read as U+FFFD.
        """
        raw, codepoints = _input(data)
        lines = self._core.extract(raw, lang or "",
                                   "" if doc_id is None else str(doc_id),
                                   _content_type(content_type))
        return _events(lines, raw, codepoints)

    def extract_many(self, documents: Iterable[Union[Data, Mapping[str, Any]]],
                     threads: Optional[int] = None) -> List[List[Event]]:
        """The events of many documents, read on several threads at once.

        Args:
            documents: each a ``str`` or ``bytes`` (as for :meth:`extract`), or
                a mapping with key "data" and optionally "lang", "doc_id" and
                "content_type", with :meth:`extract`'s meanings.
            threads: worker threads for this call (0: one per hardware
                thread); None uses this extractor's ``threads`` option.

        Returns:
            A list whose item i holds the events of documents[i], equal to
            ``extract`` of that document.
        """
        items = []
        inputs = []
        for document in documents:
            if isinstance(document, Mapping):
                unknown = set(document) - {"data", "lang", "doc_id",
                                           "content_type"}
                if unknown or "data" not in document:
                    raise ValueError(
                        "a document mapping needs 'data' and may have "
                        "'lang', 'doc_id', 'content_type'; got keys "
                        f"{sorted(document)!r}")
                data = document["data"]
                lang = document.get("lang")
                doc_id = document.get("doc_id")
                content_type = document.get("content_type")
            else:
                data, lang, doc_id, content_type = document, None, None, None
            raw, codepoints = _input(data)
            inputs.append((raw, codepoints))
            items.append((raw, lang or "",
                          "" if doc_id is None else str(doc_id),
                          _content_type(content_type)))
        if threads is not None and int(threads) < 0:
            raise ValueError("threads must be 0 (one per core) or more")
        results = self._core.extract_batch(
            items, -1 if threads is None else int(threads))
        return [_events(lines, raw, codepoints)
                for lines, (raw, codepoints) in zip(results, inputs)]

    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any]]]:
        """Pickles as its options: unpickling (on a Dask worker, say) builds
        the extractor again there. The rules are compiled once per process:
        later extractors of equal options share them. Rule directories must
        exist at the same paths where it is unpickled."""
        options = dict(self._options)
        options["lang"] = options["lang"] or None
        return (_rebuild_extractor, (options,))

    def __repr__(self) -> str:
        """``Extractor(rules=[...], types=[...], lang=None, threads=0)``."""
        return (f"Extractor(rules={self.rules!r}, types={self.types!r}, "
                f"lang={self.lang!r}, threads={self.threads!r})")


def _rebuild_extractor(options: Dict[str, Any]) -> Extractor:
    """Extractor(**options), for unpickling."""
    return Extractor(**options)


_default: Optional[Extractor] = None
_default_lock = threading.Lock()


def _extractor(options: Dict[str, Any]) -> Extractor:
    """The shared default Extractor, or a new one for non-default options."""
    global _default
    if options:
        return Extractor(**options)
    with _default_lock:
        if _default is None:
            _default = Extractor()
        return _default


def extract(data: Data, *, lang: Optional[str] = None,
            doc_id: Optional[str] = None,
            content_type: Optional[str] = None,
            **options: Any) -> List[Event]:
    """The events of one document: ``Extractor(**options).extract(...)``.

    Without options, a default Extractor is built once and reused; with
    options (``rules``, ``types``, ``threads``; ``lang`` is the document's
    language here), a new one is built on each call: keep an
    :class:`Extractor` to read many documents.
    """
    return _extractor(options).extract(data, lang=lang, doc_id=doc_id,
                                       content_type=content_type)


def extract_many(documents: Iterable[Union[Data, Mapping[str, Any]]], *,
                 threads: Optional[int] = None,
                 **options: Any) -> List[List[Event]]:
    """The events of many documents on ``threads`` threads:
    ``Extractor(**options).extract_many(documents, threads)``. Reuses the
    default Extractor when no other option is given."""
    return _extractor(options).extract_many(documents, threads=threads)


def mentions(data: Data, lang: Optional[str] = None, *,
             content_type: Optional[str] = None,
             **options: Any) -> List[Mention]:
    """The mentions of one document:
    ``Extractor(**options).mentions(data, lang)``, reusing the default
    Extractor when no option is given::

        >>> [m.norm for m in newsevents.mentions("more than $1 billion")]
        [{'amount': 1000000000, 'currency': 'USD', 'qualifier': 'more_than'}]
    """
    return _extractor(options).mentions(data, lang=lang,
                                        content_type=content_type)


def _byte_offsets(text: str) -> List[int]:
    """Byte offset in ``text.encode()`` of each code point, and of the end."""
    offsets = [0]
    total = 0
    for character in text:
        total += len(character.encode("utf-8", "surrogatepass"))
        offsets.append(total)
    return offsets


class NormalizedText:
    """A document as the recognizers see it (``newsevents::Normalize``).

    Attributes:
        text: NFC, typography folded for matching (curly quotes to ', dashes
            to -, any run of spaces to one), case kept.
        encoding: the charset the input was read in ("UTF-8",
            "windows-1252", "UTF-16LE", ...).
        repaired: how many invalid byte sequences were read as U+FFFD.
        metadata: for HTML, "title", "lang", "description", "og:title",
            "article:published_time" when the page has them.
        offset_unit: the unit of :meth:`to_source` results: "codepoints" for
            str input, "bytes" for bytes input.
    """

    __slots__ = ("text", "encoding", "repaired", "metadata", "offset_unit",
                 "_native", "_data", "_text_bytes")

    def __init__(self, native: "_newsevents.NormalizedText", data: bytes,
                 codepoints: bool) -> None:
        """Wraps the compiled result; use :func:`normalize`."""
        self._native = native
        self._data = data
        self.text: str = native.text
        self.encoding: str = native.encoding
        self.repaired: int = native.repaired
        self.metadata: Dict[str, str] = dict(native.metadata)
        self.offset_unit = "codepoints" if codepoints else "bytes"
        self._text_bytes: Optional[List[int]] = None

    def to_source(self, start: int, end: int) -> Tuple[int, int]:
        """Where ``text[start:end]`` came from in the input, in
        ``offset_unit``: ``data[a:b]`` of the input is its surface form."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"[{start}, {end}) is outside the text "
                             f"(length {len(self.text)})")
        if self._text_bytes is None:
            self._text_bytes = _byte_offsets(self.text)
        begin, stop = self._native.to_source(self._text_bytes[start],
                                             self._text_bytes[end])
        if self.offset_unit == "bytes":
            return begin, stop
        table = _codepoint_offsets(self._data, (begin, stop))
        return table[begin], table[stop]

    def __repr__(self) -> str:
        """``<NormalizedText UTF-8 'Dell shares ...'>``."""
        preview = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"<NormalizedText {self.encoding} {preview!r}>"


class Sentence:
    """One sentence: where it stands in the input, and its normalized text.

    Attributes:
        start, end: its span in the input, in code points for str input and
            bytes for bytes input.
        text: the sentence's normalized text.
    """

    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        """A sentence; :func:`sentences` makes them."""
        self.start = start
        self.end = end
        self.text = text

    @property
    def span(self) -> Tuple[int, int]:
        """``(start, end)``."""
        return (self.start, self.end)

    def __eq__(self, other: object) -> bool:
        """Equal when span and text are."""
        if not isinstance(other, Sentence):
            return NotImplemented
        return self.span == other.span and self.text == other.text

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        """``Sentence(span=(0, 21), text='Dell shares slipped.')``."""
        return f"Sentence(span={self.span!r}, text={self.text!r})"


def normalize(data: Data, *, content_type: Optional[str] = None,
              encoding: Optional[str] = None) -> NormalizedText:
    """Decodes and normalizes a document, as extraction does before its
    rules: charset (byte-order mark, ``encoding``, HTML ``<meta charset>``,
    detection), HTML to visible text, NFC and typographic folding. The
    result maps any span of its text back to the input
    (:meth:`NormalizedText.to_source`). Never raises on bad bytes: they read
    as U+FFFD."""
    raw, codepoints = _input(data)
    native = _newsevents.normalize(raw, _content_type(content_type), encoding or "")
    return NormalizedText(native, raw, codepoints)


def sentences(data: Data, *, lang: Optional[str] = None,
              content_type: Optional[str] = None) -> List[Sentence]:
    """The sentences of a document, in order, as :class:`Sentence` objects.
    ``lang`` ("en", "fr") picks the abbreviation rules; by default the
    language is detected."""
    raw, codepoints = _input(data)
    found = _newsevents.sentences(raw, lang or "", _content_type(content_type))
    if not codepoints:
        return [Sentence(begin, end, text) for (begin, end), text in found]
    table = _codepoint_offsets(raw, [o for (span, _) in found for o in span])
    return [Sentence(table[begin], table[end], text) for (begin, end), text in found]


def detect_language(text: Data) -> str:
    """"en", "fr", or "und" when the text is neither (another language, too
    short, not text)."""
    raw, _ = _input(text)
    return _newsevents.detect_language(raw.decode("utf-8", "replace"))
