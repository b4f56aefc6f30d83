"""Answers from passages: "what / how / why / which tasks" questions get the sentence (or the
list) that answers, quoted exactly and cited with its span, never a bare figure or name.

A sentence answers when it covers enough of the question's own words (idf-weighted, the
question words themselves left out); a "why" also needs a sentence that gives a cause.
Otherwise the records are said not to explain it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..models import Answer, AnswerValue, Chunk, Citation
from ..text.lexicon import ORDINAL_ITEM_ASKED, WHY_CUES, cause_and_effect, gives_cause, ordinal_value
from ..text.vietnamese import fold, sentences
from .rank import PASSAGE_MODEL, load_ranker

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


# "Vì thế, doanh nghiệp không dám mua": the reason is in the sentence before
_BACKWARD = re.compile(r"^\W*(vi the|vi vay|do do|do vay|boi vay|chinh vi|cho nen|nho do|tu do|nho vay)\b")
# "… giảm. Đây là kết quả của …", "Nguyên nhân là …": the reason is in the sentence after
_REASON_NEXT = re.compile(r"^\W*(day la|dieu nay|nguyen nhan|ly do|do |boi |vi |theo )")


def _widen(text: str, s: int, e: int, why: bool) -> tuple[int, int]:
    """The answering sentence with the one its connective points to: the sentence before a
    "Vì thế, …", and for a "why" the sentence after that gives the reason."""
    spans = sentences(text)
    i = next((k for k, (a, b) in enumerate(spans) if a <= s < b), None)
    if i is None:
        return s, e
    if i > 0 and _BACKWARD.match(fold(text[s:e])):
        s = spans[i - 1][0]
    elif why and i + 1 < len(spans) and _REASON_NEXT.match(fold(text[spans[i + 1][0]:spans[i + 1][1]])):
        e = spans[i + 1][1]
    # "Trong số 12 DN … có năm DN bị thu hồi …, hai DN tự nguyện …. Hai DN không được gia hạn …;
    # một DN bị thu hồi …": a breakdown by counts of one noun goes on in the sentences that open
    # with another count of it
    counted = {w.lower() for w in _COUNTED.findall(text[spans[i][0]:spans[i][1]]) if not w.isdigit()}
    k = i + 1
    while counted and k < len(spans) and spans[k][1] - s <= MAX_QUOTE:
        opening = _COUNT_OPENING.match(text, spans[k][0], spans[k][1])
        if not opening or opening.group(1).lower() not in counted:
            break
        e, k = spans[k][1], k + 1
    return s, e


_NUMBER = r"(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
_COUNTED = re.compile(rf"(?<!\w){_NUMBER}\s+(\w+)", re.IGNORECASE)
_COUNT_OPENING = re.compile(rf"\W*{_NUMBER}\s+(\w+)", re.IGNORECASE)


# an item of a list opening "Thứ hai, …" at a line's start or after the lead's ":" (folded)
_ITEM_OPENING = re.compile(r"(?:^|\n|[:;]\s)[ \t\-–+•*]*thu\s+(\w+)\s*[,:.]", re.MULTILINE)
_ITEM_END = re.compile(r"\n|$")


def _ordinal_item(ctx, words: list[str], n: int):
    """"Vấn đề thứ hai … là gì?": the item that opens "Thứ hai, …" in the record whose passage
    covers the question best, at or after that passage (the item itself need not repeat the
    question's words: its list's lead and its record's title do)."""
    best = None
    best_in: dict[str, float] = {}
    records: dict[str, list] = {}          # each record's passages, read from the store once
    for rank, p in enumerate(ctx.passages[:6]):
        cov = ctx.coverage(p.chunk.text + " " + p.title, words)
        score = cov - 0.03 * rank
        if p.chunk.doc not in records:
            records[p.chunk.doc] = ctx.chunks_of(p.chunk.doc)
        for c in [c for c in records[p.chunk.doc] if c.start >= p.chunk.start][:3]:
            ft = fold(c.text)
            m = next((m for m in _ITEM_OPENING.finditer(ft) if ordinal_value(m.group(1)) == n), None)
            if m is None:
                continue
            s = m.start() + len(m.group()) - len(m.group().lstrip(":;\n \t-–+•*"))
            following = _ITEM_OPENING.search(ft, m.end())       # the next item, on the same line or not
            e = min(_ITEM_END.search(c.text, m.end()).start(), following.start() + 1 if following else len(c.text))
            best_in[c.id] = max(score, best_in.get(c.id, score))
            if best is None or score > best[0]:
                best = (score, cov, c, s, e)
            break
    return best, best_in


def answer_passage(ctx) -> Answer | None:
    q = ctx.q
    words = [w for w in ctx.content if w not in _CUE_WORDS]
    why = bool(WHY_CUES.search(fold(q.text)))
    item = ORDINAL_ITEM_ASKED.search(fold(q.text))
    if item:
        n = ordinal_value(item.group(1))
        words = [w for w in words if w not in ("thu", item.group(1))]
        best, best_in = _ordinal_item(ctx, words, n)
        if best is None or best[1] < MIN_PASSAGE_COVERAGE:
            return None
        return _quoted(ctx, best, best_in, words, why=False)
    best = None
    best_in: dict[str, float] = {}       # each passage's best sentence score
    for rank, p in enumerate(ctx.passages[:6]):
        c = p.chunk
        spans = sentences(c.text)
        for i, (s, e) in enumerate(spans):
            text = c.text[s:e]
            cov = ctx.coverage(text + " " + p.title, words)
            if why and (not gives_cause(text) or _explains_another(q, text)):
                continue
            quoted = (c, s, e)
            if i == 0 and _BACKWARD.match(fold(text)) and (grown := _with_sentence_before(ctx, c, s)) is not None:
                # "Vì vậy, …" opening the passage points to the sentence before it, in the paragraph
                # before (`_widen` quotes it with the one it points to within a passage)
                quoted = (grown, 0, e + (c.start - grown.start))
            score = cov - 0.03 * rank
            best_in[c.id] = max(score, best_in.get(c.id, score))
            if best is None or score > best[0]:
                best = (score, cov, *quoted)
    if best is None or best[1] < MIN_PASSAGE_COVERAGE:
        return None
    return _quoted(ctx, best, best_in, words, why)


def _with_sentence_before(ctx, c: Chunk, s: int) -> Chunk | None:
    """The passage `c` grown back to the start of the record's sentence before its offset `s`
    (in the paragraph before, when `s` opens `c`)."""
    doc = ctx.document(c.doc)
    if doc is None:
        return None
    before = doc.text[max(0, c.start + s - 600):c.start + s]
    head = before.rstrip()
    before = before[head.rfind("\n") + 1:]          # within its paragraph, not the title line above it
    spans = [sp for sp in sentences(before) if before[sp[0]:sp[1]].strip()]
    if not spans:
        return None
    start = c.start + s - len(before) + spans[-1][0]
    return Chunk(id=c.id, doc=c.doc, paragraph=c.paragraph, start=start, end=c.end, text=doc.text[start:c.end])


_CHANGE = re.compile(r"(?<!\w)(?:tăng|giảm)(?!\w)(?!\s+(?:trưởng|cường)(?!\w))", re.IGNORECASE)   # not "tăng trưởng"


def _explains_another(q, text: str) -> bool:
    """"Vì sao lượng khách … tăng cao?": a sentence whose rise is its cause explains something
    else ("do nhu cầu … người dân tăng cao nên hội chợ được kéo dài" — stated at 0.85 over "…,
    từ đó lượng người dân, du khách tăng lên rất cao"). The change asked must be on the
    sentence's effect side when the sentence names it at all."""
    asked = {fold(m.group()).lower() for m in _CHANGE.finditer(q.text)}
    split = cause_and_effect(text)
    if not asked or split is None:
        return False
    cause, effect = ({fold(m.group()).lower() for m in _CHANGE.finditer(part)} for part in split)
    return bool(asked & cause) and not asked & effect


def _quoted(ctx, best, best_in: dict[str, float], words: list[str], why: bool) -> Answer:
    """The answering sentence (widened to what its connective points to, and the list it opens)
    quoted exactly and cited, with the features its confidence is read from."""
    best_score, cov, chunk, s, e = best
    # how far the answering sentence stands above the best one of any other passage: a
    # sentence that several passages match about as well is a guess among them
    gap = best_score - max((v for cid, v in best_in.items() if cid != chunk.id), default=0.0)
    x = {"coverage": cov, "why": float(why), "rank_score": best_score, "gap": gap,
         "sentence_coverage": ctx.coverage(chunk.text[s:e], words)}     # without the record's title
    s, e = _widen(chunk.text, s, e, why)
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
                  citations=[cit], kind="passage", confidence=round(load_ranker(PASSAGE_MODEL).probability(x), 4),
                  features=x)
