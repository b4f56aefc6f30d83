"""Follow-up questions, resolved from the frame of the turn before into a standalone question.

No language model: the rewrite is explicit and checkable. A follow-up keeps what the earlier
question said and replaces what the new turn names:
- ellipsis: "Còn Quảng Bình thì sao?", "Năm 2019 thì sao?", "Còn xuất khẩu?" replace the
  entity, the period or the measure of the earlier question;
- a question without a subject ("Đạt bao nhiêu phần trăm kế hoạch?", "So với năm 2018 thì
  tăng bao nhiêu?") takes the earlier entity and period;
- references ("tỉnh này", "năm đó", "hội nghị đó", "công ty này", "ông ấy") are replaced by
  what they point at.
The result is an ordinary question, answered by the same rules as one typed whole, so a
carried slot the evidence does not match gives "not found", never something near.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import lexicon
from ..text.bodies import body_spans
from ..text.numbers import COUNT_NOUNS
from ..text.places import find_places
from ..text.vietnamese import counted_nouns_folded, fold, has_diacritics, mostly_plain, syllables
from .frame import SOURCE_LEAD, Question, parse_question, title_phrase

_START = re.compile(r"^\s*(?:vậy\s+|thế\s+)?(?:còn|con|riêng|rieng)\s+(?:về\s+|ve\s+)?", re.IGNORECASE)
_ONLY_OF = re.compile(r"\s*rieng\s")       # "Riêng …" opening a turn (folded)
_YEAR_ALONE = re.compile(r"\s*(?:con\s+)?rieng\s+(?:trong\s+)?nam\s+(\d{4})\b")   # "Riêng năm 2016 …"
_HOW_ABOUT = r"(?:sao|thế nào|the nao|ra sao)"
_THI_SAO = rf"(?:thì|thi)\s+{_HOW_ABOUT}"      # "… thì sao?": the rest is as before
_END = re.compile(rf"\s*{_THI_SAO}\s*\??\s*$|\s*\?\s*$", re.IGNORECASE)
_YEAR = lexicon.ANY_YEAR
# "10 tháng thì sao?", "Còn 6 tháng?" (a bare count of months; "Lũy kế 8 tháng" is a period already)
_BARE_MONTHS = re.compile(r"^\s*(?:còn|con)?\s*(\d{1,2})\s+(?:tháng|thang)"
                          r"\s*(?:thì sao|thi sao|thì thế nào|thi the nao)?\s*\??\s*$", re.IGNORECASE)
# a deposit's or a loan's term: there "6 tháng" is another term, not a period
_TERM_IN = re.compile(r"\b(?:ky han|thoi han)\b")
# "Cùng kỳ năm trước thì sao?", "con cung ky nam ngoai" (folded)
_SAME_PERIOD_BEFORE = re.compile(r"^\s*(?:con\s+)?cung ky(?: nam (?:truoc|ngoai))?\s*(?:thi sao|thi the nao)?\s*\??\s*$",
                                 re.IGNORECASE)
# a span of years, one period: "giai đoạn 2009-2019", "từ năm 2019 đến năm 2021", "năm 2016 - 2020"
_YEAR_SPAN = re.compile(r"(?:(?:giai đoạn|giai doan|thời kỳ|thoi ky|từ năm|tu nam|từ|tu|năm|nam)\s+)?(?<!\d)(?:19|20)\d{2}\s*"
                        r"(?:-|–|đến|den|tới|toi)\s*(?:năm\s+|nam\s+)?(?:19|20)\d{2}(?!\d)", re.IGNORECASE)
# "năm trước đó", "năm sau": a year counted from the one the conversation is about (not "5 năm
# sau", and not a baseline: "so với năm trước", "cùng kỳ năm trước")
_RELATIVE_YEAR = re.compile(r"(?<!\d\s)(?<!\w)(năm|nam)\s+(trước đó|truoc do|liền trước|lien truoc|trước|truoc|"
                            r"sau đó|sau do|tiếp theo|tiep theo|kế tiếp|ke tiep|sau)(?!\w)", re.IGNORECASE)
_BASELINE_BEFORE = re.compile(r"(?:so với|so voi|cùng kỳ|cung ky|hơn|hon|với|voi|kém|kem)\s*$", re.IGNORECASE)
# (a multiple's base too: "Gấp bao nhiêu lần năm 2022?")
_BASELINE_YEAR = re.compile(r"(so v[oớ]i|cùng kỳ|cung ky|(?:gấp|gap)\s+(?:\S+\s+){0,2}?(?:lần|lan))[^?]*?(?:năm|nam)?\s*"
                            r"((?:19|20)\d{2})", re.IGNORECASE)
# "tỉnh này", "năm đó", "hội nghị đó", "công ty này", "ông ấy"
_REF = re.compile(r"(?<!\w)((?:[^\W\d_]\w*\s+){0,2}?[^\W\d_]\w*)\s+(đó|này|ấy|trên|do|nay|ay)(?!\w)", re.IGNORECASE)
#                   ("tỷ lệ B2C đó": a word may hold digits after its first letter)
_PERSON_REF = re.compile(r"(?<!\w)(?:(ông|bà|anh|chị|ong|ba|chi)\s+(ấy|ay|ta)|(người|nguoi|đối tượng|doi tuong)\s+(này|nay|đó|ấy|ay))"
                         r"(?!\w)", re.IGNORECASE)           # ("người này" after a name answered: that person)
# a person news names by initials ("chị L.T", "ông P.T.V."): a slot of its own, beside the place
_INITIALLED = re.compile(r"(?<!\w)(?:ông|bà|anh|chị|cô|ong|ba|chi|co)\s+[A-ZĐ](?:\.[A-ZĐ])*\.?(?![\w.])", re.IGNORECASE)
_OWNED = re.compile(r"\s*(?:" + "|".join(re.escape(fold(n)) for n in lexicon.OWNED_NOUNS) + r")(?!\w)")
_OWNED_THEN = re.compile(r"\s+(?:dat|nam|o|la|co|duoc|thuoc|bao nhieu|tang|giam|hien)\b|\s*\??\s*$")  # its predicate
_CHANGE_MEASURES = {"tang truong"}        # a measure word that only says the earlier one changed
_EDGE = r"cuối|cuoi|đầu|dau|hết|het|giữa|giua"     # "cuối năm 2020": where in the year
_PLACE_NOUNS = {"tinh", "thanh pho", "dia phuong", "tp"}
_YEAR_NOUNS = {"nam", "thoi gian", "ky"}
_ORG_NOUNS = {"cong ty", "doanh nghiep", "tap doan", "ngan hang", "don vi", "to chuc", "hang", "co quan"}
# "nghị quyết này": the document the earlier question named, else the one the last answer cites
_DOC_NOUNS = {fold(t) for t in lexicon.DOCUMENT_TYPES} | {"van ban", "bao cao"}
# "chỉ tiêu này", "thành phần này": what the earlier question measured, or the group it named
_MEASURED = {"chi tieu", "chi so"}       # an indicator referred to is the earlier measure (folded)
_INDICATOR_NOUNS = {"chi tieu", "chi so", "thanh phan", "linh vuc", "mat hang", "khoi", "nhom", "loai"}
# "lúc đó", "khi đó", "thời điểm đó": the earlier question's whole period ("6 tháng đầu năm 2017"),
# where "năm đó" is its year
_MOMENT_NOUNS = {"luc", "khi", "thoi diem", "thoi gian", "ky"}
_MOMENT_WRITTEN = {"lúc", "khi", "thời điểm", "thời gian", "kỳ"}     # not "công ty điện lực này"
_REF_NOUNS = _YEAR_NOUNS | _MOMENT_NOUNS | _PLACE_NOUNS | _ORG_NOUNS | _DOC_NOUNS | _INDICATOR_NOUNS
_NAME_KINDS = ("named", "who", "place", "superlative")    # questions whose answer is a name
_THERE = {"o", "tai"}               # "ở đó", "tại đó": there (folded)
_DAY_NOUNS = {"phien", "ngay", "hom", "buoi"}     # "phiên đó", "hôm đó": that day
# the words of time before a day, as far back as they go: "Phiên sáng 1/10/2020", "chiều 24/4"
_TIME_WORD_BEFORE = re.compile(r"(?:(?:phiên|phien|ngày|ngay|sáng|sang|chiều|chieu|trưa|trua|tối|toi|hôm|hom|buổi|buoi)"
                               r"\s+)+$", re.IGNORECASE)


@dataclass
class Resolution:
    question: str                 # what is answered: the standalone question
    resolved: bool = False        # True when a follow-up was rewritten
    unresolvable: str | None = None   # why a follow-up could not be resolved
    substituted: bool = False     # the earlier question with one of its words replaced ("Còn Quảng Bình?")
    carried: bool = False         # a whole question given the earlier subject only ("Vinhomes lãi ròng …")
    part: bool = False            # "Trong đó …": a part of what the turn before answered


def looks_like_followup(text: str) -> bool:
    f = fold(text)
    return bool(lexicon.FOLLOWUP_START.search(f) or re.search(r"\bthi (sao|the nao|ra sao)\s*\??\s*$", f)
                or _ref_spans(text) or _PERSON_REF.search(text))


def names_a_subject(text: str) -> bool:
    """The question names a place or a name of its own ("Còn Huế?", "Dự án Dung Quất 2 …")."""
    q = parse_question(text)
    return bool(q.places or q.names)


_NOT_REFERRING = {"thế", "như", "vì", "điều", "từ", "sau", "trước", "tại", "của"}
_NOT_REFERRING_FOLDED = {fold(w) for w in _NOT_REFERRING}


_NEXT_WORD = re.compile(r"[ \t]+(\w)")
_BY_WHOM = re.compile(r"[ \t]+(?:ai|đơn vị nào|don vi nao|cơ quan nào|co quan nao)(?!\w)", re.IGNORECASE)


def _capital_next(text: str, at: int) -> bool:
    """Whether the word after `at` is capitalised (str.isupper: the range À-Ỹ holds "đ" too,
    and read "tỷ lệ B2C do đạt" as "do" before a name)."""
    m = _NEXT_WORD.match(text, at)
    return bool(m and m.group(1).isupper())


def _ref_spans(text: str) -> list[re.Match]:
    out = []
    countries = lexicon.country_spans(text)
    for m in _REF.finditer(text):
        if any(s < m.end(2) and m.start(2) < e for s, e, _ in countries):
            continue        # "An Do" typed without marks is Ấn Độ, not "… đó"
        if m.group(2) == "do" and (_capital_next(text, m.end()) or _BY_WHOM.match(text, m.end())):
            continue        # "do" before a name is "by" ("… lần thứ VIII do Bộ Công Thương …"), not "đó",
            #                 and so it is before "ai" ("… khuyến công do ai ký?")
        noun = fold(m.group(1)).split()
        # "như thế nào" / "điều đó" / "vì vậy" are not references to an earlier turn's slot ("đơn
        # vị này" is: read with its marks when it has them)
        last = m.group(1).split()[-1].lower()
        if noun and (last in _NOT_REFERRING if has_diacritics(last) else noun[-1] in _NOT_REFERRING_FOLDED):
            continue
        if fold(m.group(2)) == "tren" and noun[-1] not in {"neu", "noi", "ke"}:
            continue        # "nói trên" refers back; "giao dịch trên HSX" is on HSX
        if fold(m.group(2)).lower() == "nay" and noun[-1] in {"den", "hien"}:
            continue        # "Đến nay", "hiện nay": now, not "… này"
        out.append(m)
    return out


def _own_years(text: str) -> set[int]:
    """The years a question names, less those it only compares with ("… so với năm 2019")."""
    return {int(y) for y in _YEAR.findall(text)} - {int(m.group(2)) for m in _BASELINE_YEAR.finditer(text)}


_HEADS = lexicon.Words(lexicon.REFERRED_HEADS)
_POINTING = {"do", "nay", "ay", "tren", "kia"}      # "trường này": the earlier question referred back itself


def _bare_head_reference(question: str, base: str) -> str | None:
    """"Hội nghị có bao nhiêu đại biểu?" after a question about "Hội nghị khuyến công … lần thứ
    XII": a follow-up opening with the bare noun that heads a particular thing the earlier
    question named refers to it — read as "Hội nghị đó …". None when the follow-up names its
    own (the same words follow the noun in both) or the earlier question only has the noun."""
    if _has_ref(question):
        return None
    marked = not mostly_plain(question)
    head = _HEADS.search(question, accented=marked)
    if head is None or question[:head.start()].strip() or (not marked and " " not in head.group()):
        return None                       # unmarked, one syllable is too many words ("truong", "cho")
    after = question[head.end():].split(maxsplit=1)
    if not after or after[0][:1].isupper() or parse_question(question).places:
        return None
    for m in _HEADS.folded.finditer(fold(base)):
        if fold(m.group()).lower() != fold(head.group()).lower():
            continue
        named = base[m.end():].split(maxsplit=1)
        if named and fold(named[0]).lower() not in {fold(after[0]).lower(), fold(head.group()).lower()} \
                and fold(named[0]).lower().strip(",.?") not in _POINTING \
                and not lexicon.is_function_word(named[0].strip(",.?"), not mostly_plain(base)):
            return f"{question[:head.end()]} đó {after[0]}" + (f" {after[1]}" if len(after) > 1 else "")
    return None


_NAMED_KINDS = re.compile(r"(?:" + "|".join(sorted({re.escape(fold(h).lower()) for h in lexicon.REFERRED_HEADS + (
    "trường", "bệnh viện")}, key=len, reverse=True)) + r")(?!\w)")
_REGION_NOUNS = {"khu vuc", "vung", "mien"}        # "khu vực này", "vùng đó"
_TIME_NOUNS = _YEAR_NOUNS | _MOMENT_NOUNS | _DAY_NOUNS | {"quy", "thang", "dot", "giai doan", "tuan"}
_SPAN_NOUNS = {"quy", "thang", "giai doan", "tuan"}          # "tháng đó", "quý này": the period asked before
_MONTH_OF_YEAR = re.compile(r"(?:(?:den|toi)\s+)?(?:het\s+)?thang\s+(\d{1,2})(?:/|\s+nam\s+)((?:19|20)\d\d)")   # folded
_SPAN_COUNTS = {"hai", "ba", "bon", "sau", "bay", "tam", "chin", "muoi", "may"}    # "sáu tháng đó" (folded)


def _times_referred_only(question: str) -> bool:
    """Whether every reference of the question is to a time ("năm đó", "quý này", "lúc đó")."""
    nouns = [fold(m.group(1)).lower().split() for m in _ref_spans(question)]
    return bool(nouns) and all(" ".join(w[-2:]) in _TIME_NOUNS or w[-1] in _TIME_NOUNS for w in nouns)


def _repeated_predicate(question: str, base: str) -> tuple[str, str] | None:
    """"Còn X <predicate>?" whose predicate ends the earlier question word for word: "Còn X?",
    and the predicate (folded)."""
    start = _START.match(question)
    if not start:
        return None
    folded = fold(question).lower().rstrip(" ?.")
    m = _PREDICATE.search(folded, start.end() - 1)
    if not m or not folded[start.end():m.start()].strip():
        return None
    said = " ".join(folded[m.start():].split())
    # (a figure's predicate: "là ai" said again still asks who, which "Còn X?" would lose)
    if not re.search(r"\b(?:bao nhieu|may)\b", said) or len(said.split()) < 2 \
            or not " ".join(fold(base).lower().rstrip(" ?.").split()).endswith(" " + said):
        return None
    return question[:m.start()].rstrip(" ,") + "?", said


# a question that opens with the share its subject takes: the whole after it is the share's base
_OPENS_WITH_SHARE = re.compile(r"\s*(?:chiem|bang)\s+(?:khoang\s+)?(?:bao nhieu|may)\b")


def _subjectless(q: Question) -> bool:
    """A short question that names no place, no organisation and no year of its own, or a
    year but nothing it measures or counts ("Năm 2022 đặt mục tiêu bao nhiêu?": the earlier
    measure's target for that year)."""
    if _OPENS_WITH_SHARE.match(fold(q.text).lower()) and not q.places and not q.names:
        return True         # "Chiếm bao nhiêu phần trăm tổng doanh thu bán lẻ cả nước?": of the earlier subject
    own_years = _own_years(q.text)
    n = len([s for s in syllables(q.text) if not s[2].isdigit()])
    of_a_year = bool(own_years) and not (q.measures or q.count_noun or q.units) and q.kind in ("amount", "figure")
    return not q.places and not q.names and (not own_years or of_a_year) and not _names_the_whole(q) and n <= 9


# what may stand beside the place in a bare "how much" of it: its kind, a predicate, the question
_HOW_MUCH_WORDS = {"tinh", "thanh", "pho", "tp", "thi", "da", "duoc", "bo", "tri", "dat", "tang", "giam", "co", "la",
                   "bao", "nhieu", "may", "phan", "tram", "cua", "o", "tai"}


def _a_place_and_how_much(question: str, q: Question) -> bool:
    """A question that names a place and asks how much, and names nothing measured, counted or
    dated: it cannot stand on its own."""
    if not q.places or _names(q) or q.measures or q.count_noun or q.units or q.years or q.period or q.days \
            or q.kind not in ("amount", "figure", "percent"):
        return False
    rest = question
    for a, b, _ in find_places(question):
        rest = rest[:a] + " " * (b - a) + rest[b:]
    words = re.findall(r"\w+", fold(rest).lower().replace("%", " phan tram "))
    return bool(words) and set(words) <= _HOW_MUCH_WORDS and _asks(rest, ("bao nhieu", "may"))


def _names_the_whole(q: Question) -> bool:
    """A whole named by its scope ("toàn vùng", "cả nước", "15 tỉnh", "toàn ngành"), not by "tổng"
    alone: "Tổng số tiền xử phạt là bao nhiêu?" after a question about one Cục QLTT is that body's."""
    folded = fold(q.text).lower()
    return q.whole and bool(_REGION_WORDS.search(folded) or _WHOLE_SECTOR.search(folded))


_WHOLE_SECTOR = re.compile(r"\b(?:toan nganh|\d+ dia phuong)\b")


# the words that make a measure its total ("tổng kinh phí", "tổng số vốn"), not the names of
# bodies or titles that open with them (Tổng cục, Tổng công ty, Tổng Giám đốc, tổng kết)
_TOTAL = re.compile(r"(?<!\w)(?:tổng cộng|tổng số|tổng|tong cong|tong so|tong)\s+(?!(?:cục|cuc|công ty|cong ty|"
                    r"giám đốc|giam doc|kết|ket|bí thư|bi thu|thư ký|thu ky|hợp|hop|thống kê|thong ke|lãnh sự|"
                    r"lanh su)(?!\w))", re.IGNORECASE)


def _opens(question: str, core: str) -> bool:
    """Whether the follow-up's own words open the question (no "Còn" before them)."""
    return question.lstrip().startswith(core.strip())


def _every_word_capitalised(core: str) -> bool:
    return all(w[:1].isupper() for w in re.findall(r"[^\W\d_]+", core))


def _capitalised_as_a_name(question: str, core: str) -> bool:
    """"Còn Singapore?": a capital says a name; a question's first word has one whatever it is
    ("Bánh, kẹo, mứt thì sao?"), so there every word must."""
    return core.strip()[:1].isupper() and (not _opens(question, core) or _every_word_capitalised(core))


_BATCH = re.compile(r"(?<!\w)(?:[Đđ]ợt|[Dd]ot)\s+(?:\d{1,2}|[IVX]{1,4})(?!\w)")     # a round of a year's work


def resolve(question: str, previous: list[dict]) -> Resolution:
    """`previous`: the earlier turns as {question, resolved_question, frame, answer} dicts,
    oldest first. Returns the question to answer."""
    out = _resolve(question, previous)
    alone = _YEAR_ALONE.match(fold(question).lower())
    if out.resolved and alone and not _ONLY_OF.search(fold(out.question).lower()):
        # "Riêng năm 2016 …" asks that year alone, not a stock up to it: the rewrite says so too
        at = re.search(rf"(?i)(?<!\w)(?:năm|nam)\s+{alone.group(1)}(?!\d)", out.question)
        if at:
            word = "riêng" if has_diacritics(out.question) else "rieng"
            out.question = f"{out.question[:at.start()]}{word} {out.question[at.start():]}"
    return out


# "So với cùng kỳ thì thế nào?", "Còn so với kế hoạch năm thì sao?" (folded): the base alone, how asked
# (a base of time or plan: "cùng kỳ", "năm 2021", "tháng trước", "kế hoạch năm"; not "các tỉnh lân cận")
_HOW_AGAINST = re.compile(r"^\s*(?:(?:vay|the)\s+)?(?:con\s+)?so\s+voi\s+(?P<base>(?:cung|ke hoach|nam|thang|quy|ky|dau)\b"
                          r"(?:(?!\bthi\b|bao nhieu|may\b)[^?,])*?)\s*,?\s*(?:thi\s+)?(?:the nao|sao|ra sao)\s*\??\s*$")


def _resolve(question: str, previous: list[dict]) -> Resolution:
    if not previous:
        if looks_like_followup(question):
            return Resolution(question, unresolvable="Câu này tiếp nối một câu hỏi trước, nhưng cuộc hội thoại "
                                                     "chưa có câu hỏi nào. Hãy hỏi đầy đủ, ví dụ: «Quảng Bình được "
                                                     "bố trí bao nhiêu kinh phí?»")
        return Resolution(question)
    if not _QUESTION_WORD.search(fold(question).lower()) and not lexicon.FOLLOWUP_START.search(fold(question)) \
            and parse_question(question).measures:
        # a measure alone, "Tổng kinh phí hỗ trợ?", "Kinh phí của các đề án đó?": how much it is
        return resolve(question.rstrip(" ?") + " là bao nhiêu?", previous)
    against = _HOW_AGAINST.match(fold(question).lower())
    last = previous[-1].get("resolved_question") or previous[-1]["question"]
    if against and len(fold(question)) == len(question) and not parse_question(last).change:
        # "So với cùng kỳ thì thế nào?": how much the earlier figure changed against that base, either
        # way; kept only where the earlier question's own words take it (not a subject carried alone).
        # (After a change asked already, the new base takes the old one's place, below.)
        changed = resolve(f"Tăng hay giảm bao nhiêu so với {question[against.start('base'):against.end('base')]}?",
                          previous)
        if changed.resolved and not changed.carried:
            return changed
    among = lexicon.AMONG_THOSE.match(fold(question))
    if among and question[among.end():].strip(" ?"):
        # "Trong đó có bao nhiêu phường?": a part of what the earlier question counted, asked of
        # the same subject ("Sau khi sắp xếp, tỉnh Lâm Đồng … bao nhiêu phường?")
        rest = question[among.end():].strip()
        part = resolve(rest[:1].upper() + rest[1:], previous)
        if part.resolved:
            # a part is neither the whole nor its total: "Trong đó nguồn khuyến công quốc gia bao
            # nhiêu?" after "… tổng kinh phí bao nhiêu?" does not carry "tổng", and the figure that
            # answered the whole (or any earlier turn) cannot answer the part
            part.substituted = True
            part.part = True
            if not _TOTAL.search(fold(rest)):
                part.question = _TOTAL.sub("", part.question)
            # a part of that whole is of its period too ("Năm 2022 … các đề án …" then "Trong đó
            # có bao nhiêu đề án ứng dụng máy móc?": those of 2022, not the next year's plan)
            whole = previous[-1].get("resolved_question") or previous[-1]["question"]
            part_q = parse_question(part.question)
            whole_q = parse_question(whole)
            period = _period_text(whole, whole_q, carried=True)
            day = _stock_day(whole, whole_q)
            if day and period and period in part.question and not part_q.days:
                part.question = part.question.replace(period, day, 1)   # the restated whole's year, as a day
            elif day and not part_q.years and not part_q.period:
                part.question = _append(part.question, day)
            elif period and not part_q.years and not part_q.period:
                part.question = _append(part.question, period)
            # and of its round: "Đợt 2 năm 2022 … công nhận bao nhiêu sản phẩm?" then "Trong đó bao
            # nhiêu sản phẩm đạt 3 sao?" asks the round's, not the year's end count
            batch = _BATCH.search(whole)
            if batch and not _BATCH.search(part.question):
                part.question = _append(part.question, batch.group().lower())
            return part
        if not part.unresolvable:
            # "Trong đó nghị định ban hành năm 2022 là nghị định nào?", "Trong đó Quảng Bình có
            # mấy đề án?": a part that names what it asks is asked as it stands, of the whole's
            # period; its "đó" is the whole before, no place
            whole = previous[-1].get("resolved_question") or previous[-1]["question"]
            own = parse_question(rest)
            period = _period_text(whole, parse_question(whole), carried=True)
            out = _append(rest, period) if period and not own.years and not own.period else rest
            return Resolution(out[:1].upper() + out[1:], resolved=True, substituted=True)
    scoped = _scope_followup(question, previous)
    if scoped is not None:
        return scoped
    last = previous[-1]
    if (last.get("answer") or {}).get("unresolved") and (refs := _ref_spans(question)):
        # "Còn B&T 2?" was not understood: "trang trại đó" next is the one the user meant by it,
        # which an earlier turn cannot stand for
        return Resolution(question, unresolvable="Không rõ «" + refs[0].group() + "» chỉ điều gì: câu hỏi trước "
                                                 "chưa được hiểu; hãy hỏi đầy đủ hơn.")
    # an ellipsis refers to the last question about a figure or a name, not to a "why", nor to a
    # turn that was not understood
    anchor = next((t for t in reversed(previous) if (t.get("frame") or {}).get("kind") != "passage"
                   and not (t.get("answer") or {}).get("unresolved")), last)
    base = anchor.get("resolved_question") or anchor["question"]
    headed = _bare_head_reference(question, base)
    if headed:
        return resolve(headed, previous)
    for at in range(len(previous) - 1, -1, -1):
        earlier = previous[at].get("resolved_question") or previous[at]["question"]
        repeated = _repeated_predicate(question, earlier)
        if repeated:
            # "Còn khuyến công địa phương được giao bao nhiêu?" after "… khuyến công quốc gia … được
            # giao bao nhiêu?": the predicate said again adds nothing to "Còn khuyến công địa
            # phương?", and names the turn it repeats when a share was asked in between; unless the
            # rewrite then loses it ("Còn xuất khẩu?" after an index's change asks its level,
            # "Còn xuất khẩu tăng bao nhiêu?" the change)
            got = resolve(repeated[0], previous[:at + 1])
            if got.resolved and repeated[1] in " ".join(fold(got.question).lower().split()):
                return got
            break
    relative = _RELATIVE_YEAR.search(question)
    if relative and not _BASELINE_BEFORE.search(question[:relative.start()]):
        # "Năm trước đó thì sao?", "năm sau tỷ lệ tổn thất …": a year counted from the earlier one,
        # the year of the latest turn that names one
        years = next((ys for t in reversed(previous)
                      if (ys := _own_years(t.get("resolved_question") or t["question"]))), set())
        if len(years) != 1:
            return Resolution(question, unresolvable="Không rõ «" + relative.group(0) + "» là năm nào: câu hỏi "
                                                     "trước không nêu đúng một năm; hãy nêu năm cụ thể.")
        step = -1 if fold(relative.group(2)).startswith(("truoc", "lien truoc")) else 1
        absolute = f"{relative.group(1)} {years.pop() + step}"
        return resolve(question[:relative.start()] + absolute + question[relative.end():], previous)
    months = _BARE_MONTHS.match(question)
    if months and not _TERM_IN.search(fold(base)):
        # "10 tháng thì sao?", "con 6 thang": in a conversation about a period (not a deposit's
        # term), the months of the year so far
        return resolve(f"{months.group(1)} tháng đầu năm thì sao?", previous)
    same = _SAME_PERIOD_BEFORE.match(fold(question))
    if same:
        # "Cùng kỳ năm trước thì sao?": the earlier question's period, a year before
        period = _period_text(base, parse_question(base), carried=True)
        years = _own_years(period)
        if len(years) != 1:
            return Resolution(question, unresolvable="Không rõ «cùng kỳ năm trước» là kỳ nào: câu hỏi trước "
                                                     "không nêu đúng một kỳ; hãy nêu kỳ và năm cụ thể.")
        year = years.pop()
        return resolve(period.replace(str(year), str(year - 1)) + " thì sao?", previous)
    complement = _complement_of(question, base)
    if complement:
        return Resolution(complement, resolved=True, substituted=True)
    funded = _funding_swap(base, question)
    if funded:
        return Resolution(funded, resolved=True, substituted=True)
    answered = _answer_as_subject(question, base, anchor)
    if answered == "":
        return Resolution(question, unresolvable="Không rõ câu hỏi này hỏi về điều gì: câu hỏi trước (… nào?) "
                                                 "chưa có câu trả lời; hãy hỏi đầy đủ hơn.")
    if answered:
        return Resolution(answered, resolved=True)
    q = parse_question(question)
    # ("Riêng cầu Bắc Luân II?", "Riêng tháng 10 …": a part of what was asked before, never a new topic)
    cues = looks_like_followup(question) or _bare(question) or bool(_ONLY_OF.match(fold(question).lower()))
    period = _period_only(question, q)
    if period and not cues:
        # "Năm 2017 đạt bao nhiêu?" asks what the earlier question asked, of another period
        return resolve(f"{period} thì sao?", previous)
    ranked = _superlative_of(question, q, base)
    if ranked:
        return Resolution(ranked, resolved=True, substituted=True)
    named = None if _has_ref(question) else _bare_event_named(question, base)
    if named:
        # "Thứ trưởng Bộ Công thương dự hội nghị là ai?" after a question about one conference:
        # the conference is that one, named as the earlier question named it
        return Resolution(named, resolved=True)
    event = _event_phrase(base) if q.kind == "who" and _ATTENDED.search(fold(question).lower()) \
        and not lexicon.EVENT_NOUN_FOLDED.search(fold(question).lower()) else None
    if event:
        # "Thứ trưởng Bộ Công thương nào tham dự?" after a question about a conference: who attended it
        return Resolution(f"{question.rstrip(' ?')} {_lower_first(event)}?", resolved=True)
    if not cues and _a_place_and_how_much(question, q):
        # "Bắc Ninh tăng bao nhiêu?", "Quảng Bình được bố trí bao nhiêu?": a place and a bare
        # predicate ask what the earlier question asked, of that place, as "Còn …?" does
        return resolve(f"Còn {question.strip()}", previous)
    if not cues and not _subjectless(q):
        return _carried_subject(question, q, parse_question(base)) or Resolution(question)
    if not cues and q.kind in ("place", "superlative", "document") and not _has_ref(question) \
            and not _OWNED.match(fold(question)) and not _PREDICATE_ONLY.match(fold(question).lower()):
        # "Tỉnh nào đăng cai …?" asks for a place: it does not inherit one (but "Trung tâm hành
        # chính đặt ở tỉnh nào?" asks where something of the earlier subject is)
        return Resolution(question)
    base_q = parse_question(base)
    text = _replace_references(question, base, base_q, last, previous)
    if text is None and base_q.places and _refers_to_a_body(question):
        # "công ty điện lực này" after a question about Lai Châu that named no body of the kind:
        # the province's own, asked as of that province (a school, "trường này", is not said)
        carried = _carried_subject(question, q, base_q)
        if carried is not None:
            return carried
    if text is None:
        return Resolution(question, unresolvable="Không rõ câu hỏi tiếp nối này nói về điều gì ở câu trước; "
                                                 "hãy hỏi đầy đủ hơn.")
    owned = _OWNED.match(fold(text))
    if owned and _OWNED_THEN.match(fold(text), owned.end()) and (base_q.places or _names(base_q)):
        text_q = parse_question(text)
        if not (text_q.places or text_q.names):
            # "Trung tâm hành chính đặt ở tỉnh nào?" → "Trung tâm hành chính của tỉnh Quảng Bình đặt ở tỉnh nào?"
            owner = base_q.places[0][0] if base_q.places else base_q.text[slice(*_span_in(base_q.text, _names(base_q)[0]))]
            out = f"{text[:owned.end()].strip()} của {owner}{text[owned.end():]}"
            return Resolution(out[:1].upper() + out[1:], resolved=True)
    core = _strip_ellipsis(text)
    said_before = _SAID_AFTER_PREPOSITION.search(core) if core else None
    if said_before and fold(said_before.group(1).strip(" ?")).lower() in fold(base).lower():
        # "Còn nhập khẩu qua lối mở này?": where it passes is the earlier question's own (its reference
        # replaced by it), and the rest is what is swapped ("nhập khẩu" for "xuất khẩu")
        core = core[:said_before.start()]
    core_q = parse_question(core) if core else None
    lone_day = bool(base_q.days and core and lexicon.DAY.fullmatch(core.strip(" ?")))     # "Còn 28/4?"
    if core_q is not None and (core_q.days or lone_day):
        # "Phiên 28/4 thì sao?", "Còn chiều 24/4?": the day replaces the earlier day (or joins a
        # question that named none); what else the follow-up names is swapped as usual
        base, core = _swap_day(base, base_q, core, bare=lone_day)
        base_q = parse_question(base)
        core_q = parse_question(core) if core.strip(" ?,.") else None
        if core_q is None:
            return Resolution(base, resolved=True, substituted=True)
    elliptic = bool(_START.search(question) or re.search(_THI_SAO, question, re.IGNORECASE))
    ordinal = _ordinal_swap(base, core) if core else None
    if ordinal:
        return Resolution(ordinal, resolved=True, substituted=True)
    # "Còn …?" naming a slot of its own kind, in that slot's place, in this order: a numbered
    # thing, a district or town, a firm, a setting, and a change's base ("So với kế hoạch năm đó
    # thì sao?" after "… tăng bao nhiêu so với cùng kỳ?": the same change, against another base)
    for swap in (_number_swap, _local_unit_swap, _firm_swap, _setting_swap, _baseline_swap):
        swapped = swap(base, core) if elliptic and core else None
        if swapped:
            return Resolution(swapped, resolved=True, substituted=True)
    if elliptic and core_q is not None and not (core_q.places or core_q.years or core_q.period or core_q.days) \
            and not _asks(core, tuple(_QUESTION_WORDS)):
        # "Còn khối công nghiệp địa phương?" after "… khối công nghiệp Trung ương đạt …": another
        # group of the kind the earlier question named (asked as the question before any change)
        before = _before_change_questions(previous, anchor) or base
        group = _group_swap(before, core)
        if group:
            return Resolution(group, resolved=True, substituted=True)
    sector = _sector_swap(base, core, core_q) if elliptic and core_q is not None \
        and not _sibling_spans(core, base, differ=False) else None
    if sector:
        return Resolution(sector, resolved=True, substituted=True)
    if core_q is not None and elliptic and core.strip()[:1].islower() and len(core.split()) <= 6 \
            and not (core_q.names or core_q.places or core_q.years or core_q.period or core_q.days) \
            and not _asks(core, tuple(_QUESTION_WORDS)) and (span := _group_span(base)) is not None:
        # "Còn điện quản lý tiêu dùng?" after "Lĩnh vực công nghiệp xây dựng của EVNNPC chiếm …":
        # another group's own words in the earlier group's place (its noun kept), not the owner's
        # (after a change question, the rules below go back to the measure asked before it)
        if _before_change_questions(previous, anchor) is None:
            return Resolution(base[:span[1]] + " " + core.strip(" ?") + base[span[2]:], resolved=True,
                              substituted=True)
    headed = _same_head_swap(base, base_q, core, core_q, question) if elliptic and core_q is not None else None
    if headed:
        return Resolution(headed, resolved=True, substituted=True)
    counted = _count_noun_swap(base, base_q, core, core_q, question) if elliptic and core_q is not None else None
    if counted:
        return Resolution(counted, resolved=True, substituted=True)
    if core_q is not None and not (core_q.names or core_q.places) and (_capitalised_as_a_name(question, core) or
                                                                       (elliptic and _names(base_q))) \
            and len(syllables(core)) <= (5 if elliptic and _names(base_q) else 3) \
            and not core_q.years and not core_q.period and not core_q.measures \
            and not _asks(core, tuple(_QUESTION_WORDS)) and not _sibling_spans(core, base, differ=False) \
            and not (base_q.count_noun and fold(core).lower().split()[:2] == base_q.count_noun.split()[:2]) \
            and not (_weighs_a_thing(base_q) and core.strip()[:1].islower()):
        # "Còn Singapore?", "dau diesel thi sao": a lone name or noun in the earlier one's stead
        # (not "doanh nghiep ngoai tinh" after "bao nhiêu doanh nghiệp trong tỉnh …": the noun counted)
        # (a sector in the earlier sector's stead is swapped as a slot: "Còn dịch vụ?")
        core_q.names = [fold(core)]
    if core_q is not None and elliptic and _a_thing(core, core_q, _opens(question, core)) \
            and (not _names(base_q) or _weighs_a_thing(base_q) and core.strip()[:1].islower()) \
            and not _sibling_spans(core, base, differ=False):
        # (also where the earlier question names a place by name: "Còn bột sắn?" after "… qua lối mở
        # Km 3+4 Hải Yên đã xuất bao nhiêu tấn hoa quả?" is the cassava, not a gate named "bột sắn")
        # "xi mang thi sao?", "Còn bia lon thi sao?" after a question about one product: the
        # new one takes the place of what the earlier question measured or counted
        before = _before_change_questions(previous, anchor) or base
        thing = core.strip(" ?")
        if _opens(question, core):
            thing = thing[:1].lower() + thing[1:]       # its capital was the question's
        swapped = _swap_thing(before, parse_question(before), thing)
        if swapped:
            return Resolution(swapped, resolved=True, substituted=True)
    if core_q is not None and core_q.measures and not (core_q.places or core_q.years or core_q.period):
        before = _before_change_questions(previous, anchor)
        if before is not None:
            # "Tăng bao nhiêu so với cùng kỳ?" asked how the earlier measure moved; "Dư nợ tín dụng
            # thì sao?" after it asks the new measure what the question before that asked
            base, base_q = before, parse_question(before)
    if core_q is not None and core_q.names and not base_q.names and not base_q.places:
        # "con hyundai accent?" put a name typed in lower case into the earlier question, where
        # no name is seen any more: "Honda City thì sao?" next takes its place
        typed = _strip_ellipsis(last["question"])
        if typed and (last.get("resolved_question") or "") == base and _span_in(base, fold(typed)):
            base_q.names = [fold(typed)]
    substituted = False
    if core_q is not None and (_is_bare_slot(core, core_q) or (elliptic and _is_measure_phrase(core, core_q))):
        out = _swap_slots(base, base_q, core, core_q)
        if base_q.days and _OWN_POINT_IN_TIME.search(fold(core).lower()) and not _own_years(core):
            out = _without_day(out)      # (a year of its own, "Cuối năm 2019 thì sao?", swaps the day's)
        if base_q.change and core_q.measures and _an_index(base_q.measures) \
                and not _an_index(core_q.measures + [core.strip(" ?")]):
            # "Còn giá trị hàng hóa xuất khẩu?" after "chỉ số sản xuất công nghiệp tăng bao nhiêu?":
            # an index is told by its change, which was no choice to ask one; another measure is asked its level
            out = _CHANGE_PHRASE.sub("đạt bao nhiêu", out, count=1)
        # replaced, not only added to ("Năm 2020?"); a measure named anew asks another "what"
        substituted = bool(_words(base) - _words(out)) or bool(core_q.measures and not base_q.measures)
        if fold(out) == fold(base):
            if text == question:
                # nothing of the earlier question could take its place: never answer that one instead
                return Resolution(question, unresolvable="Không rõ «" + core + "» thay cho điều gì trong câu "
                                                         "hỏi trước; hãy hỏi đầy đủ hơn.")
            out = _add_missing(text, base_q, parse_question(text), referenced=True)  # "tỉnh này có mấy đặc khu"
    else:
        # (a time referred to, "năm đó", brings no subject: "Đến hết quý II năm đó còn bao nhiêu?")
        out = _add_missing(text, base_q, parse_question(text),
                           referenced=text != question and not _times_referred_only(question))
        if re.search(_THI_SAO, out, re.IGNORECASE):
            # "ngan hang the gioi thi sao?" with nothing of the earlier question it could stand for:
            # a question with "thì sao" still in it is no question to answer
            return Resolution(question, unresolvable="Không rõ «" + core + "» thay cho điều gì trong câu "
                                                     "hỏi trước; hãy hỏi đầy đủ hơn.")
    out = out.strip()
    if fold(out) == fold(question):
        return Resolution(question)
    if base_q.kind != "passage" and not _asks(out, _ASKING) and not lexicon.WHY_CUES.search(fold(out)) \
            and parse_question(out).kind == "passage":
        # the rewrite lost what the earlier question asked and reads as a what-question only by a
        # noun it now holds ("… trung cấp sơ cấp và các chương trình đào tạo khác?"): no sentence
        # quoted for it answers anything the user asked
        return Resolution(question, unresolvable="Không rõ «" + (core or question) + "» thay cho điều gì trong "
                                                 "câu hỏi trước; hãy hỏi đầy đủ hơn.")
    # "Còn nước giải khát nộp ngân sách bao nhiêu?" after the beer industry's: "còn" sets the
    # turn against the one before, whose answer cannot be this one's
    substituted = substituted or bool(_START.match(question))
    return Resolution(out, resolved=True, substituted=substituted)


# "tổ chức ở đâu?", "diễn ra tại tỉnh nào?": a predicate alone, of the earlier subject
_EVENT_VERBS = r"(?:to chuc|dien ra|khai mac|be mac|dat|nam|toa lac|hop)"
# (or when and how long: "Kéo dài đến ngày nào?", "khai mạc vào ngày nào?", "diễn ra trong mấy ngày?")
_PREDICATE_ONLY = re.compile(r"^\s*(?:(?:da|se|duoc|dang)\s+)?(?:" + _EVENT_VERBS + r"\s+(?:o|tai)\b|"
                             r"(?:" + _EVENT_VERBS + r"|keo dai)\s+(?:vao|den|toi|trong|tu)?\s*(?:ngay|thoi gian|bao lau|"
                             r"bao nhieu ngay|may ngay|luc)\b)")
_EVENT_VERB = re.compile(r"\s(?:(?:da|se|duoc|dang)\s+)?" + _EVENT_VERBS + r"\b")


# who took part in an event, asked without naming it ("… nào tham dự?", "ai chủ trì?")
_ATTENDED = re.compile(r"\b(?:tham du|du|chu tri|phat bieu|chi dao|khai mac)\s*\??\s*$")


_EVENT_VERBS_WRITTEN = {"tổ chức", "diễn ra", "khai mạc", "bế mạc", "đặt", "nằm", "tọa lạc", "toạ lạc", "họp"}


def _event_verb(text: str, start: int = 0) -> re.Match | None:
    """The first event verb after `start`, as written where the text has marks ("phía Nam" is
    no "nằm"), in lower case."""
    marked = not mostly_plain(text)
    for m in _EVENT_VERB.finditer(fold(text).lower(), start):
        words = text[m.start():m.end()].split()
        verb = " ".join(words[1:] if fold(words[0]).lower() in ("da", "se", "duoc", "dang") else words)
        if verb[:1].islower() and (not marked or verb.lower() in _EVENT_VERBS_WRITTEN):
            return m
    return None


def _event_phrase(base: str) -> str | None:
    """The event an earlier question named, as it named it up to its verb ("Hội nghị ngành công
    thương … lần thứ IX năm 2023" of "… diễn ra vào ngày nào?")."""
    folded = fold(base).lower()
    noun = lexicon.EVENT_NOUN_FOLDED.search(folded)
    if not noun:
        return None
    verb = _event_verb(base, noun.end()) or _PREDICATE.search(folded, noun.end())
    phrase = base[noun.start():verb.start() if verb else len(base)].strip(" ,?")
    return phrase if len(phrase.split()) >= 2 else None


# an event noun the question does not name further ("dự hội nghị là ai?", "Hội nghị có bao nhiêu
# đại biểu?"): what follows it is the predicate, not its name (folded)
_BARE_EVENT = re.compile(r"(?<!\w)(" + "|".join(fold(n) for n in lexicon.EVENT_NOUNS) + r")"
                         r"(?=\s*(?:\?|$|(?:la|co|duoc|da|do|vao|dien ra|to chuc|keo dai|thu hut|gom)\b))")


_NAME_ENDS_AT = re.compile(r"(?<!\w)(?:lần thứ\s+\w+|năm\s+\d{4}|lan thu\s+\w+|nam\s+\d{4})(?!\w)", re.IGNORECASE)


def _bare_event_named(question: str, base: str) -> str | None:
    """The question with its bare event noun replaced by the event the earlier question named
    with the same noun."""
    folded = fold(question).lower()
    bare = _BARE_EVENT.search(folded)
    phrase = _event_phrase(base)
    if not bare or not phrase or not fold(phrase).lower().startswith(bare.group(1) + " "):
        return None
    if len(lexicon.EVENT_NOUN_FOLDED.findall(folded)) > 1:
        return None
    # its name ends at its ordinal or year ("… lần thứ VI năm 2019 đánh giá …": a predicate follows)
    ends = list(_NAME_ENDS_AT.finditer(phrase))
    if ends and phrase[ends[-1].end():].strip()[:1].islower():
        phrase = phrase[:ends[-1].end()]
    if bare.start() == 0:
        phrase = phrase[:1].upper() + phrase[1:]
    else:
        phrase = _lower_first(phrase)
    return question[:bare.start()] + phrase + question[bare.end():]


# "của bao nhiêu đơn vị?", "cho mấy hộ?": a count of what the earlier count belongs to or went to
_COMPLEMENT = re.compile(r"^\s*(?:cua|cho|tu|voi)\s+(?:bao nhieu|may)\s+\w")
_COUNT_ASKED = re.compile(r"(?<!\w)(?:bao\s+nhiêu|bao\s+nhieu|mấy|may)\s+(?=\w)", re.IGNORECASE)


def _complement_of(question: str, base: str) -> str | None:
    """"Năm 2022, Đồng Tháp công nhận bao nhiêu sản phẩm?" then "của bao nhiêu đơn vị?": the
    earlier count's noun stays as it was asked, and the follow-up asks its complement ("… công
    nhận sản phẩm … của bao nhiêu đơn vị?"), not a count of units anywhere in the province. So
    after a sum: "… dành bao nhiêu tiền cho nâng cao năng lực …?" then "Cho bao nhiêu chương trình?"."""
    if not _COMPLEMENT.match(fold(question).lower()) or parse_question(base).kind not in ("count", "amount"):
        return None
    asked = list(_COUNT_ASKED.finditer(base))
    if len(asked) != 1:
        return None
    m = asked[0]
    return _append(base[:m.start()] + base[m.end():], question.strip().rstrip(" ?"))


# "Cả nước thì tăng bao nhiêu?", "Còn toàn vùng?": a whole territory asked in the earlier
# question's stead (folded; the scope, then "thì", then what is asked of it)
_SCOPE_FOLLOWUP = re.compile(r"^\s*(?:(?:vay|the)\s+)?(?:con\s+)?(?P<scope>" + "|".join(p for _, p in lexicon.SCOPES)
                             + r")(?P<then>\s+thi)?(?!\w)(?P<rest>.*)$")
_REGION_WORDS = re.compile(r"\b(mien|vung|khu vuc|ca nuoc|toan quoc|cac tinh|\d+ tinh)\b")


def _scope_followup(question: str, previous: list[dict]) -> Resolution | None:
    """The earlier question asked of the whole country, region or province named by the scope:
    it replaces the earlier province ("… của tỉnh Gia Lai tăng bao nhiêu?" → "… của cả nước
    tăng bao nhiêu?"); after a question about a region already, "cả vùng" is that region. What
    follows the scope ("thì tăng bao nhiêu?") is then resolved against that question."""
    m = _SCOPE_FOLLOWUP.match(fold(question).lower())
    if not m or not (m.group("then") or _START.match(question) or not m.group("rest").strip(" ?")
                     or _asks_only_the_change(question[m.start("rest"):])):
        return None                       # "Cả nước có bao nhiêu tỉnh?" is a question of its own
    last = previous[-1]
    base = last.get("resolved_question") or last["question"]
    base_q = parse_question(base)
    scope = question[m.start("scope"):m.end("scope")]
    if base_q.places:
        span = _span_in(base, fold(base_q.places[0][0]).lower())
        if span is None:
            return None
        new_base = base[:span[0]] + scope.lower() + base[span[1]:]
    elif base_q.whole or _REGION_WORDS.search(fold(base).lower()):
        new_base = base                   # the earlier question is about the whole already
    else:
        return None
    rest = question[m.start("rest"):].strip()
    if re.fullmatch(rf"{_HOW_ABOUT}?\s*\??", rest, re.IGNORECASE):
        return Resolution(new_base, resolved=True, substituted=new_base != base)
    turn = dict(last, resolved_question=new_base)
    out = resolve(rest[:1].upper() + rest[1:], previous[:-1] + [turn])
    if not out.resolved:
        return None
    return Resolution(out.question, resolved=True, substituted=out.substituted or new_base != base)


_OF_A_CHANGE = {"so", "voi", "cung", "ky", "phan", "tram"}


def _asks_only_the_change(rest: str) -> bool:
    """Whether what follows a scope asks only how much it changed ("Cả nước tăng bao nhiêu?",
    "… giảm mấy % so với cùng kỳ?"): the earlier question's measure, asked of the scope.
    One with a thing of its own ("Cả nước có bao nhiêu tỉnh?") asks anew."""
    q = parse_question(rest.strip())
    said = {w for r in q.relations for w in fold(r).lower().split()}
    return (q.change and not (q.measures or q.count_noun or q.names or q.places)
            and set(q.content) <= said | _OF_A_CHANGE)


# words that make a short phrase a time, a place, a reference or a question rather than a thing
_NOT_A_THING = {"thang", "nam", "quy", "ky", "tuan", "ngay", "sau", "truoc", "nay", "do", "kia", "ay",
                "tinh", "huyen", "xa", "phuong", "thanh", "pho", "tp", "vung", "khu", "vuc", "ca", "nuoc",
                "ong", "ba", "anh", "chi", "nguoi", "nao", "gi", "sao", "bao", "nhieu", "may", "ai", "dau"}
# the same, as written with marks: "dầu ăn" is a thing, "đâu" is no thing
_NOT_A_THING_WRITTEN = set("tháng năm quý kỳ tuần ngày sau trước này nay đó kia ấy tỉnh huyện xã phường thành phố tp "
                           "vùng khu vực cả nước ông bà anh chị người nào gì sao bao nhiêu mấy ai đâu".split())


def _a_thing(core: str, core_q: Question, opens: bool = False) -> bool:
    """A short phrase typed in lower case that names a thing ("xi mang", "bia lon"), not a
    name, place, period, measure, time word or question word. One that `opens` the question
    has its first capital from there ("Bánh, kẹo, mứt thì sao?")."""
    written = core.strip(" ?").lower().split()
    marked = not mostly_plain(core)
    a_name = core.strip()[:1].isupper() and _every_word_capitalised(core)
    return (0 < len(written) <= 4 and (core.strip()[:1].islower() or opens and not a_name)
            and not (core_q.names or core_q.places or core_q.years or core_q.period or core_q.measures
                     or core_q.days)
            and not any(fold(w) in _NOT_A_THING and (not marked or w in _NOT_A_THING_WRITTEN) for w in written))


_ORDINALS = "|".join(sorted(lexicon.ORDINAL_WORDS, key=len, reverse=True))
# "Cái thứ ba?", "thu tu thi sao", "Còn mục thứ hai?", "con chuong trinh thu ba": another item of
# the same list (folded); a noun before the ordinal is a generic one or the list's own
_ORDINAL_ALONE = re.compile(rf"^(?:(\w+(?:\s+\w+){{0,2}})\s+)?thu\s+({_ORDINALS}|\d{{1,2}})$")
_ITEM_NOUNS = {"cai", "muc", "y", "diem", "phan"}
_ORDINAL_IN_BASE = re.compile(rf"(?<!\w)(?:thu\s+(?:{_ORDINALS}|\d{{1,2}})|dau tien)(?!\w)")


def _ordinal_swap(base: str, core: str) -> str | None:
    """"Cái thứ ba?" after "Vấn đề thứ hai … là gì?": the earlier question with the new ordinal
    in place of its own, the noun of the list kept ("Vấn đề thứ ba …", not "Cái thứ ba …")."""
    m = _ORDINAL_ALONE.match(fold(core).lower().strip(" ?.,"))
    old = _ORDINAL_IN_BASE.search(fold(base).lower())
    # the noun typed is the one the earlier ordinal numbers, just before it ("chương trình xúc tiến
    # thương mại đầu tiên"), not another ("hội nghị thứ ba" after "Vấn đề thứ hai hội nghị …")
    if not m or not old:
        return None
    before = fold(base).lower()[max(0, old.start() - 40):old.start()]
    if m.group(1) and m.group(1) not in _ITEM_NOUNS and not re.search(rf"(?<!\w){re.escape(m.group(1))}(?!\w)", before):
        return None
    return base[:old.start()] + f"thứ {lexicon.ORDINAL_WRITTEN.get(m.group(2), m.group(2))}" + base[old.end():]


# "ngành khai khoáng" in an earlier question, up to its owner, place or predicate
def _number_swap(base: str, core: str) -> str | None:
    """"Còn hạng 3 sao?" after "… bao nhiêu sản phẩm OCOP đạt hạng 4 sao?": the same words
    around another number, in the earlier question's stead (a year is a period, swapped as one)."""
    typed = core.strip(" ?,.")
    words = fold(typed).lower().split()
    if not any(w.isdigit() for w in words) or all(w.isdigit() for w in words) or _YEAR.search(typed):
        return None
    pattern = r"(?<!\w)" + r"\s+".join(r"\d+" if w.isdigit() else re.escape(w) for w in words) + r"(?!\w)"
    found = list(re.finditer(pattern, fold(base).lower()))
    if len(found) != 1 or fold(base[found[0].start():found[0].end()]).lower() == " ".join(words) \
            or len(fold(base)) != len(base):
        return None
    m = found[0]
    return base[:m.start()] + typed + base[m.end():]


_SECTOR_STOPS = (r"(?:của|ở|tại|trên|thuộc|có|đạt|tăng|giảm|chiếm|là|được|trong|năm|tháng|quý|cua|o|tai|tren|thuoc|co|"
                 r"dat|tang|giam|chiem|la|duoc|nam|thang|quy)")
_SECTOR_IN = re.compile(r"(?<!\w)(?:[Nn]gành|[Nn]ganh)\s+(?!" + _SECTOR_STOPS + r"\s|nghề|nghe\b)(.+?)(?=\s+" + _SECTOR_STOPS
                        + r"\s|[;?]|$)")          # "ngành chế biến, chế tạo": a comma is in the name


def _sector_swap(base: str, core: str, core_q: Question) -> str | None:
    """"Khai thác than cứng và than non thì sao?", "Còn ngành chế biến, chế tạo?" after a question
    about "ngành khai khoáng": the other industry in its stead, the rest kept (it had been read
    as a name in the province's place, or as a whole new question that asked nothing)."""
    said = _SECTOR_IN.search(base)
    typed = re.sub(r"^(?:ngành|nganh)\s+", "", core.strip(" ?.,"), flags=re.IGNORECASE)
    if not said or not typed or _GROUP_OF.match(typed) or core_q.places or core_q.years or core_q.period or core_q.days \
            or core_q.measures \
            or _asks(core, tuple(_QUESTION_WORDS)) or len(typed.split()) > 9 \
            or fold(typed).lower() == fold(said.group(1)).lower():
        return None
    if parse_question(lexicon.written_out(typed)).measures:
        return None                       # "Còn chỉ số IIP?": a measure written short, not an industry
    if typed[:1].isupper() and not core.strip()[:1].isupper():
        return None                       # "Còn Vinamilk?": a name, swapped as names are
    if typed[:1].isupper() and len(typed.split()) > 1 and typed.split()[1][:1].isupper():
        return None                       # "Khu công nghiệp Đông Nam", "Hòa Phát": names
    return base[:said.start(1)] + typed[:1].lower() + typed[1:] + base[said.end(1):]


# "các làng nghề", "những doanh nghiệp": a group, the subject of what the earlier question asked
_GROUP_OF = re.compile(r"(?<!\w)(?:các|những|cac|nhung)\s+(?=\w)", re.IGNORECASE)
# the group's own words: up to a place, an owner or a comma
_GROUP_PHRASE = re.compile(r"[^,;?]*?(?=\s+(?:ở|tại|của|trên|thuộc|o|tai|cua|tren|thuoc)\s|[,;?]|$)", re.IGNORECASE)


# a unit that measures a thing ("bao nhiêu tấn gạo"), unlike a counter of people ("lượt người") (folded)
_UNIT_OF_MEASURE = re.compile(r"(?:tan|kg|ta|lit|m2|m3|ha|km|kwh|mw)\b")


def _weighs_a_thing(q: Question) -> bool:
    """Whether a question asks an amount of a thing by its unit ("bao nhiêu tấn hoa quả")."""
    unit = _UNIT_OF_MEASURE.match(q.count_noun or "")
    return bool(unit) and bool((q.count_noun or "")[unit.end():].strip())


def _swap_thing(base: str, base_q: Question, thing: str) -> str | None:
    """`base` with `thing` in the place of what it counts ("bao nhiêu gạch khối …") or, with no
    count, of the head of its subject ("9 tháng năm 2025, điện thương phẩm của khu vực …":
    after the period that opens it, up to an owner, a place or the predicate)."""
    counted = base_q.count_noun or ""
    unit = _UNIT_OF_MEASURE.match(counted)
    if unit:
        counted = counted[unit.end():].strip()      # "bao nhiêu tấn gạo": the rice, not the tonnes
    weighed = None if counted else _WEIGHED_AFTER.search(fold(base).lower())
    if weighed:
        counted = weighed.group(1)                  # an amount asked by its unit: "xuất bao nhiêu tấn hoa quả?"
    subject = _subject(base)
    said = _GROUP_OF.search(subject) if _GROUP_OF.match(thing) else None
    if said:
        # "Riêng các làng nghề thì sao?" after "… các cơ sở ngành nghề nông thôn ở Quảng Nam giải
        # quyết việc làm cho bao nhiêu lao động?": the group that acts, not what it is counted in
        end = said.end() + len(_GROUP_PHRASE.match(subject[said.end():]).group())
        return base[:said.start()] + thing[:1].lower() + thing[1:] + base[end:]
    if counted:
        span = _span_in(base, counted)
        if span is None:
            return None
        # "Còn cấp lại?" after "bao nhiêu sản phẩm cấp mới": the words from the one both say on,
        # the noun counted kept ("sản phẩm cấp lại", not "bao nhiêu cấp lại")
        first = fold(thing).lower().split()[:1]
        words = [(m.start(), fold(m.group()).lower()) for m in re.finditer(r"\S+", base[span[0]:span[1]])]
        shared = next((at for at, w in words[1:] if w == first[0]), None) if first else None
        start = span[0] + shared if shared is not None else span[0]
        return base[:start] + (thing[:1].lower() + thing[1:] if shared is not None else thing) + base[span[1]:]
    if not subject:               # "gạo bao nhiêu tấn": "tấn" measures the thing, the subject names it
        return None
    start = 0
    period = _period_text(base, base_q)
    for _ in range(2):          # the period and the province that open it stay, in either order
        if period and fold(subject[start:]).startswith(fold(period)):
            start += len(period)
        places = [p for p in _span_of_places(subject) if p[0] == start]
        if places:
            start = places[0][1]                    # "Hà Tĩnh gạo": the province stays
        while start < len(subject) and subject[start] in " ,":
            start += 1
    end = len(subject)
    owner = re.search(r"\s(?:cua|tai|o)\s", fold(subject)[start:])
    if owner:
        end = start + owner.start()
    end = min([end] + [ps for ps, _ in _span_of_places(subject) if ps > start])
    measure = next((m for m in base_q.measures if fold(subject[start:end]).lower().startswith(fold(m).lower() + " ")),
                   None)
    if measure:
        start += len(measure) + 1                   # "sản lượng xi măng": the measure stays, of the new thing
    head = subject[start:end].strip()
    if not head or len(head.split()) > 10:
        return None
    at = base.index(head, start)
    phrase = thing if at else thing[:1].upper() + thing[1:]
    return base[:at] + phrase + base[at + len(head):]


# what an amount asked by its unit weighs: "bao nhiêu tấn | hoa quả ?" (folded)
_WEIGHED_AFTER = re.compile(r"\b(?:bao nhieu|may)\s+" + _UNIT_OF_MEASURE.pattern + r"\s+"
                            r"([^\W\d]+(?:\s+[^\W\d]+){0,3}?)\s*(?=\?|$|\s(?:cua|tai|o|nam|thang|quy|qua|den|tu)\b)")


_LOCAL_NOUN = r"(?:huyện|huyen|thị xã|thi xa|thành phố|thanh pho|quận|quan|thị trấn|thi tran|xã|xa|phường|phuong)"
_LOCAL_TYPED = re.compile(rf"^{_LOCAL_NOUN}\s+\S.*$", re.IGNORECASE)
_LOCAL_TYPED_NOUN = re.compile(rf"{_LOCAL_NOUN}\s+", re.IGNORECASE)
_LOCAL_IN_BASE = re.compile(r"(?<!\w)(?:huyện|thị xã|thành phố|quận|thị trấn|xã|phường)\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"\s*(?:-\s*)?([^\W\d_][\w'-]*)")


def _local_unit_swap(base: str, core: str) -> str | None:
    """"thành phố Phan Rang - Tháp Chàm thì sao?" after "Huyện Ninh Phước có bao nhiêu sản
    phẩm …?": a district or town in the earlier one's stead (their names are no provinces, so
    the place slot does not swap them). Only when the earlier question names one."""
    typed = core.strip(" ?")
    if not _LOCAL_TYPED.match(typed) or len(typed.split()) > 8:
        return None
    for m in _LOCAL_IN_BASE.finditer(base):
        end = m.end()
        while (w := _NAME_WORD.match(base, end)) and w.group(1)[:1].isupper():
            end = w.end()                 # the name's capitalised words ("Phan Rang - Tháp Chàm")
        if end > m.end():
            # a unit's name is a proper name, however it was typed ("thành phố phan rang tháp chàm")
            noun = _LOCAL_TYPED_NOUN.match(typed)
            phrase = typed[:noun.end()] + " ".join(w[:1].upper() + w[1:] for w in typed[noun.end():].split(" "))
            phrase = phrase[:1].upper() + phrase[1:] if m.start() == 0 else phrase[:1].lower() + phrase[1:]
            return base[:m.start()] + phrase + base[end:]
    return None


_FIRM_NOUN = r"(?:tổng công ty|công ty|tập đoàn|hợp tác xã|htx|doanh nghiệp|dntn|nhà máy|cơ sở)"
_FIRM_TYPED = re.compile(rf"^({_FIRM_NOUN})\s+\S", re.IGNORECASE)


def _firm_swap(base: str, core: str) -> str | None:
    """"Còn HTX miến Việt Cường?" after "HTX chè Hảo Đạt có sản phẩm nào …?": a firm in the
    earlier firm's stead, its noun and name whole ("HTX chè Hảo Đạt" is all of it: a lower-case
    word inside a name is kept when a capitalised one follows). Only when the earlier question
    names a firm of the same noun. (A word of the name may be lower case when a capitalised one
    follows within three: "Công ty TNHH MTV Xổ số kiến thiết Bình Dương".)"""
    typed = core.strip(" ?")
    head = _FIRM_TYPED.match(typed)
    if not head or len(typed.split()) > 10:
        return None
    noun = fold(head.group(1)).lower()
    for m in re.finditer(rf"(?<!\w){_FIRM_NOUN}\s+", base, re.IGNORECASE):
        if fold(m.group().strip()).lower() != noun:
            continue
        end, last_capital = m.end(), None
        while w := _NAME_WORD.match(base, end):
            word = w.group(1)
            if word[:1].isupper():
                last_capital = w.end()
            elif not any(n[:1].isupper() for n in base[w.end():].split()[:3]) or fold(word).lower() in _FIRM_STOPS:
                break
            end = w.end()
        if last_capital:
            phrase = typed[:1].upper() + typed[1:] if m.start() == 0 else typed
            return base[:m.start()] + phrase + base[last_capital:]
    return None


# words that end a firm's name: its predicate, its owner, a place or time after it
_FIRM_STOPS = {"co", "la", "dat", "duoc", "cua", "tai", "o", "va", "nam", "thang", "quy", "san", "nao", "xuat", "nhap",
               "ban", "tang", "giam", "sang", "tren", "trong", "voi", "cho", "thuoc", "nop", "doanh", "loi", "von"}


_FUNDING_TYPED = re.compile(r"^\s*(?:(?:vay|the)\s+)?(?:con\s+)?(?:kinh phi\s+)?(khuyen cong\s+(?:quoc gia|dia phuong))"
                            r"(?:\s+(?:la|dat|thuc hien|duoc|co|thi))*(?:\s+(?:bao nhieu|sao|the nao))?\s*\??\s*$")
_KHUYEN_CONG_IN_BASE = re.compile(r"(?<!\w)(?:khuyến công|khuyen cong)(?:\s+(?:quốc gia|địa phương|quoc gia|dia phuong))?(?!\w)",
                                  re.IGNORECASE)


def _funding_swap(base: str, question: str) -> str | None:
    """"Khuyến công quốc gia là bao nhiêu?" (after "Trong đó"), "Còn khuyến công địa phương?"
    after "… tổng kinh phí khuyến công thực hiện của 28 tỉnh phía Bắc …": the source of the money
    in the earlier question's "khuyến công", or in place of the source it named."""
    typed = _FUNDING_TYPED.match(fold(question).lower())
    if not typed:
        return None
    m = _KHUYEN_CONG_IN_BASE.search(base)
    if not m:
        return None
    start = typed.start(1)
    phrase = question[start:start + len(typed.group(1))]
    return base[:m.start()] + phrase[:1].lower() + phrase[1:] + base[m.end():]


_WHICH_NOUN = re.compile(r"(?<!\w)((?:[^\W\d_]+\s+){0,2}?[^\W\d_]+)\s+(?:nào|nao)(?!\w)", re.IGNORECASE)
_BARE_HOW_MUCH = re.compile(r"^\s*(?:(?:vay|the)\s+)?(?:(?:tang|giam|dat|la|duoc|chiem|co)\s+){0,2}(?:bao nhieu|may)"
                            r"(?:\s+(?:phan tram|%|so voi cung ky|so voi nam truoc))?\s*\??\s*$")


def _answered_text(turn: dict) -> str:
    """What an earlier turn stated as its answer ("" when it was not answered)."""
    answer = turn.get("answer") or {}
    return ((answer.get("answer") or {}).get("text") or "") if answer.get("status") == "answered" else ""


def _answer_as_subject(question: str, base: str, anchor: dict) -> str | None:
    """"Tăng bao nhiêu?" after "Ngành nào của Đà Nẵng có mức tăng cao nhất trong 6 tháng đầu năm
    2018?" answered "sản xuất linh kiện điện tử": the thing answered is what the figure asked is
    of ("Ngành sản xuất linh kiện điện tử của Đà Nẵng tăng bao nhiêu 6 tháng đầu năm 2018?"), not
    the place the question named (its whole had been stated). Unanswered, "" (nothing to go on)."""
    if (anchor.get("frame") or {}).get("kind") not in ("superlative", "named"):
        return None
    text = re.sub(r"\s*\(.*\)\s*$", "", _answered_text(anchor))     # "Lâm Đồng (hơn 10 tỷ đồng)": the name
    which = _WHICH_NOUN.search(base)
    if not which or not _BARE_HOW_MUCH.match(fold(question).lower()):
        return None
    if not text or re.search(r"\d", text):
        return ""
    noun = which.group(1)
    subject = text if fold(text).lower().startswith(fold(noun).lower()) else f"{noun} {text}"
    base_q = parse_question(base)
    owner = f" của {base_q.places[0][0]}" if base_q.places else ""
    # and of the measure it was ranked by ("Địa phương nào bố trí kinh phí cao nhất?": its kinh phí)
    measure = next((m for m in base_q.measures if fold(m).lower() not in fold(question).lower()), "")
    out = f"{subject[:1].upper()}{subject[1:]}{owner} {measure + ' ' if measure else ''}{_lower_first(question.strip())}"
    return _append(out, _period_text(base, base_q, carried=True))


_SETTING = re.compile(r"(?<!\w)(?:tai|o)\s+(?=\w)")
_SETTING_LAST_END = re.compile(r"\s(?:nam \d|thang \d|\d+ thang|quy\b)|[?,;]")
_SETTING_END = re.compile(r"\s(?:nam \d|thang \d|\d+ thang|(?:thi|tang|giam|dat|bao nhieu|may|la|co|duoc|chiem|quy)\b)|[?,;]")


def _setting_swap(base: str, core: str) -> str | None:
    """"Còn tại các làng thuần nông?" after "… bao nhiêu lớp truyền nghề tại các làng đã có
    nghề?": where the thing counted or measured is, in the earlier setting's stead. Not a place
    (the place slot swaps those), and only where the earlier question names a setting."""
    typed = core.strip(" ?,.")
    ft = fold(typed).lower()
    if not _SETTING.match(ft) or find_places(typed) or len(typed.split()) > 10:
        return None
    folded = fold(base).lower()
    if len(folded) != len(base):
        return None
    places = _span_of_places(base)
    asked = re.search(r"\b(?:bao nhieu|may)\b", folded)
    for m in _SETTING.finditer(folded):
        # after what is asked, the setting runs to the question's end or its period ("… tại các
        # làng đã có nghề?"); before it, to its predicate ("tại các xã có bao nhiêu hộ …")
        last = asked is not None and asked.start() < m.start()
        stop = (_SETTING_LAST_END if last else _SETTING_END).search(folded, m.end())
        end = stop.start() if stop else len(base)
        if any(m.start() < pe and ps < end for ps, pe in places) or folded[m.start():end].strip() == ft:
            continue
        return base[:m.start()] + typed[:1].lower() + typed[1:] + base[end:]
    return None


_HEAD_PHRASE_END = re.compile(r"\s(?:nam \d|thang \d|\d+ thang|(?:quy|cua|tai|la|dat|tang|giam|co|duoc|chiem|thi)\b)|[?,;]")


def _same_head_swap(base: str, base_q: Question, core: str, core_q: Question, question: str = "") -> str | None:
    """"con duong day trung the?" after "… quản lý bao nhiêu km đường dây 110 kV năm 2019?": a
    thing of the same head noun (two words) in the earlier one's stead, up to its owner, predicate
    or period ("… km đường dây trung thế năm 2019?"; it had taken the company's name's place)."""
    typed = core.strip(" ?,.")
    # "Còn 2 đề án cung cấp thông tin về …?": a count of the things, and their longer name
    counted = re.match(r"\d+\s+", typed)
    words = fold(typed[counted.end() if counted else 0:]).lower().split()
    # (a capital that only opens the question is no name's: "Khu vực nông thôn thì sao?")
    # (the earlier question's own measure or name may be part of the thing's name: "Còn khu vực có vốn
    # đầu tư nước ngoài?" after "… vốn đầu tư của khu vực kinh tế Nhà nước …" names no measure of its own)
    base_measures = {fold(m).lower() for m in base_q.measures}
    own_measures = {fold(m).lower() for m in core_q.measures} - base_measures
    own_names = set(core_q.names) - set(base_q.names)
    repeated = sum(len(m.split()) for m in base_measures if re.search(rf"(?<!\w){re.escape(m)}(?!\w)", " ".join(words)))
    if not 3 <= len(words) - repeated <= (14 if counted else 6) or _capitalised_as_a_name(question, core) and own_names \
            or any(" ".join(words).startswith(m) for m in base_measures) \
            or core_q.places or core_q.years \
            or core_q.period or own_measures or own_names or _asks(core, tuple(_QUESTION_WORDS)) \
            or base_q.count_noun and words[:2] == base_q.count_noun.split()[:2]:
        return None                       # (another kind of the noun counted is swapped as a slot)
    folded = fold(base).lower()
    if len(folded) != len(base):
        return None
    heads = [h for h in re.finditer(rf"(?<!\w){re.escape(' '.join(words[:2]))}(?!\w)", folded) if h.start() > 0]
    # not the count of the whole ("Trong 16 đề án KCĐP năm 2020, đề án phát triển …": the latter)
    m = next((h for h in heads if not re.search(r"\d\s+$", folded[:h.start()])), heads[0] if heads else None)
    if m is None:
        return None
    asked = re.search(r"\b(?:bao nhieu|may)\s+", folded)
    if base_q.count_noun and asked and not (asked.end() <= m.start() <= asked.end() + 12):
        return None             # a count asked: only what it counts ("… bao nhiêu km đường dây 110 kV"), not
        #                         another phrase of that head ("… công trình … thuộc danh sách cơ sở …")
    stop = _phrase_end(_HEAD_PHRASE_END, base, folded, m.end())
    end = stop.start() if stop else len(base)
    # (a province after the phrase is its owner and stays: "CPI khu vực thành thị | Hà Tĩnh tháng 12 …")
    end = min([end] + [len(base[:a].rstrip()) for a, _ in _span_of_places(base) if a > m.end()])
    if folded[m.start():end].strip() == " ".join(words):
        return None
    return base[:m.start()] + (_lower_first(typed) if m.start() > 0 else typed) + base[end:]


def _phrase_end(pattern: re.Pattern, base: str, folded: str, start: int) -> re.Match | None:
    """Where a phrase of `base` read from `start` ends at `pattern` (matched on `folded`); a folded
    "thi" ends it only where a text with marks writes "thì" ("thành thị" holds none)."""
    stop = pattern.search(folded, start)
    while stop and stop.group().strip() == "thi" and has_diacritics(base) \
            and base[stop.start() + 1:stop.end()].lower() != "thì":
        stop = pattern.search(folded, stop.end())
    return stop


def _count_noun_swap(base: str, base_q: Question, core: str, core_q: Question, question: str) -> str | None:
    """"Còn nghệ nhân cấp tỉnh?" after "… phong tặng danh hiệu cho bao nhiêu làng nghề?": another
    noun counted, by the same action, in the place of the one counted before (up to its predicate)."""
    typed = core.strip(" ?,.")
    number_of = re.match(r"(?i)(?:số|so|sở)\s+(?=\S)", typed)
    if number_of and _opens_with_a_counted_noun(typed[number_of.end():]):
        # "Còn số cuộc kết nối cung cầu?": the sessions counted (typed "so", restored as "sở" or "số")
        typed = typed[number_of.end():]
    words = fold(typed).lower().split()
    if not base_q.count_noun or not 1 <= len(words) <= 8 or _capitalised_as_a_name(question, core) \
            or core_q.places or core_q.years or core_q.period or core_q.measures or core_q.names \
            or _asks(core, tuple(_QUESTION_WORDS)) or words[:2] == base_q.count_noun.split()[:2] \
            or not _opens_with_a_counted_noun(typed):
        return None
    unit = next((u for u in _ADMIN_UNITS_FOLDED if " ".join(words).startswith(u)), None)
    if unit and len(words) > len(unit.split()):
        return None             # "thành phố phan rang tháp chàm" is a town named, not a kind counted
    folded = fold(base).lower()
    asked = re.search(r"\b(?:bao nhieu|may)\s+", folded)
    if len(folded) != len(base) or not asked or not folded.startswith(base_q.count_noun.split()[0], asked.end()):
        return None
    stop = _phrase_end(_COUNTED_PHRASE_END, base, folded, asked.end())
    end = len(base[:stop.start()].rstrip()) if stop else len(base.rstrip(" ?"))
    marked = has_diacritics(typed) and not mostly_plain(base)      # (with marks: "nghệ" is no "nghề")
    head = (typed.lower() if marked else fold(typed).lower()).split()[0]
    counted_before = (base.lower() if marked else folded)[asked.end():end].split()
    if head in counted_before[1:]:
        return None             # "Còn khách trong nước?" after "… bao nhiêu lượt khách nước ngoài?": a sibling
    return base[:asked.end()] + _lower_first(typed) + base[end:]


def _opens_with_a_counted_noun(typed: str) -> bool:
    """Whether a phrase opens with a noun records count, read with its marks where it has them
    ("sơ cấp" is no "số")."""
    marked = has_diacritics(typed)
    words = (typed.lower() if marked else fold(typed).lower()).split()
    nouns = _COUNT_NOUNS_WRITTEN if marked else counted_nouns_folded()
    return any(" ".join(words[:k]) in nouns for k in (1, 2, 3))


_COUNT_NOUNS_WRITTEN = frozenset(n.lower() for n in COUNT_NOUNS)


_ADMIN_UNITS_FOLDED = tuple(fold(u) for u in lexicon.ADMIN_UNITS)
# where a counted noun's phrase ends: as a head's does, or at the verb said of what is counted
# ("… bao nhiêu doanh nghiệp đầu mối xuất khẩu | tham gia …") (folded)
_COUNTED_PHRASE_END = re.compile(_HEAD_PHRASE_END.pattern + r"|\s(?:tham gia|tham du)\b")


# where the earlier group's phrase ends: at its predicate or its period (commas may be inside it:
# "nhóm phụ tùng, cơ khí có …")
_GROUP_END = re.compile(r"\s(?:của|có|là|đạt|tăng|giảm|bao nhiêu|mấy|được|chiếm|ước|thì|tham gia|so với|năm \d|quý|"
                        r"tháng \d|\d+ tháng)(?!\w)|\s*\?")
_GROUP_END_PLAIN = re.compile(r"\s(?:cua|co|la|dat|tang|giam|bao nhieu|may|duoc|chiem|uoc|thi|tham gia|so voi|nam \d|"
                              r"quy|thang \d|\d+ thang)\b|\s*\?")


_COMPARED_WITH = re.compile(r"(?<!\w)so voi\s")
_SHARE_WHOLE = re.compile(r"\bchiem\s+(?:ty\s*(?:le|trong)\s+)?(?:bao nhieu|may)\s*(?:phan tram|%)\s+(?:cua\s+)?"
                          r"(.+?)(?=\s+(?:nam|quy|thang)\s+\d|\s*[?,]|$)")
# "… đạt bao nhiêu phần trăm dự toán Trung ương giao?" then "Còn so với dự toán HĐND tỉnh giao?":
# the plan the share is of is what the follow-up compares with
_SHARE_OF_PLAN = re.compile(r"\b(?:dat|bang|duoc)\s+(?:khoang\s+)?(?:bao nhieu|may)\s*(?:phan tram|%)\s+(?:so voi\s+)?"
                            r"((?:ke hoach|du toan|chi tieu|muc tieu)\b.*?)(?=\s+(?:nam|quy|thang)\s+\d|\s*[?,]|$)")
_COMPARED_END = re.compile(r"\s(?:thi|tang|giam|dat|bao nhieu|la|vuot|chiem)\b|[?,]")


def _baseline_swap(base: str, core: str) -> str | None:
    """`base` with the base of comparison `core` names ("so với kế hoạch năm 2023") in the
    place of its own ("so với cùng kỳ"); None when either compares with nothing."""
    typed = core.strip(" ?,.")
    if not _COMPARED_WITH.match(fold(typed).lower() + " "):
        return None
    folded = fold(base).lower()
    m = _COMPARED_WITH.search(folded)
    if m is None:
        # "… chiếm bao nhiêu phần trăm tổng kinh phí khuyến công quốc gia?" then "còn so với kinh phí
        # khuyến công toàn Vùng thì chiếm bao nhiêu?": the share's whole is what it is compared with
        share = _SHARE_WHOLE.search(folded) or _SHARE_OF_PLAN.search(folded)
        if share is None or len(base) != len(folded):
            return None
        ft = fold(typed).lower()
        said = _COMPARED_WITH.match(ft + " ")
        stop = _COMPARED_END.search(ft, said.end())
        whole = typed[said.end():stop.start() if stop else len(typed)].strip()
        return base[:share.start(1)] + whole + base[share.end(1):] if whole else None
    stop = _COMPARED_END.search(folded, m.end())
    end = stop.start() if stop else len(base)
    if folded[m.start():end].strip() == fold(typed).lower():
        return None
    phrase = typed[:1].upper() + typed[1:] if m.start() == 0 else typed[:1].lower() + typed[1:]
    return base[:m.start()] + phrase + base[end:]


def _group_span(base: str) -> tuple[int, int, int] | None:
    """Where the group an earlier question names stands ("khối công nghiệp Trung ương"): its
    group noun's start and end, and the end of its phrase at its predicate, owner or period."""
    found = lexicon.group_phrases(base)
    if not found:
        return None
    start, noun_end, _ = found[0]
    # read with its marks where it has them: folded, "cơ khí" is "co khi" and "có" ends it
    stop = (_GROUP_END_PLAIN.search(fold(base).lower(), noun_end) if mostly_plain(base)
            else _GROUP_END.search(base.lower(), noun_end))
    return start, noun_end, (stop.start() if stop else len(base))


def _group_phrase(base: str) -> str:
    span = _group_span(base)
    return base[span[0]:span[2]].strip(" ,") if span else ""


def _measure_phrase(base: str, base_q: Question) -> str:
    """The earlier question's measure as written, to its owner, predicate or period ("tổng mức
    bán lẻ hàng hóa" of "… tổng mức bán lẻ hàng hóa năm 2024 được báo cáo là bao nhiêu?")."""
    if not base_q.measures:
        return ""
    folded = fold(base)
    m = re.search(rf"(?<!\w){re.escape(fold(base_q.measures[0]))}(?!\w)", folded)
    if not m:
        return ""
    stop = _MEASURE_END.search(folded, m.end())
    return base[m.start():stop.start() if stop else m.end()].strip(" ,")


def _group_swap(base: str, core: str) -> str | None:
    """`base` with the group `core` names in the place of the group of the same kind it named
    ("nhóm nông, lâm sản, đồ uống" for "nhóm phụ tùng, cơ khí"); None when `core` names no
    group or `base` none of its kind."""
    typed = core.strip(" ?,.")
    words = fold(typed).lower().split()
    found = lexicon.group_phrases(typed)
    if not found or found[0][0] != 0 or len(re.findall(r"[^\W\d_]+", typed)) > 12:
        return None
    noun = fold(typed[:found[0][1]]).lower()
    span = _group_span(base)
    if span is None or not fold(base).lower().startswith(noun, span[0]):
        return None                       # no group, or one of another kind
    start, _, end = span
    if fold(base[start:end]).lower().strip(" ,") == " ".join(words):
        return None
    phrase = typed[:1].upper() + typed[1:] if start == 0 else typed[:1].lower() + typed[1:]
    return base[:start] + phrase + base[end:]


def _carried_subject(question: str, q: Question, base_q: Question) -> Resolution | None:
    """A whole question that names no place or organisation, asked in a conversation about
    one, is about it: "Lãi ròng thuộc về công ty mẹ là bao nhiêu?" after questions on
    Vinhomes → "Vinhomes lãi ròng …". The subject is then a slot like any other, so another
    company's figure is not its answer. A question that asks for a place, or names the
    whole ("cả nước"), keeps no subject."""
    if q.places or _names(q) or _names_the_whole(q) or q.kind in ("place", "superlative", "document"):
        return None
    owner = _owner(base_q)
    if not owner:
        return None
    if base_q.places:
        out = f"Ở {owner}, {_lower_first(question.strip())}"     # "Ở tỉnh Hà Tĩnh, chính quyền …"
    else:
        out = f"{owner} {_lower_first(question.strip())}"
    if not (q.years or q.period or q.days) and q.kind in ("amount", "figure", "percent", "count"):
        # a figure, of its period too: "bao nhiêu hộ đạt danh hiệu …?" after "… năm 2019 có bao nhiêu hộ
        # đăng ký" asks of 2019 (another year's "100 hộ gia đình" had been its answer); a why, a
        # person or a time asked is of no period
        out = _append(out, _period_text(base_q.text, base_q, carried=True))
    return Resolution(out[:1].upper() + out[1:], resolved=True, carried=True)


def _owner(q: Question) -> str:
    """The place or organisation a question is about, as written; a person is not a subject
    that later questions are about ("Cao Quốc Hưng" answered "ai là Thứ trưởng")."""
    if q.places:
        return q.places[0][0]
    for n in _names(q):
        if _is_person(n):
            continue
        written = _name_written(q.text, n)
        if written:
            return written
    return ""


def _name_written(text: str, folded_name: str) -> str:
    """A name as `text` writes it; a body's name runs on in lower case past its capitals ("Cục
    Cạnh tranh và Bảo vệ người tiêu dùng"): the whole body, not "Cục Cạnh"."""
    span = _span_in(text, folded_name)
    if not span:
        return ""
    body = next(((a, b) for a, b in body_spans(text) if a <= span[0] and span[1] <= b), span)
    return text[body[0]:body[1]]


def _is_person(name: str) -> bool:
    """A name of two to four words that opens with a family name ("vu ba phu"), folded."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[0] in lexicon.FAMILY_NAMES


def _words(text: str) -> set[str]:
    return {fold(w) for _, _, w in syllables(text)}


# words that say nothing of what is measured: "Năm 2017 đạt bao nhiêu?" asks the earlier measure
_ASKING_WORDS = {"dat", "la", "duoc", "co", "thi", "khoang", "uoc", "bao", "nhieu", "may", "con"}
_PERIOD_WORDS = {"nam", "quy", "thang", "ngay", "dau", "cuoi", "het", "nua", "i", "ii", "iii", "iv"}


def _period_only(text: str, q: Question) -> str:
    """The period of a question that names nothing else ("Năm 2017 đạt bao nhiêu?": neither what
    is measured nor of whom, nor a change), else ""."""
    if not (q.years or q.period) or q.places or q.names or q.measures:
        return ""
    sy = [(s, e, fold(w)) for s, e, w in syllables(text)]
    if not all(w[0].isdigit() or w in _ASKING_WORDS | _PERIOD_WORDS for _, _, w in sy):
        return ""
    kept = [(s, e) for s, e, w in sy if w[0].isdigit() or w in _PERIOD_WORDS]
    return text[kept[0][0]:kept[-1][1]] if kept else ""


_HOW_MUCH = re.compile(r"(?<!\w)bao\s+(?:nhiêu|nhieu)\s*", re.IGNORECASE)
_WHICH = re.compile(r"^\s*(?:còn\s+|con\s+)?((?:\w+\s+){1,2}?(?:nào|nao))\s+", re.IGNORECASE)
_MOST = re.compile(r"\b(?:(?:cao|nhiều|lớn|thấp|ít|nhỏ|nhieu|lon|thap|it|nho)\s+(?:nhất|nhat))\b", re.IGNORECASE)


def _superlative_of(question: str, q: Question, base: str) -> str:
    """"Tỉnh nào cao nhất?" after "Quảng Nam được bố trí bao nhiêu kinh phí?": the ranking of
    the earlier measure, "Tỉnh nào được bố trí kinh phí cao nhất?" (a superlative that names
    nothing it ranks). "" when it does not apply."""
    which, most = _WHICH.match(question), _MOST.search(question)
    if q.kind != "superlative" or q.measures or not which or not most:
        return ""
    rest = fold(question[which.end():most.start()] + question[most.end():]).split()
    if any(w not in {"la", "thi", "duoc", "co", "?"} for w in rest):
        return ""
    base_q = parse_question(base)
    earlier_most = _MOST.search(base)
    if base_q.kind == "superlative" and earlier_most:
        # "Tỉnh nào được bố trí kinh phí cao nhất?" then "Tỉnh nào thấp nhất?": the other end
        return base[:earlier_most.start()] + most.group().lower() + base[earlier_most.end():]
    spans = _span_of_places(base)
    if not _HOW_MUCH.search(base) or not spans or base_q.kind not in ("amount", "percent", "count"):
        return ""
    s, e = spans[0]
    phrase = which.group(1)
    out = base[:s] + (phrase[:1].upper() + phrase[1:] if s == 0 else phrase.lower()) + base[e:]
    return f"{_HOW_MUCH.sub('', out, count=1).rstrip(' ?.')} {most.group().lower()}?"


def _bare(text: str) -> bool:
    """"Năm 2022?", "Quý I?", "Lâm Đồng?": a slot alone is a follow-up."""
    core = text.strip(" ?.")
    q = parse_question(core)
    return len(syllables(core)) <= 4 and bool(q.years or q.period or q.places) and not \
        _asks(core, ("bao nhieu", "may", "nao", "gi", "ai"))


# question words as written with their marks; unmarked, "dau" is "đâu" only at the end
# ("ở đâu?") and "dầu" before a noun ("dau diesel"), "may" may be "máy" ("to may 3")
_QUESTION_WORDS = {"bao nhieu": "bao nhiêu", "may": "mấy", "nao": "nào", "gi": "gì", "ai": "ai", "dau": "đâu",
                   "la": "là"}


_ASKING = ("bao nhieu", "may", "nao", "gi", "ai", "dau")


def _asks(text: str, words: tuple[str, ...]) -> bool:
    """Does `text` contain one of the question words (folded names) — a question, not a slot?"""
    if not mostly_plain(text):
        marked = "|".join(_QUESTION_WORDS[w] for w in words)
        return re.search(rf"(?<!\w)({marked})(?!\w)", text.lower()) is not None
    plain = "|".join(w for w in words if w != "dau")
    pattern = rf"\b({plain})\b" + (r"|\bdau\b(?!\s+\w)" if "dau" in words else "")
    return re.search(pattern, fold(text)) is not None


def _has_ref(text: str) -> bool:
    return bool(_ref_spans(text) or _PERSON_REF.search(text))


def _strip_ellipsis(text: str) -> str:
    t = _START.sub("", text)
    t = _END.sub("", t)
    return t.strip(" ,.?")


def _is_measure_phrase(core: str, q: Question) -> bool:
    """"tỷ lệ nợ xấu tại ngân hàng riêng lẻ (thì sao)": a longer measure, still a slot alone."""
    if not q.measures or q.places or q.years or _asks(core, ("bao nhieu", "may", "nao", "gi", "ai", "dau")):
        return False
    return fold(core).startswith(fold(q.measures[0])) and len(syllables(core)) <= 12


# what carries a member on into a coordinated phrase: "… và các chương trình khác", "… hoặc …" (folded)
_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:va|hoac)\s+\w")


def _is_bare_slot(core: str, q: Question) -> bool:
    """"Quảng Bình", "năm 2019", "quý I", "xuất khẩu", "lợi nhuận sau thuế": a slot alone."""
    n = len(syllables(core))
    if _asks(core, ("bao nhieu", "may", "nao", "gi", "ai", "dau", "la")):
        return False                     # "Truy thu được bao nhiêu kWh?" is a question, not a slot
    for members in _SIBLINGS:
        m = members.search(core, accented=False)
        if m and not core[:m.start()].strip() and _COORDINATED.match(fold(core[m.end():])):
            # a member leading a coordination ("sơ cấp và các chương trình đào tạo khác"), which
            # reads like a what-question ("các chương trình …") but is a slot
            return True
    if q.kind in ("who", "place", "named", "document", "when", "passage"):
        return False
    for members in _SIBLINGS:
        # a member of a class alone, however long ("ngành sản xuất và phân phối điện")
        m = members.search(core, accented=False)
        if m and len(syllables(core[:m.start()] + core[m.end():])) <= 2:
            return True
    return n <= 6 and (
        bool(q.places or q.years or q.period or q.measures or q.names) or n <= 3)


def _span_of_places(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in find_places(text)]


def _swap_slots(base: str, base_q: Question, core: str, core_q: Question) -> str:
    """Replace in the earlier question the slots the follow-up names."""
    out = base
    spans = _sibling_spans(core, out)
    if spans:
        # "Còn KCQG?", "Cấp khu vực thì sao?": a member of the class the earlier question named
        # one of (a source of money, a level, a sector), though it reads like a name or a place;
        # what else the follow-up names ("… năm 2022?") is swapped as usual
        (cs, ce), (s, e) = spans
        if _COORDINATED.match(fold(core[ce:])):
            ce = len(core.rstrip(" ?."))      # "sơ cấp và các chương trình đào tạo khác": the whole phrase
        out = out[:s] + (_lower_first(core[cs:ce]) if s else core[cs:ce]) + out[e:]
        rest = (core[:cs] + core[ce:]).strip()
        rest_q = parse_question(rest) if _strip_ellipsis(rest).strip(" ?,.") else None
        if rest_q is None or not (rest_q.places or rest_q.years or rest_q.period or _names(rest_q)):
            return out                    # "vốn đối ứng": the words around the member go with it
        base, base_q = out, parse_question(out)
        core, core_q = rest, rest_q
    person, earlier_person = _INITIALLED.search(core), _INITIALLED.search(out)
    if person and earlier_person and fold(person.group()).lower() != fold(earlier_person.group()).lower():
        # "Còn anh M.H ở Vĩnh Phúc?" after "Chị L.T ở Hà Nội mất bao nhiêu …": the person, and the place below
        phrase = person.group()
        phrase = phrase[:1].upper() + phrase[1:] if earlier_person.start() == 0 else _lower_first(phrase)
        out = out[:earlier_person.start()] + phrase + out[earlier_person.end():]
    if core_q.places:
        new = core_q.places[0][0]
        spans = _span_of_places(out)
        if spans:
            s, e = spans[0]
            out = out[:s] + new + out[e:]
        else:
            out = f"{new} {_lower_first(out)}"
    elif (country := lexicon.country_spans(core)) and (earlier := lexicon.country_spans(out)) \
            and country[0][2] != earlier[0][2]:
        # "Còn Campuchia?" after "… Thái Lan đoạt giải nhất mấy lần?": a country for the country
        # ("malaysia thi sao" after "… GDP cua Viet Nam …" too)
        s, e, _ = earlier[0]
        out = out[:s] + country[0][2] + out[e:]
    elif _names(core_q) and (swappable := _names_past_the_source(out, base_q.names)):
        name = _span_in(out, _most_alike(_names(core_q)[0], swappable))
        if name:
            new = _span_in(core, _names(core_q)[0]) or (0, len(core))
            phrase = core[new[0]:new[1]]
            before = fold(out[:name[0]]).lower().split()[-3:]
            if len(phrase.split()) > 1 and fold(phrase.split()[0]).lower() in before:
                # "xăng E5RON92" + "Xăng E10": one "xăng"; "Cụm công nghiệp Thuận Đức" + "cụm
                # bắc nghĩa": the type noun written once, and what follows it a name as names are written
                phrase = phrase.split(maxsplit=1)[1]
                if phrase.islower() and out[name[0]:name[1]].istitle():
                    phrase = " ".join(w[:1].upper() + w[1:] for w in phrase.split())
            out = out[:name[0]] + phrase + out[name[1]:]
    elif _names(core_q) and base_q.places:
        # "riêng huyện Lệ Thủy thì sao?": a narrower place in the earlier province's stead
        s, e = _span_of_places(out)[0] if _span_of_places(out) else (0, 0)
        phrase = re.sub(r"^(riêng|rieng|tại|tai|ở|o)\s+", "", core, flags=re.IGNORECASE)
        out = out[:s] + phrase + out[e:] if e else f"{phrase} {_lower_first(out)}"
    if core_q.years or core_q.period:
        # a source the earlier question cites ("Theo Chương trình … giai đoạn 2021-2025, năm 2021 …")
        # keeps its own years: the period asked is the one after it
        lead = SOURCE_LEAD.match(fold(out).lower())
        lead_end = lead.end() if lead and len(fold(out)) == len(out) else 0
        years = [y for y in _YEAR.finditer(out) if y.start() >= lead_end] or list(_YEAR.finditer(out))
        if core_q.period and years:
            # "Quý I/2021 thì sao?": the whole period replaces "năm 2020" or "quý 1/2021"; one
            # without its year keeps the earlier year ("Lũy kế 7 tháng" after "Tháng 7/2018")
            phrase = _period_text(core, core_q)
            if not _YEAR.search(phrase):
                year = years[0].group()
                phrase = f"{phrase} {year}" if fold(phrase).lower().endswith(" nam") else f"{phrase} năm {year}"
            out = _replace_period(out, years[0], phrase, r"(?:năm|nam)\s+")
        elif core_q.years and years:
            y = str(sorted(core_q.years)[0])
            own = re.search(rf"(?<!\w)({_EDGE})\s+(?:năm|nam)\s+{y}", core, re.IGNORECASE)
            span = _YEAR_SPAN.search(out, lead_end)
            if span and len(core_q.years) == 1:
                # "giai đoạn 2009-2019" then "Năm 2017 thì sao?": one year, not a span from 2017
                out = out[:span.start()] + ("Năm" if span.start() == 0 else "năm") + f" {y}" + out[span.end():]
            elif own and not re.search(r"\d{1,2}/\d{1,2}/$", out[:years[0].start()]):   # in "31/12/2020" only the year changes
                # "Cuối năm 2020 thì sao?" is a period of its own: it replaces "quý 1/2021" whole
                phrase = own.group()[:1].lower() + own.group()[1:]
                out = _replace_period(out, years[0], phrase, rf"(?:(?:{_EDGE})\s+)?(?:(?:năm|nam)\s+)?")
            else:
                out = out[:years[0].start()] + y + out[years[0].end():]
        elif core_q.period and base_q.period:
            m = re.search(re.escape(base_q.period), fold(out))
            if m:
                out = out[:m.start()] + _period_text(core, core_q) + out[m.end():]
        else:
            out = _append(out, _period_text(core, core_q))
    if core_q.measures and not core_q.places and not core_q.years:
        if base_q.measures:
            m = re.search(rf"(?<!\w){re.escape(fold(base_q.measures[0]))}(?!\w)", fold(out))
            new = core_q.measures[0]
            if m and _is_measure_phrase(core, core_q):
                # the whole phrase replaces the earlier measure phrase, up to its owner or predicate
                stop = _MEASURE_END.search(fold(out), m.end())
                end = stop.start() if stop else m.end()
                # a province right after the measure is its owner ("Giá trị sản xuất công nghiệp
                # tỉnh Lạng Sơn năm 2015 …"): it stays
                end = min([end] + [ps for ps, _ in _span_of_places(out) if ps >= m.end()])
                whole = re.search(r"(?<!\w)tong\s+$", fold(out)[:m.start()])   # "tổng lợi nhuận": "tổng" is the old measure's
                start = whole.start() if whole else m.start()
                phrase = core.strip(" ?")
                phrase = _lower_first(phrase) if start > 0 else phrase[:1].upper() + phrase[1:]
                gap = " " if out[end:end + 1].isalnum() else ""
                out = out[:start] + phrase + gap + out[end:]
            elif m:
                out = out[:m.start()] + _written(core, new) + out[m.end():]
        elif _sector_span(out):
            # "ADB dự báo công nghiệp … tăng bao nhiêu?" then "lạm phát thì sao?": the new
            # measure takes the sector's place, not the question's end
            s, e = _sector_span(out)
            phrase = _written(core, core_q.measures[0])
            out = out[:s] + (_lower_first(phrase) if s else phrase) + out[e:]
        else:
            # "Còn điện thương phẩm?" after "Quảng Trị 7 tháng đầu năm 2016 ván ép tăng bao nhiêu?":
            # the measure takes the place of the thing the earlier question was about, not its end
            phrase = _written(core, core_q.measures[0])
            out_q = parse_question(out)
            swapped = _swap_thing(out, out_q, phrase) if not out_q.count_noun and not out_q.names else None
            out = swapped or _append(out, phrase)
    elif (spans := _sibling_spans(core, out)) and not (core_q.places or core_q.years or core_q.period or
                                                      _names(core_q)):
        (cs, ce), (s, e) = spans              # "Còn dịch vụ?" after "công nghiệp", "con trung cap?" after "cao đẳng"
        out = out[:s] + (_lower_first(core[cs:ce]) if s else core[cs:ce]) + out[e:]
    return out


_SECTORS = lexicon.Words(lexicon.SECTORS)


def _sector_span(text: str) -> tuple[int, int] | None:
    """Where a sector ("công nghiệp", "dịch vụ") stands in a question, matched folded (folding
    keeps positions, and a follow-up is often typed without marks)."""
    m = _SECTORS.search(text, accented=False)
    return m.span() if m else None


_SIBLINGS = [lexicon.Words(members) for members in lexicon.SIBLINGS]


# a question that opens with whom it cites: "Theo Cục Thống kê tỉnh, …" (folded)
_ATTRIBUTED = re.compile(r"\s*theo\s+[^,?]{2,60},")


def _names_past_the_source(base: str, names: list[str]) -> list[str]:
    """The names of the earlier question but those of the source it opens by citing: "con nuoc
    mam?" after "Theo Cục Thống kê tỉnh, … sản lượng bia …" asks no other source (it had become
    "Theo nuoc mam tỉnh, …")."""
    lead = _ATTRIBUTED.match(fold(base).lower())
    return [n for n in names if not lead or (at := _span_in(base, n)) is None or at[0] >= lead.end()]


def _sibling_spans(core: str, base: str, differ: bool = True) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where a follow-up names a member of a class ("trung cấp") and the earlier question
    another member (`differ`) of the same class ("cao đẳng"): the two spans, matched folded."""
    folded = fold(base)
    for members in _SIBLINGS:
        new = members.search(core, accented=False)
        if new and _inside_a_measure(core, new.span()):
            continue                      # "Còn chỉ số sản xuất công nghiệp?": another measure, not a sector
        olds = [m for m in members.folded.finditer(folded) if not new or m.group() != new.group() or not differ]
        if new and olds:
            # the member the earlier question named as such ("… công nghiệp ngành chế biến, chế
            # tạo"): the one after "ngành" or "lĩnh vực", else its last ("công nghiệp" of "giá trị
            # sản xuất công nghiệp" is the measure's)
            named = [m for m in olds if re.search(r"(?:nganh|linh vuc)\s+$", folded[:m.start()].lower())]
            old = (named or olds)[-1].span()
            if _inside_a_measure(base, old) and parse_question(core).measures:
                continue                  # "Còn doanh thu du lịch?" after "tổng mức bán lẻ hàng hóa và doanh
                #                           thu dịch vụ": another measure, not that measure's sector swapped
            return new.span(), _member_run(folded, members, old)
    return None


def _inside_a_measure(text: str, span: tuple[int, int]) -> bool:
    """Whether the words at `span` close a longer measure's name the text gives ("công nghiệp"
    of "chỉ số sản xuất công nghiệp"): they are that measure's, no member of a class."""
    folded = fold(text).lower()
    for measure in parse_question(text).measures:
        at = folded.find(fold(measure).lower())
        if 0 <= at <= span[0] and span[1] <= at + len(measure) and len(measure) > span[1] - span[0]:
            return True
    return False


# what joins members of one class into one phrase: "cao đẳng - trung cấp", "công nghiệp và xây dựng" (folded)
_MEMBER_JOIN = re.compile(r"\s*(?:-|–|,|/|va|hoac)\s*")


def _member_run(folded: str, members: lexicon.Words, span: tuple[int, int]) -> tuple[int, int]:
    """The whole run of members joined to the one at `span` ("cao đẳng - trung cấp" for
    "trung cấp"): another member takes the place of all of them, not of the last alone."""
    s, e = span
    spans = [m.span() for m in members.folded.finditer(folded)]
    grown = True
    while grown:
        grown = False
        for a, b in spans:
            if b <= s and _MEMBER_JOIN.fullmatch(folded[b:s]):
                s, grown = a, True
            elif a >= e and _MEMBER_JOIN.fullmatch(folded[e:a]):
                e, grown = b, True
    return s, e


# the word of time before a day: "phiên 27/4", "sáng 24/4", "ngày 31/12/2019"
_TIME_WORD = re.compile(r"(?:ngày|ngay|phiên|phien|sáng|sang|chiều|chieu|trưa|trua|tối|toi|đêm|dem|hôm|hom)\s+$",
                        re.IGNORECASE)


def _day_span(text: str, bare: bool = False) -> tuple[int, int, int] | None:
    """Where the first day a text names stands: (start of its word of time, start of the date,
    end); `bare`: the text is only a date ("28/4"), a day although no word says so."""
    if bare:
        m = lexicon.DAY.search(text)
    else:
        m = next((lexicon.DAY.match(text, pos) for pos, _ in lexicon.day_mentions(text)), None)
    if m is None:
        return None
    word = _TIME_WORD.search(text, 0, m.start())
    return (word.start() if word else m.start()), m.start(), m.end()


def _swap_day(base: str, base_q: Question, core: str, bare: bool) -> tuple[str, str]:
    """(the earlier question with the follow-up's day in place of its own, the rest of the
    follow-up). A day written bare ("Còn 28/4?") keeps the earlier word ("phiên")."""
    new = _day_span(core, bare)
    if new is None:
        return base, core
    start, date, end = new
    phrase, rest = core[start:end], (core[:start] + core[end:]).strip(" ,")
    old = _day_span(base) if base_q.days else None
    if old is None:
        return _append(base, phrase), rest
    if start == date:
        phrase = base[old[0]:old[1]] + phrase               # "28/4" keeps "Phiên"
    phrase = phrase[:1].upper() + phrase[1:] if old[0] == 0 else _lower_first(phrase)
    return base[:old[0]] + phrase + base[old[2]:], rest


def _replace_period(out: str, year: re.Match, phrase: str, lead: str) -> str:
    """`phrase` in place of the earlier question's period: the whole period around its year
    ("quý 1/2021"), with the words `lead` matches just before it ("năm ", "cuối năm ")."""
    from ..extract.figures import periods_in
    start, end = year.start(), year.end()
    around = [p for p in periods_in(out) if p[0] <= start and end <= p[1]]
    if around:
        start, end = around[0][0], around[0][1]
    before = re.search(lead + "$", out[:start], re.IGNORECASE)
    start = before.start() if before else start
    if start == 0:
        phrase = phrase[:1].upper() + phrase[1:]
    return out[:start] + phrase + out[end:]


# where a measure phrase ends: its owner, its predicate, or its period ("năm 2021", not "Việt
# Nam"; "… công nghiệp | 6 tháng đầu năm 2021", "… | tháng 4/2022")
_MEASURE_END = re.compile(r"\s(?:cua|la|dat|tang|giam|bao nhieu|o muc|duoc|trong|nam(?= \d)|quy|tai ngay|ke hoach|muc tieu|chi tieu|"
                          r"\d+ thang|thang \d|sau thang|chin thang|ba thang)\b|[,?]")


def _shape(name: str) -> tuple[bool, bool, int]:
    """What kind of name it looks like: a code with digits ("E5RON92"), letters only, its length in words."""
    return any(ch.isdigit() for ch in name), name.replace(" ", "").isalpha(), len(name.split())


def _most_alike(new: str, names: list[str]) -> str:
    """The earlier name a new one stands for: a country for a country, another name for another
    ("walmart" replaces "Amazon", not "Mỹ" of "tại Mỹ"); among those, the one of the same shape
    ("RON95" replaces "E5RON92", not "Quỹ BOG"), else the first."""
    want = _shape(new)
    country = fold(new).lower() in lexicon.COUNTRIES_FOLDED
    return max(names, key=lambda n: ((fold(n).lower() in lexicon.COUNTRIES_FOLDED) == country,
                                     sum(a == b for a, b in zip(_shape(n), want))))   # ties: the first


# (nor a body's head noun alone: "Quỹ" of "Quỹ bình ổn giá xăng dầu", its name written in lower case)
_NO_NAMES = frozenset(fold(m) for m in lexicon.MEASURES + lexicon.TRADE_TERMS) | lexicon.MEASURE_ACRONYMS_FOLDED \
    | {fold(h).lower() for h in lexicon.BODY_HEADS}


def _names(q: Question) -> list[str]:
    """Names that are neither Roman numerals ("quý I") nor measures ("GDP") nor terms ("B2C"), nor
    a body's head noun alone ("Quỹ")."""
    return [n for n in q.names if n not in lexicon.ROMAN and n not in _NO_NAMES and len(n) > 1]


def _written(text: str, folded_or_word: str) -> str:
    """The words as the user wrote them in `text`."""
    m = re.search(rf"(?<!\w){re.escape(fold(folded_or_word))}(?!\w)", fold(text))
    return text[m.start():m.end()] if m else folded_or_word


_SINCE_DAY_WRITTEN = re.compile(r"(?<!\w)(?:từ|tu)\s+(?:(?:ngày|ngay)\s+)?\d{1,2}/\d{1,2}/(?:19|20)\d\d(?!\d)", re.IGNORECASE)


def _period_text(core: str, q: Question, carried: bool = False) -> str:
    """The period `core` names, as written. `carried` (the period an earlier question gives a
    follow-up): a year that is only a comparison's base ("tăng bao nhiêu so với năm 2019?")
    is not the period asked about."""
    years = sorted(q.years)
    if carried:
        bases = {int(m.group(2)) for m in _BASELINE_YEAR.finditer(core)}
        # nor is the year inside a document's number ("Quyết định 26/2018/QĐ-UBND"): the record is
        # carried, not a period
        years = [y for y in years if y not in bases
                 and re.search(rf"(?<!\d/){y}|\d/{y}(?!/[^\W\d_])", core)]
    if q.period:
        m = re.search(re.escape(q.period), fold(core))
        if m:
            end = m.end()
            y = _YEAR.search(core, end)
            if y and y.start() - end <= 6:
                end = y.end()
            # "Lũy kế 7 tháng" as the user typed it (a period carried on is the period alone)
            added = None if carried else re.search(r"(?:luy ke|tinh chung|cong don)\s+$", fold(core)[:m.start()].lower())
            return core[added.start() if added else m.start():end]
    since = _SINCE_DAY_WRITTEN.search(core) if q.days and not years else None
    if since:
        return since.group()      # "từ 15/12/2024": the span to the record's time, carried as written
    if years:
        # "Giai đoạn 2011-2015", "năm 2016 - 2020": a span of years is one period, carried whole
        span = _YEAR_SPAN.search(core)
        if span and int(_YEAR.findall(span.group())[-1]) in years:
            return span.group().strip()
        m = re.search(r"(?:năm|nam)\s+" + str(years[0]), core, re.IGNORECASE)
        return m.group() if m else f"năm {years[0]}"
    return ""



def _stock_day(core: str, q: Question) -> str | None:
    """The day a whole was counted at, as written ("Tính đến 15/11/2022, … bao nhiêu dự án còn hiệu
    lực?"): its parts ("Trong đó bao nhiêu dự án FDI?") are counted that day, not over the year
    (carried as "năm 2022", the part was answered with the 23 new projects of eleven months). A day
    an event took place ("ngày 02/7/2021") dates no stock."""
    for d, mo in sorted(q.days):
        day = re.search(rf"(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(?<!\d)0?{d}/0?{mo}(?:/\d{{4}})?(?!\d)",
                        core, re.IGNORECASE)
        if day:
            return _lower_first(day.group())
    return None


def _span_in(text: str, folded_name: str) -> tuple[int, int] | None:
    m = re.search(rf"(?<!\w){re.escape(folded_name)}(?!\w)", fold(text))
    return (m.start(), m.end()) if m else None


def _lower_first(s: str) -> str:
    """A sentence's first letter made lower case inside another, unless it starts a place's
    name, an acronym ("GDP", "VN-Index" keep theirs) or a name of capitalised words
    ("Standard Chartered dự báo …")."""
    words = s.split(maxsplit=2)
    if len(words) > 1 and words[1][:1].isupper():
        return s
    return s[:1].lower() + s[1:] if s[:2].istitle() and not find_places(s[:20]) else s


# a comparison without its own time closing a question ("… tăng bao nhiêu so với cùng kỳ?"): a
# period written after it would be read as the base compared with, not as the period asked
_CLOSING_COMPARISON = re.compile(r"\s(?:so(?: voi)? )?cung ky(?: nam (?:truoc|ngoai))?\s*$"
                                 r"|\sso voi (?:nam|thang|quy) (?:truoc|ngoai)\s*$")


def _append(question: str, phrase: str) -> str:
    if not phrase:
        return question
    q = question.rstrip(" ?")
    closing = _CLOSING_COMPARISON.search(fold(q).lower())
    if closing:
        return f"{q[:closing.start()]} {_lower_first(phrase)}{q[closing.start():]}?"
    return f"{q} {_lower_first(phrase)}?"


# the predicate starts at its verb, or at the adverb of estimate or plan before it ("… ước đạt",
# "dự kiến đạt"): a subject does not end in "ước"
_PREDICATE_VERBS = "duoc|la|dat|tang|giam|co|chiem|gap|vuot"
_PREDICATE = re.compile(rf"\s(?:(?:uoc|uoc tinh|du kien|du tinh)\s+(?={_PREDICATE_VERBS}|khoang|bao nhieu)"
                        rf"|{_PREDICATE_VERBS}|bao nhieu|may|nao|gi|thi|so voi)\b")


# the predicate's first word as a question with marks writes it: folded, "may" of "xưởng may"
# was "mấy" and "dat" of "giá đất" was "đạt", and the subject ended before them
_PREDICATE_WRITTEN = {"duoc": "được", "la": "là", "dat": "đạt", "tang": "tăng", "giam": "giảm", "co": "có",
                      "chiem": "chiếm", "gap": "gấp", "vuot": "vượt", "bao": "bao", "may": "mấy", "nao": "nào",
                      "gi": "gì", "thi": "thì", "so": "so", "uoc": "ước", "du": "dự"}


def _subject(base: str) -> str:
    """The earlier question up to its predicate: "Quảng Nam" in "Quảng Nam được bố trí bao
    nhiêu kinh phí?", "Năm 2019 tổng kinh phí khuyến công thực hiện" in "… là bao nhiêu?"."""
    folded, marked = fold(base), not mostly_plain(base)
    for m in _PREDICATE.finditer(folded):
        word = base[m.start() + 1:].split(maxsplit=1)[0].lower()
        if not marked or word == _PREDICATE_WRITTEN.get(fold(word), word):
            # "… kết thúc khi nào?", "… được tổ chức ở đâu?": the event's verb and the word that
            # leads the time or place asked are the predicate's too
            event = _EVENT_ASKED_BEFORE.search(folded[:m.start()])
            return base[:event.start() if event and event.start() > 0 else m.start()].strip()
    return ""


_EVENT_ASKED_BEFORE = re.compile(r"\s(?:(?:duoc|da|se)\s+)?(?:(?:ket thuc|bat dau|dien ra|to chuc|khai mac|khoi cong|"
                                 r"hoan thanh|ban hanh|thanh lap)\s+)?(?:khi|luc|o|tai|vao|tu|trong)"
                                 r"(?:\s+(?:ngay|thang|nam|quy|thoi gian|thoi diem|dip))?$")


def _counted_noun(base_q: Question, subject: str) -> str:
    """What the earlier question counted after its "bao nhiêu", when its subject leaves it out:
    "Tăng bao nhiêu so với cùng kỳ?" after "… sản xuất được bao nhiêu gạch khối bằng bê tông?"
    asks about the bricks, not about production at large."""
    goods = lexicon.BULK_GOODS_ASKED.search(base_q.text)
    if goods and not base_q.count_noun and not _span_in(subject, fold(goods.group(1))):
        return goods.group(1) + " "         # "… xuất khẩu được bao nhiêu thủy sản?": tonnes of it
    if not base_q.count_noun or _span_in(subject, base_q.count_noun):
        return ""
    return _written(base_q.text, base_q.count_noun) + " "


_PERIOD_AFTER = re.compile(r"\s(?:nam|quy|thang|giai doan|ky)\s+(?:\d|[ivx]+\b)|\s\d+\s+thang\b|\s(?:trong|vao)\s+nam\b")


_SUMS = {fold(m) for m in lexicon.ADDITIVE_MEASURES}
# a quantity counted in a unit of measure ("bao nhiêu tấn hành tím") counts no things to fund, nor
# do times ("gấp bao nhiêu lần", "bao nhiêu lần vật ngã") count a thing
_TIMES = re.compile(r"lan\b")
_MEASURED_IN = re.compile(r"(?:tan|kg|ta|lit|m2|m3|ha|km|kwh|mw|usd|dong|ty|trieu|nghin|luot|nguoi)\b")


def _counted_things(base_q: Question) -> str:
    """What the earlier question counted, as written, to its end or its period: "đề án
    khuyến công địa phương hỗ trợ máy móc kỹ thuật" of "… có bao nhiêu đề án … năm 2020?"."""
    if base_q.kind != "count" or not base_q.count_noun or _TIMES.match(base_q.count_noun) \
            or _MEASURED_IN.match(base_q.count_noun):
        return ""
    folded = fold(base_q.text)
    m = re.search(rf"(?<!\w){re.escape(base_q.count_noun)}(?!\w)", folded)
    if not m:
        return ""
    end = _PERIOD_AFTER.search(folded, m.end())
    return base_q.text[m.start():end.start() if end else len(base_q.text)].strip(" ?.,")


def _of_the_counted(out: str, base_q: Question, q: Question) -> str:
    """"Kinh phí bao nhiêu?" after "… có bao nhiêu đề án hỗ trợ máy móc kỹ thuật?" asks the
    money of those projects, not the province's whole budget: "Kinh phí của các đề án …"; so
    does "Công suất dự kiến bao nhiêu?" the capacity of the works counted."""
    things = _counted_things(base_q)
    if not things or not q.measures or fold(q.measures[-1]).lower() not in _SUMS or q.count_noun or q.places \
            or q.names:
        return out
    m = re.search(rf"(?<!\w){re.escape(fold(q.measures[-1]))}(?!\w)", fold(out))
    if not m:
        return out
    return f"{out[:m.end()]} của các {things}{out[m.end():]}"


_RECORD_KINDS = ("who", "when", "document", "named", "passage")     # questions about a record itself


def _add_missing(text: str, base_q: Question, q: Question, referenced: bool = False) -> str:
    """A question without a subject takes the earlier subject (entity, measure, period);
    one whose reference ("hội nghị đó") was just replaced has its subject already."""
    out = text.strip()
    out = _START.sub("", out)
    if not referenced:
        out = _of_the_counted(out, base_q, q)     # "các đề án đó", replaced, names them already
    out = re.sub(r"\s*(?:thì|thi)\s*(?=\s(?:tăng|giảm|đạt|là|được|bao|tang|giam|dat|la|duoc))", "", out)
    out = re.sub(r"^\s*(?:thì|thi)\s+", "", out)
    event = _event_verb(base_q.text)
    if _PREDICATE_ONLY.match(fold(out).lower()) and event and event.start() > 0 and not q.places and not _names(q) \
            and not referenced:
        # "tổ chức ở đâu?" after "Hội chợ … diễn ra từ ngày nào …?": the event asked about before,
        # named as that question named it before its own verb, of its period
        merged = f"{base_q.text[:event.start()].strip()} {_lower_first(out)}"
        period = _period_text(base_q.text, base_q, carried=True)
        if period and not _span_in(merged, fold(period)):
            merged = _append(merged, period)
        return merged[:1].upper() + merged[1:]
    years = sorted(base_q.years - base_q.base_years)
    if q.period and not _own_years(out) and len(years) == 1 and not _SAID_AGAINST_A_YEAR.search(fold(out).lower()) \
            and (phrase := _period_text(out, q)) and (span := _span_in(out, fold(phrase))):
        # "6 tháng đầu năm đã đạt được bao nhiêu?" after "Năm 2015 …": the first half of 2015
        dated = f"{phrase} {years[0]}" if fold(phrase).lower().endswith(" nam") else f"{phrase} năm {years[0]}"
        out = out[:span[0]] + dated + out[span[1]:]
    subject = _subject(base_q.text)
    # "Tăng trưởng bao nhiêu?" names no new measure: it asks how the earlier one grew
    own_measures = [m for m in q.measures if fold(m).lower() not in _CHANGE_MEASURES]
    # the earlier subject is taken whole when it names no place or organisation, or when the new
    # turn is only a predicate ("Đạt bao nhiêu phần trăm kế hoạch?") and the subject holds every
    # place, name and measure of the earlier question ("Năm 2019 tổng kinh phí … Tây Nguyên")
    whole_subject = subject and (not base_q.places and not _names(base_q) or (
        _PREDICATE.match(" " + fold(out)) is not None
        and all(_span_in(subject, fold(p)) for p, _ in base_q.places) and all(_span_in(subject, n) for n in base_q.names)
        and all(_span_in(subject, fold(m)) for m in base_q.measures)))
    # "toàn tỉnh có bao nhiêu chợ?" after a question for an amount or a rate counts something
    # else: the earlier subject was the measure asked, and is not carried (its period is)
    # ("gấp bao nhiêu lần cùng kỳ?" counts no new thing: a multiple of the earlier measure)
    counts_anew = bool(q.count_noun) and not _TIMES.match(q.count_noun) and base_q.kind != "count" \
        and bool(base_q.measures)
    record = lexicon.RECORD_NAMED.search(base_q.text)
    # (a document asked by its issuer, "thông tư nào của Bộ Công Thương", names an issuer, not a subject)
    if record and not referenced and base_q.kind in _RECORD_KINDS and q.kind in _RECORD_KINDS \
            and not q.places and (q.kind == "document" or not _names(q)) and not lexicon.RECORD_NAMED.search(out):
        # "ban hành ngày nào?" after "Nghị quyết 38/2020/NQ-HĐND … do ai ký?": that record's day,
        # not the province's (its number names its year already)
        merged = f"{record.group()} {_lower_first(out)}"
        return merged[:1].upper() + merged[1:]
    if whole_subject and not referenced and not q.places and not _names(q) and not own_measures and not counts_anew:
        counted = _counted_noun(base_q, subject) if not q.count_noun else ""
        if _own_years(out) or q.period:
            subject = _without_last_period(subject)    # the follow-up's own period replaces it
        if _ACHIEVED.search(fold(out).lower()):
            # "… đã đạt được bao nhiêu?" after "… đặt mục tiêu xuất khẩu bao nhiêu?": what was done, not the target
            subject = re.sub(r"\s+", " ", _TARGET_SET.sub(" ", subject)).strip()
        if _OWN_POINT_IN_TIME.search(fold(out).lower()) and not _own_years(out):
            subject = _without_day(subject)
        own_sector, said_sector = _SECTOR_IN.search(out), _SECTOR_IN.search(subject)
        if own_sector and said_sector and not counted:
            # "nganh khai khoang thang do tang bao nhieu …?" after "… ngành công nghiệp chế biến, chế tạo
            # của tỉnh …": the industry it names in the earlier one's place, the rest of that subject kept
            rest = (subject[:said_sector.start()] + subject[said_sector.end(1):]).strip(" ,")
            merged = f"{out[:own_sector.end(1)]} {rest} {out[own_sector.end(1):].lstrip()}" if rest else out
            return merged[:1].upper() + merged[1:]
        merged = f"{subject} {counted}{_lower_first(out)}"
        period = _period_text(base_q.text, base_q, carried=True)
        if period and not (_own_years(out) or q.period) and not _span_in(merged, fold(period)):
            # the earlier period, written after its predicate ("Kim ngạch xuất khẩu tăng bao nhiêu phần trăm 6
            # tháng đầu năm 2024?" then "Đạt bao nhiêu phần trăm kế hoạch năm?"), is no part of its subject
            merged = _append(merged, period)
        return merged[:1].upper() + merged[1:]
    measure = ""
    # "Ngôi nhà đó rộng bao nhiêu?", "mất bao lâu?": a question whose own words say what is
    # measured (an area, a length, a time: `q.units`, a duration) does not take the earlier measure
    if base_q.measures and not own_measures and q.kind in ("amount", "figure", "percent", "compare") \
            and not q.count_noun and not q.units and q.unit_kind != "duration":
        measure = _lower_first(_written(base_q.text, base_q.measures[0])) + " "
        if _names_own_subject(out):
            # a follow-up that names its own thing asks that thing's, not the earlier total ("Đối ứng
            # của đơn vị thụ hưởng bao nhiêu?" after "Tổng kinh phí … là bao nhiêu?")
            measure = _TOTAL.sub("", measure).lstrip()
    # a reference replaced by the earlier subject itself needs no subject glued before it
    has_subject = referenced and (any(_span_in(out, fold(p)) for p, _ in base_q.places)
                                  or any(_span_in(out, n) for n in _names(base_q)))
    if has_subject:
        pass
    elif not q.places and not _names(q) and base_q.places:
        out = f"{base_q.places[0][0]} {measure}{_lower_first(out)}"
        measure = ""
    elif not q.places and not _names(q) and (subjects := [n for n in _names(base_q) if not _is_person(n)]):
        name = _name_written(base_q.text, subjects[0])
        if name:
            out = f"{name} {measure}{_lower_first(out)}"
            measure = ""
    own_years = _own_years(out)
    # "… kết thúc khi nào?", "ban hành ngày nào?": the time asked is no period to hold the answer
    # to (the earlier question's year had made "2019-2020" the end of a project of 2020); nor
    # does a how or a why ask of the earlier figure's period
    if not own_years and not q.period and q.kind not in ("when", "passage"):
        period = _period_text(base_q.text, base_q, carried=True)
        if period:
            if _BASELINE_YEAR.search(out):
                # "So với năm 2018 thì tăng bao nhiêu?" → "… năm 2019 so với năm 2018 tăng bao nhiêu?"
                m = _BASELINE_YEAR.search(out)
                out = out[:m.start()].rstrip() + f" {period} " + out[m.start():]
                out = re.sub(r"\s+", " ", out)
            else:
                out = _append(out, period)
    if measure:
        out = f"{measure}{_lower_first(out)}"
    return out[:1].upper() + out[1:]


# a year said relative to another ("… của cùng kỳ năm trước"): a span asked so is not dated by the earlier year
_SAID_AGAINST_A_YEAR = re.compile(r"\b(?:cung ky|cung thoi diem|nam truoc|nam ngoai|nam nay|so voi)\b")
# a follow-up that asks what was done, and the words that set a target in an earlier subject (folded)
_ACHIEVED = re.compile(r"\b(?:da|thuc te)\s+(?:dat|thuc hien|hoan thanh)\b")
_TARGET_SET = re.compile(r"(?i)(?<!\w)(?:đặt mục tiêu|dat muc tieu|đặt kế hoạch|dat ke hoach|phấn đấu|phan dau)(?!\w)")


# the last prepositional phrase of an elliptic follow-up ("… qua lối mở Km 3+4 Hải Yên")
_SAID_AFTER_PREPOSITION = re.compile(r"\s+(?:qua|tại|tai|ở|o|của|cua)\s+(\S+(?:\s+\S+){2,}?)\s*\??\s*$", re.IGNORECASE)
# any question word (folded): a follow-up without one asks by ellipsis
_QUESTION_WORD = re.compile(r"(?<!\w)(?:bao nhieu|may|nao|gi|ai|dau|sao|the nao|bao lau|bao gio|khong|chua|hay)(?!\w)")
# where a follow-up's question word starts (folded)
_ASKED_FROM = re.compile(r"(?<!\w)(?:bao nhieu|may|nhu the nao|the nao|gi|nao|ra sao)(?!\w)")


def _names_own_subject(text: str) -> bool:
    """Whether a follow-up names what it asks about in its own words: three content syllables or
    more before its question word, references, times and function words aside."""
    folded = fold(text).lower()
    asking = _ASKED_FROM.search(folded)
    words = [w for w in re.findall(r"[^\W\d_]+", folded[:asking.start() if asking else len(folded)])
             if w not in lexicon.STOPWORDS and w not in lexicon.QUESTION_WORDS and w not in _POINTING
             and w not in _TIME_NOUNS and w not in _PLACE_NOUNS and w not in {"con", "thi", "rieng", "trong", "cua"}]
    return len(words) >= 3


_OWN_POINT_IN_TIME = re.compile(r"\b(?:cuoi|dau|giua) (?:nam|quy|thang)\b")
_DAY_PHRASE = re.compile(r"(?:(?:tính\s+)?(?:đến|tới)\s+)?(?:hết\s+)?(?:ngày\s+)?" + lexicon.DAY.pattern + r"\s*,?",
                         re.IGNORECASE)


def _without_day(text: str) -> str:
    """"ước đến cuối năm?" after "Đến 30/11/2021, …": the follow-up's own point in time replaces
    the earlier day, whose year stays."""
    day = _DAY_PHRASE.search(text)
    if not day:
        return text
    out = (text[:day.start()] + text[day.end():]).strip(" ,")
    year = day.group(3)
    if year and not _own_years(out):
        out = _append(out, f"năm {year.strip('/')}")
    return out[:1].upper() + out[1:]


def _without_last_period(subject: str) -> str:
    """The earlier subject without the period nearest its end ("… tổng kim ngạch xuất nhập
    khẩu năm 2021" → "… tổng kim ngạch xuất nhập khẩu"); a year before it that dates something
    else ("hội nghị … năm 2022, …") stays."""
    from ..extract.figures import periods_in
    spans = [(a, b) for a, b, *_ in periods_in(subject)] or [m.span() for m in _YEAR.finditer(subject)]
    if not spans:
        return subject
    start, end = spans[-1]
    # with the words that lead it: "Đầu năm 2016", "đến 31/12/2023", "Cuối năm 2017" (a point of it)
    lead = re.search(r"(?:(?:trong|vào|vao|tính|tinh|đến|den|tới|toi|hết|het|đầu|dau|cuối|cuoi|giữa|giua)\s+)*"
                     r"(?:(?:năm|nam|ngày|ngay)\s+)?$", subject[:start], re.IGNORECASE)
    start = lead.start() if lead else start
    return re.sub(r"\s+", " ", subject[:start] + subject[end:]).strip(" ,")


# an index, whose level no one asks ("chỉ số sản xuất công nghiệp", "chỉ số giá tiêu dùng", IIP, CPI), folded
_INDEX = re.compile(r"^(?:chi so|iip|cpi)\b")
# a change asked, with its base: "tăng bao nhiêu so với năm 2025", "giam may phan tram"
_CHANGE_PHRASE = re.compile(r"(?<!\w)(?:tăng|giảm|tang|giam)\s+(?:thêm\s+|them\s+)?(?:bao nhiêu|bao nhieu|mấy|may)"
                            r"(?:\s+(?:phần trăm|phan tram|%))?(?:\s+so\s+(?:với|voi)\s+[^?,;]*)?", re.IGNORECASE)


def _an_index(measures: list[str]) -> bool:
    return any(_INDEX.match(fold(m).lower()) for m in measures)


def _asks_change_only(turn: dict) -> bool:
    """A turn that only asked how the earlier measure changed ("Tăng bao nhiêu so với năm
    2019?", "Giảm bao nhiêu phần trăm?") or how it stands to its plan ("Đạt bao nhiêu phần trăm
    kế hoạch?"): no measure, place, name or period of its own. A plan asked ("Kế hoạch năm đặt mức
    tăng bao nhiêu?") is a figure of its own, which "Còn xuất khẩu thì sao?" asks again."""
    q = parse_question(turn["question"])
    if q.plan:
        return False
    # a year is its own unless it is the comparison's base ("Năm 2021 tăng bao nhiêu so với năm 2020?" has one)
    own_years = set(q.years) - {int(m.group(2)) for m in _BASELINE_YEAR.finditer(turn["question"])}
    of_plan = q.unit_kind == "percent" and bool(_OF_PLAN.search(fold(turn["question"]).lower()))
    return (q.change or of_plan) and not (q.measures or q.places or _names(q) or q.period or own_years)


_OF_PLAN = re.compile(r"\bke hoach\b")


def _before_change_questions(previous: list[dict], anchor: dict) -> str | None:
    """The question before the change questions that end with `anchor`; None when `anchor`
    is not one or nothing came before it."""
    if not _asks_change_only(anchor):
        return None
    at = next(i for i, t in enumerate(previous) if t is anchor)
    for turn in reversed(previous[:at]):
        if (turn.get("frame") or {}).get("kind") == "passage" or _asks_change_only(turn):
            continue
        return turn.get("resolved_question") or turn["question"]
    return None


def _earlier(previous: list[dict], want: str) -> tuple[str, Question] | None:
    """The most recent earlier question that names a place ("places") or an organisation ("names")."""
    for turn in reversed(previous):
        text = turn.get("resolved_question") or turn["question"]
        q = parse_question(text)
        if (want == "places" and q.places) or (want == "names" and _names(q)):
            return text, q
    return None


def _which_head(turn: dict) -> list[str]:
    """The words of the noun a which-question asked ("Nhóm ngành nghề nào …?" → nhom nganh nghe),
    folded, and of the subject it says the answer is ("thị trường tiêu thụ lớn nhất là nước nào?")."""
    asked = fold(turn.get("resolved_question") or turn["question"]).lower()
    which = re.search(r"(?<!\w)((?:\w+\s+){0,2}\w+)\s+nao(?!\w)", asked)
    subject = re.match(r"\s*((?:\w+\s+){0,3}?\w+)\s+(?:\w+\s+){0,4}?la\s+\w+(?:\s+\w+)?\s+nao\s*\??\s*$", asked)
    return (which.group(1).split() if which else []) + (subject.group(1).split()[:2] if subject else [])


def _replace_references(question: str, base: str, base_q: Question, last: dict,
                        previous: list[dict] | None = None) -> str | None:
    """"tỉnh này" → the earlier province, "năm đó" → the earlier year, "ông ấy" → the earlier
    answer's person, "hội nghị đó" → the earlier phrase that starts with "hội nghị"."""
    out = question
    ans_text = _by_its_number(_answered_text(last))
    m = _PERSON_REF.search(out)
    if m:
        frame = last.get("frame") or {}
        person = ans_text if ans_text and (frame.get("kind") == "who" or _is_person(fold(ans_text).lower())) \
            else _person_named_earlier(base, previous)
        if not person and frame.get("kind") != "who":
            # "Ông ấy là ai?" after "Theo Chủ tịch VFA, …": no one named, but a title, which the
            # person holds ("Chủ tịch VFA là ai?")
            person = next((title for t in _earlier_texts(base, previous) if (title := title_phrase(t))
                           and not _names_a_person(title)), None)
        if not person:
            return None
        out = out[:m.start()] + person + out[m.end():]
    for m in reversed(_ref_spans(out)):
        noun = fold(m.group(1))
        words = noun.split()
        repl = None
        generic_two = False
        tail2 = " ".join(words[-2:])
        written = [w.lower() for w in m.group(1).split()]
        moment = (written[-1] in _MOMENT_WRITTEN or " ".join(written[-2:]) in _MOMENT_WRITTEN) \
            if any(has_diacritics(w) for w in written[-2:]) else (words[-1] in _MOMENT_NOUNS or tail2 in _MOMENT_NOUNS)
        if words[-1] in _YEAR_NOUNS or tail2 in _YEAR_NOUNS or moment:
            # (the year of the figure asked, not the year a source is named by: "Theo Sách TMĐT Việt
            # Nam 2022, năm 2021 …" then "năm đó" is 2021)
            years = [y for y in _YEAR.findall(base) if int(y) not in base_q.source_years] or _YEAR.findall(base)
            # (or the year of a turn before it, when the turn it builds on names none: "Chiếm bao nhiêu
            # phần trăm …?" after "… tính đến cuối năm 2020?", then "Doanh thu năm đó …")
            years = years or next((ys for t in _earlier_texts(base, previous)[1:] if (ys := _YEAR.findall(t))), [])
            repl = f"năm {years[0]}" if years else None
            period = _period_text(base, base_q, carried=True) if words[-1] != "nam" else ""
            if period and _YEAR.search(period):
                repl = _lower_first(period)
            elif repl is None and moment:
                # "Khi đó ai là giám đốc?" after a question of no time: then is when it was asked of
                out = (out[:_last_word_start(m)] + out[m.end():]).replace("  ", " ")
                continue
            if repl is None and ans_text and _YEAR.search(ans_text):
                repl = f"năm {_YEAR.search(ans_text).group()}"
        elif (words[-1] in _SPAN_NOUNS or tail2 in _SPAN_NOUNS) \
                and (span := _period_text(base, base_q, carried=True)) and _YEAR.search(span):
            # "Trong tháng đó …" after "Tháng 9/2023 cả nước xuất khẩu …": that period, not the rest
            # of the earlier subject; "4 tháng đó" is that span whole ("4 tháng đầu năm 2022")
            start = _last_word_start(m) if words[-1] in _SPAN_NOUNS else m.start(1) + m.group(1).rfind(m.group(1).split()[-2])
            count = re.search(r"(?:\d{1,2}|[^\W\d_]+)\s+$", out[:start])
            if count and (count.group().strip().isdigit() or fold(count.group().strip()).lower() in _SPAN_COUNTS):
                start = count.start()
                # "Trong 4 tháng đó …" after "Đến hết tháng 4/2022, …": the year's first four months
                month = _MONTH_OF_YEAR.fullmatch(fold(span).lower().strip())
                if month and count.group().strip() == month.group(1):
                    span = f"{month.group(1)} tháng đầu năm {month.group(2)}"
            out = out[:start] + _lower_first(span) + out[m.end():]
            continue
        elif tail2 in _PLACE_NOUNS or words[-1] in _PLACE_NOUNS:
            found = _earlier(previous or [], "places")
            if base_q.places:
                repl = base_q.places[0][0]
            elif ans_text and (named := find_places(ans_text)):
                # the province of an answer that says where whole ("thành phố Vinh, tỉnh Nghệ An"):
                # an address ends with it
                repl = ans_text[named[-1][0]:named[-1][1]]
            elif found:
                repl = found[1].places[0][0]
        elif words[-1] in _which_head(last):
            # "Xe đó …" after "… là xe nào?", "nhóm đó" after "Nhóm ngành nghề nào …?": the
            # answer, or nothing to go on
            if not ans_text:
                return None
            noun_written = m.group(1).split()[-1]
            named = ans_text if fold(ans_text).lower().startswith(fold(noun_written).lower() + " ") \
                else f"{noun_written} {ans_text}"         # "xe MPV" answered already has its noun
            out = out[:_last_word_start(m)] + named + out[m.end():]
            continue
        elif (tail2 in _ORG_NOUNS or words[-1] in _ORG_NOUNS) and tail2 not in _INDICATOR_NOUNS:
            # (not "mặt hàng này", whose "hàng" folds as "hãng")
            found = _earlier(previous or [], "names")
            if _names(base_q):
                # the name and the capitalised words it runs on with ("Tập đoàn Điện lực" of "…
                # Điện lực Việt Nam" is all of it; "Vinaxuki bán được" stops at "bán")
                span = _span_in(base, _names(base_q)[0])
                end = span[1] if span else 0
                while span and (m2 := re.match(r"\s+([^\W\d_][\w-]*)", base[end:])) and m2.group(1)[:1].isupper():
                    end += m2.end()
                repl = base[span[0]:end] if span else None
            elif ans_text and (last.get("frame") or {}).get("kind") == "named":
                repl = ans_text
            elif found:
                span = _span_in(found[0], _names(found[1])[0])
                repl = found[0][span[0]:span[1]] if span else None
            # the records write "tập đoàn Hòa Phát", "ngân hàng Sacombank": keep the noun
            written = m.group(1).split()[-2:] if tail2 in _ORG_NOUNS else m.group(1).split()[-1:]
            noun_written = " ".join(written)
            if repl and not fold(repl).lower().startswith(fold(noun_written).lower()) \
                    and not any(fold(repl).lower().startswith(n + " ") for n in _ORG_NOUNS):
                repl = f"{noun_written} {repl}"       # not "đơn vị Tập đoàn Điện lực …"
        elif (tail2 in _INDICATOR_NOUNS or words[-1] in _INDICATOR_NOUNS) \
                and not (tail2 in _INDICATOR_NOUNS
                         and any(_word_at(fold(t).lower(), tail2) >= 0 for t in _earlier_texts(base, previous))):
            # (an earlier question that writes the noun itself, "… mặt hàng vàng?", is read below as
            # any noun's: the phrase it heads)
            # "kế hoạch tăng trưởng năm của chỉ tiêu này" is the earlier measure's; "thành phần
            # này" the group the earlier question named ("lĩnh vực công nghiệp xây dựng"), not its owner
            # ("lĩnh vực này", "mặt hàng đó" are a group, never the earlier measure: "tiền" had stood for it)
            repl = _group_phrase(base) or (_measure_phrase(base, base_q) if _MEASURED.intersection(
                (words[-1], tail2)) else None) or None
        elif tail2 in _DOC_NOUNS and (doc_answer := _document_answered(previous or [last], tail2)):
            # "Ai ký quyết định đó?" after "… tại quyết định số mấy?": the one answered (by the last turn
            # or one before it), with its noun when the answer is its number alone ("20/2014/QĐ-UBND")
            repl = doc_answer if fold(doc_answer).lower().startswith(tail2) \
                else f"{' '.join(m.group(1).split()[-2:])} {doc_answer}"
        elif tail2 in _DOC_NOUNS and tail2 not in fold(base):
            repl = _cited_document(previous or [last], tail2)
        elif tail2 in _DOC_NOUNS and (named := next((r for t in _earlier_texts(base, previous)
                                                     for r in lexicon.RECORD_NAMED.finditer(t)
                                                     if fold(r.group()).lower().startswith(tail2)), None)):
            repl = named.group()    # "nghị quyết này": the one named by its number, and no more of that question
        elif words[-1] in _DAY_NOUNS and (day := next((d for t in _earlier_texts(base, previous)
                                                       if (d := lexicon.DAY.search(t))), None)):
            # "phiên đó", "ngày hôm đó": the day an earlier question named, with its words
            # ("Phiên sáng 1/10/2020"), not the rest of that question's subject
            source = day.string
            lead = _TIME_WORD_BEFORE.search(source[:day.start()])
            repl = source[lead.start():day.end()] if lead else f"{m.group(1).split()[-1]} {day.group()}"
            own = _TIME_WORD_BEFORE.search(m.group(1) + " ")           # "sáng hôm đó": all of it
            start = own.start() + m.start(1) if own else _last_word_start(m)
            out = out[:start] + repl + out[m.end():]
            continue
        elif words[-1] in _THERE:
            # "… tối đa ở đó": there is the earlier place or name; else the earlier question's
            # own setting, which the rewrite keeps anyway: "ở đó" goes
            found = base_q.places[0][0] if base_q.places else None
            if (last.get("frame") or {}).get("kind") in ("place", "superlative"):
                # "Địa phương nào … nhiều nhất?" answered "TP.Biên Hòa": there is the place answered;
                # unanswered (or answered with a figure), "there" is nowhere the user can be taken to mean
                found = re.sub(r"\s*\(.*\)\s*$", "", ans_text)
                if not found or re.search(r"\d", found):
                    return None
            if found is None and _names(base_q):
                span = _span_in(base, _names(base_q)[0])
                found = base[span[0]:span[1]] if span else None
            start = m.start(2) if found else _last_word_start(m)
            out = (out[:start] + (found or "") + out[m.end():]).replace("  ", " ")
            continue
        else:
            # "hội nghị đó": the phrase that starts with the same noun in the earlier question,
            # or in the one before it ("Hiệu trưởng trường này?" two turns after "Trường Cao
            # đẳng nghề Yên Bái rộng bao nhiêu ha?")
            head = " ".join(words[-2:]) if len(words) >= 2 else words[-1]
            for source in _earlier_texts(base, previous):
                pos = _word_at(fold(source), head)
                generic_two = pos >= 0 and len(words) >= 2
                if pos < 0:
                    pos = _word_at(fold(source), words[-1])
                if pos < 0:
                    # "cụm này" after "CCN Minh Hải 2 …", "khu này" after "KCN Tiên Sơn …"
                    for short in _HEAD_WRITTEN_SHORT.get(head, ()) or _HEAD_WRITTEN_SHORT.get(words[-1], ()):
                        if (pos := _word_at(fold(source).lower(), short)) >= 0:
                            break
                if pos >= 0:
                    # (a name goes on past "tỉnh, thành phố": "Hội nghị … 28 tỉnh, thành phố khu vực phía Bắc lần thứ VIII")
                    # (what was counted keeps its clause: "… có bao nhiêu cụm công nghiệp đã đi vào hoạt
                    # động?" then "các cụm đó" are those in operation, not all of them)
                    counted = _COUNTED_BEFORE.search(fold(source[:pos]).lower())
                    tail = re.split(_COUNTED_ENDS if counted else _PHRASE_ENDS, source[pos:], maxsplit=1)[0]
                    repl = _up_to_its_name(tail.strip())
                    if _own_years(question) and (dated := re.search(r"\s+(?:19|20)\d{2}$", repl)):
                        repl = repl[:dated.start()]     # "Năm 2023 hội chợ đó …": that fair of 2023, not of 2022
                    # its capital was the earlier question's first letter ("Cơ sở làm diều …", put
                    # after "Mỗi tháng", had read as a name "Cơ"); a thing of a kind named ("Hội nghị
                    # tổng kết …", "Trường Cao đẳng …") keeps the capital of its name
                    if pos == 0 and m.start(1) > 0 and not _NAMED_KINDS.match(fold(repl).lower()):
                        repl = _lower_first(repl)
                    break
            if repl is None and (last.get("frame") or {}).get("kind") not in _NAME_KINDS:
                # "thị xã này", "mẫu xe này" when the earlier question named its one subject
                # without that noun ("Vĩnh Châu", "Toyota Innova"); after a question asking a
                # name ("Mã nào …?"), "cổ phiếu đó" is more likely its answer: not guessed
                owners = [w for w, _ in base_q.places] + [n for n in _names(base_q) if not _is_person(n)]
                span = _span_in(base, fold(owners[0])) if len(owners) == 1 else None
                if span:
                    repl = f"{m.group(1).split()[-1]} {base[span[0]:span[1]]}"
            n = 2 if tail2 in _REGION_NOUNS else 1 if words[-1] in _REGION_NOUNS else 0
            region = next((t[a:b] for t in _earlier_texts(base, previous) for a, b in lexicon.region_spans(t)),
                          None) if repl is None and n else None
            if region:
                # "khu vực này" after "… khuyến công các tỉnh phía Bắc …": the region named, whatever
                # noun the earlier question gave it
                offsets = [w.start() for w in re.finditer(r"\S+", m.group(1))]
                start = m.start(1) + offsets[len(offsets) - n]
                out = out[:start] + " ".join(m.group(1).split()[-n:]) + " " + region + out[m.end():]
                continue
        if repl is None:
            return None
        # replace the noun phrase ("tập đoàn này", "năm đó"), keep the words before it ("tổng giám đốc")
        two = len(words) >= 2 and (tail2 in _REF_NOUNS or (words[-1] not in _REF_NOUNS and generic_two))
        offsets = [w.start() for w in re.finditer(r"\S+", m.group(1))]
        start = m.start(1) + offsets[len(offsets) - (2 if two else 1)]
        out = out[:start] + repl + out[m.end():]
    return out


# a head noun as reports shorten it before a name (folded): "cụm này" is the earlier "CCN …"
_HEAD_WRITTEN_SHORT = {"cum": ("ccn", "cum cong nghiep"), "khu": ("kcn", "kkt", "kcx"), "hop tac xa": ("htx",),
                       "htx": ("hop tac xa",), "cong ty": ("ctcp", "cty")}


# where the earlier phrase a reference stands for ends: at its predicate, or for what a count
# asked ("bao nhiêu cụm công nghiệp đã đi vào hoạt động"), at its place or time
_PHRASE_ENDS = re.compile(r"\s+(?:là|được|có|do|tổ chức|phối hợp|diễn ra|đạt|tăng|giảm|chiếm|vượt|bao nhiêu|nào|gì|ở|"
                          r"tại|vào|bằng|số mấy|mấy|ai|kết thúc|bắt đầu|khai mạc|bế mạc|khởi công|hoàn thành|khi|lúc)\b"
                          r"|\?|,(?!\s*thành(?:\s+phố)?\b)")
_COUNTED_ENDS = re.compile(r"\s+(?:là|ở|tại|trong|năm|tháng|quý|tính đến|đến)\b|\?|,")
_COUNTED_BEFORE = re.compile(r"(?:bao nhieu|may)\s+$")


_BODY_NOUNS = lexicon.Words(lexicon.PROVINCIAL_BODIES)


def _refers_to_a_body(question: str) -> bool:
    """"công ty điện lực này", "sở đó": a reference to a kind of body every province has."""
    for m in _ref_spans(question):
        marked = has_diacritics(m.group(1))
        found = _BODY_NOUNS.search(m.group(1), marked)
        if found and (marked or " " in found.group(1)):      # typed without marks, "so" is also "số"
            return True
    return False


def _last_word_start(m: re.Match) -> int:
    """Where the last word of a reference's noun phrase starts ("xe" of "mẫu xe đó")."""
    return m.start(1) + [w.start() for w in re.finditer(r"\S+", m.group(1))][-1]


def _names_a_person(text: str) -> bool:
    """"Thứ trưởng Cao Quốc Hưng": a title with its holder's name, not the title alone."""
    return any(_is_person(n) for n in _names(parse_question(text)))


def _person_named_earlier(base: str, previous: list[dict] | None) -> str | None:
    """"ông ấy" when the earlier answer was no person: the one person the most recent question
    naming any named ("Thứ trưởng Cao Quốc Hưng phát biểu gì?" → "Ông ấy đề nghị gì?"); two
    people in that question are not guessed between."""
    for text in _earlier_texts(base, previous):
        people = {p for n in _names(parse_question(text)) if (p := _person_as_written(text, n))}
        if len(people) > 1:
            return None
        if people:
            return people.pop()
    return None


_HONORIFIC_BEFORE = re.compile(r"(?<!\w)(?:ong|ba|anh|chi|co)\s+$")


def _person_as_written(text: str, folded_name: str) -> str | None:
    """A name of `text` that is a person's, as written there: one that opens with a family name,
    or any written after "ông", "bà", "anh", "chị", "cô" ("Chị Danh Thêl"), with that honorific."""
    span = _span_in(text, folded_name)
    if not span:
        return None
    honorific = _HONORIFIC_BEFORE.search(fold(text[:span[0]]).lower())
    if not (honorific or _is_person(folded_name)):
        return None
    return text[honorific.start() if honorific else span[0]:span[1]]


def _earlier_texts(base: str, previous: list[dict] | None) -> list[str]:
    """The earlier question a follow-up builds on, then the turns before it, most recent first."""
    return [base] + [t.get("resolved_question") or t["question"] for t in reversed(previous or [])]


def _up_to_its_name(phrase: str) -> str:
    """A noun phrase ends with its name: "Trường Cao đẳng nghề Yên Bái rộng" is "Trường Cao
    đẳng nghề Yên Bái" (what follows the last capitalised word is the predicate); a phrase
    with no name after its first word is kept whole ("dự án nhà máy điện mặt trời"). A title
    runs on in lower case to its years: "Hội nghị tổng kết Đề án khuyến công quốc gia giai đoạn
    2022-2024", not "… Đề"."""
    words = phrase.split()
    named = [i for i, w in enumerate(words) if i > 0 and w[:1].isupper()]
    if not named:
        return phrase
    end = named[-1]
    if " ".join(words[end:end + 2]).lower() in _TITLE_NOUNS or words[end].lower() in _TITLE_NOUNS:
        end = max([i for i, w in enumerate(words) if i > end and w[:1].isdigit()], default=end)
    elif end + 1 < len(words) and re.fullmatch(r"\d{1,2}|(?:19|20)\d{2}", words[end + 1]):
        end += 1                          # "trang trại điện gió B&T 2": its number is its name's, and
        #                                   "Hội nghị kết nối cung cầu TP.HCM 2019" its year
    return " ".join(words[:end + 1])


# what opens a title that runs on in lower case ("Đề án khuyến công quốc gia giai đoạn 2022-2024")
_TITLE_NOUNS = {w.lower() for w in lexicon.RECORD_NOUNS + ("Chương trình", "Dự án", "Chiến lược", "Quy hoạch")}


def _word_at(text: str, words: str) -> int:
    """Where `words` stand in `text` as whole words (-1 if not): "o" is not the "o" of "toi"."""
    m = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text)
    return m.start() if m else -1


def _by_its_number(text: str) -> str:
    """"Quyết định số 1886/QĐ-UBND ngày 12 tháng 7 năm 2021" is referred to by its number: "quyết định
    đó ban hành ngày nào?" asks the day, which the question must not already hold."""
    from .entities import DOCUMENT_NUMBER, ISSUED_ON
    number = DOCUMENT_NUMBER.match(text)
    dated = ISSUED_ON.match(text, number.end(1)) if number else None
    return text[:number.end(1)] if dated and dated.end() == len(text) else text


def _document_answered(previous: list[dict], noun: str) -> str | None:
    """The document of that kind ("quyết định") an earlier document question was answered with,
    the most recent first (its number alone, as the answer gives it, when it carries no date)."""
    for turn in reversed(previous):
        if (turn.get("frame") or {}).get("kind") != "document":
            continue
        text = _by_its_number(_answered_text(turn))
        if text and (fold(text).lower().startswith(noun) or lexicon.number_kind(text) == noun):
            return text
    return None


def _cited_document(previous: list[dict], noun: str) -> str | None:
    """The document an earlier answer cites, when it is one of the kind referred to: its
    number ("Nghị quyết 60-NQ/TW") or else its title, from the most recent answer back."""
    from .entities import DOCUMENT_NUMBER
    for turn in reversed(previous):
        answer = turn.get("answer") or {}
        for c in answer.get("citations") or []:
            title = str((c.get("metadata") or {}).get("title") or "")
            m = DOCUMENT_NUMBER.search(title)
            if m and fold(m.group(1)).startswith(noun):
                return m.group(1).strip()
            if fold(title).startswith(noun):
                return title                     # as the record writes it (capitals, "KHÓA XIII")
    return None


def answered_elsewhere(question: str, previous: list[dict]) -> dict[tuple, str]:
    """The figure occurrences that answered earlier turns asking something else: {spot: text}.
    After a follow-up replaced what was asked ("Còn vốn lưu động?" after "vốn cố định", "Còn
    RON95?" after E5RON92), the very figure that answered another question cannot answer this
    one too; a turn asking the same again ("Còn Quảng Nam?" after a detour) may.
    (Train and dev conversations, no threshold: such repeats were wrong every time.)"""
    out: dict[tuple, str] = {}
    for turn in previous:
        ans = turn.get("answer") or {}
        asked = turn.get("resolved_question") or turn.get("question") or ""
        if ans.get("status") == "answered" and fold(asked) != fold(question):
            spot = answer_spot(ans)
            if spot is not None:
                out[spot] = (ans.get("answer") or {}).get("text", "")
    return out


def answer_spot(answer: dict) -> tuple | None:
    """(record, offset of the answer's span) of an answer's first citation, as JSON."""
    cites = answer.get("citations") or []
    if answer.get("status") != "answered" or not cites or not cites[0].get("highlight"):
        return None
    c = cites[0]
    return c.get("path"), c.get("start", 0) + c["highlight"][0]
