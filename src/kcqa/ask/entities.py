"""Answers that are names, places, dates and document numbers, found in the sentences of
the best passages, with the entity model's confidence."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..extract.figures import years_in
from ..models import Answer, AnswerValue, Chunk, Figure
from ..text.lexicon import (ABBREVIATIONS, ADMIN_UNITS, DOCUMENT_TYPES, HONORIFICS, INDUSTRIAL_ZONES, LOCAL_UNITS,
                            PLACE_DESCRIPTORS, RECORD_NOUNS, SETTLEMENTS)
from ..text import lexicon
from ..text.bodies import body_spans
from ..text.numbers import find_quantities
from ..text.places import find_places
from ..text.vietnamese import capitalised_runs, fold, folded_syllables, is_syllable, sentences, syllables
from .candidates import MIN_COVERAGE, TOP_PASSAGES, Evidence, name_forms, period_ok
from .features import measure_opposed, mentions, names_a_place_asked
from .frame import NOUN_STOP, identifiers_in, name_number_at
from .compose import entity_answer, entity_support, figure_citation, lower_first
from .rank import ENTITY_MODEL, load_ranker


def answer_superlative(ctx: Evidence) -> Answer | None:
    q = ctx.q
    groups: dict[tuple, list[Figure]] = {}
    for f, rank in ctx.passage_figures():
        if not f.entity or not period_ok(ctx, f):
            continue
        if q.unit_kind == "money" and fold(f.unit) not in lexicon.MONEY_UNITS_FOLDED:
            continue
        if q.unit_kind == "percent" and f.unit != "%":
            continue
        key = (f.doc, f.table, f.col) if f.table is not None else (f.doc, f.sentence_start)
        groups.setdefault(key, []).append(f)
    best_group, best_score = None, 0.0
    for key, figs in groups.items():
        units = {f.unit for f in figs}
        if len(figs) < 2 or len(units) > 1 or len({fold(f.entity).lower() for f in figs}) < 2:
            continue        # (one province's figures, "Bình Dương … xuất siêu 8,13 tỷ USD … xuất khẩu đạt 28,97 tỷ
            #                 USD", rank no provinces)
        if measure_opposed(q.measures, figs[0].sentence):
            continue        # "… dẫn đầu về xuất khẩu?" is not ranked by "kim ngạch nhập khẩu cao nhất … là …"
        cov = ctx.coverage(figs[0].sentence + " " + ctx.doc_title(figs[0].doc) + " " + figs[0].measure)
        score = cov + 0.1 * min(len(figs), 5)
        if cov >= MIN_COVERAGE * 0.8 and score > best_score:
            best_group, best_score = figs, score
    if not best_group or not _ranks_this_way(best_group, q.superlative):
        return None
    pick = (max if q.superlative == "max" else min)(best_group, key=lambda f: f.value)
    asked, whose = fold(q.text).lower(), fold(pick.entity).lower()
    if mentions(asked, whose) and len(q.places) < 2:
        return None      # "Dự án … giúp Bắc Ninh dẫn đầu … là của nhà đầu tư nước nào?": not the one it names
    a_country = whose in lexicon.COUNTRIES_FOLDED
    if _COUNTRY_ASKED.search(asked) and not a_country:
        return None      # "nước nào", "quốc gia nào": a country, not a province's figure
    if _NO_PLACE_ASKED.search(asked) and (a_country or find_places(pick.entity)):
        return None      # "chỉ số chứng khoán nào", "công ty nào": not a province's or a country's figure
    word = "cao nhất" if q.superlative == "max" else "thấp nhất"
    cit = figure_citation(ctx, pick, pick.start, pick.end)
    period = pick.period if pick.period and all(d in cit.text for d in re.findall(r"\d+", pick.period)) else ""
    text = (f"{pick.entity} ({pick.text}) — {word} trong các đối tượng mà hồ sơ nêu số liệu"
            f"{' ' + lower_first(period) if period else ''}.")
    value = AnswerValue(text=pick.entity, value=pick.value, unit=pick.unit, qualifier=pick.qualifier,
                        entity=pick.entity, measure=pick.measure or None, period=pick.period or None)
    return Answer(question="", status="answered", text=text, value=value, citations=[cit])


def answer_superlative_in_words(ctx: Evidence) -> Answer | None:
    """No figures to rank: the record may say which in words ("Mỹ là thị trường tiêu thụ lớn
    nhất" answers "Thị trường tiêu thụ lớn nhất … là nước nào?"), as a name asked by its noun."""
    ans = answer_named(ctx, said=_SUPERLATIVE_SAID)
    if ans is not None and _COUNTRY_ASKED.search(fold(ctx.q.text).lower()) \
            and fold(ans.value.text if ans.value else "").lower() not in lexicon.COUNTRIES_FOLDED:
        return None                       # "nước nào" is a country's name
    return ans


_COUNTRY_ASKED = re.compile(r"\b(?:nuoc|quoc gia)\s+nao\b")
# a sentence that says which is first: "… là địa phương xuất siêu lớn nhất", "… dẫn đầu cả nước" (folded;
# not "lớn thứ 2")
_SUPERLATIVE_SAID = re.compile(r"\b(?:nhat|dan dau)\b")
_NO_PLACE_ASKED = re.compile(r"\b(?:chi so|cong ty|ngan hang|doanh nghiep|tap doan|san pham|mat hang|thuong hieu|"
                             r"du an|nha may)(?:\s+[a-z]+){0,3}?\s+nao\b")


# "một số địa phương bố trí nguồn ngân sách cao … là: A (…), B (…)…": a selection, of the highest
_SELECTION = re.compile(r"\b(mot so|tieu bieu|dien hinh|noi bat|nhu(?! sau))\b")
_HIGH = re.compile(r"\b(cao|nhieu|lon|dan dau|manh)\b")
_LOW = re.compile(r"\b(thap|it|nho|cham)\b")


def _ranks_this_way(figs: list[Figure], way: str | None) -> bool:
    """A list the record introduces as a selection ranks only the way it was selected: the
    lowest of "một số địa phương bố trí … cao" is not the lowest province."""
    first = min(figs, key=lambda f: f.start)
    lead = fold(first.sentence[max(0, first.start - first.sentence_start - 200):first.start - first.sentence_start])
    if not _SELECTION.search(lead):
        return True
    return bool((_HIGH if way == "max" else _LOW).search(lead))


def _names_identifier(ctx: Evidence, text: str) -> bool:
    """A name or date about "tổ máy 3" must come from a sentence that says "tổ máy 3" (so
    never from one about "tổ máy 2" alone)."""
    found = set(identifiers_in(fold(text), [kind for kind, _ in ctx.q.identifiers], text))
    return all(i in found for i in ctx.q.identifiers)


def _names_quantities(asked: set[str], text: str) -> bool:
    """"Công ty nào cung cấp xăng dầu cho 40 cửa hàng?": the name comes from a sentence that
    writes 40, not from the list's next item ("… Hưng Yên: Hiện không cung cấp …"). Any number
    of the sentence will do ("Hội nghị … 11" is "lần thứ 11")."""
    return not asked or asked <= set(_NUMBER.findall(text))


_NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")


def _sentence_candidates(ctx: Evidence, top: int = 4):
    """Sentences of the top passages, each with its coverage of the question."""
    out = []
    asked = {ctx.q.text[q.number_start:q.number_end] for q in find_quantities(ctx.q.text)}
    named = {fold(w) for w, _ in ctx.q.places} | set(ctx.q.names)
    asked_places = ctx.q.place_names()
    documents = documents_named(ctx.q.text)
    # "Hội nghị … năm 2023 được tổ chức ở đâu?": the year names which of the yearly events
    event_year = bool(ctx.q.years) and bool(lexicon.EVENT_NOUN_FOLDED.search(fold(ctx.q.text).lower()))
    for rank, p in enumerate(ctx.passages[:top]):
        c = p.chunk
        if documents and not ctx.doc_mentions(c.doc, documents):
            continue         # a document the question names by number is a slot: a record never citing it says nothing of it
        for s, e in sentences(c.text):
            text = c.text[s:e]
            if not _names_identifier(ctx, text) or not _names_quantities(asked, text):
                continue
            if ctx.funding and (said := lexicon.funding_named(fold(text).lower())) and not said & ctx.funding:
                continue         # "Đề án Khuyến công địa phương" says nothing of khuyến công quốc gia
            if asked_places:
                # a province the question names is a slot: a sentence about other provinces only is
                # never its evidence ("An Giang mới … đặt tại tỉnh nào?" is not answered by Cần Thơ's merger)
                here = {fold(pl.name) for _, _, pl in find_places(text)}
                if here and not here & asked_places:
                    continue
                if not here and ctx.record_of_another(c.doc, asked_places):
                    continue                   # nor a sentence naming none, in another province's record
            if event_year and not years_in(text) & ctx.q.years \
                    and (dated := ctx.doc_years(c.doc)) and not dated & ctx.q.years:
                continue         # an event's year is a slot: in a record of another year, a sentence not of the year asked is not it
            cov = ctx.coverage(text + " " + p.title)
            # coverage leaves the question's places out; a sentence that names one is about it
            n_named = sum(1 for n in named if mentions(fold(text), n))
            if n_named:
                cov += 0.2
            out.append((cov - 0.05 * rank, c, s, e, text, n_named))
    # of sentences that cover the question alike, the one naming more of what it names ("cửa khẩu Xín
    # Mần … Trung Quốc" over "cửa khẩu Săm Pun … Trung Quốc")
    out.sort(key=lambda x: (-x[0], -x[5]))
    return [x[:5] for x in out]


_NOT_PERSON = {w.lower() for w in (
    "Bộ", "Sở", "Cục", "Công", "Thương", "Trung", "Ủy", "Ban", "UBND", "HĐND", "HĐQT", "Tỉnh", "Thành", "Phố",
    "Hội", "Nghị", "Chính", "Phủ", "Nhà", "Nước", "Đảng", "Tập", "Đoàn", "Ngân", "Hàng", "Trưởng", "Thứ",
    "Giám", "Đốc", "Chủ", "Tịch", "Phó", "Khuyến", "Lãnh", "Đạo", "Đại", "Diện", "Dịp", "Tại", "Theo", "Với",
    "Từ", "Các", "Tổng", "Viện", "Trường", "Sau", "Trong", "Năm", "Tháng", "Ngày", "Điều", "Khoản", "Xã", "Phường",
    "Huyện", "Quận", "Thị", "TP", "TPHCM", "Mặt", "Trận", "Tổ", "Group", "Bank", "Công ty",
    # places of trade and industry named by their kind ("Chợ Kbang", "Khu công nghiệp …")
    "Chợ", "Siêu", "Khu", "Cụm", "Làng", "Cảng", "Sân", "Điện", "Hợp", "Quỹ")}


_HONORIFIC = {w.lower() for w in ("Ông", "Bà", "Anh", "Chị", "Đồng", "chí", "Đ/c", "TS", "ThS", "PGS", "GS", "Luật", "sư")}


def _lead_before_name(words: list[str]) -> int:
    """How many words of a capitalised run come before a personal name in it: an agency
    ("GTVT", "Bộ Công Thương") or a place ("Hưng Yên") then a family name; 0 when none do."""
    from ..text.lexicon import FAMILY_NAMES
    places = find_places(" ".join(words))
    starts = {len(" ".join(words[:i])) + (i > 0): i for i in range(len(words))}
    for k in range(1, len(words) - 1):
        if fold(words[k]) not in FAMILY_NAMES:
            continue
        at = len(" ".join(words[:k])) + 1
        if any(a <= at < b for a, b, _ in places):
            continue                 # "Ninh" of "Ninh Thuận", "Hà" of "Hà Tĩnh", "Định" (folded "Đinh")
            #                          of "Nam Định": a place, not a family
        if k == 1 and fold(words[0]) in FAMILY_NAMES and not words[0].isupper() and len(words) <= 4:
            return 0                 # "Đoàn Văn Hiểu Em": the family name, whatever "Đoàn" also means
        lead = words[:k]
        # "Sở Công Thương Ninh Thuận Võ Đình Vinh": an agency, then its place, then the name
        agency_end = next((starts[a] for a, b, _ in places if b == at - 1 and a in starts), k)
        if all((w.isupper() and len(w) > 1) or w.lower() in _NOT_PERSON for w in lead[:agency_end]):
            return k                 # "GTVT", "Bộ Công Thương", "UBND", "Sở Công Thương Ninh Thuận"
        return 0
    return 0


def _unhyphenated(runs: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Runs cut where a hyphen joins a title to the words before it without spaces: "Ông Dương
    Đình Kiệt-Giám đốc Công ty …" is a name, then a title ("Trung-Tây Nguyên" stays whole)."""
    out = []
    for s, e in runs:
        for m in re.finditer(r"(?<=\w)-(?=\w)", text[s:e]):
            if _TITLE_WORD.match(text, s + m.end()):
                out.append((s, s + m.start()))
                s += m.end()
        out.append((s, e))
    return out


# a photograph's credit ("(Ảnh: Quang An)", "(Ảnh minh họa: AI/Trần Thường)", "Ảnh: TTXVN" ending its line):
# the names in it took the photograph, and answer nothing the record reports
_PHOTO_CREDIT = re.compile(r"\(\s*ảnh(?:\s+minh\s+họa|\s+minh\s+hoạ)?\s*:[^)\n]*\)?|(?<!\w)ảnh(?:\s+minh\s+họa|\s+minh\s+hoạ)?\s*:[^\n.]*$",
                           re.IGNORECASE | re.MULTILINE)


def _photo_credits(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PHOTO_CREDIT.finditer(text)]


def _within_any(spans: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


# the first two syllables of a title, lower case ("bí thư", "giám đốc"): written after a name with
# only its first capital, it is no part of the name
_TITLE_OPENINGS = {" ".join(t.lower().split()[:2]) for t in lexicon.TITLES if len(t.split()) >= 2}


def _person_names(text: str) -> list[tuple[int, int]]:
    """Personal names: 2–4 capitalised syllables, honorifics stripped; a run that starts with
    a family name is a name, any other must hold no title or agency word."""
    from ..text.lexicon import FAMILY_NAMES
    out = []
    credits = _photo_credits(text)
    for s, e in _unhyphenated(capitalised_runs(text), text):
        if _within_any(credits, (s, e)):
            continue
        words = text[s:e].split()
        while words and words[0].rstrip(".").lower() in _HONORIFIC:
            s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
            words = words[1:]
        lead = _lead_before_name(words)
        if lead:
            # "Chủ tịch UBND tỉnh Hưng Yên Nguyễn Văn Phóng", "Bộ trưởng GTVT Nguyễn Văn Thể": the
            # title's agency or place runs into the name; the name starts at its family name
            for w in words[:lead]:
                s = text.index(w, s) + len(w)
            s = text.index(words[lead], s)
            words = words[lead:]
        after = _RUN_WORD.match(text, e)
        if len(words) > 2 and after and f"{words[-1]} {after.group(1)}".lower() in _TITLE_OPENINGS:
            # "ông Trần Đức Thắng Bí thư Tỉnh ủy": a title written without a comma opens after the name
            e = len(text[:text.rindex(words[-1], s, e)].rstrip())
            words = words[:-1]
        if not 2 <= len(words) <= 4 or "-" in text[s:e] or fold(" ".join(words)) == "viet nam":
            continue
        if any(w.isupper() and len(w) > 1 for w in words):
            continue
        # "Đoàn Văn Hiểu Em": a family name that is also an agency word, before a middle name
        family = fold(words[0]) in FAMILY_NAMES and (words[0].lower() not in _NOT_PERSON
                                                     or len(words) >= 3 and fold(words[1]) in ("van", "thi"))
        if family or not any(w.lower() in _NOT_PERSON for w in words):
            out.append((s, e))
    return out


def _scored(ans: Answer, coverage: float, ctx: Evidence | None = None, **signals: float) -> Answer:
    if ctx is not None:
        entity_support(ctx, ans)
    return _confidence(ans, coverage, ctx, **signals)


def _confidence(ans: Answer, coverage: float, ctx: Evidence | None = None, **signals: float) -> Answer:
    """An entity answer's confidence: the entity model's probability (entity_ranker.json,
    trained like the figure ranker) over how the answer was found; its threshold is chosen
    on the dev split like the figures'."""
    ans.kind = "entity"
    kind = ctx.q.kind if ctx is not None else ""
    cited = fold(ans.citations[0].text) if ans.citations else ""
    names = list(ctx.q.names) if ctx is not None else []
    x = {"support": float(len(ans.citations) - 1), "names_asked": float(bool(names)),
         "name_in_sentence": float(any(mentions(cited, n) for n in names)),
         "coverage": coverage, "kind_who": float(kind == "who"), "kind_place": float(kind == "place"),
         "kind_named": float(kind == "named"), "kind_when": float(kind == "when"),
         "diacritics": float(ctx is not None and ctx.q.typed_marks), **signals}
    ans.features = x
    model = load_ranker(ENTITY_MODEL)
    ans.confidence = round(model.probability(x), 4)
    return ans


# units of administration and settlement, villages included ("bản Khoang", "thôn 3", "ấp Tân Lập")
# (with what a record may write before the name: "huyện biên giới Ngọc Hồi")
_DESCRIBED = r"(?:\s+(?:" + "|".join(PLACE_DESCRIPTORS) + r"))?"
_TYPE_NOUN = re.compile(r"(?<!\w)(?P<noun>" + "|".join(ADMIN_UNITS + SETTLEMENTS + INDUSTRIAL_ZONES) + r"|(?<!văn )(?<!phiên )bản|"
                        r"khu phố|tổ dân phố|TP\.?|Tp\.?)" + _DESCRIBED + r"\s+$", re.IGNORECASE)


def _with_type_noun(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """"xã Xuân An", not "Xuân An": the unit's own name includes its type."""
    m = _TYPE_NOUN.search(text[:span[0]])
    if not m:
        return span
    num = re.match(r"\s+\d+(?![\w.,/])", text[span[1]:])      # "xã Sơn Kim 1", "phường 12"
    return m.start(), span[1] + (num.end() if num else 0)


# "Những xã nào …?", "các phường nào", "gồm những đơn vị nào": the question asks for all of them
_ASKS_SEVERAL = re.compile(r"\b(?:nhung|cac)\s+(?:\w+\s+){0,3}nao\b|\bgom nhung\b")
_UNIT_NOUNS = "(?:" + "|".join(ADMIN_UNITS) + ")"
_UNIT_FOLDED = {fold(u) for u in ADMIN_UNITS}
# between two items of a list of names: ", ", " và ", ", các xã ", " và xã "
_ITEM_GAP = re.compile(rf"\s*(?:,\s*(?:và\s+)?|\s+và\s+)(?:(?:các\s+)?{_UNIT_NOUNS}\s+)?", re.IGNORECASE)
# what an item may carry after its name: a number ("Sơn Kim 1"), a bracket ("Ia O (huyện Ia Grai)")
_ITEM_TAIL = re.compile(r"(?:\s+\d+(?![\w/]|[.,]\d))?(?:\s*\([^()\n]{0,60}\))?")


def _enumeration(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The whole list of names the span is one item of ("xã Tam Hải và xã Tân Hiệp", "các xã
    Ea H'Leo, Ea Trang, …, Vụ Bổn"): a question asking "những xã nào" wants every one."""
    ends: list[tuple[int, int]] = []
    for a, b in capitalised_runs(text):
        if ends and a < ends[-1][1] or text[a:b] in _KIND_ONLY:
            continue                 # a name inside the bracket of the item before; "3 CCN (…)" names none
        ends.append((a, _ITEM_TAIL.match(text, b).end()))
    i = next((k for k, (a, b) in enumerate(ends) if a <= span[0] < b or span[0] <= a < span[1]), None)
    if i is None:
        return span
    first = last = i
    while first > 0 and _ITEM_GAP.fullmatch(text[ends[first - 1][1]:ends[first][0]]):
        first -= 1
    while last + 1 < len(ends) and _ITEM_GAP.fullmatch(text[ends[last][1]:ends[last + 1][0]]):
        last += 1
    if first == last:
        return span
    return min(span[0], ends[first][0]), max(span[1], ends[last][1])


def _another_unit(text: str, run: tuple[int, int], noun: str) -> bool:
    """"Những xã nào …?" is not answered by "phường Dương Nỗ": the name's own type noun is another
    unit, and no name of the list it heads is of the unit asked ("phường Tân Lộc, các xã …" is)."""
    asked = re.sub(r"^(?:nhung|cac)\s+", "", fold(noun))
    if asked not in _UNIT_FOLDED or _unit_before(text, run[0]) in (None, asked):
        return False
    a, b = _enumeration(text, run)
    return not any(_unit_before(text, r[0]) == asked for r in capitalised_runs(text) if a <= r[0] < b)


def _unit_before(text: str, pos: int) -> str | None:
    m = _TYPE_NOUN.search(text[:pos])
    unit = fold(m.group("noun")) if m else None
    return unit if unit in _UNIT_FOLDED else None


def asks_several(q) -> bool:
    """"Những xã nào …?": a list of names is asked, never a figure."""
    return bool(_ASKS_SEVERAL.search(fold(q.text)))


def _whole_answer(ctx: Evidence, text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The name with its type noun and its number, and the whole list when the question asks
    for several."""
    typed = _with_type_noun(text, span)
    whole = _with_number(text, typed)
    if asks_several(ctx.q):
        return _enumeration(text, whole)
    return _with_enclosing(text, whole) if typed[0] < span[0] else whole      # a unit, with its type noun


# a larger unit written right after a unit's name: ", xã Phình Giàng, huyện Điện Biên Đông"
_ENCLOSING = re.compile(r",\s*(?:" + "|".join(ADMIN_UNITS) + r")\s+(?=[A-ZĐÀ-Ỹ])", re.IGNORECASE)


def _with_enclosing(text: str, span: tuple[int, int], enclosing: re.Pattern = _ENCLOSING) -> tuple[int, int]:
    """"bản Phì Cao, xã Phình Giàng, huyện Điện Biên Đông": a unit's name with the larger units
    the record writes after it, as a location is written (the name alone is still inside it)."""
    end = span[1]
    while (m := enclosing.match(text, end)) and (run := next((r for r in capitalised_runs(text)
                                                               if r[0] == m.end()), None)):
        end = run[1]
    return span[0], end


def _with_number(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """"Nhiệt điện Vũng Áng 1", "Nghi Sơn 2", "Công ty … Cà phê 721": the name with its own number."""
    m = name_number_at(text, span[1])
    return (span[0], m.end()) if m else span


def _unit_names(text: str) -> list[tuple[int, int]]:
    """Names of communes, wards, districts: after their type noun, and the lists they head
    ("xã Hồ Thị Kỷ", "các xã Ea H'Leo, Ea Trang"). Named after people, they are still places."""
    out = []
    for a, b in capitalised_runs(text):
        if not _LOCAL_UNIT.search(text[:a]):
            continue
        words = text[a:b].split()
        lead = _lead_before_name(words)      # "… huyện Ba Vì Nguyễn Văn A": the unit ends at the name
        if lead:
            b = text.index(words[lead - 1], a) + len(words[lead - 1])
        out.append(_enumeration(text, (a, b)))
    return out


# below the province: its own name may be a person's ("xã Hồ Thị Kỷ"); a province's never runs
# into a title's holder unnoticed ("Chủ tịch UBND tỉnh Hưng Yên Nguyễn Văn Phóng"). A city's may
# ("Thành phố Sầm Sơn"): the provinces' own are found by name, the others only by their type.
_LOCAL_UNIT = re.compile(r"(?<!\w)(?:" + "|".join(LOCAL_UNITS + SETTLEMENTS + ("thành phố", r"TP\.?")) + r")"
                         + _DESCRIBED + r"\s+$", re.IGNORECASE)


def _choices(spans: list[tuple[int, int]], answer: tuple[int, int]) -> int:
    """How many names the answer was chosen from: the items of a list answered whole are one."""
    return 1 + sum(1 for a, b in spans if not (answer[0] <= a and b <= answer[1]))


def _in_question(ctx: Evidence, text: str) -> bool:
    return fold(text) in fold(ctx.q.text)


def _title_anchors(text: str, title: str, own_province: bool = False) -> list[tuple[int, int]]:
    """Where the exact title stands in a sentence ("Chủ tịch HĐQT", not "Phó Chủ tịch HĐQT").
    In a record of the province the title names (`own_province`), the title may stand without
    it, as a province's own records write it ("… được điều động giữ chức Giám đốc Sở Công
    Thương, thay ông …"), but not before another place ("Giám đốc Sở Công Thương Nghệ An")."""
    ft, fl = fold(text), fold(title)
    pattern = re.escape(fl)
    for forms in _ABBREVIATED:
        # "Chủ tịch UBND tỉnh Tuyên Quang" stands as "Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang"
        for form in forms:
            if re.search(rf"(?<!\w){re.escape(re.escape(form))}(?!\w)", pattern):
                either = "(?:" + "|".join(re.escape(f) for f in forms) + ")"
                pattern = re.sub(rf"(?<!\w){re.escape(re.escape(form))}(?!\w)", lambda _: either, pattern, count=1)
                break
    for _, _, place in find_places(title):
        # "Phó Giám đốc Sở Công Thương Kiên Giang" stands as "… Sở Công Thương tỉnh Kiên Giang"
        name = re.escape(fold(place.name))
        placed = rf"(?:(?:tinh|thanh pho|tp\.?)\s+)?{name}"
        at = pattern.rfind(name)
        if own_province and at > 0 and pattern.endswith(name):
            # the place closes the title: it may be left out (with the type noun before it)
            head = re.sub(r"(?:\\ (?:tinh|thanh\\ pho|tp\\.?))?\\ $", "", pattern[:at])
            pattern = head + rf"(?:\s+{placed})?"
            continue
        pattern = pattern.replace(name, placed, 1)
    out = []
    for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", ft):
        if ft[:m.start()].rstrip().endswith("pho"):
            continue
        if own_province and _place_right_after(text, m.end()):
            continue                   # "Giám đốc Sở Công Thương Nghệ An": another province's
        out.append((m.start(), m.end()))
    return out


def _anchors_in(ctx: Evidence, chunk: Chunk, text: str, title: str) -> list[tuple[int, int]]:
    """The title asked in a sentence: whole, or without its province in that province's record."""
    names = ctx.q.place_names() if find_places(title) else set()
    return _title_anchors(text, title) or (
        _title_anchors(text, title, own_province=True) if names and ctx.doc_about(chunk.doc, names) else [])


def _place_right_after(text: str, pos: int) -> bool:
    """Whether a province is written right after `pos` ("… Sở Công Thương Nghệ An", "…, tỉnh Nghệ An")."""
    gap = re.match(r"\s*(?:,\s*)?(?:(?:tỉnh|thành phố|TP\.?)\s*)?", text[pos:], re.IGNORECASE)
    return any(a == gap.end() for a, _, _ in find_places(text[pos:pos + 60]))


_ABBREVIATED = [sorted({fold(f) for f in forms}, key=len, reverse=True) for forms in ABBREVIATIONS]


# "Ai ký nghị quyết …?": an official record is signed at its foot, under a title in capitals
_ASKS_SIGNER = re.compile(r"\b(?:ai|nguoi nao)\s+(?:da\s+)?ky\b|\bnguoi ky\b")
_SIGNING_TITLE = re.compile(r"(?<!\w)(?:TM\.|T/M|KT\.|Q\.|CHỦ TỊCH|TỔNG BÍ THƯ|BÍ THƯ|BỘ TRƯỞNG|THỦ TƯỚNG|"
                            r"GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CHÁNH ÁN|VIỆN TRƯỞNG)(?!\w)")


def answer_signer(ctx: Evidence) -> Answer | None:
    """The signer of the record the question is about: the first personal name after the
    signing title in the last passage that has one (a record may end with an appendix after its
    signature; the name may open the next passage), a name of a family, not a commune ("xã Hồ
    Thị Kỷ")."""
    docs = list(dict.fromkeys(p.chunk.doc for p in ctx.passages))
    words = [w for w in ctx.content if w not in _SIGNER_WORDS]
    for doc in docs[:2]:
        # the record must be the one asked about: its title and opening say what the question does
        chunks = ctx.chunks_of(doc)
        cov = ctx.coverage(ctx.doc_title(doc) + " " + chunks[0].text, words) if chunks else 0.0
        if cov < SIGNED_RECORD_COVERAGE:
            continue
        for i in range(len(chunks) - 1, -1, -1):
            title = _SIGNING_TITLE.search(chunks[i].text)
            if not title:
                continue
            places = [(chunks[i], title.end())] + ([(chunks[i + 1], 0)] if i + 1 < len(chunks) else [])
            for chunk, after in places:
                name = _family_name_after(chunk.text, after)
                if name:
                    a, b = name
                    s = title.start() if chunk is chunks[i] else chunk.text.rfind("\n", 0, a) + 1
                    ans = entity_answer(ctx, chunk, s, b, (a - s, b - s), "{x} (người ký).")
                    return _scored(ans, cov, ctx, anchored=1.0, n_names=1.0, title_asked=0.0)
            break                    # the last signing title has no name after it: not a signature
    return None


def _family_name_after(text: str, pos: int) -> tuple[int, int] | None:
    """A signature's name: of a family, ending its line ("… Tô Lâm**"; in "- Lưu Văn phòng
    Trung ương" the words run on)."""
    from ..text.lexicon import FAMILY_NAMES
    units = _unit_names(text)
    for a, b in _person_names(text):
        if a >= pos and fold(text[a:b].split()[0]) in FAMILY_NAMES and not any(u <= a and b <= v for u, v in units) \
                and _LINE_END.match(text, b):
            return a, b
    return None


_LINE_END = re.compile(r"[*_\\\s|]*(?:\n|$)")
_SIGNER_WORDS = {"ai", "ky", "nguoi", "nao", "da"}
SIGNED_RECORD_COVERAGE = 0.8


_COMPASS_WORDS = {"Đông", "Tây", "Nam", "Bắc"}       # "phía Tây Nam": where, no one's name


# "<who> là ai?": what the question says the person is (folded, up to three words before "là ai")
_SAID_TO_BE_ASKED = re.compile(r"((?:\w+ ){0,2}\w+) la ai\b")


def _said_to_be(ctx: Evidence, cands) -> Answer | None:
    """"Chủ cơ sở là ai?" is answered where a sentence says the same of a person: "chủ cơ sở là
    ông Nguyễn Văn Khương", however well other sentences cover the question's words."""
    m = _SAID_TO_BE_ASKED.search(fold(ctx.q.text).lower())
    places = {w for p in ctx.q.place_names() for w in p.lower().split()}
    words = [w for w in (m.group(1).split() if m else []) if w not in places]
    if len(words) < 2:
        return None
    said = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"\s+la\s+(?:(?:ong|ba|anh|chi|dong chi)\s+)?")
    for cov, chunk, s, e, text in cands:
        if cov < MIN_COVERAGE * 0.8:
            continue
        names = _person_names(text)
        for hit in said.finditer(fold(text).lower()):
            name = next((n for n in names if n[0] == hit.end()
                         and fold(text[n[0]:n[1]].split()[0]) in lexicon.FAMILY_NAMES), None)
            if name:
                return _scored(entity_answer(ctx, chunk, s, e, name, "{x}."), cov, ctx,
                               anchored=1.0, n_names=1.0, bound=1.0)
    return None


# roles an organisation holds, asked by "ai" ("Ai làm chủ đầu tư …?", "Chủ đầu tư … là ai?") (folded)
_BODY_ROLE_ASKED = re.compile(r"(?<!\w)(chu dau tu|nha thau(?: thi cong)?|don vi thi cong|nha tai tro)(?!\w)")


def _body_in_the_role_asked(ctx: Evidence, cands) -> Answer | None:
    """"Chủ đầu tư hạ tầng … là ai?" of "chủ đầu tư xây dựng hạ tầng kỹ thuật là Công ty Cổ phần Đầu tư
    hạ tầng Kim Long", "… do CTCP Năng lượng Tái tạo Vĩnh Châu - TDC làm chủ đầu tư": a body said to
    hold the role asked, in a sentence naming what the question names (a place in the company's name
    had been answered as the person)."""
    role = _BODY_ROLE_ASKED.search(fold(ctx.q.text).lower())
    if role is None:
        return None
    named = [fold(n).lower() for n in ctx.q.names]
    held = re.compile(rf"(?<!\w){role.group(1)}(?!\w)[^.;]{{0,60}}\sla\s*$")
    holds = re.compile(rf"\s*(?:(?:lam|la)\s+)?{role.group(1)}(?!\w)")
    for cov, chunk, s, e, text in cands:
        ft = fold(text).lower()
        # (what the question names, in this sentence or the one it goes on from: "Cụm công nghiệp Minh Hải
        # 2 … . Tổng mức đầu tư …; chủ đầu tư … là Công ty …")
        before = sentences(chunk.text[:s])
        said = ft + " " + (fold(chunk.text[before[-1][0]:before[-1][1]]).lower() if before else "")
        if cov < MIN_COVERAGE * 0.8 or not all(any(mentions(said, f) for f in name_forms(n)) for n in named):
            continue
        for a, b in body_spans(text):
            if held.search(ft[max(0, a - 90):a]) or holds.match(ft, b):
                return _scored(entity_answer(ctx, chunk, s, e, (a, b), "{x}."), cov, ctx,
                               anchored=1.0, n_names=1.0, bound=1.0)
    return None


def answer_who(ctx: Evidence) -> Answer | None:
    """A person: in a sentence that holds the exact title asked about, the name next to it."""
    asked = fold(ctx.q.text)
    signer = _ASKS_SIGNER.search(asked) and any(mentions(asked, fold(t)) for t in RECORD_NOUNS)
    if signer:
        signed = answer_signer(ctx)    # "ký nghị quyết": a record's signer; "ký lệnh phong tỏa" is told in prose
        if signed is not None:
            return signed
    title = ctx.q.title_phrase
    cands = _sentence_candidates(ctx, top=TOP_PASSAGES)
    if signer:
        # no signature: a report may tell who signed it ("… Nguyễn Mạnh Quyền vừa ký ban hành
        # Quyết định số 2982/QĐ-UBND …"), in a sentence that says "ký"
        cands = [c for c in cands if mentions(fold(c[4]), "ky")]
    if title:
        cands = sorted(cands, key=lambda c: (not _anchors_in(ctx, c[1], c[4], title), -c[0]))
    elif not signer:
        said = _said_to_be(ctx, cands) or _body_in_the_role_asked(ctx, cands)
        if said is not None:
            return said
    for cov, chunk, s, e, text in cands:
        if cov < MIN_COVERAGE * 0.8:
            continue
        anchors = _anchors_in(ctx, chunk, text, title) if title else []
        if title and not anchors and re.search(rf"(?<!\w)pho\s+{re.escape(fold(title).lower())}(?!\w)", fold(text).lower()):
            continue        # "bổ nhiệm lại Phó Giám đốc Sở … cho bà …": the deputy, not the head asked
        # a place is no person, also where it is written with its type ("UBND tỉnh Tây Ninh")
        not_people = [(a, b) for a, b, _ in find_places(text)] + _unit_names(text) + \
            [(a, b) for a, b, _ in lexicon.country_spans(text)] + \
            lexicon.region_spans(text)                                   # nor a country ("Hàn Quốc"), a region
        # (nor a part of a company's name that opens with no family name: "CTCP Năng lượng Tái tạo Vĩnh
        # Châu - TDC" holds no "Vĩnh Châu")
        bodies = body_spans(text)
        names = [n for n in _person_names(text) if not _in_question(ctx, text[n[0]:n[1]])
                 and not set(text[n[0]:n[1]].split()) <= _COMPASS_WORDS             # "phía Tây Nam"
                 and not any(a <= n[0] and n[1] <= b for a, b in not_people)
                 and not (fold(text[n[0]:n[1]].split()[0]) not in lexicon.FAMILY_NAMES
                          and any(a < n[0] and n[1] <= b for a, b in bodies))]
        if signer:
            names = [n for n in names if fold(text[n[0]:n[1]].split()[0]) in lexicon.FAMILY_NAMES]   # who signs is a person
        appointed = replaced = None
        if anchors:
            a0 = anchors[0]
            # "A - Thứ trưởng …; B - Cục trưởng …": a title binds the name of its own segment
            seg_start = max(text.rfind(";", 0, a0[0]), text.rfind("\n", 0, a0[0])) + 1
            seg_end = min([i for i in (text.find(";", a0[1]), text.find("\n", a0[1])) if i >= 0] or [len(text)])
            if not _ASKS_PREDECESSOR.search(asked):
                # "… giữ chức Giám đốc Sở Công Thương, thay ông Trần Anh Chung": who held it before
                names = [n for n in names if not _REPLACED_BEFORE.search(text, max(0, n[0] - 25), n[0])]
            if not _ASKS_PREDECESSOR.search(asked):
                appointed = _appointed_to(text, _person_names(text), a0, seg_start)
            else:
                # "… giữ chức Giám đốc Sở Công Thương, thay ông Trần Minh Đức": the post's holder before
                replaced = next((n for n in names if n[0] > a0[1] and n[0] - a0[1] <= 40
                                 and _REPLACED_BEFORE.search(text, max(0, n[0] - 25), n[0])), None)
            dist = lambda n: min(abs(n[0] - a0[1]), abs(a0[0] - n[1]))  # noqa: E731
            names = [n for n in names if (dist(n) <= 90 or n == appointed) and seg_start <= n[0] and n[1] <= seg_end]
            names.sort(key=lambda n: (n != (appointed or replaced), dist(n)))
        else:
            # no title to bind a name: a person's name opens with a family name ("đồng chí Nguyễn
            # Xuân Phúc"), where a capitalised run of another kind may not ("Trung tâm Hội nghị FLC")
            names.sort(key=lambda n: fold(text[n[0]:n[1]].split()[0]) not in lexicon.FAMILY_NAMES)
            names = _of_the_segment_of_the_place_asked(ctx, text, names)
        if not names:
            continue
        label = "{x}" + (f" ({title})." if title else ".")
        return _scored(entity_answer(ctx, chunk, s, e, names[0], label), cov, ctx,
                       anchored=float(bool(anchors)), n_names=float(len(names)), title_asked=float(bool(title)),
                       bound=float(bool(anchors) and (names[0] in (appointed, replaced) or _bound(text, names[0], anchors[0]))))
    return None


def _of_the_segment_of_the_place_asked(ctx: Evidence, text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"A ứng cử ở Hà Nội; B ứng cử ở Hải Phòng; …": asked of Hải Phòng, the name of the ';'
    segment that holds the place asked (all the names when no segment, or every one, holds it)."""
    asked = ctx.q.place_names()
    if not asked or ";" not in text:
        return names
    def holds(n: tuple[int, int]) -> bool:
        start = text.rfind(";", 0, n[0]) + 1
        end = text.find(";", n[1])
        return names_a_place_asked(text[start:end if end >= 0 else len(text)], asked)
    kept = [n for n in names if holds(n)]
    return kept if kept and len(kept) < len(names) else names


# "thay ông …", "thay cho bà …": the one a post is taken from, asked only as such ("thay ai?", "người tiền nhiệm")
_REPLACED_BEFORE = re.compile(r"(?<!\w)thay(?:\s+thế)?(?:\s+cho)?\s+(?:(?:ông|bà|đồng chí|đ/c)\s+)?$", re.IGNORECASE)
_ASKS_PREDECESSOR = re.compile(r"\b(?:thay(?: the)?(?: cho)? (?:ai|ong nao|ba nao|nguoi nao)|tien nhiem|truoc do)\b")
# "Ông A, Trưởng Ban …, được điều động, bổ nhiệm giữ chức Giám đốc Sở …": the clause's subject takes the post
_TAKES_THE_POST = re.compile(r"(?<!\w)được\s+(?:(?:điều động|bổ nhiệm|tiếp nhận|phân công|chỉ định|bầu|giao)"
                             r"(?:\s*(?:,|và)\s*|\s+))+(?:lại\s+)?(?:giữ\s+chức(?:\s+vụ)?|làm|đảm nhiệm(?:\s+chức\s+vụ)?|"
                             r"giữ|vào\s+chức|làm\s+chức)?\s*$", re.IGNORECASE)


def _appointed_to(text: str, names: list[tuple[int, int]], title: tuple[int, int], seg_start: int) -> tuple[int, int] | None:
    """The person a passive appointment gives the title to: the first name of the clause that
    ends "được … giữ chức <title>", however long the former titles between them."""
    if not _TAKES_THE_POST.search(text, max(seg_start, title[0] - 60), title[0]):
        return None
    clause_start = max(seg_start, text.rfind(".", 0, title[0]) + 1)
    before = [n for n in names if clause_start <= n[0] and n[1] <= title[0]]
    if before and fold(text[before[0][0]:before[0][1]].split()[0]) in lexicon.FAMILY_NAMES:
        return before[0]                # a person's name, not a place's in a former title ("Khu kinh tế Nghi Sơn")
    return None


# what may stand between a name and its title: honorifics and punctuation
# ("ông Nguyễn Bá Út – Giám đốc Sở …", "Giám đốc Sở …, đồng chí Nguyễn Bá Út")
_BINDING_GAP = re.compile(r"[\s,:;()\-–—]*(?:(?:" + "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
                          + r")\.?(?!\w)[\s,:()\-–—]*)*", re.IGNORECASE)


def _bound(text: str, name: tuple[int, int], title: tuple[int, int]) -> bool:
    """The name is written against its title, nothing between them but honorifics and
    punctuation: the title is that person's, not a neighbour's in a list."""
    a, b = (name[1], title[0]) if name[1] <= title[0] else (title[1], name[0])
    gap = text[a:b]
    for start, end, _ in sorted(find_places(gap), reverse=True):
        gap = gap[:start] + " " + gap[end:]          # "Giám đốc Sở Công Thương tỉnh Đắk Nông – ông …"
    gap = re.sub(r"(?<!\w)(?:tỉnh|thành phố|TP\.?)(?!\w)", " ", gap, flags=re.IGNORECASE)
    return _BINDING_GAP.fullmatch(gap) is not None


def _nearest_to_key(ctx: Evidence, text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Of several candidate spans, the one closest to what the question is about: a name it
    states ("ông Trần Khắc Tâm … tự ứng cử tại Sóc Trăng"), else its rarest word. What
    follows the anchor is preferred (in Vietnamese the predicate follows its subject)."""
    if not spans:
        return None
    # a figure the question states ("… khu công nghiệp nào với vốn hơn 6.000 tỷ đồng?") is said
    # right after the name it belongs to ("Khu công nghiệp công nghệ cao Long Thành hơn 6.000 tỷ đồng")
    stated = [m.start() for n in _NUMBER.findall(ctx.q.text) if not lexicon.ANY_YEAR.fullmatch(n)
              for m in [re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d]|[.,]\d)", text)] if m]
    if stated:
        key = min(stated)

        def before_figure(p):
            gap = key - p[1] if p[1] <= key else 2 * (p[0] - key)
            a, b = sorted((p[1], key)) if p[1] <= key else (key, p[0])
            return abs(gap) + (100 if re.search(r"(?<!\w)và(?!\w)|;", text[a:b]) else 0)
        return min(spans, key=before_figure)
    ft = fold(text)
    named = [m.end() for n in ctx.q.names for m in [re.search(rf"(?<!\w){re.escape(n)}(?!\w)", ft)] if m]
    if named:
        key_pos = min(named)
    else:
        anchors = [(a, fold(w)) for a, b, w in syllables(text) if fold(w) in ctx.content]
        if not anchors:
            return spans[0]
        key_pos = max(anchors, key=lambda x: ctx.weight(x[1]))[0]

    def distance(p):
        a, b = (key_pos, p[0]) if p[0] >= key_pos else (p[1], key_pos)
        apart = b - a if p[0] >= key_pos else 2 * (b - a)
        # another clause ("… tại Nam Định và ông Trần Khắc Tâm …") is further than its characters say
        return apart + (100 if re.search(r"(?<!\w)và(?!\w)|;", text[a:b]) else 0)
    return min(spans, key=lambda p: abs(distance(p)))


# an event's place in its series as a record writes it: "lần thứ IX", "kỳ họp thứ 10", "khóa XV", "lần thứ hai"
_ORDINAL_WORDS = "nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười(?:\\s+\\w+)?"
_ORDINAL_WRITTEN = re.compile(r"(?<!\w)(?:lần|kỳ họp|khóa|khoá|phiên|đợt)\s+(?:thứ\s+)?"
                              r"(?:(?-i:[IVXLC]+)|\d+|(?<=thứ\s)(?:" + _ORDINAL_WORDS + r"))(?!\w)", re.IGNORECASE)


_SERIES_NOUN = re.compile(r"\b(lan|ky hop|khoa|phien|dot)\s+(?:thu\s+)?(?:may|bao nhieu)\b")


def answer_ordinal(ctx: Evidence) -> Answer | None:
    """"… năm 2023 là lần thứ mấy?": the ordinal written with the event in the best sentence
    that covers the question ("Hội nghị … lần thứ IX - năm 2023"), never a count beside it."""
    asked = _SERIES_NOUN.search(fold(ctx.q.text).lower())
    noun = asked.group(1) if asked else ""
    for cov, chunk, s, e, text in _sentence_candidates(ctx):
        if cov < MIN_COVERAGE:
            continue
        # of the series asked: "kỳ họp thứ mấy?" is not answered by the council's "khóa VIII"
        found = [m for m in _ORDINAL_WRITTEN.finditer(text) if fold(m.group()).lower().startswith(noun)]
        if found:
            m = found[0]
            ans = entity_answer(ctx, chunk, s, e, m.span(), "{x}.")
            # its number, as a script reads it: "lần thứ IX" is 9, "lần thứ năm" 5
            last = fold(m.group().split()[-1]).lower()
            number = lexicon.ROMAN.get(last) or lexicon.ordinal_value(last)
            if number:
                ans.value.value = float(number)
            return _scored(ans, cov, ctx, anchored=1.0, n_names=float(len(found)))
    return None


def answer_place(ctx: Evidence) -> Answer | None:
    candidates = [c for c in _sentence_candidates(ctx) if c[0] >= MIN_COVERAGE]
    for cov, chunk, s, e, text in candidates:
        after = _place_after_subject(ctx.q.text, text)
        if after:
            # "HTX măng lục trúc MTQ (thị trấn Trại Cau)", "Nhà máy May Vinatex Cần Thơ tại trung tâm
            # hành chính huyện Vĩnh Thạnh, TP Cần Thơ": where the subject asked is, written right after it
            return _scored(entity_answer(ctx, chunk, s, e, after, "{x}."), cov, ctx, n_names=1.0)
    mentioned = None       # the first answer that is a place the sentence only mentions
    rank = _RANK_ASKED.search(fold(ctx.q.text).lower())
    rank_asked = lexicon.ordinal_value(rank.group(1)) if rank else None
    for cov, chunk, s, e, text in candidates:
        if mentioned and cov < mentioned[0] - _NEAR_BEST:
            break
        weak = False
        spans = []
        for a, b, place in find_places(text):
            if _in_question(ctx, place.name) or _in_question(ctx, text[a:b]):
                continue
            if _IN_A_FIRMS_NAME.search(text, max(0, a - 80), a):
                continue                   # "Công ty Cổ phần Chè Thái Bình Lạng Sơn": a firm's name, no place
            i = text.find(place.name, a, b + 1)
            spans.append((i, i + len(place.name)) if i >= 0 else (a, b))
        venues = {}
        if _ASKS_WHERE.search(fold(ctx.q.text)) and _event_only_a_topic(ctx.q.text, text):
            continue
        if _ASKS_WHERE.search(fold(ctx.q.text)):
            # a town the gazetteer does not hold, typed after "tại" ("tại TP. Phan Rang - Tháp Chàm, …
            # Sở Công thương tỉnh Ninh Thuận tổ chức …"): the province of a body had been answered
            spans += [sp for sp in _typed_towns_at(text)
                      if not _in_question(ctx, text[sp[0]:sp[1]]) and not any(a < sp[1] and sp[0] < b for a, b in spans)]
            if not spans:
                # a seat named alone ("tại Trung tâm Khuyến công và xúc tiến thương mại, Hội đồng … họp"):
                # where it met, though the sentence names no town
                spans = [m.span(1) for m in _SEAT_AT.finditer(text) if not _in_question(ctx, m.group(1))]
            # "… tổ chức ở đâu?": the place the sentence puts after "tại"/"ở", not a body's
            # ("tại thành phố Việt Trì, tỉnh Phú Thọ, Cục … phối hợp với Sở Công Thương tỉnh Phú Thọ"),
            # written whole ("tại Cung triển lãm …, Hà Nội")
            venues = {sp: v for sp in spans if (v := venue_after_at(text, sp))}
            at = [sp for sp in spans if sp in venues or _AT_PLACE.search(text, max(0, sp[0] - 60), sp[0])]
            if not at:
                # none after "tại": a venue named after it ("tại Quảng trường Võ Nguyên Giáp, TP. Thái
                # Nguyên"), else a place that is not a body's province ("UBND tỉnh Thái Nguyên giao …")
                at = [m.span(1) for m in _SEAT_AT.finditer(text) if not _in_question(ctx, m.group(1))]
                if not at:
                    at = [sp for sp in spans if not _BODY_BEFORE.search(text, max(0, sp[0] - 40), sp[0])]
                    weak = True
            spans = at
        if rank_asked:
            # "tỉnh nào đứng thứ 3 cả nước?": the place the sentence ranks so ("tỉnh Bình Dương xếp thứ 3
            # với 51 điểm"), not the one it ranks 4th (Đà Nẵng had been stated at 0.92)
            spans = [sp for sp in spans if _rank_of(text, sp, spans) == rank_asked]
        best = _nearest_to_key(ctx, text, spans)
        if best and (asked := _UNIT_AT_ASKED.search(fold(ctx.q.text))):
            # "… tổ chức tại thành phố nào?" is not answered by "tỉnh Đăk Nông" (stated at 0.86)
            typed = _type_opening(text, (venues.get(best) or best)[0])
            if typed and typed != asked.group(1):
                best = next((sp for sp in spans if sp in venues and _type_opening(text, venues[sp][0]) == asked.group(1)),
                            None)
        if best:
            if best in venues:
                # the place named twice, bare in a headline ("… năm 2018 tại Nghệ An") and whole in the
                # lead ("tại thành phố Vinh, tỉnh Nghệ An"): the whole
                # (and "tại TP Cao Lãnh, tỉnh Đồng Tháp": the town found, and the province after it, whole)
                whole = max((v for sp, v in venues.items() if text[sp[0]:sp[1]] == text[best[0]:best[1]]
                             or v[0] == venues[best][0]), key=lambda v: v[1] - v[0])
            else:
                whole = _with_locality(text, _whole_answer(ctx, text, best))
            if any(m.span(1) == best for m in _SEAT_AT.finditer(text)):
                whole = _with_town(text, whole)
            # "tại tỉnh Quảng Bình hiện nay", "thành phố Buôn Ma Thuột (cũ)": which of a merged
            # province's names is meant is part of the place
            said_when = _PLACE_OF_WHEN.match(text, whole[1])
            if said_when:
                whole = (whole[0], said_when.end())
            found = (cov, chunk, s, e, whole, float(_choices(spans, whole)))
            if not weak:
                return _place_answer(ctx, found)
            # "… là bảo tàng lâu đời nhất Hà Nội": a place the sentence names, not where the thing
            # asked is; a sentence nearly as close to the question that puts a place after "tại" / "ở"
            # ("… còn cơ sở 2 ở số 216 Trần Quang Khải, Hà Nội") answers first
            mentioned = mentioned or found
    return _place_answer(ctx, mentioned) if mentioned else None


# a rank asked ("đứng thứ 3", "xếp thứ hai", "xếp hạng 5") and one written (folded)
_RANK_NUMBER = r"(\d{1,2}|" + "|".join(lexicon.ORDINAL_WORDS) + r")"
_RANK_ASKED = re.compile(r"\b(?:dung|xep|xep hang|o vi tri|dat hang)\s+(?:thu|hang|vi tri)?\s*" + _RANK_NUMBER + r"\b")
_RANK_AFTER = re.compile(r"^[^.;]*?\b(?:(?:thu|hang)\s+" + _RANK_NUMBER + r"\b|(dan dau|dung dau))")
_RANK_BEFORE = re.compile(r"\b(?:thu|hang)\s+" + _RANK_NUMBER + r"\s+(?:la|thuoc ve)\s*$")


def _rank_of(text: str, span: tuple[int, int], spans: list[tuple[int, int]]) -> int | None:
    """The rank a sentence gives a place: written after it, before the next place ("tỉnh Bình
    Dương xếp thứ 3", "Hà Nội dẫn đầu"), or before it with "là" ("đứng thứ hai là Hà Nội")."""
    nxt = min([a for a, _ in spans if a >= span[1]] + [span[1] + 80])
    after = _RANK_AFTER.match(fold(text[span[1]:nxt]).lower())
    if after:
        return 1 if after.group(2) else lexicon.ordinal_value(after.group(1))
    prev = max([b for _, b in spans if b <= span[0]] + [max(0, span[0] - 80)])
    before = _RANK_BEFORE.search(fold(text[prev:span[0]]).lower())
    return lexicon.ordinal_value(before.group(1)) if before else None


def _place_answer(ctx: Evidence, found) -> Answer:
    cov, chunk, s, e, whole, n_names = found
    return _scored(entity_answer(ctx, chunk, s, e, whole, "{x}."), cov, ctx, n_names=n_names)


_PLACE_OF_WHEN = re.compile(r"\s*(?:\(\s*(?:cũ|mới|hiện nay)\s*\)|(?:hiện nay|cũ|mới)(?!\w))")


# "tổ chức tại thành phố nào?": where, as a unit of the type asked
_UNIT_TYPES = r"(thanh pho|tinh|huyen|quan|thi xa|thi tran|xa|phuong)"
_UNIT_AT_ASKED = re.compile(r"\b(?:tai|o)\s+" + _UNIT_TYPES + r"\s+nao\b")
_ASKS_WHERE = re.compile(r"\b(?:o dau|tai dau|dia diem|noi nao)\b|" + _UNIT_AT_ASKED.pattern)
_TYPE_OPENING = re.compile(_UNIT_TYPES + r"\s")


def _type_opening(text: str, start: int) -> str | None:
    """The type of unit (folded) a place written from `start` opens with ("thanh pho" of
    "thành phố Vinh, tỉnh Nghệ An"), if any."""
    m = _TYPE_OPENING.match(fold(text[start:]).lower())
    return m.group(1) if m else None


def asks_a_unit(q) -> bool:
    """"… thuộc xã nào?", "tỉnh nào …": a named administrative unit or settlement is asked, which no
    figure answers."""
    return q.kind == "named" and re.sub(r"^(?:nhung|cac)\s+", "", q.noun or "") in _UNIT_FOLDED


def asks_where(q) -> bool:
    """"… tổ chức ở đâu?", "… nằm ở đâu?": a place is asked, which no figure answers."""
    return q.kind == "place" and bool(_ASKS_WHERE.search(fold(q.text)))
_AT_PLACE = re.compile(r"(?<!\w)(?:tại|ở)\s+(?:(?:thành phố|thị xã|huyện|quận|thị trấn)\s+[^,;.]{1,30}?,?\s*)?"
                       r"(?:(?:tỉnh|thành phố|TP\.?)\s*)?\Z", re.IGNORECASE)
_SUBJECT_BEFORE_WHERE = re.compile(r"^\s*(.+?)\s+(?:o|tai)\s+dau(?:\s+(?:vao\s+)?nam\s+\d{4})?\s*\??\s*$")
_SUBJECT_WHERE = re.compile(r"^\s*(.+?)\s+(?:(?:hien\s+)?(?:duoc\s+)?(?:dat|nam|toa lac|co tru so|dong)\s+)?(?:o|tai)\s+dau"
                            r"(?:\s+(?:vao\s+)?nam\s+\d{4})?\s*\??\s*$")    # ("… ở đâu năm 2023?": a follow-up's year)
_BRACKETED_UNIT = re.compile(r"\s*\(((?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|TP\.?|tỉnh)\s+[^()]{1,60})\)",
                             re.IGNORECASE)
_AT_STRETCH = re.compile(r"\s+(?:tại|ở)\s+([^.;:()\n]{3,80}?)(?=\s+và\s|\s*[.;:(\n]|$)")


# "HTX chè Hảo Đạt, xã Tân Cương, TP. Thái Nguyên": units in apposition, each a type and a name
_UNIT_NAMED = r"(?i:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|TP\.?|tỉnh)\s*[A-ZĐÀ-Ỹ][\w-]*(?:\s+[A-ZĐÀ-Ỹ][\w-]*)*"
_APPOSED_UNITS = re.compile(r"\s*,\s*(" + _UNIT_NAMED + r"(?:\s*,\s*" + _UNIT_NAMED + r")*)")


def _place_after_subject(question: str, text: str) -> tuple[int, int] | None:
    """Where the question's subject is, as the sentence writes it right after naming it: a unit
    in brackets or in apposition, or what follows "tại"/"ở" up to the next item ("… và Nhà máy
    …"). The subject is the question's words before "(đặt/nằm) ở đâu"."""
    def where(end: int) -> tuple[int, int] | None:
        found = _BRACKETED_UNIT.match(text, end) or _AT_STRETCH.match(text, end) or _APPOSED_UNITS.match(text, end)
        return found.span(1) if found else None
    # the subject whole first: "HTX chè Hảo Đạt ở đâu?" ends in a name, not the verb "đặt"
    return _after_the_subject(_SUBJECT_BEFORE_WHERE, question, text, where) \
        or _after_the_subject(_SUBJECT_WHERE, question, text, where) \
        or _placed_by_the_verb_asked(question, text)


_PLACED_ASKED = re.compile(r"^\s*(.+?)\s+(?:hien\s+)?(?:duoc\s+)?(dat|nam|toa lac)\s+(?:o|tai)\s+dau\b")


def _placed_by_the_verb_asked(question: str, text: str) -> tuple[int, int] | None:
    """"Chợ kiểu mẫu biên giới chung … đầu tiên được đặt ở đâu?" over "Chợ kiểu mẫu biên giới xã Đa
    được đặt tại khu vực cửa khẩu Đa": the subject's first words, a few words of its own name,
    then the verb the question asks by and "tại"/"ở": what follows, up to the clause's end."""
    m = _PLACED_ASKED.match(fold(question).lower())
    if not m or len(m.group(1).split()) < 4:
        return None
    head = " ".join(m.group(1).split()[:4])
    ft = fold(text).lower()
    verb = re.compile(r"(?:\s+[^\s,;.()]+){0,4}?\s+(?:duoc\s+)?" + m.group(2) + r"(?=\s+(?:tai|o)\s)")
    for said in re.finditer(r"(?<!\w)" + re.escape(head) + r"(?!\w)", ft):
        v = verb.match(ft, said.end())
        if v:
            found = _AT_STRETCH.match(text, v.end())
            if found:
                return found.span(1)
    return None


def _after_the_subject(asking: re.Pattern, question: str, text: str, read) -> tuple[int, int] | None:
    """What `read` finds right after the question's subject in `text`: the subject is what
    `asking` takes before the question's words (folded), three words at least, found whole."""
    m = asking.match(fold(question).lower())
    if not m or len(m.group(1).split()) < 3:
        return None
    for said in re.finditer(r"(?<!\w)" + re.escape(m.group(1)) + r"(?!\w)", fold(text).lower()):
        found = read(said.end())
        if found:
            return found
    return None


# a firm's name that holds a place's ("Công ty Cổ phần Chè Thái Bình Lạng Sơn", "HTX … Hòa Bình")
_IN_A_FIRMS_NAME = re.compile(r"(?:Công ty|Doanh nghiệp|Hợp tác xã|HTX|Tập đoàn)(?:\s+(?:TNHH|Cổ phần|CP|MTV|[A-ZĐÀ-Ỹ&][\w&.-]*))*\s+\Z")
# a seat written after "tại"/"ở" up to its clause's end: "tại Trung tâm Khuyến công và xúc tiến thương mại,"
_VENUES_WRITTEN = "|".join(sorted({v[:1].upper() + v[1:] for v in lexicon.VENUE_NOUNS}, key=len, reverse=True))
# (a town's type written short against its name is part of it: "Trung tâm Thể thao TP.Đông Hưng")
_SEAT_AT = re.compile(r"(?<!\w)(?:tại|ở)\s+((?:" + _VENUES_WRITTEN + r"|Cung|Sở|UBND|Ủy ban|Văn phòng)\s+"
                      r"[A-ZĐÀ-Ỹ\d](?:[^,.;:()\n]|(?<=TP)\.(?=\w)){0,80}?)(?=\s*(?:[,;:(]|\.(?!(?<=TP\.)\w))|\s+(?:đã|được|diễn ra|tổ chức)\s)")
_BODY_BEFORE = re.compile(r"(?<!\w)(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|Sở(?:\s+[A-ZĐÀ-Ỹ]\w*){1,4}|Tỉnh ủy|"
                          r"Thành ủy)\s+(?:tỉnh|thành phố|TP\.?)?\s*\Z")
_SEAT_BEFORE = re.compile(r"(?<!\w)(?:tại|ở)\s+((?:Sở|Bộ|Cục|Trung tâm|UBND|Ủy ban|Văn phòng|Nhà|Khách sạn|Hội trường)"
                          r"(?:\s+\w+){1,5}?)\s+\Z")
_TOWN_BEFORE = re.compile(r"(?<!\w)(?:thành phố|thị xã|huyện|quận|thị trấn)\s+((?:\w+\s+){0,3}?\w+)\s*,?\s*\Z",
                          re.IGNORECASE)


# words that open a clause of their own: a stretch holding one is no venue's name
_CLAUSE_WORDS = {"đã", "được", "là", "có", "cho", "biết", "phát", "biểu", "tổ", "chức", "diễn", "ra", "phối",
                 "hợp", "với", "về", "theo", "khi", "thì", "nhưng", "tham", "dự", "chủ", "trì", "đến", "sẽ"}
_AT_WORD = re.compile(r"(?<!\w)(?:tại|ở)\s+", re.IGNORECASE)
_PLACE_TYPES = {w.lower() for w in ADMIN_UNITS} | {"tp", "tp."}




def _event_only_a_topic(question: str, text: str) -> bool:
    """Whether the sentence names the event asked about only as the topic of another ("… tại
    TP Châu Đốc, UBND tỉnh tổ chức họp báo thông tin về ngày hội …"): its place is that other
    event's, a press conference's, not the one asked."""
    asked = lexicon.EVENT_NOUN_FOLDED.search(fold(question).lower())
    if not asked:
        return False
    said = [m for m in re.finditer(r"(?<!\w)" + re.escape(asked.group(1)) + r"(?!\w)", fold(text).lower())]
    return bool(said) and all(_TOPIC_BEFORE.search(fold(text[:m.start()]).lower()) for m in said)


# what makes an event named after it the topic of another: "thông tin về ngày hội", "họp báo công bố tổ chức
# “Tuần lễ …" (folded)
_TOPIC_BEFORE = re.compile(r"(?<!\w)(?:ve\s+(?:cac\s+|\S+\s+)?|(?:hop bao|thong cao)\s+(?:\S+\s+){0,3}?"
                           r"(?:cong bo|gioi thieu|thong tin)(?:\s+(?:ve|viec))?(?:\s+to chuc)?\s+[\"“]?)\Z")


def venue_after_at(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The whole of where a meeting was, as written after "tại" up to the place found: a
    venue with its city ("Cung triển lãm Kiến trúc, Quy hoạch xây dựng Quốc gia, Hà Nội"),
    a town with its province ("thành phố Vinh, tỉnh Nghệ An"), a hall with its bracketed
    town ("Hội trường 23-3 (thị xã An Khê, tỉnh Gia Lai)"): the province alone had been
    answered. None when no "tại" opens the stretch, or the stretch is a clause, not a name."""
    last = None
    for m in _AT_WORD.finditer(text, max(0, span[0] - 100), span[0]):
        last = m
    if last is None:
        return None
    stretch = text[last.end():span[0]]
    if re.search(r"[.;:!?\n]", _ABBREVIATED_TYPE.sub("", stretch)) or len(stretch.split()) > 14:
        return None
    for part in re.split(r"[,(]", stretch):
        words = part.split()
        if words and not (words[0][:1].isupper() or words[0].lower() in _PLACE_TYPES
                          or " ".join(words[:2]).lower() in _PLACE_TYPES
                          or _VENUE_NOUN.match(part.strip()) or _STREET_NUMBER.match(part.strip())):
            return None
        if any(w.lower() in _CLAUSE_WORDS for w in words if w.islower()) or _BODY_OPENING.match(part.strip()):
            return None          # "tại TP. Đông Hà, UBND tỉnh Quảng Trị phối hợp …": a body's province
    end = span[1]
    if stretch.count("(") > stretch.count(")"):
        close = re.match(r"[^().;,]{0,40}\)", text[end:])
        if not close:
            return None
        end += close.end()
    elif enclosing := _ENCLOSING_BRACKET.match(text, end):
        end = enclosing.end()       # "tại TP. Phú Quốc (tỉnh Kiên Giang)": the town with its province
    return last.end(), end


_BODY_OPENING = re.compile(r"(?:UBND|HĐND|Ủy ban|Uỷ ban|Hội đồng|Sở|Bộ|Cục|Tỉnh ủy|Thành ủy|Đảng ủy)(?!\w)")
# the town a venue is in, written after it: ", TP. Đồng Xoài", ", TP Thanh Hóa" (whose "TP" opens the
# town's capitalised run)
_TOWN_AFTER = re.compile(_ENCLOSING.pattern + r"|,\s*(?-i:TP)\.\s*|,\s*(?=(?-i:TP)\s)", re.IGNORECASE)


def _with_town(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """"Quảng trường Lam Sơn, TP Thanh Hóa", "Quảng trường Võ Nguyên Giáp (TP. Thái Nguyên)": a
    venue is where it is with its town, as the record writes them."""
    end = _with_enclosing(text, span, _TOWN_AFTER)[1]
    if enclosing := _ENCLOSING_BRACKET.match(text, end):
        end = enclosing.end()
    return span[0], end


# a unit's type shortened ("TP. Pleiku, tỉnh Gia Lai"): its full stop ends no clause
_ABBREVIATED_TYPE = re.compile(r"(?<!\w)(?:TP|Tp|TX|TT|Q|P|H)\.")
# (or the country a venue abroad is in: "Trung tâm Thể thao TP.Đông Hưng (Trung Quốc)")
_ENCLOSING_BRACKET = re.compile(r"\s*\((?:(?:" + "|".join(ADMIN_UNITS) + r"|TP\.?|T\.P\.?)\s*[A-ZĐÀ-Ỹ][^().;]{0,40}|(?-i:"
                                + "|".join(map(re.escape, lexicon.COUNTRIES)) + r"))\)", re.IGNORECASE)
# a venue named after its kind ("quảng trường Royal City"), an address's house number ("72A Nguyễn Trãi")
_VENUE_NOUN = re.compile(r"(?:" + "|".join(lexicon.VENUE_NOUNS) + r")\s+[^\W\d_]", re.IGNORECASE)
_STREET_NUMBER = re.compile(r"(?:số\s+)?\d+[A-Z]?(?:/\d+[A-Z]?)?\s+[A-ZĐÀ-Ỹ]")


_TYPED_TOWN_AT = re.compile(r"(?<!\w)(?:tại|ở)\s+(thành phố|thị xã|thị trấn|huyện|quận|TP\.?)\s*", re.IGNORECASE)
_NAME_WORDS = re.compile(r"[^\W\d_]+(?:(?:[^\S\n]+|[^\S\n]*-[^\S\n]*)[^\W\d_]+){0,5}")


def _typed_towns_at(text: str) -> list[tuple[int, int]]:
    """Towns written with their type after "tại"/"ở" ("tại thành phố Phan Thiết", "tại TP. Phan
    Rang - Tháp Chàm"), type and capitalised name: where a meeting was, though no province
    is named there."""
    spans = []
    for m in _TYPED_TOWN_AT.finditer(text):
        name = _NAME_WORDS.match(text, m.end())
        capitalised = [w for w in re.finditer(r"[^\W\d_]+", name.group())] if name else []
        end = None
        for w in capitalised:
            if not w.group()[:1].isupper():
                break
            end = m.end() + w.end()
        if end:
            spans.append((m.start(1), end))
    return spans


def _with_locality(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Where it was, whole: the town before the province ("tại thành phố Việt Trì, tỉnh Phú
    Thọ"), or the body whose seat it was ("tại Sở Công Thương tỉnh Hưng Yên")."""
    m = _TOWN_BEFORE.search(text, max(0, span[0] - 60), span[0])
    if m and all(w[:1].isupper() for w in m.group(1).split()):
        return m.start(), span[1]
    seat = _SEAT_BEFORE.search(text, max(0, span[0] - 60), span[0])
    if seat and all(w[:1].isupper() for w in seat.group(1).split()):
        return seat.start(1), span[1]
    return span


_NEAR_BEST = 0.2      # how much less of the question a sentence may cover and still be read first


def _after_noun(noun: str, bracket: str) -> re.Pattern:
    """The noun asked (folded), or its abbreviation ("cụm công nghiệp": "CCN"), and what may
    stand between it and a name written after it."""
    forms = "|".join(re.escape(f) for f in sorted({noun, *_SHORT_FORMS.get(noun, ())}, key=len, reverse=True))
    described = rf"(?:\s+(?:{_DESCRIBED_FOLDED}))?" if noun in _UNIT_FOLDED else \
        rf"(?:\s+(?:{_ZONE_DESCRIBED}))?" if noun in _ZONES_FOLDED else ""
    return re.compile(rf"(?<!\w)(?:{forms})(?!\w){described}[\s*]*{bracket}")


_DESCRIBED_FOLDED = "|".join(fold(d) for d in PLACE_DESCRIPTORS)
_ZONE_DESCRIBED = "|".join(fold(d) for d in lexicon.ZONE_DESCRIPTORS)
_ZONES_FOLDED = {fold(z).lower() for z in INDUSTRIAL_ZONES}


_SHORT_FORMS = {fold(forms[0]).lower(): tuple(fold(f).lower() for f in forms[1:]) for forms in ABBREVIATIONS}
# an abbreviation alone names a kind of thing ("3 CCN (…)"), not one of them
_KIND_ONLY = {f for forms in ABBREVIATIONS for f in forms[1:]}
# a currency written in capitals ("2.237.600 USD") names nothing: it is a figure's unit
_KIND_ONLY |= {unit for unit in lexicon.CURRENCIES.values() if unit.isupper()} | {"VND", "VNĐ"}


def _names_after_noun_first(candidates, noun: str, bracket: str) -> list:
    """The sentences that name something right after the noun asked ("… 2 khu công nghiệp (Mai
    Sơn, Vân Hồ)" for "những khu công nghiệp nào") first, when they cover nearly as much of the
    question as the best; then the rest, best first. A headline that covers more but names only
    its source ("Kinhtedothi - …") had been read first and its source given as the answer."""
    candidates = [c for c in candidates if c[0] >= MIN_COVERAGE]
    if not noun or not candidates:
        return candidates
    best = candidates[0][0]
    after = _after_noun(noun, bracket)
    first = [c for c in candidates if c[0] >= best - _NEAR_BEST and any(
        c[4][m.end():m.end() + 1].isupper() for m in after.finditer(fold(c[4]).lower()))]
    return first + [c for c in candidates if c not in first]


_TITLE_WORD = re.compile(r"(?:" + lexicon.alternation(lexicon.TITLES + lexicon.MEMBER_TITLES) + r")(?!\w)",
                         re.IGNORECASE)
_TITLE_BODY = {w.lower() for w in lexicon.TITLE_BODY_WORDS}
_TITLE_ASKED = re.compile(r"(?<!\w)(?:" + "|".join(fold(n) for n in lexicon.TITLE_NOUNS) + r")(?!\w)")
# between two titles of one person: a comma, a dash, or "kiêm" ("Chủ tịch HĐQT kiêm Giám đốc …")
_TITLE_GAP = re.compile(r"(?:\s*(?:,|[-–—])\s*|\s+kiêm\s+)")
_TITLE_GAP_ENDING = re.compile(_TITLE_GAP.pattern + "$")      # the same gap, read back from a title


# words that ask for a title, not about the person ("giữ chức vụ gì", "là ai", "làm gì")
_TITLE_ASKING = {"giu", "chuc", "vu", "danh", "gi", "la", "ai", "lam", "nao", "hien", "dang", "cua"}


# "ông Triều", "bà Hoa": a person called by the last syllable of the name, as news does after naming them
_CALLED_BY_GIVEN_NAME = re.compile(r"(?<!\w)(?:[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Oo]ng|[Bb]a|[Cc]hi)\s+([A-ZĐ]\w*)(?!\w)(?![ \t]+[A-ZĐ])")


def _person_asked(ctx: Evidence) -> list[str]:
    """Who a question names ("Trần Quang Nhất giữ chức vụ gì?"): a name of a family; typed in
    lower case ("tran quang nhat giu chuc vu gi"), every run of two to four words after a family
    name and before what is asked, longest first (the records' capitals decide which is the name)."""
    named = [n for n in ctx.q.names if len(n.split()) >= 2 and n.split()[0] in lexicon.FAMILY_NAMES]
    if named:
        return named
    called = _CALLED_BY_GIVEN_NAME.search(ctx.q.text)
    if called and is_syllable(called.group(1)):
        return [fold(called.group(1)).lower()]   # "ông Triều": the person of that given name
    words = fold(ctx.q.text).lower().replace("?", " ").replace(",", " ").split()
    asking = next((i for i, w in enumerate(words) if w in {"giu", "chuc"}), len(words))
    words = words[:asking]
    runs = {" ".join(words[i:i + k]) for i, w in enumerate(words) if w in lexicon.FAMILY_NAMES
            for k in (4, 3, 2) if i + k <= len(words)}
    return sorted(runs, key=len, reverse=True)


def _title_run(text: str, start: int, limit: int | None = None) -> int:
    """Where a title that opens at `start` ends: its words, then its body's capitalised words
    (and the lower-case rest of one, "Văn phòng"), and the few lower-case words a body's name
    holds ("Phó chủ tịch UBND tỉnh")."""
    m = _TITLE_WORD.match(text, start)
    if not m:
        return start
    end, after_capital, in_name = m.end(), False, False
    bodies = None
    while w := _RUN_WORD.match(text, end):
        word = w.group(1).rstrip(".!?”\"'")
        if limit is not None and w.start(1) >= limit:
            break
        capital = bool(word) and word[0].isupper()
        # the lower-case rest of a capitalised word, when the body's name goes on after it
        nxt = _FIRST_LETTER_AFTER.match(text, w.end())
        rest = after_capital and bool(nxt) and (nxt.group(1).isupper() or _region_next(text, w.end())
                                                or bool(_AND_CAPITAL.match(text, w.end())))   # "Tài nguyên và Môi trường"
        # "Tổng Công ty Điện lực miền Bắc": a body's region, in lower case before its capital
        region = word in ("miền", "vùng") and bool(nxt) and nxt.group(1).isupper()
        # "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi": a body named jointly
        joint = word in ("và", "các") and bool(_JOINT_BODY.match(text, w.start(1)))
        # "Tài nguyên và Môi trường", "Lao động - Thương binh và Xã hội": one name's words joined,
        # not a second title ("… và Giám đốc Sở …")
        joint = joint or word in ("và", "-", "–") and after_capital is not None and bool(nxt) \
            and nxt.group(1).isupper() and not _TITLE_WORD.match(text, nxt.start(1)) \
            and not _head_next(text, nxt.start(1))
        if not word or not (capital or rest or joint or region or word.lower() in _TITLE_BODY
                            or _TITLE_WORD.fullmatch(word)):
            # the lower-case rest of a body's name the title holds ("Giám đốc Sở Xây dựng"),
            # read as the body's name is read
            bodies = body_spans(text) if bodies is None else bodies
            body_end = next((b for a, b in bodies if a < w.start(1) < b), None) if after_capital or in_name else None
            rest_words = text[w.start(1):body_end].split() if body_end is not None else []
            if body_end is None or limit is not None and body_end > limit \
                    or len(rest_words) > 1 and not any(r[:1].isupper() for r in rest_words):
                # only a word's rest, or lower-case words the name's capitals go on after ("Cục
                # Thương mại điện tử và Kinh tế số"): "Cục … địa phương bày tỏ hy vọng" is no name
                break
            end, after_capital, in_name = body_end, False, False
            continue
        # a body's lower-case word ("Cục Thương mại điện tử …") keeps the name open as a capital does
        end, after_capital, in_name = w.start(1) + len(word), capital, capital or word.lower() in _TITLE_BODY
        if word != w.group(1):
            break                      # a word that ends its sentence or a quotation ends the title
    # the body's short name in brackets is part of the title: "Tổng thư ký Hiệp hội Rau quả Việt Nam
    # (Vinafruit)"
    short = _SHORT_NAME.match(text, end)
    if short and after_capital and (limit is None or short.end() <= limit):
        end = short.end()
    return end


def _head_next(text: str, pos: int) -> bool:
    """Whether a body's head noun opens at `pos` ("Sở …", "Ban …"): another body, not more of a name."""
    return bool(_BODY_HEAD_AT.match(text, pos))


_BODY_HEAD_AT = re.compile(r"(?:" + "|".join(sorted((re.escape(h) for h in lexicon.BODY_HEADS), key=len, reverse=True))
                           + r")(?!\w)")
_AND_CAPITAL = re.compile(r"[ \t]+(?:và|-|–)[ \t]+[A-ZĐ]")
# the next word of a title's run, up to a space or a clause's punctuation ("TP.HCM", "EVNHCMC-1"; named
# apart from the module's later _NEXT_WORD, which had shadowed it and cut "TP.HCM" to "TP")
_RUN_WORD = re.compile(r"[ \t]+([^\s,;:()]+)")
_SHORT_NAME = re.compile(r"[ \t]*\((?=[^)]*[A-ZĐ][^)]*[A-ZĐ]|[A-ZĐ][a-z]+\))[A-ZĐ][\w&.-]{1,15}\)")


_FIRST_LETTER_AFTER = re.compile(r"[ \t]+([^\W\d_])")
_REGION_AFTER = re.compile(r"[ \t]+(?:miền|vùng)[ \t]+([^\W\d_])")


def _region_next(text: str, pos: int) -> bool:
    """"… Điện lực miền Bắc": a region with its capital comes next."""
    m = _REGION_AFTER.match(text, pos)
    return bool(m) and m.group(1).isupper()
_JOINT_BODY = re.compile(r"(?:và[ \t]+)?các[ \t]+(?:Khu|Cụm|Sở|Ban|Cục|Chi cục|Phòng|Trung tâm)[ \t]+\w")


def _titles_of(text: str, name: tuple[int, int], after_only: bool = False) -> tuple[int, int] | None:
    """The titles written against a person's name: after it, one or several separated by
    commas ("Trần Quang Nhất, Ủy viên Ban Thường vụ Tỉnh ủy, Phó chủ tịch UBND tỉnh"), else
    (unless `after_only`) right before it ("Phó Chủ tịch UBND tỉnh Trịnh Minh Hoàng")."""
    a, b = name
    gap = _TITLE_GAP.match(text, b)
    if after_only and not (gap and _TITLE_WORD.match(text, gap.end())):
        gap = _HELD_BEFORE.match(text, b)          # "ông A từng giữ chức Trưởng phòng …"
    if gap and _TITLE_WORD.match(text, gap.end()):
        start = end = gap.end()
        while (stop := _title_run(text, end)) > end:
            end = stop
            more = _TITLE_GAP.match(text, end)
            if not (more and _TITLE_WORD.match(text, more.end())):
                break
            end = more.end()
        return start, end
    if after_only:
        return None
    before = text[:a]
    for m in reversed(list(_TITLE_WORD.finditer(before))):
        end = _title_run(text, m.start(), limit=a)
        if _BINDING_GAP.fullmatch(text[end:a]):
            return _titles_before(text, m.start()), end
        if end < a - 60:
            break
    return None


_FORMER_ASKED = re.compile(r"\btruoc (?:khi|do|day)\b|\btung giu\b|\bchuc (?:vu|danh) cu\b")
_HELD_BEFORE = re.compile(r"\s+(?:đã\s+)?từng\s+(?:giữ|đảm nhiệm|làm)(?:\s+(?:các|nhiều))?(?:\s+chức(?:\s+vụ)?)?\s+",
                          re.IGNORECASE)


def _titles_before(text: str, start: int) -> int:
    """Where a chain of titles that ends at the one opening at `start` begins ("Bộ trưởng, Chủ
    nhiệm Văn phòng Chính phủ Mai Tiến Dũng": at "Bộ trưởng")."""
    while True:
        gap = _TITLE_GAP_ENDING.search(text[:start])
        if not gap:
            return start
        earlier = [m for m in _TITLE_WORD.finditer(text, max(0, gap.start() - 80), gap.start())
                   if _title_run(text, m.start(), limit=gap.start()) == gap.start()]
        if not earlier:
            return start
        start = earlier[0].start()


# "… được điều động giữ chức gì?", "chức vụ mới": the post an appointment gives, not the title the
# person is introduced by (folded)
_POST_GIVEN_ASKED = re.compile(r"\bduoc\s+(?:\w+\s+){0,4}?(?:giu chuc|lam|dam nhiem)(?:\s+vu)?\s+(?:gi|nao)\b|"
                               r"\bchuc (?:vu|danh) moi\b")
# "… được điều động, bổ nhiệm giữ chức Giám đốc Sở …": where the post given is written
_POST_GIVEN = re.compile(r"(?<!\w)được\s+(?:[^\W\d_]+[\s,]+){0,5}?(?:giữ\s+chức(?:\s+vụ)?|làm|đảm\s+nhiệm(?:\s+chức\s+vụ)?)"
                         r"\s+(?=[A-ZĐ])", re.IGNORECASE)


class _Span(NamedTuple):
    """A (start, end) read like a regex match's: `.start()`, `.end()`."""
    a: int
    b: int

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b


def _post_given(text: str, after: int) -> tuple[int, int] | None:
    """The post a passive appointment gives the person named just before `after`, written in
    the same sentence before another person is named ("Ông A, Giám đốc Sở Xây dựng được điều
    động giữ chức Trưởng Ban Quản lý …, thay ông B" → "Trưởng Ban Quản lý …")."""
    m = _POST_GIVEN.search(text, after)
    if not m or any(after <= a < m.start() for a, _ in _person_names(text)):
        return None
    end = _title_run(text, m.end())
    return (m.end(), end) if end > m.end() else None


def answer_title_of(ctx: Evidence, people: list[str]) -> Answer | None:
    """"Ông Trần Quang Nhất giữ chức vụ gì?": the titles the records write against that
    person's name (written with capitals), in the sentence that says most of the rest of the
    question (the words that ask for a title are in no sentence)."""
    words = [w for w in ctx.content if w not in _TITLE_ASKING]
    post_given = bool(_POST_GIVEN_ASKED.search(fold(ctx.q.text).lower()))
    # "Trước khi về Sở …, ông A giữ chức vụ gì?": the title A is introduced by, not the post
    # written before the name ("Trước khi giữ chức Giám đốc Sở …, ông A từng …")
    former = bool(_FORMER_ASKED.search(fold(ctx.q.text).lower()))
    found = []
    for _, chunk, s, e, text in _sentence_candidates(ctx, top=TOP_PASSAGES):
        folded = fold(text)
        for person in people:
            spans = [m for m in re.finditer(rf"(?<!\w){re.escape(person)}(?!\w)", folded, re.IGNORECASE)
                     if all(w[:1].isupper() for w in text[m.start():m.end()].split())]
            if " " not in person:
                # a given name asked: the full names that end with it ("Trịnh Huy Triều")
                spans = [_Span(a, b) for a, b in _person_names(text)
                         if len(text[a:b].split()) >= 2 and fold(text[a:b].split()[-1]).lower() == person]
            titled = [t for m in spans if (t := (post_given and _post_given(text, m.end()))
                                           or _titles_of(text, (m.start(), m.end()), after_only=former))]
            if titled:
                cov = ctx.coverage(text, words) if words else 1.0
                found.append((cov, chunk, s, e, titled[0], text))
                break
    if not found:
        return None
    cov, chunk, s, e, span, text = max(found, key=lambda x: x[0])     # the first of equals, as a stable sort
    # the title in full where a record writes it so: "Cục trưởng Phùng Mạnh Ngọc nhấn mạnh …" is the
    # "Cục trưởng Cục Hóa chất" of "ông Phùng Mạnh Ngọc - Cục trưởng Cục Hóa chất (Bộ Công Thương)"
    short = fold(text[span[0]:span[1]]).lower() + " "
    fuller = [x for x in found if fold(x[5][x[4][0]:x[4][1]]).lower().startswith(short)]
    if fuller:
        _, chunk, s, e, span, _ = max(fuller, key=lambda x: x[0])
    return _scored(entity_answer(ctx, chunk, s, e, span, "{x}."), cov, ctx, anchored=1.0, n_names=1.0,
                   bound=1.0, after_noun=1.0)


_GOODS_NOUNS = {"mat hang", "hang hoa", "nong san", "san pham", "hang"}
# the noun a good is asked by, then up to three lower-case words of its kind, right before its name (folded)
_GOOD_NAMED_AFTER = re.compile(r"(?<!\w)(?:san pham|mat hang)\s+((?:[a-z]+\s+){1,3})$")


def answer_named(ctx: Evidence, said: re.Pattern | None = None) -> Answer | None:
    """"Xã nào …", "đổi tên thành xã gì", "đối tác nào", "đơn vị nào kiểm toán": a proper name
    the question does not already contain, preferably right after the noun asked about; from a
    sentence that says `said` (folded) when given."""
    noun = ctx.q.noun or ""
    goods = fold(noun).lower() in _GOODS_NOUNS         # a good is asked: no body, no place answers it
    people = _person_asked(ctx) if _TITLE_ASKED.search(fold(ctx.q.text).lower()) else []
    if people:
        titled = answer_title_of(ctx, people)
        if titled is not None or people[0] in ctx.q.names:
            return titled           # a person named and no title written against the name: not found
    # (several asked: listed in a bracket or after a colon, "3 cửa khẩu: Cốc Nam, Na Hình, Nà Nưa")
    several = r"(?:\(\s*|:\s*)?" if asks_several(ctx.q) else ""
    candidates = _names_after_noun_first(_sentence_candidates(ctx, top=TOP_PASSAGES), noun, several)
    if said is not None:
        candidates = [c for c in candidates if said.search(fold(c[4]).lower())]
    bodies_in = {}                        # each sentence's bodies, read once
    if noun in lexicon.BODY_ASKED and candidates:
        # a body is asked: the sentences that name one first, when they cover nearly as much
        bodies_in = {c[4]: _bodies(ctx, noun, c[4]) for c in candidates if c[0] >= candidates[0][0] - _NEAR_BEST}
        naming = [c for c in candidates if bodies_in.get(c[4])]
        candidates = naming + [c for c in candidates if c not in naming]
    for cov, chunk, s, e, text in candidates:
        if cov < MIN_COVERAGE:
            break
        named = _given_name(text) if _ASKS_NEW_NAME.search(fold(ctx.q.text)) else None
        named = named or _quoted_after_noun(text, noun, [n for n in ctx.q.names if len(n.split()) > 1])
        if named:
            return _scored(entity_answer(ctx, chunk, s, e, named, "{x}."), cov, ctx, after_noun=1.0, anchored=1.0,
                           n_names=1.0)
        owned = _item_of_the_owner_named(ctx, text) if noun and _OWNER_HAS.search(fold(ctx.q.text).lower()) else None
        if owned:
            return _scored(entity_answer(ctx, chunk, s, e, owned, "{x}."), cov, ctx, after_noun=1.0, anchored=1.0,
                           n_names=1.0)
        # (a good is asked: "chủ yếu là mặt hàng gì?" is never "Cục Hải quan Lạng Sơn")
        bodies = [] if goods else bodies_in[text] if text in bodies_in else _bodies(ctx, noun, text)
        if bodies:
            best = _with_number(text, bodies[0] if len(bodies) == 1 else
                                (_after_preposition_asked(ctx, noun, text, bodies) or _nearest_to_key(ctx, text, bodies)))
            best = _listed_beside_holding_name(ctx, text, best, bodies + capitalised_runs(text)) or best
            return _scored(entity_answer(ctx, chunk, s, e, best, "{x}."), cov, ctx,
                           after_noun=0.0, n_names=float(len(bodies)))
        credits = _photo_credits(text)
        runs = [r for r in capitalised_runs(text) if not _in_question(ctx, text[r[0]:r[1]])
                and not all(w.lower() in _NOT_PERSON for w in text[r[0]:r[1]].split())
                and not _sentence_opener(text, r) and not _dateline(text, r) and text[r[0]:r[1]] not in _KIND_ONLY
                and not _within_any(credits, r)]
        if goods:
            not_goods = body_spans(text) + [(a, b) for a, b, _ in find_places(text)]
            runs = [r for r in runs if not any(a <= r[0] and r[1] <= b for a, b in not_goods)]
        other = [r for r in runs if _another_unit(text, r, noun)]
        if other and _nearest_to_key(ctx, text, runs) in other:
            return None              # the sentence that answers names another unit: none of those asked
        runs = [r for r in runs if r not in other]
        after_noun = []
        noun_before: dict[tuple[int, int], int] = {}     # a name written right after the noun asked: where that noun starts
        if noun:
            # "Đơn vị nào đăng cai …?": the word the question puts after "<noun> nào"
            then = re.search(rf"(?<!\w){re.escape(noun)} nao (\w+)", fold(ctx.q.text))
            # a bracket after the noun lists its members when several are asked ("2 khu công
            # nghiệp (Mai Sơn, Vân Hồ)"); for one, it glosses ("Ngân hàng số (Internet Banking …)")
            for m in _after_noun(noun, several).finditer(fold(text)):
                after_noun += [r for r in runs if r[0] == m.end()]
                if not text[m.start():m.end()].rstrip().endswith("("):
                    noun_before.update({r: m.start() for r in runs if r[0] == m.end()})
                if then and fold(text).startswith(then.group(1), m.end()):
                    # an apposition that says the same: "… cho Sở Công Thương Ninh Thuận, đơn vị
                    # đăng cai hội nghị …" answers "Đơn vị nào đăng cai hội nghị …?"
                    after_noun += [r for r in runs if re.fullmatch(r"\s*,\s*", text[r[1]:m.start()])]
        described = _described(ctx.q.text, noun, text, runs)
        if described:
            after_noun = [described]      # "Châu Mỹ vẫn là thị trường xuất khẩu chính …" says which one
        elif noun and not after_noun:
            phrase = _aligned(ctx.q.text, noun, text)
            if phrase:                    # no name: what the sentence says in the place of "<noun> nào"
                return _scored(entity_answer(ctx, chunk, s, e, phrase, "{x}."), cov, ctx, after_noun=1.0, n_names=1.0)
        best = after_noun[0] if len(after_noun) == 1 else _nearest_to_key(ctx, text, after_noun or runs)
        best = _listed_beside_holding_name(ctx, text, best, runs) or best
        if best:
            whole = _within_body(ctx, text, _whole_answer(ctx, text, best))
            if goods and (lead := _GOOD_NAMED_AFTER.search(fold(text[:whole[0]]).lower())):
                # "sản phẩm cơm sấy Nhật Quỳnh": a good is named with its kind, written in lower case
                # between the noun asked and the brand
                whole = (lead.start(1), whole[1])
            if best in noun_before and not asks_several(ctx.q):
                # "cửa khẩu Tà Lùng", "thị trường Mỹ": the name with the noun it was asked by
                whole = (min(whole[0], noun_before[best]), whole[1])
            return _scored(entity_answer(ctx, chunk, s, e, whole, "{x}."), cov, ctx,
                           after_noun=float(bool(after_noun)), n_names=float(_choices(after_noun or runs, whole)))
    return None


def _listed_beside_holding_name(ctx: Evidence, text: str, best: tuple[int, int] | None,
                                runs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """"(Trung tâm thương mại Big C Đà Lạt và Vincom Plaza Bảo Lộc)" asked "… nào nằm ở Bảo Lộc?":
    of names listed side by side, the one whose own words hold a name the question gives (and
    the name chosen does not)."""
    if best is None:
        return None
    # the question's pairs of words, but the noun's (typed in lower case, a town is no capitalised name)
    said = fold(ctx.q.text).lower().replace("?", " ").split()
    noun = set((ctx.q.noun or "").split())
    pairs = {(a, b) for a, b in zip(said, said[1:]) if a not in noun and b not in noun}

    def holds(r):
        words = fold(text[r[0]:r[1]]).lower().split()
        return len(words) > 2 and any(p in pairs for p in zip(words, words[1:]))
    if holds(best):
        return None
    holding = [r for r in runs if r != best and holds(r)]
    if len(holding) != 1:
        return None
    a, b = sorted((best, holding[0]))
    return holding[0] if _LISTED_BETWEEN.fullmatch(text[a[1]:b[0]]) else None


_LISTED_BETWEEN = re.compile(r"\s*(?:,|và|;)\s*")


# "… có sản phẩm nào", "sản phẩm nào của …": the question asks what an owner has
_OWNER_HAS = re.compile(r"\b(?:co|so huu)\s+(?:\w+\s+){1,2}?nao\b|\b\w+\s+nao\s+cua\b")


def _item_of_the_owner_named(ctx: Evidence, text: str) -> tuple[int, int] | None:
    """"HTX chè Hảo Đạt có sản phẩm nào …?" over a list of items written with their owners
    ("gồm: Nhất diệp hảo trà của HTX chè an toàn Nguyên Việt; Chè móc câu của HTX chè Hảo Đạt; …"):
    the item before "của" and the owner the question names, a capitalised name of a few words."""
    folded = fold(text).lower()
    for name in ctx.q.names:
        if len(name.split()) < 2:
            continue
        for m in re.finditer(r"(?<!\w)cua\s+(?:[^;:,.()]{0,30}?\s)?" + re.escape(name) + r"(?!\w)", folded):
            if text[m.start():m.start() + 3].lower() not in ("của", "cua"):
                continue                  # "cửa khẩu Xín Mần" folds to it too
            start = max(folded.rfind(d, 0, m.start()) for d in ";:,") + 1
            item = text[start:m.start()]
            words = item.split()
            if 1 <= len(words) <= 8 and words[0][:1].isupper():
                a = start + len(item) - len(item.lstrip())
                return a, a + len(item.strip())
    return None


def _within_body(ctx: Evidence, text: str, span: tuple[int, int]) -> tuple[int, int]:
    """"TNHH TM DV Sài Gòn" is part of "Công ty TNHH TM DV Sài Gòn - Hà Tĩnh": a name inside a
    body's whole name is answered with it (the body asked by "doanh nghiệp nào")."""
    for a, b in body_spans(text, ctx.q.text):
        bracketed = "(" in text[a:span[0]]
        if a <= span[0] and span[1] <= b and (a, b) != span and not _in_question(ctx, text[a:b].split("(")[0].strip()) \
                and (not bracketed or re.fullmatch(r"[A-ZĐ0-9&.-]+", text[span[0]:span[1]])):
            # a bracket holds the body's own abbreviation ("(SMBCCF)"), or another thing with its
            # own name ("Công ty … (Khu công nghiệp Hòa Hiệp)": the park, not the company)
            return a, b
    return span


_PREPOSITIONS = ("cho", "voi", "tu", "boi", "den", "toi")


def _after_preposition_asked(ctx: Evidence, noun: str, text: str, bodies: list[tuple[int, int]]):
    """"… chuyển giao cho đơn vị nào?": of several bodies, the one the sentence puts after the
    same preposition ("Sở Công Thương … chuyển giao … cho Công ty …"), not the one acting."""
    m = re.search(rf"(?<!\w)({'|'.join(_PREPOSITIONS)}) {re.escape(noun)} nao(?!\w)", fold(ctx.q.text))
    if not m:
        return None
    after = [b for b in bodies if re.search(rf"(?<!\w){m.group(1)}\s+$", fold(text[max(0, b[0] - 8):b[0]]))]
    return after[0] if len(after) == 1 else None


def _bodies(ctx: Evidence, noun: str, text: str) -> list[tuple[int, int]]:
    """"Cơ quan nào …", "Hiệp hội nào …": the bodies the sentence names whole ("Chi cục Quản lý
    thị trường", not "Chi"), other than those the question names; of the head asked when it
    asks by one ("hiệp hội"), of any head for "cơ quan", "đơn vị", "tổ chức"."""
    if noun not in lexicon.BODY_ASKED:
        return []
    # a body the question names ("… yêu cầu Suzuki Việt Nam báo cáo": "Công ty TNHH Việt Nam
    # Suzuki") is not the one asked about
    def names_one_asked(body: str) -> bool:        # in any order: "Việt Nam Suzuki" for "Suzuki Việt Nam"
        words = set(fold(body).lower().split())
        return any(set(n.split()) - {"viet", "nam"} <= words for n in ctx.q.names if set(n.split()) - {"viet", "nam"})
    spans = [sp for sp in body_spans(text, ctx.q.text) if not _in_question(ctx, text[sp[0]:sp[1]])
             and not names_one_asked(text[sp[0]:sp[1]])]
    if noun not in ("co quan", "don vi", "to chuc"):
        spans = [sp for sp in spans if fold(text[sp[0]:sp[1]]).lower().removeprefix("lien ").startswith(noun)]
    return spans


_CLAUSE_END = re.compile(r"[.;:!?()]|,\s|\s(?:và|với|cho|tại|để|nhằm)\s")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _clause_end_outside_quotes(text: str, start: int) -> re.Match | None:
    """The first clause end after `start` that no quotation holds: the name of a movement,
    "phong trào “Xây dựng hệ sinh thái cộng đồng DN sản xuất và kinh doanh hàng Việt Nam”", is
    whole though it says "và"."""
    quoted = [m.span() for m in _QUOTED.finditer(text, start)]
    for stop in _CLAUSE_END.finditer(text, start):
        if not any(a < stop.start() < b for a, b in quoted):
            return stop
    return None


def _quoted_after_noun(text: str, noun: str, names: list[str] = ()) -> tuple[int, int] | None:
    """"giải thưởng “Doanh nghiệp sáng tạo ASEAN năm 2022 (…)”": the name the sentence quotes right
    after the noun asked is the thing's name, whole (without its quotation marks). Of several
    ("sản phẩm “Hội An chiều thu” của … Điện Bàn) và sản phẩm “Bánh dừa …” của … Quế Sơn)"), the one
    whose own words, up to the next, hold a name the question gives ("… của Quế Sơn …?")."""
    if not noun:
        return None
    folded = fold(text).lower()
    quoted = []
    for m in re.finditer(rf"(?<!\w){re.escape(noun)}\s*[“\"]", folded):
        close = text.find("”" if text[m.end() - 1] == "“" else '"', m.end())
        if close > m.end() and len(text[m.end():close].split()) <= 2 * _MAX_PHRASE:
            inner = text[m.end():close]          # without the spaces some sites leave inside the marks
            quoted.append((m.start(), m.end() + len(inner) - len(inner.lstrip()), close - len(inner) + len(inner.rstrip())))
    if len(quoted) > 1 and names:
        own = [folded[a:(quoted[i + 1][0] if i + 1 < len(quoted) else len(folded))] for i, (a, _, _) in enumerate(quoted)]
        for name in names:
            holding = [i for i, words in enumerate(own) if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words)]
            if len(holding) == 1:
                return quoted[holding[0]][1:]
    return quoted[0][1:] if quoted else None


_MAX_PHRASE = 16        # words
# "hãng công nghệ Trung Quốc này trở thành …": a phrase that points elsewhere or states what the
# thing became describes it, and does not name it
_REFERS = re.compile(r"(?<!\w)(?:này|đó|kia|ấy|là|trở thành)(?!\w)", re.IGNORECASE)


def _aligned(question: str, noun: str, text: str) -> tuple[int, int] | None:
    """"khu vực kinh tế nào chiếm tỷ trọng chủ yếu …?" against "khu vực kinh tế có vốn đầu tư
    nước ngoài chiếm tỷ trọng chủ yếu": the noun asked with what the sentence puts between it
    and the words the question puts after "nào"; when nothing follows "nào" ("… chống buôn lậu
    mặt hàng nào?"), the noun must follow the same word as in the question, and the answer runs
    to the end of its clause. Only for a phrase in lower case: a name is read as a name."""
    fq = fold(question).lower()
    m = re.search(rf"(\w+)\s+{re.escape(noun)}\s+(?:nao|gi)\b\W*(.*)$", fq) or \
        re.search(rf"(){re.escape(noun)}\s+(?:nao|gi)\b\W*(.*)$", fq)
    if not m:
        return None
    before = m.group(1)
    after = [w for w in re.findall(r"\w+", m.group(2)) if w not in lexicon.QUESTION_WORDS][:2]
    ft = fold(text).lower()
    said_after = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, after)) + r"(?!\w)")
    for n in re.finditer(rf"(?<!\w){re.escape(noun)}(?!\w)", ft):
        start = n.end()
        if after:
            k = said_after.search(ft, start, start + 120)
            if not k or _CLAUSE_END.search(text, start, k.start()):
                continue
            end = k.start()
        else:
            if not before or not re.search(rf"(?<!\w){re.escape(before)}\s+$", ft[:n.start()]):
                continue
            stop = _clause_end_outside_quotes(text, start)
            end = stop.start() if stop else len(text)
        words = text[start:end].split()
        # (and a bare "có" or "là" before the words asked: "Những nhóm hàng có chỉ số giá tăng …" names none)
        while words and (words[-1].lower() in _BEFORE_VERB or after and words[-1].lower() in ("có", "là")):
            end = start + text[start:end].rstrip().rfind(words.pop())      # "… huyện Đông Hưng đã phát hiện"
        if not 1 <= len(words) <= _MAX_PHRASE or words[0][:1].isupper() or words[0][:1].isdigit() \
                or _REFERS.search(text, start, end) or words[0].lower() in _BEFORE_VERB:
            continue        # "… chủ lực đã ghi nhận sự tăng trưởng": the predicate, not which ones
        begin = _noun_start(fq[:m.start(2)], ft, n.start(), noun)
        if begin is None:
            continue
        return begin, start + len(text[start:end].rstrip())
    return None


# what stands between a subject and its verb, not part of the subject's name
_BEFORE_VERB = {"đã", "đang", "sẽ", "vừa", "mới", "cũng", "đều", "được", "bị", "còn", "vẫn"}


def _noun_start(asked: str, ft: str, at: int, noun: str) -> int | None:
    """Where the noun asked begins in the sentence: the question's noun is read from at most
    three words ("vuc kinh te" of "khu vực kinh tế nào", "lau mat hang" of "chống buôn lậu mặt
    hàng nào"), so the words both texts share before it are taken back (up to three), then cut
    at a group noun the span holds ("mặt hàng …")."""
    q_words = asked[:asked.rfind(noun)].split() if noun in asked else []
    start, taken = at, 0
    for w in reversed(q_words[-3:]):
        prev = re.search(r"(\w+)\s+$", ft[:start])
        if not prev or prev.group(1) != w:
            break
        start, taken = prev.start(1), taken + 1
    if taken < len(_phrase_before(q_words, noun)):
        return None
    head = _GROUP_HEAD.search(ft, start, at + len(noun))
    return head.start() if head else start


def _phrase_before(q_words: list[str], noun: str) -> list[str]:
    """The question's words (folded) that run on before the noun read from it, up to two: the
    noun's head ("đội" of "đội quản lý thị trường nào", read "ly thi truong"). A sentence that
    has another head there ("lực lượng quản lý thị trường kịp thời") names another thing: its
    "kịp thời" had been answered. A verb ends the phrase, also one the noun was read from the
    second half of ("tổ" of "tổ chức hội chợ nào", read "chuc hoi cho")."""
    out, following = [], noun.split()[0]
    for w in reversed(q_words[-2:]):
        if not w.isalpha() or w in NOUN_STOP or w in lexicon.QUESTION_WORDS or f"{w} {following}" in _VERBS_FOLDED:
            break
        out.append(w)
        following = w
    return out


_VERBS_FOLDED = {fold(v) for v in lexicon.PREDICATE_VERBS}


_GROUP_HEAD = re.compile(r"(?<!\w)(?:" + "|".join(fold(n) for n in lexicon.GROUP_NOUNS) + r")(?!\w)")


# a news item's source credit before its lead: "(NLĐ)- …", "Kinhtedothi - 6 tháng …", "CôngThương - Đây là …"
_DATELINE = re.compile(r"\s*\)?\s*[-–]\s")


def _dateline(text: str, run: tuple[int, int]) -> bool:
    """A name that opens the text and is followed by a dash is the paper that reports it."""
    return text[:run[0]].strip(" (") == "" and bool(_DATELINE.match(text, run[1]))


_COPULA = re.compile(r"\s+(?:(?:vẫn|cũng|đều|hiện|tiếp tục|chính)\s+)?là\s+", re.IGNORECASE)


def _described(question: str, noun: str, text: str, runs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """"… thị trường xuất khẩu chính của … là thị trường nào?": the name the sentence says is
    what the question describes ("Châu Mỹ vẫn là thị trường xuất khẩu chính …"), not the
    one written after the noun ("thị trường Châu Âu"). The description's first three words
    (folded) must follow the name's "là"."""
    if not noun:
        return None
    asked = re.search(rf"(?:^|,\s*)((?:\w+\s+){{2,}}?)la\s+{re.escape(noun)}\s+nao\b", fold(question).lower())
    if not asked:
        return None
    head = asked.group(1).split()[:3]
    if fold(noun) not in " ".join(head):
        return None                   # the description must be of the noun asked ("thị trường … là thị trường nào")
    out = []
    for run in runs:
        cop = _COPULA.match(text, run[1])
        if cop and fold(text[cop.end():cop.end() + 80]).lower().split()[:3] == head:
            out.append(run)
    return out[0] if len(out) == 1 else None


# "… thành xã mới có tên gọi là xã Bình Mỹ", "hợp nhất …, lấy tên là tỉnh Lào Cai": the name
# a merger or a renaming gives, which may well repeat one of the names the question lists.
_GIVEN_NAME = re.compile(r"(?:có tên gọi là|có tên là|lấy tên(?: gọi)? là|đổi tên thành|mang tên)\s+[*_\"“]*"
                         r"((?:xã|phường|thị trấn|đặc khu|tỉnh|thành phố|huyện|quận|thị xã)\s+)?", re.IGNORECASE)


# "… nhập thành xã nào?", "… lấy tên gì?", "… đổi tên thành gì?": the question asks for the name given
_ASKS_NEW_NAME = re.compile(r"\b(thanh|ten|ten goi)\s+(?:[a-z]+\s+){0,2}(nao|gi)\b")


def _given_name(text: str) -> tuple[int, int] | None:
    for m in _GIVEN_NAME.finditer(text):
        run = next((r for r in capitalised_runs(text) if r[0] == m.end()), None)
        if run:
            end = run[1]
            num = re.match(r"\s+\d+(?!\w)", text[end:])
            return (m.start(1) if m.group(1) else m.end(), end + (num.end() if num else 0))
    return None


def _sentence_opener(text: str, run: tuple[int, int]) -> bool:
    """A single capitalised word that only opens the sentence ("Việc", "Những", "Do"), or the
    first syllable of a word written in title case that runs on in lower case ("Quản lý thị
    trường", "Xúc tiến thương mại", "Chương trình khuyến công"): no name, unless a place's."""
    a, b = run
    if len(text[a:b].split()) != 1 or text[a:b].isupper():
        return False
    if text[:a].strip() == "" or text[:a].rstrip().endswith((".", ":", ";", "\n", "-", "–", "(")):
        return True
    nxt = _NEXT_WORD.match(text, b)
    return bool(nxt) and nxt.group(1)[0].islower() and is_syllable(text[a:b]) and not find_places(text[a:b]) \
        and text[a:b] not in _ONE_WORD_NAMES


_ONE_WORD_NAMES = set(lexicon.COUNTRIES) | set(lexicon.CAPITALS)      # "Mỹ", "Lào", "Nga": names of one syllable


_NEXT_WORD = re.compile(r" ([^\W\d_]\w*)")


DOCUMENT_NUMBER = re.compile(r"((?:" + "|".join(DOCUMENT_TYPES) + r")"
                             r"(?:\s+số)?\s*\d+[\w/.&-]*[\w](?-i:-\s[A-ZĐ][A-Za-zĐ]*)?"    # "682/TTr- SCT" as written
                             # ("1966/SGD&ĐT-KHTC": a body's letters joined by "&")
                             # a plan or programme is a document by a number with letters ("Kế hoạch số
                             # 451/KH-UBND", "Chương trình hành động số 01-CTR/TU"), not by its years
                             r"|(?:" + "|".join(lexicon.NUMBERED_WITH_LETTERS) + r")(?:\s+số)?\s*"
                             r"(?=\d+[\w/.-]*?[^\W\d_])\d+[\w/.-]*\w"
                             r"|(?<=Số:)\s*\d+/[\w/.-]*[\w](?-i:-\s[A-ZĐ][A-Za-zĐ]*)?)", re.IGNORECASE)


# the day a document was issued, written right after its number ("… 386/QĐ-TTg ngày 17/3/2021")
ISSUED_ON = re.compile(r",?\s+ngày\s+\d{1,2}(?:/\d{1,2}/\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})(?![\d/])")


# "82/2022/NĐ-CP ngày 18/10/2022", "số 2049/QĐ-UBND … phê duyệt kế hoạch năm 2020": the years
# a document is of, in its number and in what the sentence says of it before the next document
def _document_years(text: str, m: re.Match) -> set[int]:
    nxt = DOCUMENT_NUMBER.search(text, m.end(1))
    said = text[m.start(1):nxt.start(1) if nxt else len(text)]
    return {int(y) for y in lexicon.ANY_YEAR.findall(said)}


# an issuer the question names ("thông tư nào của Bộ Tài chính", "quyết định nào của Thủ tướng"),
# a sentence names after a cited number ("… ngày 28/3/2018 của Bộ Tài chính"), and the letters a
# number ends with for it ("-BTC"): folded phrase → letters
_ISSUERS = {"bo tai chinh": "btc", "bo cong thuong": "bct", "bo ke hoach va dau tu": "bkhdt", "thu tuong": "ttg",
            "chinh phu": "cp", "quoc hoi": "qh", "uy ban nhan dan": "ubnd", "ubnd": "ubnd",
            "hoi dong nhan dan": "hdnd", "hdnd": "hdnd", "bo chinh tri": "tw", "ban chap hanh trung uong": "tw",
            # the Party's committees number their decisions "80-QĐ/ĐU", "123-QĐ/TU"
            "dang uy chinh phu": "du", "dang uy": "du", "tinh uy": "tu", "thanh uy": "tu"}
_ISSUER_WORDS = "|".join(sorted(_ISSUERS, key=len, reverse=True))
_ISSUER_ASKED = re.compile(r"\b(?:nao|may|gi)\s+(?:cua|do)\s+(" + _ISSUER_WORDS + r")\b")
_ISSUER_SAID = re.compile(r"\bcua\s+(" + _ISSUER_WORDS + r")\b")


def _issued_by(said: str, number: str, issuer: str) -> bool:
    """Whether a document cited in `said` may be the issuer's: the sentence names no other
    issuer after the number ("… 20/2017/TT-BCT ngày 29/9/2017 của Bộ Công Thương" is not Bộ Tài
    chính's), and the number's last letters name no other ("-BCT" is not "-BTC")."""
    want = _ISSUERS[issuer]
    named = _ISSUER_SAID.search(fold(said).lower())
    if named and _ISSUERS[named.group(1)] != want:
        return False
    letters = re.search(r"[-/]\s*([^\W\d_]+)\s*$", number)
    code = fold(letters.group(1)).lower() if letters else ""
    return not (code in _ISSUERS.values() and code != want)


# a programme's horizon, part of its name: "Chương trình khuyến công quốc gia đến năm 2020",
# "giai đoạn 2021-2025", "2026-2030" (folded)
_HORIZON = re.compile(r"\b(?:(?:den|toi) nam (\d{4})|(?:giai doan )?(\d{4})\s*[-–]\s*(\d{4}))\b")
_PROGRAMME = re.compile(r"\b(chuong trinh|de an|ke hoach|quy hoach|chien luoc)\s+(.{3,80}?)\s*,?\s*"
                        r"(?=(?:den|toi) nam \d{4}|giai doan (?:nam )?\d{4})")     # "giai đoạn (năm) 2021-2025"


# (a record names it at more length: "Đề án Phát triển thị trường trong nước gắn với Cuộc vận động
# “Người Việt Nam ưu tiên dùng hàng Việt Nam” giai đoạn 2021-2025")
_PROGRAMME_SAID = re.compile(_PROGRAMME.pattern.replace("{3,80}", "{3,160}"))


def _horizons(folded: str) -> set[str]:
    return {m.group(1) or f"{m.group(2)}-{m.group(3)}" for m in _HORIZON.finditer(folded)}


_IS_WHICH_RECORD = re.compile(r"\bla (?:van ban|so)\b|\bso hieu\b")
_KIND_OPENS = re.compile(r"\s*(?:cac\s+)?(" + "|".join(lexicon.NUMBERED_KINDS) + r")\s+(?!so\b|nao\b)\w")


class _DocumentAsked(NamedTuple):
    """What a document question says of the document, read once per question: its kind, the
    issuer it names, and the programme it names with its horizons."""
    kind: str
    issuer: str | None
    horizons: set[str]
    programme: re.Match | None

    @classmethod
    def of(cls, q) -> "_DocumentAsked":
        folded = fold(q.text).lower()
        issuer = _ISSUER_ASKED.search(folded)
        if not issuer and q.doc_type:
            # "thông tư hướng dẫn của Bộ Công Thương là thông tư nào?": the kind asked, then its issuer
            issuer = re.search(rf"\b{q.doc_type}(?:\s+[^\W\d]+){{0,3}}?\s+(?:cua|do)\s+({_ISSUER_WORDS})\b", folded)
        kind = "" if q.doc_type == "van ban" else q.doc_type or ""
        if not kind:
            # "Kết luận kiểm tra … là văn bản số mấy?": a record of the kind its subject names (not
            # "Kế hoạch … căn cứ văn bản nào?"); else ("bằng văn bản nào?") any kind, a công văn too
            opened = _KIND_OPENS.match(folded) if _IS_WHICH_RECORD.search(folded) else None
            kind = opened.group(1) if opened else ""
        return cls(kind, issuer.group(1) if issuer else None, _horizons(folded), _PROGRAMME.search(folded))


def _document_fits(ctx: Evidence, asked: _DocumentAsked, text: str, m: re.Match) -> bool:
    """A cited document is the one asked only if it is of the kind asked (a bare number by its
    letters), is not one the question names itself ("Quyết định 2646/QĐ-BCT căn cứ nghị định
    nào?"), is of the issuer the question names, and is of the programme asked, horizon and all
    ("Chương trình khuyến công quốc gia đến năm 2020" is not the one of giai đoạn 2021-2025)."""
    cited = m.group(1).strip()
    kind = lexicon.number_kind(cited)
    if asked.kind and kind and kind != asked.kind:
        return False
    if _named_in_question(ctx.q.text, cited):
        return False
    nxt = DOCUMENT_NUMBER.search(text, m.end(1))
    said = text[m.start(1):nxt.start(1) if nxt else len(text)]
    if asked.issuer and not _issued_by(said[len(m.group(1)):], cited, asked.issuer):
        return False
    if asked.horizons:
        said_horizons = _horizons(fold(said).lower())
        if said_horizons and not said_horizons & asked.horizons:
            return False
        # the sentence names the programme asked with its horizon ("… 407/QĐ-UBND phê duyệt Chương
        # trình khuyến công tỉnh giai đoạn 2021-2025", "Chương trình … giai đoạn 2021-2025 theo phê
        # duyệt tại Quyết định số 1881/QĐ-TTg"), its words anywhere in it ("tỉnh Lai Châu")
        if asked.programme and not _names_the_programme(asked, fold(text).lower()):
            return False
    return True


def _names_the_programme(asked: _DocumentAsked, folded: str) -> bool:
    """`folded` names the programme asked, followed by a horizon asked ("chương trình khuyến công
    quốc gia đến năm 2020"), and every word of its name."""
    said = {h for p in _PROGRAMME_SAID.finditer(folded) if p.group(1) == asked.programme.group(1)
            for h in _horizons(folded[p.end():p.end() + 30])}
    return bool(said & asked.horizons) and _programme_named(asked.programme, folded)


# a document the question names by number: "Quyết định 2646/QĐ-BCT", "Nghị định 45/2012/NĐ-CP",
# "Quyết định 2646 được gửi …"
_NUMBER_NAMED = re.compile(r"(\d+(?:/[\w.-]*\w)+)|(?:" + "|".join(DOCUMENT_TYPES) + r")\s+(?:số\s+)?(\d+)(?![\d/])",
                           re.IGNORECASE)


def _number_in(cited: str) -> str:
    """The number of a cited document ("26/2018/QĐ-UBND" of "Quyết định số 26/2018/QĐ-UBND"), or ""."""
    number = re.search(r"\d+(?:/[\w.-]*\w)*", cited.replace(" ", ""))
    return number.group() if number else ""


def _named_in_question(question: str, cited: str) -> bool:
    number = _number_in(cited)
    if not number:
        return False
    for m in _NUMBER_NAMED.finditer(question):
        named = (m.group(1) or "").replace(" ", "")
        if named and (named.startswith(number) or number.startswith(named)):
            return True
        if m.group(2) and m.group(2) == number.split("/")[0]:
            return True
    return False


def documents_named(question: str) -> set[str]:
    """The documents a question names by a number with its year ("Quyết định 22/2012/QĐ-UBND",
    "Quyết định 22/2012"), as "22/2012"."""
    return {m.group(1) or m.group(2) for m in _DOCUMENT_NAMED.finditer(question)}


# a number with its year after a document's type, or with the letters of its issuer ("26/2018/QĐ-UBND"):
# not a month ("tháng 4/2014")
_DOCUMENT_NAMED = re.compile(r"(?:" + "|".join(DOCUMENT_TYPES) + r")\s+(?:số\s+)?(\d+/(?:19|20)\d{2})(?![\d])"
                             r"|(?<![\d/])(\d+/(?:19|20)\d{2})/[^\W\d_]", re.IGNORECASE)


def _programme_named(programme: re.Match, folded: str) -> bool:
    words = set(re.findall(r"\w+", programme.group(2))) - lexicon.STOPWORDS - {"tinh", "thanh", "pho"} - \
        set(lexicon.QUESTION_WORDS)
    return programme.group(1) in folded and words <= set(re.findall(r"\w+", folded))


def answer_document(ctx: Evidence) -> Answer | None:
    """The document a sentence cites, of the kind asked; a year the question names ("nghị
    định ban hành năm 2022") is a slot the document must be of, as a figure must be of the
    period asked: the first nghị định of a list is not the one of 2022."""
    asked = _DocumentAsked.of(ctx.q)
    want = asked.kind
    # the year of a document the question names by its number ("Nghị quyết 18/2025 … theo thông
    # tư nào?") is that document's, not the one asked for; nor is a programme's horizon ("đến năm 2020")
    horizon_years = {int(y) for h in asked.horizons for y in h.split("-")}
    # nor is the year of a reporting period the question carries ("… vượt chỉ tiêu của chương trình hành
    # động nào 6 tháng đầu năm 2023?": the growth's, the programme may be older)
    asked_years = {y for y in ctx.q.years if not re.search(rf"\d/{y}", ctx.q.text)} - horizon_years \
        if not ctx.q.period else set()
    candidates = _sentence_candidates(ctx)
    for cov, chunk, s, e, text in candidates:
        after = _document_after_subject(ctx.q.text, text, want) if cov >= MIN_COVERAGE else None
        if after:
            # "… trên cơ sở khu rừng cấm Nam Cát Tiên (được thành lập theo quyết định số 360/TTg, …)":
            # the document written right after the subject asked is its own, not the sentence's first
            return entity_answer(ctx, chunk, s, e, after, "{x}.")
    for cov, chunk, s, e, text in candidates:
        fitting = [m for m in DOCUMENT_NUMBER.finditer(text)
                   # (a "văn bản" of any kind, its letters checked by `_document_fits`)
                   if (fold(m.group(1)).startswith((want, "van ban")) or m.group(1)[:1].isspace() or m.group(1)[:1].isdigit())
                   and not (asked_years and not asked_years & _document_years(text, m))
                   and _document_fits(ctx, asked, text, m)]
        if fitting:
            m = _best_described(ctx.q.content, text, fitting)
            chunk, s, e, text, m = _cited_first(candidates, chunk, s, e, text, m)
            a = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
            # a document is cited by its number and the day it was issued ("Quyết định số
            # 386/QĐ-TTg ngày 17/3/2021"): both, when the day follows the number
            dated = ISSUED_ON.match(text, m.end(1))
            return entity_answer(ctx, chunk, s, e, (a, dated.end() if dated else m.end(1)), "{x}.")
    # "Nghị quyết … có số hiệu là gì?": the record's own number, from its header line
    for p in ctx.passages[:3]:
        number = ctx.engine.searcher.doc_meta.get(p.chunk.doc, ("", {}))[1].get("doc_number")
        doc = ctx.document(p.chunk.doc) if number else None
        at = doc.text.find(number) if doc else -1
        if at >= 0 and _own_number_fits(ctx, asked, doc, number):
            ls = doc.text.rfind("\n", 0, at) + 1
            le = doc.text.find("\n", at)
            le = len(doc.text) if le < 0 else le
            line = Chunk(id="", doc=doc.path, paragraph=0, start=ls, end=le, text=doc.text[ls:le])
            return entity_answer(ctx, line, 0, le - ls, (at - ls, at - ls + len(number)), "{x}.")
    return None


def _best_described(content: list[str], text: str, cited: list[re.Match]) -> re.Match:
    """Of the documents a sentence lists ("Nghị quyết số 324/2020/NQ-HĐND … quy định Chính sách
    khuyến công …; Nghị quyết số 53/2021/NQ-HĐND … quy định về chính sách phát triển công nghiệp
    hỗ trợ"), the one whose own words, up to the next, say most of what the question asks; the
    first on a tie."""
    if len(cited) < 2:
        return cited[0]
    # where each document's words end: at the next document cited, but for its own short name in
    # brackets right after it ("Nghị quyết số 53/2021/NQ-HĐND (Nghị quyết 53) của …")
    ends, before = [], None
    for d in DOCUMENT_NUMBER.finditer(text):
        if before is None or not re.fullmatch(r"\s*\(\s*", text[before.end(1):d.start(1)]):
            ends.append(d.start(1))
        before = d
    def said(m: re.Match) -> int:
        end = next((x for x in ends if x > m.start(1)), len(text))
        words = set(folded_syllables(text[m.start(1):end]).split())
        return sum(w in words for w in set(content))
    return max(cited, key=said)


# the subject of "… được thành lập theo quyết định nào?" (folded): the words before the predicate
_SUBJECT_DOCUMENTED = re.compile(r"^\s*(.+?)\s+(?:(?:duoc|da)\s+)?(?:thanh lap|ban hanh|phe duyet|cong nhan|xep hang)\s+"
                                 r"(?:theo|tai|bang)\s+(?:van ban|" + "|".join(fold(t).lower() for t in DOCUMENT_TYPES) +
                                 r")\s+(?:nao|so may|so bao nhieu|gi)\b")


def _document_after_subject(question: str, text: str, want: str) -> tuple[int, int] | None:
    """The document of the kind asked, in brackets right after the subject asked."""
    def cited(end: int) -> tuple[int, int] | None:
        bracket = _BRACKET_AFTER_LONG.match(text, end)
        if not bracket:
            return None
        m = next((d for d in DOCUMENT_NUMBER.finditer(text, bracket.start(1), bracket.end(1))
                  if fold(d.group(1)).lower().startswith(want)), None)
        return (m.start(1) + len(m.group(1)) - len(m.group(1).lstrip()), m.end(1)) if m else None
    return _after_the_subject(_SUBJECT_DOCUMENTED, question, text, cited)


_BRACKET_AFTER_LONG = re.compile(r"\s*\(([^()\n]{3,160})\)")


def _cited_first(candidates, chunk, s, e, text, m):
    """The sentence that cites the answer's document first, when the chosen one names it only
    inside another's description ("Căn cứ Thông tư số 46/2012/TT-BCT … của Nghị định số
    45/2012/NĐ-CP") and another sentence of the top passages cites it in its own right ("Căn cứ
    Nghị định số 45/2012/NĐ-CP của Chính phủ …"): the same document, a better citation."""
    if DOCUMENT_NUMBER.search(text).start() == m.start():
        return chunk, s, e, text, m
    number = _number_in(m.group(1))
    for _, c2, s2, e2, t2 in candidates:
        first = DOCUMENT_NUMBER.search(t2)
        if number and first and _number_in(first.group(1)) == number:
            return c2, s2, e2, t2, first
    return chunk, s, e, text, m


def _own_number_fits(ctx: Evidence, asked: _DocumentAsked, doc, number: str) -> bool:
    """A record's own number answers only as the kind asked, when the question does not name
    it already, and when the record's head names the programme asked, horizon and all."""
    kind = lexicon.number_kind(number)
    if (asked.kind and kind and kind != asked.kind) or _named_in_question(ctx.q.text, number):
        return False
    if asked.horizons:
        head = fold(doc.text[:doc.body_start + 1500]).lower()
        if not _horizons(head) & asked.horizons:
            return False
        if asked.programme and not _programme_named(asked.programme, head):
            return False
    return True


_DATE = re.compile(r"(ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|/\d{1,2}/\d{4}))", re.IGNORECASE)


_ISSUED = re.compile(r"\b(ban hanh|ky|thong qua|cong bo)\b")
_DATE_LINE = 80          # characters: "TP. Hồ Chí Minh, ngày 16 tháng 6 năm 2025" is a line of its own
# what a date line writes before its day: a place and a comma, a table's cell, or nothing
# (after the record's number in a header table: "Số: 29/2014/QĐ-UBND | Đồng Tháp, ngày …")
_NUMBER_CELL = re.compile(r"[\s|]*Số\s*:?\s*[\w/.-]+")


def _date_line_lead(lead: str) -> bool:
    """Whether what a line writes before its day is a place and a comma (or nothing): "Hà Nội, ",
    "TP. Hồ Chí Minh, ", not "… hoạt động từ " (a headline's day). Capitals by str.isupper: the
    range À-Ỹ holds lower-case letters too."""
    words = re.sub(r"[|*_]", " ", _NUMBER_CELL.sub("", lead, count=1)).strip(" ,").split()    # cells, emphasis
    return len(words) <= 5 and all(w[:1].isupper() for w in words)


# the record itself is asked about ("Nghị quyết … được thông qua ngày nào?"), not an event it reports
# records whose own date line is the day they were issued (a law is passed, then in force: not here)
_RECORD_NOUN = re.compile(r"\b(nghi quyet|nghi dinh|quyet dinh|thong tu|van ban|cong van|chi thi|ke hoach|to trinh)\b")
# A point or span of time as records write it: a date, a month, a quarter, a season, a
# decade, a year or a range of years (bare years only 1000–2099, not part of a number); a span
# of days whole ("từ ngày 10/4 đến ngày 12/4/2025", "ngày 15 - 16/10/2020": a conference's days).
# a day and month: "26/9", "26 tháng 9 năm 2019", and as newspapers write it, "29-9", "10-5-2016"
_DAY = r"\d{1,2}(?:\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{3,4})?|/\d{1,2}(?:/\d{4})?|-\d{1,2}(?:-\d{4})?)"
_TIME = re.compile(
    # the hour a day's event begins, when written before its day ("07 giờ 30 phút ngày 14 tháng 12 …", "8h30, ngày 26/9")
    r"(?:(?<![\d,.])\d{1,2}\s*(?:giờ|h)\s*(?:\d{2}(?:\s*phút)?)?(?:\s+(?:sáng|chiều|tối))?\s*,?\s+(?=ngày\s))?"
    r"(?:(?:gần|khoảng|trước)\s+)?"                 # how near: "kéo dài đến gần giữa năm 2024"
    r"(?:(?:cuối|đầu|giữa|sau|từ|sáng|chiều|trưa|tối|thượng tuần|trung tuần|hạ tuần)\s+)?"
    r"(?:(?:ngày\s+\d{1,2}(?:/\d{1,2})?|(?<=từ )\d{1,2}/\d{1,2})\s*(?:-|–|đến|và)\s*(?:hết\s+)?(?:ngày\s+)?" + _DAY + r"(?![\d/])"
    r"|ngày\s+" + _DAY + r"(?![\d/])"
    r"|(?<![\d/.,-])\d{1,2}\s*[-–]\s*\d{1,2}/\d{1,2}(?:/\d{4})?(?![\d/])"      # "Từ 24-25/5/2025, tại …": the days
    r"|(?:(?<=sáng )|(?<=chiều )|(?<=trưa )|(?<=tối ))\d{1,2}[/-]\d{1,2}(?![\d/-]|[.,]\d)"   # "vào chiều 14-1"
    r"|\d{1,2}/\d{1,2}/\d{4}|(?<![\d-])\d{1,2}-\d{1,2}-\d{4}(?![\d-])"
    r"|tháng\s+(?:\d{1,2}|[IVX]+)\s*(?:/|-|,|năm)\s*\d{4}"
    r"|(?<=cuối )tháng\s+\d{1,2}(?![\d/])|(?<=đầu )tháng\s+\d{1,2}(?![\d/])|(?<=giữa )tháng\s+\d{1,2}(?![\d/])"
    r"|quý\s+[IV1-4]+\s*(?:/|năm)\s*\d{4}"
    r"|(?:những|các)\s+năm\s+\d{4}|thập\s+(?:niên|kỷ)\s+\d{4}"
    r"|mùa\s+(?:xuân|hè|hạ|thu|đông)\s+năm\s+\d{3,4}"
    r"|năm\s+\d{3,4}(?:\s*(?:-|–|đến|và)\s*(?:năm\s+)?\d{3,4})?(?![\d%/]|[.,]\d)"
    r"|(?<![\d.,/])(?:1\d|20)\d{2}(?:\s*(?:-|–|đến)\s*\d{4})?(?![\d%/]|[.,]\d))",
    re.IGNORECASE)
_WANT_UNIT = re.compile(r"\b(ngay|thang|quy) nao\b")
# "… diễn ra từ ngày nào đến ngày nào?": a span of days is asked, not its first
_SPAN_ASKED = re.compile(r"\btu (?:ngay|thang|nam|khi) nao den\b")
# the end of a span asked: "kéo dài đến ngày nào", "kết thúc (vào) khi nào", "đến khi nào" (folded)
_END_ASKED = re.compile(r"\b(?:keo dai|ket thuc|den)\s+(?:vao\s+)?(?:ngay|thang|nam|khi|luc|thoi gian)\s+nao\b"
                        r"|\bket thuc\s+(?:vao\s+)?(?:khi|luc)\b")
_END_SAID = re.compile(r"\b(?:ket thuc|den het|keo dai den|den)\s+(?:vao\s+|ngay\s+)?$")
_DAYS_OR_UNTIL = re.compile(r"\bngày\b|\bđến\b|\d{1,2}[/-]\d{1,2}(?![\d])", re.IGNORECASE)
_SPAN_SAID = re.compile(r"\s(?:đến|-|–)\s|\d\s*(?:-|–)\s*(?:ngày\s+)?\d{1,2}[/-]\d{1,2}(?!\d)", re.IGNORECASE)


def names_a_time(text: str) -> bool:
    """A "khi nào / năm nào" answer is a point or span of time; "2 triệu đồng" or "khoảng
    120 m" taken from a sentence about the event is not one."""
    return bool(_TIME.search(text or ""))


# "Đề án số 341/ĐA-CP ngày 09 tháng 5 năm 2025", "Tờ trình số 382/TTr-CP ngày …": a record cited
# with its number, right before a date that is that record's
_CITED_RECORD = re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in RECORD_NOUNS) + r")(?:\s+[^\W\d_]+){0,3}"
                           r"\s+số\s*([\w./-]*\d[\w./-]*)(?:\s+của\s+[^,;\d]{0,40})?,?\s*$", re.IGNORECASE)


# a record the question names by its bare number ("Công văn số 6513", "Quyết định 1229/QĐ-UBND")
_RECORD_NUMBER_ASKED = re.compile(r"(?:" + "|".join(re.escape(t) for t in RECORD_NOUNS) + r")\s+(?:số\s*)?(\d+)(?![\d.,])",
                                  re.IGNORECASE)


def answer_when(ctx: Evidence) -> Answer | None:
    folded = fold(ctx.q.text)
    noun = _RECORD_NOUN.search(folded)
    issued = bool(_ISSUED.search(folded) and noun)
    named = documents_named(ctx.q.text)
    if issued:
        # "… được ban hành ngày nào?": the record's own date line ("Hà Nội, ngày 16 tháng 6 năm 2025"),
        # of a record of the kind asked about (a "chỉ thị" is not answered by a nghị quyết's date)
        for p in ctx.passages[:3]:
            doc = ctx.document(p.chunk.doc)
            if doc is None or not mentions(fold(doc.title + " " + doc.text[:doc.body_start + 600]), noun.group(1)):
                continue
            if named and not any(n in doc.title + " " + doc.text[:doc.body_start + 600] for n in named):
                continue           # "Nghị định 68/2017/NĐ-CP ban hành ngày nào?" is not the date of a record of another number
            m = _DATE.search(doc.text, doc.body_start, doc.body_start + 1500)
            if m:
                ls = doc.text.rfind("\n", 0, m.start()) + 1
                le = doc.text.find("\n", m.end())
                le = len(doc.text) if le < 0 else le
                if le - ls > _DATE_LINE or not _date_line_lead(doc.text[ls:m.start()]):
                    continue       # a date in a news report's paragraph ("Qua đó ngày 11/11/2022, Hội đồng …
                    #                họp"), or a headline's ("… hoạt động từ ngày 1/7/2025"), not the record's own
                    #                date line ("Hà Nội, ngày …"): the sentences say whose it is
                line = Chunk(id="", doc=doc.path, paragraph=0, start=ls, end=le, text=doc.text[ls:le])
                ans = entity_answer(ctx, line, 0, le - ls, (m.start() - ls, m.end() - ls), "{x}.")
                entity_support(ctx, ans)           # the body's "… thông qua ngày 16 tháng 6 năm 2025"
                return ans
    want = _WANT_UNIT.search(folded)
    asked = set(re.findall(r"\d+", ctx.q.text))
    numbered = {m.group(1) for m in _RECORD_NUMBER_ASKED.finditer(ctx.q.text)}     # "Công văn số 6513"
    candidates = [c for c in _sentence_candidates(ctx, top=TOP_PASSAGES) if c[0] >= MIN_COVERAGE]
    effect = _EFFECT.search(folded.lower())
    if effect:
        # "… có hiệu lực từ khi nào?": only a sentence that says when it takes effect answers, with
        # its day or with "kể từ ngày ký" (the day it was signed is a fact of another predicate)
        # (the day it ceases to have effect, "hết hiệu lực", only when that is asked)
        candidates = [c for c in candidates
                      if any(bool(e.group(1)) == bool(effect.group(1)) for e in _EFFECT.finditer(fold(c[4]).lower()))]
    for cov, chunk, s, e, text in candidates:
        after = _time_after_subject(ctx.q.text, text)
        if after:
            # "Phiên chợ … huyện Phú Quý (từ ngày 10 - 12/9/2024) và Phiên chợ … huyện Bắc Bình (từ ngày
            # 27 - 29/9/2024)": the time written right after the subject asked is its own
            return _scored(entity_answer(ctx, chunk, s, e, after, "{x}."), cov, ctx, n_names=1.0)
    if not issued and not effect:
        # "cuộc họp báo công bố tổ chức “Tuần lễ …” … chiều ngày 4/11": the press conference's day, when
        # another sentence tells of the event itself
        own = [c for c in candidates if not _event_only_a_topic(ctx.q.text, c[4])]
        candidates = own or candidates
    for cov, chunk, s, e, text in candidates:
        if _TIME.fullmatch(text.strip(" .")):
            continue                       # a line that is a date alone ("Ngày 11-10-2023"): the page's, no event's
        spans = []
        for m in _TIME.finditer(text):
            if set(re.findall(r"\d+", m.group())) <= asked:
                continue                   # the year the question itself names is not its answer
            if want and not re.search(rf"(?<!\w){want.group(1)}(?!\w)", fold(m.group())) \
                    and not (want.group(1) == "ngay"
                             and (_FULL_DATE.fullmatch(m.group()) or _DAYS_SPAN.search(m.group()))):
                continue                   # "ngày nào" wants a day ("01/01/2026" is one), "tháng nào" a month
            if issued and not mentions(fold(text[max(0, m.start() - 80):m.end() + 80]), noun.group(1)):
                continue                   # "Đề án số 364 ngày 09 tháng 5" is the đề án's date, not a chỉ thị's
            ref = _CITED_RECORD.search(text, max(0, m.start() - 80), m.start())
            if ref and numbered and not any(ref.group(2) == n or ref.group(2).startswith(n + "/") for n in numbered):
                continue                   # "Công văn số 6513 … ngày nào?" is not the date of công văn số 6380
            if ref and not (ref.group(2) in ctx.q.text or not named and mentions(folded, fold(ref.group(1)))):
                continue                   # a cited record's own date answers only a question about that record
                #                            (by its number, when the question names one by number)
            spans.append((m.start(), m.end()))
        if effect:
            spans += [m.span() for m in _FROM_SIGNING.finditer(text)]
            # a table row "Ngày ban hành: | 27/06/2012 | Ngày hiệu lực: | Đang cập nhật |": a day
            # is of the label in the cell before it
            spans = [sp for sp in spans if _EFFECT.search(fold(_cell_label(text, sp) or "hieu luc").lower())]
        if _SPAN_ASKED.search(folded):
            spans = [sp for sp in spans if _SPAN_SAID.search(text[sp[0]:sp[1]])]
        elif _END_ASKED.search(folded.lower()):
            # "… kéo dài đến ngày nào?", "… kết thúc khi nào?": the end of a span ("từ ngày 26 đến
            # 29-9") or a time said to end it ("kết thúc vào tháng 12/2020"), not the day it opened
            # (a span of years, "giai đoạn 2019 – 2020", is how long it ran, not when it ended)
            spans = [sp for sp in spans
                     if _SPAN_SAID.search(text[sp[0]:sp[1]]) and _DAYS_OR_UNTIL.search(text[sp[0]:sp[1]])
                     or _END_SAID.search(fold(text[max(0, sp[0] - 30):sp[0]]).lower())]
        # a time in a bracketed aside ("từ ngày 19/5 đến hết ngày 23/5 (sử dụng mặt bằng để lắp đặt, tháo
        # dỡ từ ngày 14/5 …)") is the aside's, when the sentence's own words give one (a bracket that
        # is a time, "xã Cao Phong (từ ngày 12–18/12/2025)", dates what it follows)
        asides = [sp for sp in spans if text.count("(", 0, sp[0]) > text.count(")", 0, sp[0])
                  and len(text[text.rfind("(", 0, sp[0]) + 1:sp[0]].split()) > 1]
        if len(asides) < len(spans):
            spans = [sp for sp in spans if sp not in asides]
        # "Hội nghị Tổng kết … năm 2019 và triển khai kế hoạch công tác năm 2020 vào chiều 14-1": a year
        # that names the work reviewed or planned is no time the event took place, when a day is given
        named_years = [sp for sp in spans if _YEAR_ONLY.fullmatch(text[sp[0]:sp[1]])
                       and _WORK_NAMED_BY_YEAR.search(text, max(0, sp[0] - 40), sp[0])]
        if named_years and len(named_years) < len(spans):
            spans = [sp for sp in spans if sp not in named_years]
        if not re.search(r"\bnam nao\b", folded):
            # "Hội nghị … năm 2016 vừa diễn ra chiều 19/9/2016": the day says when, the year alone less
            spans = [sp for sp in spans if not _YEAR_ONLY.fullmatch(text[sp[0]:sp[1]])
                     or not any(sp != o and text[sp[0]:sp[1]][-4:] == text[o[0]:o[1]][-4:]
                                and not _YEAR_ONLY.fullmatch(text[o[0]:o[1]]) for o in spans)]
        best = _time_of_predicate(ctx, text, spans)
        if best:
            return _scored(entity_answer(ctx, chunk, s, e, best, "{x}."), cov, ctx, n_names=float(len(spans)))
    return None


_YEAR_ONLY = re.compile(r"(?:năm\s+)?\d{4}", re.IGNORECASE)
_WORK_NAMED_BY_YEAR = re.compile(r"(?<!\w)(?:kế hoạch|nhiệm vụ|công tác|tổng kết|triển khai|chương trình|giai đoạn)"
                                 r"(?:\s+[^\W\d]+){0,3}\s*$", re.IGNORECASE)


_FULL_DATE = re.compile(r"\d{1,2}([/-])\d{1,2}\1\d{4}")
_DAYS_SPAN = re.compile(r"\d{1,2}\s*[-–]\s*\d{1,2}/\d{1,2}")          # "24-25/5/2025": days, though no "ngày"
_EFFECT = re.compile(r"\b(het )?hieu luc\b")
# when a legal text takes effect, said by the day it is signed: "có hiệu lực (thi hành) kể từ ngày ký",
# "… sau 10 ngày kể từ ngày ký"
_FROM_SIGNING = re.compile(r"(?:sau\s+\d+\s+ngày\s+)?(?:kể\s+)?từ\s+ngày\s+(?:được\s+)?(?:ký|ban\s+hành|thông\s+qua)"
                           r"(?:\s+ban\s+hành)?(?!\s*\d)", re.IGNORECASE)


def _cell_label(text: str, span: tuple[int, int]) -> str | None:
    """In a table row ("Ngày ban hành: | 27/06/2012 | …"), the cell before the one holding `span`."""
    if "|" not in text:
        return None
    cells = text[:span[0]].split("|")
    return cells[-2] if len(cells) >= 2 and not cells[-1].strip() else None


_NUMBERED_NAME = re.compile(r"(?<![\w&])[A-ZĐ][\w&.-]*\s+\d{1,2}(?![\w/.,-])")


_SUBJECT_WHEN = re.compile(r"^\s*(.+?)\s+(?:(?:duoc|se|da)\s+)?(?:dien ra|to chuc|khai mac|be mac|ket thuc|bat dau|"
                           r"van hanh|hoan thanh|khoi cong)\s+(?:vao\s+)?(?:khi nao|luc nao|ngay nao|thoi gian nao)\b")
_BRACKET_AFTER = re.compile(r"\s*\(([^()\n]{3,60})\)")


def _time_after_subject(question: str, text: str) -> tuple[int, int] | None:
    """The time in brackets the sentence writes right after the subject asked (its words before
    "diễn ra khi nào")."""
    def when(end: int) -> tuple[int, int] | None:
        bracket = _BRACKET_AFTER.match(text, end)
        time = _TIME.search(text, bracket.start(1), bracket.end(1)) if bracket else None
        return time.span() if time else None
    return _after_the_subject(_SUBJECT_WHEN, question, text, when)


def _time_of_predicate(ctx: Evidence, text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Of several times in a sentence, the one whose predicate the question asks: a time
    follows what happened then ("Pháp giành quyền kiểm soát Algeria năm 1830 nhưng bắt đầu …
    xây dựng lại đế chế … sau năm 1850"), so each is weighed by the question's words between
    it and the time before it — unless it opens the sentence before a comma ("Vào mùa thu năm
    2015, ABC đã dừng …"): then by those up to the next time. Among equals, the nearest to
    what the question is about."""
    if len(spans) < 2:
        return _nearest_to_key(ctx, text, spans)
    # a name the question gives with its number ("B&T 2") is said before its own time: "B&T 1 …, dự
    # kiến vận hành vào tháng 12-2020 và B&T 2 …, dự kiến vận hành vào tháng 6-2021"
    numbered = [re.compile(r"(?<![\w&])" + re.escape(m.group()) + r"(?!\w)")
                for m in _NUMBERED_NAME.finditer(ctx.q.text)]
    said = []
    opening = False
    for i, (a, b) in enumerate(spans):
        if len(syllables(text[:a])) <= 4 and text[b:].lstrip().startswith(","):
            stretch = text[b:spans[i + 1][0] if i + 1 < len(spans) else len(text)]
            opening = True
        elif i == 1 and opening:
            stretch = ""        # what an opening time's clause says is its ("Dự kiến, cuối tháng 11, Hội
            #                     đồng … trình … sản phẩm … năm 2021": the year closes a name)
        else:
            stretch = text[spans[i - 1][1] if i else 0:a]
        words = {fold(w) for _, _, w in syllables(stretch)}
        said.append(sum(ctx.weight(w) for w in set(ctx.content) & words)
                    + sum(100.0 for n in numbered if n.search(stretch)))
    top = max(said)
    return _nearest_to_key(ctx, text, [p for p, w in zip(spans, said) if w == top])


# -- honesty ------------------------------------------------------------------
