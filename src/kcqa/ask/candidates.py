"""Candidates and the slots they must not contradict.

`Evidence` holds what every step needs for one question: the frame, the passages retrieval
found, the idf weights, and cached reads of the records. The `*_ok` checks are the hard
slots: a unit kind, a province, a period or a name the question states that a figure
contradicts rules the figure out, whatever the ranker would say.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import bisect
import re

from ..extract.figures import figures_of, joined_periods, periods_in, years_in
from ..models import Document, Figure, Passage
from ..text.lexicon import (DURATION_UNITS, EQUIVALENT_PHRASES, MONEY_UNITS_FOLDED, MONEY_WORDS, count_unit_fits, day_mentions,
                            day_of_date, days_in)
from ..text import lexicon
from ..text.bodies import body_spans
from ..text.places import find_places, lookup, places_in_address, places_in_file_name
from ..text.numbers import COUNT_NOUNS, QUALIFIERS, Quantity, find_quantities, parse_number, ratio_ok
from ..text.vietnamese import (capitalised_runs, counted_nouns_folded, fold, folded_syllables, has_diacritics,
                               is_syllable, same_marks, sentences, syllables)
from .features import (CHANGE_VERBS, after_a_start, asks_where_a_change_ended, asks_where_a_change_started, clause,
                       ends_a_change, is_place_asked, mentions, period_parts, relation_of, starts_a_change, window,
                       year_part)
from .frame import Question, identifiers_in

_ONE_SYLLABLE_COUNT_NOUNS = {k for k in counted_nouns_folded() if " " not in k}


# what a rate is said per ("của 1 người", "mỗi 1 hộ", "trên 1 lao động"; folded): the one is no count
_PER_ONE = re.compile(r"(?:\bcua|\bcho|\bmoi|\btren|\bbinh quan|\bdoi voi|/)\s*$")


def _per_one(f: Figure) -> bool:
    """A bare "1" a rate is said per ("của 1 người", "mỗi 1 hộ", "trên 1 lao động")."""
    if f.text.strip() != f"1 {f.unit}".strip() or f.value != 1:
        return False
    return bool(_PER_ONE.search(fold(f.sentence[:f.start - f.sentence_start]).lower()))


def _another_word(head: str, noun: list[str], folded: str, end: int) -> bool:
    """A count of the asked noun's first syllable alone that runs on into another word: "10 doanh
    nhân" is no count of "doanh nghiệp" ("40 đơn, …" and "28 cuốn cho …" are of "đơn hàng",
    "cuốn sách"); a classifier counts alone ("15 cuộc kiểm tra")."""
    if len(head.split()) > 1 or len(noun) == 1 or head in _ONE_SYLLABLE_COUNT_NOUNS:
        return False
    nxt = re.match(r"\s+([^\W\d_]+)", folded[end:])
    return bool(nxt) and nxt.group(1).lower() not in _FUNCTION_WORDS and nxt.group(1).lower() not in _PREDICATES


# a verb after a count ends its noun: "có 09 nhóm tăng giá" counts "nhóm hàng …", it does not
# run on into another word
_PREDICATES = {fold(r).lower() for r in lexicon.RELATIONS if " " not in r}


MIN_COVERAGE = 0.5          # share (idf-weighted) of the question a supporting sentence must cover
MIN_PASSAGE_COVERAGE = 0.8  # … or the passage around it, when the sentence leaves its subject to the one before


TOP_PASSAGES = 8

# the equivalent phrases as a text's folded syllables are joined ("KH&ĐT": "kh dt"), read once
_EQUIVALENTS = [[folded_syllables(p) for p in group] for group in EQUIVALENT_PHRASES]
# counts of a noun are matched in folded text, so their qualifiers are folded too ("gần 30 chủ xe": "gan")
_FOLDED_QUALIFIERS = list(dict.fromkeys(fold(w) for w in QUALIFIERS))


@dataclass
class Candidate:
    figure: Figure
    score: float                     # the ranker's probability that this figure is the answer
    coverage: float
    features: dict = field(default_factory=dict)
    twins: list = field(default_factory=list)


def doc_filter(meta: dict, year: int | None, doc: str | None) -> set[str] | None:
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


class Evidence:
    """What every kind of answer needs: the question, the passages, the idf weights."""

    def __init__(self, engine, q: Question, passages: list[Passage], allowed: set[str] | None):
        self.engine = engine
        self.q = q
        self.passages = passages[:TOP_PASSAGES]
        self.allowed = allowed
        self.trace: list | None = None
        self.older: list = []             # candidates of an earlier period than the entity's latest
        self.excluded: set[tuple[str, int]] = set()   # figure occurrences known not to answer (doc, start)
        self.whole: tuple[str, int] | None = None      # the figure a part is asked of (doc, start)
        self.idf = engine.searcher.bm25.idf
        self.max_idf = max(self.idf.values(), default=1.0)
        # the provinces asked, as written and by their names, longest first
        self.place_forms = sorted({n for written, ps in q.places for n in [written] + [p.name for p in ps]},
                                  key=len, reverse=True)
        # the province's syllables are no words to cover, but a word the question also writes outside
        # it is ("Gia Lai … vi phạm giá điện" asks "giá")
        place_words = {w for written, _ in q.places for w in (fold(s) for _, _, s in syllables(written))}
        outside = {fold(s) for _, _, s in syllables(self.without_places(q.text))}
        self.content = [w for w in q.content if (w not in place_words or w in outside)
                        and w not in {"tinh", "thanh", "pho"}]
        # … and such a word is covered only outside the province's name ("Gia Lai" says no "giá")
        self.beside_place = place_words & set(self.content)
        self.rank = {p.chunk.id: i for i, p in enumerate(self.passages)}
        asked = f" {folded_syllables(q.text)} "
        self.equivalents = [(p, [o for o in group if o != p]) for group in _EQUIVALENTS for p in group
                            if f" {p} " in asked]
        measures = {fold(m) for m in q.measures}
        self.measure_equivalents = {e for p, others in self.equivalents if p in measures for e in others}
        self.countries = countries_asked(q.text)       # a slot: figures of other countries are out
        self.markets = markets_asked(q.text)            # and a market named ("nhập khẩu … từ Bờ Biển Ngà")
        self.regions = lexicon.region_sides(q.text)     # and of another side of the country
        # and of another scope; not the whole a share is of ("phía Bắc chiếm bao nhiêu % tổng kinh phí … của
        # cả nước?" asks the region's share: the country's own figures are not it)
        self.scopes = {scope for _, scope in lexicon.scopes_named(_SHARE_OF.sub(" ", fold(q.text).lower()))}
        self.levels = lexicon.levels_named(fold(q.text).lower())       # and of another level (cấp tỉnh)
        self.funding = lexicon.funding_named(fold(q.text).lower())     # and of another source of money
        self.origin = lexicon.origin_named(fold(q.text).lower())       # and domestic or foreign
        self._folded_docs: dict[str, str] = {}
        self._doc_places: dict[str, tuple[set[str], set[str], set[str]]] = {}
        self._days_named: dict[str, list] = {}
        self._docs: dict[str, Document | None] = {}
        self._headings: dict[str, str] = {}
        self._chunk_figures: dict[str, list[Figure]] = {}

    def weight(self, word: str) -> float:
        return self.idf.get(word, self.max_idf)

    def coverage(self, text: str, words: list[str] | None = None) -> float:
        words = self.content if words is None else words
        if not words:
            return 1.0
        joined = f" {folded_syllables(text)} "
        said = joined.split()
        have = set(said)
        if "%" in text:
            have.update(("phan", "tram"))     # "tăng 10,59%" says "phần trăm" in its symbol
        # One word written joined or apart ("vắcxin" / "vắc xin", "Sapa" / "Sa Pa"), both halves
        # of two letters or more ("L.A" is not "là")
        asked = set(words)
        have.update(a + b for a, b in zip(said, said[1:]) if a + b in asked and min(len(a), len(b)) > 1)
        have.update(x for a, b in zip(words, words[1:]) if a + b in have and min(len(a), len(b)) > 1 for x in (a, b))
        if self.equivalents:
            for asked, equivalents in self.equivalents:
                if any(f" {e} " in joined for e in equivalents):
                    have.update(asked.split())
        if self.beside_place and self.beside_place & have:
            have -= self.beside_place - set(folded_syllables(self.without_places(text)).split())
        total = sum(self.weight(w) for w in words)
        got = sum(self.weight(w) for w in words if w in have)
        return got / total if total else 0.0

    def without_places(self, text: str) -> str:
        """`text` with the provinces asked taken out, wherever it writes them by any of their names."""
        for name in self.place_forms:
            text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
        return text

    def chunks_of(self, path: str) -> list:
        """A record's passages in order (its foot holds the signature)."""
        return self.engine.store.doc_chunks(path)

    def document(self, path: str):
        """A record, read from SQLite once per question (table cells and citations ask often)."""
        if path not in self._docs:
            self._docs[path] = self.engine.store.document(path)
        return self._docs[path]

    def doc_mentions(self, path: str, names: set[str]) -> bool:
        if path not in self._folded_docs:
            doc = self.document(path)
            self._folded_docs[path] = fold(doc.title + " " + doc.text) if doc else ""
        return any(mentions(self._folded_docs[path], n) for n in names)

    def _places_of(self, path: str) -> tuple[set[str], set[str], set[str]]:
        """The provinces a record names (folded): in its title or file name, anywhere, and in
        its heading alone. Its file's name, a `province` in its metadata and the host of the web
        address it was saved from count as its title ("ct-kontum-9t2019.txt", "thaibinh.gov.vn")."""
        if path not in self._doc_places:
            doc = self.document(path)
            province = str(self.engine.searcher.doc_meta.get(path, ("", {}))[1].get("province") or "")
            filed = {fold(p.name) for p in places_in_file_name(path)} | {fold(p.name) for p in lookup(province)} \
                | ({fold(p.name) for p in places_in_address(doc.text)} if doc else set())
            heading = {fold(p.name) for _, _, p in find_places(doc.title)} if doc else set()
            self._doc_places[path] = (
                filed | heading,
                filed | ({fold(p.name) for _, _, p in find_places(doc.title + "\n" + doc.text)} if doc else set()),
                heading)
        return self._doc_places[path]

    def title_names(self, path: str, names: set[str]) -> bool:
        """Whether a record's title or file names one of the provinces asked ("Gia Lai: Tổng mức
        bán lẻ …", "bao-cao-kon-tum-9-thang.md")."""
        return bool(self._places_of(path)[0] & names)

    def heading_names(self, path: str, names: set[str]) -> bool:
        """Whether the record's own heading names one of the provinces asked: a statement the
        record makes, which its file's name is not."""
        return bool(self._places_of(path)[2] & names)

    def doc_names_only(self, path: str, names: set[str]) -> bool:
        """Whether the provinces a record names, title and text, are the ones asked and no other."""
        anywhere = self._places_of(path)[1]
        return bool(anywhere & names) and not (anywhere - names)

    def doc_about(self, path: str, names: set[str]) -> bool:
        """Whether a record is about the provinces asked: its title names one of them, or it
        names no other province."""
        in_title, anywhere, _ = self._places_of(path)
        return bool(in_title & names) or bool(anywhere & names) and not (anywhere - names)

    def record_of_another(self, path: str, names: set[str]) -> bool:
        """Whether a record is another province's: its title, file or web address names
        provinces, none of those asked, and its text never names one asked ("Ngày 10/01/2022, Sở
        Công Thương tổ chức Hội nghị tổng kết …" from socongthuong.hungyen.gov.vn is no answer
        about Đắk Lắk's conference)."""
        in_title, anywhere, _ = self._places_of(path)
        return bool(in_title) and not (anywhere & names)

    def doc_mentions_parts(self, path: str, words: list[str]) -> bool:
        """A name the record writes in pieces ("T3 Tân Sơn Nhất" as "nhà ga T3" and "sân bay
        Tân Sơn Nhất"): each piece there, and each one that could name something on its own, so
        two common syllables found apart ("hòa" … "phát") are not "Hòa Phát"."""
        self.doc_mentions(path, set())
        text = self._folded_docs[path]

        def split(i: int) -> bool:
            if i == len(words):
                return True
            for j in range(len(words), i, -1):
                piece = words[i:j]
                if (len(piece) >= 2 or not is_syllable(piece[0])) and mentions(text, " ".join(piece)) and split(j):
                    return True
            return False
        return split(0)

    def doc_title(self, path: str) -> str:
        return self.engine.searcher.doc_meta.get(path, ("", {}))[0]

    def doc_heading(self, path: str) -> str:
        """The record's title when it stands as a line of its own in the text ("" for a record
        whose title is only its first sentence), found once per question."""
        if path not in self._headings:
            title = self.doc_title(path).strip()
            doc = self.document(path)
            at = doc.text.find(title) if title and doc is not None else -1
            self._headings[path] = title if at >= 0 and doc.text[at + len(title):at + len(title) + 1] in ("\n", "") \
                else ""
        return self._headings[path]

    def doc_date(self, path: str) -> tuple[int, int] | None:
        """(day, month) of the record's date, when it has one ("2021-04-27")."""
        return day_of_date(str(self.engine.searcher.doc_meta.get(path, ("", {}))[1].get("date") or ""))

    def sentence_before(self, f: Figure, past_captions: bool = False) -> str:
        """The sentence before a figure's, which may name its subject ("cổ phiếu VCI …. Mã này
        tăng trần …") though a passage boundary falls between them. `past_captions`: a line
        without a sentence's end between them (a photograph's caption, "Sản phẩm mắm … (TP. Châu
        Đốc)") is passed over for the sentence the figure's one goes on from ("Theo đó, …")."""
        doc = self.document(f.doc)
        if doc is None or f.sentence_start <= 0:
            return ""
        before = doc.text[max(0, f.sentence_start - 600):f.sentence_start]
        spans = sentences(before)
        if past_captions:
            while len(spans) > 1 and not before[spans[-1][0]:spans[-1][1]].rstrip("”\"') ").endswith(tuple(".!?…:;")) \
                    and "\n" in before[spans[-2][1]:spans[-1][0]] and "\n" in before[spans[-1][1]:]:
                spans = spans[:-1]
        return before[spans[-1][0]:spans[-1][1]] if spans else ""

    def sentence_after(self, f: Figure) -> str:
        """The sentence after a figure's, which may break it down ("… là 106,128 tỷ đồng. Trong
        đó, kinh phí khuyến công quốc gia là 46,549 tỷ đồng, …")."""
        doc = self.document(f.doc)
        if doc is None:
            return ""
        end = f.sentence_start + len(f.sentence)
        after = doc.text[end:end + 400]
        spans = sentences(after)
        return after[spans[0][0]:spans[0][1]] if spans and "\n\n" not in after[:spans[0][0]] else ""

    def last_day_before(self, path: str, pos: int) -> tuple[int, int] | None:
        """The last day the record names before `pos`, title included (read once per record)."""
        if path not in self._days_named:
            doc = self.document(path)
            self._days_named[path] = day_mentions(doc.text) if doc else []
        named = [day for at, day in self._days_named[path] if at < pos]
        return named[-1] if named else None

    def doc_years(self, path: str) -> set[int]:
        title, meta = self.engine.searcher.doc_meta.get(path, ("", {}))
        ys = years_in(title)
        if isinstance(meta.get("year"), int):
            ys.add(meta["year"])
        return ys

    def restated_years(self, f: Figure) -> set[int]:
        """The years of the same figure stated elsewhere in its record: a headline's undated
        "Doanh thu … đạt trên 7,2 nghìn tỷ đồng" restates the body's "Năm 2018, doanh thu … đạt
        trên 7,2 nghìn tỷ đồng" (it had answered a question about 2019 at 0.98)."""
        same = self.engine.store.figures("doc=? AND text=? AND start<>?", (f.doc, f.text, f.start))
        return set().union(*(years_in(g.period) for g in same))

    def passage_figures(self) -> list[tuple[Figure, int]]:
        """Figures inside the retrieved passages, with the rank of their passage."""
        return [(f, i) for i, p in enumerate(self.passages) for f in self.chunk_figures(p.chunk)]

    def chunk_figures(self, c) -> list[Figure]:
        """The indexed figures inside one passage, read once per question."""
        if c.id not in self._chunk_figures:
            self._chunk_figures[c.id] = self.engine.store.figures('doc=? AND start>=? AND "end"<=?',
                                                                  (c.doc, c.start, c.end))
        return self._chunk_figures[c.id]

    def noun_figures(self) -> list[tuple[Figure, int]]:
        """Counts of the noun the question asks about ("bao nhiêu nhà ga" → "14 nhà ga"),
        read from the retrieved passages: the indexer knows a closed list of count nouns,
        a question can name any."""
        noun = (self.q.count_noun or "").split()
        if not noun:
            return []
        heads = [" ".join(noun[:n]) for n in range(len(noun), 0, -1)]
        # "14 nhà ga"; "9/11 chuyên ngành", "223 trên 486 thủ tục" (so many of a whole: the count is
        # the first, and "trên" after it is "out of", no bound of the whole)
        pattern = re.compile(r"(?<![\w.,/])((?:" + "|".join(_FOLDED_QUALIFIERS) + r")\s+)?(\d+(?:[.,]\d+)*)"
                             r"(?:/(\d{1,4})|\s+tren\s+(\d{1,3}(?:\.\d{3})+|\d+))?\s+("
                             + "|".join(re.escape(h) for h in heads) + r")(?!\w)")
        out = []
        for i, p in enumerate(self.passages):
            c = p.chunk
            doc = self.document(c.doc)
            if doc is None:
                continue
            known = [(f.start, f.end) for f in self.chunk_figures(c)]
            for ss, se in sentences(doc.text, c.start, c.end):
                sentence = doc.text[ss:se]
                quantities = []
                for m in pattern.finditer(fold(sentence)):
                    a, b = ss + m.start(), ss + m.end()
                    if any(x < b and a < y for x, y in known):
                        continue
                    try:
                        value = parse_number(m.group(2))
                    except ValueError:
                        continue
                    if m.group(2).isdigit() and 1900 <= int(m.group(2)) <= 2100:
                        continue
                    if _another_word(m.group(5), noun, fold(sentence), m.end()):
                        continue
                    whole = m.group(3) or m.group(4)
                    if whole and not (m.group(2).isdigit() and ratio_ok(sentence, m.start(2), m.group(2), whole)):
                        continue
                    start = m.start(1) if m.group(1) else m.start(2)
                    unit = sentence[m.start(5):m.end(5)].lower()
                    quantities.append(Quantity(
                        start=start, end=m.end(), text=sentence[start:m.end()], number_start=m.start(2),
                        number_end=m.end(3) if m.group(3) else m.end(2), value=value, unit=unit, kind="count",
                        qualifier=sentence[m.start(1):m.end(1)].strip() if m.group(1) else None, value_max=None,
                        scale_word=None))
                    if m.group(4):                # the whole, a figure of its own ("tổng cộng bao nhiêu …?")
                        quantities.append(Quantity(
                            start=m.start(4), end=m.end(), text=sentence[m.start(4):m.end()], number_start=m.start(4),
                            number_end=m.end(4), value=parse_number(m.group(4)), unit=unit, kind="count",
                            qualifier=None, value_max=None, scale_word=None))
                out += [(f, i) for f in figures_of(doc, sentence, ss, 0, "", quantities)]
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


_MONEY_MEASURES = {fold(m) for m in MONEY_WORDS}
# a count of places or countries ("09 tỉnh, thành phố", "12 địa phương"), folded: what the places did is no amount
_PLACES_COUNTED = re.compile(r"(tinh|thanh pho|dia phuong|huyen|xa|phuong|thi xa|quoc gia|nuoc)(?!\w)")


_MONEY_SAID = re.compile(r"\b(?:tien|dong|ty|trieu|nghin|ngan|usd|vnd|kinh phi|von)\b")


_PLAN_WORDS = re.compile(r"(?<!\w)(?:" + "|".join(lexicon.PLAN_WORDS) + r")(?!\w)", re.IGNORECASE)


_TARGETS_LEAD = re.compile(r"(?<!\w)(?:phấn đấu|đặt mục tiêu|đề ra mục tiêu|chỉ tiêu)(?!\w)", re.IGNORECASE)


_ASIDE = re.compile(r"\([^()]*\)")


def stated_as_planned(f: Figure) -> bool:
    """A plan word in the figure's own clause before it: "(kế hoạch năm 11,31%)", "đặt kế hoạch
    lợi nhuận … đạt 1.973 tỷ đồng, tăng 44%", "đặt mục tiêu doanh thu … 5.391 tỷ đồng, lợi nhuận
    trước thuế 319 tỷ đồng, lợi nhuận sau thuế là 255 tỷ đồng" (a list of targets is the plan's
    to its end); the clause ends at a bracket or a semicolon, an aside in brackets before the
    figure aside ("Tổng kế hoạch kinh phí … (bao gồm cả kinh phí KCQG và KCĐP) của 63 tỉnh, thành
    phố là 230,9 tỷ đồng"). A plan named as a base ("bằng 105% kế hoạch", "vượt kế hoạch") states none."""
    clause = re.split(r"[;()]", _ASIDE.sub(" ", f.sentence[:f.start - f.sentence_start]))[-1]
    return bool(_PLAN_WORDS.search(lexicon.PLAN_AS_BASE.sub(" ", clause)))


def in_a_list_of_targets(f: Figure) -> bool:
    """An item of a ';' list whose first item sets the targets ("Phấn đấu chỉ số sản xuất công
    nghiệp … tăng 2,5% …; tổng mức bán lẻ hàng hóa đạt 43.500 tỷ đồng, …"), not in a bracket: a
    target, though its own clause names no plan."""
    before = f.sentence[:f.start - f.sentence_start]
    return ";" in before and bool(_TARGETS_LEAD.search(before.split(";")[0])) and before.count("(") == before.count(")")


def _level_of_the_measure_asked(q: Question, f: Figure) -> bool:
    """"đảm bảo lợi nhuận bao nhiêu cho người trồng lúa?" was taken to ask money, from "lợi
    nhuận" alone: the record's "mức lợi nhuận 30%" is the level of that measure, bound to it by
    the extractor, not a change of it ("lợi nhuận tăng 30%") — while the price in the same
    sentence had been answered. A question that says money ("bao nhiêu tiền", "tỷ đồng") keeps
    to money."""
    if f.unit != "%" or q.change or _MONEY_SAID.search(fold(q.text).lower()) or not f.measure:
        return False
    before = fold(f.sentence[max(0, f.start - f.sentence_start - 30):f.start - f.sentence_start]).lower()
    measure = fold(f.measure).lower()
    return any(fold(m).lower() == measure for m in q.measures) and before.rstrip().endswith(measure) \
        and relation_of(f) not in CHANGE_VERBS


def _planned_rate(q: Question, f: Figure) -> bool:
    """"Tổng mức bán lẻ … kế hoạch năm đặt ra là bao nhiêu?": the plan of a sum of money may be a
    rate ("(kế hoạch năm 11,31%)"), unless the question says money."""
    return q.plan and f.unit == "%" and not _MONEY_SAID.search(fold(q.text).lower()) and stated_as_planned(f) \
        and not _SHARE_OF_PLAN.match(f.sentence, f.end - f.sentence_start)     # "đạt 95,3% KH": achieved


# a level's verb: "đạt bao nhiêu?" asks the level in the measure's own units, which a share of a plan
# written after it is not ("đạt gần 99% kế hoạch")
_LEVEL_VERBS = {"đạt", "dat"}
_SHARE_OF_PLAN = re.compile(r"\s*(?:so(?:\s+với)?\s+)?(?:" + "|".join(lexicon.PLAN_BASES) + r")(?!\w)", re.IGNORECASE)


_RATE_MEASURE = re.compile(r"\bcong suat\b")
_PER_TIME = re.compile(r"/\s*(?:năm|tháng|ngày|giờ|ca)(?!\w)")


# what the question asks an amount of each of: "thưởng bao nhiêu một sản phẩm?", "mỗi sản phẩm … bao nhiêu?"
_EACH_ASKED = re.compile(r"(?:\bbao nhieu\s+(?:cho\s+)?mot|\bmoi)\s+(\w+(?:\s\w+)?)")


def unit_ok(q: Question, f: Figure) -> bool:
    unit = fold(f.unit)
    each = _EACH_ASKED.search(fold(q.text).lower())
    if each and unit and (each.group(1) == unit.lower() or each.group(1).startswith(unit.lower() + " ")):
        return False            # how many of them there were ("20 sản phẩm đạt giải") is not what each got
    if (q.unit_kind == "duration") != (f.unit in DURATION_UNITS):
        return False            # a length of time answers "bao lâu" and nothing else
    if "diem phan tram" in fold(q.text):
        return f.unit == "điểm phần trăm"
    if q.units is not None and not (q.kind in ("percent",) or f.unit == "%"):
        if f.unit not in q.units and not (_RATE_MEASURE.search(fold(q.text).lower()) and _PER_TIME.search(f.text)):
            return False        # (a capacity is any unit by the year: "đá nhân tạo 1.600.000 m²/năm")
    if q.units is not None and f.unit == "%" and not q.change and q.unit_kind != "percent" \
            and (not q.relations or not set(q.relations) - _LEVEL_VERBS and _SHARE_OF_PLAN.match(f.sentence, f.end - f.sentence_start)) \
            and not re.search(r"\b(phan tram|ty le|ti le|ty trong)\b|%", fold(q.text).lower()):
        return False            # "Dân số … là bao nhiêu?" asks people: "chiếm 21,2% dân số" is a share, and
                                # "sản lượng thủy sản đạt bao nhiêu?" tonnes, not "đạt gần 99% kế hoạch"
    if q.unit_kind == "money":
        return unit in MONEY_UNITS_FOLDED or _level_of_the_measure_asked(q, f) or _planned_rate(q, f)
    if q.unit_kind == "percent":
        return f.unit == "%"
    if q.unit_kind == "count":
        noun = q.count_noun or ""
        if _per_one(f):
            return False        # "Giá trị mua sắm … của 1 người tiêu dùng …": a rate's one, no count
        if not unit and noun and _named_right_after(f, noun):
            return True         # "340 triệu smartphone": a noun the lexicon lacks, written right after
        if (f.unit in lexicon.BULK_UNITS or unit in lexicon.PIECE_UNITS) and noun and noun not in counted_nouns_folded() \
                and not count_unit_fits(noun, unit):
            # "sản xuất được bao nhiêu bia?" is answered by "bia đạt 59 triệu lít", "chuẩn bị bao
            # nhiêu thịt gà?" by "14.000 tấn thịt gà": a good the record weighs, named beside its
            # weight (not "bao nhiêu vụ?", a noun counted one by one)
            return _named_right_before(f, noun) or _named_right_after(f, noun) or _labelled_right_before(f, noun)
        return bool(unit) and unit not in MONEY_UNITS_FOLDED and f.unit != "%" and (
            count_unit_fits(noun, unit) or unit in lexicon.GENERIC_COUNTERS and bool(noun)
            and mentions(fold(f.measure + " " + _clause_before(f)).lower(), noun))
    if q.kind == "figure" and any(fold(m) in _MONEY_MEASURES for m in q.measures):
        # "kinh phí … tăng bao nhiêu": a change of money is an amount or a percentage, never a count
        return f.unit == "%" or unit in MONEY_UNITS_FOLDED
    if q.kind == "figure":
        # "tăng bao nhiêu", "là bao nhiêu": an amount or a percentage, not a bare count; a total
        # ("Tổng điện sản xuất toàn quốc năm 2022 là bao nhiêu?") is an amount, never a percentage
        # (also after the period that opens it: "Trong 6 tháng đầu năm 2020, tổng công suất … là bao nhiêu?")
        if f.unit == "%" and not q.change and _TOTAL_ASKED.match(_PERIOD_OPENING.sub("", " ".join(folded_syllables(q.text).split()))):
            return False
        if f.unit == "%" and not q.change and q.unit_kind is None and q.measures \
                and _SHARE_OF_PLAN.match(f.sentence, f.end - f.sentence_start) \
                and not re.search(r"\b(?:phan tram|ty le|ti le|ke hoach|chi tieu|muc tieu|du toan)\b|%", fold(q.text).lower()):
            return False        # "Xuất khẩu … đạt bao nhiêu?" asks the level, not "đạt 211,5% kế hoạch"
        counted_places = _PLACES_COUNTED.match(unit.lower())
        if counted_places and not mentions(fold(q.text).lower(), counted_places.group(1)):
            return False        # "cả nước xuất khẩu được bao nhiêu?" is no count of the provinces that did
        #                         ("cả nước có 09 tỉnh, thành phố có kim ngạch xuất khẩu đạt trên 01 tỷ USD")
        return f.unit == "%" or unit in MONEY_UNITS_FOLDED or bool(unit)
    return True


def _named_right_before(f: Figure, noun: str) -> bool:
    """Whether the (folded) noun asked is among the few words before a figure, after any other
    number ("sợi đạt | 7.200 tấn"; not "thu giữ 2.000 đơn vị quần áo, cùng đó ngăn chặn | 150kg")."""
    before = fold(_clause_before(f)).lower()
    before = re.split(r"[\d,;:(]", before)[-1]
    return mentions(" ".join(before.split()[-6:]), noun)


def _labelled_right_before(f: Figure, noun: str) -> bool:
    """Whether a list item's label right before a figure opens the noun asked, which a question
    runs on with its own words ("bao nhiêu trứng gia cầm phục vụ Tết …" of "…; trứng gia cầm khoảng
    401 triệu quả; …")."""
    before = re.split(r"[\d,;:(]", fold(_clause_before(f)).lower())[-1].split()
    while (said := next((w for w in _LABEL_THEN if before[-len(w):] == w), None)) is not None:
        del before[-len(said):]
    return 1 <= len(before) <= 4 and noun.split()[:len(before)] == before


# what a label may have before its figure, as folded words: a qualifier ("xấp xỉ") or a verb
_LABEL_THEN = [w.split() for w in _FOLDED_QUALIFIERS + ["dat", "la", "co"]]


def _named_right_after(f: Figure, noun: str) -> bool:
    """Whether the (folded) noun asked is the word(s) written right after a figure with no unit."""
    after = fold(f.sentence[f.end - f.sentence_start:]).lower()
    return re.match(r"\s*" + re.escape(noun) + r"\b", after) is not None


def identifier_ok(q: Question, text: str) -> bool:
    """"Tổ máy 3" is not answered by a sentence about "tổ máy 2" (and not about 3)."""
    if not q.identifiers:
        return True
    def arabic(n: str) -> str:          # "giai đoạn II" is "giai đoạn 2"
        return str(lexicon.ROMAN[n]) if n in lexicon.ROMAN else n
    found = identifiers_in(fold(text), [kind for kind, _ in q.identifiers], text)
    for kind, number in q.identifiers:
        others = {arabic(n) for k, n in found if k == kind}
        if others and arabic(number) not in others:
            return False
    return True


# a province's own bodies named without the province ("được UBND tỉnh giao 1 tỷ đồng", "Sở
# Công Thương đã tổ chức …"): they act for the province the record is about, not as another subject
# (a city that is a province calls itself "TP" or "thành phố": "trên địa bàn TP tăng 12%")
_PROVINCE_BODY = re.compile(r"(?:ubnd|hdnd|uy ban nhan dan|hoi dong nhan dan|tinh uy|so(?: [a-z]+){1,4}|tp|thanh pho|"
                            r"trung tam khuyen cong(?: [a-z]+){0,8})(?: tinh)?")


def _clause_before(f: Figure) -> str:
    """What a figure's clause says before it: what it measures ("Sản lượng linh kiện điện tử ước
    đạt | 580 triệu sản phẩm"), not whose it is after it ("225 sản phẩm | của 148 cơ sở")."""
    cl = clause(f)
    at = cl.find(f.text)
    return cl[:at] if at >= 0 else cl


# a district, town or commune written with its type ("huyện Yên Thành", "xã Tăng Thành"): (type, name) folded
# (typed without marks only where the text has none: "cơ quan Hải quan" is no district)
_UNIT_NAME = r"\s+([A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,3})"
_TYPED_LOCAL_UNIT = re.compile(r"(?<!\w)((?i:huyện|quận|thị xã|thị trấn|xã|phường))" + _UNIT_NAME)
_TYPED_LOCAL_UNIT_PLAIN = re.compile(r"(?<!\w)((?i:huyen|quan|thi xa|thi tran|xa|phuong))" + _UNIT_NAME)


def _typed_local_units(text: str) -> set[tuple[str, str]]:
    pattern = _TYPED_LOCAL_UNIT if has_diacritics(text) else _TYPED_LOCAL_UNIT_PLAIN
    return {(fold(m.group(1)).lower(), fold(m.group(2)).lower()) for m in pattern.finditer(text)}


def another_local_unit(q: Question, f: Figure) -> bool:
    """"huyện Yên Thành … có mấy cửa hàng …?" is not answered by "Tiếp theo là huyện Nam Đàn với 2
    cửa hàng …": a sentence naming another unit of the type asked, and not the one asked, is that
    unit's, and a province's figure is the whole province's (a province asked is place_ok's)."""
    asked = _typed_local_units(q.text)
    if not asked:
        return False
    said = fold(f.sentence).lower()
    if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", said) for _, name in asked):
        return False
    kinds = {kind for kind, _ in asked}
    # (nor by the province's own: "Hà Nam đề xuất thành lập mới 15 CCN với tổng diện tích 874,74 ha"
    # does not say how much of it is in huyện Kim Bảng)
    return any(kind in kinds for kind, _ in _typed_local_units(f.sentence)) \
        or bool(f.entity) and any(a == 0 and b == len(f.entity) for a, b, _ in find_places(f.entity))


_PLACES_JOINED = re.compile(r"\s*(?:,\s*)?(?:và|cùng|hoặc)\s*(?:(?:tỉnh|thành phố|TP\.?)\s+)?$")   # the list's last join


def _of_places_together(f: Figure) -> bool:
    """Whether the figure's clause names, right before its predicate, a list of places as its subject."""
    before = f.sentence[_clause_start_of(f):f.start - f.sentence_start]
    spans = [(a, b) for a, b, _ in find_places(before)]
    if len(spans) < 2 or not _PLACES_JOINED.fullmatch(before[spans[-2][1]:spans[-1][0]]):
        return False
    return fold(f.entity).lower() in {fold(before[a:b]).lower() for a, b in spans[-2:]}


def _clause_start_of(f: Figure) -> int:
    """Where the figure's sentence part starts: after the last full stop, ';' or ':' before it."""
    pos = f.start - f.sentence_start
    return max(f.sentence.rfind(d, 0, pos) for d in ";:") + 1


def place_ok(ctx: Evidence, f: Figure) -> bool:
    """The figure must be about the province the question names: its entity is that place,
    or its sentence names that place alone, or (entity not a province) its record is about it."""
    q = ctx.q
    if another_local_unit(q, f):
        return False
    if not q.places:
        # "Thành phố Biên Hòa có bao nhiêu cửa hàng …?": a town asked is not answered by the figure of
        # the whole province its record gives ("trên địa bàn tỉnh hiện có 253 cửa hàng", 0.90)
        # (not a town in the words that say which record is meant: "UBND thành phố Phan Quý Phương")
        return not (_LOCAL_UNIT_ASKED.search(q.without_record_context()) and _of_the_whole_territory(f, province_too=True))
    names = q.place_names()
    ent = fold(f.entity)
    if is_place_asked(f.entity, names):
        # (not as one of several places a figure is said of together: "TPHCM, Bắc Ninh, Thái Nguyên và
        # Bình Dương có kim ngạch xuất khẩu trên 10 tỷ USD" is no one's own)
        return len(q.places) > 1 or not _of_places_together(f)
    if find_places(f.entity):
        return False                       # another province's figure
    written = _unlisted(f.sentence, find_places(f.sentence))
    in_sentence = {fold(p.name) for _, _, p in written}
    if in_sentence & names and not {fold(p.name) for a, _, p in written
                                    if not _COMPARED_WITH.search(f.sentence, max(0, a - 25), a)} & names:
        return False                       # "… khoảng 82%, cao hơn Hải Phòng": the place asked is the base
    if in_sentence & names:
        return not (in_sentence - names) or _venue_among(q, in_sentence)
    if in_sentence:
        return False
    # (or written in the figure's own ';' group: "cụm công nghiệp Lưu Thuận (huyện Tuyên Hoá) … 57%")
    subject = q.names and any(mentions(ent, n) or mentions(n, ent) for n in q.names) or (
        f.sentence.count(";") >= 2 and any(mentions(fold(f.sentence[slice(*_own_group(f))]).lower(), n)
                                           for n in q.names))
    if ent and (subject or names_a_market_asked(ctx, _entity_as_written(f))):
        # the subject asked ("Đội Quản lý thị trường số 1 Bình Dương"), or the market ("xuất khẩu
        # của Trà Vinh sang châu Âu"), in the province asked: the record must be that province's
        return ctx.doc_mentions(f.doc, names) or ctx.title_names(f.doc, names) or ctx.doc_about(f.doc, names)
    if ent and _named_in_question(q, ent):
        # "nhà máy xi măng phú sơn ở nho quan ninh bình": the subject the question names, typed
        # without capitals, in a record about the province asked (its title, or the whole record)
        return ctx.title_names(f.doc, names) or ctx.doc_about(f.doc, names)
    if ent and not _PROVINCE_BODY.fullmatch(ent.lower()) and not names_a_defined_term(ctx, f):
        return False                       # the figure is about something else it names (a region, a company)
    # "kinh phí toàn vùng đã thực hiện đạt 19,9 tỷ đồng": the whole, not the province's share
    if _of_the_whole_territory(f):
        return False
    if not q.names:
        # the province is the subject asked: a record naming several provinces, none in its
        # title, does not make an unbound figure of it that province's ("Tính chung 10 tháng,
        # chỉ số sản xuất toàn ngành công nghiệp tăng 7,2%" in a report listing seven provinces).
        # When it only locates another subject ("chị H ở Thái Nguyên"), that subject is the slot.
        return ctx.doc_about(f.doc, names)
    return ctx.doc_mentions(f.doc, names) or ctx.title_names(f.doc, names)


def _record_text(ctx: Evidence, f: Figure) -> str:
    # (a measure's acronym, "CPI", "IIP", stays judged by its own sentence: a figure the extractor
    # bound to it is that measure's, whose place must be said as any other's)
    doc = ctx.document(f.doc) if f.entity.isupper() and f.entity not in lexicon.MEASURE_ACRONYMS else None
    return doc.text if doc is not None else ""


def names_a_defined_term(ctx: Evidence, f: Figure) -> bool:
    """Whether the figure's subject is a term its record abbreviates ("VLNCN"), no one's name."""
    return _defined_term(f, _record_text(ctx, f))


def _named_in_question(q: Question, folded_entity: str) -> bool:
    """Whether the figure's subject is written in the question, whole words, with or without marks."""
    return bool(re.search(r"(?<!\w)" + re.escape(folded_entity.lower()) + r"(?!\w)", fold(q.text).lower()))


# a place written as what the figure is compared with: "cao hơn Hải Phòng", "so với tỉnh Bắc Ninh"
_COMPARED_WITH = re.compile(r"(?<!\w)(?:so với|hơn|bằng|kém)\s+(?:(?:cả\s+)?(?:tỉnh|thành phố|TP\.?)\s*)?$", re.IGNORECASE)


def _unlisted(sentence: str, written: list) -> list:
    """The places of a sentence less those written in a list a figure opens ("kiểm tra 09 đơn vị …,
    gồm: Công ty CP xây dựng ngầm Hà Nội, …", "230 gian hàng của … các tỉnh: Ninh Bình, Nghệ An"):
    the items counted or their owners, not where a figure is, be it this figure's list or an
    earlier one's. (The digits are found once: a record's "sentence" may be a megabyte long.)"""
    if not written:
        return written
    ends = [m.end() for m in re.finditer(r"\d", sentence[:max(a for a, _, _ in written)])]

    def listed(at: int) -> bool:
        i = bisect.bisect_right(ends, at) - 1      # the last number written before the place
        return i >= 0 and _LIST_OPENED.search(sentence, ends[i], at) is not None
    return [w for w in written if not listed(w[0])]


# what opens a list: a colon, "gồm", "bao gồm"
_LIST_OPENED = re.compile(r":|(?<!\w)(?:bao )?gồm(?!\w)", re.IGNORECASE)


def _venue_among(q: Question, in_sentence: set[str]) -> bool:
    """"Tuần hàng … tại Hà Nội có bao nhiêu gian hàng?": the place asked is where the event is held,
    so a sentence naming it beside the provinces that came to it ("trên 45 doanh nghiệp … của Hà
    Nội và 15 tỉnh thành …") is about the event; every other place asked must be named too."""
    return bool(in_sentence & q.venues) and all(
        any(fold(p.name) in in_sentence for p in ps) for w, ps in q.places if fold(w) not in q.venues)


# a town or district the question names by its type ("Thành phố Biên Hòa", "huyen Cu Chi", "TP.Thủ Đức")
_LOCAL_UNIT_ASKED = re.compile(r"(?<!\w)(?:[Tt]hành phố|[Tt]hanh pho|TP\.?|[Hh]uyện|[Hh]uyen|[Tt]hị xã|[Tt]hi xa|[Qq]uận|[Qq]uan)"
                               r"\s*[A-ZĐ]")


def _of_the_whole_territory(f: Figure, province_too: bool = False) -> bool:
    """Whether the figure's own clause states it of a whole territory ("toàn vùng", "cả nước"),
    or (`province_too`) of a whole province ("toàn tỉnh", "trên địa bàn tỉnh")."""
    said = fold(f.sentence[:f.end - f.sentence_start]).lower()
    said = said[max([m.end() for m in re.finditer(r";|\.\s", said)], default=0):]
    return bool(lexicon.WHOLE_TERRITORY.search(said) or province_too and _PROVINCE_WIDE.search(said))


_PROVINCE_WIDE = re.compile(r"\b(?:toan tinh|ca tinh|tren dia ban tinh|toan thanh pho|tren dia ban thanh pho)\b")


def _defined_term(f: Figure, record: str = "") -> bool:
    """Whether the figure's entity is an abbreviation the record defines for a common noun
    phrase ("sản phẩm công nghiệp nông thôn tiêu biểu (SPCNNTTB)"): a term, no one's name. The
    definition is in the figure's sentence, or anywhere in the record ("Vật liệu nổ công nghiệp
    (VLNCN) là …" in its lead, "Số lượng VLNCN các đơn vị đã sử dụng … là hơn 370 tấn" later)."""
    if not f.entity.isupper():
        return False
    if _defines(f.sentence, f.entity):
        return True
    at, seen = record.find("(" + f.entity), 0
    while at >= 0 and seen < 5:
        if _defines(record[max(0, at - 120):at + len(f.entity) + 4], f.entity):
            return True
        at, seen = record.find("(" + f.entity, at + 1), seen + 1
    return False


def _defines(text: str, entity: str) -> bool:
    """Whether `text` writes `entity` in brackets after the common noun phrase it abbreviates."""
    if re.search(r"(?<![^\W\d_])[^\W\d_A-ZĐ]\w*\s*\(\s*" + re.escape(entity) + r"\s*\)", text):
        return True
    # written in capitals, its words' initials are the abbreviation: "Cụm Công Nghiệp (CCN)"
    m = re.search(r"((?:[^\W\d_]+\s+){1,8})\(\s*" + re.escape(entity) + r"\s*\)", text)
    if not m:
        return False
    initials = "".join(w[0] for w in m.group(1).split()).upper()
    return len(entity) >= 2 and initials.endswith(fold(entity).upper()) \
        and not any(fold(w).lower() in _PROPER_HEADS for w in m.group(1).split()[-len(entity):])


# words that open a body's or a place's name, not a common noun's: "Sở Công Thương (SCT)" names someone
_PROPER_HEADS = {fold(w).lower() for w in ("Sở", "Bộ", "Cục", "Ủy", "Ban", "Tổng", "Công ty", "Tập đoàn", "Ngân hàng",
                                           "Viện", "Trường", "Trung tâm", "Hội", "Hiệp hội", "Tỉnh", "Thành")}


def _entity_as_written(f: Figure) -> str:
    """A figure's entity with the words the sentence writes right before it: "châu Á" of the
    entity "Á" (a continent's name opens in lower case)."""
    at = f.sentence.rfind(f.entity, 0, max(0, f.start - f.sentence_start))
    return f.sentence[max(0, at - 12):at + len(f.entity)] if at >= 0 else f.entity


def names_a_market_asked(ctx: Evidence, text: str) -> bool:
    """Whether `text` (a figure's entity, a list's group) names a country or market the question
    asks about ("thị trường Châu Âu" for "… sang thị trường châu Âu")."""
    return bool(ctx.countries and lexicon.countries_named(text) & ctx.countries)


def countries_asked(question: str) -> set[str]:
    """Countries a question names, also typed without marks (`lexicon.country_spans`), one
    name each (`lexicon.SAME_COUNTRY`)."""
    return {lexicon.SAME_COUNTRY.get(name, name) for _, _, name in lexicon.country_spans(question)}


# a country named as where goods come from or go to: "nhập khẩu … từ Bờ Biển Ngà", "xuất khẩu sang
# thị trường Mỹ", "vào Trung Quốc" (folded)
_MARKET_BEFORE = re.compile(r"(?<!\w)(?:tu|sang|vao|toi|thi truong|nhap khau|xuat khau)\s+(?:thi truong\s+|cac nuoc\s+)?$")


def markets_asked(question: str) -> set[str]:
    """The countries a question names as a market of the goods it asks about (one name each)."""
    folded = fold(question).lower()
    return {lexicon.SAME_COUNTRY.get(name, name) for s, _, name in lexicon.country_spans(question)
            if _MARKET_BEFORE.search(folded, max(0, s - 30), s)}


def country_ok(ctx: Evidence, f: Figure) -> bool:
    """A country the question names must not be contradicted by the figure's clause: "GDP
    Trung Quốc … tăng bao nhiêu?" is not answered by "kinh tế Ấn Độ … tăng trưởng 11%"."""
    asked = ctx.countries
    if not asked:
        return True
    # the figure's own entity first: "Thái Lan … 6/12 lần dự thi, Campuchia 4 lần" is Cambodia's
    named = (lexicon.countries_named(f.entity) or lexicon.countries_named(clause(f))
             or lexicon.countries_named(f.sentence))
    if not named:
        # "GDP nước này …": the country is the one the sentence before names
        named = lexicon.countries_named(ctx.sentence_before(f))
    if not named and ctx.q.places and is_place_asked(f.entity, ctx.q.place_names()):
        return False        # "xuất khẩu của Trà Vinh sang châu Âu": the province's own total is no market's
    if ctx.markets and len(asked) > 1 and not ((lexicon.countries_named(clause(f)) | named) & ctx.markets):
        return False        # "Việt Nam nhập khẩu … từ Bờ Biển Ngà": Việt Nam's imports from everywhere are not those
    return not named or bool(named & asked)


def region_ok(ctx: Evidence, f: Figure) -> bool:
    """A region the question names ("giá đất công nghiệp tại phía Bắc") must not be contradicted
    by the figure's clause, or else its sentence: "… tại phía Nam … đạt đỉnh mới tại 111 USD/m2"
    is not the north's price."""
    asked = ctx.regions
    if not asked:
        return True
    named = lexicon.region_sides(clause(f)) or lexicon.region_sides(f.sentence)
    if not named and "country" not in ctx.scopes:
        # nor by a figure its sentence gives the whole country ("… năm 2013 của cả nước là 215,668 tỷ
        # đồng …; trong đó, kinh phí khuyến công quốc gia … là 75,421 tỷ đồng" is not the north's)
        said = lexicon.scopes_named(_BASE_CLAUSE.sub(" ", fold(f.sentence[:f.start - f.sentence_start]).lower()))
        return not said or said[-1][1] != "country"
    return not named or bool(named & asked)


# a figure its sentence gives for the whole country, reported for all localities (folded): not one
# province's
# ("cao hơn mức bình quân chung của cả nước; thu ngân sách … 400.421 tỷ đồng" compares with the country:
# the figure is still the province's)
_THE_COUNTRYS = re.compile(r"\b(?:(?:ban chi dao|bcd) \d+ quoc gia|cac don vi, dia phuong|cac dia phuong tren ca nuoc)\b")


def scope_ok(ctx: Evidence, f: Figure) -> bool:
    """The scope the question names (cả nước, khu vực, toàn tỉnh) must be the figure's: the
    nearest scope word before it in its sentence. "Tổng kinh phí … năm 2017 của cả nước" is not
    answered by "…, khu vực là 60.058,60 triệu đồng, … so với … năm 2017 (44.309 triệu đồng)"."""
    asked = ctx.scopes
    if not asked and ctx.q.places and not find_places(f.entity):
        said = f.sentence[:f.start - f.sentence_start]
        if lexicon.AMONG_WRITTEN.match(said.lstrip(" -–*")):
            said = ctx.sentence_before(f) + " " + said      # "Trong đó, …" breaks the sentence before down
        if _THE_COUNTRYS.search(fold(said).lower()):
            return False     # "Quý I/2025, Bắc Giang phát hiện bao nhiêu vụ …?" is not "Theo báo cáo của Ban Chỉ
            #                  đạo 389 quốc gia, quý I/2025, các đơn vị, địa phương bắt giữ, xử lý 30.651 vụ việc"
    if not asked:
        # "… của cả Cụm ước tăng bình quân 30,4% so với cùng kỳ (cả nước tăng 9,2%)": an aside in
        # brackets about another scope is that scope's, not the subject's the question asks about
        opened = f.sentence.rfind("(", 0, f.start - f.sentence_start)
        aside = f.sentence[opened + 1:f.start - f.sentence_start] if opened >= 0 else ""
        return ")" in aside or not lexicon.scopes_named(fold(aside).lower())
    if len(asked) != 1:
        return True
    before = fold(f.sentence[:f.start - f.sentence_start]).lower()
    # a share's or a baseline's whole is not the scope: "chiếm hơn 30% diện tích của cả nước"
    before = _BASE_CLAUSE.sub(" ", before)
    said = lexicon.scopes_named(before)
    return not said or said[-1][1] in asked


def origin_ok(ctx: Evidence, f: Figure) -> bool:
    """Domestic or foreign, when the question says which ("vốn đầu tư trong nước"): a figure
    whose sentence speaks only of the other ("thu hút 2,609 tỷ USD vốn đầu tư trực tiếp nước
    ngoài (FDI)", stated at 0.98) is none; where it speaks of both, the figure's own clause says."""
    if ctx.origin is None:
        return True
    own, other = lexicon.ORIGINS[ctx.origin]
    sentence = fold(f.sentence).lower()
    if lexicon.BOTH_ORIGINS.search(sentence) and not _one_side_said(own, sentence) and not _one_side_said(other, sentence):
        return False         # "… 102 đơn vị trong và ngoài tỉnh tham gia, với 150 gian hàng": all of it is both sides'
    if not other.search(sentence):
        return True
    if not own.search(sentence):
        return False
    s, e = f.start - f.sentence_start, f.end - f.sentence_start
    # what follows the figure up to the next separator or figure ("12.500 tỷ đồng vốn đầu tư trong
    # nước và …"), else what precedes it back to the last separator or figure
    nxt = re.search(r"[,;]|\d", sentence[e:])
    window = sentence[e:e + nxt.start() if nxt else len(sentence)]
    if not (other.search(window) or own.search(window)):
        start = max([sentence.rfind(c, 0, s) for c in ",;:("] + [m.end() for m in re.finditer(r"\d", sentence[:s])])
        window = sentence[start + 1:s]
    if lexicon.BOTH_ORIGINS.search(window):
        return False         # "102 đơn vị trong và ngoài tỉnh": both sides, the whole of which one side is asked
    return not (other.search(window) and not own.search(window))


_ORGANISATION_HEADS = sorted({fold(n).lower() for n in lexicon.ORGANISATION_NOUNS if " " in n}, key=len, reverse=True)


def organisation_ok(ctx: Evidence, f: Figure) -> bool:
    """An organisation the question names by its kind and name ("Ngân hàng Thế giới") is not
    the one a figure's sentence names instead, of the same kind ("Ngân hàng Standard
    Chartered dự báo … 7,8% vào năm 2021")."""
    folded = None
    for name in ctx.q.names:
        head = next((h for h in _ORGANISATION_HEADS if name.startswith(h + " ")), None)
        if head is None:
            continue
        folded = folded if folded is not None else fold(f.sentence).lower()
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded):
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(head)}\s+(\w)", folded):
            if f.sentence[m.start(1)].isupper():
                return False
    return True


def level_ok(ctx: Evidence, f: Figure) -> bool:
    """The level the question names (cấp tỉnh, cấp quốc gia …) must be one the figure's sentence
    names, when it names any: "102 sản phẩm được công nhận là sản phẩm công nghiệp nông thôn
    tiêu biểu cấp quốc gia" does not count the province level's."""
    asked = ctx.levels
    if len(asked) != 1:
        return True
    # the level its own item names, up to the next figure ("79 sản phẩm đạt chứng nhận … cấp tỉnh, 18
    # sản phẩm … cấp khu vực và 06 sản phẩm … cấp quốc gia"); else its sentence's; a sentence that
    # names none is of the level its record's title names ("… tiêu biểu cấp quốc gia năm 2017" over
    # "Chia theo nhóm sản phẩm: có 19/34 sản phẩm …")
    item = re.split(r"\d", f.sentence[f.end - f.sentence_start:], maxsplit=1)[0]
    # (a list whose first item names its level before its figure, "Trong đó, kinh phí cấp huyện 558
    # triệu đồng, cấp tỉnh hơn 543 triệu đồng, …", labels each figure so: the words after 558 are
    # the next item's)
    pos = f.start - f.sentence_start
    figures = [m for m in _LISTED_NUMBER.finditer(f.sentence) if not lexicon.ANY_YEAR.fullmatch(m.group())]
    if figures and lexicon.levels_named(fold(re.split(r"[,;:(]", f.sentence[:figures[0].start()])[-1]).lower()):
        earlier = [m for m in figures if m.end() <= pos]
        item = f.sentence[earlier[-1].end() if earlier else 0:pos]
    said = lexicon.levels_named(fold(item).lower()) or lexicon.levels_named(fold(f.sentence).lower()) \
        or lexicon.levels_named(fold(ctx.doc_title(f.doc)).lower())
    return not said or bool(said & asked)


_LISTED_NUMBER = re.compile(r"(?<![\w.,])\d[\d.,]*(?<![.,])")


def funding_ok(ctx: Evidence, f: Figure) -> bool:
    """The source of money the question names (khuyến công quốc gia, ngân sách tỉnh, đối ứng)
    must be the source the figure's own words name, when they name one: in "nguồn kinh phí
    khuyến công quốc gia 1,5 tỷ đồng, nguồn kinh phí từ ngân sách tỉnh hơn 18,3 tỷ đồng" the
    province's budget is 18,3 (1,5 had answered it), and a total of two sources answers
    neither. The figure's own words run from the previous number or ";" to the figure."""
    asked = ctx.funding
    if not asked:
        return True
    said = funding_said(f)
    return not said or said <= asked


def funding_said(f: Figure) -> set[str]:
    """The sources of money a figure's own words name, from the previous sum or ";" (see funding_ok),
    or in the phrase that hangs on it ("3 đề án … khuyến công quốc gia và 10 đề án từ nguồn kinh
    phí khuyến công địa phương": the 10 are the province's own, though the sentence named the
    national source before them; they had answered the national count at 0.95)."""
    hanging = _SOURCE_AFTER.match(f.sentence, f.end - f.sentence_start) or \
        _NAMED_AFTER.match(f.sentence, f.end - f.sentence_start)
    if hanging and (own := lexicon.funding_named(fold(hanging.group()).lower())):
        return own
    before = _sentence_before_figure(f)
    cuts = [m for m in _NUMBER_OR_CLAUSE.finditer(before)]
    cut = cuts[-1].end() if cuts else 0
    own = lexicon.funding_named(fold(before[cut:]).lower())
    if not own and cuts and cuts[-1].group() != ";" and _GOES_ON.fullmatch(fold(before[cut:]).lower()):
        # "kinh phí khuyến công quốc gia thực hiện hơn 24,8 tỉ đồng, đạt 99,8% so với kế hoạch": the
        # share goes on from the sum before it, whose source it is
        own = lexicon.funding_named(fold(before[cuts[-2].end() if len(cuts) > 1 else 0:cut]).lower())
    return own


def funding_in_sentence(f: Figure) -> set[str]:
    """The sources of money named anywhere before a figure in its sentence: "Kinh phí KCQG được
    phê duyệt là 120.000 triệu đồng, thực hiện 118.579,29 triệu đồng, …" — the sums after the
    first continue its source though their own words name none."""
    return lexicon.funding_named(fold(_sentence_before_figure(f)).lower())


def _sentence_before_figure(f: Figure) -> str:
    return f.sentence[:max(f.start - f.sentence_start, 0)]


# a source written right after a figure, as its own: "10 đề án (được thực hiện) từ nguồn kinh phí …",
# to the end of its clause or the next item ("… và 10 đề án …")
_SOURCE_AFTER = re.compile(r"\s*(?:được\s+\w+(?:\s+\w+)?\s+)?(?:từ|thuộc|bằng)\s*(?:nguồn|ngân sách|kinh phí|vốn)"
                           r"(?:(?!\svà\s)[^,;.\d])*", re.IGNORECASE)


# a count's own words right after it, to the next item: "11 đề án KCQG và 54 đề án khuyến công địa
# phương" (the 54 are the province's own, though "KCQG" is named before them)
_NAMED_AFTER = re.compile(r"(?:(?!\svà\s)[^,;.()\d]){0,40}", re.IGNORECASE)


# a sum or a share stated before the figure ("1,5 tỷ đồng", "12%"; a year is neither), or ";"
# what joins a share or a change to the sum right before it: ", đạt", "(bằng", ", tăng hơn"
_GOES_ON = re.compile(r"\s*(?:dong|usd)?[\s,(]*(?:dat|bang|tang|giam|chiem|vuot)?\s*(?:hon|gan|khoang|tren)?\s*")
_NUMBER_OR_CLAUSE = re.compile(r"\d[\d.,]*\s*(?:%|(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)|đồng|USD)|;", re.IGNORECASE)


_BASE_CLAUSE = re.compile(r"\b(?:chiem|so voi)\b(?:[^,;]|(?<=\d),(?=\d))*")


# "…, trong đó …", "trong số này": what follows breaks down a figure stated before it
# … and a count right after ", với" or ", gồm" ("tổ chức 120 lớp truyền, dạy nghề, với 80 lớp … tại các
# làng thuần nông, 40 lớp …", "có 135 đơn vị, gồm 110 xã …"): the parts of the figure before
# … and a sentence that opens "Trong số các <whole's words> có …" ("Trong số các sản phẩm tham gia bình
# chọn có 107 sản phẩm thủ công mỹ nghệ, 38 …"): the parts of the whole the sentence before counts
_AMONG = re.compile(lexicon.AMONG_WRITTEN.pattern + r"|,\s*(?:với|gồm|bao gồm)(?=\s+\d)"
                    r"|^\s*trong số (?:các|những)\s[^,;:.]*?(?:,\s*|\s)(?:có|gồm)(?=\s+\d)", re.IGNORECASE)
#                      ("Trong số các sản phẩm … đạt 4 sao OCOP cấp tỉnh năm 2023 có 21 sản phẩm cấp lại, …")
_AMONG_NAMED = re.compile(r"\s*trong số (?:các|những)\s", re.IGNORECASE)
_NEGATIONS = lexicon.folded(lexicon.NEGATIONS)
_SCALE = r"(?:(?:nghìn tỷ|ngàn tỷ|tỷ|tỉ|triệu|nghìn|ngàn|trăm)\s+)?"


# "tăng 3,98 điểm (tương ứng 0,33%) lên 1.219,75 điểm": where the change ended, after its figure
_CHANGE_BEFORE = re.compile(r"\b(?:tang|giam)(?:\s+(?:nhe|manh|them|tiep|nhanh|sau|khoang|gan|hon|tren|den|toi))*\s*$")
_CHANGE_END = re.compile(r"(?:len|xuong|con)\s+(?:muc\s+)?(?:(?:khoang|gan|hon|tren|duoi)\s+)?(\d[\d.,]*)\s*(\S*)")


def change_end_ok(ctx: Evidence, f: Figure) -> bool:
    """A question for a level ("VN-Index đóng cửa ở mức bao nhiêu điểm?") is not answered by a
    change whose clause goes on to state where it ended in the same unit: that end is the level.
    A change asked ("tăng bao nhiêu?") is the other way round (rank_figures)."""
    q = ctx.q
    if q.change or {fold(r) for r in q.relations} & CHANGE_VERBS:
        return True
    before = fold(f.sentence[max(0, f.start - f.sentence_start - 30):f.start - f.sentence_start])
    if relation_of(f) not in CHANGE_VERBS and not _CHANGE_BEFORE.search(before):
        return True
    after = fold(f.sentence[f.end - f.sentence_start:f.end - f.sentence_start + 60])
    after = re.split(r"[;:]|,\s+(?!tuong ung|tuc|hay)", after, maxsplit=1)[0]
    m = _CHANGE_END.search(after)
    unit = fold(f.unit or "")
    return not (m and unit and m.group(2).startswith(unit.split()[0]))


# a milestone passed, restated exactly in the bracket after it: "đã vượt mốc 10 tỷ USD (đạt 10,8 tỷ USD)"
_MILESTONE_BEFORE = re.compile(r"(?<!\w)(?:moc|nguong|con so)\s*$")
_RESTATED_IN_BRACKET = re.compile(r"\s*\(\s*(?:(?:dat|la|cu the|tuc|khoang|hon|gan|tren)\s+)*\d")
# a count said with "có" that a figure is the bar of: "cả nước có 09 tỉnh, thành phố có kim ngạch xuất
# khẩu đạt trên 01 tỷ USD", "có 5 doanh nghiệp doanh thu từ 100 tỷ đồng trở lên"
_COUNTED_BEFORE_BAR = re.compile(r"(?<!\w)co\s+\d[\d.]*\s+[^\W\d]")


def within_ok(ctx: Evidence, f: Figure) -> bool:
    """"… bao nhiêu phần trăm kim ngạch … trong vòng 3 năm?" of "86,5% kim ngạch xuất khẩu trong vòng
    3 năm, 90,3% trong vòng 5 năm": a figure whose own words after it name another time span is
    that span's (the 90,3% had been stated for 3 years)."""
    asked = _WITHIN.search(fold(ctx.q.text).lower())
    if not asked:
        return True
    own = _OWN_WITHIN.match(fold(f.sentence[f.end - f.sentence_start:f.end - f.sentence_start + 120]).lower())
    return not own or (int(own.group(1)), own.group(2)) == (int(asked.group(1)), asked.group(2))


# a time span a figure is within: "trong vòng 3 năm", "trong 5 năm tới" (folded), and one in the figure's
# own words after it, before the next figure or the clause's end
_WITHIN = re.compile(r"\btrong\s+(?:vong\s+|thoi gian\s+|khoang\s+)?(\d+)\s+(nam|thang|ngay|tuan|quy)\b")
_OWN_WITHIN = re.compile(r"[^\d;.:]*?" + _WITHIN.pattern)


def except_ok(ctx: Evidence, f: Figure) -> bool:
    """"Ngoài các huyện miền núi thì có bao nhiêu điểm?" asks the rest: a figure its own clause says
    of what is excepted ("tập trung tại các huyện miền núi 31 điểm bán, còn lại tổ chức 35 điểm bán
    …") is not it."""
    m = _EXCEPT_ASKED.search(fold(ctx.q.text).lower())
    if not m:
        return True
    excepted = set(m.group(1).split()) - lexicon.STOPWORDS - {"cac", "nhung"}
    if not excepted:
        return True
    before = fold(f.sentence[:f.start - f.sentence_start]).lower()
    own = re.split(r"[,;:]", before)[-1].split()
    return not excepted <= set(own)


# what a question excepts: "Ngoài các huyện miền núi thì …", "ngoài Hà Nội, …" (folded)
_EXCEPT_ASKED = re.compile(r"(?:^|\s)ngoai\s+((?:\w+\s+){0,5}?\w+)\s*(?:,|\bthi\b|\bcon\b|\bco\b)")


def bar_ok(ctx: Evidence, f: Figure) -> bool:
    """A level asked ("Doanh thu TMĐT B2C … năm 2019 là bao nhiêu?", "cả nước xuất khẩu được bao
    nhiêu?") is not a milestone passed whose exact level the bracket after it states, nor the bar a
    counted set clears ("09 tỉnh … đạt trên 01 tỷ USD": how many cleared it, not how much was exported)."""
    if ctx.q.kind == "count":
        return True
    pos, end = f.start - f.sentence_start, f.end - f.sentence_start
    before = fold(f.sentence[max(0, pos - 40):pos]).lower()
    if _MILESTONE_BEFORE.search(before) and _RESTATED_IN_BRACKET.match(fold(f.sentence[end:end + 30]).lower()):
        return False
    clause = fold(f.sentence[_clause_start_of(f):pos]).lower()
    barred = f.qualifier and fold(f.qualifier).lower() in ("tren", "tu", "duoi") \
        or fold(f.sentence[end:end + 12]).lower().lstrip().startswith("tro len")
    counted = _COUNTED_BEFORE_BAR.search(clause)
    # (a sum the counted set makes is no bar: "có 348 dự án … với tổng số vốn đăng ký hơn 5.738 tỷ đồng")
    return not (barred and counted and not _TOTAL.search(clause, counted.end()))


def start_of_change_ok(ctx: Evidence, f: Figure) -> bool:
    """A question for where a change ended ("rút ngắn … xuống còn bao lâu?", "thị phần … tăng lên
    bao nhiêu?") is not answered by where it started ("từ 2 ngày xuống còn 15 phút" answers 15
    phút), nor by how much something changed ("nhập khẩu … giảm 1,4% so với năm 2023" had been
    stated for a share that rose "từ 14% lên 18%"). A question for where it started ("trước khi cải
    cách", "trước đó") is answered by that start, or by a level no change is said of: not by the
    change's end ("giảm từ 132 ngày xuống còn 33 đến 41 ngày": 41 had been stated) nor by its size."""
    if asks_where_a_change_started(ctx.q.text) and not asks_where_a_change_ended(ctx.q.text):
        return starts_a_change(f) or not (ends_a_change(f) or after_a_start(f)
                                          or relation_of(f) in CHANGE_VERBS and not ctx.q.change)
    if not asks_where_a_change_ended(ctx.q.text):
        # nor a level asked ("Năm 2021 tỷ lệ đặt hàng qua điện thoại di động là bao nhiêu?") by where
        # a rise or fall started, when no period of its own follows it ("tăng từ 87% lên 91%": the
        # sentence's year is where it ended; "từ 60% vào năm 2018 xuống 47%" starts no change here)
        q = ctx.q
        return q.change or bool({fold(r) for r in q.relations} & CHANGE_VERBS) or not _RISE_OR_FALL_FROM.match(
            fold(f.sentence[f.end - f.sentence_start:f.end - f.sentence_start + 40]).lower()) or not starts_a_change(f)
    return not starts_a_change(f) and not (relation_of(f) in CHANGE_VERBS and not ends_a_change(f))


# right after where a change started: where it went ("từ 87% lên 91%", "từ 2 ngày xuống còn 15 phút")
_RISE_OR_FALL_FROM = re.compile(r"\s*(?:len|xuong)\s+(?:con\s+)?(?:muc\s+)?\S*\d")


# "2 giải A, 2 giải B và 20 giải C", "hạng 4 sao": a label after what is counted sets the figures apart
_LABELLED = r"(?:giải|giai|hạng|hang|loại|loai|nhóm|nhom)"
_LABEL_ASKED = re.compile(_LABELLED + r"\s+([A-E]|I{1,3}|IV|V)(?![\w.])", re.IGNORECASE)
_LABEL_AFTER = re.compile(r"\s*([A-E]|I{1,3}|IV|V)(?![\w.])")
# a figure's clause naming several labels at once ("để trao giải A, B, C và Khuyến khích"): a whole of them
_LABELS_LISTED = re.compile(r"[^.;:]{0,60}?" + _LABELLED + r"\s+((?:(?:[A-E]|I{1,3}|IV|V)(?![\w.])\s*(?:,|và|va)\s*)+"
                            r"(?:[A-E]|I{1,3}|IV|V|[Kk]huyến khích|[Kk]huyen khich)(?![\w.]))")


def group_ok(ctx: Evidence, f: Figure) -> bool:
    """A question about one group ("lĩnh vực công nghiệp xây dựng … chiếm tỷ trọng bao nhiêu?")
    is not answered by a figure whose nearest group before it in its sentence is another
    ("Điện trong lĩnh vực quản lý tiêu dùng chiếm 32,32%"); the group noun may differ
    ("thành phần công nghiệp xây dựng"), its own words may not."""
    if not ctx.q.group:
        return True
    words = group_of(f)
    return words is None or same_group(words, ctx.q.group.split())


def group_of(f: Figure) -> list[str] | None:
    """The words of the group a figure's sentence puts it in: the group right after it ("533,6
    triệu đồng/năm cho khối Trung học"), else the nearest before it; None when it names none."""
    after = re.split(r"[,;]", f.sentence[f.end - f.sentence_start:][:80], maxsplit=1)[0]
    before = f.sentence[:f.start - f.sentence_start]
    # (before it, within its own ';' item: "6 sản phẩm nhóm thủ công mỹ nghệ; 1 sản phẩm thiết bị, …" —
    # the group before the ";" is the 6's)
    item = before[before.rfind(";") + 1:]
    found = [g for g in lexicon.group_phrases(after) if g[0] <= 12] or lexicon.group_phrases(item)[-1:]
    if found and found[0] in lexicon.group_phrases(item) and ":" in item[found[0][1]:]:
        return None         # "Chia theo nhóm sản phẩm: có 19/34 sản phẩm thủ công mỹ nghệ, …": what a list is split by
    return found[0][2] if found else None


def same_group(words: list[str], asked: list[str]) -> bool:
    if " ".join(words) in lexicon.OWNERSHIPS or " ".join(asked) in lexicon.OWNERSHIPS:
        return words == asked
    n = min(len(words), len(asked))
    # the same words, or one group's words all among the other's ("y sinh" of "nghiên cứu y sinh",
    # "quản lý tiêu dùng" of "điện quản lý tiêu dùng"); "công nghiệp địa phương" is not "… Trung ương"
    return words[:n] == asked[:n] or set(words) <= set(asked) or set(asked) <= set(words)


# a product's rating in stars (OCOP, CNNT): "4 sao", "từ 3 đến 4 sao", "3-4 sao", "3 sao trở lên"
_STARS = re.compile(r"(?<![\d,.])(?:(\d)\s*(?:-|–|đến|tới|den|toi)\s*)?(\d)\s*sao(?!\w)(\s*(?:trở lên|tro len))?",
                    re.IGNORECASE)


def _stars(m: re.Match) -> tuple[str | None, str, bool]:
    return m.group(1), m.group(2), bool(m.group(3))


# … answered by the number a ranking writes after its word ("đứng thứ 4", "xếp hạng 62/190")
_RANK_BEFORE = re.compile(r"(?:thứ|hạng|vị trí|vị trí thứ)\s*$", re.IGNORECASE)
# what stands between a sum's list of items and its number ("… tịch thu gần 440 triệu đồng")
_SUM_LEAD_OUT = re.compile(r"(?:\s+(?:la|dat|uoc|uoc dat|uoc tinh|gan|hon|tren|khoang|tong cong|len toi|len den|voi))*\s*$")
_NUMBER_WRITTEN = re.compile(r"\d")
# (a sum of money named as one: "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ" is a statistic's name, no sum)
_SUM_LEAD = re.compile(r"(?<!\w)(?:tong so tien|so tien|tong gia tri|tong tri gia)(?!\w)")


def sum_ok(ctx: Evidence, f: Figure) -> bool:
    """An amount stated for several things at once ("Tổng số tiền xử phạt vi phạm hành chính,
    tiền bán hàng hóa tịch thu, trị giá hàng hóa tiêu hủy là 2.634.165.000 đồng", "số tiền xử
    phạt và hàng hóa tịch thu gần 440 triệu đồng") is their sum: it does not answer a question
    that names one of them ("Trị giá hàng hóa tiêu hủy …?") and nothing of the others. Money
    only: "kiểm tra, xử lý 50 vụ" counts the cases of both verbs at once."""
    if fold(f.unit) not in MONEY_UNITS_FOLDED:
        return True
    pos = f.start - f.sentence_start
    head = f.sentence[:pos]
    # (after the figure before it, unit and all: "… hơn 20,7 triệu đồng và thu giữ … trị giá gần 2 triệu đồng";
    # after a year: "Năm 2023, doanh thu và lợi nhuận …")
    cut = max(head.rfind(";"), head.rfind(":"), max((q.end - 1 for q in find_quantities(head)), default=-1),
              max((m.end() for m in _NUMBER_WRITTEN.finditer(head)), default=-1))
    tail = _SUM_LEAD_OUT.sub("", fold(head[cut + 1:]).lower())
    leads = list(_SUM_LEAD.finditer(tail))
    if not leads:
        return True
    tail = tail[leads[-1].start():]          # the sum's own words ("…, tổng số tiền xử phạt và …")
    items = [i.split() for i in re.split(r"\s*,\s*|\s+va\s+", tail) if i.strip()]
    joined = bool(re.search(r"\s+va\s+", tail))
    # a sum's list: led by words that sum money ("tổng số tiền …", "số tiền …"), two things joined by "và" or
    # three by commas, each of two words or more ("Trong đó, kinh phí …" is an opener and one thing;
    # "phát hiện 7 vụ vi phạm, đã xử lý, thu nộp ngân sách … hơn 20,7 triệu đồng" is a run of deeds)
    if not (joined and len(items) >= 2 or len(items) >= 3) or min(map(len, items)) < 2 or len(tail.split()) > 24:
        return True
    own = [set(words) - set().union(*(set(o) for j, o in enumerate(items) if j != i)) - _LIST_STOPS
           for i, words in enumerate(items)]
    asked = set(folded_syllables(ctx.q.text).split())
    named = [i for i, words in enumerate(own) if words and len(words & asked) * 2 >= len(words)]
    touched = [i for i, words in enumerate(own) if words & asked]
    return not (len(named) == 1 and touched == named)


_LIST_STOPS = {"cac", "nhung", "so", "tong", "cua", "tai", "trong", "nam", "thang", "va"}
# the kinds of industrial zone, written whole or short (folded): a cluster is not a park
_ZONE_KINDS = (("kcnc", r"khu cong nghe cao"), ("kcx", r"khu che xuat"), ("kkt", r"khu kinh te|kkt"),
               ("kcn", r"khu cong nghiep|kcn"), ("ccn", r"cum cong nghiep|ccn|cum(?! thi dua)"))
_ZONE = re.compile("|".join(rf"(?P<{k}>(?<!\w)(?:{p})(?!\w))" for k, p in _ZONE_KINDS))
_BOTH_ZONES = re.compile(r"\bkhu\s*(?:,|va|hoac)\s*cum cong nghiep\b")


def zone_ok(ctx: Evidence, f: Figure) -> bool:
    """The kind of industrial zone asked is a slot: "tổng diện tích các cụm công nghiệp" is not
    answered by "9 KCN với tổng diện tích quy hoạch 2.146ha" (a park's, stated at 0.86) when the
    zone the sentence names last before the figure is another kind. "khu, cụm công nghiệp" asks both."""
    asked_text = fold(ctx.q.text).lower()
    asked = {m.lastgroup for m in _ZONE.finditer(asked_text)}
    if not asked or _BOTH_ZONES.search(asked_text):
        return True
    said = [m.lastgroup for m in _ZONE.finditer(fold(f.sentence[:f.start - f.sentence_start]).lower())]
    return not said or said[-1] in asked


def rank_ok(ctx: Evidence, f: Figure) -> bool:
    """A place in a ranking asked ("Đà Nẵng xếp thứ mấy?") is a number written after "thứ",
    "hạng" or "vị trí"; the city's 70 points in the same sentence is its score, and was stated."""
    if not lexicon.asks_a_rank(ctx.q.text, ctx.q.typed_marks):
        return True
    return bool(_RANK_BEFORE.search(f.sentence[:f.start - f.sentence_start]))


def stars_ok(ctx: Evidence, f: Figure) -> bool:
    """A rating in stars the question names ("đạt 4 sao") sets the products counted apart: the
    figure's sentence must name the same rating. "từ 3 đến 4 sao" or "3 sao trở lên" is another
    (probe 10: "61/69 sản phẩm OCOP đạt tiêu chuẩn từ 3 đến 4 sao" stated at 0.85 for "bao nhiêu
    sản phẩm đạt 4 sao"), and so is a count that names no rating ("tiếp nhận 69 sản phẩm")."""
    asked = _STARS.search(ctx.q.text)
    if not asked:
        return True
    ratings = list(_STARS.finditer(f.sentence))
    if len({_stars(m) for m in ratings}) > 1:
        own = own_rating(f, ratings)
        return own is not None and _stars(own) == _stars(asked)
    return any(_stars(m) == _stars(asked) for m in ratings)


def own_rating(f: Figure, ratings: list[re.Match] | None = None) -> re.Match | None:
    """"7 sản phẩm đạt hạng 4 sao, 21 sản phẩm hạng 3 sao": each count has its own rating, the
    first after it in its ';' group before the next count, else the last before it."""
    ratings = list(_STARS.finditer(f.sentence)) if ratings is None else ratings
    pos, end = f.start - f.sentence_start, f.end - f.sentence_start
    group = f.sentence.rfind(";", 0, pos) + 1
    semicolon = f.sentence.find(";", end)
    stop = semicolon if semicolon >= 0 else len(f.sentence)
    counted = re.escape(f.unit) + r"(?!\w)" if f.unit else ""
    in_rating = lambda i: any(m.start() <= i < m.end() for m in ratings)      # noqa: E731
    nxt = next((m for m in re.finditer(r"(?<![\d,.])\d[\d.,]*\s*" + counted, f.sentence[end:stop])
                if not in_rating(end + m.start())), None)
    if nxt:
        stop = end + nxt.start()          # the next count of the same kind
    after = [m for m in ratings if end <= m.start() < stop]
    before = [m for m in ratings if group <= m.start() and m.end() <= pos]
    return after[0] if after else (before[-1] if before else None)


def label_ok(ctx: Evidence, f: Figure) -> bool:
    """A question for "giải C" is not answered by the count of "giải A" beside it."""
    asked = _LABEL_ASKED.search(ctx.q.text)
    if not asked:
        return True
    listed = _LABELS_LISTED.search(f.sentence, f.end - f.sentence_start)
    if listed and asked.group(1).upper() in {x.upper() for x in re.findall(r"[A-E]|I{1,3}|IV|V", listed.group(1))}:
        return False            # "chọn ra 20 sản phẩm … để trao giải A, B, C và Khuyến khích": all the awards'
    if not re.fullmatch(_LABELLED, f.unit or "", re.IGNORECASE):
        return True
    m = _LABEL_AFTER.match(f.sentence, f.end - f.sentence_start)
    return not m or m.group(1).upper() == asked.group(1).upper()


_TOTAL = re.compile(r"\btong\b")
# a share asked and the whole it is of: "chiếm bao nhiêu % tổng kinh phí …"
_SHARE_OF = re.compile(r"\bchiem\b.*?(?:\bphan tram\b|\bty le\b|\bty trong\b|%).*$")
# a total asked: "tổng", not a word it begins ("hội nghị tổng kết", "Tổng cục", "Tổng công ty")
_PERIOD_OPENING = re.compile(r"^(?:(?:trong|tinh|chung|luy|ke|den|het|\d{1,2}|thang|dau|cuoi|nam|quy|[ivx]+|nua|hai|ba|"
                             r"bon|sau|bay|tam|chin|muoi|mot)\s+){1,8}(?:19|20)\d\d\s+")
_TOTAL_ASKED = re.compile(r"\btong\b(?!\s+(?:ket|cuc|cong ty|giam doc|bi thu|thong|lien doan|kiem toan|hop|muc)\b)")
# ("tổng mức bán lẻ" names a measure, whose parts a question may ask)
# so many of a whole, "23 trong tổng số 25 sản phẩm", "223 trên 486 thủ tục" (`numbers._part_of_whole`): the part's text, the whole's lead-in
PART_OF_A_WHOLE = re.compile(r"\d\s+(?:(?:trong|trên)\s+(?:tổng\s+)?số|trên)\s+\d", re.IGNORECASE)
# the part's own words may stand between it and its whole: "công nhận 03 sản phẩm của tỉnh Hải Dương
# trên tổng số | 63 sản phẩm" (the whole after, read before it; the part, read after it)
_TO_THE_WHOLE = r"\s+(?:[^\W\d_]+\s+){0,8}?(?:trong|trên)\s+(?:tổng\s+)?số\s+"
_OF_A_WHOLE_BEFORE = re.compile(r"(?<![\d.,/])(?!(?:19|20)\d\d\s)\d[\d.]*(?:" + _TO_THE_WHOLE + r"|\s+trên\s+)$",
                                re.IGNORECASE)
_A_WHOLE_AFTER = re.compile(_TO_THE_WHOLE + r"\d", re.IGNORECASE)


def unstated_ok(ctx: Evidence, f: Figure) -> bool:
    """A figure the question states itself ("Trong số 29 đề án đó, bao nhiêu đề án thuộc …?")
    is what it counts from, never what it asks."""
    return ctx.q.kind == "compare" or not mentions(fold(ctx.q.text).lower(), fold(f.text).lower())


# the rest of a sentence that states no other figure of it: the sentence after may break it down
_WHOLE_CLOSES = re.compile(r"[^\d.;]*[.]?\s*$")
_BROKEN_DOWN_AFTER = re.compile(r"\s*[,;(]?\s*(?:trong đó|gồm|bao gồm)\b", re.IGNORECASE)


def part_ok(ctx: Evidence, f: Figure) -> bool:
    """The part-or-whole slot. A figure given as a part of a whole ("… có 135 đơn vị, gồm 110
    xã …; trong đó có 101 xã hình thành sau sắp xếp … và 09 xã không thực hiện sắp xếp")
    answers only a question that names what sets the part apart ("không thực hiện sắp xếp",
    "hàng dệt may") or asks "trong đó": "Sau sắp xếp có bao nhiêu xã?" asks the whole. And the
    whole does not answer a question that names a part. A part is a figure after "trong đó"
    whose sentence states a figure of the same unit before it. The other way round, a figure
    the record binds to one province ("Lâm Đồng (hơn 10 tỷ đồng)") is a part: it does not
    answer a question that asks the whole ("tổng …", "của 15 tỉnh") and names no province."""
    if ctx.q.whole and not ctx.q.places and find_places(f.entity):
        return False
    if ctx.q.part and _BROKEN_DOWN_AFTER.match(f.sentence, f.end - f.sentence_start):
        return False         # "Nguồn khác trong tổng kinh phí …?" is not "… là 117.866 triệu đồng, trong đó …"
    if not f.unit:
        return True
    pos = f.start - f.sentence_start
    # (the whole of a share asked, "chiếm bao nhiêu phần trăm tổng kinh phí …", is no total asked)
    total_asked = bool(_TOTAL_ASKED.search(_SHARE_OF.sub(" ", " ".join(folded_syllables(ctx.q.text).split()))))
    if _OF_A_WHOLE_BEFORE.search(f.sentence, 0, pos):
        return total_asked      # "40 trong tổng số | 96 sản phẩm tham gia": the whole, when a total is asked
    if total_asked and (PART_OF_A_WHOLE.search(f.text) or _A_WHOLE_AFTER.match(f.sentence, f.end - f.sentence_start)):
        return False            # and the part, "40 trong tổng số 96 sản phẩm", only when none is
        #                         ("03 sản phẩm của tỉnh Hải Dương trên tổng số 63 sản phẩm" too)
    asked = set(folded_syllables(ctx.q.text).split())
    if {"trong", "do"} <= asked or {"trong", "so"} <= asked:
        return True
    # the record's heading, unless it is the figure's own line (a one-line record)
    title = ctx.doc_heading(f.doc)
    title = title if f.sentence.strip() not in title else ""
    unit = r"%" if f.unit == "%" else re.escape(f.unit) + r"(?!\w)"
    stated = re.compile(r"\d(?:[\d.,]*\d)?\s*" + _SCALE + unit, re.IGNORECASE)
    if ctx.q.part:
        # a part asked of an earlier whole not found ("Trong đó …", rewritten without it): any part may
        # answer, as when "trong đó" is typed, but not a whole broken down after it ("… với 08 dự án điện
        # gió và điện mặt trời …. Trong đó, điện gió có 03 dự án; điện mặt trời có 05 dự án")
        rest = f.sentence[f.end - f.sentence_start:]
        among = _AMONG.search(rest)
        if among and stated.search(rest, among.end()):
            return False
        doc = ctx.document(f.doc)
        end = f.sentence_start + len(f.sentence)
        follows = doc.text[end:end + 40] if doc is not None else ""     # (its paragraph's or the next)
        return not (_WHOLE_CLOSES.match(rest) and _BROKEN_DOWN_AFTER.match(follows))
    before = [m for m in _AMONG.finditer(f.sentence) if m.end() <= pos]     # (its look-ahead reads past pos)
    group_end = f.sentence.find(";", pos)
    if before and _AMONG.search(f.sentence, pos, group_end if group_end >= 0 else len(f.sentence)) \
            and f.sentence.rfind(";", 0, pos) > before[-1].start():
        before = []                          # "…, trong đó …; X … 11.633 triệu đồng, trong đó: …": X's
        #                                      group is a whole of its own, not a part of the earlier one
    if before:                               # the figure may be a part
        whole = f.sentence[_whole_start(f.sentence, before[-1].start(), stated):before[-1].start()]
        if not stated.search(whole):
            # "… giá trị sản xuất công nghiệp ước đạt 1.671,5 tỷ đồng. Trong đó, …": a sentence that
            # opens with "trong đó" has its whole in the sentence before
            prior = ctx.sentence_before(f) if not whole.strip(" \t-–*") else ""
            if not stated.search(prior):
                return _whole_ok(ctx, f, pos, stated, asked, total_asked, title)
            whole = prior + " " + whole
        if _AMONG_NAMED.match(before[-1].group()):
            # "Trong số các sản phẩm được cấp giấy chứng nhận … cấp tỉnh năm 2023 có 21 sản phẩm cấp lại":
            # the whole is described in the words that open the breakdown
            whole += " " + before[-1].group()
        # its own words: from the part before it to the next part ("có 12 xã hình thành sau sắp
        # xếp và | 04 xã không thực hiện sắp xếp"), since a part's words may stand on either side
        fend = f.end - f.sentence_start
        others = [m for m in stated.finditer(f.sentence, before[-1].end()) if m.end() <= pos or m.start() >= fend]
        ends = sorted({m.end() for m in others if m.end() <= pos} | {before[-1].end()})
        start = ends[-1]
        while len(ends) > 1 and _ONLY_PLAN_WORDS.fullmatch(f.sentence, ends[-1], pos):
            ends.pop()          # "xuất khẩu hàng hóa ước đạt 810 triệu USD/KH giao 850 triệu USD": one
            start = ends[-1]    # item's result and its plan (or its two changes) share the item's words
        # … but words after the part before, up to the comma that ends it, are that part's label ("107 sản
        # phẩm thủ công mỹ nghệ, | 38 sản phẩm nông, lâm sản"), not this one's
        # (only where this part's number follows that comma: "…, đạt 87,3%" keeps the words before the comma)
        between = f.sentence[start:pos]
        cut = max(between.rfind(","), between.rfind(";"))
        if cut > 0 and re.search(r"[^\W\d_]", between[:cut]) and not re.search(r"[^\W\d_]", between[cut + 1:]) \
                and start > before[-1].end():
            start += cut + 1
        end = min([m.start() for m in others if m.start() > pos], default=len(f.sentence))
        # … or to the next part of another unit ("65 xã hình thành sau sắp xếp … và | 08 đơn vị …
        # không thực hiện sắp xếp"); "30 phường và 65 xã hình thành …" is one part of two units
        for m in _NEXT_PART.finditer(f.sentence, fend, end):
            if re.search(r"[^\W\d_]", f.sentence[fend:m.start()]):
                end = m.start()
                break
        semicolon = f.sentence.find(";", fend, end)
        if semicolon >= 0:
            end = semicolon     # "… 91 đơn vị, với 132 gian hàng trong tỉnh; các tỉnh bạn có 11 đơn vị": the next part's words
        part = f.sentence[start:end]
        if total_asked and _TOTAL.search(fold(whole)) and not _TOTAL.search(fold(f.sentence[start:pos])):
            return False    # "Tổng kinh phí … là bao nhiêu?" asks the total the record states as one
        return (_names_the_part(ctx.q, asked, whole, part, f.measure, title)
                or _rated_as_asked(ctx.q, f, whole) or _period_of_the_part(ctx.q, f, whole)
                or _counted_by_the_action_asked(ctx.q, f, whole) or _origin_of_the_part(ctx, whole, part)) \
            and _whole_ok(ctx, f, pos, stated, asked, total_asked, title)      # a part may be broken down in turn
    return _whole_ok(ctx, f, pos, stated, asked, total_asked, title) and _not_broken_down_next(ctx, f, stated, asked, title)


def _not_broken_down_next(ctx: Evidence, f: Figure, stated: re.Pattern, asked: set[str], title: str) -> bool:
    """The last figure of a sentence the next one breaks down ("Tổng kinh phí … là 106,128 tỷ
    đồng. Trong đó, kinh phí khuyến công quốc gia là 46,549 tỷ đồng, …") does not answer a
    question that names one of the parts, as a whole broken down in its own sentence does not."""
    if stated.search(f.sentence, f.end - f.sentence_start):
        return True                         # not the sentence's last figure of its unit
    after = ctx.sentence_after(f)
    among = lexicon.AMONG_WRITTEN.match(after.lstrip(" -–*"))
    if not among or not stated.search(after):
        return True
    return not _names_the_part(ctx.q, asked, f.sentence, after, title=title)


def _whole_ok(ctx: Evidence, f: Figure, pos: int, stated: re.Pattern, asked: set[str], total_asked: bool,
              title: str) -> bool:
    """A figure its sentence breaks down after it ("120 lớp …, với 80 lớp … tại các làng thuần
    nông, …") does not answer a question that names one of the parts (by its words, its rating
    or its origin)."""
    q = ctx.q
    after = _AMONG.search(f.sentence, pos)
    start = _whole_start(f.sentence, after.start(), stated) if after else 0
    if after and start <= pos:               # the figure may be the whole (not one of an earlier group:
        #                                      "… 3.440 triệu đồng; Kế hoạch … 11.633 triệu đồng, trong đó: …")
        whole = f.sentence[start:after.start()]
        group_end = f.sentence.find(";", after.end())     # a group's parts end with its group
        part = f.sentence[after.end():group_end if start > 0 and group_end >= 0 else len(f.sentence)]
        first = stated.search(part)
        if first and total_asked and _TOTAL.search(fold(whole)) and not _TOTAL.search(fold(part[:first.start()])):
            return True
        # (the words the record's title shares with the question name what the record is about, not
        # a part: "Hội chợ … hàng công nghiệp nông thôn …" asked, "350 gian hàng, gồm 250 gian hàng dành
        # cho các cơ sở công nghiệp nông thôn …" is still the fair's whole)
        return not first or not (_names_the_part(q, asked, whole, part, title=title) or _rating_named(q, part, whole)
                                 or _origin_of_the_part(ctx, whole, _clause_around(part, first)))
    return True


# (not a level: "cấp huyện" names the district level, which sets a part apart)
_UNIT_NOUNS_WRITTEN = re.compile(r"(?<!\w)(?<!cấp )(?<!cap )(?:" + "|".join(sorted(lexicon.ADMIN_UNITS, key=len, reverse=True))
                                 + r")(?!\w)", re.IGNORECASE)
# what may stand between two figures of one item: its plan ("810 triệu USD/KH giao 850 triệu USD"), or
# its other change ("tăng 2,6% và tăng 46,7%")
_ONLY_PLAN_WORDS = re.compile(r"[\s/,:(]*(?:(?:KH|kế hoạch|kế hoạch giao|giao|so với|chỉ tiêu|mục tiêu|và|tăng|giảm)"
                              r"[\s/,:(]*)*", re.IGNORECASE)


def _clause_around(text: str, m: re.Match) -> str:
    """The clause of `text` that holds the match `m`, between the commas or semicolons around it."""
    start = max(text.rfind(",", 0, m.start()), text.rfind(";", 0, m.start())) + 1
    ends = [i for i in (text.find(",", m.end()), text.find(";", m.end())) if i >= 0]
    return text[start:min(ends, default=len(text))]


def _origin_of_the_part(ctx: Evidence, whole: str, part: str) -> bool:
    """"… đơn vị trong tỉnh?", "… dự án FDI?" name the part of a whole that says the origin asked
    where its whole does not: "102 đơn vị trong và ngoài tỉnh …. Trong đó có 91 đơn vị, với 132
    gian hàng trong tỉnh"; "804 dự án đầu tư, trong đó 758 dự án đầu tư trong nước và 46 dự án
    đầu tư trực tiếp nước ngoài"."""
    if ctx.origin is None:
        return False
    side = lexicon.ORIGINS[ctx.origin][0]
    return _one_side_said(side, fold(part.split(";")[0]).lower()) and not _one_side_said(side, fold(whole).lower())


def _one_side_said(side: re.Pattern, folded: str) -> bool:
    """Whether a (folded) text names that side on its own, not only within "trong và ngoài …"."""
    return bool(side.search(lexicon.BOTH_ORIGINS.sub(" ", folded)))


def _counted_by_the_action_asked(q, f: Figure, whole: str) -> bool:
    """"… đã xử lý bao nhiêu vụ?": the part counted right after that action ("kiểm tra, xử phạt …
    được trên 1.770 vụ, trong đó xử lý 1.441 vụ"), which the whole does not write, is the one
    asked. An action of two syllables: one ("có") names nothing."""
    verb = asked_verb(q) if q.kind == "count" else ()
    return len(verb) == 2 and counted_right_after(f, verb) and " ".join(verb) not in folded_syllables(whole)


def counted_right_after(f: Figure, verb: tuple[str, ...]) -> bool:
    """Whether the figure is written right after the action `verb` (folded syllables), words that
    name no action between ("đã tiến hành kiểm tra 2.881 vụ")."""
    before = _ON_AVERAGE.sub(" ", " " + folded_syllables(f.sentence[max(0, f.start - f.sentence_start - 60):
                                                                    f.start - f.sentence_start]).lower() + " ").split()
    while before and before[-1] in VERB_FILLERS:
        before.pop()
    if before and before[-1] == "la" and tuple(before[-len(verb):]) != verb:
        # "… các đơn vị đã sử dụng trong năm 2021 là hơn 370 tấn": the verb's count after the period
        # it was done in and "là" — a verb, marked as one ("đã", "được"): "… cao đẳng và trung cấp
        # trong năm 2020 là 3.613 người" asked "trung cấp bao nhiêu người" is no count of "trung cấp"
        said = before[:-1]
        while said and (said[-1].isdigit() or said[-1] in _PERIOD_WORDS):
            said.pop()
        return tuple(said[-len(verb):]) == verb and len(said) > len(verb) and said[-len(verb) - 1] in _ASPECT
    return tuple(before[-len(verb):]) == verb


# "trung bình", "bình quân": how a count is taken, no action ("xuất khẩu trung bình 25 toa/ngày") (folded)
_ON_AVERAGE = re.compile(r"(?<=\s)(?:trung binh|binh quan)(?=\s)")

_ASPECT = {"da", "duoc", "dang", "se"}      # what marks a verb as one (folded)


_PERIOD_WORDS = {"trong", "nam", "thang", "quy", "dau", "cuoi", "qua"}     # "trong 6 tháng đầu năm 2021" (folded)


# words between a counting verb and its count ("đã tiến hành kiểm tra 2.881 vụ"), and words
# before "bao nhiêu" that name no action ("có", "được", "đã")
VERB_FILLERS = {"da", "duoc", "tien", "hanh", "thuc", "hien", "tong", "cong", "so", "khoang", "hon", "gan",
                "tren", "duoi", "len", "toi"}
_HOW_MANY = re.compile(r"(?:^|\s)((?:\S+\s+){1,3}?)(?:bao nhieu|may)\s")
# (but "hỏi": right before "bao nhiêu", folded "hoi" is the "hồi" of "thu hồi bao nhiêu")
_FUNCTION_WORDS = (set(lexicon.STOPWORDS) | set(lexicon.QUESTION_WORDS)) - {"hoi"}


def asked_verb(q) -> tuple[str, ...]:
    """The action a count question asks the count of ("đã kiểm tra bao nhiêu vụ" → kiểm tra):
    the content words right before "bao nhiêu", up to two."""
    m = _HOW_MANY.search(_ON_AVERAGE.sub(" ", " " + fold(q.text).lower() + " "))
    if not m or m.group(1).split()[-1] == "co":
        return ()           # "nhóm thủ công mỹ nghệ có bao nhiêu sản phẩm …?" asks what there is: no action
    # (a name is no action: "Pele vô địch World Cup mấy lần?" counts "vô địch", not "World Cup")
    words = [w for w in m.group(1).split() if w not in _FUNCTION_WORDS and w not in VERB_FILLERS]
    # (only a name written last: "Điện lực Thanh Hóa đã đóng điện được mấy dự án?" counts "đóng điện",
    # whose "điện" is also a word of the name)
    # (nor a place: "Chỉ số B2B của Đà Nẵng được bao nhiêu điểm?" counts no "Đà Nẵng")
    names = [n.split() for n in q.names] + [fold(w).lower().split() for w, _ in q.places]
    inside: set[str] = set()      # the words of a name whose last word was taken
    while words:
        word = words[-1]
        ending = [n for n in names if n[-1] == word]
        if not word.isalpha() or ending or word in inside:      # nor a year: "… 2009 có bao nhiêu"
            inside.update(w for n in ending for w in n)
            words.pop()
        else:
            break
    return tuple(words[-2:])


def _period_of_the_part(q, f: Figure, whole: str) -> bool:
    """A whole of two periods split by period ("trong năm 2019 và 6 tháng đầu năm 2020 … 53 vụ,
    trong đó 40 vụ xẩy ra năm 2019 và 13 vụ trong 6 tháng đầu năm 2020"): the question that asks
    one of those periods names the part by it."""
    own = years_in(f.period)
    spans = years_in(" ".join(joined_periods(whole)))
    return bool(q.years and own and own <= q.years and len(spans) >= 2 and not spans <= q.years)


_TOTAL_WORDS = {"tổng", "cộng", "tong", "cong"}


def _whole_start(sentence: str, among: int, stated: re.Pattern) -> int:
    """Where the whole a "trong đó" splits starts: at its own ';' group when that states a figure
    of the unit ("…; Kế hoạch khuyến công địa phương … là 11.633 triệu đồng, trong đó: …"), so the
    parts are told apart by their words against that whole, not against an earlier group's parts
    ("nguồn huy động …" of the national projects); else at the sentence's start ("… có 135 đơn
    vị, gồm 110 xã …; trong đó có 101 xã …")."""
    group = sentence.rfind(";", 0, among) + 1
    return group if stated.search(sentence, group, among) else 0


_CHANGE_SYLLABLES = {w for r in lexicon.CHANGE_RELATIONS + lexicon.CHANGE_UNDIRECTED for w in fold(r).split()}


def _names_the_part(q, asked: set[str], whole: str, part: str, measure: str = "", title: str = "") -> bool:
    """Whether the question names what sets the part apart. Its words are the part's own common
    words, compared with their marks when the question has them ("năm 2025" is not "Nậm Xé");
    places and names count as whole phrases ("Lào Cai" is not named by "các xã … Lao Chải",
    "trong đó Hà Nội có …" is)."""
    subjects = [fold(n) for n in q.place_names() | set(q.names)]
    fw, fp = folded_syllables(whole), folded_syllables(part)
    if any(_named_whole(part, n) and not mentions(fw, n) for n in subjects):
        return True
    marked = has_diacritics(q.text)
    # nor the words of a body the question names ("Cục Kỹ thuật an toàn …" does not name the part
    # "… quy chuẩn kỹ thuật quốc gia")
    bodies = set().union(*(_common_words(q.text[a:b], marked) for a, b in body_spans(q.text)))
    # … nor the unit nouns it counts places by ("28 tỉnh, thành phố" does not name "thành lập")
    bodies |= set().union(*(_common_words(m.group(), marked) for m in _UNIT_NOUNS_WRITTEN.finditer(q.text)))
    # (a place's words as written too: "Điện biên" typed without its capital is no part's "biên")
    # (compared with their marks when the question has them: "Gia Lai" takes no "giá" from "vi phạm giá điện")
    named = {w for n in subjects for w in n.split()}
    places_marked = {w.lower() for written, ps in q.places for n in [written] + [p.name for p in ps] for w in n.split()}
    names = {w for n in q.names for w in fold(n).lower().split()}
    words = {w for w in (_common_words(q.text, True) if marked else asked)
             if (w.lower() not in places_marked and fold(w).lower() not in names if marked
                 else fold(w).lower() not in named)} - bodies
    words -= _TOTAL_WORDS           # "tổng cộng" asks the whole: its "cộng" is not the part's "cộng đồng"
    if q.change:
        # nor the change asked ("tăng hay giảm", "biến động thế nào"): a part's "tăng 0,47%", or the
        # "biến" of "chế biến", does not set it apart from a whole that fell
        words = {w for w in words if fold(w).lower() not in _CHANGE_SYLLABLES}
    # a phrase the question shares with the record's title names what the record is about, not a
    # part ("Hội chợ … hàng công nghiệp nông thôn …" asked of "350 gian hàng, gồm 250 gian hàng dành
    # cho các cơ sở công nghiệp nông thôn …")
    words -= _shared_phrase_words(q.text, title, marked)
    if _parts_own_words(whole, part, marked) & words:
        return True
    if _one_of_a_pair_asked(q, whole, part) or _one_of_a_list_asked(q, whole, part):
        return True
    # the part's own measure, asked, that the whole does not say: "kim ngạch xuất khẩu" is a
    # part of "tổng kim ngạch xuất, nhập khẩu" though it has no word the whole lacks
    # ("nhập khẩu" is the part of "kim ngạch xuất nhập khẩu": the whole trades both ways)
    return bool(measure) and any(mentions(fold(measure), fold(m)) for m in q.measures) \
        and not mentions(lexicon.one_way_trade(fw), lexicon.one_way_trade(fold(measure)))


# a whole of two things, named right before its number: "tổng số tiền xử phạt và hàng hóa tịch thu gần 440 triệu đồng"
_PAIR_BEFORE_NUMBER = re.compile(r"(\w+(?: \w+)?) va (\w+(?: \w+){0,3}) (?:(?:uoc |dat |la |gan |hon |tren |khoang )+)?\d")


def _one_of_a_pair_asked(q, whole: str, part: str) -> bool:
    """"… xử phạt được bao nhiêu tiền?" names one of the two things a whole sums ("tổng số tiền
    xử phạt và hàng hóa tịch thu gần 440 triệu đồng. Trong đó, xử phạt hơn 400 triệu đồng"): the
    part that is that one, when the question names nothing of the other."""
    pair = _PAIR_BEFORE_NUMBER.search(fold(whole).lower())
    if not pair:
        return False
    asked = set(folded_syllables(q.text).split())
    one, other = set(pair.group(1).split()), set(pair.group(2).split())
    return one <= asked and not other & asked and one <= set(folded_syllables(part).split())


# a whole that sums a list, named before its number: "Tổng số tiền xử phạt vi phạm hành chính, tiền bán
# hàng hóa tịch thu, tiền thu từ thu lợi bất hợp pháp và trị giá hàng hóa tiêu hủy trong tháng 4 là …" (folded)
_LIST_SUMMED = re.compile(r"\btong(?: so| gia tri| cong)?\s+((?:\w+[ ,]+){5,60}?)(?:la|dat|uoc dat|len toi|gom)\s+"
                          r"(?:(?:gan|hon|tren|khoang)\s+)?\d")
_ITEM_GENERIC = {"tien", "so", "gia", "tri", "cac", "cua", "tu", "trong", "thang", "nam", "quy"}


def _one_of_a_list_asked(q, whole: str, part: str) -> bool:
    """"… tháng 4 xử phạt hành chính bao nhiêu?" names one of the three or more things a whole sums
    (that list, then "Trong đó, … đã xử phạt vi phạm hành chính 808.576.000 đồng; tiền bán hàng hóa
    tịch thu …"): the part that is that one. An item is named by two or more of its own words (those
    no other item writes), and no other item by any."""
    summed = _LIST_SUMMED.search(fold(whole).lower())
    if not summed:
        return False
    items = [{w for w in i.split() if w.isalpha()} - _ITEM_GENERIC
             for i in re.split(r"\s*,\s*|\s+va\s+", summed.group(1)) if i.strip()]
    if len(items) < 3:
        return False
    own = [i - set().union(*(o for o in items if o is not i)) for i in items]
    asked = set(folded_syllables(q.text).split())
    named = [o & asked for o in own]
    hits = [n for n in named if n]
    return len(hits) == 1 and len(hits[0]) >= 2 and hits[0] <= set(folded_syllables(part).split())


def _rated_as_asked(q, f: Figure, whole: str) -> bool:
    """Whether a part is the rating asked ("bao nhiêu sản phẩm … đạt hạng 4 sao?" of "44 sản
    phẩm …, gồm 07 sản phẩm đạt hạng 4 sao, 37 …"): its own rating (`own_rating`) is the one asked,
    which its whole does not state. A rating's words are a number and "sao", which no word of the
    part's own counts."""
    asked = _STARS.search(q.text)
    # (a whole of a range of ratings, "196 sản phẩm OCOP đạt từ 3 sao trở lên", is of no one rating)
    if not asked or any(_stars(m) == _stars(asked) or not m.group(3) for m in _STARS.finditer(whole)):
        return False
    if _STOCK.search(fold(whole).lower()) and not _STOCK.search(fold(q.text).lower()) and (q.years or q.period):
        return False            # "đến thời điểm này huyện có 44 sản phẩm …, trong đó có 26 sản phẩm đạt 3 sao":
        #                         the stock's, not those recognised in the year asked
    own = own_rating(f)
    return own is not None and _stars(own) == _stars(asked)


def _rating_named(q, part: str, whole: str) -> bool:
    """Whether a breakdown names the rating asked ("…, gồm 07 sản phẩm đạt hạng 4 sao, …"), which
    its whole does not state: then the whole is not what is asked."""
    asked = _STARS.search(q.text)
    return bool(asked) and not _STARS.search(whole) and any(_stars(m) == _stars(asked) for m in _STARS.finditer(part))


_STOCK = re.compile(r"\b(?:den nay|den thoi diem nay|luy ke|tinh chung den|hien co|hien nay)\b")


def _shared_phrase_words(question: str, title: str, marked: bool) -> set[str]:
    """The words a question writes only inside three-word phrases its record's title writes too
    ("công" of "công nghiệp nông thôn" shared, unless the question also says "công nhận")."""
    if not title:
        return set()
    def words(text):
        return [same_marks(w.lower()) if marked else fold(w).lower() for _, _, w in syllables(text)]
    asked, said = words(question), words(title)
    shared = set(zip(said, said[1:], said[2:]))
    inside = [False] * len(asked)
    for i in range(len(asked) - 2):
        if tuple(asked[i:i + 3]) in shared:
            inside[i] = inside[i + 1] = inside[i + 2] = True
    return {w for w, x in zip(asked, inside) if x} - {w for w, x in zip(asked, inside) if not x}


def _named_whole(text: str, name: str) -> bool:
    """Whether `text` names the (folded) name as a whole name, not as the start of a longer one:
    "Việt" of "Hội chợ … Trung - Việt" is not named by "doanh nghiệp Việt Nam"."""
    folded = fold(text).lower()
    for m in re.finditer(rf"(?<!\w){re.escape(name.lower())}(?!\w)", folded):
        if not re.match(r"[^\S\n]+[A-ZĐÀ-Ỹ]", text[m.end():m.end() + 3]):
            return True
    return False


def _common_words(text: str, marked: bool) -> set[str]:
    """Lower-case syllables (names aside; the first word is capitalised as a sentence's, and so is
    a list item's after a colon or semicolon, unless a capital follows: "…: Dệt 119,3%; …"), with
    their marks or folded."""
    said = list(syllables(text))
    def opens_an_item(i: int) -> bool:
        after = said[i + 1][2] if i + 1 < len(said) else ""
        return text[:said[i][0]].rstrip().endswith((":", ";")) and not after[:1].isupper()
    return {(same_marks(w.lower()) if marked else fold(w)) for i, (_, _, w) in enumerate(said)
            if i == 0 or not w[:1].isupper() or opens_an_item(i)}


_NEXT_PART = re.compile(r"(?:,?\s+và\s+|;\s*)(?=\d)")


_STEERING_COMMITTEE = re.compile(r"Ban\s+[Cc]hỉ\s+đạo[^.;]{0,40}?chống\s+buôn\s+lậu,?\s+gian\s+lận\s+thương\s+mại"
                                 r"(?:\s*(?:,|và)\s*hàng\s+giả)?")


def _parts_own_words(whole: str, part: str, marked: bool) -> set[str]:
    """The common words a breakdown ("trong đó …") says that its whole does not (folded, or
    with their marks), the numbers, names and function words aside; a negation counts
    ("không thực hiện sắp xếp")."""
    # "kinh phí KCQG" says "khuyến công quốc gia" as a question writes it
    whole, part = lexicon.written_out(whole), lexicon.written_out(part)
    # a body the whole names is no word of its own ("Cục Công thương địa phương cho biết, … tổng kinh
    # phí …" does not say the part's "khuyến công địa phương")
    for a, b in reversed(body_spans(whole)):
        whole = whole[:a] + whole[b:]
    # nor the steering committee's name, however long ("Ban chỉ đạo chống buôn lậu, gian lận thương
    # mại và hàng giả thành phố Đà Nẵng cho biết … 626 vụ": its "hàng giả" is no word of that whole)
    whole = _STEERING_COMMITTEE.sub(" ", whole)
    own = _common_words(part, marked) - _common_words(whole, marked)
    return {w for w in own if not w.isdigit() and (fold(w) in _NEGATIONS or (fold(w) not in lexicon.STOPWORDS
                                                                           and fold(w) not in lexicon.QUESTION_WORDS))}


def names_ok(ctx: Evidence, f: Figure) -> bool:
    """Companies, agencies and people the question names must appear in the figure's record,
    an abbreviation in it written either way ("ĐH Bách khoa" / "Đại học Bách khoa")."""
    return all(any(ctx.doc_mentions(f.doc, {form}) or ctx.doc_mentions_parts(f.doc, form.split())
                   for form in name_forms(n)) for n in ctx.q.names)


_WORDS_AFTER = re.compile(r"(?:\s+[^\W\d]+){1,3}")


def measure_acronym_ok(ctx: Evidence, f: Figure) -> bool:
    """A measure the question names by its acronym ("GRDP … tăng bao nhiêu?") is said, in either
    form, in the figure's own ';' group before it or in the words right after it (or is its
    measure; an entity carried across groups is not): in "(GRDP) ước đạt …, tăng
    6,8%; …; chỉ số sản xuất công nghiệp … tăng 6,62%" the index's rise is no GRDP's."""
    asked = [n for n in ctx.q.names if n in lexicon.MEASURE_ACRONYMS_FOLDED]
    if not asked:
        return True
    a, _ = _own_group(f)
    end = f.end - f.sentence_start
    after = _WORDS_AFTER.match(f.sentence, end)       # the whole of a share: "đóng góp 6,64% GRDP toàn tỉnh"
    own = fold(f.sentence[a:f.start - f.sentence_start] + " " + (after.group() if after else "") + " "
               + f.measure).lower()
    return all(any(mentions(own, form) for form in name_forms(n)) for n in asked)


def _own_group(f: Figure) -> tuple[int, int]:
    """Where the figure's own ';' group of its sentence starts and ends."""
    s = f.start - f.sentence_start
    end = f.sentence.find(";", s)
    return f.sentence.rfind(";", 0, s) + 1, end if end >= 0 else len(f.sentence)


def listed_name_ok(ctx: Evidence, f: Figure) -> bool:
    """A sentence listing groups apart by ';' ("cụm công nghiệp Thuận Đức … tỷ lệ lấp đầy 100%;
    cụm công nghiệp Bắc Nghĩa … 50%; …; cụm công nghiệp Lưu Thuận … 57%; …"): a name the
    question asks, written in one group, is not answered by another group's figure (Nghĩa Ninh's
    50% had answered Lưu Thuận at 0.83). A name that opens the list ("… Lưu Thuận gồm: …; …")
    is every group's."""
    names = [n for n in ctx.q.names if n not in lexicon.ROMAN]
    if not names or f.sentence.count(";") < 2:
        return True
    folded = fold(f.sentence).lower()
    start, end = _own_group(f)
    written, own = f.sentence[start:end], folded[start:end]
    asked = fold(ctx.q.text).lower()
    lead = folded[:folded.find(";")]
    if not any(fold(written[a:b]).lower() not in asked for a, b in capitalised_runs(written)) \
            and all(mentions(lead, n) or not mentions(folded, n) for n in names):
        return True                       # a group naming no one of its own is the subject's ("…; lợi nhuận … đạt …"),
        #                                   unless what is asked is written in a later group, not the subject
    for n in names:
        first = re.search(rf"(?<!\w){re.escape(n)}(?!\w)", folded)
        if not first or any(mentions(own, form) for form in name_forms(n)):
            continue                      # (spelt out in its own group: "tổng sản phẩm trên địa bàn" is GRDP)
        group_end = folded.find(";", first.start())
        if ":" in folded[first.start():group_end if group_end >= 0 else len(folded)]:
            continue                      # the list's lead-in names it
        return False
    return True


_FOLDED_ABBREVIATIONS = [[fold(form).lower() for form in group] for group in lexicon.ABBREVIATIONS]


def name_forms(name: str) -> list[str]:
    """A folded name and its forms with an abbreviation in it spelt out or shortened."""
    forms = [name]
    for group in _FOLDED_ABBREVIATIONS:
        for said in group:
            if mentions(name, said):
                forms += [re.sub(rf"(?<!\w){re.escape(said)}(?!\w)", other, name) for other in group if other != said]
    return forms


# the last day of each quarter, as a figure's period writes it ("ngày 31/3/2021", "30/06/2021")
_END_OF = {1: ("31/3", "31/03"), 2: ("30/6", "30/06"), 3: ("30/9", "30/09"), 4: ("31/12",)}
_QUARTER_END = re.compile(r"(?<![\d/])(" + "|".join(d for days in _END_OF.values() for d in days) + r")(?=/|\b)")


_YEARS_SPANNED = re.compile(r"(?:19|20)\d\d\s*(?:-|–|đến|tới)\s*(?:năm\s+)?(?:19|20)\d\d", re.IGNORECASE)


def _quoted(sentence: str, phrase: str) -> bool:
    """Whether `phrase` stands inside quotation marks in the sentence."""
    at = sentence.find(phrase)
    return at >= 0 and sentence.count("“", 0, at) > sentence.count("”", 0, at)


_BASE_YEAR_AFTER = re.compile(r"\s*,?\s*\(?so(?: voi)?(?: cung ky)?(?: nam)?\s+((?:19|20)\d{2})(?!\d)")


def _own_base_year(f: Figure) -> int | None:
    """The year a change names as its base right after it ("tăng 50% so với cùng kỳ năm 2024")."""
    m = _BASE_YEAR_AFTER.match(fold(f.sentence[f.end - f.sentence_start:f.end - f.sentence_start + 40]).lower())
    return int(m.group(1)) if m else None


# an event named with its year: "Hội chợ thương mại miền Tây Thanh Hóa 2023", "hội nghị … năm 2019" (folded)
_EVENT_YEAR = re.compile(lexicon.EVENT_NOUN_FOLDED.pattern + r"(?:\s+[^\W\d]+){0,8}?\s+(?:nam\s+)?(?:19|20)\d\d(?!\d)")


# a sentence that opens by saying it is of the same time as the one before ("Đồng thời, …",
# "Cùng thời gian này, …") (folded)
_SAME_TIME_OPENS = re.compile(r"[\s\-–*]*(?:dong thoi|cung (?:thoi gian|thoi diem|ky|giai doan) (?:nay|do|tren)|"
                              r"cung trong (?:thoi gian|thoi ky|ky|giai doan) (?:nay|do|tren))\s*,")


def _period_of(ctx: Evidence, f: Figure) -> str:
    """A figure's period; but when its sentence names none and says it is of the same time as the
    one before ("… chỉ trong 6 tháng đầu năm 2018, Cục … đã tiếp nhận … | Đồng thời, tổng đài … đã
    ghi nhận 3.953 cuộc gọi đến"), the last period that sentence names (the record's year alone
    had been the figure's)."""
    if not _SAME_TIME_OPENS.match(fold(f.sentence).lower()) or periods_in(f.sentence):
        return f.period
    said = periods_in(ctx.sentence_before(f, past_captions=True))
    return said[-1][2] if said else f.period


def period_ok(ctx: Evidence, f: Figure) -> bool:
    """Years, quarters, month spans and days the question names must not contradict the figure's."""
    q = ctx.q
    if (carried := _period_of(ctx, f)) != f.period:
        f = replace(f, period=carried)
    fy = years_in(f.period)
    if q.source_years and not any(ctx.doc_mentions(f.doc, {str(y)}) for y in q.source_years):
        return False            # "Theo Hội nghị … năm 2019, …": a record of that year
    own_base = _own_base_year(f) if q.base_years else None
    if own_base and own_base not in q.base_years:
        return False            # "tăng 2% so với cùng kỳ năm 2023" is no change against 2024's
    if q.years:
        # a change against a year only ("tăng bao nhiêu so với cùng kỳ 2024?") is the next year's;
        # a period that is the figure's own base ("tăng trên 23% so năm 2009") says no other
        asked = q.years - q.base_years or {y + 1 for y in q.base_years}
        if fy and not (asked & fy) and not fy == {own_base}:
            return False
        if joined_periods(f.period) and not fy <= q.years:
            return False        # "năm 2019 và 6 tháng đầu năm 2020 … 53 vụ" counts both: not 2020's alone
        if len(fy) > 1 and not fy <= q.years and _YEARS_SPANNED.search(f.period) and not _quoted(f.sentence, f.period):
            return False        # "giai đoạn 2021-2025 là 75.300 triệu đồng" is the five years', not 2021's
            #                     (a span in a name quoted, "đề án … “… giai đoạn 2019-2020”", is the name's)
        if not fy and not (q.years & (years_in(f.sentence) | ctx.doc_years(f.doc))):
            return False
        if not fy and (restated := ctx.restated_years(f)) and not q.years & restated:
            return False
        if _YEAR_ALONE_ASKED.search(fold(q.text).lower()) and _STOCK_UP_TO_NOW.search(fold(_clause_before(f)).lower()):
            return False        # "Riêng năm 2016 ký được bao nhiêu hợp đồng?" is not "Đến nay đã có 1.349 hợp
            #                     đồng … được ký kết", the stock of all the years up to the record's
        so_far = _SO_FAR.search(fold(q.text).lower()) and period_parts(f.period)[1]
        # "so với cùng kỳ 2024" alone: the same part of the year as the figure's, whichever it is
        same_part = not q.years - q.base_years and "cung ky" in fold(q.text).lower()
        # (a year that names an event, "Hội chợ … miền Tây Thanh Hóa 2023", is no period of a count: the
        # event's month, "tổ chức … trong tháng 7/2023", is its time, not a month's figure)
        event_month = lexicon.calendar_month(f.period) is not None and year_part(f.period) == (None, None) \
            and _EVENT_YEAR.search(fold(q.text).lower())
        if not q.period and not q.days and not so_far and not same_part and not event_month and (
                year_part(f.period) != (None, None) or lexicon.calendar_month(f.period) not in (None, 12)):
            # "năm 2020" is not answered by "6 tháng đầu năm 2020", "quý I/2020" nor "tháng 4/2020"
            # (but "từ đầu năm 2025 đến nay" asks the months so far: "9 tháng năm 2025")
            # ("hết tháng 12" closes the year; a day asked, "tại ngày 31/3/2021", is a point in
            # time: day_ok judges it)
            return False
    asked_month = lexicon.calendar_month(q.period or "")
    if asked_month and _TO_DATE.search(fold(q.text).lower()):
        # "Lũy kế đến tháng 4/2024": the months up to April, not April's own figure ("tính đến
        # tháng 1 năm 2016", a stock, is that month's)
        if _CUMULATIVE.search(fold(q.text).lower()) and lexicon.calendar_month(f.period) == asked_month \
                and not _CUMULATIVE.search(fold(window(f, 12, 4)).lower()) and not _said_cumulatively(f):
            return False
        asked_month = None
    if asked_month and f.period:
        # "tháng 3/2024" is not answered by April's figure nor the year's; a figure whose period
        # names no month may still be that month's when its sentence says so, or, naming no year
        # either ("Năm 2024, tỉnh đặt mục tiêu …" is the year's), its record's title does or the
        # record is dated in that month or the next (a month's news, a month's report)
        said = lexicon.calendar_month(f.period)
        if said is None and any(period_parts(f.period)):
            return False         # a span of months ("9 tháng năm 2023", "quý III") is not its last month
        dated = ctx.doc_date(f.doc)
        undated = not years_in(f.sentence)
        if said != asked_month and (said is not None or not (
                _names_month(f.sentence, asked_month) or undated and (
                    _names_month(ctx.doc_title(f.doc), asked_month) or dated and dated[1] in (asked_month,
                                                                                               asked_month % 12 + 1)))):
            return False
    if q.period:
        # "quý 2" is not answered by a quarter-less or another quarter's figure; same for "6 tháng"
        qq, qm = period_parts(q.period)
        fq, fm = period_parts(f.period)
        end = _QUARTER_END.search(f.period) if qq and fq is None and fm is None else None
        if end and end.group(1) in _END_OF.get(qq, ()):
            fq, fm = qq, qm      # a balance "tính đến hết ngày 31/3/2021" is quý I's: 31/3 ends it
        if qm and not qq and fm is None and lexicon.calendar_month(f.period) == qm \
                and re.search(rf"\b(?:luy ke|tu dau nam)\s+(?:den het|den|toi|tinh den het)\s+thang {qm}\b",
                              fold(f.sentence).lower()):
            fm = qm              # "lũy kế đến hết tháng 7/2018" is the seven months so far
        if (qq and qq != fq) or (qm and qm != fm):
            return False
    return day_ok(ctx, f)


# a span up to a month, not the month itself: "lũy kế đến tháng 4", "tính đến hết tháng 4", "từ đầu năm"
_TO_DATE = re.compile(r"\b(?:luy ke|tinh den|den het|(?:tu dau nam )?den thang|het thang|tu dau nam)\b")
_CUMULATIVE = re.compile(r"\b(?:luy ke|tu dau nam)\b")
# a year asked on its own ("riêng năm 2016", "trong năm 2016"), and a stock said up to now (folded)
_YEAR_ALONE_ASKED = re.compile(r"\b(?:rieng|trong|chi tinh|chi rieng)\s+(?:nam\s+)?\d{4}\b")
# (not "từ đầu năm đến nay", the year so far, which a year-end review says of the year)
_STOCK_UP_TO_NOW = re.compile(r"(?<!dau nam )(?<!dau nam \d{4} )\b(?:den|toi)\s+(?:nay|thoi diem nay|hien nay)\b")
_SO_FAR = re.compile(r"\btu dau nam(?:\s+\d{4})?\s+(?:den|toi)\s+nay\b")


def _said_cumulatively(f: Figure) -> bool:
    """The figure's period is written as a running total in its sentence ("Lũy kế đến hết tháng
    6/2023, các KCN nói trên đã thu hút 1.869 dự án"), however far before the figure."""
    said = fold(f.sentence[:f.start - f.sentence_start]).lower()
    at = said.rfind(fold(f.period).lower()) if f.period else -1
    return at >= 0 and bool(_CUMULATIVE.search(said[max(0, at - 24):at]))


def _names_month(text: str, month: int) -> bool:
    return any(int(m.group(1)) == month for m in lexicon.CALENDAR_MONTH_FOLDED.finditer(fold(text).lower()))


def day_ok(ctx: Evidence, f: Figure) -> bool:
    """A day the question names ("phiên 27/4", "sáng 24/4/2021") is the figure's day: its
    sentence names that day; or it names none and the last day named before it is that day (a
    daily report gives its day once, in its title or lead: "Phiên hôm qua (27/4), …"); or
    none is named before and the record is of that day (its date line)."""
    days = ctx.q.days
    if not days:
        return True
    said = _days_dating(f)
    if said:
        return bool(days & said)
    named = ctx.last_day_before(f.doc, f.sentence_start)
    if named:
        return named in days
    return ctx.doc_date(f.doc) in days


# a day that is not the figure's own: the baseline it is compared with ("giảm 150.000 đồng so
# với chốt phiên 19/4"; within a few words, not the periods' wider rule, `BASELINE`) or the other
# side of a contrast ("nếu ở phiên 22/4 … thì ở phiên cuối tuần tăng 20,71 điểm")
_BASELINE_BEFORE = re.compile(r"\bso voi(?: \w+){0,4}\W*$")
_CONTRAST = re.compile(r"\bneu\b(?:(?!\bthi\b).)*\bthi\b")


def _days_dating(f: Figure) -> set[tuple[int, int]]:
    """The days a figure's sentence names that date the figure itself."""
    text = f.sentence
    at = f.start - f.sentence_start
    folded = fold(text).lower()
    contrast = [m.span() for m in _CONTRAST.finditer(folded) if m.end() <= at]
    return {day for pos, day in day_mentions(text)
            if not _BASELINE_BEFORE.search(folded[max(0, pos - 40):pos])
            and not any(a <= pos < b for a, b in contrast)}


def table_context(ctx: Evidence, f: Figure) -> tuple[str, str]:
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
