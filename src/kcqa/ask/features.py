"""How well a figure fills each slot of the question's frame, as named numbers.

The ranker (rank.py) weighs these with coefficients learnt from labelled questions; nothing
here decides. Each feature is a question a careful reader asks of a candidate: is it about
the entity asked (in its own clause?), the measure, the period, with the same relation
verb, a part when a part is asked, a figure the record states twice?
"""

from __future__ import annotations

import math
import re

from ..extract.figures import years_in
from ..models import Figure
from ..text import lexicon
from ..text.places import find_places
from ..text.vietnamese import fold

_NEGATION = re.compile(r"(?<!\w)(khong|chua|chang)(?!\w)")

NAMES = (
    "cov_window", "cov_clause", "cov_sentence", "passage_rank", "entity_lookup",
    "year_match", "year_conflict", "year_context", "period_match", "period_unasked",
    "entity_exact", "entity_in_clause", "entity_other_owner", "relation_same", "relation_other",
    "whole_asked_part_given", "negation_mismatch", "measure_in_clause", "measure_opposed",
    "unit_asked", "count_noun_match", "is_table", "has_qualifier", "corroborated", "newest",
    "best_window", "best_clause", "n_candidates", "distance", "percent_asked", "percent_given",
    "date_match", "date_conflict", "count_noun_conflict", "value_in_question", "cov_passage",
    "name_distance", "from_value", "target_asked", "term_match", "term_conflict", "change_unasked",
)

# The direction each feature may push a candidate, which training respects (a fit on a few hundred
# questions otherwise learns that matching the period asked *lowers* the odds, from features that
# overlap): +1 only for, -1 only against, 0 either way (facts about the question, or two-sided).
SIGNS = {
    **dict.fromkeys(("cov_window", "cov_clause", "cov_sentence", "cov_passage", "passage_rank", "year_match",
                     "period_match", "entity_exact", "entity_in_clause", "relation_same", "measure_in_clause",
                     "count_noun_match", "corroborated", "best_window", "best_clause", "date_match",
                     "target_asked", "term_match"), 1),
    **dict.fromkeys(("year_conflict", "period_unasked", "entity_other_owner", "relation_other",
                     "whole_asked_part_given", "negation_mismatch", "measure_opposed", "distance",
                     "date_conflict", "count_noun_conflict", "value_in_question", "name_distance",
                     "term_conflict", "change_unasked"), -1),
}

CHANGE_VERBS = {fold(r) for r in lexicon.CHANGE_RELATIONS}      # relations that state a change

# "kỳ hạn 1 tháng", "thời hạn 5 năm": a term the question names; a rate for another term is not its answer
_TERM_ASKED = re.compile(r"\b(?:ky han|thoi han|han)\s+(?:tu\s+)?(\d+)\s+(thang|nam|ngay|tuan)\b")
_DURATION = re.compile(r"(?<![\d/])(\d+)\s+(thang|nam|ngay|tuan)\b(?!\s*\d)")

# "tăng từ 57,13 điểm lên 61,73 điểm": the first figure is where the change started
_FROM_VALUE = re.compile(r"(?:len|xuong|den|toi|con)\s+(?:con\s+)?(?:muc\s+)?\S*\d")    # "từ 2 ngày xuống còn 15 phút"
# "tăng lên bao nhiêu", "giảm xuống còn bao nhiêu": the question wants where it ended
_TARGET_ASKED = re.compile(r"\b(len|xuong|con|thanh)\s+(?:con\s+|muc\s+)?(?:bao nhieu|bao lau|may)\b")
_TARGET_BEFORE = re.compile(r"\b(len|xuong|con|thanh)\s+(?:muc\s+)?$")
# the level before a change, asked (folded, lower case)
_START_ASKED = re.compile(r"(?<!nam )(?<!thang )(?<!quy )(?<!ky )\b(?:truoc (?:khi|do|day)|ban dau|luc dau)\b"
                          r"|\btu (?:muc )?(?:bao nhieu|bao lau)\b")
# "từ 132 ngày xuống còn …": a change's start, then where it went, before a figure
_AFTER_A_START = re.compile(r"\btu\s+[^,;.()]*\d[^,;()]*?\s(?:len|xuong|den|toi)\s[^,;()]*$")

# "27/4", "ngày 20/4", "ngày 16 tháng 6": a day the question names and the figure's sentence must share
_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d])|ngay (\d{1,2}) thang (\d{1,2})")


def dates_in(text: str) -> set[tuple[int, int]]:
    out = set()
    for m in _DATE.finditer(fold(text)):
        d, mth = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        d, mth = int(d), int(mth)
        if 1 <= d <= 31 and 1 <= mth <= 12:
            out.add((d, mth))
    return out


def mentions(haystack: str, name: str) -> bool:
    return bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", haystack) is not None


def is_place_asked(entity: str, asked: set[str]) -> bool:
    """Is a figure's entity a province the question names (`Question.place_names`), as written
    or by another written form of its name ("TP.HCM" for "TPHCM", "Hồ Chí Minh")?"""
    ent = fold(entity)
    return any(mentions(ent, n) for n in asked) or bool(
        asked and {fold(p.name) for _, _, p in find_places(entity)} & asked)


def names_a_place_asked(text: str, asked: set[str]) -> bool:
    """Does the text name, in any written form, a province the question names?"""
    return any(is_place_asked(text[s:e], asked) for s, e, _ in find_places(text))


def period_parts(text: str) -> tuple[int | None, int | None]:
    """(quarter, number of months) named in a period expression, when any."""
    f = fold(text)
    quarter = months = None
    m = lexicon.QUARTER_FOLDED.search(f)
    if m:
        word = m.group(1)
        quarter = int(word) if word.isdigit() else 1 if word == "dau tien" else lexicon.ROMAN.get(word)
    m = lexicon.MONTHS_FOLDED.search(f)
    if m:
        word = m.group(1) or m.group(2)
        months = int(word) if word.isdigit() else lexicon.MONTH_COUNT_WORDS[word]
        if months == 3 and quarter is None:
            # "3 tháng đầu năm" is quý I and "3 tháng cuối năm" quý IV; "3 tháng năm 2016" counts
            # the months of that year so far, as "10 tháng năm 2016" does: quý I; a bare "3 tháng"
            # ("3 tháng qua") stays a span
            edge = re.match(r"\s+(dau|cuoi) nam|\s+nam\s+(?:19|20)\d\d\b", f[m.end():])
            quarter = (4 if edge.group(1) == "cuoi" else 1) if edge else None
    if quarter == 1 and months is None:
        months = 3                   # and quý I is the year's first three months
    return quarter, months


def year_part(period: str) -> tuple[int | None, int | None]:
    """The part of a year a period names, (quarter, months); (None, None) for a whole year
    or more ("năm 2020", "12 tháng")."""
    quarter, months = period_parts(period or "")
    return (None, None) if quarter is None and (months is None or months >= 12) else (quarter, months)


def _same_period(asked: str, period: str) -> bool:
    """The figure's period is the one asked, as written ("quý 1") or as a span ("quý I" is
    "3 tháng đầu năm")."""
    parts = period_parts(asked)
    return asked in fold(period) or (any(parts) and parts == period_parts(period))


def clause(f: Figure) -> str:
    """The words around a figure that say what it is: from the previous comma/semicolon to the next."""
    s = f.start - f.sentence_start
    e = f.end - f.sentence_start
    text = f.sentence
    left = max(text.rfind(",", 0, s), text.rfind(";", 0, s), text.rfind(":", 0, s))
    # include the clause before when the figure's own clause is just "đạt X"
    if left > 0 and s - left < 25:
        left = max(text.rfind(",", 0, left), text.rfind(";", 0, left))
    right = _next_delimiter(text, e)
    # "54 xã, 09 phường hình thành sau sắp xếp": figures listed side by side share what
    # follows the last of them
    while right < len(text) and _NEXT_FIGURE_LISTED.match(text, right) and len(text[e:right].split()) <= 3:
        right = _next_delimiter(text, right + 1)
    return text[left + 1:right] + " " + lead_in(f)


_NEXT_FIGURE_LISTED = re.compile(r",\s+\d")


def _next_delimiter(text: str, start: int) -> int:
    found = [i for i in (text.find(",", start), text.find(";", start)) if i >= 0]
    return min(found) if found else len(text)


def window(f: Figure, before: int = 5, after: int = 6) -> str:
    """A few syllables either side of the figure, not crossing a semicolon; what a rate is
    counted per ("/lít" of "432 đồng/lít") counts as after it."""
    s = f.start - f.sentence_start
    e = f.end - f.sentence_start
    slash = f.text.find("/")
    per = f.text[slash + 1:].replace("/", " ").split() if slash >= 0 else []
    left = f.sentence[:s].split(";")[-1].split()[-before:]
    right = (per + f.sentence[e:].split(";")[0].split())[:after]
    return " ".join(left + right + [lead_in(f)])


def lead_in(f: Figure) -> str:
    """A list item "Quảng Nam (6,94 tỷ đồng)" means what the list's lead-in says ("… các địa
    phương bố trí nguồn ngân sách … là:"), however far back that is."""
    s = f.start - f.sentence_start
    before = f.sentence[:s]
    if not re.search(r"\w\s*\(\s*$", before):
        return ""
    segment_start = before.rfind(";") + 1
    colon = before.rfind(":", segment_start)
    return before[segment_start:colon] if colon >= 0 else ""


def relation_of(f: Figure) -> str:
    verb = f.relation.split(" … ")[0] if f.relation else ""
    return fold(verb)


def measure_opposed(q_measures: list[str], text: str) -> bool:
    """The question names one side of an opposed pair (xuất khẩu / nhập khẩu) and the
    figure's clause names only the other side."""
    t = fold(text)
    asked = {fold(m) for m in q_measures}
    for a, b in lexicon.OPPOSED_MEASURES:
        fa, fb = fold(a), fold(b)
        for want, other in ((fa, fb), (fb, fa)):
            if want in asked and other not in asked and mentions(t, other) and not mentions(t, want):
                return True
    return False


def _name_distance(ctx, f: Figure) -> float:
    """How far (scaled) the figure stands from the nearest place or name the question states
    ("Cổ phiếu SSI tăng …": of a list of tickers and changes, the change next to SSI)."""
    names = ctx.q.place_names() | set(ctx.q.names)
    if not names:
        return 0.0
    s = f.start - f.sentence_start
    ft = fold(f.sentence)
    best = None
    for n in names:
        for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", ft):
            d = s - m.end() if m.end() <= s else m.start() - (f.end - f.sentence_start)
            d = max(d, 0) if m.end() <= s else max(d, 0) * 2      # after the figure counts double
            best = d if best is None else min(best, d)
    return min(best, 300) / 300 if best is not None else 1.0


def _change_ends(ctx, f: Figure) -> tuple[float, float]:
    """(the figure starts a "từ X lên Y" change, the question asks where a change ended and
    the figure is that end)."""
    s = f.start - f.sentence_start
    ft = fold(f.sentence)
    target = asks_where_a_change_ended(ctx.q.text) and ends_a_change(f)
    return float(starts_a_change(f)), float(target)


def starts_a_change(f: Figure) -> bool:
    """"tăng từ 57,13 điểm lên 61,73 điểm", "từ 2 ngày xuống còn 15 phút": the figure is where a
    change started."""
    s, e = f.start - f.sentence_start, f.end - f.sentence_start
    ft = fold(f.sentence)
    return ft[max(0, s - 6):s].rstrip().endswith("tu") and bool(_FROM_VALUE.match(ft[e:e + 50].lstrip()))


def ends_a_change(f: Figure) -> bool:
    """"tăng lên 18%", "giảm xuống còn 15 phút": the figure is where a change ended."""
    s = f.start - f.sentence_start
    return bool(_TARGET_BEFORE.search(fold(f.sentence)[max(0, s - 12):s]))


def asks_where_a_change_ended(question: str) -> bool:
    """"tăng lên bao nhiêu", "giảm xuống còn bao lâu"."""
    return bool(_TARGET_ASKED.search(fold(question)))


def asks_where_a_change_started(question: str) -> bool:
    """"… trước khi cải cách là bao nhiêu ngày?", "Trước đó là bao nhiêu?", "ban đầu": the level
    before a change (not "năm trước đó", the year before)."""
    return bool(_START_ASKED.search(fold(question).lower()))


def after_a_start(f: Figure) -> bool:
    """"giảm từ 132 ngày xuống còn 33 đến 41 ngày": the figure comes after where a change started,
    in the same clause (its end, or a part of it)."""
    s = f.start - f.sentence_start
    return bool(_AFTER_A_START.search(fold(f.sentence)[max(0, s - 80):s]))


# what a count question counts, whole: "bao nhiêu nghề truyền thống, làng nghề, làng nghề truyền
# thống được … công nhận" up to its predicate (folded words)
_COUNT_ASKED = re.compile(r"\b(?:bao nhieu|may)\s+(.+)$")
# the words that end what a count question counts ("bao nhiêu vụ được phát hiện"), as written: with
# the question's marks, "chợ" is no "cho" and "số" no "sở" (folded, "chợ đầu mối" had lost its "chợ")
_PHRASE_ENDS_MARKED = {"được", "đã", "đang", "sẽ", "là", "đạt", "có", "tại", "ở", "trong", "của", "năm", "tháng",
                       "quý", "từ", "đến", "số", "với", "theo", "trên", "cho", "bị", "như", "thì", "và", "còn",
                       "nào", "gì"}
_PHRASE_ENDS = {fold(w) for w in _PHRASE_ENDS_MARKED}
_PHRASE_MAX = 12


def asked_count_phrase(question: str) -> list[str]:
    folded = fold(question).lower()
    m = _COUNT_ASKED.search(folded)
    if not m:
        return []
    marked = question.lower() != folded and len(question) == len(folded)
    written = question.lower()[m.start(1):] if marked else m.group(1)

    def ends(w: str) -> bool:
        return w in _PHRASE_ENDS_MARKED if marked else w in _PHRASE_ENDS
    out: list[str] = []
    for w in re.findall(r"\w+|[^\w\s,]", written):
        if fold(w) == "bi" and (not marked or w == "bị") and out:
            continue        # "bao nhiêu vụ bị khởi tố": what is counted is "vụ khởi tố", as records write it
        if ends(w) and out or not w.isalpha() or len(out) >= _PHRASE_MAX:
            break
        out.append(w)
    return [fold(w) for w in out if not ends(w)]


_SETTING = re.compile(r"\b(?:tai|o)\s+((?:cac|nhung)\s+\w+(?:\s+\w+){0,5}?)(?=\s*(?:\?|,|;|$|\s(?:nam|quy|thang)\s+\d))")


def asked_setting(question: str) -> str | None:
    """Where the things a count question counts are, when it says so after what it counts ("bao
    nhiêu lớp … tại các làng thuần nông?"), folded: "cac lang thuan nong"."""
    m = _COUNT_ASKED.search(fold(question).lower())
    s = _SETTING.search(m.group(1)) if m else None
    return s.group(1) if s else None


def own_setting(f: Figure) -> str | None:
    """Where a count's own words, up to the next number, say its things are ("40 lớp tại các làng
    đã có nghề"), folded."""
    m = re.search(r"\b(?:tai|o)\s+((?:cac|nhung)\s+.+)$", " ".join(_words_after_its_number(f)))
    return m.group(1) if m else None


def own_count_words(f: Figure) -> set[str]:
    """The words a count writes after its number, up to the next number (folded): "75 xã đạt tiêu
    chí thủy lợi, 48 xã …" → {xa, dat, tieu, chi, thuy, loi}."""
    return set(_words_after_its_number(f))


def _words_after_its_number(f: Figure) -> list[str]:
    """A count's words from its number (after any qualifier, "hơn 20,1 triệu người") to the next
    number, folded — or to the joint before the next count's own label ("… doanh nghiệp là 7 chợ |
    và chuyển đổi sang mô hình hợp tác xã 9 chợ": those words are the 9's)."""
    number = re.search(r"\d[\d.,]*", f.text)
    if not number:
        return []
    rest = f.text[number.end():] + f.sentence[f.end - f.sentence_start:]
    label = _label_before_next_count(rest, f.unit)
    return _words_to_a_number(rest[:label] if label is not None else rest)


_JOINT = re.compile(r",\s|;\s*|\svà\s")


def _label_before_next_count(rest: str, unit: str) -> int | None:
    """Where the next count's label starts in `rest` (the text after a count), when the next number
    counts the same unit and a joint opens a short label of words before it."""
    nxt = re.search(r"(?<![\w.,])\d[\d.,]*", rest)
    if not nxt or not unit or not fold(rest[nxt.end():]).lstrip().lower().startswith(fold(unit).lower()):
        return None
    joints = [m for m in _JOINT.finditer(rest, 0, nxt.start())]
    if not joints:
        return None
    return joints[-1].start() if _a_label(rest[joints[-1].end():nxt.start()]) else None


def _a_label(text: str) -> bool:
    """Whether the words between a joint and a count are a short label of words, no aside."""
    return not re.search(r"[()]", text) and bool(re.search(r"[^\W\d_]", text)) and len(text.split()) <= 8


def label_before(f: Figure) -> list[str]:
    """The words a count's own label says before its number, from the joint before it ("và chuyển
    đổi sang mô hình hợp tác xã | 9 chợ"), folded; none when a clause leads to it."""
    before = f.sentence[max(0, f.start - f.sentence_start - 80):f.start - f.sentence_start]
    joints = list(_JOINT.finditer(before))
    if not joints:
        return []
    label = before[joints[-1].end():]
    return _words_to_a_number(label) if _a_label(label) and not re.search(r"\d", label) else []


def asked_after_count(question: str) -> set[str]:
    """The content words a count question writes after "bao nhiêu" (folded), its predicate too."""
    m = _COUNT_ASKED.search(fold(question).lower())
    words = re.findall(r"[^\W\d_]+", m.group(1)) if m else []
    return {w for w in words if w not in lexicon.STOPWORDS and w not in lexicon.QUESTION_WORDS}


def counted_share(f: Figure, asked: list[str]) -> float:
    """How much of what a count question counts is what the figure counts, in order: the words
    from its number to the next number ("34 nghề truyền thống, làng nghề, và làng nghề truyền
    thống" all of "nghề truyền thống, làng nghề, làng nghề truyền thống"; "04 nghề truyền thống,
    30 …" a third), or those a "số …" before it names ("số lần vật ngã trong sự nghiệp NFL với
    136 lần")."""
    said = _words_after_its_number(f)
    before = f.sentence[max(0, f.start - f.sentence_start - 120):f.start - f.sentence_start]
    named = list(_NUMBER_OF.finditer(before))      # "số", as written: folded, "Sở" is "so" too
    shares = [_in_order(asked, said)]
    label = label_before(f)
    if label:
        shares.append(_in_order(asked, said[:len(fold(f.unit).split())] + label))
    if named:
        shares.append(_in_order(asked, _words_to_a_number(before[named[-1].end():])))
    return max(shares)


_NUMBER_OF = re.compile(r"(?<!\w)[sS]ố\s+")


def _words_to_a_number(text: str) -> list[str]:
    said: list[str] = []
    for w in re.findall(r"\w+|[^\w\s,]", fold(text).lower()):
        if not w.isalpha() or len(said) >= 2 * _PHRASE_MAX:
            break
        said.append(w)
    return said


def _in_order(asked: list[str], said: list[str]) -> float:
    """The share of `asked` found in `said` in the same order (longest common subsequence)."""
    row = [0] * (len(said) + 1)
    for a in asked:
        prev = 0
        for j, b in enumerate(said, 1):
            prev, row[j] = row[j], prev + 1 if a == b else max(row[j], row[j - 1])
    return row[-1] / len(asked) if asked else 1.0


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)*", text)


def _distance(ctx, f: Figure) -> float:
    """How far (in characters, scaled) the figure stands from the rarest question word in its sentence."""
    s = f.start - f.sentence_start
    ft = fold(f.sentence)
    best = None
    for w in sorted(ctx.content, key=lambda w: -ctx.weight(w))[:3]:
        for m in re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", ft):
            d = abs(m.start() - s)
            best = d if best is None else min(best, d)
    return min(best, 300) / 300 if best is not None else 1.0


# "tăng 7,34% so với tổng kinh phí … năm 2018": what follows "so với" is the comparison's base;
# "đạt 95,27% so với kế hoạch năm" says what a share is of, and stays
_BASELINE_AFTER = re.compile(r"\bso với\b(?!\s+(?:kế hoạch|chỉ tiêu|mục tiêu|dự toán|tổng số)\b)", re.IGNORECASE)


def _without_baseline_after(f: Figure, text: str) -> str:
    """`text` (around figure `f`) up to the "so với" that follows the figure, if any."""
    at = text.find(f.text)
    if at < 0:
        return text
    m = _BASELINE_AFTER.search(text, at + len(f.text))
    return text[:m.start()] + " " + lead_in(f) if m else text      # clause() and window() end with it


_AGAINST_A_PLAN = re.compile(r"\s*so\s+(?:voi\s+)?(?:ke hoach|chi tieu|muc tieu|du toan)\b", re.IGNORECASE)


def figure_features(ctx, f: Figure, rank: int, top_passages: int, caption: str, header: str,
                    title: str) -> dict[str, float]:
    """Per-candidate features; the set-level ones (corroborated, newest, best_*) are filled
    by `set_features` once every candidate of the question is known."""
    q = ctx.q
    cl = clause(f)
    said, near = cl, window(f)           # the words that say what the figure is, for coverage
    if not _BASELINE_AFTER.search(q.text):
        # a question that names no comparison is not answered by the words of a figure's base
        # ("đạt bao nhiêu phần trăm kế hoạch?" against "tăng 7,34% so với tổng kinh phí … năm 2018")
        said, near = _without_baseline_after(f, said), _without_baseline_after(f, near)
    cov_sentence = ctx.coverage(" ".join((f.sentence, title, f.entity, caption, header)))
    cov_clause = ctx.coverage(" ".join((said, f.measure, header)))
    cov_window = ctx.coverage(" ".join((near, f.measure, header)))
    passage = ctx.passages[rank].chunk.text if rank < len(ctx.passages) else f.sentence
    cov_passage = max(cov_sentence, ctx.coverage(" ".join((passage, title, caption, header))),
                      ctx.coverage(" ".join((ctx.sentence_before(f), f.sentence, title))))
    pyears = years_in(f.period)
    places = q.place_names()
    ent = fold(f.entity)
    entity_exact = is_place_asked(f.entity, places)
    entity_in_clause = any(mentions(fold(cl), n) for n in places | set(q.names))
    q_rel = {fold(r) for r in q.relations}
    verb = relation_of(f)
    if verb == "tang" and "vuot" in q_rel and _AGAINST_A_PLAN.match(fold(f.sentence[f.end - f.sentence_start:])):
        verb = "vuot"                    # "tăng 20% so kế hoạch" is how far it went over the plan
    rels = {fold(r) for r in lexicon.RELATIONS}
    measure_text = " ".join((cl, f.measure, header))
    asked_measures = {fold(m) for m in q.measures}
    unit = fold(f.unit)
    count_noun = q.count_noun or ""
    q_dates = dates_in(q.text)
    from_value, target_asked = _change_ends(ctx, f)
    terms = set(_TERM_ASKED.findall(fold(q.text)))
    near = set(_DURATION.findall(fold(window(f, before=8, after=4))))
    f_dates = dates_in(f.sentence)
    return {
        "cov_window": cov_window,
        "cov_clause": cov_clause,
        "cov_sentence": cov_sentence,
        "cov_passage": cov_passage,
        "name_distance": _name_distance(ctx, f),
        "from_value": from_value,
        "target_asked": target_asked,
        "term_match": float(bool(terms & near)),
        "term_conflict": float(bool(terms and near and not terms & near)),
        "passage_rank": 1.0 / (1 + rank),
        "entity_lookup": float(rank >= top_passages),
        "year_match": float(bool(q.years and q.years & pyears)),
        "year_conflict": float(bool(q.years and pyears and not q.years & pyears)),
        "year_context": float(bool(q.years and not pyears)),
        "period_match": float(bool(q.period and _same_period(q.period, f.period))),
        "period_unasked": float(bool(not q.period and any(period_parts(f.period)))),
        "entity_exact": float(entity_exact),
        "entity_in_clause": float(entity_in_clause),
        "entity_other_owner": 0.0,
        "relation_same": float(bool(q_rel and verb in rels and verb in q_rel)),
        "relation_other": float(bool(q_rel and verb in rels and verb not in q_rel)),
        # a question for a level is seldom answered by a change ("tăng 32%"); the reverse, a level
        # for "tăng bao nhiêu?", is a hard slot (rank_figures)
        "change_unasked": float(not q.change and verb in CHANGE_VERBS and not q_rel & CHANGE_VERBS),
        "whole_asked_part_given": float(bool(q.whole and not q.places and find_places(f.entity))),
        "negation_mismatch": float(bool(_NEGATION.search(fold(window(f)))) and not q.negated),
        # a measure named in other words the records use for it ("kinh phí" / "ngân sách") is named
        # (the "nhập khẩu" of "xuất nhập khẩu" is no mention of imports)
        "measure_in_clause": float(any(mentions(lexicon.one_way_trade(fold(measure_text)), lexicon.one_way_trade(m))
                                       for m in asked_measures | ctx.measure_equivalents)),
        "measure_opposed": float(measure_opposed(q.measures, measure_text)),
        "unit_asked": float(q.unit_kind is not None),
        "count_noun_match": float(bool(count_noun and unit and lexicon.count_unit_fits(count_noun, unit))),
        "is_table": float(f.table is not None),
        "has_qualifier": float(bool(f.qualifier)),
        "corroborated": 0.0,
        "newest": 0.0,
        "best_window": 0.0,
        "best_clause": 0.0,
        "n_candidates": 0.0,
        "distance": _distance(ctx, f),
        "percent_asked": float(q.unit_kind == "percent" or q.kind == "percent"),
        "percent_given": float(f.unit == "%"),
        "date_match": float(bool(q_dates and q_dates & f_dates)),
        "date_conflict": float(bool(q_dates and f_dates and not q_dates & f_dates)),
        # "… của 15 tỉnh là bao nhiêu?" is not answered by the 15 it states itself
        "value_in_question": float(bool(set(_numbers(f.text)) & (set(_numbers(q.text)) - {str(y) for y in q.years}))),
        "count_noun_conflict": float(bool(count_noun and unit and not lexicon.count_unit_fits(count_noun, unit))),
    }


def set_features(ctx, cands) -> None:
    """Features that compare a candidate with the others of the same question."""
    if not cands:
        return
    n = math.log1p(len(cands))
    top_w = max(c.features["cov_window"] for c in cands)
    top_c = max(c.features["cov_clause"] for c in cands)
    own = [c for c in cands if c.features["entity_exact"]]
    years = [years_in(c.figure.period) for c in cands]
    newest = max((max(ys) for ys in years if ys), default=None)
    for c, ys in zip(cands, years):
        x = c.features
        x["n_candidates"] = n
        x["best_window"] = float(x["cov_window"] >= top_w - 1e-9)
        x["best_clause"] = float(x["cov_clause"] >= top_c - 1e-9)
        # when some figures belong to the province itself, a region total is not its answer
        x["entity_other_owner"] = float(bool(own) and not x["entity_exact"])
        x["newest"] = float(not ctx.q.years and newest is not None and newest in ys)
