"""The Vietnamese number, unit and qualifier reader.

Vietnamese writes a decimal comma and dot thousands (``64,47`` = 64.47,
``1.402`` = 1402, ``17.786.419``), puts scale words after the number
(``nghìn``/``ngàn`` 1e3, ``triệu`` 1e6, ``tỷ``/``tỉ`` 1e9, and combinations such as
``nghìn tỷ``), then a unit (``đồng``, ``USD``, ``%``, ``tấn``, ``ha`` ...) or a counted
noun (``6 tập thể``, ``15 tỉnh, thành phố``).  A qualifier may bound the figure
(``hơn 10 tỷ đồng``).

Public API: :class:`Quantity`, :func:`parse_number`, :func:`find_quantities`,
:func:`parse_quantity`, :func:`format_vi`, :func:`same_number`.

Decisions worth knowing (all deliberate, and covered by ``tests/test_numbers.py``):

* ``parse_number``: a comma is the decimal mark, dots group thousands
  (``1.250.000,5``).  English style is accepted where it is unambiguous:
  several comma groups of three digits are thousands (``1,250,000``), and a comma
  group followed by a dot is English (``1,250,000.5``).  A single dot followed by
  exactly three digits is Vietnamese thousands (``1.402`` = 1402); a single dot
  followed by any other number of digits, or after a leading ``0``, is a decimal
  point (``1.5``, ``0.500``).  A single comma is always decimal (``1,250`` = 1.25).
* Values are in base units (``6,94 tỷ đồng`` → 6.94e9).  The direction is carried by
  words (``giảm 5%`` is 5), except where the record writes the sign on the number itself:
  ``giảm nhiều hơn (-13,01%)`` is -13.01 and ``(+21.13%)`` 21.13, the sign inside the span.
  Only an amount, a percentage or a measure takes a sign, and only after ``(`` or a word:
  a dash at a line's start is a bullet, after a figure a range or a separator.
* What is *not* a figure: a number glued to ``/`` or ``:`` (dates ``15/6/2025``,
  ``quý I/2021``, document numbers ``45/2012/NĐ-CP``, times ``3:08``), times such
  as ``14h30``, numbers inside codes (``UBTVQH15``, ``COVID-19``, ``m2``), and any
  number that has neither a scale word, a unit, nor a counted noun after it
  (years ``năm 2019``, clause numbers ``93\\.``, phone numbers, ``lần thứ 5``,
  period expressions ``6 tháng``: ``tháng``/``năm``/``ngày`` are not units).
* Counts are conservative: the noun after the number must be in a fixed lexicon
  (:data:`COUNT_NOUNS`: people, organisations, administrative units, things; the
  longest entry wins, e.g. ``đơn vị hành chính cấp xã``).  A count is dropped when
  the word before the number designates rather than counts (``Quận 1 người``,
  ``năm 2020 doanh nghiệp``, ``Top 1.000 thương hiệu``, ``số 5``, ``thứ 2``).
  A number with a scale word but no unit (``5 triệu``) is a ``count`` with unit ``""``.
* A qualifier immediately before the number is kept (``hơn``, ``gần``, ``trên``,
  ``khoảng``, ``dưới``, ``tới``, ``đến``, ``gần như``, ``xấp xỉ``, ``ước``,
  ``chưa tới`` ...), except ``hơn`` after a comparative adjective: ``cao hơn 2,56%``
  means "higher by 2.56 %", so it has no qualifier and the span starts at the number.
  ``trở lên``/``trở xuống`` after the figure are a qualifier too (``từ 5 tỷ đồng trở
  lên``, span from ``từ``).
* Ranges: ``từ 5 đến 7 tỷ đồng``, ``5-7 tỷ đồng``, ``5 - 7%``, ``3.000.000đ đến
  25.000.000đ`` → value 5e9, value_max 7e9; the trailing scale word and unit apply
  to a bare first number.  The span includes ``từ``; ``number_start``/``number_end``
  cover both numbers.  ``250-280.000 đồng`` reads as 250.000–280.000.  A "range"
  whose second value is smaller, or whose units disagree, is not a range.
* ``scale_word`` and ``qualifier`` are as written (NFC); ``scale_word`` is lowercased
  (``tỉ`` stays ``tỉ``); abbreviations give the full word (``tr.đ`` → ``triệu``).
* Text should be NFC.  Text that is not is normalised internally and every offset
  is mapped back to the given string, so ``q.text == text[q.start:q.end]`` always.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import lexicon

__all__ = [
    "Quantity",
    "COUNT_NOUNS",
    "parse_number",
    "find_quantities",
    "SIGNS",
    "parse_quantity",
    "format_vi",
    "same_number",
    "ratio_ok",
]


@dataclass(frozen=True)
class Quantity:
    start: int  # span in the input text, qualifier included
    end: int
    text: str  # == input[start:end]
    number_start: int  # span of the bare numeric part ("10"; "5 đến 7" for a range)
    number_end: int
    value: float  # in base units
    unit: str  # canonical unit, the counted noun, or ""
    kind: str  # "money" | "percent" | "measure" | "count"
    qualifier: str | None = None
    value_max: float | None = None
    scale_word: str | None = None
    per: str | None = None  # what a rate is counted per: "lít" in "19.161 đồng/lít"


# --------------------------------------------------------------------------- numbers

_NUM_FULL = re.compile(r"\d+(?:[.,]\d+)*")
_GROUPS3 = re.compile(r"\d{1,3}(?:[.]\d{3})+")


def _to_decimal(s: str) -> Decimal:
    """The value of a number string (see the module docstring for the rules)."""
    t = s.strip()
    sign = ""
    if t and t[0] in "+-":
        sign, t = ("-" if t[0] == "-" else ""), t[1:].lstrip()
    if not _NUM_FULL.fullmatch(t):
        raise ValueError(f"not a number: {s!r}")
    dots, commas = t.count("."), t.count(",")
    if dots and commas:
        last_dot, last_comma = t.rfind("."), t.rfind(",")
        if last_comma > last_dot:  # Vietnamese: 1.250.000,5
            int_part, frac = t[:last_comma], t[last_comma + 1 :]
            if commas != 1 or not _GROUPS3.fullmatch(int_part):
                raise ValueError(f"not a number: {s!r}")
            digits = int_part.replace(".", "") + "." + frac
        else:  # English: 1,250,000.5
            int_part, frac = t[:last_dot], t[last_dot + 1 :]
            if dots != 1 or not _GROUPS3.fullmatch(int_part.replace(",", ".")):
                raise ValueError(f"not a number: {s!r}")
            digits = int_part.replace(",", "") + "." + frac
    elif dots:
        if _GROUPS3.fullmatch(t) and not t.startswith("0"):
            digits = t.replace(".", "")  # thousands: 1.402, 17.786.419
        elif dots == 1:
            digits = t  # decimal point: 1.5, 0.500
        else:
            raise ValueError(f"not a number: {s!r}")
    elif commas:
        if commas == 1:
            digits = t.replace(",", ".")  # decimal comma: 64,47 ; 1,250
        elif _GROUPS3.fullmatch(t.replace(",", ".")) and not t.startswith("0"):
            digits = t.replace(",", "")  # English thousands: 1,250,000
        else:
            raise ValueError(f"not a number: {s!r}")
    else:
        digits = t
    try:
        return Decimal(sign + digits)
    except InvalidOperation as exc:  # pragma: no cover - the regex already guards
        raise ValueError(f"not a number: {s!r}") from exc


def parse_number(s: str) -> float:
    """``"64,47"`` → 64.47, ``"1.402"`` → 1402.0, ``"17.786.419"`` → 17786419.0.

    Raises ``ValueError`` when ``s`` is not a number.
    """
    return float(_to_decimal(s))


# --------------------------------------------------------------------------- lexicon

_SCALES: dict[str, int] = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}

# (regex, canonical unit, kind, case_sensitive).  Regexes are tried as one
# alternation; the longest alternatives come first where they share a prefix.
_UNIT_TABLE: list[tuple[str, str, str, bool]] = [
    # money
    (r"đồng(?!\s+(?:chí|bào|nghiệp|hương|thời|ý|minh|loạt|bộ|ruộng|hồ|phục|đều|lòng|tâm|đội"
     r"|sáng|chủ|tác|sở|phạm|niên|cỏ|bằng|nhất|dạng)(?!\w))", "đồng", "money", False),
    (r"vn[đd]", "đồng", "money", False),
    (r"đ", "đồng", "money", False),
    (r"(?:đô\s*la|đôla)\s+Mỹ", "USD", "money", False),
    (r"(?:đô\s*la|đôla)\s+Singapore", "đô la Singapore", "money", False),
    (r"(?:đô\s*la|đôla)\s+(?:Úc|Australia)", "đô la Úc", "money", False),
    (r"(?:đô\s*la|đôla)\s+(?:Hồng\s+Kông|Hong\s+Kong)", "đô la Hồng Kông", "money", False),
    (r"(?:đô\s*la|đôla)\s+Canada", "đô la Canada", "money", False),
    (r"(?:đô\s*la|đôla)\s+Đài\s+Loan", "đô la Đài Loan", "money", False),
    (r"đô\s*la|đôla", "USD", "money", False),
    (r"đô(?!\s+(?:thị|thành|vật|đốc|con)(?!\w))", "USD", "money", False),
    (r"USD|US\$", "USD", "money", False),
    (r"\$", "USD", "money", False),
    (r"euro|EUR", "EUR", "money", False),
    (r"€", "EUR", "money", False),
    (r"yên(?!\s+(?:tĩnh|bình|ổn|lặng|tâm|vui)(?!\w))", "yên", "money", False),
    (r"won", "won", "money", False),
    (r"nhân\s+dân\s+tệ|NDT|CNY", "nhân dân tệ", "money", False),
    (r"bảng\s+Anh", "bảng Anh", "money", False),
    # percent
    (r"điểm\s+phần\s+trăm", "điểm phần trăm", "percent", False),
    (r"%", "%", "percent", False),
    (r"phần\s+trăm", "%", "percent", False),
    # measure
    (r"tấn(?!\s+công(?!\w))", "tấn", "measure", False),
    (r"kg", "kg", "measure", True),
    (r"héc[\s-]?ta|hec[\s-]?ta|hécta|hecta", "ha", "measure", False),
    (r"ha", "ha", "measure", True),
    (r"km2|km²|km\s+vuông|ki\s*lô\s*mét\s+vuông", "km²", "measure", False),
    (r"km", "km", "measure", True),
    (r"m2|m²|mét\s+vuông", "m²", "measure", False),
    (r"m3|m³|mét\s+khối", "m³", "measure", False),
    (r"mét", "m", "measure", False),
    (r"cm", "cm", "measure", True),
    (r"mm", "mm", "measure", True),
    (r"m", "m", "measure", True),
    (r"lít", "lít", "measure", False),
    (r"gram|gam", "g", "measure", False),
    (r"g", "g", "measure", True),
    # reports write "triệu KWh", "triệu Kwh" as often as "kWh"
    (r"GWh|Gwh", "GWh", "measure", True),
    (r"MWh|Mwh", "MWh", "measure", True),
    (r"kWh|KWh|Kwh|kwh", "kWh", "measure", True),
    (r"GWp|Gwp|GWP", "GWp", "measure", True),          # as written: "106Mwp", "50 MWP"
    (r"MWp|Mwp|MWP", "MWp", "measure", True),
    (r"kWp|KWp|Kwp|kwp", "kWp", "measure", True),
    (r"GW", "GW", "measure", True),
    (r"MW", "MW", "measure", True),
    (r"kW", "kW", "measure", True),
    (r"mAh", "mAh", "measure", True),
    (r"GB", "GB", "measure", True),
    (r"TB", "TB", "measure", True),
    (r"MB", "MB", "measure", True),
    (r"inch", "inch", "measure", False),
    (r"mã\s+lực", "mã lực", "measure", False),
    (r"điểm", "điểm", "measure", False),
    (r"tuổi", "tuổi", "measure", False),
]

#: Nouns that make a bare number a ``count``.  Canonical forms; both tone-mark
#: styles are listed where they differ (``khóa``/``khoá``).
COUNT_NOUNS: tuple[str, ...] = (
    # people
    "người", "người lao động", "người dân", "lao động", "công nhân", "cá nhân", "tập thể",
    "hộ", "hộ dân", "hộ gia đình", "gia đình", "hộ nghèo", "khách", "du khách", "lượt khách",
    "khách hàng", "thành viên", "học sinh", "sinh viên", "học viên", "giáo viên",
    "bệnh nhân", "ca", "ca bệnh", "ca mắc", "trẻ em", "cán bộ", "công chức", "viên chức",
    "nhân viên", "nhân sự", "đại biểu", "đảng viên", "cổ đông", "nhà đầu tư", "thí sinh",
    "bác sĩ", "chuyên gia", "nông dân", "nông hộ", "hội viên", "đoàn viên", "nghệ nhân", "tác giả",
    "vận động viên",
    # organisations
    "doanh nghiệp", "công ty", "cơ sở", "cơ sở công nghiệp nông thôn", "hợp tác xã", "HTX",
    "tổ chức", "đơn vị", "ngân hàng", "nhà máy", "cửa hàng", "siêu thị", "chi nhánh",
    "thương hiệu", "trường", "trường học", "bệnh viện", "làng nghề", "cụm công nghiệp",
    "khu công nghiệp", "khu kinh tế", "CCN", "KCN", "KKT", "sở", "ban", "ngành", "bộ, ngành", "địa phương",
    # administrative units
    "tỉnh", "thành phố", "tỉnh, thành phố", "tỉnh/thành phố", "tỉnh thành phố", "tỉnh thành",
    "tỉnh, thành", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu", "thôn",
    "ấp", "bản", "làng", "xã, phường", "xã, phường, thị trấn", "xã, phường, đặc khu",
    "đơn vị hành chính", "đơn vị hành chính cấp xã", "đơn vị hành chính cấp huyện",
    "đơn vị hành chính cấp tỉnh", "quốc gia", "nước", "quốc gia và vùng lãnh thổ", "vùng",
    # things and events
    "dự án", "sản phẩm", "chương trình", "đề án", "mô hình", "hợp đồng", "chiếc", "con",
    "cái", "căn", "căn hộ", "ngôi nhà", "ô tô", "xe", "máy", "thiết bị", "máy móc",
    "cổ phiếu", "cổ phần", "đơn hàng", "hồ sơ", "văn bản", "lớp", "lớp học", "khóa", "khoá",
    "khóa học", "khoá học", "khóa đào tạo", "khoá đào tạo", "cuộc", "hội nghị", "hội thảo",
    "sự kiện", "giải", "giải nhất", "giải nhì", "giải ba", "giải tư", "giải khuyến khích",
    "giải đặc biệt", "giải thưởng", "huy chương", "bằng khen", "giấy khen", "lượt",
    "lượt truy cập", "vụ", "vụ việc", "trường hợp", "mã", "mã cổ phiếu", "chuyến",
    "chuyến bay", "tuyến", "phòng", "gian hàng", "lần", "phiên", "loại", "tài khoản", "thẻ",
    "hạng mục", "công trình", "nhiệm vụ", "đề tài", "sáng kiến", "tác phẩm", "ý kiến",
    "kiến nghị", "điều", "loài", "phiên bản", "điểm bán", "điểm trường", "khách sạn", "nhà hàng",
    "bậc", "nhà ga", "ga", "đoàn tàu", "toa", "bài báo", "bức tranh", "hiện vật", "viên", "chợ",
    "chợ đầu mối", "trung tâm thương mại",
    # goods counted by the piece, as seizures and stocks are ("116.437 kíp nổ", "5 bao thuốc lá",
    # "3 gói", "1.200 chai rượu", "230 bộ quần áo", "15.477 quả mồi nổ")
    "kíp", "kíp nổ", "quả", "quả mồi", "quả mồi nổ", "bao", "gói", "chai", "hộp", "túi", "bộ", "đôi",
)

#: What a price or rate is counted per, after a slash: "19.161 đồng/lít", "4,5%/năm",
#: "55,85 triệu đồng/lượng", "80 triệu đồng/4 năm", "2.000 đồng/cổ phiếu". Kept in the
#: figure's text, so that an answer says what the record says; every counted noun counts too.
PER_WORDS: tuple[str, ...] = (
    "năm", "tháng", "quý", "tuần", "ngày", "đêm", "giờ", "phút", "kỳ", "mùa", "lượng", "chỉ",
    "thùng", "bao", "gói", "suất", "vé", "cây", "quả", "trái", "tạ", "yến", "lít", "kg", "tấn",
    "kWh", "MWh", "m2", "m²", "m3", "m³", "ha", "km", "m", "USD", "đồng", "đầu người", "tín chỉ",
    "lượt", "người", "hộ", "nhóm",
)

# Count nouns that begin a different word: "2021 lần lượt" (respectively), "2 con số"
# (digits), "103 mã lực" (horsepower, a unit above).
_COUNT_NOT_BEFORE = {"lần": ("lượt",), "con": ("số",), "mã": ("lực",), "bao": ("gồm", "nhiêu", "giờ"),
                     "bộ": ("phận", "máy", "trưởng", "ngành")}

# Canonical spellings for count nouns written differently.
_COUNT_ALIASES: dict[str, str] = {
    "tỉnh/thành phố": "tỉnh, thành phố",
    "tỉnh thành phố": "tỉnh, thành phố",
    "tỉnh thành": "tỉnh, thành phố",
    "tỉnh, thành": "tỉnh, thành phố",
}

# Words before a number that designate rather than count: "Quận 1", "năm 2020",
# "Top 1.000", "lần thứ 5".  Only counts are dropped for them ("lương tháng 6
# triệu đồng" is still money).
_DESIGNATORS = frozenset(
    "năm tháng ngày quý tuần giờ lúc thứ hạng top điều khoản chương mục phần lô tổ khu "
    "quận phường xã huyện ấp thôn đường tầng phòng lớp khóa khoá đợt kỳ cấp bậc nhóm đội "
    "mùa vòng tập chặng trận câu bài trang hình bảng phụ lục mẫu biểu số".split()
)

# "hơn" after these is comparative ("cao hơn 2,56%": higher by 2.56 %), not a bound.
_COMPARATIVES = frozenset(
    "cao thấp nhiều ít nhanh chậm rẻ đắt sớm muộn trễ mạnh yếu tốt kém xa lâu dài ngắn "
    "giàu nghèo".split()
)

# … except a dimension before a length, an area or a weight, compared with nothing: "dài hơn 277 km"
_DIMENSIONS = frozenset("dài rộng sâu cao nặng".split())
_PHYSICAL_AFTER = re.compile(r"[\d.,]+\s*(?:km|m|mét|cây số|ha|héc-ta|hecta|m2|m²|m3|m³|tấn|kg)(?!\w)", re.IGNORECASE)
_COMPARED_AFTER = re.compile(r"[^.;]{0,60}?(?<!\w)(?:so|hơn|kém)(?!\w)", re.IGNORECASE)

# "đến"/"tới" after these is a preposition: "liên quan đến 5 dự án", "tính đến".
_NOT_BOUND_BEFORE = frozenset("quan dẫn nói cập nhắc tính nghĩ đi hướng".split())

QUALIFIERS = (
    "gần như", "xấp xỉ", "chưa tới", "chưa đến", "chưa đầy", "không quá", "không tới",
    "không dưới", "ít nhất", "tối thiểu", "tối đa", "ước tính", "ước đạt", "hơn", "gần",
    "trên", "khoảng", "dưới", "tới", "đến", "ước", "ngót", "chừng",
)

# Units written as symbols (m, kg, MW) are matched case-sensitively; words are not.
_UNIT_SYMBOLS = frozenset(canon.lower() for _, canon, _, cs in _UNIT_TABLE if cs)


def _words(phrase: str) -> str:
    """A lexicon phrase as a regex: flexible whitespace, optional space after commas/slashes."""
    out = []
    for tok in re.split(r"(\s+|,\s*|/)", phrase):
        if not tok:
            continue
        if tok.isspace():
            out.append(r"\s+")
        elif tok.startswith(","):
            out.append(r",\s*")
        elif tok == "/":
            out.append(r"\s*/\s*")
        else:
            out.append(re.escape(tok))
    return "".join(out)


_WS = r"[^\S\n]*(?:\n[^\S\n]*)?"  # optional blanks, at most one line break
_END = r"(?!\w)"

_UNIT_GROUPS = [f"u{i}" for i in range(len(_UNIT_TABLE))]
# "%", "$" and "€" need no word boundary after them, the others do.
_UNIT_RE = re.compile(
    _WS
    + "(?:"
    + "|".join(
        f"(?P<{g}>{'(?-i:' + rx + ')' if cs else rx})" + ("" if rx in ("%", r"\$", "€") else _END)
        for g, (rx, canon, _, cs) in zip(_UNIT_GROUPS, _UNIT_TABLE)
    )
    + ")",
    re.IGNORECASE,
)
_UNIT_BY_GROUP = {g: (canon, kind) for g, (_, canon, kind, _) in zip(_UNIT_GROUPS, _UNIT_TABLE)}

_COUNT_CANON = {n.lower(): _COUNT_ALIASES.get(n, n) for n in COUNT_NOUNS}
_COUNT_RE = re.compile(
    _WS
    + "("
    + "|".join(
        _words(n)
        + (rf"(?!\s+(?:{'|'.join(_COUNT_NOT_BEFORE[n])})(?!\w))" if n in _COUNT_NOT_BEFORE else "")
        for n in sorted(COUNT_NOUNS, key=lambda n: (-len(n), n))
    )
    + ")"
    + _END,
    re.IGNORECASE,
)

_SCALE_WORD = r"(?:nghìn|ngàn|triệu(?!\s+(?:chứng|tập|hồi|phú)(?!\w))|t[ỷỉ](?!\s+(?:lệ|giá|trọng|suất|phú)(?!\w)))"
_SCALE_RE = re.compile(_WS + f"({_SCALE_WORD}(?:{_WS}{_SCALE_WORD})?)", re.IGNORECASE)
# tr.đ, tr đ, trđ (triệu đồng); ng.đ, ngđ (nghìn đồng)
_ABBR_RE = re.compile(_WS + r"(tr|ng)\.?[^\S\n]?(đ(?:ồng)?)" + _END, re.IGNORECASE)

_NUM_RE = re.compile(r"\d+(?:[.,]\d+)*")
# A number glued to "/" or ":" is a date, a document number or a time; "14h30" too.
_JUNK_TAIL = re.compile(r"(?:[/:]\w+(?:[.\-/:]\w+)*)+|[hg]\d")
# A per-unit suffix may repeat on both ends: "từ 4.000 đồng/kg đến 5.000 đồng/kg".
_PER = r"(?:[^\S\n]*/[^\S\n]*\w+(?:[^\S\n]+\w+)?)?"
_RANGE_SEP = re.compile(_PER + _WS + r"(?:[-–—]|đến(?!\w)|tới(?!\w))" + _WS, re.IGNORECASE)
_AFTER_FIGURE = re.compile(_PER + r"\s*")
# "12/15 địa phương", "14.693/14.750 hộ" (dot thousands on both sides)
_RATIO_RE = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d{1,4})/(\d{1,3}(?:\.\d{3})+|\d{1,4})(?![\d/.,:\w-])")
# words before "1/5" that make it a date or a number of something, not a ratio
_NOT_BEFORE_RATIO = _DESIGNATORS | frozenset("hôm sáng chiều tối đêm trưa từ đến tới trước sau đầu cuối giữa "
                                              "lúc vào quyết nghị định thông tư văn bản công văn".split())
_PER_NOUNS = sorted(set(PER_WORDS) | set(COUNT_NOUNS), key=lambda n: (-len(n), n))
# one or two slashes ("đồng/lượt/nhóm"), each maybe with a count ("đồng/4 năm")
_PER_RE = re.compile(r"(?:[^\S\n]?/[^\S\n]?(?:\d+[^\S\n]+)?(?:" + "|".join(_words(n) for n in _PER_NOUNS)
                     + r")" + _END + r"(?![^\S\n]*\d)){1,2}", re.IGNORECASE)   # "đồng/năm 2020" is not per year
_POST_RE = re.compile(_WS + r"(trở\s+lên|trở\s+xuống)" + _END, re.IGNORECASE)
_FROM_RE = re.compile(r"(?<!\w)(từ)" + _WS + r"\Z", re.IGNORECASE)
_QUAL_RE = re.compile(
    r"(?<!\w)("
    + "|".join(_words(q) for q in QUALIFIERS)
    + r")"
    + _WS
    + r"\Z",
    re.IGNORECASE,
)
_PREV_WORD_RE = re.compile(r"(\w+)" + _WS + r"\Z")
_SPACES = re.compile(r"\s+")


# --------------------------------------------------------------------------- reading


@dataclass
class _Tail:
    end: int
    exp: int  # power of ten of the scale
    scale_word: str | None
    unit: str
    kind: str


def _continues(text: str, pos: int, word_start: int) -> bool:
    """A capitalised word after a line break starts a new line, it does not continue a figure."""
    return not (text[word_start].isupper() and "\n" in text[pos:word_start])


def _unit_at(text: str, pos: int) -> tuple[int, str, str] | None:
    """The unit or counted noun at ``pos``; the longer wins ("5 điểm bán" is a count)."""
    found = None
    m = _UNIT_RE.match(text, pos)
    if m and _continues(text, pos, m.start(m.lastgroup)):
        canon, kind = _UNIT_BY_GROUP[m.lastgroup]
        found = (m.end(), canon, kind)
    m = _COUNT_RE.match(text, pos)
    # Counted nouns are lowercase after a number; "1 Giải đặc biệt" names, "HTX" is an acronym.
    if (
        m
        and (found is None or m.end() > found[0])
        and (not m.group(1)[0].isupper() or m.group(1).isupper())
        and _continues(text, pos, m.start(1))
    ):
        noun = _SPACES.sub(" ", m.group(1)).lower()
        noun = re.sub(r"\s*/\s*", "/", re.sub(r",\s*", ", ", noun))
        found = (m.end(), _COUNT_CANON.get(noun, noun), "count")
    return found


def _tail_at(text: str, pos: int) -> _Tail | None:
    """Scale word and/or unit right after a number ending at ``pos``."""
    m = _ABBR_RE.match(text, pos)
    if m:
        word = "triệu" if m.group(1).lower() == "tr" else "nghìn"
        return _Tail(m.end(), _SCALES[word], word, "đồng", "money")
    exp, scale_word, p = 0, None, pos
    m = _SCALE_RE.match(text, pos)
    if m and _continues(text, pos, m.start(1)):
        e = m.end()
        # "tỉnh" starts with "tỉ": a scale word must end the word, unless a unit is glued on.
        if e >= len(text) or not text[e].isalpha() or _unit_at(text, e):
            scale_word = _SPACES.sub(" ", m.group(1)).lower()
            exp = sum(_SCALES[w] for w in scale_word.split())
            p = e
    unit = _unit_at(text, p)
    if unit:
        return _Tail(unit[0], exp, scale_word, unit[1], unit[2])
    if scale_word:
        return _Tail(p, exp, scale_word, "", "count")
    return None


def _number_ok(text: str, s: int) -> bool:
    """Whether a number starting at ``s`` may be a figure, judging by what precedes it."""
    if s == 0:
        return True
    ch = text[s - 1]
    if ch == "/":
        # "937 người đạt yêu cầu/975 người dự kiểm tra": two counts, each with its words; a slash
        # after a digit or a code is a date, a ratio or a number ("12/2023", "12/15", "QĐ/12")
        i = s - 2
        while i >= 0 and text[i].isalpha():
            i -= 1
        run = text[i + 1 : s - 1]
        return len(run) >= 2 and run.islower() and run not in _UNIT_SYMBOLS and (i < 0 or text[i] == " ")
    if ch == "_":
        return False
    if ch in "-–." and s >= 2 and text[s - 2].isalnum():
        return False  # COVID-19, BR-VT-5, v.5
    if ch.isalpha():
        # A glued word is a scraping glitch ("đạt868", "tăng5%") only when it is a
        # lowercase word; codes ("UBTVQH15", "S20") and unit symbols ("m2") are not.
        i = s - 1
        while i >= 0 and text[i].isalpha():
            i -= 1
        run = text[i + 1 : s]
        if len(run) < 2 or not run.islower() or run in _UNIT_SYMBOLS:
            return False
        if i >= 0 and text[i] in "-_/":
            return False
    return True


SIGNS = "-−+"      # the signs a number may be written with: "(-13,01%)", "(+16,2%)"


def _sign_before(text: str, s: int) -> int | None:
    """Where the sign written on the number at ``s`` starts: "(-13,01%)", "giảm -5%"; None
    for a bullet ("- 15 …", "-15" opening a line), a range ("5 -7%") or a code."""
    if s < 2 or text[s - 1] not in SIGNS:
        return None
    before = text[s - 2]
    if before == "(":
        return s - 1
    if before not in " \t\u00a0":
        return None
    i = s - 2
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return s - 1 if i >= 0 and (text[i].isalpha() or text[i] == ":") else None


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n(\"“'‘-–•*>"


def _prev_word(text: str, end: int) -> tuple[str, int] | None:
    m = _PREV_WORD_RE.search(text, max(0, end - 40), end)
    return (m.group(1), m.start(1)) if m else None


def _read_number(text: str, pos: int) -> tuple[re.Match, Decimal] | None:
    """The number at ``pos`` if it is a readable, non-junk number token."""
    m = _NUM_RE.match(text, pos)
    if not m or _JUNK_TAIL.match(text, m.end()):
        return None
    try:
        return m, _to_decimal(m.group())
    except ValueError:
        return None


def _read_range(
    text: str, m: re.Match, num: Decimal, tail: _Tail | None, allow_bare: bool
) -> tuple[Decimal, Decimal, _Tail | None, int] | None:
    """A range starting with the number ``m`` (with its ``tail``), as
    (low number, high value in base units, the tail that now applies, end of the last number)."""
    end = tail.end if tail else m.end()
    sep = _RANGE_SEP.match(text, end)
    second = sep and _read_number(text, sep.end())
    if not second:
        return None
    m2, num2 = second
    tail2 = _tail_at(text, m2.end())
    if tail is None and tail2 is None:
        # bare numbers ("5-7") are a range only when the whole string is one
        return (num, num2, None, m2.end()) if allow_bare and num2 >= num else None
    # The first number may be bare ("5-7 tỷ"), carry its own scale ("500 triệu đến
    # 1 tỷ đồng") or the same unit ("5% - 7%").
    if tail2 is None or (tail is not None and tail.unit and tail.unit != tail2.unit):
        return None
    first, exp1 = num, tail.exp if tail else tail2.exp
    if tail is None:
        # "250-280.000 đồng" means 250.000 to 280.000.
        t1, t2 = m.group(), m2.group()
        if t1.isdigit() and _GROUPS3.fullmatch(t2):
            lead = t2.split(".")[0]
            if len(lead) == len(t1) and int(t1) <= int(lead):
                first = num * Decimal(1000) ** t2.count(".")
    hi = num2 * Decimal(10) ** tail2.exp
    if hi < first * Decimal(10) ** exp1:
        return None
    return first, hi, _Tail(tail2.end, exp1, tail2.scale_word, tail2.unit, tail2.kind), m2.end()


_COUNTRY_BEFORE = re.compile(lexicon.COUNTRY.pattern + r"\s+\Z")
_THOUSANDS_AT = re.compile(r"\d{1,3}(?:\.\d{3})+(?![\d.,])")


def _designates(text: str, s: int) -> bool:
    """Whether the word before a count makes it a label: "năm 2019", "Quận 1", "iPhone 12"."""
    prev = _prev_word(text, s)
    if not prev:
        return False
    w = prev[0]
    before = _prev_word(text, prev[1])
    if w.lower() == "đạo" and before and before[0].lower() == "chỉ" \
            and (ban := _prev_word(text, before[1])) and ban[0].lower() == "ban":
        return True         # "Ban Chỉ đạo 389 tỉnh": the committee's name, no count of provinces
    if w.lower() in _DESIGNATORS:
        if w.lower() != "số":
            return True
        # "số 5" designates; "tổng số", "con số", "trong số" (among), "dân số" (population) count,
        # and so does a number written with thousands ("số 711.988 người": no label is written so)
        return not ((before and before[0].lower() in ("tổng", "con", "trong", "dân"))
                    or _THOUSANDS_AT.match(text, s))
    # Model names and codes: "iPhone 12 phiên bản", "Star 5 lần", "F0 2 ca"; not a country
    # in a list of them ("…, Campuchia 4 lần, Mỹ 2 lần")
    if _COUNTRY_BEFORE.search(text, max(0, s - 30), s):
        return False
    if w.isupper() and len(w) >= 2:
        return True         # an abbreviation written with a Vietnamese capital: "BCĐ 389 tỉnh"
    return w.isascii() and not w.islower() and not (w.istitle() and _sentence_start(text, prev[1]))


def _qualifier_before(text: str, pos: int, out: list[Quantity]) -> re.Match | None:
    """The qualifier word ending right before ``pos``, if it bounds the figure."""
    q = _QUAL_RE.search(text, max(0, pos - 24), pos)
    if not q:
        return None
    word = q.group(1).lower()
    prev = _prev_word(text, q.start(1))
    pw = prev[0].lower() if prev else ""
    if pw == "tính" and (ppw := _prev_word(text, prev[1])) and ppw[0].lower() == "ước":
        pw = "ước tính"          # "ước tính trên 29,7 tỷ đồng": estimated at over, not "tính trên" (counted on)
    if word == "hơn":
        if pw in _DIMENSIONS and _PHYSICAL_AFTER.match(text, pos) and not _COMPARED_AFTER.match(text, pos):
            return q             # "đường dây dài hơn 277 km": a length of over 277 km, no difference
        return None if pw in _COMPARATIVES else q
    if word in ("đến", "tới", "trên"):
        # Right after another figure these join the two ("26 mã trên 30 mã": out of;
        # "tăng từ 7% đến 5%": to); after a verb they are prepositions.
        if out and _AFTER_FIGURE.fullmatch(text, out[-1].end, q.start(1)):
            return None
        return None if pw in _NOT_BOUND_BEFORE else q
    return q


def ratio_ok(text: str, start: int, part: str, whole: str) -> bool:
    """Whether "part/whole" at ``start`` can be so many of a whole: the part no larger, and
    not after a word that makes it a date or a document's number ("ngày 1/5", "Quyết định 1/2")."""
    part, whole = part.replace(".", ""), whole.replace(".", "")
    if int(part) > int(whole) or int(whole) == 0:
        return False
    prev = _prev_word(text, start)
    return not (prev and prev[0].lower() in _NOT_BEFORE_RATIO)


def _ratio(text: str, m: re.Match) -> Quantity | None:
    """"12/15 địa phương", "9/11 chuyên ngành": so many of a whole, counted; read as the count
    (12) with the whole kept in the text. Not a date ("ngày 1/5 tỉnh …"), not a document number,
    and the first never above the second."""
    r = _RATIO_RE.match(text, m.start())
    if not r or not ratio_ok(text, m.start(), r.group(1), r.group(2)):
        return None
    unit = _unit_at(text, r.end())
    if not unit or unit[2] != "count":
        return None
    after = re.match(r"[^\S\n]+(\w)", text[unit[0]:unit[0] + 3])
    if after and after.group(1).isupper():
        return None                       # "1/5 tỉnh Quảng Nam": a date before a place's name
    return Quantity(start=m.start(), end=unit[0], text=text[m.start():unit[0]], number_start=m.start(),
                    number_end=r.end(), value=float(r.group(1).replace(".", "")), unit=unit[1], kind="count")


# "trong / trên (tổng) số 25", or a bare "trên 486" right after the part ("223 trên 486 thủ tục":
# out of, as "12/15" is; after a figure "trên" bounds nothing)
_PART_OF_WHOLE = re.compile(r"[^\S\n]+(?:(?:trong|trên)[^\S\n]+(?:tổng[^\S\n]+)?số|(trên))[^\S\n]+"
                            r"(\d{1,3}(?:\.\d{3})*|\d+)(?![\d,/])", re.IGNORECASE)


def _part_of_whole(text: str, m: re.Match) -> tuple[Quantity, Quantity] | None:
    """"23 trong tổng số 25 sản phẩm", "5 trên tổng số 12 dự án": so many of a whole, read as
    the part (23), the whole kept in the text, as a ratio "23/25 sản phẩm" is, and the whole
    ("25 sản phẩm") as a figure of its own: "tổng cộng bao nhiêu sản phẩm tham gia?" asks it
    (which of the two answers is the part-or-whole slot's to say, `candidates.part_ok`)."""
    if not m.group().replace(".", "").isdigit():
        return None
    w = _PART_OF_WHOLE.match(text, m.end())
    if not w:
        return None
    part, whole = int(m.group().replace(".", "")), int(w.group(2).replace(".", ""))
    unit = _unit_at(text, w.end())
    if not unit or unit[2] != "count" or not 0 < part <= whole or _designates(text, m.start()):
        return None
    if w.group(1) and not ratio_ok(text, m.start(), m.group(), w.group(2)):
        return None                      # "từ 5 trên 10 …", "ngày 3 trên …": no part written bare
    return (Quantity(start=m.start(), end=unit[0], text=text[m.start():unit[0]], number_start=m.start(),
                     number_end=m.end(), value=float(part), unit=unit[1], kind="count"),
            Quantity(start=w.start(2), end=unit[0], text=text[w.start(2):unit[0]], number_start=w.start(2),
                     number_end=w.end(2), value=float(whole), unit=unit[1], kind="count"))


def _scan(text: str, allow_bare: bool = False) -> list[Quantity]:
    out: list[Quantity] = []
    pos = 0
    while m := _NUM_RE.search(text, pos):
        s, e = m.span()
        pos = e
        junk = _JUNK_TAIL.match(text, e)
        if junk:
            ratio = _ratio(text, m)
            if ratio:
                out.append(ratio)
            pos = ratio.end if ratio else junk.end()
            continue
        if not _number_ok(text, s):
            continue
        part_whole = _part_of_whole(text, m)
        if part_whole:
            out.extend(part_whole)
            pos = part_whole[1].end
            continue
        try:
            num = _to_decimal(m.group())
        except ValueError:
            continue
        tail = _tail_at(text, e)
        end = tail.end if tail else e
        num_end, value_max = e, None
        rng = _read_range(text, m, num, tail, allow_bare)
        if rng:
            num, value_max, tail, num_end = rng
            end = tail.end if tail else num_end
        if tail and value_max is None:
            compound = _compound(text, num, tail)
            if compound:
                num, tail = compound
                end = num_end = tail.end
        if tail is None and not allow_bare:
            continue
        unit, kind = (tail.unit, tail.kind) if tail else ("", "count")
        if kind == "count":
            if unit and m.group().isdigit() and 1900 <= int(m.group()) <= 2100:
                continue  # "sau 1975 ngành cà phê": a year; counts that large are written 1.975
            if _designates(text, s):
                continue

        per = None
        if tail and tail.unit:
            rate = _PER_RE.match(text, end)
            if rate:
                per = _SPACES.sub(" ", rate.group().strip().lstrip("/").strip())
                end = rate.end()

        start = q_end = s
        num_start, value = s, num * Decimal(10) ** (tail.exp if tail else 0)
        if kind != "count" and (sign := _sign_before(text, s)) is not None:
            start = q_end = num_start = sign
            value = -value if text[sign] != "+" else value
        qualifier = None
        frm = _FROM_RE.search(text, max(0, s - 12), s)
        post = _POST_RE.match(text, end)
        if frm and (value_max is not None or post):  # "từ 5 đến 7 tỷ", "từ 5 tỷ trở lên"
            start = q_end = frm.start(1)
        if post:
            end = post.end()
            qualifier = _SPACES.sub(" ", post.group(1))
        else:
            q = _qualifier_before(text, q_end, out)
            if q:
                qualifier, start = q.group(1), q.start(1)

        out.append(
            Quantity(
                start=start,
                end=end,
                text=text[start:end],
                number_start=num_start,
                number_end=num_end,
                value=float(value),
                unit=unit,
                kind=kind,
                qualifier=qualifier,
                value_max=float(value_max) if value_max is not None else None,
                scale_word=tail.scale_word if tail else None,
                per=per,
            )
        )
        pos = end
    return out


_NEXT_PART = re.compile(r"[^\S\n]+(\d{1,3})(?![\d.,/])")


def _compound(text: str, num: Decimal, tail: _Tail) -> tuple[Decimal, _Tail] | None:
    """"4 ngàn 400 tấn", "1 tỷ 200 triệu đồng": a figure written as scaled parts, the larger
    first with no unit of its own; read whole, as (number, the last part's tail)."""
    if not tail.scale_word or tail.unit:
        return None
    m = _NEXT_PART.match(text, tail.end)
    rest = _tail_at(text, m.end()) if m else None
    if rest is None or not rest.unit or rest.exp >= tail.exp or int(m.group(1)) * 10 ** rest.exp >= 10 ** tail.exp:
        return None
    return num * Decimal(10) ** (tail.exp - rest.exp) + int(m.group(1)), rest


def _nfc_with_map(text: str) -> tuple[str, list[int], list[int]] | None:
    """NFC of ``text`` with, per NFC character, the original start/end of its segment."""
    if unicodedata.is_normalized("NFC", text):
        return None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        seg = unicodedata.normalize("NFC", text[i:j])
        pieces.append(seg)
        starts.extend([i] * len(seg))
        ends.extend([j] * len(seg))
        i = j
    return "".join(pieces), starts, ends


def _find(text: str, allow_bare: bool) -> list[Quantity]:
    mapped = _nfc_with_map(text)
    if mapped is None:
        return _scan(text, allow_bare)
    nfc, starts, ends = mapped
    out = []
    for q in _scan(nfc, allow_bare):
        a, b = starts[q.start], ends[q.end - 1]
        out.append(
            Quantity(
                start=a,
                end=b,
                text=text[a:b],
                number_start=starts[q.number_start],
                number_end=ends[q.number_end - 1],
                value=q.value,
                unit=q.unit,
                kind=q.kind,
                qualifier=q.qualifier,
                value_max=q.value_max,
                scale_word=q.scale_word,
            )
        )
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, in order, non-overlapping but for the whole of a part, read inside
    it ("2 trên 5 cơ sở", "5 cơ sở")."""
    return _find(text, allow_bare=False)


# A length of time: "37 tháng", "hơn 10 năm", "66 triệu năm". Not a unit of find_quantities,
# because the same words make dates and periods ("ngày 15 tháng 6", "6 tháng đầu năm",
# "quý 3 năm 2021"); these are told apart here, by the words around the number.
_DURATION_RE = re.compile(
    r"(?<![\w/.,])(?:(" + "|".join(("sau mỗi", "mỗi") + QUALIFIERS) + r")\s+)?"
    r"(?:(\d{1,3}(?:,\d+)?)\s*[-–]\s*)?"          # the lower end of a range: "4-5 ngày", "3 - 5 năm"
    r"(\d+(?:,\d+)?)(?:\s+(nghìn|ngàn|triệu|tỷ|tỉ))?"
    r"\s+(ngày|tháng|năm|tuần|giờ|phút|giây)(?!\w)"
    r"(?!\s*(?:đầu|cuối)\s+năm)(?!\s*(?:năm\s*)?\d)(?!\s*/\s*\d)(?!\s+(?:qua|tới|này|nay|đầu|cuối)(?!\w))"
    r"(/(?:ngày|tháng|năm|tuần)(?!\w))?",           # a rate: "4-5 ngày/tuần"
    re.IGNORECASE)
# ("07 giờ 30 phút" is a time of day: its minutes are no length of time)
_DURATION_DESIGNATORS = frozenset("ngày tháng năm quý thứ số khóa khoá kỳ đợt lần tuần giờ".split())


def find_durations(text: str) -> list[Quantity]:
    """Lengths of time in ``text`` (unit ``tháng``, ``năm``…, kind ``duration``); dates,
    reporting periods ("9 tháng năm 2023", "6 tháng đầu năm") and years are not durations."""
    text_nfc = unicodedata.normalize("NFC", text)
    if len(text_nfc) != len(text):
        return []
    out = []
    for m in _DURATION_RE.finditer(text):
        low, num = m.group(2), m.group(3)
        if num.isdigit() and 1900 <= int(num) <= 2100:
            continue
        first = m.start(2) if low else m.start(3)
        prev = _prev_word(text, first if not m.group(1) else m.start(1))
        if prev and prev[0].lower() in _DURATION_DESIGNATORS:
            continue
        try:
            value = _to_decimal(num)
            lower = _to_decimal(low) if low else None
        except ValueError:
            continue
        if lower is not None and lower >= value:
            continue                      # "15-5 năm" is no range
        scale = m.group(4)
        exp = _SCALES[scale.lower()] if scale else 0
        start = m.start(1) if m.group(1) else first
        top = float(value * Decimal(10) ** exp)
        out.append(Quantity(start=start, end=m.end(), text=text[start:m.end()], number_start=first,
                            number_end=m.end(3), value=float(lower * Decimal(10) ** exp) if lower is not None else top,
                            unit=m.group(5).lower(), kind="duration", qualifier=m.group(1),
                            value_max=top if lower is not None else None,
                            scale_word=scale.lower() if scale else None))
    return out


_TRIM = " \t\r\n.,;:!?…"


def parse_quantity(text: str) -> Quantity | None:
    """The single quantity that the whole of ``text`` is (``"hơn 10 tỷ đồng"``), else None.

    Surrounding blanks and trailing sentence punctuation are ignored.  Unlike
    :func:`find_quantities`, a bare number (``"308"``, ``"khoảng 5-7"``) is accepted, as
    a ``count`` with unit ``""``.
    """
    lo = len(text) - len(text.lstrip())
    hi = len(text.rstrip(_TRIM))
    if hi <= lo:
        return None
    found = _find(text[:hi], allow_bare=True)
    if len(found) == 1 and found[0].start == lo and found[0].end == hi:
        return found[0]
    return None


# --------------------------------------------------------------------------- writing


def _scale_exp(scale: str) -> int:
    words = _SPACES.split(unicodedata.normalize("NFC", scale).strip().lower())
    try:
        return sum(_SCALES[w] for w in words)
    except KeyError:
        raise ValueError(f"unknown scale word: {scale!r}") from None


def _format_number(x: float, decimals: int | None) -> str:
    if not math.isfinite(x):
        raise ValueError(f"cannot format {x!r}")
    if decimals is None:
        d = Decimal(repr(round(x, 6))).normalize()
        s = format(d, "f")
    else:
        s = f"{x:.{decimals}f}"
    sign = ""
    if s.startswith("-"):
        sign, s = "-", s[1:]
    int_part, _, frac = s.partition(".")
    if not int_part.strip("0") and not frac.strip("0"):
        sign = ""
    groups = []
    while len(int_part) > 3:
        groups.append(int_part[-3:])
        int_part = int_part[:-3]
    groups.append(int_part)
    out = sign + ".".join(reversed(groups))
    return out + ("," + frac if frac else "")


def format_vi(value: float, unit: str, scale: str | None = None, decimals: int | None = None) -> str:
    """Write ``value`` (in base units) the Vietnamese way.

    ``(6.94e9, "đồng", "tỷ")`` → ``"6,94 tỷ đồng"``; ``(1402e9, "đồng", "tỷ")`` →
    ``"1.402 tỷ đồng"``; ``(95.27, "%")`` → ``"95,27%"``; ``(6, "tập thể")`` → ``"6 tập thể"``.
    ``decimals=None`` writes up to 6 decimals, without trailing zeros.
    """
    if scale:
        value = value / (10 ** _scale_exp(scale))
    parts = [_format_number(value, decimals)]
    if scale:
        parts.append(scale)
    if unit and unit != "%":
        parts.append(unit)
    return " ".join(parts) + ("%" if unit == "%" else "")


def same_number(a: str, b: str) -> bool:
    """Whether two number strings denote the same value (``"6,94"`` vs ``"6,940"``).

    Also accepts quantities (``"6,94 tỷ"`` vs ``"6.940 triệu"``; units must agree when
    both have one).  Unreadable input is simply not the same number.
    """

    def read(s: str) -> tuple[float, str] | None:
        try:
            return parse_number(s), ""
        except ValueError:
            q = parse_quantity(s)
            return (q.value, q.unit) if q and q.value_max is None else None

    x, y = read(a), read(b)
    if x is None or y is None:
        return False
    if x[1] and y[1] and x[1] != y[1]:
        return False
    return math.isclose(x[0], y[0], rel_tol=1e-9, abs_tol=1e-12)
