"""Type stubs for newsevents: typed business events from English and French
news. See the package docstring for the offsets and the options."""

import os
from typing import (Any, Dict, Iterable, List, Literal, Mapping, Optional,
                    Tuple, Union)

__version__: str
__all__: List[str]

Data = Union[str, bytes, bytearray, memoryview]
Document = Union[Data, Mapping[str, Any]]
ContentTypeName = Optional[Literal["auto", "text", "html"]]
PathList = Union[str, os.PathLike[str], Iterable[Union[str, os.PathLike[str]]],
                 None]

class Argument:
    """One role of an event: surface text, offsets and normalized value."""
    role: str
    text: str
    start: int
    end: int
    norm: Any
    id: Optional[str]
    def __init__(self, role: str, text: str, start: int, end: int,
                 norm: Any = ..., id: Optional[str] = ...) -> None: ...
    @property
    def span(self) -> Tuple[int, int]: ...
    def __eq__(self, other: object) -> bool: ...

class Event:
    """One typed business event (shared/spec/events.md)."""
    type: str
    lang: str
    doc: str
    start: int
    end: int
    sentence: Tuple[int, int]
    text: str
    rule: str
    confidence: float
    args: Dict[str, Argument]
    offset_unit: Literal["bytes", "codepoints"]
    def __init__(self, json_line: str,
                 codepoints: Optional[Mapping[int, int]] = ...) -> None: ...
    @property
    def span(self) -> Tuple[int, int]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

class Mention:
    """A money, percent, quantity, organization or date mention."""
    kind: Literal["organization", "money", "percent", "quantity", "date"]
    text: str
    start: int
    end: int
    norm: Any
    id: Optional[str]
    offset_unit: Literal["bytes", "codepoints"]
    def __init__(self, json_line: str,
                 codepoints: Optional[Mapping[int, int]] = ...) -> None: ...
    @property
    def span(self) -> Tuple[int, int]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...

class Extractor:
    """Finds typed business events in documents; immutable and thread-safe."""
    def __init__(self, *, rules: PathList = ...,
                 types: Union[str, Iterable[str], None] = ...,
                 lang: Optional[str] = ..., threads: int = ...,
                 entities: PathList = ...) -> None: ...
    @property
    def entities(self) -> List[str]: ...
    def mentions(self, data: Data, lang: Optional[str] = ...,
                 content_type: ContentTypeName = ...) -> List[Mention]: ...
    @property
    def rules(self) -> List[str]: ...
    @property
    def types(self) -> List[str]: ...
    @property
    def lang(self) -> Optional[str]: ...
    @property
    def threads(self) -> int: ...
    def extract(self, data: Data, lang: Optional[str] = ...,
                doc_id: Optional[str] = ...,
                content_type: ContentTypeName = ...) -> List[Event]: ...
    def extract_many(self, documents: Iterable[Document],
                     threads: Optional[int] = ...) -> List[List[Event]]: ...

def extract(data: Data, *, lang: Optional[str] = ...,
            doc_id: Optional[str] = ...,
            content_type: ContentTypeName = ...,
            rules: PathList = ..., types: Union[str, Iterable[str], None] = ...,
            threads: int = ...) -> List[Event]: ...

def extract_many(documents: Iterable[Document], *,
                 threads: Optional[int] = ..., rules: PathList = ...,
                 types: Union[str, Iterable[str], None] = ...,
                 lang: Optional[str] = ...) -> List[List[Event]]: ...

class NormalizedText:
    text: str
    encoding: str
    repaired: int
    metadata: Dict[str, str]
    offset_unit: str
    def to_source(self, start: int, end: int) -> Tuple[int, int]: ...

class Sentence:
    start: int
    end: int
    text: str
    def __init__(self, start: int, end: int, text: str) -> None: ...
    @property
    def span(self) -> Tuple[int, int]: ...

def normalize(data: Data, *, content_type: Optional[str] = ...,
              encoding: Optional[str] = ...) -> NormalizedText: ...
def sentences(data: Data, *, lang: Optional[str] = ...,
              content_type: Optional[str] = ...) -> List[Sentence]: ...
def detect_language(text: Data) -> str: ...

def mentions(data: Data, lang: Optional[str] = ..., *,
             content_type: ContentTypeName = ..., rules: PathList = ...,
             types: Union[str, Iterable[str], None] = ...,
             threads: int = ..., entities: PathList = ...) -> List[Mention]: ...
