"""Understanding a question before anything is retrieved: the frame.

A frame says what kind of answer is wanted (amount, percentage, count, person, place,
organisation, date, document, passage), about which entity, role, measure and period,
whether a part or the whole is asked, and with which relation (đạt, tăng, giảm, so với).
Retrieval is steered by it, candidates are scored by how well they fill its slots, and a
follow-up in a conversation is resolved against the frame of the turn before.

Works on the folded text, so "Quang Nam duoc bo tri bao nhieu" and the accented form are
understood alike. The rules name Vietnamese question patterns, not the sample's words.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..text import lexicon
from ..text.lexicon import MEASURE_UNITS, MONEY_WORDS, PASSAGE_CUES, QUESTION_WORDS, ROMAN, ROMAN_OF, Words
from ..text.numbers import COUNT_NOUNS, find_quantities
from ..text.places import Place, find_places
from ..text.vietnamese import (capitalised_runs, counted_nouns_folded, fold, folded_syllables, has_diacritics, is_syllable,
                               mostly_plain, syllables)


@dataclass
class Question:
    text: str                      # as asked (restored when it was unaccented)
    kind: str                      # amount | percent | count | superlative | who | place | named | document | when
                                   # | compare | figure
    unit_kind: str | None = None   # money | percent | count | measure | None (any)
    count_noun: str | None = None  # "xã" in "bao nhiêu xã"
    places: list[tuple[str, list[Place]]] = field(default_factory=list)   # (as written, matches)
    venues: set[str] = field(default_factory=set)   # folded places written as where the event asked is held
                                   # ("Tuần hàng … tại Hà Nội"): the event's, not the subject of every figure
    years: set[int] = field(default_factory=set)
    base_years: set[int] = field(default_factory=set)     # of `years`, those only compared with ("tăng bao
                                   # nhiêu so với cùng kỳ 2024?" asks 2025's change)
    source_years: set[int] = field(default_factory=set)   # the cited meeting's or report's year ("Theo Hội nghị
                                   # … năm 2019, …"): its record's, not the period of the figure asked
    record_context: list[tuple[int, int]] = field(default_factory=list)   # where it says which record it means
                                   # ("Hội nghị tổng kết … do Giám đốc Sở Nguyễn Minh Hùng chủ trì")
    period: str | None = None      # "6 tháng đầu năm", "quý I", …
    days: set[tuple[int, int]] = field(default_factory=set)   # (27, 4) for "phiên 27/4"
    superlative: str | None = None # "max" | "min"
    doc_type: str | None = None    # "nghị định", "quyết định", … for `document` questions
    title_phrase: str | None = None  # "Thứ trưởng Bộ Công Thương" for `who` questions
    noun: str | None = None        # folded noun before "nào"/"gì" for `named` questions ("xa", "doi tac")
    units: set[str] | None = None  # units a figure must have when the measure implies them (diện tích → ha, km2)
    content: list[str] = field(default_factory=list)   # folded content syllables
    names: list[str] = field(default_factory=list)     # folded proper names that are not provinces ("vingroup")
    measures: list[str] = field(default_factory=list)  # measure words named ("kinh phí", "xuất khẩu"), accented
    relations: list[str] = field(default_factory=list) # relation verbs named ("đạt", "tăng")
    whole: bool = False            # "tổng …", "toàn vùng": the whole, not one part
    part: bool = False             # "Nguồn khác trong tổng kinh phí …": a part of the whole named after "trong"
    group: str | None = None       # folded words of the group named ("cong nghiep xay dung" of "lĩnh vực công nghiệp xây dựng")
    change: bool = False           # "tăng bao nhiêu", "giảm mấy %": the change is asked, not a level
    direction: str = ""            # the change asked, folded: "tang" of "tăng bao nhiêu" (and of "tăng hay giảm"), "giam"
    negated: bool = False          # "… không thực hiện"
    plan: bool = False             # "kế hoạch năm đặt ra là bao nhiêu?": the plan or target is asked, not what was done
    ordinal: str | None = None     # "XII" for "lần thứ 12" / "lần thứ XII"
    identifiers: list[tuple[str, str]] = field(default_factory=list)  # ("to may", "3"): "tổ máy 3", "tuyến số 2"
    search_text: str = ""          # what retrieval is given: the question with ordinals in both forms
    typed_marks: bool = True       # the user typed the diacritics (False when they were restored: a guess)

    def place_names(self) -> set[str]:
        """The provinces the question names, folded: as written and by their record names."""
        return {fold(w) for w, _ in self.places} | {fold(p.name) for _, ps in self.places for p in ps}

    def without_record_context(self) -> str:
        """The question with the words that say which record it means blanked (same offsets)."""
        out = self.text
        for a, b in self.record_context:
            out = out[:a] + " " * (b - a) + out[b:]
        return out

    @property
    def answer_type(self) -> str:
        """The kind of answer, in the frame's vocabulary."""
        return {"amount": "amount", "percent": "percentage", "count": "count", "who": "person",
                "place": "place", "named": "organisation", "document": "document", "when": "date",
                "passage": "passage", "compare": "comparison", "superlative": "entity",
                "ordinal": "ordinal"}.get(self.kind, "amount")

    def to_json(self) -> dict:
        """The frame as plain JSON, kept with each turn of a conversation."""
        return {"text": self.text, "kind": self.kind, "answer_type": self.answer_type,
                "places": [w for w, _ in self.places], "names": self.names, "years": sorted(self.years),
                "period": self.period, "days": [f"{d}/{m}" for d, m in sorted(self.days)],
                "measures": self.measures, "relations": self.relations,
                "unit_kind": self.unit_kind, "count_noun": self.count_noun, "title": self.title_phrase,
                "whole": self.whole, "change": self.change, "ordinal": self.ordinal, "group": self.group,
                "record": [self.text[a:b] for a, b in self.record_context]}


Frame = Question


class _Words(Words):
    """Callers here pass text already lowered (accented) or folded."""

    def search(self, text: str, accented: bool):
        return (self.accented if accented else self.folded).search(text)


_MONEY = _Words(MONEY_WORDS)
# how much was fined: "bị phạt bao nhiêu", "xử phạt tổng cộng bao nhiêu" (folded; "phát" folds alike: the
# marks are checked where typed)
_FINED_HOW_MUCH = re.compile(r"\bphat(?:\s+(?:tong cong|tat ca|hanh chinh|tong))*\s+(?:la\s+)?(?:bao nhieu|may)\s*\??\s*$")
_NOT_MONEY_DONG = re.compile(r"\b(?:đồng|dong)\s+(?:bằng|bang|bào|chí|thời|nghiệp|hành|ý|loạt|bộ|đều|tâm|lòng|minh|"
                             r"chủ|tác|phục|ruộng|hương|niên|dạng|nhất|cỏ|hồ)\b")
_MEASURE_WORDS = Words(lexicon.MEASURES + tuple(a for pair in lexicon.OPPOSED_MEASURES for a in pair))
_RELATION_WORDS = Words(lexicon.RELATIONS)
_WHOLE = Words(lexicon.WHOLE_WORDS)
# a part named before the whole it is of: "Nguồn khác trong tổng kinh phí …", "Vốn FDI trong tổng số vốn …"
_PART_OF_WHOLE = re.compile(r"^\s*(?:[^\W\d]+\s+){1,5}?trong\s+tong\b")
_NEGATED = Words(lexicon.NEGATIONS)
# a plan's noun, or the verb that sets one ("Năm 2024 … phấn đấu giá trị sản xuất công nghiệp đạt bao nhiêu?")
_PLAN_NOUN = re.compile(r"(?<!\w)(?:" + "|".join(lexicon.PLAN_NOUNS + ("phấn đấu",)) + r")(?!\w)")


def asks_the_plan(lower: str) -> bool:
    """Whether a question (lowered, with its marks) asks for a plan or a target itself, not
    one as a base ("đạt bao nhiêu phần trăm kế hoạch?")."""
    return bool(_PLAN_NOUN.search(lexicon.PLAN_AS_BASE.sub(" ", lower)))


_AIR = re.compile(r"(?<!\w)h[àa]ng\s+kh[ôo]ng(?!\w)", re.IGNORECASE)
_COMPARE = re.compile(r"\b((?<!gia )so sanh|qua cac nam|qua tung nam|cac nam|tung nam)\b|nam \d{4} (?:va|voi) (?:nam )?\d{4}")
# Measures whose figures only come in certain units: a question about population is not
# answered by a count of communes, nor an area by an amount of money.
_MEASURE_UNITS = MEASURE_UNITS
# a measure written right before what asks it: "có công suất bao nhiêu", "diện tích là bao nhiêu"
_ASKED_RIGHT_AFTER = re.compile(r"\s+(?:(?:la|dat|vao khoang|khoang|co|duoc)\s+)*(?:bao nhieu|may)\b")
# a question that opens by citing its source, a meeting or a report, up to the comma (folded)
SOURCE_LEAD = re.compile(r"\s*(?:theo|tai)\s+(?:cac\s+)?(?:hoi nghi|hoi thao|bao cao|thong bao|ket luan|le|chuong trinh|de an|ke hoach|quy hoach|chien luoc|"
                         r"sach(?: trang)?|khao sat|nghien cuu|an pham)\b[^,?]*,")    # "Theo Sách TMĐT Việt Nam 2022, năm 2021 …"
# written with its marks, a word a measure's pattern reads folded may be another: "niên đại" is
# no length ("dài"), "sau bao nhiêu" no depth ("sâu")
_MISREAD_BY_FOLDING = re.compile(r"\b(?:đại|sau)\b|điện tịch")       # "xe máy điện tịch thu" is no area
_CHANGE_VERBS = "|".join(fold(r) for r in lexicon.CHANGE_RELATIONS + lexicon.CHANGE_UNDIRECTED)
# a change's base may come between ("vượt kế hoạch bao nhiêu?", "tăng so với cùng kỳ bao nhiêu?"),
# unless a percentage is asked: "vượt kế hoạch bao nhiêu phần trăm?" is a share of the plan
_CHANGE_BASES = ("kế hoạch", "chỉ tiêu", "mục tiêu", "dự toán", "cùng kỳ")


def _base_between(accented: bool) -> str:
    """The pattern of a change's base written between its verb and "bao nhiêu", with its marks or folded."""
    def w(word: str) -> str:
        return word if accented else fold(word)
    # ("cao hơn kế hoạch giao bao nhiêu?": the plan as given)
    return (r"(?:(?:" + w("so với") + r"\s+)?(?:" + "|".join(map(w, _CHANGE_BASES)) + r")(?:\s+(?:"
            + "|".join(map(w, ("được giao", "giao", "đề ra", "đặt ra"))) + r"))?(?:\s+" + w("năm")
            + r")?(?:\s+(?:19|20)\d\d)?\s+(?=(?:" + w("thêm") + r"\s+)?(?:" + w("bao nhiêu") + "|" + w("mấy")
            + r")(?!\w)(?!\s*(?:" + w("phần trăm") + r"|%))))?")


# a change asked on average: "tăng bình quân (mỗi năm) bao nhiêu", "tăng trung bình bao nhiêu mỗi năm"
_AVERAGED = r"(?:(?:binh quan|trung binh)\s+(?:(?:moi|hang|mot)\s+nam\s+)?)?"
_AVERAGED_ACCENTED = r"(?:(?:bình quân|trung bình)\s+(?:(?:mỗi|hằng|hàng|một)\s+năm\s+)?)?"
_CHANGE = re.compile(r"\b(" + _CHANGE_VERBS + r")\s+" + _AVERAGED + _base_between(False)
                     + r"(?:them\s+|len\s+|xuong\s+)?(bao nhieu|may)\b")
# the change itself ("tăng bao nhiêu", "giảm thêm mấy %"); "tăng lên bao nhiêu" asks where it ended
_CHANGE_ASKED = re.compile(r"\b(" + _CHANGE_VERBS + r")\s+" + _AVERAGED + _base_between(False)
                           + r"(?:them\s+)?(bao nhieu|may)\b")
_CHANGE_ACCENTED = re.compile(r"\b(" + "|".join(lexicon.CHANGE_RELATIONS + lexicon.CHANGE_UNDIRECTED) + r")\s+"
                              + _AVERAGED_ACCENTED + _base_between(True) + r"(?:thêm\s+)?(bao nhiêu|mấy)\b")
_UNDIRECTED = {fold(w) for w in lexicon.CHANGE_UNDIRECTED}
_EITHER_WAY = re.compile(r"\b(?:tang|giam)\s+(?:hay|hoac|hay la)\s+(?:tang|giam)\b")
# how a figure moved, against a base: "biến động thế nào so với cùng kỳ?", "tăng giảm ra sao so với năm 2022?"
_HOW_IT_CHANGED = re.compile(r"\b(?:bien dong|thay doi|tang giam|tang hay giam|dien bien)\s+(?:nhu\s+)?(?:the nao|ra sao)\b")
_AGAINST_A_BASE = re.compile(r"\b(?:so voi|cung ky)\b")
_PERIOD_AFTER_HOW_MUCH = re.compile(r"\b(?:bao nhieu|may)\s+(?:giai doan|thoi ky)\s+(?:19|20)\d\d\b")
_MONEY_UNIT = re.compile(r"\b(bao nhieu|may)\s+(tien|ty|trieu|dong|usd)\b")
# a percentage asked for ("bao nhiêu phần trăm", "mấy %", "tỷ lệ"), not one the question states ("… mua 10% vốn")
_PERCENT = re.compile(r"(?:bao nhieu|may)\s*(?:phan tram|%)|\b(?:ty le|ti le)\b|\bphan tram\b(?!\s*(?:von|co phan|co phieu))"
                      # "… chiếm bao nhiêu?", "chiếm bao nhiêu trong tổng mức?": a share, though it says no percent
                      r"|\bchiem\s+(?:khoang\s+)?(?:bao nhieu|may)\s*(?=\?|$|trong\b|tong\b|so voi\b|cua\b|nam\b|quy\b|thang\b|\d)")
# a share of a base asked without the word percent: "giải ngân được bao nhiêu so với kế hoạch?",
# "đạt bao nhiêu dự toán?", "so với cùng kỳ thì bằng bao nhiêu?" ("bằng 94,4% so với cùng kỳ")
_SHARE_OF_BASE = re.compile(r"\b(?:dat|duoc)\s+(?:khoang\s+)?(?:bao nhieu|may)\s+(?:so voi\s+)?"
                            r"(?:ke hoach|du toan|chi tieu|muc tieu)\b"
                            r"|\bbang\s+(?:khoang\s+)?(?:bao nhieu|may)\b(?!\s*(?:lan|tien|ty|trieu|nghin|dong|usd)\b)")
_SHARE_VERB_ACCENTED = re.compile(r"\b(?:đạt|được|bằng)\s+(?:khoảng\s+)?(?:bao nhiêu|mấy)\b")   # not "đất", "bảng"
_MAX = re.compile(r"\b(cao nhat|lon nhat|nhieu nhat|dan dau|hang dau|manh nhat)\b")
_MIN = re.compile(r"\b(thap nhat|nho nhat|it nhat)\b")
_WHO = re.compile(r"\b(ai|ong nao|ba nao|dong chi nao|nguoi nao|(thu truong|bo truong|chu tich|giam doc|"
                  r"cuc truong|tong giam doc|pho chu tich|truong ban|bi thu|lanh dao|thu tuong|pho thu tuong|"
                  r"tinh truong|thong doc|vu truong|vien truong|tong thu ky|dai su)\s+(?:[\w ]+?\s+)?nao)\b")
_PLACE_Q = re.compile(r"\b(tinh nao|thanh pho nao|dia phuong nao|o dau|tai dau|noi nao|dia diem nao|tinh thanh nao)\b")
_DOCUMENT = re.compile(r"\b(nghi dinh|quyet dinh|nghi quyet|thong tu|luat|chi thi|van ban|to trinh|de an|cong van)"
                       r"\s+(?:so\s+)?(?:nao|may|bao nhieu|gi)\b"
                       # "kế hoạch số mấy", "chương trình hành động nào" ("vượt kế hoạch bao nhiêu" asks a figure)
                       r"|\b(ke hoach|chuong trinh hanh dong)\s+(?:so\s+(?:nao|may|bao nhieu|gi)|nao|gi)\b")
_DOC_NUMBER_Q = re.compile(r"\b(nghi dinh|quyet dinh|nghi quyet|thong tu|van ban)?\b.*\bso hieu\b")
_NAMED = re.compile(r"(?:^|\s)((?:[a-z]+\s+){0,3}[a-z]+(?:\s+\d{1,2})?)\s+(?:nao|gi)\b")   # "ngành cấp 2 nào"
_ASKS_BODY = re.compile(r"(?:^|\s)(?:" + lexicon.alternation(lexicon.BODY_ASKED)
                        + r")\s+nao\b")
# "lãnh đạo công ty nào", "Giám đốc Sở nào": the body is asked, not its leader
_LEADER_OF_BODY = re.compile(r"\b(?:lanh dao|giam doc|chu tich|thu truong|truong)\s+(?:cua\s+)?(?:"
                             + lexicon.alternation(lexicon.BODY_ASKED) + r")\s+nao\b")
NOUN_STOP = {"la", "co", "duoc", "cua", "voi", "cho", "tai", "thanh", "ten", "theo", "va", "o", "vao", "ra", "boi",
             "thuoc", "sang"}
_NOUN_STOP_WRITTEN = {"là", "có", "được", "của", "với", "cho", "tại", "thành", "tên", "theo", "và", "ở", "vào", "ra", "bởi",
                      "thuộc", "sang"}          # "… thuộc xã nào?" asks a commune; "… sang thị trường nào?" a market


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with `spans` overwritten by spaces: read past them, offsets kept."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


_CLOCK = r"(?:luc|vao)\s+may\s+gio"     # "lúc mấy giờ": a time of day, not how many hours (folded)
_CLOCK_ASKED = re.compile(r"\b" + _CLOCK + r"\b")
_WHEN = re.compile(r"\b(khi nao|bao gio|ngay nao|thoi gian nao|nam nao|luc nao|thang nao|quy nao|"
                   r"thap (?:ky|nien) nao|the ky nao|" + _CLOCK + r")\b")
_COUNT_NOUN = re.compile(r"\s+([a-z]+(?:\s+[a-z]+){0,7})")
# … read on the marks where the question has them: "sản phẩm chủ lực nào" is no "lúc nào", "quỹ
# nào" no "quý nào" (a list of products had been answered with "năm 2023")
_WHEN_WRITTEN = {"luc nao": "lúc nào", "quy nao": "quý nào", "thang nao": "tháng nào", "ngay nao": "ngày nào",
                 "nam nao": "năm nào"}


def _asks_when(folded: str, lower: str, accented: bool) -> bool:
    for m in _WHEN.finditer(folded):
        written = _WHEN_WRITTEN.get(m.group(1))
        if not accented or written is None or lower[m.start(1):m.end(1)] == written:
            return True
    return False
_HOW_MUCH_ACCENTED = re.compile(r"\b(bao nhiêu|mấy)\b")
# unaccented, "may" is also "máy" (a machine): "nhà máy", "máy phát điện" do not ask how many
_HOW_MUCH_FOLDED = re.compile(r"\bbao nhieu\b|(?<!nha )(?<!chiec )\bmay\b(?! (?:phat|bay|moc|tinh|xuc|lanh|in|bom|cay|"
                              r"khoan|anh|chu|thu|ban)\b)")


def _after_how_much(text: str, folded: str) -> str:
    """The (folded) words right after "bao nhiêu"/"mấy": the counted noun, a unit, or nothing
    (nothing too when, read on the marks, a purpose or a cause follows, "bao nhiêu để …", or
    a quarter, "bao nhiêu quý 1/2021")."""
    m = re.search(r"\bbao nhieu\b", folded) or _how_much(text, folded)
    n = _COUNT_NOUN.match(folded, m.end()) if m else None
    if n is None or lexicon.NOT_COUNT_NOUN_MARKED.match(text[n.start(1):n.end(1)].lower()) \
            or lexicon.PERIOD_AFTER_HOW_MUCH.match(folded, n.start(1)):
        return ""
    noun = n.group(1)
    # "bao nhiêu smartphone tại Việt Nam", "… khách của hãng": where or whose is no part of the noun
    # (read on the marks: folded, "tai" is also "tài", "cua" "cửa")
    # (nor what for, "bao nhiêu chai rượu cho Tết 2022", when the question has its marks: "cho" typed
    # without them may be "chợ")
    where = re.search(r"\s(?:tại|ở|của|cho)\s" if has_diacritics(text) else
                      r"\s(?:tại|ở|của)\s", text[n.start(1):n.end(1)]) if len(text) == len(folded) else None
    if where and where.start() > 0:
        noun = noun[:where.start()]
    # "bao nhiêu người năm 2020", "… doanh nghiệp năm nay": the period is no part of the noun
    period = re.search(r"\s+(?:nam|quy|thang)\s+(?:nay|qua|truoc|ngoai|toi)(?:\s|$)", noun)
    if period is None:
        period = re.search(r"\s+(?:nam|quy|thang|ngay)$", noun)
        period = period if period and re.match(r"\s*\d", folded[n.end():]) else None
    if period is None:
        period = re.search(r"\s+quy\s+[ivx]{1,4}$", noun)      # "mấy xe Quý III/2017": nor a quarter
    if period:
        noun = noun[:period.start()]
    return noun


# "Số kíp nổ đã sử dụng … là bao nhiêu?", "Tổng số hộ dân có điện …?": what "số" opens is counted,
# as what "bao nhiêu" is followed by (folded; not "so với", nor money's "số tiền", "số dư", "số thu")
_NUMBER_OF = re.compile(r"(?:^|[,:]\s*|\bthi\s+)(?:tong\s+)?(?P<so>so)\s+(?:luong\s+)?"
                        r"(?!(?:voi|sanh|sao|lieu|hieu|du|thu|tien|von|hang)\b)([^\W\d]+(?:\s+[^\W\d]+){0,2})")
_NOUN_ENDS = frozenset("la dat co duoc cua o tai trong nam thang quy da bao tang giam len se nay do thi qua ngay tu "
                       "den cho khi va hien con moi".split())


def _counted_after_number_of(lower: str, folded: str, accented: bool) -> str:
    """The (folded) noun a question counts by opening with "Số …" and asking "là bao nhiêu" bare."""
    m = _NUMBER_OF.search(folded)
    # (written "số" there, not "Sở" of "…, Sở Công Thương Hà Nội xử phạt …")
    if not m or (accented and lower[m.start("so"):m.end("so")] != "số") \
            or re.search(r"\b(?:tang|giam|gap|vuot|chenh)\b", folded):
        return ""
    words = m.group(2).split()
    noun = [words[0]] + list(itertools.takewhile(lambda w: w not in _NOUN_ENDS, words[1:]))
    return "" if lexicon.NOT_COUNT_NOUN.match(" ".join(noun)) else " ".join(noun)


_COUNTED_TYPED = re.compile(r"(?<!\w)(?:bao nhiêu|mấy)\s+(\w+(?:\s+\w+)?)")


def _counted_as_typed(text: str) -> bool:
    """A counted noun, read on its marks, that folds to a function word ("bao nhiêu chợ", not
    "bao nhiêu cho …")."""
    m = _COUNTED_TYPED.search(text.lower())
    if not m:
        return False
    words = m.group(1).split()
    return any(" ".join(words[:n]) in COUNT_NOUNS for n in (2, 1))


_CURRENCY_WORD = re.compile(r"\b(" + "|".join(sorted(lexicon.CURRENCIES, key=len, reverse=True)) + r")\b")


def _currency(after: str, folded: str) -> str | None:
    """The currency a money question asks in: right after "bao nhiêu" (past a scale word:
    "bao nhiêu tỷ đồng") or after "tính bằng"."""
    m = re.match(r"(?:(?:nghin|ngan|trieu|ty|ti)\s+)*" + _CURRENCY_WORD.pattern, after)
    if not m:
        m = re.search(r"\b(?:tinh bang|bang dong)\s+" + _CURRENCY_WORD.pattern, folded)
    return lexicon.CURRENCIES[m.group(1)] if m else None


# "đóng cửa ở mức nào?", "giảm xuống mức nào?": the level reached is asked, a figure as
# "bao nhiêu" asks one, not a name ("mức độ nào" is another question)
_LEVEL_ASKED = re.compile(r"\bmuc nao\b")


def _how_much_words(text: str, folded: str):
    """Each place a question asks "how much / how many", judged on the marks when it has them
    (folding keeps positions, so the matches hold for `folded` too)."""
    if not mostly_plain(text):
        return _HOW_MUCH_ACCENTED.finditer(text.lower())
    return _HOW_MUCH_FOLDED.finditer(folded)


def _how_much(text: str, folded: str):
    """The first place a question asks "how much / how many"."""
    return next(_how_much_words(text, folded), None)


def _duration_asked(text: str, folded: str) -> bool:
    """Whether a question asks a length of time ("bao lâu", "mấy năm"), where its "mấy" is the
    question word (folded, "nhà máy nằm ở …" reads "may nam" too) and no time of day is asked."""
    for m in lexicon.DURATION_ASKED.finditer(folded):
        if re.search(r"\b(?:luc|vao)\s+$", folded[:m.start(1)]):
            continue                      # "bắt đầu lúc mấy giờ?" asks a time of day
        if text[m.end(1) - 4:m.end(1)].lower() == "giấy":
            continue                      # "bao nhiêu giấy chứng nhận" counts papers, not seconds
        if not m.group(1).startswith("may"):
            return True
        if any(w.start() == m.start(1) for w in _how_much_words(text, folded)):
            return True
    return False
_YEAR = lexicon.ANY_YEAR
# the year a change asked is against, whole ("so với năm 2018", "so với cùng kỳ 2024"; not a point
# in a year, "so với đầu năm 2022", which is of that year)
_BASE_YEAR = re.compile(r"\b(?:so voi|cung ky)\s+(?:cung ky\s+)?(?:nam\s+|(?:thang \d{1,2}|quy (?:[ivx]+|\d)|\d{1,2} thang"
                        r"(?: dau| cuoi)?(?: nam)?)(?:\s*/\s*|\s+nam\s+|\s+))?((?:19|20)\d{2})(?!\d)")   # ("dân số năm 2019" is no base)
_PERIOD = lexicon.PERIOD_FOLDED
_PERIOD_NUMBER = re.compile(r"\d{1,4}(?:/\d{2,4})?|[ivx]{1,4}")     # "4/2024", "2020", "iii" (folded)
_PERIOD_TOKEN = re.compile(r"(?:\d{1,2}|[ivx]{1,4})/(?:19|20)\d\d")
_ORDINAL = re.compile(r"\b(lan thu|khoa|dot)\s+([ivxl]+|\d{1,3})\b")


def _period(folded: str) -> str | None:
    """The reporting period named ("6 thang dau nam", "quy i", "9 thang"); a bare "N tháng"
    that is a length of time ("kỳ hạn 1 tháng") is not one."""
    for m in _PERIOD.finditer(folded):
        bare = re.fullmatch(r"(\d+) thang", m.group(1))
        if bare and not lexicon.bare_months_is_period(folded[:m.start()], int(bare.group(1)), folded[m.end():]):
            continue
        return m.group(1)
    return None


# "tuyến metro số 2", "tổ máy 3", "gói thầu 1b": a numbered thing; evidence about another
# number of the same thing (tổ máy 2) is not about it. Folded.
IDENTIFIER = re.compile(r"\b((?<=tuyen )so|(?<=metro )so|(?<=duong )so|(?<=khu )so|(?<=lo )so|to may|goi thau|"
                        r"nha may so|phan khu|quoc lo|lop|giai doan|dot)\s+(\d{1,3}[a-z]?|[ivx]+)\b")      # "học sinh lớp 11"
# ("giai đoạn 2", "đợt 3": a phase or a round; "giai đoạn 2016-2020" is a period, its years too long)


def identifiers_in(folded: str, names=(), text: str | None = None) -> list[tuple[str, str]]:
    """The numbered things a (folded) text names: "tổ máy 3", and each of `names` written with its
    own number ("Cụm công nghiệp Liên Hà 1": ("liên hà", "1")), read on `text`, the unfolded text,
    when given."""
    found = [(m.group(1), m.group(2)) for m in IDENTIFIER.finditer(folded)]
    written = text if text is not None and len(text) == len(folded) else folded
    for name in dict.fromkeys(names):
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", folded):
            number = name_number_at(written, m.end())
            if number:
                found.append((name, fold(number.group(1))))
    return found


# a number right after a name is part of it ("Liên Hà 1", "Vũng Áng 1", "Cà phê 721") unless it
# counts, times or rates something ("Đông Anh 3 xã", "Hòa Phát 6 tháng", "OCOP 4 sao")
_NUMBER_AFTER_NAME = re.compile(r"\s+(\d{1,3}[a-z]?)(?![\w/%]|[.,]\d)")
_TIME_AFTER_NUMBER = frozenset({"thang", "nam", "quy", "ngay", "tuan", "gio", "phut", "lan", "ky", "sao"})


def name_number_at(text: str, pos: int) -> re.Match | None:
    """The name's own number written at `pos` (right after a name), or None."""
    m = _NUMBER_AFTER_NAME.match(text, pos)
    if m is None:
        return None
    after = re.match(r"\s*(\w+)", fold(text[m.end():m.end() + 12]))      # "sao" of "4 sao," or "3 sao?"
    if after and after.group(1).lower() in _TIME_AFTER_NUMBER:
        return None
    return None if any(x.start == 0 and x.unit for x in find_quantities(text[m.start(1):m.start(1) + 40])) else m


def _ordinal(folded: str) -> str | None:
    """"lần thứ 12" and "lần thứ XII" name the same conference: the Roman form, upper case."""
    m = _ORDINAL.search(folded)
    if not m:
        return None
    n = m.group(2)
    if n.isdigit():
        return ROMAN_OF.get(int(n))
    return n.upper() if n in ROMAN else None


# each abbreviation group's forms with their folded syllables, read once
_ABBREVIATION_FORMS = [[(form, f" {folded_syllables(form)} ") for form in group] for group in lexicon.ABBREVIATIONS]


def _search_text(text: str, ordinal: str | None) -> str:
    """The question as retrieval sees it: an ordinal in both of its written forms, and an
    agency in both ("Bộ trưởng Giao thông vận tải" is searched with "GTVT" too)."""
    asked = f" {folded_syllables(text)} "
    also = [form for group in _ABBREVIATION_FORMS if any(said in asked for _, said in group)
            for form, said in group if said not in asked]
    if ordinal:
        arabic = next((str(v) for k, v in ROMAN.items() if k.upper() == ordinal), "")
        text = f"{text} (lần thứ {ordinal} / {arabic})"
    return f"{text} ({', '.join(also)})" if also else text

# "tại" / "ở" right before a place, after an event noun: "Tuần hàng trái cây … tại Hà Nội", "Hội nghị …
# tổ chức tại Thừa Thiên Huế năm 2015"; typed without marks, "le" is as often "lệ" (tỷ lệ) as "lễ"
_AT_BEFORE = re.compile(r"(?<!\w)(?:tại|ở)\s+(?:(?:tỉnh|thành phố|tp\.?)\s*)?$")
_AT_BEFORE_PLAIN = re.compile(r"(?<!\w)(?:tai|o)\s+(?:(?:tinh|thanh pho|tp\.?)\s*)?$")
_EVENT_NAMED = re.compile(r"(?<!\w)(?:" + "|".join(lexicon.EVENT_NOUNS) + r")(?!\w)")
_EVENT_NAMED_PLAIN = re.compile(r"(?<!\w)(?:" + "|".join(fold(n) for n in lexicon.EVENT_NOUNS if " " in n) + r")(?!\w)")


def _held_at(text: str, start: int, accented: bool) -> bool:
    """Whether the place written at `start` is where an event the question names is held."""
    lower = text.lower() if accented else fold(text).lower()
    at, event = (_AT_BEFORE, _EVENT_NAMED) if accented else (_AT_BEFORE_PLAIN, _EVENT_NAMED_PLAIN)
    return bool(at.search(lower, max(0, start - 20), start) and event.search(lower, 0, start))


# which of a series an event is: "lần thứ mấy", "kỳ họp thứ bao nhiêu", "khóa mấy"; typed without
# marks (and restored) only with "thứ" ("dot bao nhieu tien" is đốt, "khoa may" is khoa may mặc)
_ORDINAL_ASKED = re.compile(r"(?<!\w)(?:(?:lần|phiên|đợt)\s+thứ|(?:kỳ họp|khóa|khoá)(?:\s+thứ)?)\s+(?:mấy|bao nhiêu)(?!\w)")
_ORDINAL_ASKED_PLAIN = re.compile(r"\b(?:lan|ky hop|khoa|phien|dot)\s+thu\s+(?:may|bao nhieu)\b")


_SHARE_OF = re.compile(r"\bchiem\s+(?:ty\s*(?:le|trong)\s+)?(?:la\s+)?(?:bao nhieu|may)\s*(?:phan tram|%)?")


_PLURAL_MARKERS = {"nhung", "cac"}


def _named_noun(text: str, m: re.Match) -> str | None:
    """The noun a "<noun> nào/gì" question asks by (`m`, of `_NAMED` on the folded text)."""
    words = m.group(1).split()
    # a stop word is judged as written where the question has marks: folded, "cửa" (of
    # "cửa khẩu nào") is "của"
    written = text[m.start(1):m.end(1)].lower().split()
    marked = not mostly_plain(text) and len(written) == len(words)
    stops = [(w in NOUN_STOP and (not marked or ww in _NOUN_STOP_WRITTEN)) or (marked and ww == "từ")
             for w, ww in zip(words, written if marked else words)]     # unmarked, "tu" may be "tư vấn"
    # "giao cơ quan nào", "do đơn vị nào": a body is asked by its noun ("cơ" is no "có" there)
    # (one syllable only as the whole noun: "trường" of "thị trường", "sở" of "cơ sở" are none)
    body = next((" ".join(words[k:]) for k in range(len(words) - 1)
                 if " ".join(words[k:]) in lexicon.BODY_ASKED), None)
    # (and a plural's marker: "những nhà máy thép nào", "các cửa khẩu nào")
    while words and (stops[0] or words[0] in _PLURAL_MARKERS or (written[0] in lexicon.QUESTION_WORDS_ACCENTED if marked
                                                                 else words[0] in QUESTION_WORDS)):
        words, stops, written = words[1:], stops[1:], written[1:]
    # the head noun is the word(s) right before nào/gì, after the last verb-like stop word
    for i in range(len(words) - 1, -1, -1):
        if stops[i]:
            words = words[i + 1:]
            break
    # four words only for a noun the lexicon knows that long ("trung tâm thương mại nào"): otherwise
    # the fourth is the predicate's ("khởi công khu công nghiệp nào", "tổ chức hội chợ nào")
    if len(words) == 4 and " ".join(words) not in counted_nouns_folded() \
            and " ".join(words) not in lexicon.BODY_ASKED:
        words = words[1:]
    return body or " ".join(words) or None


_STABILISED_PRICE = re.compile(r"(?<!\w)((?:bình ổn|binh on|ổn định|on dinh)\s+)(giá|gia)(?!\w)", re.IGNORECASE)


# "từ (ngày) 15/12/2024" not followed by the day it ends (folded)
_SINCE_DAY = re.compile(r"\btu\s+(?:ngay\s+)?\d{1,2}/\d{1,2}/((?:19|20)\d\d)(?!\d)(?!\s*(?:-|den|toi)\s*(?:ngay\s+)?\d)")


def parse_question(text: str) -> Question:
    f = fold(text)
    lower = text.lower()
    accented = not mostly_plain(text)
    # "bắt đầu lúc mấy giờ?" asks a time of day, not how many hours
    clock = [m.span() for m in _CLOCK_ASKED.finditer(f)]
    how_much = bool(_how_much(_blanked(text, clock), _blanked(f, clock)) or _LEVEL_ASKED.search(f))
    places = []
    venues = set()
    said = lower if accented else f
    unplaced = text                  # the question with its places blanked: "Tiền Giang" measures no "tiền"
    for s, e, place in find_places(text):
        places.append((text[s:e], [place]))
        if _held_at(text, s, accented):
            venues |= {fold(text[s:e]), fold(place.name)}
        said = said[:s] + " " * (e - s) + said[e:]
        unplaced = unplaced[:s] + " " * (e - s) + unplaced[e:]
    # money words, not in a place's name ("Lâm Đồng") nor another "đồng" ("đồng bằng", "đồng chí")
    money_text = _NOT_MONEY_DONG.sub(lambda m: " " * len(m.group()), said)
    if not accented:
        money_text = lexicon.NOT_MONEY_FOLDED.sub(lambda m: " " * len(m.group()), money_text)
    merged: dict[str, list[Place]] = {}
    for written, ps in places:
        merged.setdefault(written, []).extend(ps)
    q = Question(text=text, kind="figure", places=list(merged.items()), venues=venues)
    q.years = {int(m.group(1)) for m in _YEAR.finditer(f)
               if not lexicon.PRICE_BASE_BEFORE.search(f[max(0, m.start() - 20):m.start()])}
    bases = {m.start(1) for m in _BASE_YEAR.finditer(f)}
    q.base_years = {y for y in q.years if all(m.start() in bases for m in re.finditer(rf"(?<!\d){y}(?!\d)", f))}
    # a year written only in the day a span starts, running to the record's time ("từ 15/12/2024",
    # "từ ngày 15/12/2024 đến nay"), names no year of the figure: the span may end in the next
    since = [m.span(1) for m in _SINCE_DAY.finditer(f)]
    q.years = {y for y in q.years if any(not any(a <= m.start() < b for a, b in since)
                                         for m in re.finditer(rf"(?<!\d){y}(?!\d)", f))}
    q.period = _period(f)
    q.days = lexicon.days_in(text)
    source = SOURCE_LEAD.match(f) if re.search(r"\b(?:bao nhieu|may)\b", f) else None
    if source and not q.period:
        # "Theo Hội nghị khuyến công … năm 2019, Đồng Tháp bố trí bao nhiêu …?": the meeting of 2019
        # reports the year before; its year names the record, the figure's year is the record's to say
        q.source_years = {int(m.group(1)) for m in _YEAR.finditer(f, 0, source.end())} \
            - {int(m.group(1)) for m in _YEAR.finditer(f, source.end())}
        q.years -= q.source_years
    q.names = _key_names(text, [w for w, _ in q.places])
    q.record_context = record_context_spans(text)
    # in the words that say which record is meant, only the person is a name ("PCT Thường trực" is a title)
    said_of_the_record = " ".join(fold(text[a:b]).lower() for a, b in q.record_context)
    q.names = [n for n in q.names if not (re.search(rf"(?<!\w){re.escape(n)}(?!\w)", said_of_the_record)
                                          and n.split()[0] not in lexicon.FAMILY_NAMES)]
    measure_asked = False           # the measure is what "bao nhiêu" asks: "có công suất bao nhiêu"
    measure_at = None
    for pattern, units in _MEASURE_UNITS:
        m = re.search(pattern, f)
        if m and not (accented and _MISREAD_BY_FOLDING.search(text[m.start():m.end()].lower())):
            q.units, measure_at = units, m.start()
            measure_asked = bool(_ASKED_RIGHT_AFTER.match(f, m.end()))
            break
    # years and "1/2021" of "quý 1/2021" are slots (years, period), not words to cover: a record
    # writes "Quý I năm 2021". A day ("phiên 27/4") is a slot and still a word to cover: a
    # sentence that does not name it leaves its day to the context, which is weaker evidence
    # (measured: as a slot only, wrong answers of other sessions the same day rose to 0.9)
    # … and so is a span's count written in words ("Bốn tháng đầu năm", "bon thang"): a record writes "4 tháng"
    said = list(syllables(text))
    spans = {i for i, (_, _, s) in enumerate(said[:-1])
             if fold(s).lower() in lexicon.MONTH_COUNT_WORDS and fold(said[i + 1][2]).lower() in ("thang", "quy")}
    # … and so is the word that names a month's or a quarter's number, with the edge before it ("hết
    # tháng 4/2024", "quý III"): the slot is read, and a record writes it in its own words or its heading
    # ("năm" stays: a sentence that says "năm 2020" as asked reads as the question does)
    folded_said = [fold(s).lower() for _, _, s in said]
    for i, w in enumerate(folded_said[:-1]):
        if w in ("thang", "quy") and _PERIOD_NUMBER.fullmatch(folded_said[i + 1]):
            spans.update((i, i + 1))
            if i and folded_said[i - 1] in ("het", "den", "tu", "cuoi", "dau"):
                spans.add(i - 1)
    # … nor are the words that say which record is meant, by the meeting and who led or attended it
    # ("Hội nghị tổng kết năm 2019 do Giám đốc Sở Nguyễn Minh Hùng chủ trì: …", "…, theo hội nghị tổng
    # kết có Phó Chủ tịch UBND tỉnh Nguyễn Tuấn Hà dự?"): the record must name that person (a name
    # slot), but the figure's sentence does not say any of it
    spans.update(i for i, (a, _, _) in enumerate(said) if any(x <= a < y for x, y in q.record_context))
    q.content = [fold(s) for i, (_, _, s) in enumerate(said)
                 if i not in spans and not lexicon.is_function_word(s, accented) and not s.isdigit()
                 and not _PERIOD_TOKEN.fullmatch(fold(s))]
    relation_words = {fold(r) for r in lexicon.RELATIONS}
    # "… chiếm bao nhiêu phần trăm tổng mức bán lẻ?": what follows the share is its whole, not the
    # measure of the part asked
    share = _SHARE_OF.search(f)
    measured = unplaced[:share.end()] if share else unplaced
    # the "giá" of "Quỹ bình ổn giá xăng dầu" names what is stabilised, not a price asked
    measured = _STABILISED_PRICE.sub(lambda m: m.group(1) + " " * len(m.group(2)), measured)
    q.measures = [m for m in _MEASURE_WORDS.findall(measured, accented) if fold(m) not in relation_words]
    q.relations = _RELATION_WORDS.findall(text, accented)
    groups = lexicon.group_phrases(text)
    q.group = " ".join(groups[0][2]) if groups else None
    q.whole = bool(_WHOLE.search(text, accented)) or bool(re.search(r"\b\d+ (tinh|dia phuong)\b", f))
    if _PART_OF_WHOLE.match(f):
        q.whole, q.part = False, True
    # on the accented text when there is one: folded, "tặng bao nhiêu bức tranh" (gave) reads as "tăng"
    asked_change = _CHANGE_ACCENTED.search(lower) if accented else _CHANGE_ASKED.search(f)
    q.change = bool(asked_change)
    q.direction = fold(asked_change.group(1)) if asked_change else ""
    if q.direction in _UNDIRECTED or _EITHER_WAY.search(f):
        # "tăng hay giảm bao nhiêu?", "thay đổi bao nhiêu?": read as a rise asked, so a fall is said
        # as one ("giảm khoảng 12%")
        q.direction = "tang"
    how_changed = _HOW_IT_CHANGED.search(f) and _AGAINST_A_BASE.search(f)
    if how_changed and not q.change:
        # "… biến động thế nào so với cùng kỳ?": how much it rose or fell, either way (a figure)
        q.change, q.direction = True, "tang"
    q.negated = bool(_NEGATED.search(_AIR.sub(" ", text), accented))     # "hàng không" negates nothing
    q.plan = asks_the_plan(lower) if accented else False
    q.ordinal = _ordinal(f)
    q.identifiers = identifiers_in(f, q.names, text)
    if q.ordinal:
        q.content = [w for w in q.content if w not in {fold(q.ordinal)}] + [fold(q.ordinal)]
    q.search_text = _search_text(text, q.ordinal)

    if _MAX.search(f):
        q.superlative = "max"
    elif _MIN.search(f):
        q.superlative = "min"

    asks_when = _asks_when(f, lower, accented) and not lexicon.WHY_CUES.search(f)  # "lùi đến khi nào?" wants a date
    asks_body = bool(_ASKS_BODY.search(f))     # "Hiệp hội nào đã kiến nghị …?" wants the body, not what it said
    if lexicon.ORDINAL_ITEM_ASKED.search(f) and not how_much:
        q.kind = "passage"              # "Vấn đề thứ hai … là gì?": that item of the record's list
        return q
    if PASSAGE_CUES.search(f) and not how_much and not _WHO.search(f) and not asks_when and not asks_body \
            and not how_changed:
        q.kind = "passage"
        return q
    m = _DOCUMENT.search(f)
    if m:
        q.kind, q.doc_type = "document", m.group(1) or m.group(2)
        return q
    m = _DOC_NUMBER_Q.search(f)
    if m:
        q.kind, q.doc_type = "document", m.group(1) or ""
        return q
    if _WHO.search(f) and not _LEADER_OF_BODY.search(f):
        q.kind = "who"
        q.title_phrase = title_phrase(text)
        return q
    if _PLACE_Q.search(f) or (q.superlative and re.search(r"\b(nao|ai)\b", f)):
        q.kind = "superlative" if q.superlative else "place"
        if q.superlative and (m := _NAMED.search(f)):
            q.noun = _named_noun(text, m)    # "… lớn nhất là nước nào?": a record may say which in words
        q.unit_kind = "money" if _MONEY.search(money_text, accented) else (
            "percent" if _PERCENT.search(f) else None)
        return q
    if asks_when and not how_much:
        q.kind = "when"
        return q
    if (_ORDINAL_ASKED if accented else _ORDINAL_ASKED_PLAIN).search(lower if accented else f.lower()):
        q.kind = "ordinal"              # "Hội nghị … năm 2023 là lần thứ mấy?": "lần thứ IX", no count
        return q
    if _duration_asked(text, f):
        q.kind, q.unit_kind = "figure", "duration"
        return q
    m = _NAMED.search(f)
    if m and not how_much and not how_changed:
        q.kind, q.noun = "named", _named_noun(text, m)
        return q

    if _COMPARE.search(f):
        q.kind = "compare"
        q.unit_kind = "percent" if _PERCENT.search(f) else (
            "money" if _MONEY.search(money_text, accented) else None)
        return q
    if _PERCENT.search(f) or (_SHARE_OF_BASE.search(f) and (not accented or _SHARE_VERB_ACCENTED.search(lower))):
        q.kind, q.unit_kind = "percent", "percent"
        return q
    after = _after_how_much(text, f) or _counted_after_number_of(lower, f, accented)
    if after and _PERIOD_AFTER_HOW_MUCH.search(f):
        after = ""                       # "… được bao nhiêu giai đoạn 2011-2015?": a period, not phases counted
    if after and lexicon.asks_a_rank(text, accented):
        after = ""                       # "đứng thứ mấy cả nước?": a place in a ranking, "cả nước" counted by none
    currency = _currency(after, f)
    if currency:
        q.units = {currency}             # "bao nhiêu yên", "tính bằng đô la Mỹ": that currency only
    if after and lexicon.MONEY_AFTER_HOW_MUCH.match(after):
        q.kind, q.unit_kind = "amount", "money"
        return q
    if after and lexicon.BULK_GOODS_ASKED.search(text) and not currency:
        q.kind, q.units = "amount", set(lexicon.BULK_UNITS)      # "bao nhiêu gạo": so many tonnes
        return q
    if after and lexicon.ENERGY_ASKED.search(text) and not currency:
        q.kind, q.units = "amount", set(lexicon.ENERGY_UNITS)    # "bao nhiêu điện": so many kWh
        return q
    if after and (not lexicon.NOT_COUNT_NOUN.match(after) or _counted_as_typed(text)):
        q.kind, q.unit_kind = "count", "count"
        # "gấp bao nhiêu lần cùng kỳ": what follows the multiple's "lần" is its base, not a kind of
        # "lần" (as in "bao nhiêu lần vật ngã")
        multiple = re.search(r"\bgap\s+(?:bao nhieu|may)\s+lan\b", f) or re.match(r"lan\s+(?:so voi|so|cung ky)\b", after)
        q.count_noun = "lan" if multiple else after
        return q
    if lexicon.RATE_MEASURES.search(f):
        q.kind, q.unit_kind = "percent", "percent"      # "lãi suất … bao nhiêu": a rate
        return q
    if _CHANGE.search(f) and not _MONEY_UNIT.search(f):
        q.kind = "figure"       # a change: a percentage or an amount, whichever the record gives
        return q
    money = _MONEY.search(money_text, accented)
    if not money and not measure_asked and _FINED_HOW_MUCH.search(f) and (not accented or "phạt" in lower):
        q.kind, q.unit_kind = "amount", "money"     # "Các hộ bị phạt tổng cộng bao nhiêu?": a fine is money
        return q
    if money and not measure_asked:
        # (a money word elsewhere, "được khuyến công hỗ trợ", does not make "có công suất bao
        # nhiêu?" ask money)
        q.kind, q.unit_kind = "amount", "money"
        if not currency and measure_at is not None and money.start() < measure_at:
            q.units = None      # "Kinh phí hỗ trợ dây chuyền công suất 3.000 tấn …?": money, not tấn
    return q


# the titles of the lexicon, longest first ("Phó Cục trưởng" is not "Cục trưởng")
_TITLE = re.compile(r"(" + lexicon.alternation(lexicon.TITLES) + r")(?!\w)",
                    re.IGNORECASE)


def title_phrase(text: str) -> str | None:
    """"Thứ trưởng Bộ Công Thương", "Chủ tịch HĐQT": the title and the capitalised words after it."""
    m = _TITLE.search(text)
    if not m:
        return None
    end = m.end()
    for w in re.finditer(r"\s+(\S+)", text[m.end():]):
        if m.end() + w.start(1) < end:
            continue
        word = w.group(1).strip(",.?!;:()")
        also = _TITLE.match(text, m.end() + w.end() + 1) if word.lower() == "kiêm" else None
        if also:
            end = also.end()        # "Chủ tịch kiêm Tổng Giám đốc Tổng Công ty …": one person's two titles
            continue
        if not word or not word[0].isupper():
            break
        end = m.end() + w.start(1) + len(word)
    return text[m.start():end]


_COMMON_CAPS = {"năm", "tháng", "quý", "ngày", "tổng", "trong", "theo", "tại", "sau", "trước", "có", "các", "những",
                "ai", "bao", "địa", "tỉnh", "thành", "huyện", "xã", "phường", "dịp", "từ", "kinh", "doanh", "lợi"}


_MEASURE_FOLDED = {fold(m) for m in lexicon.MEASURES}
_HONORIFICS = {h.lower() for h in lexicon.HONORIFICS} | {"ông", "bà", "ong", "ba"}
_COMPASS = {"bac", "nam", "dong", "tay", "trung", "-", "–"}   # "miền Trung - Tây Nguyên"


def _not_a_name(word: str) -> bool:
    """Words a capitalised run may hold that name no company or person: a measure (GDP),
    a unit (MWp), a Roman numeral (quý I)."""
    w = fold(word.strip(",.;:()"))
    return w in _MEASURE_FOLDED or w in ROMAN or w in {"mwp", "kwp", "mw", "kw", "gw", "kwh", "usd", "vnd"} \
        or word.strip(",.;:()") in lexicon.TERM_ABBREVIATIONS + lexicon.TRADE_ACRONYMS    # "IIP", "KCQG", "XNK": a term


_SYLLABLE_AFTER = re.compile(r"[ \t]+(\w+)")
_ONE_SYLLABLE_ORGANISATION_NOUNS = {n for n in lexicon.ORGANISATION_NOUNS if " " not in n}
_AFTER_ORGANISATION_NOUN = re.compile(r"(?:^|\s)(?:" + lexicon.alternation(lexicon.ORGANISATION_NOUNS) + r")\s+$",
                                     re.IGNORECASE)


_ORGANISATION_AT = re.compile(r"(?:" + "|".join(sorted((re.escape(n) for n in lexicon.ORGANISATION_NOUNS if " " in n),
                                                        key=len, reverse=True)) + r")\s+", re.IGNORECASE)
# "Cửa khẩu quốc gia Mỹ Quý Tây", "Khu công nghiệp Tịnh Phong": the kind of place a name follows
_FACILITY_AT = re.compile(r"(?:" + "|".join(sorted((re.escape(n) for n in lexicon.FACILITY_TYPES), key=len, reverse=True))
                          + r")\s+", re.IGNORECASE)


def _name_runs(text: str) -> list[tuple[int, int, bool]]:
    """Capitalised runs, with the Vietnamese way of writing an organisation's name: only the
    first syllable of each of its words is capitalised ("Ngân hàng Nhà nước", "Trung tâm
    Khuyến công", "Tổ chức Y tế Thế giới"). After an organisation noun, a run of one syllable
    takes the lower-case syllable after it ("Nhà nước", not "Nhà"), and so does the next one
    that touches it ("Y tế Thế giới"); the flag says a run grew. Elsewhere a lone capital is
    left alone ("sang Mỹ vào", "nhà Trần đánh bại"), and so is a question without diacritics,
    where the nouns are ambiguous ("quy": quỹ or quý)."""
    runs = capitalised_runs(text)
    if mostly_plain(text):
        return [(s, e, False) for s, e in runs]
    grown: list[list] = []
    for s, e in runs:
        word = text[s:e]
        nxt = _SYLLABLE_AFTER.match(text, e)
        # (and across "và" or a comma, as names of bodies join their fields: "Cục Cạnh tranh và Bảo vệ
        # người tiêu dùng", "Bộ Văn hóa, Thể thao và Du lịch")
        chained = bool(grown) and grown[-1][2] and text[grown[-1][1]:s] in (" ", " và ", ", ")
        if " " not in word and is_syllable(word) and nxt and nxt.group(1).islower() \
                and is_syllable(nxt.group(1)) and not lexicon.is_function_word(nxt.group(1), True) \
                and (chained or _AFTER_ORGANISATION_NOUN.search(text[:s])):
            if chained:
                grown[-1][1] = nxt.end()
                continue
            grown.append([s, nxt.end(), True])
        elif len(words := word.split()) >= 2 and words[-2].lower() in _ONE_SYLLABLE_ORGANISATION_NOUNS \
                and is_syllable(words[-1]) and nxt and nxt.group(1).islower() and is_syllable(nxt.group(1)) \
                and not lexicon.is_function_word(nxt.group(1), True):
            # "Cục Thống kê", "Ban Chỉ đạo": the noun and one word (what opened the run before it, such
            # as "Theo", stays a run of its own)
            noun_at = s + word.rfind(words[-2], 0, word.rfind(words[-1]))
            if noun_at > s:
                grown.append([s, len(text[:noun_at].rstrip()), False])
            grown.append([noun_at, nxt.end(), True])
        else:
            grown.append([s, e, False])
    # "Bệnh viện Nhân Dân 115", "Ngân hàng Thế giới": the organisation noun that opens a name of
    # Vietnamese words is part of it ("Bệnh" alone is no name, "Thế giới" alone a common word);
    # a brand stands alone ("Công ty Vinamilk": "Vinamilk")
    merged: list[list] = []
    for run in grown:
        prev = merged[-1] if merged else None
        if prev and " " not in text[prev[0]:prev[1]] and all(is_syllable(w) for w in text[run[0]:run[1]].split()):
            org = _ORGANISATION_AT.match(text, prev[0])
            if org and org.end() == run[0]:
                merged[-1] = [prev[0], run[1], True]
                continue
        merged.append(run)
    return [(s, e, grew) for s, e, grew in merged]


# "Hội" of "Hội nghị kết nối cung - cầu": an event's noun opening its title, no one's name
_EVENT_AT = re.compile(r"(?:" + "|".join(sorted((re.escape(n) for n in lexicon.EVENT_NOUNS if " " in n), key=len,
                                                reverse=True)) + r")\s+", re.IGNORECASE)
_AFTER_SECTOR_WORD = re.compile(r"(?<!\w)(?:ngành|nganh)\s+$", re.IGNORECASE)


_IN_A_NUMBER = re.compile(r"\d[\w/.]*[/-]\s?$")


# which record is meant, said by its meeting and a person who led or attended it (folded)
_RECORD_CONTEXT = (
    re.compile(r"(?:theo\s+|tai\s+)?(?:cac\s+)?(?:hoi nghi|phien hop|buoi lam viec)\b[^,:;?()]*?\b(?:do|co)\s+"
               r"[^,:;?()]*?(?:\b(?:chu tri|du|tham du|phat bieu|dieu hanh)\b|(?=\)))"),
    re.compile(r"\b(?:do|co)\s+[^,:;?()]*?\b(?:chu tri|du|tham du)\s+(?:hoi nghi|phien hop)"
               r"(?:\s+(?:tong ket|so ket|trien khai))?"),
    re.compile(r"\bdo\s+(?:ong|ba)\s+[^,:;?()]*?\blam\s+(?:pho\s+)?(?:giam doc|chu tich|cuc truong|vu truong)"
               r"(?:\s+(?:so|ubnd|bo|cuc)\b)?"),
)
_ASKING_INSIDE = re.compile(r"\b(?:bao nhieu|may|nao|gi|ai|dau)\b")


def record_context_spans(text: str) -> list[tuple[int, int]]:
    """Where a question says which record it means by the meeting and a person who led or
    attended it; each span names a person (a family name, then capitalised words)."""
    folded = fold(text).lower()
    out = []
    for pattern in _RECORD_CONTEXT:
        for m in pattern.finditer(folded):
            a, b = m.span()
            if _ASKING_INSIDE.search(folded, a, b) or any(x < b and a < y for x, y in out):
                continue
            people = re.finditer(r"(?<!\w)(\w+)(?=\s+[A-ZĐÀ-Ỹ])", text[a:b])
            if any(fold(p.group(1)).lower() in lexicon.FAMILY_NAMES and p.group(1)[:1].isupper() for p in people):
                out.append((a, b))
    return out


_ORGAN_SHORT = {"Sở", "Bộ", "Cục", "Ban", "Vụ", "Viện", "Tổng cục"}     # a title's organ, written short


_QUOTE_OPENERS = ("“", '"', "«", "‘", "'")


def _key_names(text: str, place_texts: list[str]) -> list[str]:
    """Proper names in the question (companies, agencies, people) that a supporting record
    must mention: "Vingroup", "Nam A Bank", "BSR". Provinces are handled separately."""
    out = []
    places = {fold(p) for p in place_texts}
    for s, e, grew in _name_runs(text):
        if _IN_A_NUMBER.search(text, max(0, s - 30), s):
            continue                       # "TTr" of "Tờ trình số 682/TTr-SCT": the number's letters
        if _AFTER_SECTOR_WORD.search(text, 0, s):
            continue                       # "ngành Công thương": a sector, no one's name
        org = _ORGANISATION_AT.match(text, s) or _FACILITY_AT.match(text, s) or _EVENT_AT.match(text, s)
        if org and e < org.end() - 1:
            continue                       # "Công" of "Công ty Vinaxuki", "Cửa" of "Cửa khẩu …": the noun's
        title = _TITLE.match(text, s)
        if title and e <= title.end():
            continue                       # "Chủ" of "Chủ tịch", "Giám" of "Giám đốc": a title, no one's name
        after = _SYLLABLE_AFTER.match(text, e)
        if not grew and " " not in text[s:e] and after and f"{text[s:e]} {after.group(1)}" in lexicon.STATE_TERMS:
            continue                       # "Nhà" of "ngân sách Nhà nước": a term of the state
        if not grew and lexicon.OUR_NATION.search(fold(text[:e])):
            continue                       # "hàng Việt": the country's own, no one's name
        words = text[s:e].split()
        if s == len(text) - len(text.lstrip()) and words and words[0].lower() in _COMMON_CAPS and not grew:
            words = words[1:]
        while words and not grew and (words[0].lower() in _COMMON_CAPS or words[0].lower() in _HONORIFICS):
            words = words[1:]
        while words and _not_a_name(words[-1]):
            words = words[:-1]
        while words and _not_a_name(words[0]):
            words = words[1:]
        if 3 <= len(words) <= 5 and words[0] in _ORGAN_SHORT and fold(words[1]).lower() in lexicon.FAMILY_NAMES:
            words = words[1:]              # "Giám đốc Sở Nguyễn Minh Hùng": the person, after the short organ
        if all(fold(w) in _COMPASS for w in words) or (words and words[0].lower() == "tết"):
            continue                       # (nor is "Tết Quý Mão", a time of the year, anyone's name)
        name = " ".join(words)
        if len(words) == 1 and is_syllable(name) and not grew and text[:s].rstrip().endswith(_QUOTE_OPENERS):
            continue                       # "Hành" of "nhóm “Hành vi khác”": a quotation's first word
        if not name or fold(name) in places or any(fold(name) in p or p in fold(name) for p in places):
            continue
        if (len(words) == 1 and not ((name.isupper() and len(name) > 1) or any(c.isupper() for c in name[1:]))
                and s == 0 and is_syllable(name)):
            continue                       # the sentence's first word ("Ở Gia Lai, …" too); "Vinhomes …" is still a name
        out.append(fold(name))
    return out
