"""Answers from passages: "what / how / why / which tasks" questions get the sentence (or the
list) that answers, quoted exactly and cited with its span, never a bare figure or name.

A sentence answers when it covers enough of the question's own words (idf-weighted, the
question words themselves left out); a "why" also needs a sentence that gives a cause.
Otherwise the records are said not to explain it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..models import Answer, AnswerValue, Citation
from ..text.lexicon import CAUSE_WORDS, WHY_CUES
from ..text.vietnamese import fold, sentences

MIN_PASSAGE_COVERAGE = 0.6
MAX_QUOTE = 900          # characters: a list longer than this is cut at an item boundary
_CUE_WORDS = set("vi sao tai nguyen nhan ly do nhu the nao ra nhung gi viec dieu hinh thuc cach nao lam".split())


def _list_after(text: str, end: int) -> int:
    """A sentence ending in ":" introduces a list: take its items (lines or "; "-separated)."""
    if not text[:end].rstrip().endswith(":"):
        return end
    stop = end
    for m in re.finditer(r"[^\n]*\n?", text[end:]):
        line = m.group()
        if not line.strip():
            if stop > end:
                break
            continue
        if stop - end + len(line) > MAX_QUOTE:
            break
        stop = end + m.end()
    return stop


def answer_passage(ctx) -> Answer | None:
    q = ctx.q
    words = [w for w in ctx.content if w not in _CUE_WORDS]
    why = bool(WHY_CUES.search(fold(q.text)))
    best = None
    for rank, p in enumerate(ctx.passages[:6]):
        c = p.chunk
        for s, e in sentences(c.text):
            text = c.text[s:e]
            cov = ctx.coverage(text + " " + p.title, words)
            if why and not CAUSE_WORDS.search(fold(text)):
                continue
            score = cov - 0.03 * rank
            if best is None or score > best[0]:
                best = (score, cov, c, s, e)
    if best is None or best[1] < MIN_PASSAGE_COVERAGE:
        return None
    _, cov, chunk, s, e = best
    e = _list_after(chunk.text, e)
    quote = chunk.text[s:e].strip()
    s = chunk.text.index(quote, s)
    e = s + len(quote)
    doc = ctx.document(chunk.doc)
    title, meta = ctx.engine.searcher.doc_meta.get(chunk.doc, ("", {}))
    cit = Citation(doc=Path(chunk.doc).name, path=chunk.doc, start=chunk.start + s, end=chunk.start + e,
                   text=quote, paragraph=chunk.paragraph, highlight=(0, len(quote)),
                   page=doc.page_at(chunk.start + s) if doc and doc.pages else None,
                   metadata={"title": title, **meta})
    return Answer(question="", status="answered", text=quote, value=AnswerValue(text=quote),
                  citations=[cit], kind="passage", confidence=None)
