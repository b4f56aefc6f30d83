"""Every word list kcqa uses, once: units, measures, periods, titles, relations, stop and
question words, and the cues that tell what kind of answer a question wants.

Lists hold accented words; `folded()` gives the diacritic-free forms for matching text
typed without marks. Match on accented text when the question has diacritics, because
folding merges words ("đầu" and "dau", "tài" and "tai", "lượng" and "lương").
"""

from __future__ import annotations

import functools
import re

from .vietnamese import counted_nouns_folded, fold, has_diacritics, is_syllable, mostly_plain


def folded(words) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def alternation(words) -> str:
    """A regex alternation of `words`, escaped, longest first ("Phó Cục trưởng" before "Cục trưởng")."""
    return "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True))


class Words:
    """A word list matched as whole words: on accented text when the text has marks (so
    "lượng" is not "lương"), on folded text when it has none."""

    def __init__(self, words):
        self.words = tuple(words)
        self.accented = re.compile(rf"(?<!\w)({alternation(self.words)})(?!\w)", re.IGNORECASE)
        self.folded = re.compile(rf"(?<!\w)({alternation(fold(w) for w in self.words)})(?!\w)")

    def search(self, text: str, accented: bool):
        return (self.accented if accented else self.folded).search(text if accented else fold(text))

    def findall(self, text: str, accented: bool) -> list[str]:
        return (self.accented if accented else self.folded).findall(text if accented else fold(text))


# -- money -------------------------------------------------------------------
MONEY_UNITS = frozenset({"đồng", "usd", "vnđ", "vnd", "euro", "eur", "yên", "nhân dân tệ", "won", "bảng anh",
                         "đô la singapore", "đô la úc", "đô la hồng kông", "đô la canada", "đô la đài loan"})
MONEY_UNITS_FOLDED = folded(MONEY_UNITS)     # as a figure's `fold(f.unit)` compares
# Currencies as a question writes them (folded) → the unit figures carry: "bao nhiêu yên".
CURRENCIES = {"yen": "yên", "usd": "USD", "do la": "USD", "do": "USD", "won": "won", "euro": "EUR",
              "nhan dan te": "nhân dân tệ", "dong": "đồng", "vnd": "đồng", "bang anh": "bảng Anh"}
# the dollars of other countries, as `numbers` reads them ("đô la Singapore", also written "đôla")
_DOLLARS = {"my": "USD", "singapore": "đô la Singapore", "uc": "đô la Úc", "australia": "đô la Úc",
            "hong kong": "đô la Hồng Kông", "canada": "đô la Canada", "dai loan": "đô la Đài Loan"}
CURRENCIES.update({f"{dollar} {country}": unit for dollar in ("do la", "dola") for country, unit in _DOLLARS.items()})
CURRENCIES["dola"] = "USD"
# Units of a length of time (figures from `numbers.find_durations`).
DURATION_UNITS = frozenset({"ngày", "tháng", "năm", "tuần", "giờ", "phút", "giây"})
# Written right after "bao nhiêu" these ask for money: "bao nhiêu yên", "bao nhiêu tỷ đồng" (folded).
MONEY_AFTER_HOW_MUCH = re.compile(r"^(tien|ty|ti|trieu|nghin|ngan|dong|usd|do la|dola|do|yen|won|euro|nhan dan te|"
                                  r"bang anh|vnd)\b")
# Measures that are rates: asked "bao nhiêu", they are answered by a percentage, not by an
# amount ("lãi suất tiền gửi" is not money, whatever "tiền" says). Folded.
RATE_MEASURES = re.compile(r"\b(lai suat|ty le|ti le|ty trong|ti trong|tang truong|lam phat|ty suat|ti suat|"
                           r"thi phan|roe|roa|nim|casa|ty le so huu|room)\b")
# Rates that are themselves a change: "lạm phát tăng bao nhiêu?" is answered by "lạm phát … ở mức
# 3,8%", a level written without "tăng". Folded.
MEASURES_OF_CHANGE = re.compile(r"\b(lam phat|tang truong)\b")
# trade both ways, folded ("xuất nhập khẩu", "xuất, nhập khẩu", "xuất - nhập khẩu"): its "nhập khẩu" is no
# mention of imports alone
TWO_WAY_TRADE = re.compile(r"\bxuat\s*[,-]?\s*nhap khau\b", re.IGNORECASE)


def one_way_trade(folded: str) -> str:
    """A folded text with its two-way trade made one token, so that "nhập khẩu" is not found in it."""
    return TWO_WAY_TRADE.sub("xuat-nhap-khau", folded)


MONEY_WORDS = ("kinh phí", "ngân sách", "tiền", "vốn", "đồng", "tỷ", "tỉ", "triệu", "doanh thu", "doanh số",
               "lợi nhuận", "chi phí", "giá trị", "kim ngạch", "thu nhập", "lương", "usd", "đầu tư", "nợ", "thuế",
               "cổ tức", "tài trợ", "hỗ trợ", "tài sản", "giá", "lãi", "lỗ", "giải ngân", "tổng mức bán lẻ")

# Words that, typed without marks, read as a money word ("lượng" as "lương", "động" as "đồng", "nổ" as
# "nợ", "lại" as "lãi", "gia" as "giá"), so a question on "san luong dien" or "lao dong" asked money.
# Folded; blanked before money words are looked for in a question without marks.
NOT_MONEY_FOLDED = re.compile(r"(?<!\w)(?:(?:san|nang|chat|khoi|so|trong|dung|ham|luu|do|can|dinh|tang|ton|bo) luong|"
                              r"(?:lao|hoat|cong|hop|van|tac|bien|chu|lay|huy|khoi|vi|luu|di|tu|xuc) dong|"
                              r"(?:tham|quoc|chuyen|gia|danh|tang|tac|ca|dan|an|dai|cong|hoi) gia|(?<!tri )gia (?:dinh|tang|han|nhap|su)|"
                              r"(?:con|tro|lan|qua|cham|vu|tham) lai(?! vay| suat)|lai (?:day|den|tao)|"
                              r"(?:kip|bung|vu|chat|thuoc|cho) no|no (?:ra|mao)|lo (?:hoi|nung|gach|say|dot|vi song))(?!\w)")

# -- measures: what a figure is a figure of (most specific first) -------------
# Fines, in every market-surveillance report ("thu phạt gần 250 triệu đồng, trị giá hàng hóa vi phạm
# …"): money only ("xử phạt 45 vụ" counts cases, of no measure); never a bare "phạt", which typed
# without marks is "phát" (phát hiện, phát triển)
FINE_MEASURES = ("tiền phạt", "thu phạt", "xử phạt", "phạt tiền")
FINE_MEASURES_FOLDED = folded(FINE_MEASURES)
MEASURES = (
    "kế hoạch kinh phí", "tổng kinh phí", "kinh phí", "ngân sách", "nguồn vốn", "tổng mức đầu tư", "vốn đầu tư",
    "vốn điều lệ",
    "tổng vốn", "vốn", "doanh thu thuần", "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
    "tổng mức bán lẻ hàng hóa", "tổng mức bán lẻ", "doanh thu bán lẻ", "doanh thu", "lợi nhuận sau thuế", "lợi nhuận trước thuế",
    "lợi nhuận", "lãi", "lỗ", "kim ngạch xuất nhập khẩu", "kim ngạch xuất, nhập khẩu", "kim ngạch xuất khẩu",
    "kim ngạch nhập khẩu", "kim ngạch", "giá trị xuất khẩu", "giá trị nhập khẩu", "xuất nhập khẩu", "xuất, nhập khẩu", "xuất khẩu",
    "nhập khẩu", "giá trị sản xuất công nghiệp", "giá trị sản xuất", "chỉ số sản xuất toàn ngành công nghiệp",
    "chỉ số sản xuất ngành công nghiệp", "chỉ số sản xuất công nghiệp", "chỉ số sản xuất",
    # the other indices of a statistics office's monthly report, none of them the IIP
    "chỉ số tiêu thụ", "chỉ số tồn kho", "chỉ số sử dụng lao động", "giá trị",
    "trị giá",                  # "thu giữ một số hàng hóa trị giá gần 2 triệu đồng": valued at
    "điện thương phẩm", "điện sản xuất", "điện tiêu thụ", "điện lượng", "sản lượng", "tổng tài sản", "tài sản", "nợ", "giá",
    "thu nhập", "lương", "tăng trưởng", "tỷ lệ", "diện tích", "dân số", "công suất", "học phí",
    "điểm chuẩn", "chỉ tiêu", "số lượng", "tổng số", "thuế", "cổ tức", "vốn hóa", "tiền",
    "GDP", "CPI", "FDI", "IIP", "lạm phát", "dư nợ tín dụng", "dư nợ", "nợ xấu", "tín dụng", "huy động vốn",
    "tăng trưởng tín dụng", "vốn chủ sở hữu", "giải ngân", "lượng khách", "số vụ", "chi phí",
    "thặng dư thương mại", "cán cân thương mại", "xuất siêu", "nhập siêu", "quy mô nền kinh tế", "quy mô kinh tế",
    *FINE_MEASURES,
)
# Measures that say little of what is measured ("giá", "tỷ lệ", "sản lượng" of what?): a list's
# items share them ("Chỉ số giá …: thịt lợn tăng 5,1%; …"), and naming one names no specific thing
GENERIC_MEASURES = ("tỷ lệ", "giá trị", "trị giá", "tăng trưởng", "số lượng", "tổng số", "tiền", "giá", "chỉ tiêu", "vốn",
                    "tài sản", "nợ", "kim ngạch", "lãi", "thuế", "sản lượng")
# Measures that are themselves a product: a ';' list's next item that names another product
# ("…; xi măng đạt 736.000 tấn" after "sản lượng điện thương phẩm đạt …") is not measured by them,
# while "học phí" or "xuất khẩu" carry on to each item of their list
PRODUCT_MEASURES = ("điện thương phẩm", "điện sản xuất")
# Kinds of trade written as acronyms: terms, not the names of anyone whose figures they are
TRADE_TERMS = ("B2C", "B2B", "B2G", "C2C", "O2O")
# Goods counted by weight or volume, never one by one: "xuất khẩu bao nhiêu gạo?" asks tonnes
# (read on the marks: folded, "san" of "sản phẩm" would be "sắn"), and the units that measure them
BULK_GOODS_ASKED = re.compile(r"(?<!\w)(?:bao nhiêu|mấy)\s+((?:gạo|lúa|cà phê|hạt điều|hồ tiêu|hạt tiêu|cao su|chè|sắn|"
                              r"thép|xi măng|phân bón|than đá|dầu thô|xăng dầu|xăng|quặng|thủy sản|cá tra|tôm|"
                              r"đường|muối)(?!\w)(?:\s+[^\W\d_]+){0,2}?)(?=\s+(?:sang|của|năm|trong|từ|ở|tại)\b|\s*[?,.]|$)",
                              re.IGNORECASE)
BULK_UNITS = {"tấn", "kg", "tạ", "lít", "m³", "thùng"}
# Energy asked as a good: "tiết kiệm được bao nhiêu điện?", "bao nhiêu điện năng" ask kWh, not a count of
# "điện" (not "điện thoại", "điện thương phẩm", … which are things or measures of their own)
ENERGY_ASKED = re.compile(r"(?<!\w)(?:bao nhiêu|mấy)\s+(?:điện năng|điện)(?!\s*(?:thương phẩm|sản xuất|lực|thoại|máy|tử|"
                          r"mặt trời|gió|áp|lưới|kế|trở|tích|hạt nhân|than|khí))(?=\s|[?,.]|$)", re.IGNORECASE)
ENERGY_UNITS = {"kWh", "MWh", "GWh"}
# Sectors of an economy a forecast or a report gives its own figures for ("ADB dự báo công
# nghiệp tăng …"): no measure, but the slot a follow-up's new measure or sector takes.
SECTORS = (
    "công nghiệp chế biến, chế tạo", "công nghiệp chế biến chế tạo", "công nghiệp", "nông nghiệp",
    "nông, lâm nghiệp và thủy sản", "thủy sản", "lâm nghiệp", "dịch vụ", "xây dựng", "thương mại",
    "du lịch", "bán lẻ", "khai khoáng", "vận tải", "ngân hàng", "bất động sản", "năng lượng",
    # the branches a provincial report splits industry into (the statistics office's four)
    "chế biến, chế tạo", "chế biến chế tạo", "sản xuất và phân phối điện", "sản xuất, phân phối điện",
    "sản xuất và phân phối điện, khí đốt", "công nghiệp khai khoáng", "công nghiệp sản xuất và phân phối điện",
    "công nghiệp sản xuất và phân phối điện, khí đốt",       # … written with their "công nghiệp"
    "cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải", "cung cấp nước, xử lý rác thải, nước thải",
    "cung cấp nước",
)
# Levels of schooling a report counts learners or graduates by ("cao đẳng 1.138 người, trung
# cấp 2.672 người"): "Còn trung cấp?" after a question on "cao đẳng" asks the same of that level.
EDUCATION_LEVELS = (
    "tiến sĩ", "thạc sĩ", "đại học", "cao đẳng", "trung cấp", "sơ cấp", "trung học phổ thông",
    "trung học cơ sở", "tiểu học", "mầm non",
)
# A figure said of a whole territory, not of one province in it (folded): "kinh phí toàn vùng
# đã thực hiện đạt 19,9 tỷ đồng", "của 15 tỉnh, thành phố", "cả nước".
WHOLE_TERRITORY = re.compile(r"\b(toan vung|ca vung|toan khu vuc|ca khu vuc|toan mien|ca nuoc|toan quoc|"
                             r"cac tinh|cac dia phuong|\d+ tinh|\d+ dia phuong)\b")

# The scope a report gives a figure for (folded): the country, a region of provinces, one
# province. "Tổng kinh phí … của cả nước là 298.300,98 triệu đồng; …, khu vực là 60.058,60 triệu
# đồng": the nearest scope word before a figure says whose it is.
SCOPES = (("country", r"ca nuoc|toan quoc"),
          ("region", r"khu vuc|toan vung|ca vung|toan mien"),
          ("province", r"toan tinh|tren dia ban tinh|ca tinh"))
def _named_alternatives(pairs) -> re.Pattern:
    """One regex of (name, alternatives) pairs, each match's `lastgroup` the pair's name."""
    return re.compile("|".join(rf"(?P<{name}>\b(?:{words})\b)" for name, words in pairs))


_SCOPE_RE = _named_alternatives(SCOPES)


def scopes_named(folded: str) -> list[tuple[int, str]]:
    """(position, scope) of each scope word in folded text, in order; a level ("bình chọn cấp
    khu vực", LEVELS) is not a scope: "cả nước có 889 sản phẩm … cấp khu vực" is the country's."""
    return [(m.start(), m.lastgroup) for m in _SCOPE_RE.finditer(folded)
            if not folded[max(0, m.start() - 4):m.start()].endswith("cap ")]


# Levels a selection or an award is held at ("sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh"):
# a count of the national level is not the province level's. Folded.
LEVELS = (("commune", r"cap xa|cap co so"), ("district", r"cap huyen"), ("province", r"cap tinh"),
          ("region", r"cap khu vuc|cap vung"), ("country", r"cap quoc gia|cap trung uong|cap toan quoc"))
_LEVEL_RE = _named_alternatives(LEVELS)


def levels_named(folded: str) -> set[str]:
    """The levels (cấp tỉnh, cấp quốc gia …) folded text names."""
    return {m.lastgroup for m in _LEVEL_RE.finditer(folded)}


# Where money comes from, as khuyến công and budget reports split it ("nguồn kinh phí khuyến công
# quốc gia 1,5 tỷ đồng, nguồn kinh phí từ ngân sách tỉnh hơn 18,3 tỷ đồng, vốn đối ứng …"). Folded.
FUNDING_SOURCES = (("national", r"khuyen cong quoc gia|kcqg|ngan sach trung uong|nguon trung uong"),
                   ("local", r"khuyen cong dia phuong|kcdp|ngan sach tinh|ngan sach dia phuong|nguon dia phuong"),
                   ("counterpart", r"doi ung|xa hoi hoa|doanh nghiep dong gop|von (?:cua )?doanh nghiep|"
                                   r"nguon (?:von |kinh phi )?(?:cua )?doanh nghiep"))
# a space a record lost ("khuyến côngđịa phương", "từnguồn") does not hide the source
_FUNDING_RE = _named_alternatives(tuple((name, pattern.replace(" ", r"\s*")) for name, pattern in FUNDING_SOURCES))


def funding_named(folded: str) -> set[str]:
    """The sources of money (national, local, counterpart) folded text names."""
    return {m.lastgroup for m in _FUNDING_RE.finditer(folded)}


# Parts of the country a report gives its own figures for ("giá đất công nghiệp tại phía Bắc").
REGIONS = (
    "miền Bắc", "miền Trung", "miền Nam", "phía Bắc", "phía Nam", "Bắc Bộ", "Trung Bộ", "Nam Bộ",
    "Bắc Trung Bộ", "Nam Trung Bộ", "Duyên hải Nam Trung Bộ", "Đông Nam Bộ", "Tây Nam Bộ", "Tây Bắc",
    "Đông Bắc", "Đồng bằng sông Hồng", "Đồng bằng sông Cửu Long", "Tây Nguyên",
)
_REGION_WORDS = Words(REGIONS)
_REGION_SIDES = {"bac": "Bắc", "nam": "Nam", "trung": "Trung", "hong": "Bắc", "cuu long": "Nam"}
# each region (folded, as the folded match returns it) → the sides it lies on, worked out once
_SIDES_OF = {fold(r): frozenset(side for word, side in _REGION_SIDES.items()
                                if re.search(rf"(?<!\w){word}(?!\w)", fold(r))) for r in REGIONS}


def region_spans(text: str) -> list[tuple[int, int]]:
    """Where a text names a region ("Tây Nguyên", "Đồng bằng sông Cửu Long"): no one's name."""
    return [m.span() for m in _REGION_WORDS.folded.finditer(fold(text))]


def region_sides(text: str) -> set[str]:
    """The sides of the country ("Bắc", "Trung", "Nam") the regions a text names lie on:
    "phía Bắc", "miền Bắc" and "Đồng bằng sông Hồng" are all the north."""
    return set().union(*(_SIDES_OF[name] for name in _REGION_WORDS.findall(text, accented=False)))


# Classes whose members stand in for each other in a follow-up ("Còn dịch vụ?", "Còn phía Nam?",
# "Cấp khu vực thì sao?" after "… cấp tỉnh", "Còn khuyến công quốc gia?" after "… khuyến công
# địa phương"): the levels and the sources of money are their folded alternatives above.
# The sector's programmes a plan or a report splits its money and results by ("Kế hoạch Khuyến
# công địa phương và Xúc tiến thương mại năm 2024 …: khuyến công gần 2,1 tỷ đồng, xúc tiến
# thương mại hơn 3,4 tỷ đồng")
PROGRAMMES = ("khuyến công", "xúc tiến thương mại", "khuyến nông", "thương mại điện tử", "công nghiệp hỗ trợ",
              "tiết kiệm năng lượng")
# the sides a count or a sum is split by where its members come from ("10 doanh nghiệp trong tỉnh và 1
# doanh nghiệp ngoài tỉnh"): "Còn doanh nghiệp ngoài tỉnh?" names the other side
ORIGIN_SIDES = ("trong tỉnh", "nội tỉnh", "ngoài tỉnh", "tỉnh bạn", "trong nước", "ngoài nước", "nước ngoài")
SIBLINGS = (SECTORS, EDUCATION_LEVELS, REGIONS, PROGRAMMES, ORIGIN_SIDES,
            tuple(w for _, words in LEVELS for w in words.split("|")),
            tuple(w for _, words in FUNDING_SOURCES for w in words.split("|")))
# Nouns that head one of several groups a report lists ("khối công nghiệp Trung ương", "nhóm
# phụ tùng, cơ khí"): "Còn khối công nghiệp địa phương?" names another group of the same kind.
GROUP_NOUNS = ("khối", "nhóm", "lĩnh vực", "thành phần", "mặt hàng", "đối tượng", "gói thầu", "phân ngành",
               "khu vực kinh tế")         # "khu vực kinh tế nhà nước bán lẻ chiếm 5,3%"
# matched as written where a text has marks: folded, "nhóm" is "nhôm", "khối" is "khởi" (công)
_GROUP_NOUN_WRITTEN = re.compile(r"(?<!\w)(?:" + "|".join(GROUP_NOUNS) + r")(?=\s)")
_GROUP_NOUN_FOLDED = re.compile(r"(?<!\w)(?:" + "|".join(fold(n) for n in GROUP_NOUNS) + r")(?=\s)")
# where a group's own words end: its predicate, owner, period or a function word (folded)
_GROUP_WORDS_END = frozenset("co la dat tang giam chiem bao may nao gi cua nam quy thang va voi trong so uoc duoc "
                             "thi tai o nhu gom den".split())


# kinds of ownership a sector of the economy is named by (folded): each is its own group, none a part of
# another ("nhà nước" is not "ngoài nhà nước")
OWNERSHIPS = ("co von dau tu nuoc ngoai", "ngoai nha nuoc", "nha nuoc", "trong nuoc", "ngoai quoc doanh", "quoc doanh",
              "tu nhan", "ca the", "tap the")
_OWNERSHIP = re.compile(r"\s+(" + "|".join(OWNERSHIPS) + r")(?!\w)")


def group_phrases(text: str) -> list[tuple[int, int, list[str]]]:
    """The groups a text names, each as (where its group noun starts, where it ends, up to eight
    of its own words, folded): "thành phần công nghiệp xây dựng chiếm" → ["cong", "nghiep",
    "xay", "dung"]. Not a count of groups ("4 nhóm đề án: …") nor a label ("loại II", "nhóm A")."""
    folded = fold(text).lower()
    marked = not mostly_plain(text)
    out = []
    for m in (_GROUP_NOUN_WRITTEN if marked else _GROUP_NOUN_FOLDED).finditer(text.lower() if marked else folded):
        if re.search(r"(?<![\d.,])\d{1,3}\s+$", folded[max(0, m.start() - 6):m.start()]):
            continue                      # (a count of groups; a year before it is not: "Năm 2017 nhóm …")
        owned = _OWNERSHIP.match(folded, m.end())
        if owned:
            # "khu vực kinh tế có vốn đầu tư nước ngoài", "… trong nước": an ownership said whole,
            # though "có" and "trong" end other groups' words
            out.append((m.start(), m.end(), owned.group(1).split()))
            continue
        words = []
        for w in folded[m.end():].split()[:8]:
            bare = w.strip(",.;:()?\"“”")
            if not bare or bare in _GROUP_WORDS_END or bare[0].isdigit():
                break
            words.append(bare)
            if bare != w:
                break                     # a comma or a bracket ends the group's words
        if words and not (len(words) == 1 and re.fullmatch(r"[a-z]|[ivx]+|\d+", words[0])):
            out.append((m.start(), m.end(), words))
    return out
# Countries and economies as Vietnamese news names them, matched case-sensitively ("Mỹ" is not
# "mỹ phẩm"); "Anh" and "Ý" are left out: a capitalised "Anh" opens many sentences as a pronoun.
COUNTRIES = (
    "Việt Nam", "Trung Quốc", "Ấn Độ", "Mỹ", "Hoa Kỳ", "Nhật Bản", "Hàn Quốc", "Triều Tiên", "Đài Loan",
    "Hồng Kông", "Thái Lan", "Singapore", "Malaysia", "Indonesia", "Philippines", "Lào", "Campuchia",
    "Myanmar", "Nga", "Đức", "Pháp", "Vương quốc Anh", "Italy", "Tây Ban Nha", "Bồ Đào Nha", "Hà Lan", "Bỉ",
    "Thụy Sĩ", "Thụy Điển", "Na Uy", "Đan Mạch", "Phần Lan", "Ba Lan", "Hungary", "Séc", "Ukraine",
    "Thổ Nhĩ Kỳ", "Úc", "Australia", "New Zealand", "Canada", "Mexico", "Brazil", "Argentina", "Chile",
    "Ai Cập", "Nam Phi", "Nigeria", "Israel", "Iran", "Iraq", "Ả Rập Xê Út", "Saudi Arabia", "UAE",
    "Qatar", "Kuwait", "Pakistan", "Bangladesh", "Sri Lanka", "Mông Cổ", "Kazakhstan",
    # suppliers and buyers of the farm goods Vietnamese trade news names (cashew, coffee, rice, pepper)
    "Bờ Biển Ngà", "Côte d'Ivoire", "Ghana", "Tanzania", "Mozambique", "Kenya", "Cameroon", "Benin",
    "Guinea-Bissau", "Ecuador", "Peru", "Colombia", "Brunei", "Đông Timor", "Nepal", "Hy Lạp", "Ireland",
    "Romania", "Bulgaria", "Slovakia", "Cuba", "Venezuela", "Algeria", "Ma-rốc", "Morocco", "Oman", "Jordan",
    "Uzbekistan", "Belarus",
)
# Markets larger than a country, a slot as a country is ("xuất khẩu sang thị trường châu Âu" is not
# answered by "Châu Mỹ … 144,5 triệu USD"); "châu" is written in either case
CONTINENTS = ("châu Âu", "châu Á", "châu Mỹ", "châu Phi", "châu Đại Dương", "Bắc Mỹ", "Mỹ Latinh", "EU", "ASEAN")
COUNTRIES += CONTINENTS + tuple(c[0].upper() + c[1:] for c in CONTINENTS if c.startswith("châu"))
COUNTRY = re.compile(r"(?<!\w)(" + "|".join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True))
                     + r")(?!\w)")
# Two names of one country: a figure of "Hoa Kỳ" answers a question about "Mỹ".
SAME_COUNTRY = {"Hoa Kỳ": "Mỹ", "Australia": "Úc", "Saudi Arabia": "Ả Rập Xê Út", "EU": "châu Âu",
                "Côte d'Ivoire": "Bờ Biển Ngà", "Morocco": "Ma-rốc",
                **{c[0].upper() + c[1:]: c for c in CONTINENTS if c.startswith("châu")}}
# Capitals that news writes for their governments ("Bắc Kinh đã cho phép … nhập khẩu 150 tấn
# vàng" is China's import): a clause naming one names its country. Capitals that mostly name
# a market or a meeting place ("sàn London", "Hiệp định Paris") are left out.
CAPITALS = {"Bắc Kinh": "Trung Quốc", "Washington": "Mỹ", "Nhà Trắng": "Mỹ", "Tokyo": "Nhật Bản",
            "Seoul": "Hàn Quốc", "Bình Nhưỡng": "Triều Tiên", "Moskva": "Nga", "Moscow": "Nga", "Điện Kremlin": "Nga",
            "New Delhi": "Ấn Độ", "Canberra": "Úc", "Ottawa": "Canada", "Đài Bắc": "Đài Loan",
            "Viêng Chăn": "Lào", "Phnom Penh": "Campuchia", "Kuala Lumpur": "Malaysia", "Jakarta": "Indonesia",
            "Manila": "Philippines", "Tehran": "Iran", "Riyadh": "Ả Rập Xê Út"}
_COUNTRY_OR_CAPITAL = re.compile(r"(?<!\w)(" + "|".join(re.escape(c) for c in sorted(
    (*COUNTRIES, *CAPITALS), key=len, reverse=True)) + r")(?!\w)")


def countries_named(text: str) -> set[str]:
    """The countries a text speaks of, one name each: by their names, their other names and
    their capitals ("Hoa Kỳ", "Washington" → "Mỹ")."""
    out = set()
    for m in _COUNTRY_OR_CAPITAL.finditer(text or ""):
        name = CAPITALS.get(m.group(1), m.group(1))
        out.add(SAME_COUNTRY.get(name, name))
    return out


# Typed without marks: a name of two syllables or more when capitalised ("Viet Nam", "An Do": no
# other capitalised pair folds to them), a one-word loan name in any case ("malaysia"); a
# Vietnamese one-syllable name ("Nga", "Lào", "Mỹ") only as the records write it.
_COUNTRY_FOLDED = {fold(c): c for c in COUNTRIES}
COUNTRIES_FOLDED = frozenset(f.lower() for f in _COUNTRY_FOLDED)     # as folded names are compared
_LOAN_NAMES = {fold(c) for c in COUNTRIES if " " not in c and fold(c) == c.lower() and len(c) >= 4}
_COUNTRY_FOLDED_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(c) for c in sorted(_COUNTRY_FOLDED, key=len, reverse=True))
                                + r")(?!\w)")


def country_spans(text: str) -> list[tuple[int, int, str]]:
    """Countries a text names, as (start, end, the name as records write it), also typed
    without marks (see above)."""
    found = {(m.start(), m.end()): m.group(1) for m in COUNTRY.finditer(text or "")}
    for m in _COUNTRY_FOLDED_RE.finditer(fold(text or "")):
        key = m.group(1)
        written = text[m.start():m.end()]
        if has_diacritics(written) and written.lower() != _COUNTRY_FOLDED[key].lower():
            continue                       # written with other marks: "Thanh Hóa ký" is no "Hoa Kỳ"
        if (m.start(), m.end()) not in found and (key in _LOAN_NAMES or (" " in key and text[m.start()].isupper())
                                                 or key.startswith("chau ")):
            found[(m.start(), m.end())] = _COUNTRY_FOLDED[key]
    return sorted((s, e, name) for (s, e), name in found.items() if not _heads_a_place_name(text, s, e))


_NEXT_WORD = re.compile(r" ([^\W\d_]+)")


def _heads_a_place_name(text: str, start: int, end: int) -> bool:
    """"Lào Cai", "Mỹ Tho", "Nga Sơn", "Đức Phổ": a one-syllable country name followed by a
    capitalised Vietnamese syllable opens a place's name (not "Mỹ Donald Trump")."""
    if " " in text[start:end]:
        return False
    m = _NEXT_WORD.match(text, end)
    return bool(m and m.group(1)[:1].isupper() and is_syllable(m.group(1)))


# Documents that carry a number ("Nghị định số 45/2012/NĐ-CP"), as records write them.
DOCUMENT_TYPES = ("Nghị định", "Quyết định", "Nghị quyết", "Thông tư", "Luật", "Chỉ thị", "Tờ trình", "Đề án",
                  "Công văn")
# the kind of record a number's letters name, folded: "2646/QĐ-BCT" is a quyết định,
# "28/2018/TT-BTC" a thông tư, "682/TTr-SCT" a tờ trình
_NUMBER_LETTERS = re.compile(r"/\s*([^\W\d_]+)\s*-")
_KIND_OF_LETTERS = {"qd": "quyet dinh", "nq": "nghi quyet", "nd": "nghi dinh", "tt": "thong tu", "ct": "chi thi",
                    "ttr": "to trinh", "da": "de an", "cv": "cong van", "kh": "ke hoach", "kl": "ket luan",
                    "ctr": "chuong trinh hanh dong"}
# the kinds of record a number's letters may name, folded
NUMBERED_KINDS = tuple(sorted(set(_KIND_OF_LETTERS.values()), key=len, reverse=True))


def number_kind(number: str) -> str | None:
    m = _NUMBER_LETTERS.search(number)
    return _KIND_OF_LETTERS.get(fold(m.group(1)).lower()) if m else None


# Records cited by a number only when it carries letters ("Kế hoạch số 451/KH-UBND", "Văn bản số
# 394/KL-SCT", "Kết luận số 27-KL/TW"; "Kế hoạch năm 2021" has none, and a bare "kết luận" is a word)
NUMBERED_WITH_LETTERS = ("Chương trình hành động", "Kế hoạch", "Kết luận", "Văn bản")
# Kinds of record a question may name: "Ai ký nghị quyết …?", "kế hoạch … ban hành ngày nào?"
RECORD_NOUNS = DOCUMENT_TYPES + ("Văn bản", "Báo cáo", "Thông báo", "Kế hoạch", "Giấy phép")
# a record the text names by its number: "Nghị quyết 38/2020/NQ-HĐND", "Quyết định số 407/QĐ-UBND"
RECORD_NAMED = re.compile(r"(?:" + "|".join(DOCUMENT_TYPES + ("Kế hoạch",)) + r")(?:\s+số)?\s+\d+/[\w/.&-]*\w",
                          re.IGNORECASE)
# Administrative units, as the type word before a unit's name ("xã Tam Hải"): below the province, then all
LOCAL_UNITS = ("xã", "phường", "thị trấn", "đặc khu", "thị xã", "huyện", "quận")
ADMIN_UNITS = LOCAL_UNITS + ("tỉnh", "thành phố")
SETTLEMENTS = ("thôn", "ấp", "buôn", "làng", "xóm", "sóc")
# What a record may write between a unit's type noun and its name: "huyện biên giới Ngọc Hồi",
# "xã vùng cao Phình Giàng", "các huyện miền núi Kỳ Sơn, Tương Dương"
PLACE_DESCRIPTORS = ("biên giới", "miền núi", "vùng cao", "vùng sâu", "vùng xa", "ven biển", "đảo", "nghèo",
                     "đặc biệt khó khăn", "trung du", "đồng bằng")
# ... and between a zone's kind and its name: "Khu công nghiệp công nghệ cao Long Thành"
ZONE_DESCRIPTORS = ("công nghệ cao", "sinh thái", "chuyên ngành", "chuyên sâu", "hỗ trợ", "tập trung", "đa ngành",
                    "dịch vụ", "đô thị", "làng nghề")
# where industry is sited; a park's name includes its type ("Khu công nghiệp Bình Vàng", "CCN Tân Mỹ")
# Kinds of place a name follows ("Cửa khẩu quốc gia Mỹ Quý Tây", "Khu công nghiệp Tịnh Phong"):
# capitalised at a name's head, they are its kind, not its name
FACILITY_TYPES = ("cửa khẩu", "khu công nghiệp", "cụm công nghiệp", "khu kinh tế", "khu chế xuất", "trung tâm thương mại",
                  "làng nghề", "siêu thị", "khu du lịch")
INDUSTRIAL_ZONES = ("khu công nghiệp", "cụm công nghiệp", "khu kinh tế", "khu chế xuất", "khu công nghệ cao",
                    "KCN", "CCN", "KKT")
# Abbreviations that records and questions use for the same bodies and terms, each with its
# full form first: "Bộ trưởng GTVT" answers "Bộ trưởng Giao thông vận tải".
ABBREVIATIONS = (
    ("ủy ban nhân dân", "UBND"), ("hội đồng nhân dân", "HĐND"), ("hội đồng quản trị", "HĐQT"),
    ("hội đồng thành viên", "HĐTV"), ("tổng giám đốc", "TGĐ"), ("giao thông vận tải", "GTVT"),
    ("kế hoạch và đầu tư", "KH&ĐT", "KHĐT"), ("nông nghiệp và phát triển nông thôn", "NN&PTNT", "NNPTNT"),
    ("tài nguyên và môi trường", "TN&MT", "TNMT"), ("giáo dục và đào tạo", "GD&ĐT", "GDĐT"),
    ("lao động - thương binh và xã hội", "LĐ-TB&XH", "LĐTBXH"), ("khoa học và công nghệ", "KH&CN", "KHCN"),
    ("thông tin và truyền thông", "TT&TT", "TTTT"), ("văn hóa, thể thao và du lịch", "VH-TT&DL", "VHTTDL"),
    ("ngân hàng nhà nước", "NHNN"), ("doanh nghiệp nhỏ và vừa", "DNNVV"), ("khu công nghiệp", "KCN"),
    ("cụm công nghiệp", "CCN"),
    ("bảo hiểm xã hội", "BHXH"), ("xuất nhập khẩu", "XNK"), ("trung học phổ thông", "THPT"),
    ("đại học", "ĐH"), ("trung tâm khuyến công", "TTKC"),
    ("đồng bằng sông Cửu Long", "ĐBSCL"), ("đồng bằng sông Hồng", "ĐBSH"),
    ("quản lý thị trường", "QLTT"), ("hợp tác xã", "HTX"),
)
# Report shorthand for what is measured or planned, not for a body: "bằng 67,7% KH năm",
# "GTSXCN ước đạt …" — never the subject of a figure
_TERM_SHORTHAND = (("kế hoạch", "KH"), ("giá trị sản xuất công nghiệp", "GTSXCN", "GTSX"),
                   ("khuyến công quốc gia", "KCQG"), ("khuyến công địa phương", "KCĐP"),
                   ("công nghiệp nông thôn", "CNNT"), ("tiểu thủ công nghiệp", "TTCN"),
                   ("chỉ số sản xuất công nghiệp", "IIP"), ("thương mại điện tử", "TMĐT"),
                   ("xúc tiến thương mại", "XTTM"), ("mỗi xã một sản phẩm", "OCOP"), ("giáo dục nghề nghiệp", "GDNN"), ("sản xuất kinh doanh", "SXKD"), ("công nghiệp hỗ trợ", "CNHT"),
                   # "giá trị sản xuất CN trên địa bàn tỉnh": "CN" had been the figure's subject
                   ("sản xuất công nghiệp", "SXCN"), ("công nghiệp", "CN"), ("doanh nghiệp", "DN"),
                   # "46 dự án đầu tư trực tiếp nước ngoài" are the "dự án FDI" a question names
                   ("đầu tư trực tiếp nước ngoài", "FDI"), ("đầu tư trong nước", "DDI"))
ABBREVIATIONS += _TERM_SHORTHAND + (("tổng sản phẩm trên địa bàn", "GRDP"),)
TERM_ABBREVIATIONS = tuple(short for _, *shorts in _TERM_SHORTHAND for short in shorts)
# acronyms that name what is measured, never whose it is ("GRDP của Đồng Nai ước đạt …")
MEASURE_ACRONYMS = TERM_ABBREVIATIONS + ("GRDP", "GDP", "CPI", "FDI", "ODA", "PCI", "XNK")
# acronyms of a flow of trade ("làm thủ tục XNK qua Móng Cái"): what passes, never whose it is; unlike
# "GRDP", which a question names as the record's subject it must say
TRADE_ACRONYMS = ("XNK",)
MEASURE_ACRONYMS_FOLDED = frozenset(fold(a).lower() for a in MEASURE_ACRONYMS)     # as question names hold them
# Phrases that reports use for the same thing: a question using one is covered by a sentence
# using another ("giải ngân được bao nhiêu" ← "kinh phí đã thực hiện đạt …"; "tỉnh nào đăng cai"
# ← "tổ chức tại"). Only for coverage: the figure's own words still decide the measure.
EQUIVALENT_PHRASES = (("giải ngân", "thực hiện"), ("đăng cai", "tổ chức"), ("kinh phí", "ngân sách"), ("giá trị", "trị giá"),
                      ("bố trí", "phân bổ"), ("giá trị xuất khẩu", "kim ngạch xuất khẩu"),
                      ("giá trị nhập khẩu", "kim ngạch nhập khẩu"),
                      ("chỉ số sản xuất toàn ngành công nghiệp", "chỉ số sản xuất ngành công nghiệp",
                       "chỉ số sản xuất công nghiệp", "IIP"),
                      FINE_MEASURES) + ABBREVIATIONS
# Measures that exclude each other: a question about one is not answered by a figure of the other.
OPPOSED_MEASURES = (("xuất khẩu", "nhập khẩu"), ("trước thuế", "sau thuế"), ("doanh thu", "lợi nhuận"),
                    ("tăng", "giảm"), ("hồ sơ", "sản phẩm"), ("tập thể", "cá nhân"),
                    ("điện thương phẩm", "điện sản xuất"),     # sold to customers / generated
                    ("giá so sánh", "giá hiện hành"),          # at constant prices / at current prices
                    ("hợp nhất", "riêng lẻ"))                  # a group's consolidated figures / the parent's own
# Whose money, goods or firms: the country's own or foreign ("vốn đầu tư trong nước" is not "2,609
# tỷ USD vốn đầu tư trực tiếp nước ngoài (FDI)"). Folded; "trong và ngoài nước" says both.
DOMESTIC = re.compile(r"\b(trong nuoc|noi dia|ddi|trong va ngoai nuoc)\b")
FOREIGN = re.compile(r"\b(nuoc ngoai|fdi|trong va ngoai nuoc)\b")
# the same of a province: its own units and those of other provinces ("102 đơn vị trong và ngoài
# tỉnh …; trong đó có 91 đơn vị … trong tỉnh; các tỉnh bạn có 11 đơn vị") (folded)
IN_PROVINCE = re.compile(r"\b(trong tinh|noi tinh|trong va ngoai tinh)\b")
OTHER_PROVINCES = re.compile(r"\b(ngoai tinh|tinh ban|tinh ngoai|tinh thanh khac|tinh khac|trong va ngoai tinh)\b")
# both sides at once: a whole, which does not answer a question about one side
BOTH_ORIGINS = re.compile(r"\btrong va ngoai (?:nuoc|tinh)\b")


def origin_named(folded: str) -> str | None:
    """"domestic" or "foreign" when a (folded) text says one and not the other, else None;
    likewise "in_province" or "other_provinces"."""
    domestic, foreign = bool(DOMESTIC.search(folded)), bool(FOREIGN.search(folded))
    if domestic != foreign:
        return "domestic" if domestic else "foreign"
    inside, outside = bool(IN_PROVINCE.search(folded)), bool(OTHER_PROVINCES.search(folded))
    if inside != outside:
        return "in_province" if inside else "other_provinces"
    return None


ORIGINS = {"domestic": (DOMESTIC, FOREIGN), "foreign": (FOREIGN, DOMESTIC),
           "in_province": (IN_PROVINCE, OTHER_PROVINCES), "other_provinces": (OTHER_PROVINCES, IN_PROVINCE)}


# "GRDP theo giá so sánh 2010", "(giá so sánh năm 2010)": the prices' base year, not a period (folded)
PRICE_BASE_BEFORE = re.compile(r"(?<!\w)gia so sanh(?:\s+nam)?\s*$")
# Units of power and energy, as reports write them (often against the number: "423MW")
POWER_UNITS = ("MW", "kW", "GW", "MWp", "kWp", "GWp", "MWh", "kWh", "GWh", "KW", "KWh", "Mwp", "Kwh")
# Measures whose figures only come in certain units.
MEASURE_UNITS = (
    (r"\b(dien tich)\b", {"ha", "km2", "km²", "m2", "m²", "hecta", "héc-ta", "sào", "mẫu"}),
    (r"\b(dan so|so dan|nhan khau)\b", {"người", "nhân khẩu", "dân", "hộ"}),
    (r"\b(san luong)\b", {"tấn", "tạ", "kg", "triệu tấn", "thùng", "m3", "m³", "kWh", "MWh", "GWh", "lít", "con",
                           "chiếc", "sản phẩm"}),
    (r"\b(cong suat)\b", {"MW", "kW", "GW", "MWp", "kWp", "GWp", "MWh", "kWh", "tấn", "m³"}),
    (r"\b(dien luong)\b", {"kWh", "MWh", "GWh"}),          # a plant's energy a year: "815 triệu Kwh"
    (r"\b(rong bao nhieu|rong khoang|quy mo dien tich)\b", {"ha", "km2", "km²", "m2", "m²", "hecta", "m"}),
    # not "sau bao nhiêu năm" (after how long) nor "trình độ cao (đẳng)" (a level of training)
    (r"\b(bao xa|khoang cach|chieu dai|dai bao nhieu|sau bao nhieu(?! (?:nam|thang|ngay|tuan|gio|phut|lan)\b)"
     r"|cao bao nhieu|do sau|(?<!trinh )do cao(?! dang\b))\b",
     {"km", "m", "cm", "mm", "dặm"}),
)
# Questions about a length of time: answered by a duration ("37 tháng", "hơn 10 năm"), and
# a duration answers nothing else; "bao nhiêu năm 2011", "bao nhiêu ngày 27/4" name a period,
# not a length; nor do "giấy chứng nhận", "giấy phép", "giấy tờ" count seconds. Folded.
_SECONDS = r"giay(?! (?:chung nhan|phep|to)\b)"
DURATION_ASKED = re.compile(r"\b(bao lau|bao nhieu (?:nam|thang|ngay|tuan|gio|phut|" + _SECONDS + r"|thoi gian)|"
                            r"may (?:nam|thang|ngay|tuan|gio|phut|" + _SECONDS + r"))\b(?!\s*\d)")
# Words after "bao nhiêu" that are not the counted noun ("bao nhiêu mỗi năm", "bao nhiêu trong
# năm 2020"): the count noun, if any, comes later or not at all. Folded.
NOT_COUNT_NOUN = re.compile(r"^(phan tram|lan thu|nam|thang|ngay|so|voi|trong|cua|la|thi|duoc|vao|tu|den|cho|khi|"
                            r"neu|boi|nham|theo|"
                            r"nua|roi|va|hay|hoac|o|tai|nhu|ma|moi|mot|hien|nay|sau|truoc|so voi|tren|duoi|"
                            r"kinh phi|ngan sach|von|doanh thu|doanh so|loi nhuan|chi phi|gia(?!\s+dinh)|kim ngach|thu nhap|"
                            r"luong|tai san|tong (?:kinh phi|ngan sach|von|doanh thu|doanh so|loi nhuan|chi phi|"
                            r"gia tri|kim ngach|thu nhap|tai san|muc dau tu|dau tu))\b")

# "bao nhiêu quý 1/2021": a quarter named right after "bao nhiêu" is the period (a follow-up's period
# is often put there), not what is counted; "bao nhiêu quý" alone still counts quarters. Folded.
PERIOD_AFTER_HOW_MUCH = re.compile(r"quy (?:[ivx]+|\d)(?![\w])")

# "bao nhiêu để …", "bao nhiêu vì …": a purpose or a cause follows, not a counted noun. Judged on
# the marks (folded, "để" is "đề án" and "vì" is "vị trí"); as typed, lower case.
NOT_COUNT_NOUN_MARKED = re.compile(r"^(để|vì)(?!\w)")

# General classifiers: "bán được bao nhiêu xe?" is answered by "hơn 3.800 chiếc" (folded)
CLASSIFIERS = ("chiec", "cai", "con")
# Units a good is counted in by the piece, the good named before its count ("trứng gia cầm khoảng
# 401 triệu quả"), as `BULK_UNITS` weigh it (folded)
PIECE_UNITS = ("qua", "con", "chiec", "cai", "bo", "hop", "thung", "bao", "goi", "chai", "lon", "cay", "tam")
# Nouns for people that records count in "người" ("tổng số lao động tham gia là 54.339 người") (folded)
PEOPLE_NOUNS = ("lao dong", "cong nhan", "dai bieu", "hoc vien", "nghe nhan", "can bo", "thanh vien",
                "nguoi lao dong", "khach", "du khach", "thi sinh", "hoc sinh", "sinh vien", "benh nhan")
# Units that count whatever the figure's own words name: "Sản lượng linh kiện điện tử ước đạt 580
# triệu sản phẩm" counts the components asked (folded)
GENERIC_COUNTERS = ("san pham",)


def count_unit_fits(noun: str, unit: str) -> bool:
    """Whether a figure counted in `unit` counts the (folded) noun asked: the same word, or
    a general classifier ("chiếc", "cái", "con") standing for any noun."""
    if not noun:
        return True
    if not unit:
        return False
    # "mấy cụm?" is counted by "3 CCN": an abbreviation counts what it stands for
    noun, unit = _WRITTEN_OUT.get(noun, noun), _WRITTEN_OUT.get(unit, unit)
    if noun.startswith(unit) or unit.startswith(noun) or unit in CLASSIFIERS:
        return True
    if unit == "nguoi" and any(noun == p or noun.startswith(p + " ") for p in PEOPLE_NOUNS):
        return True             # "bao nhiêu lao động …?" is counted by "54.339 người"
    # the same head ("người nộp đơn" is counted by "500 người dân") — unless the question names
    # another kind the records count of that head: "giải nhất" is not counted by "4 giải nhì"
    return unit.startswith(noun.split()[0]) and not any(
        noun.startswith(kind) and not kind.startswith(unit) for kind in _multiword_count_nouns())


_WRITTEN_OUT = {fold(short).lower(): fold(forms[0]).lower() for forms in ABBREVIATIONS for short in forms[1:]}
_SHORT_FORM = re.compile(r"(?<!\w)(" + "|".join(re.escape(short) for forms in ABBREVIATIONS for short in forms[1:])
                         + r")(?!\w)")
_FULL_FORM = {short: forms[0] for forms in ABBREVIATIONS for short in forms[1:]}


def written_out(text: str) -> str:
    """`text` with each abbreviation written out ("kinh phí KCQG" → "kinh phí khuyến công quốc gia")."""
    return _SHORT_FORM.sub(lambda m: _FULL_FORM[m.group(1)], text)


@functools.lru_cache(maxsize=1)
def _multiword_count_nouns() -> tuple[str, ...]:
    """The count nouns of several words, folded."""
    return tuple(k for k in counted_nouns_folded() if " " in k)


# -- relations: the verb that ties a figure to its measure ----------------------
RELATIONS = ("đạt", "tăng", "giảm", "cao hơn", "thấp hơn", "chiếm", "vượt", "thêm")
# the relations that state a change, not a level: "tăng 7,34%" answers "tăng bao nhiêu?", not "đạt bao nhiêu?"
# "có thêm 20.203 người", "bổ sung thêm 1,2 tỷ đồng": an increment, not the level reached
CHANGE_RELATIONS = ("tăng", "giảm", "cao hơn", "thấp hơn", "vượt", "thêm")
# a change asked without its direction ("thay đổi bao nhiêu so với năm 2018?"): any change answers,
# the level does not (it had been answered with the 2019 total)
CHANGE_UNDIRECTED = ("thay đổi", "biến động", "chênh lệch")
# Sums of money spent on or given to something: "Kinh phí bao nhiêu?" after a count of projects
# asks those projects' sum (a price, "giá mua", is per unit: not a sum of the things counted)
SUMS_OF_MONEY = ("kinh phí", "tổng kinh phí", "kế hoạch kinh phí", "ngân sách", "vốn", "tổng vốn", "nguồn vốn",
                 "vốn đầu tư", "chi phí", "tiền", "tổng mức đầu tư")
# … and other measures that add up over the things counted: "Công suất dự kiến bao nhiêu?" after
# "… bao nhiêu công trình thủy điện đang khảo sát …?" asks those works' capacity
ADDITIVE_MEASURES = SUMS_OF_MONEY + ("công suất", "tổng công suất", "công suất lắp máy", "diện tích",
                                     "tổng diện tích")
# what a share may be of when it is a plan's, not a change ("đạt 93,33% kế hoạch", "bằng 67,7% KH năm")
PLAN_BASES = ("kế hoạch", "chỉ tiêu", "mục tiêu", "dự toán", "KH")
# … and a sentence that says which way covers it ("thay đổi" asked, "tăng 7,34%" written); one
# pair each, so "tăng" asked is still not covered by "giảm"
EQUIVALENT_PHRASES += tuple((w, v) for w in CHANGE_UNDIRECTED for v in ("tăng", "giảm"))
NEGATIONS = ("không", "chưa", "chẳng")
# "… đã hoàn thành bao nhiêu dự án?" asks what is done; "dự kiến … sẽ có thêm 8 dự án" is planned
DONE_MARKERS = ("đã",)
PLANNED_MARKERS = ("sẽ", "dự kiến", "dự tính", "phấn đấu")
# "Kế hoạch năm đặt ra là bao nhiêu?", "mục tiêu lợi nhuận …?" ask the plan itself: a figure the
# record states as planned has one of these in its clause ("(kế hoạch năm 11,31%)", "tổng kế hoạch
# kinh phí … được duyệt … là 69,41 tỷ đồng"), the achieved one beside it does not
PLAN_NOUNS = ("kế hoạch", "mục tiêu", "chỉ tiêu")
PLAN_WORDS = PLAN_NOUNS + PLANNED_MARKERS + ("dự toán", "đề ra", "đặt ra", "được duyệt", "được giao", "KH")
# … named as a base or a goal reached, not as a plan stated: "đạt bao nhiêu phần trăm kế hoạch?",
# "bằng 105% kế hoạch năm", "tăng bao nhiêu so với kế hoạch?", "vượt chỉ tiêu", "hoàn thành kế hoạch"
PLAN_AS_BASE = re.compile(r"(?<!\w)(?:phần trăm|%|so với|vượt|hoàn thành|đạt|bằng)\s+(?:\S+\s+)?(?:" +
                          "|".join(PLAN_NOUNS + ("KH",)) + r")(?!\w)", re.IGNORECASE)
# … and the words after which "không"/"chưa" negate nothing: "không ngừng tăng", "không dưới 5%",
# "chưa kể", "không khí", "không chỉ … mà còn", "chưa từng có" (and "hàng không", written before)
NOT_NEGATING = ("khí", "gian", "chỉ", "ngừng", "ít", "những", "kể", "dưới", "quá", "đổi", "kém", "thua", "lâu",
                "ảnh", "từng", "đầy", "tính")
# "tổng …", "toàn vùng", "15 tỉnh": the question asks about a whole, not one part.
WHOLE_WORDS = ("tổng", "toàn vùng", "toàn khu vực", "cả nước", "toàn quốc", "toàn ngành")

# Nouns that open an organisation's name; what follows is written with only the first syllable
# of each word capitalised ("Ngân hàng Nhà nước", "Trung tâm Khuyến công", "Tổ chức Y tế Thế giới")
ORGANISATION_NOUNS = ("ngân hàng", "quỹ", "tổ chức", "bộ", "sở", "cục", "tổng cục", "chi cục", "viện", "học viện",
                      "trường", "đại học", "trung tâm", "công ty", "tổng công ty", "tập đoàn", "hiệp hội", "hội đồng",
                      "ủy ban", "uỷ ban", "văn phòng", "ban", "liên minh", "hội", "đoàn", "cơ quan", "phòng", "tòa án",
                      "nhà hát", "bảo tàng", "đài", "báo", "giáo hội", "liên đoàn", "điện lực", "bệnh viện")
# … the bodies a name may be on its own, or with its place only ("UBND tỉnh", "Chính phủ"), and
# more heads that open a body's name in official writing
WHOLE_BODIES = ("Ủy ban nhân dân", "Uỷ ban nhân dân", "Hội đồng nhân dân", "UBND", "HĐND", "Chính phủ", "Quốc hội",
                "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư", "Mặt trận Tổ quốc")
# Terms of the state that official writing capitalises with only their first syllable: no one's name
# ("ngân sách Nhà nước", "vốn Trung ương", "khu vực kinh tế Nhà nước")
STATE_TERMS = ("Nhà nước", "Chính phủ", "Trung ương", "Quốc hội", "Tổ quốc")
# The country's own, said of its goods, people or tongue ("hàng Việt", "người Việt"): no one's name, and
# no slot in records that are all Vietnamese ("doanh nghiệp Lào" is one). Folded: typed without marks too
OUR_NATION = re.compile(r"(?<!\w)(?:hang|nguoi|tieng|doanh nghiep|dn|thuong hieu)\s+viet$", re.IGNORECASE)
BODY_HEADS = ORGANISATION_NOUNS + ("đội", "kho bạc", "hợp tác xã", "HTX", "liên hiệp", "vụ", "cảng vụ", "công an",
                                   "CTCP", "Cty",      # a company by its abbreviation ("CTCP Năng lượng Tái tạo …")
                                   "viện kiểm sát", "đoàn đại biểu quốc hội")
# Nouns that head a particular thing an earlier question named ("Hội nghị khuyến công … lần thứ
# XII", "Xưởng may của Quý"): a follow-up opening with the bare noun ("Hội nghị có bao nhiêu đại
# biểu?") refers to it, as "hội nghị đó" does.
REFERRED_HEADS = BODY_HEADS + INDUSTRIAL_ZONES[:5] + (
    "doanh nghiệp", "hội nghị", "hội thảo", "hội chợ", "triển lãm", "dự án", "nhà máy", "xưởng", "chương trình",
    "đề án", "làng nghề", "chợ", "siêu thị", "cửa khẩu", "cảng", "tuyến")
# The stages of a selection (a vote, a contest, a call for proposals), written after what is counted:
# what entered ("26 sản phẩm tham gia bình chọn") is not what was chosen ("20 sản phẩm được công nhận")
SELECTION_STAGES = {
    "entered": ("tham gia", "đăng ký", "dự thi", "tham dự", "nộp hồ sơ", "dự tuyển", "được đề xuất", "tiếp nhận"),
    "chosen": ("được công nhận", "công nhận", "đạt giải", "được chọn", "được bình chọn", "được trao",
               "đạt danh hiệu", "được cấp giấy chứng nhận", "được khen thưởng", "được vinh danh"),
}
# Where an event is held, written in lower case before its name ("tại quảng trường Royal City",
# "tại vườn hoa Lý Thái Tổ", "tại khách sạn Mường Thanh"), longest first
VENUE_NOUNS = ("quảng trường", "vườn hoa", "công viên", "nhà văn hóa", "nhà văn hoá", "nhà thi đấu",
               "sân vận động", "trung tâm hội nghị", "trung tâm triển lãm", "trung tâm", "hội trường",
               "khách sạn", "khu triển lãm", "khu du lịch", "cung văn hóa", "cung văn hoá", "nhà hát", "trụ sở",
               "phố đi bộ", "khuôn viên", "sân")
# Events a record says were held somewhere ("… tổ chức ở đâu?"), longest first
EVENT_NOUNS = ("lễ khai mạc", "lễ hội", "ngày hội", "hội nghị", "hội thảo", "hội chợ", "triển lãm", "diễn đàn",
               "tuần lễ", "tuần hàng", "phiên chợ", "cuộc họp", "phiên họp", "lễ")
EVENT_NOUN_FOLDED = re.compile(r"(?<!\w)(" + "|".join(fold(n) for n in EVENT_NOUNS) + r")(?!\w)")
# what a speaker does: "Ông …, Giám đốc Sở Công Thương, cho biết, …" tells a figure, it is not the figure's
SPEECH_VERBS = ("cho biết", "nói", "khẳng định", "chia sẻ", "nhấn mạnh", "thông tin", "phát biểu")
# words that end a body's name written in a sentence ("Sở Công Thương chủ trì …", "… vừa phê duyệt"):
# function and time words, and the verbs official writing puts after its subject
NAME_ENDS = frozenset("""là và của có các những được trong cho với tại từ đến đã sẽ này đó thì mà một theo về như để ở
hay hoặc vừa mới đang cũng đều luôn chỉ còn rất bị phải cần nên năm ngày tháng quý khi nếu nhằm do bởi cùng trên dưới
ngoài sau trước đây vào ra thuộc gồm tiếp tục không chưa thường bao mấy nào gì đâu""".split())
PREDICATE_VERBS = ("chủ trì", "phối hợp", "tổ chức", "ban hành", "công bố", "phê duyệt", "giao", "kiểm tra", "đề ra",
                   "đề xuất", "thực hiện", "triển khai", "đăng tải", "gửi", "yêu cầu", "kiến nghị", "dự báo", "cho biết",
                   "cho rằng", "thông tin", "thông báo", "báo cáo", "tham mưu", "hướng dẫn", "chỉ đạo", "ký", "quyết định",
                   "trình", "xây dựng", "hỗ trợ", "tiến hành", "tiếp nhận", "cấp", "xử lý", "xử phạt", "phát hiện",
                   "đánh giá", "nhận định", "ước tính", "khẳng định", "đưa ra", "điều chỉnh", "tổng hợp", "giám sát",
                   "đăng cai", "trao", "tặng", "khai mạc", "phát động", "cam kết", "đầu tư", "ra mắt", "phát biểu",
                   "chủ động", "tích cực", "nhận được", "ghi nhận", "trả lời", "đạt", "tham dự", "tham gia",
                   "hoàn thành", "khởi công", "đề nghị", "nhấn mạnh", "bày tỏ", "làm chủ đầu tư", "chủ đầu tư",
                   "đặt mục tiêu", "đặt ra", "phấn đấu", "dự kiến")
# bodies every province has one of: "công ty điện lực này" after a question about one province
# and no body is that province's
PROVINCIAL_BODIES = ("công ty điện lực", "điện lực", "sở", "ủy ban nhân dân", "uỷ ban nhân dân", "UBND", "chi cục",
                     "trung tâm khuyến công", "ban quản lý", "cục thống kê", "cục hải quan")
# nouns a question asks a body by ("Cơ quan nào …", "do đơn vị nào giao?", "Hiệp hội nào …"), folded
BODY_ASKED = frozenset({"co quan", "don vi", "to chuc"} | {fold(h).lower() for h in BODY_HEADS})
# family names that open no place's name ("Nguyễn", not "Cao" of Cao Bằng): after a body, the
# person who speaks for it begins ("Bộ Công Thương Nguyễn Hồng Diên")
PERSON_OPENERS = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô",
                  "Dương", "Lý", "Đinh", "Trương", "Đào", "Trịnh", "Tạ", "Vương")

# -- titles and honorifics ----------------------------------------------------
TITLES = ("Phó Thủ tướng", "Thủ tướng", "Thứ trưởng", "Bộ trưởng", "Phó Chủ tịch", "Chủ tịch", "Phó Giám đốc",
          "Tổng Giám đốc", "Giám đốc", "Cục trưởng", "Phó Cục trưởng", "Vụ trưởng", "Trưởng ban", "Phó Trưởng ban",
          "Bí thư", "Tổng Bí thư", "Phó Bí thư", "Chủ nhiệm", "Trưởng phòng", "Viện trưởng", "Hiệu trưởng",
          "Tổng thư ký", "Chánh văn phòng", "Người phát ngôn", "Phó Tổng Giám đốc", "Phó Thống đốc", "Thống đốc",
          "Chủ tịch HĐQT", "Tổng cục trưởng",
          # the deputies and heads of a department's units ("Phó Chánh Văn phòng UBND tỉnh", "Chi cục
          # trưởng Chi cục Quản lý thị trường", "Đội trưởng Đội Quản lý thị trường số 1")
          "Phó Chánh văn phòng", "Phó Trưởng phòng", "Phó Vụ trưởng", "Phó Viện trưởng", "Phó Hiệu trưởng",
          "Chi cục trưởng", "Phó Chi cục trưởng", "Đội trưởng", "Phó Đội trưởng", "Phó Tổng cục trưởng",
          "Phó Chủ nhiệm", "Chánh Thanh tra", "Phó Chánh Thanh tra",
          # and abroad ("Tỉnh trưởng tỉnh Chăm-pa-xắc", "Đại sứ Việt Nam tại …", "Thị trưởng")
          "Tỉnh trưởng", "Đại sứ", "Thị trưởng")
# a title takes another's place in a follow-up: "Còn tổng giám đốc?" after "Ai là Chủ tịch PVcomBank?"
SIBLINGS += (TITLES,)
# what a title is asked by when the person is named ("… giữ chức vụ gì?", "chức danh của ông …")
TITLE_NOUNS = ("chức vụ", "chức danh", "giữ chức")
# a seat on a body, written before the body like a title ("Ủy viên Ban Thường vụ Tỉnh ủy")
MEMBER_TITLES = ("Ủy viên", "Uỷ viên", "Thành viên")
# lower-case words a title's body may hold ("Phó Chủ tịch UBND tỉnh", "Giám đốc Sở Công Thương thành phố")
TITLE_BODY_WORDS = ("tỉnh", "thành", "phố", "huyện", "xã", "phường", "quận", "thị", "trấn", "nhân", "dân", "ủy",
                    "uỷ", "ban", "thường", "vụ", "trực", "hội", "đồng", "quản", "trị",
                    # an agency's name ends in lower case: "Cục Công Thương địa phương", "Cục Công nghiệp
                    # địa phương", "Vụ Thị trường trong nước", "Cục Xúc tiến thương mại"
                    "địa", "phương", "công", "nghiệp", "thương", "mại", "trường", "trong", "nước",
                    # "Trưởng Ban Quản lý Khu kinh tế Dung Quất"
                    "kinh", "tế",
                    # "Chủ tịch Công đoàn ngành Công Thương Hải Phòng", "Bí thư Đoàn thanh niên"
                    "đoàn", "ngành")
HONORIFICS = ("Ông", "Bà", "Anh", "Chị", "Đồng chí", "Đ/c", "TS", "ThS", "PGS", "GS", "Luật sư", "TS.", "PGS.TS",
              "GS.TS", "Ths", "NSƯT", "NSND")

# Nouns that are something *of* an owner (a province's centre, a company's head office): a
# follow-up that starts with one and names no owner asks about the earlier turn's subject
# ("Trung tâm hành chính đặt ở tỉnh nào?" after "Quảng Bình hợp nhất với tỉnh nào?").
OWNED_NOUNS = ("trung tâm chính trị - hành chính", "trung tâm hành chính", "trung tâm chính trị", "tỉnh lỵ",
               "thủ phủ", "trụ sở", "diện tích", "dân số", "quy mô dân số", "tên gọi", "tên mới")

# -- periods -----------------------------------------------------------------
# a year, also after a quarter, month or day ("quý I/2021", "tháng 12/2020", "31/3/2021"); not inside
# a number ("1.2021", "2024,5") nor before a slash (a decree's "15/2020/NĐ-CP", a school year's "2019/2020"
# first half); a comma or full stop after it ends a clause ("Năm 2024, tỉnh đặt mục tiêu …")
YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d/%]|[.,]\d)")
# any four digits that read as a year, inside a number or a decree's number too ("82/2022/NĐ-CP",
# "quý 1/2021"): where the question or the earlier turn is searched for the years it names
ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# in folded text: "6 tháng đầu năm", "9 tháng", "quý I", "quý 1/2021", "tháng 3"
PERIOD_FOLDED = re.compile(r"((?:\d+|muoi mot|muoi hai|muoi|hai|ba|bon|sau|bay|tam|chin) thang (?:dau|cuoi) nam|nua (?:dau|cuoi) nam|\d+ thang|quy [iv]+\b|quy [1-4]\b|quy dau tien\b"
                           r"|thang \d{1,2})")
QUARTER_FOLDED = re.compile(r"quy ([ivx]+|\d|dau tien)\b")     # "quý đầu tiên của năm" is quý I
MONTHS_FOLDED = re.compile(r"(?<!\w)(\d+|muoi mot|muoi hai|muoi|hai|ba|bon|sau|bay|tam|chin) thang|"
                           r"(?<!\w)(nua) (?=dau nam|cuoi nam)")
# "Sáu tháng đầu năm" is "6 tháng đầu năm", "bốn tháng đầu năm" "4 tháng …" (folded: "sau", "bon", …)
MONTH_COUNT_WORDS = {"hai": 2, "ba": 3, "bon": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
                     "muoi mot": 11, "muoi hai": 12, "nua": 6}      # "nửa đầu năm" is 6 tháng đầu năm
# One month of the calendar, not a span: "tháng 3/2024", "tháng 4 năm 2023" (not "3 tháng", nor
# "tháng 3 tháng" of a list), folded
CALENDAR_MONTH_FOLDED = re.compile(r"(?<![\w/])thang (\d{1,2})(?!\d)(?! thang)")


def calendar_month(text: str) -> int | None:
    """The month of the calendar a period names ("tháng 4/2024" → 4), if one."""
    m = CALENDAR_MONTH_FOLDED.search(fold(text).lower())
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 12 else None
# Before a bare "N tháng" these make it a length of time, not a reporting period: "kỳ hạn
# 6 tháng", "thực hiện 37 tháng", "dưới 6 tháng". Folded, matched on the text before.
DURATION_BEFORE = re.compile(r"\b(ky han|duoi|tren|tu|den|toi|thuc hien|mat|keo dai|trong vong|rut ngan|hon|gan|"
                             r"khoang|sau|truoc|moi|thoi gian|thoi han|han|vong|chi|it nhat|toi da)\s*$")


# A day written "d/m" ("phiên 27/4", "ngày 31/12/2019", "dịp 30/4-1/5"). Without its year it is a
# day only after one of these words (folded), in brackets ("hôm qua (27/4)") or inside a range:
# "12/15 địa phương" and "9/11 chuyên ngành" are ratios.
DAY = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(/(?:19|20)\d\d)?(?!\d|/\d|[.,]\d)")
DAY_CUES = frozenset({"ngay", "phien", "sang", "chieu", "trua", "toi", "dem", "hom", "tu", "den", "truoc",
                      "sau", "tuan", "nay", "qua", "dip", "dip le", "nghi le", "tin", "luc", "ky"})


# "Giỗ Tổ 10/3 âm lịch", "rằm 15/8 AL": a day of the lunar calendar, not the calendar day 10/3
_LUNAR_AFTER = re.compile(r"\s*\(?\s*(?:am lich|al\b)")


# a day as some newspapers write it, with dots: "ngày 1.6", "31.5 và 1.6.2021" (without its year
# only after "ngày": "1.6" alone is sixteen hundred)
_DOTTED_DAY = re.compile(r"(?<![\d/.,])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d.,]\d|\d)"
                         r"|(?<=ngày )(\d{1,2})\.(\d{1,2})(?![\d/]|[.,]\d)", re.IGNORECASE)


def day_mentions(text: str) -> list[tuple[int, tuple[int, int]]]:
    """Where a text names a day, in order: (offset, (day, month)) for "27/4", "ngày 31/12/2019",
    "ngày 1.6"."""
    out = []
    for m in _DOTTED_DAY.finditer(text):
        day, month = int(m.group(1) or m.group(4)), int(m.group(2) or m.group(5))
        if 1 <= day <= 31 and 1 <= month <= 12:
            out.append((m.start(), (day, month)))
    for m in DAY.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        if _LUNAR_AFTER.match(fold(text[m.end():m.end() + 12]).lower()):
            continue
        before = text[max(0, m.start() - 16):m.start()]
        words = re.findall(r"\w+", fold(before))
        if m.group(3) or before.rstrip().endswith(("-", "–", "(")) or \
                (words and (words[-1] in DAY_CUES or " ".join(words[-2:]) in DAY_CUES)):
            out.append((m.start(), (day, month)))
    return sorted(out)


def days_in(text: str) -> set[tuple[int, int]]:
    """The days (day, month) a text names."""
    return {d for _, d in day_mentions(text)}


def day_of_date(iso: str) -> tuple[int, int] | None:
    """(day, month) of a record's date ("2021-04-27" → (27, 4)); None without one."""
    m = re.match(r"\d{4}-(\d{2})-(\d{2})", iso or "")
    return (int(m.group(2)), int(m.group(1))) if m else None


_YEAR_AFTER = re.compile(r"\s*(?:nam\s+|/)?(?:19|20)\d\d(?!\d)")


def bare_months_is_period(before_folded: str, months: int, after_folded: str = "") -> bool:
    """Whether a bare "N tháng" (no "đầu năm") names a reporting period: the quarter ends 3,
    6, 9 and 12 months, and any count of months of a year named right after it ("10 tháng
    năm 2016", "11 tháng 2023": monthly reports add up the months so far) — not right after a
    word of duration ("kỳ hạn 6 tháng"). Nor does the months' own predicate need a year: "giá
    trị sản xuất … 5 tháng ước đạt 13.480 tỷ đồng" adds up the months so far."""
    if DURATION_BEFORE.search(before_folded[-30:]):
        return False
    return months in (3, 6, 9, 12) or (1 <= months <= 12 and bool(_YEAR_AFTER.match(after_folded)
                                                                  or _ESTIMATE_AFTER.match(after_folded)
                                                                  or _CUMULATIVE_BEFORE.search(before_folded[-20:])))


# "lũy kế 7 tháng", "tính chung 7 tháng", "cộng dồn 7 tháng": the months so far, added up (folded)
_CUMULATIVE_BEFORE = re.compile(r"(?:luy ke|tinh chung|cong don)\s*$")


_ESTIMATE_AFTER = re.compile(r"\s*,?\s*(?:uoc (?:dat|tinh|thuc hien)|uoc\s+\d|dat\s+\d|dat khoang)\b")


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
         "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xvi": 16, "xvii": 17, "xviii": 18, "xix": 19,
         "xx": 20, "xxi": 21, "xxii": 22, "xxiii": 23, "xxiv": 24, "xxv": 25, "xxx": 30}
ROMAN_OF = {v: k.upper() for k, v in ROMAN.items()}

# -- stop and question words (folded) ------------------------------------------
STOPWORDS = frozenset(
    "la va cua co cac nhung duoc trong cho voi tai tu den da se bao nhieu nao gi ai khong nay do thi ma "
    "mot theo ve nhu de o hay hoac".split())
QUESTION_WORDS = frozenset(
    "bao nhieu may la gi nao ai dau the nao khi gio co khong duoc hay hoi cho biet ra sao "
    "tai sao vi sao bang muc".split())

# -- what kind of answer ------------------------------------------------------
# Questions answered by a passage (a sentence or a list), never by a bare figure or name.
PASSAGE_CUES = re.compile(
    r"\b(vi sao|tai sao|nguyen nhan|ly do|nhu the nao|ra sao|the nao|nhung gi|nhung viec gi|dieu gi|"
    r"nhiem vu|giai phap|bien phap|kien nghi|de xuat gi|de nghi gi|luu y|nhan manh|chi dao gi|muc tieu gi|"
    r"y nghia|hieu qua gi|tac dong gi|hinh thuc|cach nao|lam gi|noi dung gi|nhung noi dung|"
    r"hoat dong nao|chuong trinh nao|cac chuong trinh|nhung chuong trinh|kho khan|thuan loi|han che|"
    r"vu viec nao|nhung vu viec|nhung mat hang|cac mat hang nao|"
    # an abstract noun asked by "gì" ("đề ra kế hoạch gì", "nhằm mục đích gì", "mang lại cơ hội
    # gì"): what answers is a statement, not a name (they had been answered "Đẩy", "Chương", "Quản")
    r"(?:ke hoach|muc dich|co hoi|loi ich|ket qua|thanh tuu|yeu cau|van de|dinh huong|chu truong|"
    r"sang kien|bai hoc|kinh nghiem|trach nhiem) gi|chu yeu la gi)\b")
# "Vấn đề thứ hai … là gì?": one item of a list a record writes "Thứ nhất, …; Thứ hai, …" (folded)
ORDINAL_WORDS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
ORDINAL_WRITTEN = {"nhat": "nhất", "hai": "hai", "ba": "ba", "tu": "tư", "nam": "năm", "sau": "sáu", "bay": "bảy",
                   "tam": "tám", "chin": "chín", "muoi": "mười"}


def ordinal_value(word: str) -> int | None:
    """"hai" (of "thứ hai", folded) or "2" → 2; None for any other word."""
    return ORDINAL_WORDS.get(word) or (int(word) if word.isdigit() else None)
ORDINAL_ITEM_ASKED = re.compile(r"\b(?:van de|noi dung|nhiem vu|giai phap|kien nghi|de xuat|muc tieu|yeu cau|"
                                r"dinh huong|bai hoc|nhom giai phap|nhom nhiem vu)\s+thu\s+(" + "|".join(ORDINAL_WORDS)
                                + r"|\d{1,2})\b")
WHY_CUES = re.compile(r"\b(vi sao|tai sao|nguyen nhan|ly do)\b")
# Sentences that give a cause (for "vì sao"): without one, the records do not explain it.
# Matched with their marks, as records write them: folded, "vị" of "đơn vị" was "vì", "đó"
# was "do" and "nền" was "nên", and a resolution's list of communes "explained" why.
CAUSE_WORDS = re.compile(r"(?<!\w)(do|vì|bởi|nguyên nhân|lý do|lí do|nên|khiến|dẫn đến|dẫn tới|ảnh hưởng|nhờ|"
                         r"từ đó(?!\s+(?:đến|tới|nay)))(?!\w)", re.IGNORECASE)      # not "từ đó đến nay"
_CAUSE_WORDS_FOLDED = re.compile(r"\b(do|vi|boi|nguyen nhan|ly do|nen|khien|dan den|anh huong)\b")
# where a sentence that gives a cause turns from cause to effect: "A, từ đó B", "A khiến B" (the
# effect after), "B do A", "B vì A" (the effect before), "do A nên B" (the cause between)
EFFECT_AFTER = re.compile(r"(?<!\w)(?:nên|từ đó|do đó|do vậy|vì vậy|vì thế|nhờ đó|nhờ vậy|khiến|dẫn đến|dẫn tới)(?!\w)",
                          re.IGNORECASE)
EFFECT_BEFORE = re.compile(r"(?<!\w)(?<!lý )(?<!lí )(?:do|vì|bởi|nhờ)(?!\w)(?!\s+(?:đó|vậy|thế)(?!\w))",
                           re.IGNORECASE)


def cause_and_effect(sentence: str) -> tuple[str, str] | None:
    """A sentence that gives a cause, as (cause, effect), split at its connectives; None when it
    has none, or when it is all cause ("Bởi lãi suất …": its effect is the sentence before)."""
    before, after = EFFECT_BEFORE.search(sentence), EFFECT_AFTER.search(sentence)
    if before and after and before.start() < after.start():
        cause, effect = sentence[before.end():after.start()], sentence[:before.start()] + " " + sentence[after.end():]
    elif after:
        cause, effect = sentence[:after.start()], sentence[after.end():]
    elif before and len(sentence[:before.start()].split()) >= 3:
        cause, effect = sentence[before.end():], sentence[:before.start()]
    else:
        return None
    return " ".join(cause.split()), " ".join(effect.split())


def gives_cause(sentence: str) -> bool:
    """Whether a record's sentence states a cause; a record typed without marks is read folded."""
    if has_diacritics(sentence):
        return bool(CAUSE_WORDS.search(sentence))
    return bool(_CAUSE_WORDS_FOLDED.search(fold(sentence).lower()))


# -- follow-ups ----------------------------------------------------------------
# "Còn Quảng Bình thì sao?", "Quảng Bình thì sao?", "Năm 2019 thì sao?", "Còn Lâm Đồng?"
FOLLOWUP_START = re.compile(r"^\s*(con|vay con|the con|con ve)\b")
# "Trong đó có bao nhiêu phường?", "Trong số đó, …": a part of what the earlier question counted (folded)
AMONG_THOSE = re.compile(r"\s*trong (?:so )?do\b[,\s]*(?:co\s+)?")
# "trong đó", "trong số đó", "trong này" as records write them: what follows breaks the whole before down
AMONG_WRITTEN = re.compile(r"(?<!\w)trong (?:số )?(?:đó|này)(?!\w)", re.IGNORECASE)

# -- people --------------------------------------------------------------------
# The common Vietnamese family names: a capitalised run that starts with one is a person's
# name ("Ngô Quang Trung"), whatever syllables follow ("Trung" is also in "Trung ương").
FAMILY_NAMES = frozenset(fold(w) for w in (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Cao", "Đinh", "Lương", "Trương", "Đoàn", "Lâm", "Mai", "Tạ", "Trịnh", "Hà", "Tô", "Thái",
    "Châu", "Lại", "Kiều", "Phùng", "Văn", "Đào", "Quách", "Tăng", "Lưu", "Hứa", "Tống", "Khúc", "Nông", "Triệu",
    "Diệp", "La", "Giang", "Âu", "Thân", "Từ", "Vương", "Mạc", "Chu", "Đàm", "Lục", "Doãn", "Trình", "Nghiêm",
    "Đồng", "Kim", "Hầu", "Tiêu", "Hàn", "Khổng", "Ông", "Quang", "Phí", "Ninh", "Bạch"))

# The same stop and question words with their marks: a question typed with diacritics is
# matched on these, so "hội" (conference) is not dropped as "hỏi" (ask), nor "tài" as "tại".
STOPWORDS_ACCENTED = frozenset(
    "là và của có các những được trong cho với tại từ đến đã sẽ bao nhiêu nào gì ai không này đó thì mà "
    "một theo về như để ở hay hoặc".split())
QUESTION_WORDS_ACCENTED = frozenset(
    "bao nhiêu mấy là gì nào ai đâu thế khi giờ có không được hay hỏi cho biết ra sao tại vì bằng mức".split())


def is_function_word(syllable: str, accented: bool) -> bool:
    """A stop or question word, judged on the marks when the text has them."""
    if accented:
        w = syllable.lower()
        return w in STOPWORDS_ACCENTED or w in QUESTION_WORDS_ACCENTED
    w = fold(syllable)
    return w in STOPWORDS or w in QUESTION_WORDS


# "xếp thứ mấy?", "đứng hạng bao nhiêu?", "ở vị trí thứ mấy?": a place in a ranking, on the marks
# when typed (folded, "doanh thu bao nhiêu" reads as one), else after the verb that ranks
# ("hạng mấy sao?" asks a rating in stars)
_RANK_ASKED = re.compile(r"(?<!\w)(?:thứ|hạng|vị trí)\s+(?:thứ\s+)?(?:mấy|bao nhiêu)(?!\w)(?!\s+sao\b)", re.IGNORECASE)
_RANK_ASKED_FOLDED = re.compile(r"\b(?:xep|dung|xep hang|o vi tri)\s+(?:thu|hang)\s+(?:may|bao nhieu)\b(?!\s+sao\b)")


def asks_a_rank(question: str, marked: bool) -> bool:
    """Whether the question asks a place in a ranking (no count: "đứng thứ mấy cả nước?")."""
    return bool(_RANK_ASKED.search(question) if marked else _RANK_ASKED_FOLDED.search(fold(question).lower()))
