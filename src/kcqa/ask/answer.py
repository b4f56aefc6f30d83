"""Question → answer with citations: understand, retrieve, gather candidates, rank,
compose, verify — each step in its own module of this package.

The answer is always a span of a record: a figure exactly as written (qualifier included),
a name, a place, a document number or a passage. Below the threshold the model's best
candidate is not stated: the records are said not to contain the answer.
"""

from __future__ import annotations

import re

from ..models import Answer
from ..text.vietnamese import fold
from .candidates import TOP_PASSAGES, Evidence, doc_filter
from .compose import NOT_FOUND, abstain, answer_compare, answer_figure, merger_notes
from .entities import (answer_document, answer_named, answer_ordinal, answer_place, answer_superlative,
                       answer_superlative_in_words, answer_when, answer_who, asks_a_unit, asks_several, asks_where,
                       names_a_time)
from .frame import Question, parse_question
from .passage import answer_passage
from .rank import CALIBRATION_MODEL, ENTITY_MODEL, PASSAGE_MODEL, load_ranker
from .verify import verify


def answer_question(engine, question: str, k: int = 5, year: int | None = None, doc: str | None = None,
                    trace: list | None = None, within: set[str] | None = None,
                    excluded: set[tuple[str, int]] | None = None, floor: float = 0.0,
                    typed_marks: bool | None = None, whole: tuple[str, int] | None = None,
                    part: bool = False) -> Answer:
    """Understand, retrieve, gather candidates, rank, compose, verify.

    `within`: only these records (a conversation's, see `Conversation.records_in_play`).
    `excluded`: figure occurrences (record, offset) that cannot be the answer (another turn's).
    `floor`: a higher threshold for this kind of question (a follow-up's, `turn.py`), unless the
    user chose the operating point (`--min-confidence`).
    `whole`: (record, offset) of the figure a part is asked of ("Trong đó …" after it was answered).
    `part`: the question asks a part of an earlier one's whole ("Trong đó …"), its rewrite says no more.
    `typed_marks`: whether the user typed the marks of every word asked, when the question is not
    as typed (a follow-up rewritten with an earlier question's restored words: a guess still).
    `trace`, when given, receives every scored figure candidate (training reads it)."""
    searcher = engine.searcher
    restored = searcher.restore(question)
    q = parse_question(restored or question)
    q.typed_marks = restored is None if typed_marks is None else typed_marks and restored is None
    if part:
        q.whole, q.part = False, True
    allowed = doc_filter(searcher.doc_meta, year, doc)
    if within is not None:
        allowed = set(within) if allowed is None else allowed & within
    must = [fold(w) for w, _ in q.places] + list(q.names) + [str(y) for y in sorted(q.years | q.source_years)] + \
        [f"{d}/{m}" for d, m in sorted(q.days)]
    res = searcher.search(_search_text(q), k=max(k, TOP_PASSAGES), docs=allowed, must=must)
    ctx = Evidence(engine, q, res.passages, allowed)
    ctx.trace = trace
    ctx.excluded = set(excluded or ())
    ctx.whole = whole

    handler = {
        "superlative": answer_superlative, "who": answer_who, "place": answer_place,
        "document": answer_document, "when": answer_when, "named": answer_named, "compare": answer_compare,
        "passage": answer_passage, "ordinal": answer_ordinal,
    }.get(q.kind, answer_figure)
    ans = handler(ctx)
    if ans is None and q.kind == "superlative" and q.noun:
        ans = answer_superlative_in_words(ctx)
    if ans is None and q.kind in ("place", "when", "named", "compare") and not asks_several(q) \
            and not asks_where(q) and not asks_a_unit(q) \
            and not (q.kind == "named" and _STATES_A_FIGURE.search(q.text)):
        # "… nằm ở đâu?", "thuộc xã nào?" never by "75 ha"; nor "ngành nào … tăng 75,64%?" by a figure:
        # it states the figure, and asks whose it is
        ans = answer_figure(ctx)
        if ans is not None and q.kind == "when" and not names_a_time(ans.value.text if ans.value else ""):
            ans = None                    # a when-question's answer is a time, not a sum or a length
    if ans is not None and ans.kind == "figure" and ans.confidence is None:
        ans.kind = "entity"
    if ans is not None and not verify(ans):
        ans = None
    if ans is not None and ans.confidence is not None and \
            ans.confidence < threshold_for(ans.kind, engine.cfg.min_confidence, floor):
        ans = abstain(ctx, ans)
    if ans is None:
        ans = Answer(question=question, status="not_found", text=NOT_FOUND, kind=_kind_of(q))
        ans.notes += merger_notes(ctx)
    ans.question = question
    ans.restored_question = restored
    ans.passages = res.passages[:k]
    ans.frame = q
    return ans


_STATES_A_FIGURE = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:%|tỷ|triệu|nghìn|ngàn|đồng|USD|sản phẩm|doanh nghiệp|ha\b)",
                              re.IGNORECASE)


def _search_text(q: Question) -> str:
    return q.search_text or q.text


def searched_text(searcher, question: str) -> str:
    """The text answering ``question`` embeds (what a prefetch computes ahead)."""
    text = _search_text(parse_question(searcher.restore(question) or question))
    return searcher.restore(text) or text


def _kind_of(q: Question) -> str:
    return {"passage": "passage", "who": "entity", "place": "entity", "named": "entity", "document": "entity",
            "when": "entity", "superlative": "entity", "compare": "comparison", "ordinal": "entity"}.get(q.kind, "figure")


def threshold_for(kind: str, chosen: float | None = None, floor: float = 0.0) -> float:
    """The user's operating point (`--min-confidence`) when chosen; else the kind's model's
    threshold, raised to `floor` for a question held higher (a follow-up's)."""
    if chosen is not None:
        return chosen
    model = load_ranker({"entity": ENTITY_MODEL, "passage": PASSAGE_MODEL}.get(kind, CALIBRATION_MODEL))
    return max(model.threshold, floor)
