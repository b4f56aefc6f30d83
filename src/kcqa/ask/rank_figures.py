"""Ranking figure candidates: hard slots, then the learnt model's probability.

Also the two record-level signals a model cannot see from one candidate alone: the same
fact stated twice (prose and table) corroborates itself, and of the two the sentence is
what to cite.
"""

from __future__ import annotations

import collections
import re

from ..extract.figures import periods_in, years_in
from ..models import Figure
from ..text import lexicon
from ..text.numbers import COUNT_NOUNS, QUALIFIERS
from ..text.vietnamese import fold, folded_syllables
from .candidates import (MIN_COVERAGE, MIN_PASSAGE_COVERAGE, PART_OF_A_WHOLE, TOP_PASSAGES, Candidate, Evidence,
                         asked_verb, bar_ok, change_end_ok, except_ok, counted_right_after, country_ok, funding_in_sentence,
                         funding_ok, funding_said,
                         group_of, group_ok, identifier_ok, in_a_list_of_targets, label_ok, level_ok, listed_name_ok,
                         measure_acronym_ok, names_a_defined_term, names_a_market_asked, names_ok, organisation_ok,
                         origin_ok, part_ok,
                         period_ok, place_ok, rank_ok, region_ok, same_group, scope_ok, stars_ok, start_of_change_ok,
                         stated_as_planned, sum_ok, table_context, unit_ok, unstated_ok, within_ok, zone_ok)
from .features import (CHANGE_VERBS, asked_after_count, asked_count_phrase, asked_setting, clause, counted_share,
                       figure_features, is_place_asked, label_before, mentions, names_a_place_asked, own_count_words,
                       own_setting, relation_of, set_features)
from .rank import load_ranker


_FUNCTION_WORDS = set(lexicon.STOPWORDS) | set(lexicon.QUESTION_WORDS)

# Measures that name a kind of figure rather than a thing measured: "tỷ lệ", "giá trị", "tăng
# trưởng" may be of anything the question asks about, so they never conflict with it.
_GENERIC_MEASURES = {fold(m) for m in lexicon.GENERIC_MEASURES}
_MEASURES = {fold(m) for m in lexicon.MEASURES}


def measure_ok(ctx, f, x) -> bool:
    """A figure the record binds to another specific measure ("GDP … 8,1%") is not the answer
    to a question about "lạm phát", unless its clause names the measure asked too."""
    q = ctx.q
    own = fold(f.measure or "")
    measures = q.measures
    if fold(f.unit) not in lexicon.MONEY_UNITS_FOLDED:
        # "xử phạt bao nhiêu vụ?": a fine is money, and names no measure of the cases counted
        measures = [m for m in measures if fold(m) not in lexicon.FINE_MEASURES_FOLDED]
    # "sản lượng điện thương phẩm": the clause's "sản lượng điện sản xuất" names the generic word
    # only, not the measure asked
    specific = [m for m in measures if fold(m).replace(",", "") not in _GENERIC_MEASURES]
    in_clause = x["measure_in_clause"] if measures is q.measures and len(specific) == len(measures) else \
        any(mentions(fold(" ".join((clause(f), f.measure))), m) for m in {fold(m) for m in specific} | ctx.measure_equivalents)
    if measures and own and fold(f.sentence[f.end - f.sentence_start:]).lower().lstrip().startswith("ve " + own.lower()):
        # "8,79% về doanh thu và tăng 9,01% về sản lượng": a measure told right after its figure is
        # that figure's, generic or not, whatever else its clause names
        told, asked = own.lower(), {fold(m).replace(",", "").lower() for m in measures} | ctx.measure_equivalents
        return any(a in told or told in a for a in asked)
    if not measures or in_clause or own not in _MEASURES or own in _GENERIC_MEASURES:
        return True
    # "xuất, nhập khẩu" is "xuất nhập khẩu", a measure of its own: not "nhập khẩu"
    own = lexicon.one_way_trade(own.replace(",", ""))
    asked = {lexicon.one_way_trade(fold(m).replace(",", "")) for m in measures} - _GENERIC_MEASURES
    if not asked:
        return True                  # "tăng trưởng bao nhiêu?" names no thing measured
    # "kế hoạch kinh phí" is also asked as "ngân sách": the equivalents of any phrase inside it
    same = {o for p, others in ctx.equivalents if any(p in a for a in asked) for o in others}
    return any(a in own or own in a for a in asked | ctx.measure_equivalents | same)


# What the question names that a figure's evidence must not contradict (candidates.py), in order
HARD_SLOTS = (place_ok, country_ok, region_ok, scope_ok, level_ok, funding_ok, period_ok, names_ok, organisation_ok,
              part_ok, change_end_ok, label_ok, group_ok, stars_ok, origin_ok, listed_name_ok, rank_ok, unstated_ok,
              measure_acronym_ok, start_of_change_ok, zone_ok, sum_ok, bar_ok, except_ok, within_ok)


def _the_other_way(q, f: Figure) -> bool:
    """A question that counts the times something moved one way ("điều chỉnh tăng mấy lần?") is
    not answered by the times it moved the other ("giảm 9 lần"). A change of an amount or a rate
    the other way is still its answer, said as a fall ("tăng bao nhiêu?" → "giảm 12,05%")."""
    asked = {fold(r).lower() for r in q.relations} & {"tang", "giam"}
    if len(asked) != 1:
        return False
    if fold(f.unit).lower() == "lan":
        return relation_of(f) in {"tang", "giam"} - asked
    # those that moved one way, counted ("có bao nhiêu địa phương có GRDP giảm?") are not those
    # that moved the other ("tăng ở 58 địa phương và giảm ở 5 địa phương")
    moved = _MOVED_BEFORE.search(f.sentence, 0, f.start - f.sentence_start) if f.sentence else None
    return (q.kind == "count" and not q.change and moved is not None
            and fold(moved.group(1)).lower() in {"tang", "giam"} - asked)


# the way a count moved, said right before it: "tăng ở 58 địa phương", "giảm tại 3 huyện"
_MOVED_BEFORE = re.compile(r"(?<!\w)(tăng|giảm)(?:\s+(?:ở|tại))\s+$", re.IGNORECASE)


_TIMES_ASKED = re.compile(r"(?<!\w)(?:lan|gap)(?!\w)")
_A_CHANGE_NAMED = re.compile(r"(?<!\w)(?:tang|giam|them|hon|chenh lech|thay doi|bien dong)(?!\w)")
# measures whose figure a record gives as a rate or its change ("chỉ số sản xuất công nghiệp tăng 8,5%",
# "CPI tăng 0,5%"): "… là bao nhiêu?" of them may be answered by a percentage of change (folded)
_RATE_MEASURE = re.compile(r"(?<!\w)(?:chi so|toc do|ty le|ti le|ty trong|tang truong|cpi|iip|pmi|gia|muc)(?!\w)")
_PLAN_BASE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(b)) for b in lexicon.PLAN_BASES) + r")(?!\w)",
                        re.IGNORECASE)


# the base of a change asked, or said (folded): the month before, or the same period a year before
# ("cùng tháng năm trước", "cùng thời điểm năm trước" are the same period a year before: "cùng kỳ")
_BASE = r"(thang truoc|(?:thang |quy )?cung ky|cung (?:thang|quy|thoi diem|ky) nam (?:truoc|ngoai))"
_BASE_ASKED = re.compile(rf"\bso (?:voi )?{_BASE}\b")
_ANY_BASE_ASKED = re.compile(r"\bso (?:voi|cung ky)\b")
_BASES_IN_ORDER = re.compile(rf"\bso (?:voi )?{_BASE}\b[^;.]*?\bva\b[^;.]*?\bso (?:voi )?{_BASE}\b")
_QUALIFIED = "|".join(sorted({fold(q).lower() for q in QUALIFIERS}, key=len, reverse=True))
# a base written before the change it is of: "so với cùng tháng năm trước tăng 6,03%"
# (or the change in brackets after it: "giảm nhẹ so tháng trước (-1,54%) và tăng so với tháng cùng kỳ (+21.13%)")
_BASE_BEFORE = re.compile(rf"\bso (?:voi )?{_BASE}\s*,?\s+(?:(?:uoc|du kien)\s+)?(?:tang|giam)\s*(?:(?:{_QUALIFIED})\s+)?$"
                          rf"|\bso (?:voi )?{_BASE}\s*\(\s*$")


def _base_named(written: str) -> str:
    """The base a phrase names, as one of the two: "thang truoc" or "cung ky"."""
    return "thang truoc" if written == "thang truoc" else "cung ky"
_BASE_MONTH = re.compile(r"so (?:voi )?(?:cung )?thang (\d{1,2})\b")
_FIRST_OF_PAIR = re.compile(r"\s*(?:,\s*)?va\s+(?:tang|giam)\s+[\d.,]+\s*%")
_SECOND_OF_PAIR = re.compile(r"(?:tang|giam)\s+[\d.,]+\s*%\s*(?:,\s*)?va\s+(?:tang|giam)\s+$")


def _own_base(f: Figure) -> str | None:
    """The base a change names right after it ("tăng 6,9% so tháng trước"), if it is one of the
    two a question may ask: the month before, or the same period a year before."""
    if f.unit != "%":
        return None
    after = fold(f.sentence[f.end - f.sentence_start:f.end - f.sentence_start + 40]).lower().lstrip(" ,")
    m = _BASE_ASKED.match(after)
    if m:
        return _base_named(m.group(1))
    m = _BASE_BEFORE.search(fold(f.sentence[max(0, f.start - f.sentence_start - 60):f.start - f.sentence_start]).lower())
    if m:
        return _base_named(m.group(1) or m.group(2))
    # a month named as the base ("giảm 2,8% so với tháng 8/2023"): the month before, unless it is
    # the figure's own month a year before
    m = _BASE_MONTH.match(after)
    if not m:
        return None
    own = lexicon.calendar_month(f.period)
    return "cung ky" if own == int(m.group(1)) else "thang truoc"


def _paired_base(ctx: Evidence, f: Figure) -> str | None:
    """The base of a change written in a pair without its bases ("doanh thu du lịch lữ hành … tăng
    2,6% và tăng 46,7%"), from the order the whole states them in, before it in its sentence or
    in the sentence before ("… tăng 1,6% so với tháng trước và tăng 12,2% so với cùng kỳ năm trước.
    Trong đó: …"); None when the figure is no such pair's, or the order is not stated."""
    if f.unit != "%":
        return None
    s, e = f.start - f.sentence_start, f.end - f.sentence_start
    after, before = fold(f.sentence[e:e + 40]).lower(), fold(f.sentence[max(0, s - 40):s]).lower()
    at = 0 if _FIRST_OF_PAIR.match(after) else 1 if _SECOND_OF_PAIR.search(before) else None
    if at is None or _BASE_ASKED.match(after.lstrip(" ,")):
        return None
    for text in (f.sentence[:s], ctx.sentence_before(f)):
        orders = list(_BASES_IN_ORDER.finditer(fold(text).lower()))
        if orders:
            return _base_named(orders[-1].group(at + 1))
    return None


# a target set, not a forecast ("sẽ tăng 8%", "dự kiến" are what is expected, and may be all a record says)
# (nor a sum allocated: "kinh phí quốc gia được giao 800 triệu đồng cho 2 đề án" is what was given)
_TARGET_WORDS = re.compile(r"(?<!\w)(?:" + "|".join(lexicon.PLAN_NOUNS + ("phấn đấu", "đề ra", "đặt ra")) + r")(?!\w)",
                           re.IGNORECASE)


# a question that itself speaks of a plan or an expectation ("dự kiến tổng kinh phí hỗ trợ bao nhiêu?")
# (or of a horizon, "đến năm 2030 … đạt bao nhiêu người?", which only a target answers)
_PLAN_SAID = re.compile(r"\b(?:" + "|".join(fold(w).lower() for w in lexicon.PLAN_WORDS + ("dự báo", "đặt mục tiêu"))
                        + r"|(?:den|toi) nam \d{4})\b")


_REACHED = re.compile(r"\b(?:dat|thuc hien|hoan thanh)\b")
_SET_AS_TARGET = re.compile(r"(?<!\w)(?:phấn đấu|mục tiêu)(?!\w)", re.IGNORECASE)


def _own_clause(f: Figure) -> str:
    """The figure's clause before it, a plan named as its base left out ("đạt 95% kế hoạch"); a
    list's items after a colon are clauses of their own ("… đạt và vượt kế hoạch đề ra, như: Chỉ
    số sản xuất công nghiệp ước tăng 8,39% …" is achieved), and so is a line after an unpunctuated
    headline the sentence runs on from."""
    return lexicon.PLAN_AS_BASE.sub(" ", re.split(r"[;():\n]", f.sentence[:f.start - f.sentence_start])[-1])


def _targeted(f: Figure) -> bool:
    """A target stated for the figure's measure: a plan word in its own clause before it (as
    `stated_as_planned` reads it), or an item of a list of targets."""
    return bool(_TARGET_WORDS.search(_own_clause(f))) or in_a_list_of_targets(f)


def _asks_share_of_plan(q) -> bool:
    """A percentage of a plan, not a change: "đạt bao nhiêu phần trăm kế hoạch?"."""
    return q.unit_kind == "percent" and not q.change and bool(_PLAN_BASE.search(fold(q.text)))


def _asks_share_of_whole(q) -> bool:
    """A percentage a part takes of its whole, not a change: "chiếm bao nhiêu phần trăm tổng
    mức?", "chiếm tỷ trọng bao nhiêu?"."""
    return q.unit_kind == "percent" and not q.change and "chiem" in {fold(r) for r in q.relations}


def _of_a_plan(f: Figure) -> bool:
    """A change stated against a plan ("tăng 5% so với kế hoạch") is the plan's; one against
    the same period last year is not."""
    after = f.sentence[f.end - f.sentence_start:].split(";")[0]
    return bool(_PLAN_BASE.search(fold(" ".join(after.split()[:5]))))


_ISSUING_BODIES = {fold(b).lower() for b in lexicon.WHOLE_BODIES}


def _names_asked(ctx: Evidence) -> set[str]:
    """The names the question states, folded, to compare with a figure's subject."""
    return {fold(n).lower() for n in ctx.q.names}


def _subject_named(f: Figure, named: set[str]) -> bool:
    """Whether a figure's own subject is one of the names asked (`_names_asked`)."""
    return bool(f.entity) and fold(f.entity).lower() in named


def _bound_to_the_name_asked(ctx: Evidence, out: list[Candidate]) -> list[Candidate]:
    """A sentence with a figure whose own subject is the name asked ("…; còn lại các xã khác: …,
    Vũ Muộn đạt 97,4%" asked of xã Vũ Muộn) answers with it, not with a figure of an earlier ';'
    group or before a list the name is an item of, bound to none asked ("11 xã có tỷ lệ … đạt 100%,
    gồm: …"; "tổng công suất 11,86 triệu tấn/năm, như: Nhà máy … Tam Điệp (…)"), as for a province.
    A figure after the name may be the name's, its subject left out ("TKV … tiêu thụ 1,45 triệu
    tấn; khai thác 105.000 tấn tinh quặng đồng"), and one in the name's own group may be what
    the name describes ("phát hành 35 triệu cổ phiếu … theo chương trình … (ESOP), …")."""
    # (an issuing body asked, "được UBND tỉnh công nhận", is no subject a list binds its figures to)
    named = _names_asked(ctx) - _ISSUING_BODIES
    if not named:
        return out
    first_said: dict[tuple[str, int], int] = {}
    for c in out:
        if _subject_named(c.figure, named):
            key = (c.figure.doc, c.figure.sentence_start)
            at = fold(c.figure.sentence).lower().find(fold(c.figure.entity).lower())
            first_said[key] = min(first_said.get(key, at), at)
    kept = []
    for c in out:
        said = first_said.get((c.figure.doc, c.figure.sentence_start))
        at = c.figure.end - c.figure.sentence_start
        if _subject_named(c.figure, named) or said is None or said < at \
                or not re.search(r"[;:]", c.figure.sentence[at:said]):
            kept.append(c)
    return kept


def _bound_to_the_measure_asked(ctx: Evidence, out: list[Candidate]) -> list[Candidate]:
    """Of two figures of one sentence and unit, each bound to its own measure ("thu nộp ngân sách
    nhà nước hơn 20,7 triệu đồng và thu giữ một số hàng hóa trị giá gần 2 triệu đồng"), the one
    whose measure the question asks ("thu nộp ngân sách …?", "… trị giá bao nhiêu?") answers; the
    other's clause holds the measure asked only as its neighbour's."""
    asked = {fold(m).lower() for m in ctx.q.measures}
    asked |= {o.lower() for p, others in ctx.equivalents if p in asked for o in others}
    if not asked:
        return out
    def of_the_asked(f: Figure) -> bool:       # "kim ngạch xuất khẩu" is of "xuất khẩu" asked
        own = fold(f.measure).lower()
        about = fold(_about_after(f)).lower()
        return any(_phrase_in(a, own) or _phrase_in(own, a) or _phrase_in(a, about) for a in asked)

    def measured(f: Figure) -> bool:           # a measure of its own, not a count's noun ("200 sản phẩm")
        return bool(f.measure) and fold(f.measure).lower() != fold(f.unit).lower() and f.unit not in COUNT_NOUNS \
            or bool(_about_after(f))

    bound = {(c.figure.doc, c.figure.sentence_start, c.figure.unit) for c in out if measured(c.figure)
             and of_the_asked(c.figure)}
    # where the sentence names the measure asked last before a figure bound to it
    named_at = {}
    for c in out:
        key = (c.figure.doc, c.figure.sentence_start, c.figure.unit)
        if key in bound and measured(c.figure) and of_the_asked(c.figure):
            said = fold(c.figure.sentence[:c.figure.start - c.figure.sentence_start]).lower()
            at = [m.start() for a in asked for m in re.finditer(r"(?<!\w)" + re.escape(a) + r"(?!\w)", said)]
            if at:
                named_at[key] = max(named_at.get(key, -1), max(at))

    def before_the_measure(f: Figure) -> bool:
        # (in an earlier clause that names none of it: "300 triệu đồng từ ngân sách", "1 tỷ đồng kinh
        # phí khuyến công …; kinh phí quốc gia …" are the measure's own)
        at = named_at.get((f.doc, f.sentence_start, f.unit))
        pos, end = f.start - f.sentence_start, f.end - f.sentence_start
        stop = re.search(r"[,;]", f.sentence[end:])
        own = fold(f.sentence[max(f.sentence.rfind(",", 0, pos), f.sentence.rfind(";", 0, pos)) + 1:
                              end + stop.start() if stop else len(f.sentence)]).lower()
        return at is not None and end <= at and bool(re.search(r"[,;]", f.sentence[end:at])) \
            and not any(_phrase_in(a, own) for a in asked)

    # (a figure of no measure, written before the sentence names the one asked, is of what comes before:
    # "… cho 4.875 lao động, đạt 82% kế hoạch, với kinh phí giải ngân là 8,6 tỷ đồng, đạt 84%")
    return [c for c in out if (c.figure.doc, c.figure.sentence_start, c.figure.unit) not in bound
            or (not measured(c.figure) and not before_the_measure(c.figure)) or of_the_asked(c.figure)]


# what a change is of, written after it: "tăng 11,6% về số doanh nghiệp đăng ký và tăng 17,8% về vốn"
_ABOUT_AFTER = re.compile(r"[^\S\n]+về[^\S\n]+((?:(?!và\b|\d)[^\W\d]+[^\S\n]*){1,6})", re.IGNORECASE)


def _about_after(f: Figure) -> str:
    m = _ABOUT_AFTER.match(f.sentence, f.end - f.sentence_start)
    return m.group(1).strip() if m else ""


def _phrase_in(phrase: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text) is not None


def _part_of_the_place_asked(ctx: Evidence, f: Figure, names: set[str]) -> bool:
    """A figure after "trong đó" whose whole names the province asked ("… UBND tỉnh Trà Vinh đã
    phê duyệt Kế hoạch … với tổng kinh phí gần 11 tỷ đồng. Trong đó, kinh phí hỗ trợ cho hoạt
    động khuyến công gần 2,1 tỷ đồng, …") is that province's part; the part-or-whole slot
    decides whether the question asks it."""
    pos = f.start - f.sentence_start
    if _DETAIL_OPENER.match(f.sentence):
        # "Cụ thể, có 56 đề án khuyến công địa phương …" details the sentence before ("tỉnh Lâm Đồng
        # đã triển khai thực hiện 65 đề án …"), whose province is its own
        return names_a_place_asked(ctx.sentence_before(f, past_captions=True), names)
    among = list(lexicon.AMONG_WRITTEN.finditer(f.sentence, 0, max(pos, 0)))
    if not among:
        return False
    whole = f.sentence[:among[-1].start()]
    if not whole.strip(" \t-–*"):
        whole = ctx.sentence_before(f)
    return names_a_place_asked(whole, names)


_EACH = re.compile(r"(?<!\w)mỗi(?!\w)", re.IGNORECASE)
# (and "Theo đó", what the decision or report just named provides: "… phê duyệt kết quả … đợt 2 năm
# 2022. Theo đó, UBND tỉnh An Giang công nhận 14 sản phẩm …")
_DETAIL_OPENER = re.compile(r"[\s\-–*]*(?:cụ thể|chi tiết|theo đó)(?!\w)", re.IGNORECASE)


def _continues_the_sentence_before(ctx: Evidence, f: Figure) -> bool:
    """A sentence that opens with "Trong đó" or "Cụ thể" breaks down the one before ("… năm 2018
    tổng kinh phí khuyến công của 20 tỉnh thành phía Nam … Trong đó, kinh phí khuyến công địa
    phương … đạt 87,3%"): read with it, it must say what the question asks as a sentence would."""
    if not (lexicon.AMONG_WRITTEN.match(f.sentence.lstrip(" \t-–*")) or _DETAIL_OPENER.match(f.sentence)):
        return False
    before = ctx.sentence_before(f, past_captions=True)
    names = ctx.q.place_names()
    if names and not names_a_place_asked(before, names):
        return False            # a province asked must be the one the sentence before is about
    return ctx.coverage(before + " " + f.sentence) >= MIN_COVERAGE


def _each_asked(ctx: Evidence, f: Figure) -> bool:
    """"… thưởng bao nhiêu tiền cho mỗi sản phẩm?" asks an amount per item: the sentence that
    says it per item ("kèm theo mỗi sản phẩm … số tiền thưởng 5 triệu đồng") answers, though it
    names no province beside the province's total."""
    return bool(_EACH.search(ctx.q.text)) and bool(_EACH.search(f.sentence[:f.start - f.sentence_start]))


def _asked_of_an_item(ctx: Evidence) -> set[str]:
    """The question's content words that may tell one item of a record from another: not the
    province nor the period asked, which say whose and when. The province is taken out where the
    question writes it, so that its syllables leave a word alike folded ("Gia Lai … vi phạm giá điện")."""
    left = _words_beside_the_place(ctx, ctx.q.text)
    return {w for w in ctx.content if w in left} \
        - set(fold(ctx.q.period or "").lower().split()) - {"nam", "thang", "quy"} - {str(y) for y in ctx.q.years}


def _says_more_of_the_question(ctx: Evidence, c: Candidate, others: list[Candidate]) -> bool:
    """Whether a figure's clause says a word the question asks (not its place or period) that none
    of the clauses of `others` of its unit says."""
    asked = _asked_of_an_item(ctx)
    said = set().union(*(_words_beside_the_place(ctx, clause(o.figure)) for o in others if o.figure.unit == c.figure.unit))
    return bool((_words_beside_the_place(ctx, clause(c.figure)) & asked) - said)


def _words_beside_the_place(ctx: Evidence, text: str) -> set[str]:
    """A text's folded words, the province asked taken out: its "Gia Lai" says no "giá"."""
    return set(folded_syllables(ctx.without_places(text)).lower().split())


def _in_own_record(ctx: Evidence, f: Figure) -> bool:
    """A figure bound to no subject in a record about the province asked and no other
    ("Phần thưởng kèm theo mỗi giấy chứng nhận là 3 triệu đồng" in a province's report), or to a
    term the record abbreviates ("Số lượng VLNCN các đơn vị đã sử dụng … là hơn 370 tấn")."""
    return (not f.entity or names_a_defined_term(ctx, f)) and ctx.doc_names_only(f.doc, ctx.q.place_names())


def _a_change_measured(q, f: Figure) -> bool:
    """"lạm phát tăng bao nhiêu?": a rate that is a change, asked and said of the figure ("dự báo lạm
    phát … ở mức 3,8%"), answers it as a level does not."""
    asked = lexicon.MEASURES_OF_CHANGE.search(fold(q.text).lower())
    return bool(asked) and asked.group(1) in fold(clause(f)).lower()


def score_figures(ctx: Evidence, cands: list[tuple[Figure, int]]) -> list[Candidate]:
    """Hard slots first (unit kind, place, period, names the question states, a change asked:
    evidence that contradicts them is never an answer), then the learnt ranker's probability."""
    q = ctx.q
    seen: set[tuple[str, int]] = set(ctx.excluded)
    out: list[Candidate] = []
    plan_share = _asks_share_of_plan(q)
    whole_share = _asks_share_of_whole(q)
    base_asked = _BASE_ASKED.search(fold(q.text).lower()) if q.change else None    # "so với cùng kỳ"
    for f, rank in cands:
        key = (f.doc, f.start)
        if key in seen:
            continue
        seen.add(key)
        if not (unit_ok(q, f) and all(slot(ctx, f) for slot in HARD_SLOTS) and identifier_ok(q, f.sentence)):
            continue
        if q.change and relation_of(f) not in CHANGE_VERBS \
                and not (q.plan and stated_as_planned(f) and not _ANY_BASE_ASKED.search(fold(q.text).lower())) \
                and not (f.unit == "%" and _a_change_measured(q, f)):
            continue        # "tăng bao nhiêu?" asks the change: a level the record states is not one (a
                            # planned rate is the one "kế hoạch năm đặt mức tăng bao nhiêu?" asks; not
                            # "mục tiêu … tăng bao nhiêu so với năm 2022?", whose target is a level)
        if _the_other_way(q, f):
            continue        # "giá xăng được điều chỉnh tăng mấy lần?" is not "điều chỉnh giảm 9 lần"
        if not q.change and relation_of(f) in CHANGE_VERBS and fold(f.unit).lower() == "lan" \
                and not _TIMES_ASKED.search(fold(q.text).lower()):
            continue        # nor is a multiple of change ("thặng dư … tăng 96,7 lần") a level asked ("đạt bao nhiêu?")
        if not q.change and f.unit != "%" and relation_of(f) in CHANGE_VERBS and relation_of(f) != "vuot" \
                and not _A_CHANGE_NAMED.search(fold(q.text).lower()):
            continue        # nor an amount's change ("tiếp nhận 226 (tăng 55 hồ sơ so với năm 2017) hồ sơ"):
            #                 "tiếp nhận bao nhiêu hồ sơ?" names no change, and 55 more is no level
        if not q.change and f.unit == "%" and relation_of(f) in CHANGE_VERBS and q.kind == "figure" \
                and q.unit_kind is None and q.measures and not _A_CHANGE_NAMED.search(fold(q.text).lower()) \
                and not any(_RATE_MEASURE.search(fold(m).lower()) for m in q.measures):
            continue        # nor a rate of change an amount's ("xuất khẩu gạo … tăng gần 34%"): "xuất khẩu gạo
            #                 được bao nhiêu?" asks how much was exported
        if base_asked and (paired := _own_base(f) or _paired_base(ctx, f)) is not None \
                and paired != _base_named(base_asked.group(1)):
            continue        # "tăng 6,9% so tháng trước và tăng 19,4% so với cùng kỳ": the base written after
            #                 each; "tăng 2,6% và tăng 46,7%" after "… so với tháng trước và … so với cùng kỳ":
            #                 in that order
        if plan_share and relation_of(f) in CHANGE_VERBS and not _of_a_plan(f):
            continue        # "đạt bao nhiêu phần trăm kế hoạch?" is not "tăng 5,95% so cùng kỳ"
        if whole_share and (relation_of(f) in CHANGE_VERBS or not plan_share and _of_a_plan(f)):
            continue        # "chiếm bao nhiêu phần trăm tổng mức?" is not "tăng 11,9% so với cùng kỳ"
                            # nor "giải ngân … đạt 42,5% kế hoạch vốn"
        caption, header = table_context(ctx, f)
        x = figure_features(ctx, f, rank, TOP_PASSAGES, caption, header, ctx.doc_title(f.doc))
        if x["cov_sentence"] < MIN_COVERAGE and not (x["cov_passage"] >= MIN_PASSAGE_COVERAGE
                                                     and (not q.places or x["entity_exact"])) \
                and not _continues_the_sentence_before(ctx, f):
            continue        # the subject may be in the sentence before: the passage must then say it all,
            #                 and a province asked about must be the figure's own entity
        if not measure_ok(ctx, f, x):
            continue
        if _negates_what_is_asked(ctx, f) or _planned_for_done(ctx, f):
            continue        # its record says it did not, or will: not what the question asks was done
        out.append(Candidate(f, 0.0, x["cov_sentence"], x))
    # the share of the whole asked before whose it is: "… chiếm 35,2% diện tích cây ăn trái của tỉnh"
    # (its subject left to the sentence before) over "diện tích sầu riêng của tỉnh Đắk Lắk chiếm 17,6%
    # diện tích trồng sầu riêng của cả nước", bound to the province by name
    out = _of_the_whole_asked(ctx, out)
    if q.places and any(c.features["entity_exact"] for c in out):
        # figures bound to the province asked about exist: an unbound one (the region's, the
        # record's) is not its answer, however well its sentence reads
        # — unless its record is about that province (its heading names it: "Gia Lai: Tổng mức
        # bán lẻ … đạt hơn 29% kế hoạch" over the body's own "đạt 29,05% kế hoạch"), or it names
        # no other province and its unit is none of the bound figures': bare figures of a bound
        # one's unit restate or split it ("Triển khai 13 đề án …", "Trong đó có 3 đề án …" after
        # "tỉnh Đắk Nông đang triển khai 13 đề án"), while "Phần thưởng … là 3 triệu đồng" beside
        # "tỉnh Đồng Tháp … công nhận 30 sản phẩm" states another fact of the province. A file
        # named for the province is the second kind: the record says nothing by it
        names = q.place_names()
        # — unless it says what the question asks that the bound ones do not: a part told in the
        # next sentence ("… phát hiện 206 vụ vi phạm. Lĩnh vực phát hiện vi phạm nhiều là nhãn hàng
        # hóa khoảng 69 vụ" asked "vi phạm về nhãn hàng hóa là bao nhiêu vụ?")
        bound = [c for c in out if c.features["entity_exact"]]
        bound_units = {c.figure.unit for c in bound}
        for c in out:
            if not c.features["entity_exact"] and _part_of_the_place_asked(ctx, c.figure, names):
                c.features["entity_exact"] = 1.0          # a part of the province's whole is the province's
        out = [c for c in out if c.features["entity_exact"] or c.features["entity_in_clause"]
               or names_a_market_asked(ctx, c.figure.entity) or ctx.heading_names(c.figure.doc, names)
               or _in_own_record(ctx, c.figure) and (c.figure.unit not in bound_units
                                                     or _says_more_of_the_question(ctx, c, bound))
               or _each_asked(ctx, c.figure)]
    elif q.places:
        # none is: in a record about the province asked and no other, its report's bare figures
        # are the province's ("Chỉ số sản xuất công nghiệp 9 tháng đầu năm tăng 8,17%" under a
        # province's masthead), as a figure bound to it by name would be
        for c in out:
            if _in_own_record(ctx, c.figure):
                c.features["entity_exact"] = 1.0
    out = _named_list_items(ctx, out)
    out = [c for c in out if not _of_both_kinds(ctx, c.figure)]
    out = _bound_to_the_name_asked(ctx, out)
    out = _bound_to_the_measure_asked(ctx, out)
    # the group asked, where the record counts it apart, before the stage it is counted at
    out = _of_the_group_asked(ctx, out)
    # what is counted, named whole, first: "đề án khuyến công địa phương" is the detail's 56, though
    # the verb asked ("triển khai") wrote the total's 65
    out = _counting_what_is_asked(ctx, out)
    out = _counted_by_the_verb_asked(ctx, out)
    out = _in_the_setting_asked(ctx, out)
    out = _the_list_item_asked(ctx, out)
    out = _the_bracketed_item_asked(ctx, out)
    out = _the_led_item_asked(ctx, out)
    out = _a_part_of_the_whole_answered(ctx, out)
    out = _at_the_stage_asked(ctx, out)
    out = _segment_asked(ctx, out)
    if ctx.funding:
        # a record that states the source asked for ("nguồn kinh phí khuyến công địa phương 2 tỷ
        # đồng") does not answer it with a sum that names no source (its "tổng kinh phí 2,8 tỷ");
        # a sum whose sentence named the source before it continues it ("…, thực hiện …")
        sourced = {c.figure.doc for c in out if funding_said(c.figure)}
        out = [c for c in out if c.figure.doc not in sourced or funding_said(c.figure)
               or funding_in_sentence(c.figure) & ctx.funding]
    if q.plan:
        # "Kế hoạch năm đặt ra là bao nhiêu?": a record that states a plan answers with it, not
        # with what was achieved beside it ("đạt hơn 75.200 tỷ đồng, tăng 12,94% … (kế hoạch năm 11,31%)")
        planned = {f.doc for f, _ in cands if stated_as_planned(f)}
        out = [c for c in out if c.figure.doc not in planned or stated_as_planned(c.figure)
               or in_a_list_of_targets(c.figure)]
        if q.unit_kind == "money":
            # a planned rate answers a plan of money only where no planned sum does ("đặt mục tiêu lợi
            # nhuận … 19.800 tỷ đồng, tăng 25,3%": the sum)
            summed = {c.figure.doc for c in out if c.figure.unit != "%"}
            out = [c for c in out if c.figure.unit != "%" or c.figure.doc not in summed]
    else:
        out = _targets_for_done(ctx, out)
    _corroborate(out)
    set_features(ctx, out)
    ranker = load_ranker()
    for c in out:
        c.score = ranker.probability(c.features)
    _prefer_prose(out)
    if not q.years:
        out, ctx.older = _latest_period(out)
    if ctx.trace is not None:
        ctx.trace.extend(out)
    out.sort(key=lambda c: (-c.score, c.figure.table is not None, c.figure.doc, c.figure.start))
    return out


# what a counted noun's own words run to: the next item of a list, a clause's end
_ITEM_END = re.compile(r"[,;:.()]|\s(?:và|hoặc|với|đạt|tăng|giảm|chiếm|đang|đã|sẽ|được|của|tại|trên)\s|\d")


def _item_words(text: str) -> set[str]:
    """The words an item of a list says of its kind, abbreviations written out ("100.000 lượt DN");
    an item told by what was done to it says it after "được" ("16 HTX được hỗ trợ ứng dụng máy móc
    trong sản xuất chế biến, …; 2 HTX được hỗ trợ máy móc thiết bị trong sản xuất gia công đồ gỗ")."""
    passive = _DONE_TO.match(text)
    if passive:
        text = text[passive.end():]
    m = _ITEM_END.search(text)
    return set(folded_syllables(lexicon.written_out(text[:m.start()] if m else text)).split()[:10 if passive else 6]) \
        - _FUNCTION_WORDS


_DONE_TO = re.compile(r"\s*được\s+(?=\w)", re.IGNORECASE)


# kinds told apart by a word a list of items says first ("10 doanh nghiệp trong tỉnh và 1 doanh
# nghiệp ngoài tỉnh"), a word too common to weigh as one of the item's own (folded)
_OPPOSED_KINDS = {("trong", "ngoai"), ("ngoai", "trong")}


def _opposed_kind(counted: list[str], c: Candidate) -> bool:
    """The item opens with the kind opposed to the one the question names right after its noun."""
    unit = fold(c.figure.unit).lower().split()
    if not unit or counted[:len(unit)] != unit or len(counted) <= len(unit):
        return False
    first = folded_syllables(c.figure.sentence[c.figure.end - c.figure.sentence_start:]).lower().split()[:1]
    return bool(first) and (counted[len(unit)], first[0]) in _OPPOSED_KINDS


# two kinds of one head joined after a count: "08 dự án điện gió và điện mặt trời" (folded)
_BOTH_KINDS = re.compile(r"\s*((\w+)(?: \w+){1,3}?) va (\2(?: \w+){1,3}?)(?=$| (?:dua|duoc|da|dang|co|tai|cua|voi|"
                         r"trong|tren|o|nam|thang|quy|den|tu)\b)")


def _of_both_kinds(ctx: Evidence, f: Figure) -> bool:
    """A count of two kinds together ("08 dự án điện gió và điện mặt trời") does not answer a question
    that names one kind and not the other ("… bao nhiêu dự án điện mặt trời …?": the record's "điện mặt
    trời có 05 dự án" does, or nothing)."""
    if ctx.q.kind != "count":
        return False
    after = folded_syllables(re.split(r"[,;:.()]", f.sentence[f.end - f.sentence_start:], maxsplit=1)[0]).lower()
    m = _BOTH_KINDS.match(after)
    if not m:
        return False
    asked = set(folded_syllables(ctx.q.text).lower().split())
    one, other = set(m.group(1).split()), set(m.group(3).split())
    named = [bool((kind - (one & other)) <= asked) for kind in (one, other)]
    said = [bool((kind - (one & other)) & asked) for kind in (one, other)]
    return named != [True, True] and (named[0] and not said[1] or named[1] and not said[0])


def _named_list_items(ctx: Evidence, cands: list[Candidate]) -> list[Candidate]:
    """Of the items of one list ("301 cửa hàng xăng dầu và 480 cửa hàng bán lẻ khí hóa lỏng"),
    a question that names its counted noun's kind ("bao nhiêu cửa hàng xăng dầu") is answered
    by the items that say most of that kind, not by another of the same noun beside them."""
    counted = (ctx.q.count_noun or "").split()
    if not counted or counted == ["lan"]:
        return cands            # a multiple ("gấp bao nhiêu lần") is no list of kinds
    # the counted noun and every word after it: the kind may be told past the noun's six words
    # ("bao nhiêu gian hàng thực hiện từ nguồn kinh phí khuyến công quốc gia")
    asked_text = folded_syllables(ctx.q.text).lower()
    at = asked_text.find(" ".join(counted))
    counted = asked_text[at:].split() if at >= 0 else counted

    def asked(unit: str) -> set[str]:
        u = fold(unit).lower().split()
        return set(counted[len(u):]) - _FUNCTION_WORDS if u and counted[:len(u)] == u else set()

    own = {id(c): _item_words(c.figure.sentence[c.figure.end - c.figure.sentence_start:]) for c in cands}
    said = {id(c): -1 if _opposed_kind(counted, c) else len(own[id(c)] & asked(c.figure.unit)) for c in cands}
    best: dict[tuple, int] = {}
    for c in cands:
        key = (c.figure.doc, c.figure.sentence_start, c.figure.unit)
        best[key] = max(best.get(key, 0), said[id(c)])
    # an item that says no kind of its own shares the next one's ("58 xã, 09 phường hình thành …")
    return [c for c in cands if not own[id(c)]
            or said[id(c)] == best[(c.figure.doc, c.figure.sentence_start, c.figure.unit)]]


_SHARE_ASKED = re.compile(r"\bchiem\s+(?:ty\s*(?:le|trong)\s+)?(?:bao nhieu|may)\s*(?:phan tram|%)?\s+(?:cua\s+)?(.+)$")
_WHOLE_SAID_END = re.compile(r"[,;:.()]|\s(?:va|con|tang|giam|dat|so voi|trong do)\s")


def _whole_words(text: str) -> set[str]:
    return set(folded_syllables(text).split()) - _FUNCTION_WORDS - {"nam", "quy", "thang"}


def _of_the_whole_asked(ctx: Evidence, cands: list[Candidate]) -> list[Candidate]:
    """"… chiếm bao nhiêu phần trăm tổng kinh phí khuyến công quốc gia?" against "chiếm 20,25% tổng
    kinh phí khuyến công quốc gia và chiếm 34,85% kinh phí khuyến công toàn Vùng": of the shares
    a record states, the ones whose whole, written right after them, is most the whole asked
    ("47% tổng kim ngạch xuất khẩu hàng dệt may của cả nước" is not "… xuất khẩu cả nước")."""
    m = _SHARE_ASKED.search(fold(ctx.q.text).lower().rstrip(" ?")) if _asks_share_of_whole(ctx.q) else None
    asked = _whole_words(re.sub(r"\b(?:nam|quy|thang)\s+\S+", " ", m.group(1))) if m else set()
    if len(asked) < 2:
        return cands
    fit: dict[int, int] = {}
    for c in cands:
        after = fold(c.figure.sentence[c.figure.end - c.figure.sentence_start:]).lower()
        stop = _WHOLE_SAID_END.search(after)
        said = _whole_words(after[:stop.start() if stop else len(after)])
        if said:
            fit[id(c)] = len(said & asked) - len(said - asked)
    best: dict[str, int] = {}
    for c in cands:
        if id(c) in fit:
            best[c.figure.doc] = max(best.get(c.figure.doc, -99), fit[id(c)])
    return [c for c in cands if id(c) not in fit or fit[id(c)] == best[c.figure.doc]]


def _of_the_group_asked(ctx: Evidence, cands: list[Candidate]) -> list[Candidate]:
    """"Nhóm thủ công mỹ nghệ có bao nhiêu sản phẩm …?": where the record gives that group's own
    count ("Trong đó, Nhóm sản phẩm thủ công mỹ nghệ có 66 sản phẩm"), a count of its unit that
    names no group (the whole's "đăng ký 194 sản phẩm") is not the group's."""
    if not ctx.q.group:
        return cands
    asked = ctx.q.group.split()
    groups = {id(c): group_of(c.figure) for c in cands}
    grouped = {(c.figure.doc, c.figure.unit) for c in cands
               if groups[id(c)] is not None and same_group(groups[id(c)], asked)}
    return [c for c in cands if (c.figure.doc, c.figure.unit) not in grouped or groups[id(c)] is not None]


_LIST_LEAD = re.compile(r"(?<!\w)(?:bao gồm|gồm có|gồm|như)\s", re.IGNORECASE)
_BREAKDOWN = re.compile(r"\s*" + lexicon.AMONG_WRITTEN.pattern, re.IGNORECASE)   # a group opening with it
# a group that opens with its period and a verb has no subject of its own: "… tháng 7/2016 đạt 2.579,11
# tỷ đồng, …; lũy kế 7 tháng đạt 18.182,25 tỷ đồng" states one thing for two periods, not two items
_PERIOD_OPENS = re.compile(r"\s*(?:(?:lũy kế|luỹ kế|cộng dồn|tính chung|tính cả|cả)\s+)?(?:(?:trong|từ|đến)\s+)?"
                           r"(?:đầu năm|cả năm|(?:\d{1,2}|sáu|chín) tháng(?: đầu năm| năm)?|quý [IV\d]+|năm \d{4}|"
                           r"tháng \d{1,2}(?:/\d{4})?)(?:/\d{4}| \d{4})?,?\s+(?:ước\s+)?(?:đạt|tăng|giảm|là)(?!\w)",
                           re.IGNORECASE)
# a count and its counted noun, not a period ("9 tháng 2022 ước đạt …") nor a share ("3,4% so cùng kỳ")
_NUMBER = re.compile(r"(?<![\w,./])\d[\d.,]*(?=\s+(?!(?:tháng|năm|quý|ngày|tuần)(?!\w))[^\W\d_])", re.IGNORECASE)
_COUNT_OPENS = re.compile(r"\s*" + _NUMBER.pattern, re.IGNORECASE)          # a group opening with its count


def _opening_years(group: str) -> set[int]:
    """The years of the period a ';' group opens with ("năm 2008 đạt 195 triệu USD", "Nhìn lại
    năm 2004, …"); none when its first words name no dated period (a year in its baseline or its
    plan, "… so với cùng kỳ 2017", "… kế hoạch năm 2018", is not the group's)."""
    lead = len(group) - len(group.lstrip(" ,;"))
    first = next(iter(periods_in(group)), None)
    return years_in(first[2]) if first and first[0] - lead <= 30 else set()


_PLANNED_ASKED = re.compile(r"(?<!\w)(?:" + "|".join(fold(m).lower() for m in lexicon.PLANNED_MARKERS) + r")(?!\w)")


def _planned_words(q) -> set[str]:
    """The folded syllables of the plan verbs the question says ("phấn đấu", "dự kiến")."""
    return {w for m in _PLANNED_ASKED.finditer(fold(q.text).lower()) for w in m.group().split()}


def _counted_words(sentence: str, a: int, b: int) -> set[str]:
    """The folded words a group that opens with its count says it counts ("cửa hàng xăng dầu" of
    "2470 cửa hàng xăng dầu (đạt 68,06%)"), up to a bracket or a clause's end."""
    m = _COUNT_OPENS.match(sentence, a, b)
    if not m:
        return set()
    rest = re.split(r"[,;:.()]", sentence[m.end():b], maxsplit=1)[0]
    return set(folded_syllables(rest).split())


def _segment_asked(ctx: Evidence, cands: list[Candidate]) -> list[Candidate]:
    """A sentence that lists groups between semicolons, each with its own figures ("Hỗ trợ xây
    dựng mô hình trình diễn … (13 chương trình, … 2,035 tỉ đồng); Hỗ trợ xây dựng thương hiệu …
    (3 chương trình, … 262,5 triệu đồng); Nâng cao năng lực quản lý … (2 chương trình, gần
    162,5 triệu đồng)"): the question that names one group's own words is answered from that
    group, not from another with the same measure words ("kinh phí hỗ trợ"). A group's own
    words are those the other groups of the sentence do not share; the group must say at least
    two of the question's (one, where each group opens with its count and the word after it
    names the group: "1.475 chợ (đạt 68,9%); 132 siêu thị …") and more than any other."""
    if ctx.q.kind == "compare":
        return cands                      # its sides are one per period, chosen among all of them
    # the group's own description, not the subject: "PNJ" named before the first ";" is every group's
    # (a measure's acronym, "GRDP", is what one group measures: "… (GRDP) ước đạt …; … chỉ số sản xuất …")
    subject = {w for n in ctx.q.names if n not in lexicon.MEASURE_ACRONYMS_FOLDED for w in fold(n).lower().split()}
    # the question's content words were told from its function words on their marks when it has
    # them ("cửa hàng xăng dầu" is not "của", "đầu"): fold no more of them away here
    # them ("cửa hàng xăng dầu" is not "của", "đầu"); a plan's verb asked ("phấn đấu … đạt bao
    # nhiêu?") governs every group of a list of targets, and names none
    # the period asked names a group only where two groups or more state periods ("… tháng 6/2021 tăng
    # 9,02%; Tính chung trong 6 tháng đầu năm 2021, … tăng 7,77%"); said once, it is every group's ("9
    # tháng năm 2013, chỉ số … tăng 4,22%; …; kim ngạch xuất khẩu đạt 863,8 triệu USD")
    period = set(fold(ctx.q.period or "").lower().split())
    if ctx.q.years:
        period |= {"nam"} | {str(y) for y in ctx.q.years}      # "7 tháng năm 2019": its year's words too
    asked = set(ctx.content) - subject - _planned_words(ctx.q) - period
    period &= set(ctx.content)
    places = ctx.q.place_names()
    named_asked = _names_asked(ctx)
    by_sentence: dict[tuple[str, int], list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault((c.figure.doc, c.figure.sentence_start), []).append(c)
    dropped: set[int] = set()
    for group in by_sentence.values():
        sentence = group[0].figure.sentence
        bounds = [m.start() for m in re.finditer(";", sentence)]
        if not bounds:
            continue
        # the first group starts after the list's lead-in ("Một số địa phương có chỉ số tăng cao:
        # Quảng Nam tăng 29,2%; …", "Nhiều mặt hàng … tăng, gồm thủy sản …; thép …"): the
        # lead-in's words are every group's ("(gồm 11 chương trình …)" in a bracket is a group's own)
        # (a lead every group writes its own of, "công nhận 44 sản phẩm …, gồm 07 …; công nhận lại 13
        # sản phẩm …, gồm 04 …", opens each group's parts, not the list)
        lead = max(sentence.rfind(":", 0, bounds[0]) if ":" not in sentence[bounds[0]:] else -1,
                   max((m.end() - 1 for m in _LIST_LEAD.finditer(sentence, 0, bounds[0])
                        if sentence.count("(", 0, m.start()) == sentence.count(")", 0, m.start())
                        and not _LIST_LEAD.search(sentence, bounds[0])), default=-1))
        # groups that each open with their count ("… đầu tư so với quy hoạch là 1.475 chợ (đạt
        # 68,9%); 132 siêu thị (đạt 42,8%); 2470 cửa hàng xăng dầu (đạt 68,06%)") share all that
        # the first one says before its count: the first group starts there too
        counts = [m.start() for m in _NUMBER.finditer(sentence, lead + 1, bounds[0])
                  if sentence.count("(", 0, m.start()) == sentence.count(")", 0, m.start())]
        counted = bool(counts) and all(_COUNT_OPENS.match(sentence, b + 1) for b in bounds)
        if counted:
            lead = counts[-1] - 1
        spans = list(zip([lead + 1] + [b + 1 for b in bounds], bounds + [len(sentence)]))
        if any(_BREAKDOWN.match(sentence, a) for a, _ in spans[1:]):
            continue                      # "…; trong đó, 7 sản phẩm …": the parts of the group before, not
            #                               a group beside it (part or whole is a slot of its own)
        if any(_PERIOD_OPENS.match(sentence, a) for a, _ in spans[1:]):
            continue                      # "…; lũy kế 7 tháng đạt …": the same thing of another period (the
            #                               period slot tells them apart)
        words = [set(folded_syllables(sentence[a:b]).split()) for a, b in spans]
        group_asked = asked | period if sum(bool(periods_in(sentence[a:b])) for a, b in spans) >= 2 else asked
        said = []
        for i, ws in enumerate(words):
            others = set().union(*(w for j, w in enumerate(words) if j != i))
            said.append(len((ws - others) & group_asked))
        best = max(said)
        # the one group that names the market asked ("…; thị trường Châu Âu ước đạt …") is it
        market = [i for i, (a, b) in enumerate(spans) if names_a_market_asked(ctx, sentence[a:b])]
        # "năm 2006 đạt 130 triệu USD; năm 2007 …; năm 2008 đạt 195 triệu USD": groups told apart by
        # their years are chosen by the year asked (the period slot), not by the lead's words
        dated = [_opening_years(sentence[a:b]) for a, b in spans]
        by_year = [i for i, ys in enumerate(dated) if ys & ctx.q.years]
        if ctx.q.years and len({frozenset(ys) for ys in dated if ys}) > 1:
            if len(by_year) != 1:
                continue
            keep = spans[by_year[0]]
        elif len(market) == 1:
            keep = spans[market[0]]
        elif counted:
            # each group is named by what it counts, the words after its count ("1.475 chợ (đạt …)"):
            # the group whose counted words the question says, all of them, the longest such
            named = [(len(ws), i) for i, ws in enumerate(_counted_words(sentence, a, b) for a, b in spans)
                     if ws and ws <= group_asked]
            if not named or [n for n, _ in named].count(max(named)[0]) > 1:
                continue
            keep = spans[max(named)[1]]
        elif best < 2 or said.count(best) > 1:
            continue
        else:
            keep = spans[said.index(best)]
        kept_units = {c.figure.unit for c in group if keep[0] <= c.figure.start - c.figure.sentence_start < keep[1]}
        for c in group:
            at = c.figure.start - c.figure.sentence_start
            if at < spans[0][0] and c.figure.unit not in kept_units:
                continue        # the lead-in's own figure ("xoay quanh 4 vấn đề sau: …"), no group's
            # a figure bound to the province, the market or the name asked is never another group's
            # ("…; còn lại các xã khác: …, Vũ Muộn đạt 97,4%" asked of xã Vũ Muộn)
            if not keep[0] <= at < keep[1] and not (c.figure.entity and is_place_asked(c.figure.entity, places)) \
                    and not names_a_market_asked(ctx, c.figure.entity) \
                    and not _subject_named(c.figure, named_asked):
                dropped.add(id(c))
    return [c for c in cands if id(c) not in dropped]


def _counted_by_the_verb_asked(ctx: Evidence, cands: list[Candidate]) -> list[Candidate]:
    """"kiểm tra bao nhiêu vụ?" is answered by the count the record writes after "kiểm tra"
    ("đã tiến hành kiểm tra 2.881 vụ"), not by the count after another verb in the next sentence
    ("đã xử lý 2.611 vụ"), when the record has the one asked: counts of one unit in one record."""
    verb = asked_verb(ctx.q) if ctx.q.kind == "count" else ()
    if not verb:
        return cands
    after = {id(c) for c in cands if counted_right_after(c.figure, verb)}
    said = {(c.figure.doc, c.figure.unit) for c in cands if id(c) in after}
    # (the sentence right after, when it breaks the verb's count down, "Bao gồm 3 phiên chợ … về miền
    # núi, 1 phiên chợ … về hải đảo", counts what the verb did too)
    counted = {c.figure.sentence.strip() for c in cands if id(c) in after}
    # (and so do the parts its own sentence breaks it into: "tổ chức 120 lớp truyền, dạy nghề, với
    # 80 lớp … tại các làng thuần nông, 40 lớp tại các làng đã có nghề")
    wholes = [c.figure for c in cands if id(c) in after]
    return [c for c in cands if (c.figure.doc, c.figure.unit) not in said or id(c) in after
            or _BREAKS_DOWN.match(c.figure.sentence) and ctx.sentence_before(c.figure).strip() in counted
            or any(_broken_down(w, c.figure) for w in wholes)]


def _bracket_item_words(f: Figure) -> set[str] | None:
    """The words of the list item a bracketed figure is said of: "…, trị giá hàng hóa buộc tiêu hủy
    trên 176 tỷ đồng (tăng 87%)" → those before its bracket, back to the item's start."""
    pos = f.start - f.sentence_start
    opened = f.sentence.rfind("(", 0, pos)
    if opened < 0 or ")" in f.sentence[opened:pos]:
        return None
    return _words_before_bracket(f.sentence, opened)


def _words_before_bracket(sentence: str, opened: int) -> set[str]:
    """The folded words of the item a bracket at `opened` is written after, back to the item's start."""
    start = max(sentence.rfind(d, 0, opened) for d in ",;:)") + 1
    return set(folded_syllables(sentence[start:opened]).split())


_MAX_ITEM_WORDS = 12


def _the_bracketed_item_asked(ctx: Evidence, cands: list[Candidate]) -> list[Candidate]:
    """"trị giá hàng hóa buộc tiêu hủy … tăng bao nhiêu %?" of "…, trị giá hàng hóa tịch thu gần 169
    tỷ đồng (tăng 12%), trị giá hàng hóa buộc tiêu hủy trên 176 tỷ đồng (tăng 87%)": each bracketed
    change is its item's; the words asked that the items do not share ("buộc tiêu hủy") are one
    item's own (12% had been stated at 0.87)."""
    asked = set(folded_syllables(ctx.q.text).split()) - lexicon.STOPWORDS
    dropped = set()
    for group in _by_sentence_and_unit(cands).values():
        own = {id(c): _bracket_item_words(c.figure) for c in group}
        if len(group) < 2 or any(words is None or len(words) > _MAX_ITEM_WORDS for words in own.values()):
            continue        # (an item that runs back into the list's lead, "Tính đến … là 1.475 chợ (đạt 68,9%)",
            #                 holds the words every item shares)
        frame = set.intersection(*own.values())
        dropped |= _all_but_the_best({i: len((words - frame) & asked) for i, words in own.items()}, lambda best: best)
    # a list of changes in brackets ("công nghiệp chế biến, chế tạo (+7,92), sản xuất và phân phối điện
    # (+1,35%), …"): where the item asked is one whose bracket holds no figure of the unit asked, the
    # others' are not its (the electricity's +1,35% had been stated for "chế biến, chế tạo")
    # (items named alone: "… giảm nhẹ so tháng trước (-1,54%) và tăng so với tháng cùng kỳ (+21.13%)" tells
    # changes apart by their bases, and its clauses are no items)
    for c in cands:
        own = _bracket_item_words(c.figure)
        if not own or len(own) > _MAX_ITEM_WORDS or own & _NOT_AN_ITEM:
            continue
        items = [_words_before_bracket(c.figure.sentence, m.start())
                 for m in _BRACKETED_CHANGE.finditer(c.figure.sentence)]
        if len(items) < 3 or any(words & _NOT_AN_ITEM for words in items):
            continue
        shared = set.intersection(*items)
        hits = [len((words - shared) & asked) for words in items]
        if max(hits) > len((own - shared) & asked) and hits.count(max(hits)) == 1:
            dropped.add(id(c))
    return [c for c in cands if id(c) not in dropped]


_NOT_AN_ITEM = {"tang", "giam", "so"}
# a bracket holding only a change, with or without its unit: "(+7,92)", "(-1,54%)"
_BRACKETED_CHANGE = re.compile(r"\(\s*[+\-−]?\s*\d[\d.,]*\s*%?\s*\)")


def _by_sentence_and_unit(cands: list[Candidate]) -> dict[tuple, list[Candidate]]:
    groups: dict[tuple, list[Candidate]] = {}
    for c in cands:
        groups.setdefault((c.figure.doc, c.figure.sentence_start, c.figure.unit), []).append(c)
    return groups


def _all_but_the_best(hits: dict, enough) -> set:
    """The keys of `hits` scored below the one best, when that best is alone and `enough`."""
    best = max(hits.values())
    if not enough(best) or list(hits.values()).count(best) > 1:
        return set()
    return {i for i, n in hits.items() if n < best}


def _item_span(f: Figure) -> tuple[int, int] | None:
    """Where the list item a figure is said of lies in its sentence: between the delimiters around
    it ("…, ô tô các loại đạt 319 tỷ đồng, tăng 11,1%, xăng dầu các loại đạt 1.429 tỷ đồng"; "giao 1
    tỷ đồng kinh phí khuyến công địa phương cho 12 đề án;"); None for a figure that opens a long
    clause, whose words are the sentence's, not an item's."""
    pos, end = f.start - f.sentence_start, f.end - f.sentence_start
    start = max(f.sentence.rfind(d, 0, pos) for d in ",;:()") + 1
    if not 0 < len(folded_syllables(f.sentence[start:pos]).split()) <= _MAX_ITEM_WORDS:
        return None
    stop = min([i for i in (f.sentence.find(d, end) for d in ",;:()") if i >= 0], default=len(f.sentence))
    return start, stop


# what a list item may say before its figure without naming anything of its own (folded syllables)
_PREDICATE_WORDS = frozenset("dat tang giam chiem vuot them thuc hien duoc giao la co voi va so cao thap hon nhieu chi "
                             "moi uoc khoang tren gan da len xuong con tinh rieng".split())


def _predicate_only(f: Figure, start: int) -> bool:
    """Whether the words from an item's start to its figure are a predicate alone ("thực hiện")."""
    words = folded_syllables(f.sentence[start:f.start - f.sentence_start]).split()
    return all(w in _PREDICATE_WORDS for w in words)


_BREAKDOWN_WORDS = re.compile(lexicon.AMONG_WRITTEN.pattern + r"|(?<!\w)(?:bao )?gồm(?!\w)", re.IGNORECASE)


def _kind_of_unit(unit: str) -> str:
    return "percent" if unit == "%" else "money" if fold(unit) in lexicon.MONEY_UNITS_FOLDED else "count"


def _kind_asked(q) -> str | None:
    if q.kind == "count":
        return "count"
    if q.unit_kind in ("money", "percent") or q.kind == "percent":
        return q.unit_kind or "percent"
    return None




def _a_part_of_the_whole_answered(ctx: Evidence, cands: list[Candidate]) -> list[Candidate]:
    """"Trong đó bao nhiêu sản phẩm 4 sao?" after "… công nhận lại bao nhiêu sản phẩm …?" answered
    "13 sản phẩm" in "…, gồm 07 sản phẩm đạt hạng 4 sao, …; công nhận lại 13 sản phẩm …, gồm 04 sản
    phẩm đạt hạng 4 sao, …": where the whole's sentence breaks it down after it, in its own ';'
    group, the part is there (the other group's 07 had been stated at 0.91)."""
    if ctx.whole is None:
        return cands
    doc, at = ctx.whole
    # (a part is of the whole's unit: after "… đạt bao nhiêu phần trăm kế hoạch?" answered "118,32%", a
    # part in kWh is of the turn before it, not broken down after the percentage)
    units = {f.unit for f in ctx.engine.store.figures("doc=? AND start=?", (doc, at))}
    # (and of the kind the part is asked in: "Trong đó doanh nghiệp sản xuất tiết kiệm bao nhiêu?" asks no
    # percentage though the turn before answered one)
    asked = _kind_asked(ctx.q)
    if not any(_kind_of_unit(u) == asked or asked is None and u != "%" for u in units):
        return cands        # ("… nhập khẩu bao nhiêu?" asks an amount: of a whole in USD, not of a percentage)

    def broken_down_here(f: Figure) -> bool:
        if f.doc != doc or f.unit not in units or not f.sentence_start <= at < f.start:
            return False
        return ";" not in f.sentence[at - f.sentence_start:f.start - f.sentence_start]
    here = [c for c in cands if broken_down_here(c.figure)]
    return here or cands


def _list_lead(items: list[str]) -> set[str]:
    """The words a list says once, before its first item's own ("Tỷ lệ lấp đầy trên diện tích đất
    quy hoạch đạt 62,60%, trên diện tích đất thu hồi 87,16%"): a later item that opens with two
    words the first item has further in shows where the first item's own words begin; the words
    before them lead every item (the first had been taken to be the only one naming "tỷ lệ lấp đầy")."""
    first = items[0].split()
    lead: set[str] = set()
    for item in items[1:]:
        opening = item.split()[:2]
        if len(opening) < 2:
            continue
        for k in range(1, len(first) - 1):
            if first[k:k + 2] == opening:
                lead |= set(first[:k])
                break
    return lead


def _the_led_item_asked(ctx: Evidence, cands: list[Candidate]) -> list[Candidate]:
    """"doanh thu xăng dầu các loại …?" of "…; ô tô các loại đạt 319 tỷ đồng, tăng 11,1%, xăng dầu
    các loại đạt 1.429 tỷ đồng": the figures of one sentence and unit are each said of their item;
    the words asked that the items do not share are one item's own (319, whose window runs on into
    the next item's name, had been preferred). Words the sentence says outside its items are every
    item's ("… có tổng số 236 doanh nghiệp thành lập mới, …, với tổng số vốn đăng ký hơn 3.272 tỷ
    đồng; vốn đăng ký bình quân một doanh nghiệp thành lập mới đạt 13,87 tỷ đồng": the new firms
    name neither sum)."""
    asked = _asked_of_an_item(ctx)
    names = {fold(n).lower() for n in ctx.q.names if n not in lexicon.MEASURE_ACRONYMS_FOLDED} \
        - lexicon.COUNTRIES_FOLDED            # (a market, "tại Mỹ", is no one's item)
    dropped = set()
    levels: dict[tuple, list[tuple[Candidate, tuple[int, int]]]] = {}
    for key, candidates in _by_sentence_and_unit(cands).items():
        for c in candidates:
            if (span := _item_span(c.figure)) is not None:
                # items on either side of a breakdown are a whole and its parts, not a list's items ("… ước
                # đạt 1.050 triệu USD (trong đó, … 890 triệu USD, … 160 triệu USD)"): the part slot's
                level = len(_BREAKDOWN_WORDS.findall(c.figure.sentence, 0, span[0]))
                levels.setdefault(key + (level,), []).append((c, span))
    for group in levels.values():
        if len(group) < 2:
            continue
        sentence = group[0][0].figure.sentence
        outside = sentence
        for _, (a, b) in group:
            outside = outside[:a] + " " * (b - a) + outside[b:]
        texts = {id(c): " ".join(folded_syllables(sentence[a:b]).split()) for c, (a, b) in group}
        own = {i: set(t.split()) for i, t in texts.items()}
        frame = set.intersection(*own.values()) | set(folded_syllables(outside).split()) \
            | _list_lead([texts[id(c)] for c, _ in sorted(group, key=lambda g: g[1][0])])
        # (a name asked is its item's above any number of words: "Walmart mới chỉ chiếm 5,8% thị phần
        # bán lẻ trực tuyến tại Mỹ, thấp hơn nhiều so với 39% của Amazon" asked of Amazon)
        named = {i: sum(1 for n in names if _phrase_in(n, t)) for i, t in texts.items()}
        if not any(named.values()) and any(_predicate_only(c.figure, a) and relation_of(c.figure) not in CHANGE_VERBS
                                           for c, (a, _) in group):
            continue    # "kinh phí … được giao 1,5 tỷ đồng, thực hiện 1,42 tỷ đồng": an item that says only
            #             what was done goes on with the subject before it; its words tell no item apart
            #             (a change after its level, "đạt 10.6%, giảm 53.4 %", is that level's, and told apart)
        hits = {i: (named[i], len((words - frame) & asked)) for i, words in own.items()}
        # (a name, or two words at least: one word, "điện" of "tổn thất điện năng", names no item)
        dropped |= _all_but_the_best(hits, lambda best: best[0] or best[1] >= 2)
    return [c for c in cands if id(c) not in dropped]


def _the_list_item_asked(ctx: Evidence, cands: list[Candidate]) -> list[Candidate]:
    """"bao nhiêu xã đạt tiêu chí thủy lợi?" of "39 xã đạt tiêu chí giao thông, 75 xã đạt tiêu chí
    thủy lợi, 48 xã đạt tiêu chí điện": the counts of one sentence share their frame ("xã đạt tiêu
    chí"); the words asked beyond it ("thủy lợi") are one item's own, written after its number.
    Where one count of the sentence writes them all, the counts that write none are not it (48,
    written right after "thủy lợi,", had been stated)."""
    if ctx.q.kind != "count" or len(cands) < 2:
        return cands
    asked = asked_after_count(ctx.q.text)
    # (the place or name asked is no item's words: "Hà Tĩnh" folded is the "hạ" of "cột hạ áp")
    subjects = {w for n in ctx.q.place_names() | set(ctx.q.names) for w in fold(n).lower().split()}
    dropped = set()
    for group in _by_sentence_and_unit(cands).values():
        if len(group) < 2:
            continue
        own = {id(c): own_count_words(c.figure) for c in group}
        frame = set.intersection(*own.values())
        items = asked - frame
        if len(group) == 2:
            # two counts are as often a whole and its part: told apart only by words asked that
            # one says and the other does not ("937 người đạt yêu cầu/975 người dự kiểm tra" asked
            # "bao nhiêu người dự kiểm tra …?"), whichever is the whole
            # (its words run on from its unit to a mark: "sản phẩm dầu 15.596 TOE, than 8.217 TOE"
            # labels each before it, and "than" is no word of the 15.596)
            tail = {id(c): _words_after_its_unit(c.figure) for c in group}
            # (words the sentence says elsewhere too are its frame, left out of one label: "120 lớp
            # truyền, dạy nghề, với 80 lớp truyền, dạy nghề tại …, 40 lớp tại các làng đã có nghề")
            counts = collections.Counter(folded_syllables(group[0].figure.sentence).split())
            said = {w for w in items & set.union(*tail.values()) - subjects
                    if counts[w] == sum(w in t for t in tail.values())}
            one, other = group
            if not (tail[id(one)] - frame and tail[id(other)] - frame):
                continue        # each must write its own ("… 364 sản phẩm, bộ sản phẩm đăng ký …" does not)
            if said and said <= tail[id(one)] and not said & tail[id(other)]:
                dropped.add(id(other))
            elif said and said <= tail[id(other)] and not said & tail[id(one)]:
                dropped.add(id(one))
            continue
        hits = [c for c in group if items and items <= own[id(c)]]
        if hits and len(hits) < len(group):
            dropped |= {id(c) for c in group if not own[id(c)] & items}
    return [c for c in cands if id(c) not in dropped]


def _words_after_its_unit(f: Figure) -> set[str]:
    """The folded words a figure's own clause says right after it, to the first mark or number."""
    # (a change verb opens the next one's predicate: "tăng ở 58 địa phương và giảm ở 5 địa phương")
    rest = re.split(r"[,;:.()/]|(?<!\w)\d[\d.,]*(?!\w)|(?<!\w)(?:tăng|giảm)(?!\w)",
                    f.sentence[f.end - f.sentence_start:], maxsplit=1)[0]
    return set(folded_syllables(rest).split())


def _in_the_setting_asked(ctx: Evidence, cands: list[Candidate]) -> list[Candidate]:
    """"bao nhiêu lớp … tại các làng thuần nông?" is answered by the count whose own words place
    its things there ("80 lớp … tại các làng thuần nông"), not by a count placed elsewhere ("40 lớp
    tại các làng đã có nghề"), when the record has the one asked: counts of one unit in one record."""
    asked = asked_setting(ctx.q.text) if ctx.q.kind == "count" else None
    if not asked:
        return cands
    own = {id(c): own_setting(c.figure) for c in cands}
    placed = {(c.figure.doc, c.figure.unit) for c in cands if own[id(c)] and own[id(c)].startswith(asked)}
    return [c for c in cands if (c.figure.doc, c.figure.unit) not in placed or not own[id(c)]
            or own[id(c)].startswith(asked)]


_BREAKS_DOWN = re.compile(r"[\s\-–*+•]*(?:bao gồm|gồm|trong đó|trong số đó|cụ thể)(?!\w)", re.IGNORECASE)
_BREAKS_DOWN_WITHIN = re.compile(r"(?:,|:)\s*(?:với|bao gồm|gồm|trong đó|trong số đó|cụ thể)(?!\w)|:", re.IGNORECASE)


def _broken_down(whole: Figure, f: Figure) -> bool:
    """Whether `f` is a part its sentence counts after `whole` ("120 lớp …, với 80 lớp …, 40 lớp …"),
    or after the whole restated (a news lead's "phát hiện gần 1.950 vụ vi phạm", broken down in the
    body's "… phát hiện gần 1.950 vụ vi phạm sử dụng điện, gồm 33 vụ …, 301 vụ …")."""
    if whole.doc != f.doc or whole.unit != f.unit:
        return False
    pos = f.start - f.sentence_start
    if whole.sentence_start == f.sentence_start:
        start = whole.end - f.sentence_start if whole.end <= f.start else -1
    else:
        start = f.sentence.find(whole.text, 0, pos)
        start = start + len(whole.text) if start >= 0 else -1
    return start >= 0 and bool(_BREAKS_DOWN_WITHIN.search(f.sentence, start, pos))


def _counting_what_is_asked(ctx: Evidence, cands: list[Candidate]) -> list[Candidate]:
    """"bao nhiêu doanh nghiệp kinh doanh hóa chất công nghiệp?" is answered by the count the
    record writes before those words ("02 doanh nghiệp kinh doanh hóa chất công nghiệp"), not by
    another count of the unit that says less of them ("12 doanh nghiệp trên địa bàn tỉnh"), when
    the record has the one asked: counts of one unit in one record, as for the verb asked."""
    asked = asked_count_phrase(ctx.q.text) if ctx.q.kind == "count" else []
    if len(asked) < COUNTED_WORDS:
        return cands
    share = {id(c): counted_share(c.figure, asked) for c in cands}
    named = [c.figure for c in cands if share[id(c)] == 1.0]
    whole = {(f.doc, f.unit) for f in named}
    verb = asked_verb(ctx.q)

    def elided(f: Figure) -> bool:
        # "kiểm tra và bắt giữ 3.378 vụ liên quan đến buôn lậu …; xử lý 3.257 vụ": the verb asked
        # ("xử lý bao nhiêu vụ buôn lậu …?") counts, later in the sentence, what was named before
        return bool(verb) and counted_right_after(f, verb) and any(
            w.doc == f.doc and w.sentence_start == f.sentence_start and w.end <= f.start for w in named)
    # (beside the count that says it all, in its own sentence, an item labelled with a word not asked
    # is another item: "thịt lợn 50.000 tấn; …; thịt bò 13.800 tấn" asked "bao nhiêu tấn thịt bò";
    # "…, 40 lớp tại các làng đã có nghề", whose label the whole's words before it leave out, is not)
    said_all = {(f.doc, f.sentence_start) for f in named}

    def labelled_otherwise(f: Figure) -> bool:
        return (f.doc, f.sentence_start) in said_all and bool(set(label_before(f)) - set(asked))
    def done_after(f: Figure) -> bool:
        # "chọn ra 20 sản phẩm đạt điểm cao nhất để trao giải …": the verb asked ("trao giải cho bao
        # nhiêu sản phẩm …?"), said of the count in its own clause, after it
        after = re.split(r"[,;:.()]", fold(f.sentence[f.end - f.sentence_start:]).lower(), maxsplit=1)[0]
        return bool(verb) and len(verb) == 2 and re.search(r"(?<!\w)" + r"\s+".join(verb) + r"(?!\w)", after) is not None
    return [c for c in cands if (c.figure.doc, c.figure.unit) not in whole
            or share[id(c)] >= 0.5 and (share[id(c)] == 1.0 or not labelled_otherwise(c.figure))
            or elided(c.figure) or done_after(c.figure)]


_STAGE_WORDS = {stage: "|".join(fold(w) for w in words) for stage, words in lexicon.SELECTION_STAGES.items()}
_STAGE_WORDS["chosen"] += r"|duoc(?:\s+\S+){1,3}?\s+(?:binh chon|cong nhan|lua chon|chon|trao)"  # "được Hội đồng bình chọn"
_STAGES = [(stage, re.compile(r"^(?:\S+\s+){0,3}?(?:" + words + r")(?!\w)")) for stage, words in _STAGE_WORDS.items()]
# the verb right before a count: "công nhận 20 sản phẩm", "chọn 7 sản phẩm", "đăng ký 30 đề án"
_STAGE_BEFORE = [(stage, re.compile(r"(?<!\w)(?:" + words + ("|chon" if stage == "chosen" else "") + r")\s+\Z"))
                 for stage, words in _STAGE_WORDS.items()]
# a list of parts after a whole of that stage: "26 sản phẩm tham gia bình chọn gồm 03 nhóm: … 05 sản phẩm"
_STAGE_THEN_LIST = [(stage, re.compile(r"(?<!\w)(?:" + words + r")(?!\w)[^.;]*?(?:\bgom\b|:)[^.]*\Z"))
                    for stage, words in _STAGE_WORDS.items()]
# a clause that opens with the stage: "Tham gia bình chọn … năm nay có 35 sản phẩm"
_STAGE_OPENS = [(stage, re.compile(r"(?:^|[.;:]\s*)(?:" + words + r")(?!\w)[^,;:.]*\Z"))
                for stage, words in _STAGE_WORDS.items()]
_COUNTED_AFTER = re.compile(r"\b(?:bao nhieu|may)\s+(.*)$")


def _stage(words: str) -> str | None:
    """The selection stage a counted phrase names ("sản phẩm tham gia bình chọn": entered), folded."""
    return next((stage for stage, pattern in _STAGES if pattern.search(words)), None)


# a sentence opening with the pool a selection is made from: "Từ 218 sản phẩm …" (folded)
_POOL_OPENS = re.compile(r"\s*tu(?:\s+(?:tong so|hon|gan|tren))?\s*")
_RANGE_GOES_ON = re.compile(r"\s*(?:\S+\s+){0,2}?(?:den|toi)\s+\d")


def _stage_of(f: Figure) -> str | None:
    """The stage a count is of: named after it in its clause, else by the verb right before
    it, else by the whole whose list of parts it is in."""
    after = fold(f.sentence[f.end - f.sentence_start:]).lower()
    stage = _stage(re.split(r"[,;:.()]", after, 1)[0].strip())
    if PART_OF_A_WHOLE.search(f.text):
        # "40 trong tổng số 96 sản phẩm tham gia bình chọn … được công nhận": the words after it are
        # the whole's ("tham gia"); the part is at the other stage its sentence names, if any
        return next((other for other, pattern in _STAGES if other != stage and pattern.search(after)), None)
    if stage:
        return stage
    before = fold(f.sentence[:f.start - f.sentence_start]).lower()
    if _POOL_OPENS.fullmatch(before) and not _RANGE_GOES_ON.match(after):
        return "entered"        # "Từ 218 sản phẩm … đăng ký tham gia bình chọn …, … công nhận 126 sản phẩm": the pool
    for patterns in (_STAGE_BEFORE, _STAGE_OPENS, _STAGE_THEN_LIST):
        stage = next((stage for stage, pattern in patterns if pattern.search(before)), None)
        if stage:
            return stage
    return None


def _at_the_stage_asked(ctx: Evidence, cands: list[Candidate]) -> list[Candidate]:
    """"bao nhiêu sản phẩm được công nhận?" is not answered by "nhận được 26 sản phẩm tham gia
    bình chọn" (stated at 0.93), nor "… tham gia bình chọn?" by those that won: in a selection,
    a count of the other stage never answers."""
    m = _COUNTED_AFTER.search(fold(ctx.q.text).lower()) if ctx.q.kind == "count" else None
    asked = _stage(m.group(1)) if m else None
    if m and not asked:
        # or by the verb right before it ("Đồng Tháp công nhận bao nhiêu sản phẩm?"), or by the one
        # stage the question names before it ("… công nhận sản phẩm … của bao nhiêu đơn vị?")
        before = fold(ctx.q.text).lower()[:m.start()] + " "
        asked = next((stage for stage, pattern in _STAGE_BEFORE if pattern.search(before)), None)
        named = {stage for stage, words in _STAGE_WORDS.items() if re.search(r"(?<!\w)(?:" + words + r")(?!\w)", before)}
        if not asked and len(named) == 1:
            asked = named.pop()
    if not asked:
        return cands
    return [c for c in cands if (_stage_of(c.figure) or _stage_of_the_whole(ctx, c.figure)) in (None, asked)]


def _stage_of_the_whole(ctx: Evidence, f: Figure) -> str | None:
    """A sentence that opens "Trong đó, …" breaks down the count of the sentence before ("24 địa
    phương … đăng ký 194 sản phẩm tham gia bình chọn …. Trong đó, Nhóm sản phẩm thủ công mỹ
    nghệ có 66 sản phẩm"): its counts are at that count's stage."""
    if not lexicon.AMONG_WRITTEN.match(f.sentence.lstrip(" -–*")):
        return None
    before = fold(ctx.sentence_before(f)).lower()
    stages = set()
    for m in _COUNT.finditer(before):
        after = re.split(r"[,;:.()]", before[m.end():], 1)[0].strip()
        stages.add(_stage(after) or next((stage for stage, pattern in _STAGE_BEFORE
                                          if pattern.search(before[:m.start()])), None))
    stages.discard(None)
    return stages.pop() if len(stages) == 1 else None


_COUNT = re.compile(r"(?<![\w.,/])\d[\d.,]*(?![\w/])")


_NEGATION = re.compile(r"(?:" + "|".join(lexicon.NEGATIONS) + r")", re.IGNORECASE)
_NOT_NEGATING = {fold(w) for w in lexicon.NOT_NEGATING}
_CLAUSE_END = re.compile(r"[,;:.()]")


def _negated_words(f: Figure) -> set[str]:
    """What the figure's own words say did not happen: "02 xã không thực hiện sắp xếp" (after
    the figure and its counted noun), "chưa giải ngân 5 tỷ đồng" (right before it); "hàng
    không" and "không ngừng tăng" negate nothing."""
    s, e = f.start - f.sentence_start, f.end - f.sentence_start
    after = _CLAUSE_END.split(f.sentence[e:], 1)[0].split()
    before = _CLAUSE_END.split(f.sentence[:s])[-1].split()[-3:]
    for words, reach in ((after, 4), (before, 3)):
        for i, w in enumerate(words[:reach]):
            if not _NEGATION.fullmatch(w) or i > 0 and fold(words[i - 1]).lower() == "hang":
                continue
            rest = words[i + 1:i + 5]
            if rest and fold(rest[0]).lower() not in _NOT_NEGATING:
                return set(folded_syllables(" ".join(rest)).split()) - _FUNCTION_WORDS
    return set()


def _negates_what_is_asked(ctx: Evidence, f: Figure) -> bool:
    """A figure its record says did not do what the question asks ("02 xã không thực hiện sắp
    xếp" for "bao nhiêu xã hình thành sau sắp xếp?") is not its answer, whatever else it shares
    with the question; a question that asks the negated count itself ("… chưa có điện?") keeps it."""
    if ctx.q.negated:
        return False
    negated = _negated_words(f)        # most figures have none: the question is folded only for those that do
    return bool(negated and negated & (set(folded_syllables(ctx.q.text).split()) - _FUNCTION_WORDS))


_DONE = re.compile(r"(?<!\w)(?:" + "|".join(lexicon.DONE_MARKERS) + r")(?!\w)", re.IGNORECASE)
_PLANNED = re.compile(r"(?<!\w)(?:" + "|".join(lexicon.PLANNED_MARKERS) + r")(?!\w)", re.IGNORECASE)


def _planned_for_done(ctx: Evidence, f: Figure) -> bool:
    """"… đã hoàn thành phát điện?" asks what is done: "dự kiến đến cuối năm 2017, Lào Cai sẽ có
    thêm 8 dự án … hoàn thành phát điện" is a plan (it was stated at 0.96 over the 37 done).
    Read on the question as typed with marks ("da" is also "đa", "đá"). A target
    the question does not ask is `_targets_for_done`'s."""
    if not (ctx.q.typed_marks and _DONE.search(ctx.q.text)):
        return False
    before = f.sentence[:f.start - f.sentence_start]
    return bool(_PLANNED.search(" ".join(before.split()[-12:])))


def _targets_for_done(ctx: Evidence, cands: list[Candidate]) -> list[Candidate]:
    """What was done is asked, in a question that speaks of no plan: a target set for it is no
    answer. One the record sets in so many words ("phấn đấu … tăng 8,2% so cùng kỳ", "đặt mục tiêu
    đạt 1.159 triệu kWh", within a dozen words: "ra sức phấn đấu, cống hiến, … phát động phong
    trào … thành 02 đợt" sets none) never; one only inside a plan's clause ("kế hoạch …", a list of targets)
    where another figure of its kind that was not planned is there (the same sum in a headline,
    "Quảng Ninh: 2,8 tỷ đồng cho khuyến công", is the plan's itself). As `_planned_for_done`, for
    the target a question may not ask."""
    asked = fold(ctx.q.text).lower()
    if _PLAN_SAID.search(asked):
        return cands
    # (a plan's clause only against a question that asks what was reached: "So sánh kinh phí khuyến
    # công năm 2019 và 2020" compares the sums allocated, which records state as the year's plan)
    reached = bool(_REACHED.search(asked))
    done = {(c.figure.unit, c.figure.value) for c in cands if not _targeted(c.figure)}
    return [c for c in cands if not _targeted(c.figure)
            or not _SET_AS_TARGET.search(" ".join(_own_clause(c.figure).split()[-12:])) and not (reached and any(
                unit == c.figure.unit and value != c.figure.value for unit, value in done))]


# a count asked with this many words ("doanh nghiệp kinh doanh hóa chất") names a kind of thing
# whole; fewer ("bao nhiêu xã") is the unit, which count_noun_match already weighs
COUNTED_WORDS = 3


def _latest_period(cands: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """The period slot's default: a question naming no year asks for the latest one. Of an
    entity's figures for several years (a 2019 plan cell, a 2020 sentence), the older ones
    are not its answer: (candidates kept, older ones set aside to be listed)."""
    newest: dict[str, int] = {}
    for c in cands:
        ys = years_in(c.figure.period)
        if c.figure.entity and ys:
            key = _entity_key(c.figure.entity)
            newest[key] = max(newest.get(key, 0), max(ys))
    out, older = [], []
    for c in cands:
        ys = years_in(c.figure.period)
        key = _entity_key(c.figure.entity)
        (older if c.figure.entity and ys and max(ys) < newest.get(key, 0) else out).append(c)
    return out, older


def _same_fact(a: Figure, b: Figure) -> bool:
    """Two statements of one fact: the same entity, unit and value (6,94 tỷ đồng in the prose
    and 6.940 triệu đồng in the table), in periods that do not contradict each other."""
    if not a.entity or _entity_key(a.entity) != _entity_key(b.entity) or a.unit != b.unit:
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


_ORGANISATION_HEAD = re.compile(r"^(?:" + "|".join(re.escape(fold(n).lower()) for n in sorted(
    lexicon.ORGANISATION_NOUNS, key=len, reverse=True)) + r")\s+(?=\S)")


def _entity_key(entity: str) -> str:
    """An entity as one fact's mentions share it: "Quỹ Thiện Tâm" and "Thiện Tâm" (a sentence
    that opens with the name loses its capitalised noun) are one."""
    return _ORGANISATION_HEAD.sub("", fold(entity).lower())


def _corroborate(cands: list[Candidate]) -> None:
    """A fact the record states twice (a sentence and a table row) is more likely the answer
    than one stated once."""
    groups: dict[tuple[str, str], list[Candidate]] = {}
    for c in cands:
        if c.figure.entity:
            groups.setdefault((_entity_key(c.figure.entity), c.figure.unit), []).append(c)
    for c in cands:
        twins = [d for d in groups.get((_entity_key(c.figure.entity), c.figure.unit), []) if d is not c
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
