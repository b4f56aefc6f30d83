"""Composing answers: the Vietnamese sentence, the citation with its highlight, comparisons
across periods, abstention with the closest hint, and the province-merger notes."""

from __future__ import annotations

import re
from pathlib import Path

from ..extract.figures import years_in
from ..models import Answer, AnswerValue, Citation, Figure
from ..text.numbers import parse_number
from ..text.places import find_places
from ..text.vietnamese import fold, sentences
from .candidates import Evidence, unit_ok
from .features import relation_of, year_part
from .rank import CALIBRATION_MODEL, answer_features, load_ranker
from .rank_figures import HARD_SLOTS, Candidate, score_figures
from .verify import number_tokens


NOT_FOUND = "Hồ sơ không có thông tin để trả lời câu hỏi này."


def abstain(ctx: Evidence, ans: Answer) -> Answer:
    """Below the threshold the best candidate is not stated: the records are said not to
    contain the answer, and the closest figure is shown only as a marked hint."""
    out = Answer(question="", status="not_found", text=NOT_FOUND, kind=ans.kind, confidence=ans.confidence)
    if ans.citations and ans.value is not None:
        c = ans.citations[0]
        out.notes.append(f"Gần nhất (không phải câu trả lời, độ tin cậy thấp): «{ans.value.text}» — {c.doc}.")
    out.notes += merger_notes(ctx)
    return out


def answer_figure(ctx: Evidence) -> Answer | None:
    cands = ctx.passage_figures() + ctx.noun_figures() + ctx.entity_figures()
    ranked = score_figures(ctx, cands)
    if not ranked:
        return None
    best = ranked[0]
    f = _said_precisely(ctx, best.figure) or best.figure
    span_text, span_end = f.text, f.end
    if ctx.q.kind == "count":
        span_text, span_end = _extend_count(ctx, f)
    span_start, number = f.start, f.value if span_end == f.end else None
    against = _against_the_change_asked(ctx, f)
    if against and number is not None:
        # "tăng bao nhiêu?" of an industry the record says "giảm 12,05%": a fall, said as one
        # ("12,05%" alone read as a rise); the value stays the number written (12,05), as the
        # answers' format has it (`../shared/eval/README.md`: the value of the text, in base units)
        span_start, span_text = against, ctx.document(f.doc).text[against:f.end]
    cit = figure_citation(ctx, f, span_start, span_end)
    value = AnswerValue(text=span_text, value=number, unit=f.unit,
                        qualifier=f.qualifier, entity=f.entity or None, measure=f.measure or None,
                        period=f.period or None)
    x = answer_features(ranked, ctx.q)
    ans = Answer(question="", status="answered", text=_figure_sentence(f, span_text, cit.text),
                 value=value, citations=[cit], kind="figure",
                 confidence=round(load_ranker(CALIBRATION_MODEL).probability(x), 4), features=x)
    ans.citations += _support(ctx, best, ranked)
    ans.other_periods = _other_periods(ctx, best, ranked)
    for other in ranked[1:4]:
        o = other.figure
        if other.score >= best.score * 0.8 and (o.doc != f.doc or o.period != f.period) and o.text != f.text:
            oc = figure_citation(ctx, o, o.start, o.end)
            ans.others.append((_figure_sentence(o, o.text, oc.text), oc))
    return ans


def _said_precisely(ctx: Evidence, f: Figure) -> Figure | None:
    """A headline's rounded figure ("… đạt hơn 29% kế hoạch") that the record's body states
    precisely ("đạt 29,05% kế hoạch"), of the same period, relation and unit, within what the
    headline's qualifier allows: the body's, the same fact as written in full. Its sentence may
    leave the subject to the headline, which is why the ranker found the headline first."""
    doc = ctx.document(f.doc)
    if doc is None or f.value is None or not _in_headline(doc, f):
        return None
    for g in ctx.engine.store.figures("doc=? AND unit=? AND start>?", (f.doc, f.unit, f.end)):
        if g.value is None or not _same_period(g.period, f.period) or _level(relation_of(g)) != _level(relation_of(f)) \
                or _in_headline(doc, g) \
                or not _within(f.value, f.qualifier, f.text, g.value):
            continue
        if unit_ok(ctx.q, g) and all(slot(ctx, g) for slot in HARD_SLOTS):
            return g
    return None


def _same_period(body: str, headline: str) -> bool:
    """A body's figure dated as the headline's, or by the bare year a sentence that restates no
    period falls back to ("trong tháng, … xử lý 372 vụ" under "hơn 370 vụ … tháng 11/2025")."""
    if (body or "").lower() == (headline or "").lower():
        return True
    year = re.fullmatch(r"năm (\d{4})", body or "", re.IGNORECASE)
    return bool(year) and year.group(1) in (headline or "")


def _level(relation: str) -> str:
    """A figure reached ("đạt") or said to be ("là", "được") is a level, as one with no verb before
    it is ("… đạt doanh thu trên 17 tỷ đồng": the verb stands before the measure)."""
    return "dat" if relation in ("", "la", "duoc") else relation


def _in_headline(doc, f: Figure) -> bool:
    """Whether a figure stands in the record's title line (the first line, or before its body)."""
    first = doc.text.find("\n")
    return f.end <= doc.body_start or 0 <= f.start < first and bool(doc.title) and doc.title.strip() in doc.text[:first]


def _within(rounded: float, qualifier: str | None, written: str, value: float) -> bool:
    """Whether `value` is what a figure written `written` ("hơn 29%", "gần 2,7 triệu tấn") rounds."""
    number = _WRITTEN_NUMBER.search(written)
    if value == rounded or not number or not parse_number(number.group()):
        return False                       # the same number is a restatement, no more precise (and "0" has no scale)
    # the last written digit's step, in the value's scale ("2,7 triệu tấn": 0,1 triệu); a whole
    # number's trailing zeros are rounding too ("hơn 370 vụ": tens, "hơn 10.300 sản phẩm": hundreds)
    digits = number.group().rstrip(".")
    zeros = 0 if number.group(1) else len(digits.replace(".", "")) - len(digits.replace(".", "").rstrip("0"))
    step = 10 ** (zeros - len(number.group(1) or "")) * rounded / parse_number(number.group())
    q = fold(qualifier or "").lower()
    if q in ("hon", "tren", "vuot"):
        return rounded < value < rounded + step
    if q in ("gan", "duoi"):
        return rounded - step < value < rounded
    if q in ("khoang", "xap xi", "uoc", "chung", "co"):
        return abs(value - rounded) <= step / 2
    return not qualifier and abs(value - rounded) <= step / 2


_WRITTEN_NUMBER = re.compile(r"\d[\d.]*(?:,(\d+))?")


_OPPOSITE_CHANGE = {"tang": "giam", "giam": "tang"}


def _against_the_change_asked(ctx: Evidence, f: Figure) -> int | None:
    """Where the verb of a change opposite to the one asked starts, right before the figure
    ("… than non giảm 12,05%" for "tăng bao nhiêu?"); None when the figure moved as asked."""
    opposite = _OPPOSITE_CHANGE.get(ctx.q.direction)
    if not opposite:
        return None
    before = f.sentence[:f.start - f.sentence_start]
    m = re.search(r"(\S+)\s+$", before)
    if not m or fold(m.group(1)).lower() != opposite:
        return None
    return f.sentence_start + m.start(1)


MAX_SUPPORT = 2
SUPPORT_COVERAGE = 0.5      # a further sentence of the record must speak to the question this much


def _other_periods(ctx: Evidence, best: Candidate, ranked: list[Candidate]) -> list[tuple[str, Citation]]:
    """The same entity's figure for other years ("năm 2019: 6.520 triệu đồng"), so an answer
    for one year never hides that the records have another."""
    f = best.figure
    mine = years_in(f.period)
    if not f.entity or not mine:
        return []
    by_year: dict[int, Candidate] = {}
    for c in list(ctx.older) + ranked[1:]:
        o = c.figure
        ys = years_in(o.period)
        if fold(o.entity) != fold(f.entity) or o.unit != f.unit or not ys or ys & mine:
            continue
        y = max(ys)
        if y not in by_year or c.score > by_year[y].score:
            by_year[y] = c
    out = []
    for y in sorted(by_year, reverse=True)[:3]:
        o = by_year[y].figure
        cit = figure_citation(ctx, o, o.start, o.end)
        out.append((_figure_sentence(o, o.text, cit.text), cit))
    return out


def _support(ctx: Evidence, best: Candidate, ranked: list[Candidate]) -> list[Citation]:
    """Other places where the record(s) state the same figure in the same words ("1.112 tỷ
    đồng" in the lead and in the body): cited too, so the reader sees all the evidence."""
    f = best.figure
    out, seen = [], {(f.doc, f.sentence_start)}
    # the record's other statements of the same figure ("1.112 tỷ đồng" in the lead and in the body)
    same_record = [Candidate(o, 0.0, 0.0) for o in ctx.engine.store.figures("doc=? AND unit=?", (f.doc, f.unit))
                   if o.start != f.start and ctx.coverage(o.sentence) >= SUPPORT_COVERAGE]
    for c in ranked[1:] + same_record:
        o = c.figure
        if (o.doc, o.sentence_start) in seen or o.unit != f.unit or abs(o.value - f.value) > 1e-9 * max(abs(f.value), 1):
            continue
        if f.text.split()[-1] not in o.sentence or not _same_number_text(f.text, o.text):
            continue
        seen.add((o.doc, o.sentence_start))
        out.append(figure_citation(ctx, o, o.start, o.end))
        if len(out) >= MAX_SUPPORT:
            break
    return out


def _same_number_text(a: str, b: str) -> bool:
    return number_tokens(a) == number_tokens(b)


def entity_support(ctx: Evidence, ans: Answer, min_coverage: float = 0.3) -> None:
    """Other sentences of the retrieved passages that name the same answer and speak to the
    question: cited beside the first, as further evidence."""
    if not ans.value or not ans.value.text or not ans.citations:
        return
    name = ans.value.text
    first = ans.citations[0]
    for p in ctx.passages:
        c = p.chunk
        for s, e in sentences(c.text):
            if len(ans.citations) > MAX_SUPPORT:
                return
            text = c.text[s:e]
            at = text.find(name)
            if at < 0 or (c.doc == first.path and c.start + s == first.start):
                continue
            if any(x.path == c.doc and x.start == c.start + s for x in ans.citations):
                continue
            if ctx.coverage(text) < min_coverage:
                continue
            ans.citations.append(entity_answer(ctx, c, s, e, (at, at + len(name)), "{x}").citations[0])


def _figure_year(ctx: Evidence, f: Figure) -> int | None:
    ys = years_in(f.period) or ctx.doc_years(f.doc)
    return max(ys) if ys else None


def answer_compare(ctx: Evidence) -> Answer | None:
    """"So sánh kinh phí năm 2019 và 2020", "… qua các năm": one cited figure per period."""
    q = ctx.q
    asked, q.years = set(q.years), set()          # rank without the one-period filter
    try:
        ranked = score_figures(ctx, ctx.passage_figures() + ctx.noun_figures() + ctx.entity_figures())
    finally:
        q.years = asked
    picks = _one_per_year(ctx, ranked, asked)
    if not q.places:
        # a quantity compared without naming a province is the whole's: a province's own figure
        # ("Quảng Nam (6,94 tỷ đồng)") is not one side of it, when the whole has two years
        whole = _one_per_year(ctx, [c for c in ranked if not find_places(c.figure.entity or "")], asked)
        picks = whole if len(whole) >= 2 else picks
    if len(picks) < 2:
        return None
    lines, cits = [], []
    for y in sorted(picks):
        f = picks[y].figure
        cit = figure_citation(ctx, f, f.start, f.end)
        cits.append(cit)
        lines.append(f"- {_figure_sentence(f, f.text, cit.text)}")
    first = picks[min(picks)].figure
    value = AnswerValue(text=first.text, value=first.value, unit=first.unit, qualifier=first.qualifier,
                        entity=first.entity or None, measure=first.measure or None, period=first.period or None)
    return Answer(question="", status="answered", text="\n".join(lines), value=value, citations=cits)


def _one_per_year(ctx: Evidence, ranked: list[Candidate], asked: set[int]) -> dict[int, Candidate]:
    """The best candidate of each year, among those scoring at least 0.6 of the best pick.
    Each side covers the span asked: a year's plan is not compared with half a year's
    spending ("6 tháng đầu năm"), unless the question asks for that part."""
    picks: dict[int, Candidate] = {}
    span = year_part(ctx.q.period)
    for c in ranked:
        y = _figure_year(ctx, c.figure)
        if y is None or (asked and y not in asked) or y in picks:
            continue
        if year_part(c.figure.period) != span:
            continue
        if picks and c.score < max(p.score for p in picks.values()) * 0.6:
            continue
        picks[y] = c
    return picks


def _extend_count(ctx: Evidence, f: Figure) -> tuple[str, int]:
    """"6 tập thể và 5 cá nhân": a count question naming both nouns gets both figures."""
    rest = f.sentence[f.end - f.sentence_start:]
    m = re.match(r"\s*(?:và|,)\s*", rest)
    if not m:
        return f.text, f.end
    nxt = ctx.engine.store.figures('doc=? AND start=?', (f.doc, f.end + m.end()))
    # (the next count's noun asked as a word: "m" of "413.900 mét" is no part of "Lâm Đồng")
    if nxt and fold(nxt[0].unit) and re.search(r"(?<!\w)" + re.escape(fold(nxt[0].unit).lower()) + r"(?!\w)",
                                               fold(ctx.q.text).lower()):
        end = nxt[0].end
        return ctx.document(f.doc).text[f.start:end], end
    return f.text, f.end


def _figure_sentence(f: Figure, span_text: str, cited: str) -> str:
    about = [lower_first(x) for x in (f.measure if f.measure != f.unit else "", f.period) if x]
    # Only mention a period whose numbers the citation shows.
    about = [x for x in about if all(d in cited for d in re.findall(r"\d+", x))]
    shown = span_text
    if f.table is not None and f.unit and f.unit not in span_text:
        # a table cell "6.520" means what its header says: "(triệu đồng)"
        unit = _header_unit(f)
        shown = f"{span_text} {unit}" if unit else span_text
    elif f.unit and re.fullmatch(r"[\d.,]+", span_text):
        # the first of a pair "55,2 - 55,65 triệu đồng/lượng (mua - bán)": its unit is written after the second
        m = re.match(r"\s*[-–]\s*[\d.,]+\s+([^\d()]+?)\s*\(", f.sentence[f.end - f.sentence_start:])
        shown = f"{span_text} {m.group(1)}" if m else span_text
    head = f"{f.entity}: {shown}" if f.entity and f.entity not in shown else shown
    return head + (f" ({', '.join(about)})" if about else "") + "."


def _header_unit(f: Figure) -> str:
    """The unit a table column's header gives in brackets: "Kế hoạch 2020 (triệu đồng)"."""
    cells = f.sentence.split("\n", 1)[0].split("|")
    header = cells[f.col] if f.col is not None and f.col < len(cells) else ""
    m = re.search(r"\(([^)]*)\)", header)
    return m.group(1).strip() if m else ""


def lower_first(s: str) -> str:
    """"Năm 2020" inside a sentence reads "năm 2020"; acronyms keep their case."""
    return s[:1].lower() + s[1:] if s[:2].istitle() else s


def figure_citation(ctx: Evidence, f: Figure, start: int, end: int) -> Citation:
    doc = ctx.document(f.doc)
    # the page of the figure itself: a cited table row may carry its header from the page before
    page = doc.page_at(start) if doc and doc.pages else None
    title, meta = ctx.engine.searcher.doc_meta.get(f.doc, ("", {}))
    return Citation(doc=Path(f.doc).name, path=f.doc, start=f.sentence_start,
                    end=f.sentence_start + len(f.sentence), text=f.sentence, paragraph=f.paragraph,
                    highlight=(start - f.sentence_start, end - f.sentence_start), page=page,
                    table=f.table, row=f.row, col=f.col, metadata={"title": title, **meta})


# -- entities -----------------------------------------------------------------


def entity_answer(ctx: Evidence, chunk, s: int, e: int, span: tuple[int, int], label: str) -> Answer:
    text = chunk.text[s:e]
    a, b = span
    doc = ctx.document(chunk.doc)
    title, meta = ctx.engine.searcher.doc_meta.get(chunk.doc, ("", {}))
    cit = Citation(doc=Path(chunk.doc).name, path=chunk.doc, start=chunk.start + s, end=chunk.start + e,
                   text=text, paragraph=chunk.paragraph, highlight=(a, b),
                   page=doc.page_at(chunk.start + s + a) if doc and doc.pages else None,
                   metadata={"title": title, **meta})
    value = AnswerValue(text=text[a:b])
    return Answer(question="", status="answered", text=label.format(x=text[a:b]), value=value, citations=[cit])


# Words that start or make up titles and organisations, not personal names (folded).


def merger_notes(ctx: Evidence) -> list[str]:
    from ..text.places import merger_note
    if not ctx.q.places:
        return []
    rows = ctx.engine.store.db.execute("SELECT DISTINCT entity FROM figures WHERE entity != ''").fetchall()
    corpus = {r[0] for r in rows}
    notes = []
    for written, _ in ctx.q.places:
        note = merger_note(written, corpus)
        if note:
            notes.append(note)
    return notes
