"""The data that crosses module boundaries, each idea defined once.

Offsets (`start`, `end`) are always character offsets into the document's
NFC text, so a citation can point at exact characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Any


@dataclass
class TableCell:
    """One cell of a table inside a document; `start`/`end` locate it in the text."""

    row: int
    col: int
    text: str
    start: int
    end: int


@dataclass
class Table:
    """A table as it was read: the caption, and the cells with their spans.

    Row 0 holds the column headers; column 0 the row headers (by convention of
    the loaders, which render each row as one line of text `a | b | c`).
    """

    index: int
    caption: str
    cells: list[TableCell]
    start: int
    end: int
    page: int | None = None

    def cell(self, row: int, col: int) -> TableCell | None:
        for c in self.cells:
            if c.row == row and c.col == col:
                return c
        return None

    @property
    def n_rows(self) -> int:
        return 1 + max((c.row for c in self.cells), default=-1)


@dataclass
class Document:
    """A record as read from disk: NFC text plus what the loader learnt about it."""

    path: str                      # as given / relative to the corpus root
    text: str                      # NFC
    title: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)   # date, place, host, number, region, year
    pages: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each page, PDFs
    tables: list[Table] = field(default_factory=list)
    body_start: int = 0            # where the body starts (after headers / front matter)

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    def page_at(self, offset: int) -> int | None:
        for i, (s, e) in enumerate(self.pages):
            if s <= offset < e:
                return i + 1
        return None


@dataclass
class Chunk:
    """A passage of a document with its exact span; the unit of retrieval."""

    id: str
    doc: str          # document path
    paragraph: int    # 1-based paragraph number in the document
    start: int
    end: int
    text: str         # == document.text[start:end]
    context: str = "" # title / heading prepended for embedding and BM25, not for citing


@dataclass
class Passage:
    """A retrieved chunk with its score and the words that matched the question."""

    chunk: Chunk
    score: float
    title: str = ""
    matched: list[tuple[int, int]] = field(default_factory=list)  # spans relative to chunk.text
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.chunk.doc.rsplit("/", 1)[-1],
            "path": self.chunk.doc,
            "paragraph": self.chunk.paragraph,
            "start": self.chunk.start,
            "end": self.chunk.end,
            "text": self.chunk.text,
            "score": round(self.score, 6),
            "title": self.title,
        }


@dataclass
class Figure:
    """A number found in a record, with what it is about and exactly where it stands."""

    doc: str
    value: float               # in base units (đồng, %, people, …)
    unit: str                  # "đồng", "%", "USD", "tấn", "người", …
    text: str                  # the figure exactly as written, qualifier included: "hơn 10 tỷ đồng"
    start: int                 # span of `text` in the document
    end: int
    sentence: str
    sentence_start: int
    qualifier: str | None = None
    entity: str = ""
    measure: str = ""
    period: str = ""
    relation: str = ""         # "đạt … kế hoạch", "tăng … so với …"
    value_max: float | None = None   # ranges: "từ 5 đến 7 tỷ"
    paragraph: int = 0
    table: int | None = None
    row: int | None = None
    col: int | None = None
    id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Citation:
    """Where an answer comes from: a span of a document, the cited text, and the highlight."""

    doc: str
    path: str
    start: int
    end: int
    text: str
    paragraph: int = 0
    highlight: tuple[int, int] | None = None   # span of the figure inside `text`
    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["highlight"] = list(self.highlight) if self.highlight else None
        return d


@dataclass
class AnswerValue:
    text: str
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    entity: str | None = None
    measure: str | None = None
    period: str | None = None

    def __post_init__(self) -> None:
        # the bounding word as a script compares it ("gần"), though a sentence may open with it
        # ("Gần 300 gian hàng …"): `text` keeps the record's spelling
        if self.qualifier:
            self.qualifier = self.qualifier.lower()


@dataclass
class Answer:
    """What both surfaces show: the sentence, the figure, its citations and the passages."""

    question: str
    status: str                          # "answered" | "not_found"
    text: str                            # the Vietnamese sentence shown first
    value: AnswerValue | None = None
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    restored_question: str | None = None # the question with diacritics restored, when it differs
    notes: list[str] = field(default_factory=list)   # e.g. province merger hints, other periods
    others: list[tuple[str, Citation]] = field(default_factory=list)  # other matching figures
    other_periods: list[tuple[str, Citation]] = field(default_factory=list)  # the same figure, other years
    unresolved: bool = False             # a follow-up that could not be tied to an earlier question
    kind: str = "figure"                 # figure | entity | passage | comparison
    confidence: float | None = None      # calibrated probability that the answer is right
    resolved_question: str | None = None # a follow-up as understood from the conversation
    frame: Any = field(default=None, repr=False, compare=False)   # the question as understood (ask.frame)
    features: dict = field(default_factory=dict, repr=False, compare=False)   # what the confidence was computed from

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "restored_question": self.restored_question,
            "resolved_question": self.resolved_question,
            "status": self.status,
            "answer": (asdict(self.value) | {"text": self.value.text, "kind": self.kind,
                                              "confidence": self.confidence}) if self.value else None,
            "message": self.text,
            "citations": [c.to_json() for c in self.citations],
            "others": [{"text": t, "citation": c.to_json()} for t, c in self.others],
            "unresolved": self.unresolved,
            "other_periods": [{"text": t, "citation": c.to_json()} for t, c in self.other_periods],
            "notes": self.notes,
            "passages": [p.to_json() for p in self.passages],
        }
