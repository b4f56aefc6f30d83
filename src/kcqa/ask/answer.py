"""Question → answer with citations. The fidelity check lives here.

The answer is always a span of a record: a figure exactly as written (qualifier included),
a name, a place or a document number. Candidates come from the passages retrieval found
(and, for a named province, from the figures table), are filtered by what the question
demands (unit, place, year) and ranked by how much of the question their own clause and
sentence cover, weighted by rarity (BM25's idf). Nothing passes without a citation that
contains every digit of the sentence we print.
"""

from __future__ import annotations


import re
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.figures import years_in
from ..text.places import find_places
from ..models import Answer, AnswerValue, Chunk, Citation, Document, Figure, Passage
from .features import figure_features, mentions, period_parts, set_features
from .frame import Question, parse_question
from .passage import answer_passage
from .rank import load_ranker
from .verify import verify
from ..text.vietnamese import fold, sentences, syllables

MONEY_UNITS = {"đồng", "usd", "vnđ", "vnd", "euro", "eur", "yên", "nhân dân tệ"}
MIN_COVERAGE = 0.5          # share (idf-weighted) of the question a supporting sentence must cover
TOP_PASSAGES = 8

NOT_FOUND = "Hồ sơ không có thông tin để trả lời câu hỏi này."


@dataclass
class Candidate:
    figure: Figure
    score: float                     # the ranker's probability that this figure is the answer
    coverage: float
    features: dict = field(default_factory=dict)
    twins: list = field(default_factory=list)


def answer_question(engine, question: str, k: int = 5, year: int | None = None, doc: str | None = None,
                    trace: list | None = None) -> Answer:
    """Understand, retrieve, gather candidates, rank, compose, verify.

    `trace`, when given, receives every scored figure candidate (training reads it)."""
    searcher = engine.searcher
    restored = searcher.restore(question)
    q = parse_question(restored or question)
    allowed = _doc_filter(searcher.doc_meta, year, doc)
    must = [fold(w) for w, _ in q.places] + list(q.names) + [str(y) for y in sorted(q.years)]
    res = searcher.search(q.search_text or q.text, k=max(k, TOP_PASSAGES), docs=allowed, must=must)
    ctx = _Context(engine, q, res.passages, allowed)
    ctx.trace = trace

    handler = {
        "superlative": _answer_superlative, "who": _answer_who, "place": _answer_place,
        "document": _answer_document, "when": _answer_when, "named": _answer_named, "compare": _answer_compare,
        "passage": answer_passage,
    }.get(q.kind, _answer_figure)
    ans = handler(ctx)
    if ans is None and q.kind in ("place", "when", "named", "compare"):
        ans = _answer_figure(ctx)
    if ans is not None and ans.kind == "figure" and ans.confidence is None:
        ans.kind = "entity"
    if ans is not None and not verify(ans):
        ans = None
    if ans is not None and ans.confidence is not None and ans.confidence < _threshold(ans.kind):
        ans = _abstain(ctx, ans)
    if ans is None:
        ans = Answer(question=question, status="not_found", text=NOT_FOUND, kind=_kind_of(q))
        ans.notes += _merger_notes(ctx)
    ans.question = question
    ans.restored_question = restored
    ans.passages = res.passages[:k]
    ans.frame = q
    return ans


def _kind_of(q: Question) -> str:
    return {"passage": "passage", "who": "entity", "place": "entity", "named": "entity", "document": "entity",
            "when": "entity", "superlative": "entity", "compare": "comparison"}.get(q.kind, "figure")


def _threshold(kind: str) -> float:
    return load_ranker().threshold_for(kind)


def _abstain(ctx: _Context, ans: Answer) -> Answer:
    """Below the threshold the best candidate is not stated: the records are said not to
    contain the answer, and the closest figure is shown only as a marked hint."""
    out = Answer(question="", status="not_found", text=NOT_FOUND, kind=ans.kind, confidence=ans.confidence)
    if ans.citations and ans.value is not None:
        c = ans.citations[0]
        out.notes.append(f"Gần nhất (không phải câu trả lời, độ tin cậy thấp): «{ans.value.text}» — {c.doc}.")
    out.notes += _merger_notes(ctx)
    return out


def _doc_filter(meta: dict, year: int | None, doc: str | None) -> set[str] | None:
    if year is None and not doc:
        return None
    keep = set()
    for path, (title, m) in meta.items():
        if year is not None and m.get("year") != year and str(year) not in str(m.get("date", "")):
            continue
        if doc and fold(doc) not in fold(path) and fold(doc) not in fold(title):
            continue
        keep.add(path)
    return keep


class _Context:
    """What every kind of answer needs: the question, the passages, the idf weights."""

    def __init__(self, engine, q: Question, passages: list[Passage], allowed: set[str] | None):
        self.engine = engine
        self.q = q
        self.passages = passages[:TOP_PASSAGES]
        self.allowed = allowed
        self.trace: list | None = None
        self.idf = engine.searcher.bm25.idf
        self.max_idf = max(self.idf.values(), default=1.0)
        place_words = {w for written, _ in q.places for w in (fold(s) for _, _, s in syllables(written))}
        self.content = [w for w in q.content if w not in place_words
                        and w not in {"tinh", "thanh", "pho"}]
        self.rank = {p.chunk.id: i for i, p in enumerate(self.passages)}
        self._folded_docs: dict[str, str] = {}
        self._docs: dict[str, Document | None] = {}

    def weight(self, word: str) -> float:
        return self.idf.get(word, self.max_idf)

    def coverage(self, text: str, words: list[str] | None = None) -> float:
        words = self.content if words is None else words
        if not words:
            return 1.0
        have = {fold(s) for _, _, s in syllables(text)}
        total = sum(self.weight(w) for w in words)
        got = sum(self.weight(w) for w in words if w in have)
        return got / total if total else 0.0

    def document(self, path: str):
        """A record, read from SQLite once per question (table cells and citations ask often)."""
        if path not in self._docs:
            self._docs[path] = self.engine.store.document(path)
        return self._docs[path]

    def doc_mentions(self, path: str, names: set[str]) -> bool:
        if path not in self._folded_docs:
            doc = self.document(path)
            self._folded_docs[path] = fold(doc.title + " " + doc.text) if doc else ""
        return any(_mentions(self._folded_docs[path], n) for n in names)

    def doc_title(self, path: str) -> str:
        return self.engine.searcher.doc_meta.get(path, ("", {}))[0]

    def doc_years(self, path: str) -> set[int]:
        title, meta = self.engine.searcher.doc_meta.get(path, ("", {}))
        ys = years_in(title)
        if isinstance(meta.get("year"), int):
            ys.add(meta["year"])
        return ys

    def passage_figures(self) -> list[tuple[Figure, int]]:
        """Figures inside the retrieved passages, with the rank of their passage."""
        out = []
        store = self.engine.store
        for i, p in enumerate(self.passages):
            c = p.chunk
            for f in store.figures('doc=? AND start>=? AND "end"<=?', (c.doc, c.start, c.end)):
                out.append((f, i))
        return out

    def entity_figures(self) -> list[tuple[Figure, int]]:
        """Figures whose entity is a province the question names, wherever they are."""
        out = []
        for written, places in self.q.places:
            names = {fold(written)} | {fold(p.name) for p in places}
            for name in names:
                for f in self.engine.store.figures("entity_folded LIKE ?", (f"%{name}%",)):
                    if self.allowed is None or f.doc in self.allowed:
                        out.append((f, TOP_PASSAGES))
        return out


# -- figures ------------------------------------------------------------------

def _unit_ok(q: Question, f: Figure) -> bool:
    unit = fold(f.unit)
    if q.units is not None and not (q.kind in ("percent",) or f.unit == "%"):
        if f.unit not in q.units:
            return False
    if q.unit_kind == "money":
        return unit in {fold(u) for u in MONEY_UNITS}
    if q.unit_kind == "percent":
        return f.unit == "%"
    if q.unit_kind == "count":
        noun = q.count_noun or ""
        return bool(unit) and unit not in {fold(u) for u in MONEY_UNITS} and f.unit != "%" and (
            noun.startswith(unit) or unit.startswith(noun.split()[0]) if noun else True)
    if q.kind == "figure":
        # "tăng bao nhiêu", "là bao nhiêu": an amount or a percentage, not a bare count
        return f.unit == "%" or unit in {fold(u) for u in MONEY_UNITS} or bool(unit)
    return True


_mentions = mentions


def _place_ok(ctx: _Context, f: Figure) -> bool:
    """The figure must be about the province the question names: its entity is that place,
    or its sentence names that place alone, or (entity not a province) its record is about it."""
    q = ctx.q
    if not q.places:
        return True
    names = {fold(w) for w, _ in q.places} | {fold(p.name) for _, ps in q.places for p in ps}
    ent = fold(f.entity)
    if any(_mentions(ent, n) for n in names):
        return True
    if find_places(f.entity):
        return False                       # another province's figure
    in_sentence = {fold(p.name) for _, _, p in find_places(f.sentence)}
    if in_sentence & names:
        return not (in_sentence - names)
    if in_sentence:
        return False
    if ent:
        return False                       # the figure is about something else it names (a region, a company)
    return ctx.doc_mentions(f.doc, names)


def _names_ok(ctx: _Context, f: Figure) -> bool:
    """Companies, agencies and people the question names must appear in the figure's record."""
    return all(ctx.doc_mentions(f.doc, {n}) for n in ctx.q.names)


def _period_ok(ctx: _Context, f: Figure) -> bool:
    """Years, quarters and month spans the question names must not contradict the figure's."""
    q = ctx.q
    fy = years_in(f.period)
    if q.years:
        if fy and not (q.years & fy):
            return False
        if not fy and not (q.years & (years_in(f.sentence) | ctx.doc_years(f.doc))):
            return False
    if q.period:
        # "quý 2" is not answered by a quarter-less or another quarter's figure; same for "6 tháng"
        qq, qm = period_parts(q.period)
        fq, fm = period_parts(f.period)
        if (qq and qq != fq) or (qm and qm != fm):
            return False
    return True


def _score_figures(ctx: _Context, cands: list[tuple[Figure, int]]) -> list[Candidate]:
    """Hard slots first (unit kind, place, period, names the question states: evidence that
    contradicts them is never an answer), then the learnt ranker's probability."""
    q = ctx.q
    seen: set[tuple[str, int]] = set()
    out: list[Candidate] = []
    for f, rank in cands:
        key = (f.doc, f.start)
        if key in seen:
            continue
        seen.add(key)
        if not (_unit_ok(q, f) and _place_ok(ctx, f) and _period_ok(ctx, f) and _names_ok(ctx, f)):
            continue
        caption, header = _table_context(ctx, f)
        x = figure_features(ctx, f, rank, TOP_PASSAGES, caption, header, ctx.doc_title(f.doc))
        if x["cov_sentence"] < MIN_COVERAGE:
            continue
        out.append(Candidate(f, 0.0, x["cov_sentence"], x))
    _corroborate(out)
    set_features(ctx, out)
    ranker = load_ranker()
    for c in out:
        c.score = ranker.probability(c.features)
    _prefer_prose(out)
    if ctx.trace is not None:
        ctx.trace.extend(out)
    out.sort(key=lambda c: (-c.score, c.figure.table is not None, c.figure.doc, c.figure.start))
    return out


def _same_fact(a: Figure, b: Figure) -> bool:
    """Two statements of one fact: the same entity, unit and value (6,94 tỷ đồng in the prose
    and 6.940 triệu đồng in the table), in periods that do not contradict each other."""
    if not a.entity or fold(a.entity) != fold(b.entity) or a.unit != b.unit:
        return False
    if not (_consistent(a, b.value) or _consistent(b, a.value)):
        return False
    ya, yb = years_in(a.period), years_in(b.period)
    return not (ya and yb and not ya & yb)


_ABOVE = {fold(w) for w in ("hơn", "trên", "trên dưới")}
_NEAR = {fold(w) for w in ("gần", "khoảng", "xấp xỉ", "gần như", "chừng", "ước", "tới")}
_BELOW = {fold(w) for w in ("dưới",)}


def _consistent(f: Figure, value: float) -> bool:
    """Whether an exact value fits what a figure says, its qualifier read as a bound:
    10.250 triệu is "hơn 10 tỷ", 9.870 triệu is not."""
    v = f.value
    q = fold(f.qualifier or "")
    if not q:
        return abs(v - value) <= 1e-9 * max(abs(v), abs(value), 1.0)
    if q in _ABOVE:
        return v < value <= v * 1.2
    if q in _BELOW:
        return v * 0.8 <= value < v
    if q in _NEAR:
        return abs(v - value) <= 0.1 * abs(v)
    return False


def _corroborate(cands: list[Candidate]) -> None:
    """A fact the record states twice (a sentence and a table row) is more likely the answer
    than one stated once."""
    groups: dict[tuple[str, str], list[Candidate]] = {}
    for c in cands:
        if c.figure.entity:
            groups.setdefault((fold(c.figure.entity), c.figure.unit), []).append(c)
    for c in cands:
        twins = [d for d in groups.get((fold(c.figure.entity), c.figure.unit), []) if d is not c
                 and (d.figure.doc, d.figure.start) != (c.figure.doc, c.figure.start)
                 and _same_fact(c.figure, d.figure)]
        c.twins = twins
        c.features["corroborated"] = float(bool(twins))


def _prefer_prose(cands: list[Candidate]) -> None:
    """Of a fact stated in prose and in a table, the sentence is what to cite: it carries the
    record's own wording, qualifier and context, where a cell is a bare number."""
    for c in cands:
        if c.figure.table is None:
            cells = [d.score for d in c.twins if d.figure.table is not None]
            c.score = max([c.score] + cells)


def _table_context(ctx: _Context, f: Figure) -> tuple[str, str]:
    """A table cell's meaning lives in the caption and its column header, not in its row:
    (caption, column header); empty for a figure in running text."""
    if f.table is None:
        return "", ""
    doc = ctx.document(f.doc)
    if doc is None or f.table >= len(doc.tables):
        return "", f.measure
    t = doc.tables[f.table]
    head = t.cell(0, f.col) if f.col is not None else None
    return t.caption or "", head.text if head else ""


def _answer_figure(ctx: _Context) -> Answer | None:
    cands = ctx.passage_figures() + ctx.entity_figures()
    ranked = _score_figures(ctx, cands)
    if not ranked:
        return None
    best = ranked[0]
    f = best.figure
    span_text, span_end = f.text, f.end
    if ctx.q.kind == "count":
        span_text, span_end = _extend_count(ctx, f)
    cit = _citation(ctx, f, f.start, span_end)
    value = AnswerValue(text=span_text, value=f.value if span_end == f.end else None, unit=f.unit,
                        qualifier=f.qualifier, entity=f.entity or None, measure=f.measure or None,
                        period=f.period or None)
    ans = Answer(question="", status="answered", text=_figure_sentence(f, span_text, cit.text),
                 value=value, citations=[cit], kind="figure", confidence=round(best.score, 4))
    for other in ranked[1:4]:
        o = other.figure
        if other.score >= best.score * 0.8 and (o.doc != f.doc or o.period != f.period) and o.text != f.text:
            oc = _citation(ctx, o, o.start, o.end)
            ans.others.append((_figure_sentence(o, o.text, oc.text), oc))
    return ans


def _figure_year(ctx: _Context, f: Figure) -> int | None:
    ys = years_in(f.period) or ctx.doc_years(f.doc)
    return max(ys) if ys else None


def _answer_compare(ctx: _Context) -> Answer | None:
    """"So sánh kinh phí năm 2019 và 2020", "… qua các năm": one cited figure per period."""
    q = ctx.q
    asked, q.years = set(q.years), set()          # rank without the one-period filter
    try:
        ranked = _score_figures(ctx, ctx.passage_figures() + ctx.entity_figures())
    finally:
        q.years = asked
    picks: dict[int, Candidate] = {}
    for c in ranked:
        y = _figure_year(ctx, c.figure)
        if y is None or (asked and y not in asked) or y in picks:
            continue
        if picks and c.score < max(p.score for p in picks.values()) * 0.6:
            continue
        picks[y] = c
    if len(picks) < 2:
        return None
    lines, cits = [], []
    for y in sorted(picks):
        f = picks[y].figure
        cit = _citation(ctx, f, f.start, f.end)
        cits.append(cit)
        lines.append(f"- {_figure_sentence(f, f.text, cit.text)}")
    first = picks[min(picks)].figure
    value = AnswerValue(text=first.text, value=first.value, unit=first.unit, qualifier=first.qualifier,
                        entity=first.entity or None, measure=first.measure or None, period=first.period or None)
    return Answer(question="", status="answered", text="\n".join(lines), value=value, citations=cits)


def _extend_count(ctx: _Context, f: Figure) -> tuple[str, int]:
    """"6 tập thể và 5 cá nhân": a count question naming both nouns gets both figures."""
    rest = f.sentence[f.end - f.sentence_start:]
    m = re.match(r"\s*(?:và|,)\s*", rest)
    if not m:
        return f.text, f.end
    nxt = ctx.engine.store.figures('doc=? AND start=?', (f.doc, f.end + m.end()))
    if nxt and fold(nxt[0].unit) and fold(nxt[0].unit) in fold(ctx.q.text):
        end = nxt[0].end
        return ctx.document(f.doc).text[f.start:end], end
    return f.text, f.end


def _figure_sentence(f: Figure, span_text: str, cited: str) -> str:
    about = [_lower_first(x) for x in (f.measure if f.measure != f.unit else "", f.period) if x]
    # Only mention a period whose numbers the citation shows.
    about = [x for x in about if all(d in cited for d in re.findall(r"\d+", x))]
    shown = span_text
    if f.table is not None and f.unit and f.unit not in span_text:
        # a table cell "6.520" means what its header says: "(triệu đồng)"
        unit = _header_unit(f)
        shown = f"{span_text} {unit}" if unit else span_text
    head = f"{f.entity}: {shown}" if f.entity and f.entity not in shown else shown
    return head + (f" ({', '.join(about)})" if about else "") + "."


def _header_unit(f: Figure) -> str:
    """The unit a table column's header gives in brackets: "Kế hoạch 2020 (triệu đồng)"."""
    cells = f.sentence.split("\n", 1)[0].split("|")
    header = cells[f.col] if f.col is not None and f.col < len(cells) else ""
    m = re.search(r"\(([^)]*)\)", header)
    return m.group(1).strip() if m else ""


def _lower_first(s: str) -> str:
    """"Năm 2020" inside a sentence reads "năm 2020"; acronyms keep their case."""
    return s[:1].lower() + s[1:] if s[:2].istitle() else s


def _citation(ctx: _Context, f: Figure, start: int, end: int) -> Citation:
    doc = ctx.document(f.doc)
    # the page of the figure itself: a cited table row may carry its header from the page before
    page = doc.page_at(start) if doc and doc.pages else None
    title, meta = ctx.engine.searcher.doc_meta.get(f.doc, ("", {}))
    return Citation(doc=Path(f.doc).name, path=f.doc, start=f.sentence_start,
                    end=f.sentence_start + len(f.sentence), text=f.sentence, paragraph=f.paragraph,
                    highlight=(start - f.sentence_start, end - f.sentence_start), page=page,
                    table=f.table, row=f.row, col=f.col, metadata={"title": title, **meta})


# -- entities -----------------------------------------------------------------

def _answer_superlative(ctx: _Context) -> Answer | None:
    q = ctx.q
    groups: dict[tuple, list[Figure]] = {}
    for f, rank in ctx.passage_figures():
        if not f.entity or not _period_ok(ctx, f):
            continue
        if q.unit_kind == "money" and fold(f.unit) not in {fold(u) for u in MONEY_UNITS}:
            continue
        if q.unit_kind == "percent" and f.unit != "%":
            continue
        key = (f.doc, f.table, f.col) if f.table is not None else (f.doc, f.sentence_start)
        groups.setdefault(key, []).append(f)
    best_group, best_score = None, 0.0
    for key, figs in groups.items():
        units = {f.unit for f in figs}
        if len(figs) < 2 or len(units) > 1:
            continue
        cov = ctx.coverage(figs[0].sentence + " " + ctx.doc_title(figs[0].doc) + " " + figs[0].measure)
        score = cov + 0.1 * min(len(figs), 5)
        if cov >= MIN_COVERAGE * 0.8 and score > best_score:
            best_group, best_score = figs, score
    if not best_group:
        return None
    pick = (max if q.superlative == "max" else min)(best_group, key=lambda f: f.value)
    word = "cao nhất" if q.superlative == "max" else "thấp nhất"
    cit = _citation(ctx, pick, pick.start, pick.end)
    period = pick.period if pick.period and all(d in cit.text for d in re.findall(r"\d+", pick.period)) else ""
    text = (f"{pick.entity} ({pick.text}) — {word} trong các đối tượng mà hồ sơ nêu số liệu"
            f"{' ' + _lower_first(period) if period else ''}.")
    value = AnswerValue(text=pick.entity, value=pick.value, unit=pick.unit, qualifier=pick.qualifier,
                        entity=pick.entity, measure=pick.measure or None, period=pick.period or None)
    return Answer(question="", status="answered", text=text, value=value, citations=[cit])


def _sentence_candidates(ctx: _Context, top: int = 4):
    """Sentences of the top passages, each with its coverage of the question."""
    out = []
    for rank, p in enumerate(ctx.passages[:top]):
        c = p.chunk
        for s, e in sentences(c.text):
            text = c.text[s:e]
            cov = ctx.coverage(text + " " + p.title)
            out.append((cov - 0.05 * rank, c, s, e, text))
    out.sort(key=lambda x: -x[0])
    return out


def _entity_answer(ctx: _Context, chunk, s: int, e: int, span: tuple[int, int], label: str) -> Answer:
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
_NOT_PERSON = {w.lower() for w in (
    "Bộ", "Sở", "Cục", "Công", "Thương", "Trung", "Ủy", "Ban", "UBND", "HĐND", "HĐQT", "Tỉnh", "Thành", "Phố",
    "Hội", "Nghị", "Chính", "Phủ", "Nhà", "Nước", "Đảng", "Tập", "Đoàn", "Ngân", "Hàng", "Trưởng", "Thứ",
    "Giám", "Đốc", "Chủ", "Tịch", "Phó", "Khuyến", "Lãnh", "Đạo", "Đại", "Diện", "Dịp", "Tại", "Theo", "Với",
    "Từ", "Các", "Tổng", "Viện", "Trường", "Sau", "Trong", "Năm", "Tháng", "Ngày", "Điều", "Khoản", "Xã", "Phường",
    "Huyện", "Quận", "Thị", "TP", "TPHCM", "Mặt", "Trận", "Tổ", "Group", "Bank", "Công ty")}
_HONORIFIC = {w.lower() for w in ("Ông", "Bà", "Anh", "Chị", "Đồng", "chí", "Đ/c", "TS", "ThS", "PGS", "GS", "Luật", "sư")}


def _person_names(text: str) -> list[tuple[int, int]]:
    """Personal names: 2–4 capitalised syllables, honorifics stripped; a run that starts with
    a family name is a name, any other must hold no title or agency word."""
    from ..text.lexicon import FAMILY_NAMES
    from ..text.vietnamese import capitalised_runs
    out = []
    for s, e in capitalised_runs(text):
        words = text[s:e].split()
        while words and words[0].rstrip(".").lower() in _HONORIFIC:
            s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
            words = words[1:]
        if not 2 <= len(words) <= 4 or "-" in text[s:e] or fold(" ".join(words)) == "viet nam":
            continue
        if any(w.isupper() and len(w) > 1 for w in words):
            continue
        family = fold(words[0]) in FAMILY_NAMES and words[0].lower() not in _NOT_PERSON
        if family or not any(w.lower() in _NOT_PERSON for w in words):
            out.append((s, e))
    return out


def _in_question(ctx: _Context, text: str) -> bool:
    return fold(text) in fold(ctx.q.text)


def _title_anchors(text: str, title: str) -> list[tuple[int, int]]:
    """Where the exact title stands in a sentence ("Chủ tịch HĐQT", not "Phó Chủ tịch HĐQT")."""
    ft, fl = fold(text), fold(title)
    out = []
    for m in re.finditer(rf"(?<!\w){re.escape(fl)}(?!\w)", ft):
        if not ft[:m.start()].rstrip().endswith("pho"):
            out.append((m.start(), m.end()))
    return out


def _answer_who(ctx: _Context) -> Answer | None:
    """A person: in a sentence that holds the exact title asked about, the name next to it."""
    title = ctx.q.title_phrase
    cands = _sentence_candidates(ctx, top=TOP_PASSAGES)
    if title:
        cands = sorted(cands, key=lambda c: (not _title_anchors(c[4], title), -c[0]))
    for cov, chunk, s, e, text in cands:
        if cov < MIN_COVERAGE * 0.8:
            continue
        anchors = _title_anchors(text, title) if title else []
        place_spans = {(a, b) for a, b, _ in find_places(text)}
        names = [n for n in _person_names(text) if n not in place_spans and not _in_question(ctx, text[n[0]:n[1]])]
        if anchors:
            a0 = anchors[0]
            # "A - Thứ trưởng …; B - Cục trưởng …": a title binds the name of its own segment
            seg_start = max(text.rfind(";", 0, a0[0]), text.rfind("\n", 0, a0[0])) + 1
            seg_end = min([i for i in (text.find(";", a0[1]), text.find("\n", a0[1])) if i >= 0] or [len(text)])
            dist = lambda n: min(abs(n[0] - a0[1]), abs(a0[0] - n[1]))  # noqa: E731
            names = [n for n in names if dist(n) <= 90 and seg_start <= n[0] and n[1] <= seg_end]
            names.sort(key=dist)
        if not names:
            continue
        label = "{x}" + (f" ({title})." if title else ".")
        return _entity_answer(ctx, chunk, s, e, names[0], label)
    return None


def _nearest_to_key(ctx: _Context, text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Of several candidate spans, the one closest to the rarest question word in the sentence."""
    anchors = [(a, fold(w)) for a, b, w in syllables(text) if fold(w) in ctx.content]
    if not spans:
        return None
    if not anchors:
        return spans[0]
    key_pos = max(anchors, key=lambda x: ctx.weight(x[1]))[0]
    return min(spans, key=lambda p: min(abs(p[0] - key_pos), abs(p[1] - key_pos)))


def _answer_place(ctx: _Context) -> Answer | None:
    for cov, chunk, s, e, text in _sentence_candidates(ctx):
        if cov < MIN_COVERAGE:
            break
        spans = []
        for a, b, place in find_places(text):
            if _in_question(ctx, place.name) or _in_question(ctx, text[a:b]):
                continue
            i = text.find(place.name, a, b + 1)
            spans.append((i, i + len(place.name)) if i >= 0 else (a, b))
        best = _nearest_to_key(ctx, text, spans)
        if best:
            return _entity_answer(ctx, chunk, s, e, best, "{x}.")
    return None


def _answer_named(ctx: _Context) -> Answer | None:
    """"Xã nào …", "đổi tên thành xã gì", "đối tác nào", "đơn vị nào kiểm toán": a proper name
    the question does not already contain, preferably right after the noun asked about."""
    from ..text.vietnamese import capitalised_runs
    noun = ctx.q.noun or ""
    for cov, chunk, s, e, text in _sentence_candidates(ctx, top=TOP_PASSAGES):
        if cov < MIN_COVERAGE:
            break
        runs = [r for r in capitalised_runs(text) if not _in_question(ctx, text[r[0]:r[1]])
                and not all(w.lower() in _NOT_PERSON for w in text[r[0]:r[1]].split())]
        after_noun = []
        if noun:
            for m in re.finditer(rf"(?<!\w){re.escape(noun)}(?!\w)[\s*]*", fold(text)):
                after_noun += [r for r in runs if r[0] == m.end()]
        best = after_noun[0] if len(after_noun) == 1 else _nearest_to_key(ctx, text, after_noun or runs)
        if best:
            return _entity_answer(ctx, chunk, s, e, best, "{x}.")
    return None


_DOC_NO = re.compile(r"((?:Nghị định|Quyết định|Nghị quyết|Thông tư|Luật|Chỉ thị|Tờ trình|Đề án|Công văn)"
                     r"(?:\s+số)?\s*\d+[\w/.-]*[\w]|(?<=Số:)\s*\d+/[\w/.-]*[\w])", re.IGNORECASE)


def _answer_document(ctx: _Context) -> Answer | None:
    want = ctx.q.doc_type or ""
    for cov, chunk, s, e, text in _sentence_candidates(ctx):
        for m in _DOC_NO.finditer(text):
            if fold(m.group(1)).startswith(want) or (m.group(1)[:1].isspace() or m.group(1)[:1].isdigit()):
                a = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
                return _entity_answer(ctx, chunk, s, e, (a, m.end(1)), "{x}.")
    # "Nghị quyết … có số hiệu là gì?": the record's own number, from its header line
    for p in ctx.passages[:3]:
        number = ctx.engine.searcher.doc_meta.get(p.chunk.doc, ("", {}))[1].get("doc_number")
        doc = ctx.document(p.chunk.doc) if number else None
        at = doc.text.find(number) if doc else -1
        if at >= 0:
            ls = doc.text.rfind("\n", 0, at) + 1
            le = doc.text.find("\n", at)
            le = len(doc.text) if le < 0 else le
            line = Chunk(id="", doc=doc.path, paragraph=0, start=ls, end=le, text=doc.text[ls:le])
            return _entity_answer(ctx, line, 0, le - ls, (at - ls, at - ls + len(number)), "{x}.")
    return None


_DATE = re.compile(r"(ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|/\d{1,2}/\d{4}))", re.IGNORECASE)


_ISSUED = re.compile(r"\b(ban hanh|ky|thong qua|cong bo)\b")


def _answer_when(ctx: _Context) -> Answer | None:
    if _ISSUED.search(fold(ctx.q.text)):
        # "… được ban hành ngày nào?": the record's own date line ("Hà Nội, ngày 16 tháng 6 năm 2025")
        for p in ctx.passages[:3]:
            doc = ctx.document(p.chunk.doc)
            m = _DATE.search(doc.text, doc.body_start, doc.body_start + 1500) if doc else None
            if m:
                ls = doc.text.rfind("\n", 0, m.start()) + 1
                le = doc.text.find("\n", m.end())
                le = len(doc.text) if le < 0 else le
                line = Chunk(id="", doc=doc.path, paragraph=0, start=ls, end=le, text=doc.text[ls:le])
                return _entity_answer(ctx, line, 0, le - ls, (m.start() - ls, m.end() - ls), "{x}.")
    year_asked = bool(re.search(r"\bnam nao\b", fold(ctx.q.text)))
    for cov, chunk, s, e, text in _sentence_candidates(ctx):
        if cov < MIN_COVERAGE:
            break
        m = _DATE.search(text)
        if m:
            return _entity_answer(ctx, chunk, s, e, (m.start(1), m.end(1)), "{x}.")
        if year_asked:
            # "… tổ chức vào năm nào?": the year written as "năm 2021" nearest the key words
            spans = [(y.start(), y.end()) for y in re.finditer(r"(?<!\w)năm \d{4}(?!\d)", text)]
            best = _nearest_to_key(ctx, text, spans)
            if best:
                return _entity_answer(ctx, chunk, s, e, best, "{x}.")
    return None


# -- honesty ------------------------------------------------------------------

def _merger_notes(ctx: _Context) -> list[str]:
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



