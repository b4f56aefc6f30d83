"""Figure extraction at index time: every number with a unit, and what it is about.

For each quantity the reader finds, we attach the entity it belongs to (a province from
the gazetteer, or a named organisation), the measure (the noun phrase it quantifies),
the period (`năm 2019`, `6 tháng đầu năm`, `quý I/2021`) and the relation (`đạt … kế
hoạch`, `tăng … so với …`). The rules are deliberately simple and positional: in
Vietnamese reports the subject and measure precede the figure in the same clause, and
lists `A (x), B (y)` give each entity its own figure and share the sentence's measure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Document, Figure
from ..read import date_line_day

# Bump when extraction changes: `kcqa index` then re-extracts figures from the stored
# text of every record, without re-embedding anything.
EXTRACTOR_VERSION = "124"
from ..text import lexicon
from ..text.numbers import SIGNS, Quantity, find_durations, find_quantities
from ..text.places import find_places
from ..text.vietnamese import fold, has_diacritics, paragraphs, sentences

MEASURES = [m.lower() for m in lexicon.MEASURES]      # most specific first; the one lexicon
_MEASURES_FOLDED = [(m, fold(m)) for m in MEASURES]

# a year is a whole token of four digits: "9 tháng năm 20214" (a typo) is no "năm 2021"
_PERIOD = re.compile(
    r"(?:(?:\d{1,2}|mười một|mười hai|mười|hai|ba|bốn|sáu|bảy|tám|chín) tháng (?:đầu|cuối) năm(?: \d{4}(?!\d))?"
    r"|(?<!\w)(?:sáu|chín|6|9) tháng qua(?!\w)"          # a half-year or nine-month review's "Sáu tháng qua, …"
    r"|nửa (?:đầu|cuối) năm(?: \d{4}(?!\d))?"
    r"|\d{1,2} tháng (?:của )?năm(?! học)(?: \d{4}(?!\d))?(?!\w)"      # "sau 8 tháng của năm nay"
    r"|\d{1,2} tháng(?: \d{4}(?!\d))?"
    r"|quý [IV1-4]+(?!\w)(?:/\d{4}(?!\d)| năm \d{4}(?!\d))?"
    r"|quý đầu tiên (?:của )?năm(?: \d{4}(?!\d))?"
    r"|tháng \d{1,2}(?:[/-](?:19|20)\d{2}(?!\d)| năm \d{4}(?!\d))?"      # "tháng 4-2015", as papers write it
    r"|(?:năm|niên khóa|niên độ) \d{4}(?!\d)(?:\s*(?:[-–]|đến|tới)\s*(?:năm )?\d{4}(?!\d))?"
    r"|giai đoạn \d{4}(?!\d)\s*[-–]\s*\d{4}(?!\d)"
    # a span that ends with a part of a year: "giai đoạn 2021 - sáu tháng đầu năm 2023" (not the half-year alone)
    r"|giai đoạn \d{4}(?!\d)\s*[-–]\s*(?:(?:\d{1,2}|mười một|mười hai|mười|ba|sáu|chín) tháng (?:đầu |cuối )?năm"
    r"|quý [IV1-4]+(?: năm|/)|tháng \d{1,2}(?: năm|/))\s*\d{4}(?!\d)"
    r"|(?:ngày )?\d{1,2}/\d{1,2}/\d{4}(?!\d)"
    # a year without "năm" after a word that makes it a time: "43 tỷ USD trong 2025", "Cuối 2021, …"
    r"|(?:(?<=trong )|(?<=vào )|(?<=đến )|(?<=tới )|(?<=cuối )|(?<=đầu )|(?<=giữa ))(?:19|20)\d{2}(?![\d/]|[.,]\d))",
    re.IGNORECASE)
_RELATION_BEFORE = re.compile(
    r"(đạt|tăng|giảm|cao hơn|thấp hơn|vượt|bằng|chiếm|lên|xuống|còn|là|được|thêm)(?:\s+trưởng(?=\s*$))?"
    r"(?:\s+(?:nhẹ|mạnh|mạnh mẽ|tiếp|nhanh|sâu|đột biến|vọt|bình quân|trung bình|cao|khá))?"
    r"(?:\s+(?:mỗi chiều|cả hai chiều|hai chiều|lần lượt|đều))?\s*(?:thêm\s*)?$",
    re.IGNORECASE)          # "đạt mức tăng trưởng 55,2%": growth is a change ("tăng"), as "tăng 55,2%" is;
#                            "tăng nhẹ 1,69 điểm", "giảm mạnh 5%", "tăng cao 14,6%": the change, however it moved;
#                            "giảm mỗi chiều 150.000 đồng", "tăng lần lượt 12% và 15%": each side's change
# "tăng trưởng mạnh mẽ ở mức 37,6%", "giảm ở mức 2%": a change stated as a level reached by it
# ("tăng lên mức 1.794 USD" is the level reached, "giảm so với mức 20,2%" the base: neither)
_CHANGE_AT_LEVEL = re.compile(r"\b(tăng|giảm)(?:\s+trưởng)?(?:\s+(?!lên\b|xuống\b|so\b|với\b|còn\b|đến\b|tới\b)"
                              r"[^\s\d,;.:]+){0,3}?\s+(?:ở\s+)?mức\s*$", re.IGNORECASE)
# Between a figure and the same quantity restated in other units: "tăng 700 đồng (tương ứng
# 4,13%)", "giảm 16,91 điểm tương ứng 1,3%", "tăng 2 tỷ đồng, tương đương 5%"
_EQUIVALENT = re.compile(r"\s*[(,]?\s*(?:tương ứng|tương đương|tức là|tức)(?:\s+(?:với|là|mức))*\s*", re.IGNORECASE)
_CLAUSE_SPLIT = re.compile(r"[;:]|,(?=\s)|\s[-–]\s")


_BARE_MONTHS = re.compile(r"(\d{1,2}) tháng", re.IGNORECASE)


def joined_periods(text: str) -> list[str]:
    """Periods written joined, one figure for both: "năm 2019 và 6 tháng đầu năm 2020"."""
    ps = periods_in(text)
    return [text[a[0]:b[1]] for a, b in zip(ps, ps[1:]) if _JOINED.fullmatch(text, a[1], b[0])]


def periods_in(text: str) -> list[tuple[int, int, str]]:
    """Reporting periods in `text`; a bare "N tháng" that is a length of time ("kỳ hạn
    6 tháng", "thực hiện 37 tháng") is not one."""
    out = []
    ranges = [r for r in _MONTHS_FROM_JANUARY.finditer(text)]
    for r in ranges:
        year = r.group(3) or r.group(4)
        months = int(r.group(1) or r.group(2))
        if not 1 <= months <= 12:
            continue
        out.append((r.start(), r.end(), f"{months} tháng" + (f" năm {year}" if year else "")))
    for m in _PERIOD.finditer(text):
        if any(r.start() <= m.start() < r.end() for r in ranges):
            continue
        bare = _BARE_MONTHS.fullmatch(m.group())
        if bare and not lexicon.bare_months_is_period(fold(text[max(0, m.start() - 40):m.start()]),
                                                       int(bare.group(1)), fold(text[m.end():m.end() + 30])):
            continue
        if _VISION.search(text, max(0, m.start() - 20), m.start()):
            continue        # "thời kỳ 2021-2030, tầm nhìn đến năm 2050": a plan's horizon, not its period
        if lexicon.PRICE_BASE_BEFORE.search(fold(text[max(0, m.start() - 20):m.start()]).lower()):
            continue        # "theo giá so sánh 2010": the prices' base year
        if _ISSUED.search(text, max(0, m.start() - 40), m.start()):
            continue        # "tại Báo cáo số 188/BC-BCĐ ngày 24/11/2025, trong tháng, …": the day a paper
            #                 was signed, not when what it reports happened
        if _WORK_CITED.search(text, max(0, m.start() - 80), m.start()) \
                and lexicon.ANY_YEAR.search(text, m.end(), len(text)):
            continue        # "theo Sách Thương mại điện tử Việt Nam năm 2022, … ở mức 16%, … năm 2021": the
            #                 year names the book cited; the sentence's other year is its figures'
        out.append((m.start(), m.end(), m.group()))
    return sorted(out)


# a published work cited by its title, up to the year that ends it ("theo Sách trắng Thương mại điện tử
# Việt Nam năm 2022", "Theo Báo cáo Chỉ số Thương mại điện tử 2023")
_WORK_CITED = re.compile(r"(?<!\w)[Tt]heo\s+(?:Sách|Báo cáo|Khảo sát|Niên giám)(?:\s+[^\s,.;:()]+){1,10}\s+(?:năm\s+)?$")


# "từ tháng 1 đến tháng 9/2023" is the year's first nine months, not September
# (or to a day of a month, "từ tháng 1 đến 30-8": the first eight months)
_MONTHS_FROM_JANUARY = re.compile(r"(?<!\w)từ\s+tháng\s+0?1\s+(?:đến|tới)\s+(?:hết\s+)?"
                                  r"(?:tháng\s+(\d{1,2})|(?:ngày\s+)?\d{1,2}\s*[-/]\s*(\d{1,2}))(?![\d])"
                                  r"(?:[-/](\d{4})(?!\d)|\s+năm\s+(\d{4})(?!\d))?", re.IGNORECASE)


# a paper's number just before a date: the date it was issued ("Quyết định số 1234/QĐ-UBND ngày …")
_ISSUED = re.compile(r"\d+/[A-ZĐ][\w.\-/]*\s*,?\s*(?:ban hành\s+|ký\s+)?(?:ngày\s*)?$", re.IGNORECASE)


_VISION = re.compile(r"(?<!\w)tầm nhìn(?:\s+(?:đến|tới))?\s*(?:năm\s*)?$", re.IGNORECASE)


def years_in(text: str) -> set[int]:
    return {int(y) for y in lexicon.YEAR.findall(text)}


# "7,8% vào năm 2021", "4% trong năm 2022", "500 tỷ đồng năm 2020": a period right after the figure
# ("40 vụ xảy ra năm 2019", "12 cuộc diễn ra trong năm 2023": what happened, then when)
_LINKS_TO_PERIOD = re.compile(r"\s*(?:(?:xảy ra|xẩy ra|diễn ra|phát sinh)\s+)?"
                              r"(?:(?:vào|trong|của|cho|tính đến|đến hết|tại)\s+)?(?:(?:cuối|đầu|giữa)\s+)?",
                              re.IGNORECASE)
# "trong năm 2019 và 6 tháng đầu năm 2020 … đã xảy ra 53 vụ": two periods joined, one figure for both
_JOINED = re.compile(r"\s*(?:và|cùng|cộng)\s*", re.IGNORECASE)


def extract_figures(doc: Document) -> list[Figure]:
    out: list[Figure] = []
    text = doc.text
    table_spans = [(t.start, t.end) for t in doc.tables]
    last_paragraph = ""
    for pno, (ps, pe) in enumerate(paragraphs(text, doc.body_start), start=1):
        if any(ts <= ps < te for ts, te in table_spans):
            continue
        # "Trong đó, doanh thu bán lẻ …" opens a paragraph that breaks the one before it down:
        # its period is that one's ("tháng 4/2019"), not the title's
        before = last_paragraph[-1000:] if _CONTINUES.match(text, ps) else ""
        last_paragraph = text[ps:pe]
        last = ""
        for ss, se in sentences(text, ps, pe):
            sentence = text[ss:se]
            # a breakdown of a whole stated as of now ("Hiện tại, đã thành lập 24 CCN với tổng diện
            # tích 495,21ha. Trong đó có 22 CCN … 445,41ha") is as of now too, not of a plan's year before
            own_time = _CONTINUES.match(sentence) and _NOW.search(last)
            out.extend(_sentence_figures(doc, sentence, ss, pno, last if own_time else before))
            before = (before + " " + sentence)[-1000:]     # the paragraph so far, bounded
            last = sentence
    out.extend(_table_figures(doc))
    return out


# (as do "Cụ thể, …" and "Theo đó, …": the details of what the paragraph before reported)
_CONTINUES = re.compile(r"\s*(?:trong (?:số )?đó|cụ thể|theo đó)\b", re.IGNORECASE)


def _sentence_figures(doc: Document, sentence: str, offset: int, paragraph: int, prev: str) -> list[Figure]:
    quantities = find_quantities(sentence)
    taken = [(q.start, q.end) for q in quantities]
    quantities += [d for d in find_durations(sentence) if not any(a < d.end and d.start < b for a, b in taken)]
    quantities, labels = _paired_values(sentence, quantities)
    quantities += _listed_counts(sentence, quantities)
    quantities.sort(key=lambda q: q.start)
    figures = figures_of(doc, sentence, offset, paragraph, prev, quantities)
    for f in figures:
        f.measure = labels.get(f.start - offset, f.measure)
    return figures


# a list item that gives its count bare, after its name: ", Thuận Bắc 3", "; huyện Bác Ái 2", " và Ninh Phước 14"
# (the range À-Ỹ holds lower-case letters too: each word is checked to be capitalised)
_BARE_ITEM = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+)(?:(?:huyện|thị xã|thành phố|quận|xã|phường|tỉnh)\s+)?"
                        r"(?P<name>[A-ZĐÀ-Ỹ][\w'-]*(?:\s+[A-ZĐÀ-Ỹ][\w'-]*){0,4})\s+(?P<n>\d{1,4})(?=\s*(?:[,;.)]|và\s|$))")


def _listed_counts(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """The items of a list after a count that give their own count bare: "huyện Ninh Hải có 16
    sản phẩm, Thuận Bắc 3, Ninh Sơn 13, …, Ninh Phước 14" are 3, 13 and 14 sản phẩm too. The
    name must be capitalised and the number end the item; the text stays as written ("14")."""
    out: list[Quantity] = []
    for q in quantities:
        if q.kind != "count" or not q.unit or q.value_max is not None:
            continue
        pos = q.end
        while (m := _BARE_ITEM.match(sentence, pos)) and all(w[0].isupper() for w in m.group("name").split()):
            n = int(m.group("n"))
            if 1900 <= n <= 2100:
                break                     # "…, Việt Nam 2021": a year, not an item's count
            out.append(Quantity(start=m.start("n"), end=m.end("n"), text=m.group("n"), number_start=m.start("n"),
                                number_end=m.end("n"), value=float(n), unit=q.unit, kind="count"))
            pos = m.end()
    return out


# "55,2 - 55,65 triệu đồng/lượng (mua vào - bán ra)": two values, each named by its label
_PAIRED_LABELS = re.compile(r"\s*\(\s*([^\W\d_]+(?:\s+[^\W\d_]+){0,3})\s*[-–/]\s*([^\W\d_]+(?:\s+[^\W\d_]+){0,3})\s*\)")
_RANGE_PARTS = re.compile(r"(.*?\d)\s*[-–]\s*(\d.*)", re.DOTALL)


def _paired_values(sentence: str, quantities: list[Quantity]) -> tuple[list[Quantity], dict[int, str]]:
    """A range followed by a pair of labels is two values, not a span: the buying and selling
    price of a gold or currency quote, a low and a high. Each becomes a figure of its own, its
    text its own part of the record ("55,65 triệu đồng/lượng"; the first keeps no unit word
    after it, as written) and its measure its label. Returns the quantities and {start: label}."""
    out: list[Quantity] = []
    labels: dict[int, str] = {}
    for q in quantities:
        pair = _PAIRED_LABELS.match(sentence, q.end) if q.value_max is not None else None
        parts = _RANGE_PARTS.fullmatch(q.text) if pair else None
        if not parts:
            out.append(q)
            continue
        first_end = q.start + parts.end(1)
        second_start = q.start + parts.start(2)
        out.append(replace(q, end=first_end, text=parts.group(1), number_end=min(q.number_end, first_end),
                           value_max=None))
        out.append(replace(q, start=second_start, text=parts.group(2), number_start=second_start,
                           value=q.value_max, value_max=None, qualifier=None))
        labels[q.start] = pair.group(1)
        labels[second_start] = pair.group(2)
    return out, labels


def figures_of(doc: Document, sentence: str, offset: int, paragraph: int, prev: str,
               quantities: list[Quantity]) -> list[Figure]:
    """Figures for quantities found in one sentence: entity, measure, period and relation
    read around each. Answering calls it too, for quantities only a question can name
    ("14 nhà ga" when it asks "bao nhiêu nhà ga")."""
    if not quantities:
        return []
    quantities = _with_money_unit(quantities, prev, sentence)
    places = find_places(sentence)
    periods = periods_in(sentence)
    resp_years, resp_places = _respectively(sentence, quantities, places)
    out = []
    before: tuple[Quantity, str, str] | None = None        # the previous figure, its relation and measure
    for q in quantities:
        # a place right before the previous figure is that figure's list item ("huyện Quảng Ninh
        # 07/41 sản phẩm và huyện Lệ Thủy với 09/41 sản phẩm"), not this one's subject
        listed = [p for p in places if before and _LIST_ITEM_GAP.fullmatch(sentence, p[1], before[0].start)]
        entity = resp_places.get(q.start) or _entity_for(sentence, q, places, listed)
        measure = _measure_for(sentence, q)
        if before and _restates_for_a_period(sentence, before[0], q):
            measure = before[2]     # "tỷ lệ 8,83% tổng dư nợ (năm 2019 là 3,15%)"
        period = resp_years.get(q.start) or _period_for(sentence, q, periods, prev, doc)
        relation = _relation_for(sentence, q)
        if not relation and before and _EQUIVALENT.fullmatch(sentence[before[0].end:q.start]):
            relation = before[1]     # "tăng 700 đồng (tương ứng 4,13%)": the same change, in other units
        before = (q, relation, measure)
        cited, cited_start = _bounded(sentence, q)
        out.append(Figure(
            doc=doc.path, value=q.value, unit=q.unit, text=q.text, start=offset + q.start, end=offset + q.end,
            sentence=cited, sentence_start=offset + cited_start, qualifier=q.qualifier, entity=entity, measure=measure,
            period=period, relation=relation, value_max=q.value_max, paragraph=paragraph))
    return out


# what may follow a bare "30 tỷ" that counts money: a stop, or a word that is not the counted noun
_AFTER_BARE_MONEY = re.compile(r"\s*(?:$|[),;.:…\]–-]|(?:và|so|tăng|giảm|xuống|lên|đến|tới|trong|tiền|còn|thì|là|"
                               r"với|cho|nhưng|hoặc|mỗi|một|trên|từ)(?!\w))")


def _with_money_unit(quantities: list[Quantity], prev: str, sentence: str) -> list[Quantity]:
    """A bare scale word counts the money named before it: "Hỗ trợ 140 tỷ đồng cho 11 địa
    phương … Lạng Sơn (30 tỷ), Hà Giang (20 tỷ)" are 30 and 20 tỷ đồng. The currency is the
    nearest earlier money figure's, in this sentence or earlier in its paragraph; with none, or
    with a noun after it ("300 triệu quả trứng"), it stays a bare number. Its text stays as written."""
    money = [q for q in find_quantities(prev[-600:]) if q.kind == "money" and q.scale_word] if prev else []
    out = []
    for q in quantities:
        if q.kind == "money" and q.scale_word:
            money.append(q)
        elif q.kind == "count" and not q.unit and q.scale_word and money and not q.per \
                and _AFTER_BARE_MONEY.match(sentence, q.end):
            q = replace(q, unit=money[-1].unit, kind="money")
        out.append(q)
    return out


MAX_SENTENCE = 1200


_RESPECTIVELY = re.compile(r"lần lượt|tương ứng", re.IGNORECASE)


def _respectively(sentence: str, quantities: list[Quantity], places) -> tuple[dict, dict]:
    """ "GDP năm 2020 và 2021 lần lượt đạt 1,6% và 6,7%": the n years (or provinces) before
    "lần lượt" go with the n figures after it, in order. {figure start: period / entity}."""
    m = _RESPECTIVELY.search(sentence)
    if not m:
        return {}, {}
    after = [q for q in quantities if q.start >= m.end()]
    lo = max(0, m.start() - 200)
    years = [int(y.group()) for y in lexicon.YEAR.finditer(sentence, lo, m.start())]
    names = [sentence[s:e] for s, e, _ in places if lo <= s and e <= m.start()]
    by_year = {q.start: f"năm {y}" for q, y in zip(after, years)} if 2 <= len(years) == len(after) else {}
    by_place = {q.start: n for q, n in zip(after, names)} if 2 <= len(names) == len(after) else {}
    return by_year, by_place


def _bounded(sentence: str, q: Quantity) -> tuple[str, int]:
    """The sentence to cite, cut to a window around the figure when it runs on (a 1 MB line
    without punctuation is one 'sentence'; storing it once per figure would fill the disk)."""
    if len(sentence) <= MAX_SENTENCE:
        return sentence, 0
    a = max(0, q.start - MAX_SENTENCE // 2)
    b = min(len(sentence), q.end + MAX_SENTENCE // 2)
    a = sentence.rfind(" ", 0, a) + 1 if a > 0 else 0
    b2 = sentence.find(" ", b)
    b = len(sentence) if b2 < 0 else b2
    return sentence[a:b], a


def _clause_start(sentence: str, pos: int) -> int:
    """Start of the clause that holds position `pos` (after the last ; : , or dash)."""
    start = max(0, pos - 300)
    for m in _CLAUSE_SPLIT.finditer(sentence, start, pos):
        start = m.end()
    return start


# a clause whose subject is a number of places, or the rest of them ("61 địa phương còn lại", "các tỉnh khác")
_PLACES_COUNTED_SUBJECT = re.compile(r"(?<!\w)(?:\d+|các)\s+(?:địa phương|tỉnh(?:,? thành(?: phố)?)?|thành phố)"
                                     r"(?:\s+(?:còn lại|khác))?(?!\w)", re.IGNORECASE)


def _entity_for(sentence: str, q: Quantity, places, listed=()) -> str:
    # "Lâm Đồng (hơn 10 tỷ đồng)": the place right before an opening parenthesis.
    before = sentence[:q.start]
    m = re.search(r"\(\s*$", before)
    if m:
        head = before[:m.start()].rstrip()
        for s, e, place in reversed(places):
            if e == len(head):
                return sentence[s:e]
        # "vượt Singapore (337,5 tỷ USD), Malaysia (336,3 tỷ USD)": any name right before it
        named = _name_ending(head)
        # … not a figure restated in other units: "209 mẫu Anh (85 ha)", "65.000 đôla Singapore (…)",
        # nor a sector ("phát triển ngành Công Thương (2 chương trình …)")
        if named and not any(re.fullmatch(r"\d[\d.,]*", w) for w in head.split()[-4:]) \
                and not _AFTER_SECTOR_WORD.search(head[:len(head) - len(named)]):
            return named
    if q.kind == "count":
        # "… trong đó có 700 gian hàng của các tổ chức, doanh nghiệp Trung Quốc, 100 gian hàng của …
        # Việt Nam": a count's owner written after it with "của" is its own, and is not the next one's
        # (in a list of such counts only: "sở hữu 415 triệu cổ phiếu của … Tesco" names the issuer;
        # the list is looked for around the figure, not in the whole sentence: a 1 MB "sentence"
        # must not be rescanned per figure)
        after = _OWNER_AFTER.match(sentence, q.end)
        if after and len(_COUNT_OWNED.findall(sentence, max(0, q.start - 300), q.end + 300)) >= 2 \
                and (owner := _name_ending(after.group(1).rstrip())):
            return owner
        if _OWNED_BY_EARLIER.search(sentence[max(0, q.start - 200):q.start]):
            return ""
    cs = _clause_start(sentence, q.start)
    if q.kind != "count":
        places = [(s, e, p) for s, e, p in places if not _of_an_earlier_figure(sentence, s, e, q)]
    in_clause = [(s, e) for s, e, p in places if cs <= s and e <= q.start and (s, e, p) not in listed]
    if in_clause:
        s, e = in_clause[-1]
        return sentence[s:e]
    # "Thái Lan đoạt giải nhất …, Campuchia 4 lần, Mỹ 2 lần": a list item is a name, then its figure
    item = _list_item_name(before[-300:])     # the tail only: a 1 MB "sentence" must not be rescanned per figure
    if item:
        return item
    if _PLACES_COUNTED_SUBJECT.search(sentence, cs, q.start):
        return ""       # "…, thì 61 địa phương còn lại … chỉ đạt 4,5 điểm": of no place named before it
    preceding = [(s, e) for s, e, _ in places if e <= q.start]
    if preceding and len(places) == 1:
        s, e = preceding[-1]
        return sentence[s:e]
    # only the text just before the figure: a 1 MB "sentence" must not be rescanned per figure
    name = _capitalised_before(sentence[max(0, q.start - 200):q.start])
    at = sentence.rfind(name, max(0, q.start - 200), q.start) if name else -1
    if at >= 0 and q.kind != "count" and _of_an_earlier_figure(sentence, at, at + len(name), q):
        return ""
    return name


def _of_an_earlier_figure(sentence: str, s: int, e: int, q: Quantity) -> bool:
    """Whether the name at s:e ends the base an earlier figure is of, right before
    q: "chiếm 38% giá trị xuất khẩu của ngành gỗ Việt Nam và 18,5% tổng kim ngạch …" (Việt Nam is
    the 38%'s, not the 18,5%'s), maybe with the earlier figure's own words after it ("86,5% kim
    ngạch xuất khẩu thủy sản của Việt Nam trong vòng 3 năm, 90,3% …")."""
    return bool(_OF_AN_EARLIER_FIGURE.search(sentence, max(0, s - 120), s)) \
        and bool(_THEN_THE_NEXT.fullmatch(sentence, e, q.start))


# the place that ends an earlier figure's "of" phrase, and what joins it to the next figure
_OF_AN_EARLIER_FIGURE = re.compile(r"\d%?\s+(?:[^\W\d]+\s+){1,6}của\s+(?:[^\W\d]+\s+){0,4}$")
_THEN_THE_NEXT = re.compile(r"(?:\s+[^\W_]+){0,6}?\s*(?:,\s*|và\s+)")     # (the earlier one's span may end it)
# a count's owner written after it: "700 gian hàng của các tổ chức, doanh nghiệp Trung Quốc" (up to the
# next figure or the clause's end), and the name that ends an earlier count's such owner
_OWNER_AFTER = re.compile(r"\s+(?:[^\W\d]+\s+){0,3}?của\s+([^\d;.()]{1,80}?)(?=\s*,\s*\d|\s*[;.()]|\s+(?:và|vào|tại|ở|"
                          r"với|cho|từ|sang|đã|đang|sẽ|được|là|có|đạt)\s|$)")
_COUNT_OWNED = re.compile(r"\d\s+(?:[^\W\d]+\s+){1,3}của\s")
_OWNED_BY_EARLIER = re.compile(r"\d\s+(?:[^\W\d]+\s+){1,3}của\s+[^\d;.()]{1,80}?,\s*$")
_AFTER_SECTOR_WORD = re.compile(r"(?<!\w)ngành\s+$", re.IGNORECASE)


def _name_ending(text: str) -> str:
    """The capitalised name `text` ends with, one word too ("Singapore"), not a sentence's
    first word or a function word ("Theo", "Trong")."""
    from ..text.vietnamese import capitalised_runs
    runs = capitalised_runs(text[-200:])
    if not runs or runs[-1][1] != len(text[-200:]):
        return ""
    s, e = runs[-1]
    chunk = text[-200:]
    words = chunk[s:e].split()
    at_start = chunk[:s].strip() == "" or chunk[:s].rstrip().endswith((".", ":", "\n"))
    if at_start and len(words) == 1 and not _acronym(words[0]):
        return ""
    while words and _not_a_name(words):
        words = words[1:]
    return " ".join(words) if words and chunk[s:e].endswith(" ".join(words)) else ""


def _not_a_name(words: list[str]) -> bool:
    """Whether a capitalised run's first word is a function word, not the start of a name:
    "Đồng" alone is the currency or "Đồng thời", before another capital a name ("Đồng Hới")."""
    if words[0].lower() == "đồng" and len(words) > 1 and words[1][:1].isupper():
        return False
    # compared as written when the word has marks: folded, "Sở" (Sở Công Thương) was "so" (so với)
    if has_diacritics(words[0]):
        return words[0].lower() in _NOT_NAMES_WRITTEN
    return fold(words[0]).lower() in _NOT_NAMES


_NOT_NAMES_WRITTEN = {w.lower() for w in (
    "theo", "trong", "năm", "tháng", "quý", "tại", "với", "từ", "ngoài", "đây", "ngày", "sau", "trước", "đến",
    "tổng", "các", "những", "một", "so", "khi", "nếu", "còn", "đồng", "ông", "bà", "riêng", "cùng", "hiện", "đặc",
    "biệt", "như", "vậy", "do", "covid", "covid-19")} \
    | {u.lower() for u in lexicon.MONEY_UNITS}     # "890 triệu USD": a currency is not what a figure is about
_NOT_NAMES_WRITTEN |= {a.lower() for a in lexicon.TERM_ABBREVIATIONS}   # "bằng 70,7% KH năm; tổng mức bán lẻ …"
# a zone's kind written short ("Hiện có 4 CCN hạ tầng …, 5 cụm …"): no one's name ("KCN Trà Kha" is "Trà Kha")
_NOT_NAMES_WRITTEN |= {z.lower() for z in lexicon.INDUSTRIAL_ZONES if z.isupper()}
# a unit written against its number ("đạt 423MW, …, tăng hơn 21MW"): no one's name
_NOT_NAMES_WRITTEN |= {u.lower() for u in lexicon.POWER_UNITS}
_NOT_NAMES = {fold(w) for w in _NOT_NAMES_WRITTEN}


def _list_item_name(before: str) -> str:
    """The name a list item opens with, right before its figure: ", Campuchia 4 lần", "; huyện
    Lệ Thủy với 09/41 sản phẩm" (after a comma, semicolon, colon or "và"; the name, a
    district's with its type noun, then maybe "với"). Not a function word ("Trong", "Năm") nor a
    roman numeral ("Quý I")."""
    head = before.rstrip()
    if len(head) == len(before):
        return ""
    head = _LINK_WORD.sub("", head)
    named = _name_ending(head)
    if not named or re.fullmatch(r"[IVXL]+", named):
        return ""
    lead = _ITEM_LEAD.search(head[:len(head) - len(named)])
    if not lead:
        return ""
    return (lead.group(1) + named) if lead.group(1) else named


_LIST_ITEM_GAP = re.compile(r"\s+(?:với\s+)?")
_LINK_WORD = re.compile(r"\s+với\Z")
_ITEM_LEAD = re.compile(r"(?:[,;:]|\svà)\s+((?:thành phố|thị xã|huyện|quận|xã|phường|thị trấn)\s+)?\Z", re.IGNORECASE)


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


# a government body reporting ("Theo báo cáo của Sở Công Thương, …", "Theo Trung tâm Khuyến công
# (Sở Công thương), …"), not a company's own report
_SOURCE = re.compile(r"(?<!\w)(?:[Tt]heo|[Cc]ăn cứ)\s(?:(?:báo cáo|số liệu|thống kê|công bố|đánh giá)(?:\s+(?:của|từ))?\s+)?"
                     r"(?:Sở|Cục|Bộ|Tổng cục|UBND|Ủy ban|Trung tâm|Ban|Phòng|TCTK|GSO)(?!\w)(?:[^,;.:()]|\([^()]*\))*[,:]")
# nor a person reporting ("Theo Tổng giám đốc Nguyễn Anh Tuấn, … ước đạt khoảng 87.600 MW")
_SOURCE_PERSON = re.compile(r"(?<!\w)[Tt]heo\s+(?:(?:ông|bà)\s+(?=[A-ZĐ])|(?:ông\s+|bà\s+)?(?i:"
                            + lexicon.alternation(lexicon.TITLES)
                            + r")(?!\w))(?:[^,;.:()]|\([^()]*\))*[,:]")

# nor a person speaking ("Ông Nguyễn Khắc Nhu cho biết thêm, … đã triển khai được 20/32 dự án"):
# who tells the figure is not what it is about (a body that tells its own figures may be)
_SPEAKER = re.compile(r"(?<!\w)(?:(?:ông|bà|đồng chí)\s+(?-i:[A-ZĐ])|(?:" + lexicon.alternation(lexicon.TITLES) + r")(?!\w))"
                      r"[^;.:()]{0,100}?\s(?:" + lexicon.alternation(lexicon.SPEECH_VERBS)
                      + r")(?:\s+thêm)?\s*[,:]", re.IGNORECASE)
# (by title too: "Tổng Giám đốc Tập đoàn Central Retail Việt Nam Olivier Langlet cho biết, dự án có …")


_RANGE_FROM = re.compile(r"(?<!\w)(?:từ)\s+$", re.IGNORECASE)
_RANGE_TO = re.compile(r"(?<!\w)(?:đến|tới)\s+$", re.IGNORECASE)


def _range_bound(text: str, s: int, e: int) -> bool:
    """Whether the name at s:e opens or closes a range "từ X đến Y"."""
    if _RANGE_FROM.search(text[max(0, s - 6):s]):
        return bool(re.match(r"\s+(?:đến|tới)\s", text[e:e + 8], re.IGNORECASE))
    if _RANGE_TO.search(text[max(0, s - 6):s]):
        return bool(re.search(r"(?<!\w)từ\s+[^\W\d_]", text[max(0, s - 60):s], re.IGNORECASE))
    return False


def _capitalised_before(text: str) -> str:
    """The last run of capitalised words before a figure (a company, an agency), not a sentence start."""
    from ..text.vietnamese import capitalised_runs
    # "Theo báo cáo của Sở Công Thương, tổng mức bán lẻ … đạt …": who says it is not what it is about
    sources = [m.span() for pattern in (_SOURCE, _SOURCE_PERSON, _SPEAKER) for m in pattern.finditer(text)]
    # "dầu FO 82,4 triệu USD; thép 560 triệu USD": an item of a list that opens with its own label
    # has its own subject, and FO's item has ended; "PNJ đạt … 17.511 tỷ đồng; lợi nhuận … 1.349 tỷ
    # đồng" goes on with another measure of the same subject
    item = text[text.rfind(";") + 1:].lstrip()
    own_item = ";" in text and not _MEASURE_RE.match(item.lower()) and not _RELATION_FIRST.match(item)
    for s, e in reversed(capitalised_runs(text)):
        if any(a <= s < b for a, b in sources):
            continue
        if own_item and _EARLIER_ITEM.search(text, e):
            break
        words = text[s:e].split()
        if _AFTER_SECTOR_WORD.search(text[:s]) or words[0].lower() == "ngành":
            continue                      # "ngành Công Thương", "ngành Giáo dục": a sector, no one's figure
        line_start = not text[:s].rstrip(" (").strip() or text[:s].rstrip(" (").endswith("\n")
        if _NEWS_TAG.match(text[e:]) and line_start:
            continue                      # "(ĐN)- Theo Sở Công thương, …": a paper's tag, no one's figure
        if _DATELINE.match(text[e:]) and line_start and _acronym(text[s:e]):
            continue                      # "KTĐT - Gần 58.000 TOE …", "BHG - Theo báo cáo …": the same
        if words[0] == "Tết":
            continue                      # "trước và sau Tết Đinh Dậu 2017": a holiday dates a figure
        if _PASSIVE_AGENT.search(text, max(0, s - 8), s):
            continue                      # "7 doanh nghiệp đã được Bộ Công thương cấp giấy …": who granted it
            #                               is not what is counted (it had been the subject of the next count)
        if own_item and ";" in text[e:] and re.search(r"\d", text[text.rfind(";", 0, s) + 1:s]):
            continue                      # "09 đơn vị …, quản lý VLNCN, gồm: …, Công ty CP Hồng Sơn; 02 đơn
            #                               vị …": said after the earlier group's figure, of that figure
        if _SCOPE_OF_A_COUNT_OF_PLACES.search(text[:s]):
            break                         # "17 tỉnh, thành miền Trung - Tây Nguyên và 9 tỉnh phía Bắc": the
            #                               region the earlier count reaches is not the next count's
        if _range_bound(text, s, e):
            continue                      # "21 tỉnh thành miền Nam (từ Ninh Thuận đến Cà Mau)": a range's
            #                               ends say how far it reaches, neither is what it is about
        # a sentence capitalises its first word, not an acronym ("SSI tăng 700 đồng"); after ";"
        # the sentence goes on in lower case, so a capital there is a name
        at_start = text[:s].strip() == "" or text[:s].rstrip().endswith((".", ":", "\n"))
        if at_start and not _acronym(words[0]):
            words = words[1:]
        while words and _not_a_name(words):
            words = words[1:]
        # … not a label ("2 giải A, 2 giải B và 20 giải C": "A" names no one's figure), nor a
        # roman numeral alone, which numbers a period or a class ("quý I", "chợ loại I", "khóa XIV")
        if words and (len(words) >= 2 or words[0].isupper() and not _LABEL.fullmatch(words[0])
                      and not _ROMAN_ALONE.fullmatch(words[0])):
            i = text.index(words[0], s)
            return text[i:e]
    return ""


_NEWS_TAG = re.compile(r"\s*\)\s*[-–—]")
# a count of places, then the region it reaches, up to a capitalised run: "17 tỉnh, thành miền Trung - "
_SCOPE_OF_A_COUNT_OF_PLACES = re.compile(r"(?<!\w)\d+\s+(?:tỉnh|thành phố|địa phương)(?:,?\s*thành(?:\s+phố)?)?\s+"
                                         r"(?:(?:khu vực|vùng|miền|phía)\s+)?(?:[^\W\d_]+\s*[-–]\s*)?$",
                                         re.IGNORECASE)
# the agent of a passive, right before a capitalised run: "được Bộ Công thương cấp", "bởi UBND tỉnh"
_PASSIVE_AGENT = re.compile(r"(?<!\w)(?:được|bởi)\s+$")
# a paper's tag opening a line, written bare: "KTĐT - ", "TTH - " (not "Tân Cảng - Mộc Bài", no acronym)
_DATELINE = re.compile(r"\s*[-–—]\s")
# a list item that has had its figure and ended: a name before it is that item's, not the next one's
_EARLIER_ITEM = re.compile(r"\d[^;]*;")
_RELATION_FIRST = re.compile(r"(?:" + "|".join(lexicon.RELATIONS) + r")(?!\w)", re.IGNORECASE)   # "…; giảm 10% …"
_LABEL = re.compile(r"[A-HJKMNO-UWYZ]")     # one letter that is no roman numeral
_ROMAN_ALONE = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")     # I … XXXIX, not "VIC" or "CV"


# ("trị giá đạt 33 tỉ USD" is a value, not a price: "giá" after "trị" is no measure)
_MEASURE_RE = re.compile(r"(?<!\w)(?<!trị )(" + "|".join(re.escape(m) for m in sorted(MEASURES, key=len, reverse=True))
                         + r")(?!\w)")


_CLOSED_BRACKET = re.compile(r"\([^()]*\)")
_MEASURE_TOLD_AFTER = re.compile(r"\s+về\s+" + _MEASURE_RE.pattern)


def _measure_for(sentence: str, q: Quantity) -> str:
    """The measure word that ends closest before the figure (whole words, marks included:
    "lãi" is not the end of "Gia Lai"), unless one follows it with "về" ("tăng trưởng 8,79% về
    doanh thu và tăng 9,01% về sản lượng": each its own)."""
    told = _MEASURE_TOLD_AFTER.match(sentence[q.end:q.end + 80].lower())     # bounded: a 1 MB "sentence"
    if told:
        return told.group(1)
    before = sentence[max(0, q.start - 160):q.start]
    # a province's name holds no measure: "tỉnh Tiền Giang có 12 sản phẩm" measures no "tiền"
    for a, b, _ in find_places(before):
        before = before[:a] + " " * (b - a) + before[b:]
    before = before.lower()
    # a note in brackets closed before the figure is not its measure: "giá trị sản xuất công
    # nghiệp (giá so sánh 2010) ước đạt hơn 11.090 tỷ đồng" is of "giá trị sản xuất", not "giá"
    # (a label right before the figure still names it: "(lỗ ròng) hơn 1.255 tỷ đồng"; a bracket
    # holding a figure of its own is a list's item: "Vietcombank (chiếm 27,75% tổng dư nợ …)")
    # (… but a breakdown in brackets is the figure before's: "44% doanh nghiệp … (trong đó 22% cung cấp hoàn
    # toàn cho FDI), 16% cung cấp cho thị trường xuất khẩu" does not measure the 16% by "FDI")
    before = _CLOSED_BRACKET.sub(lambda m: " " * len(m.group()) if _BREAKDOWN_OPENS.match(m.group())
                                 or re.search(r"[^\W\d_]", before[m.end():]) and "%" not in m.group()
                                 else m.group(), before)
    found = [m for m in _MEASURE_RE.finditer(before) if q.kind == "money" or m.group(1) not in _FINES]
    # "…; sản lượng điện thương phẩm đạt 362,67 triệu kWh; … xi măng đạt 736.000 tấn": a product
    # measured by an earlier item of a ';' list is not this item's (lexicon.PRODUCT_MEASURES)
    item = before.rfind(";")
    if found and found[-1].start() < item and _ITEM_LABEL.match(before[item + 1:].lstrip()) \
            and not _MEASURE_RE.match(before[item + 1:].lstrip()):
        found = [m for m in found if m.group(1) not in _PRODUCTS]     # "sản lượng" of it still carries
    if len(found) > 1 and found[-1].group(1) == "trị giá" \
            and not re.search(r"(?<!\w)và(?!\w)|[,;]", before[found[-2].end():found[-1].start()]):
        return found[-2].group(1)    # "giá trị xuất khẩu lớn nhất … với trị giá đạt 33 tỉ USD": the value of that
    if found:                        # (but "… hơn 20,7 triệu đồng và thu giữ hàng hóa trị giá …" is the goods')
        return found[-1].group(1)
    return q.unit if q.kind == "count" else ""


_PRODUCTS = {m.lower() for m in lexicon.PRODUCT_MEASURES}
_FINES = set(lexicon.FINE_MEASURES)      # money only: "xử phạt 45 vụ", "… xử phạt …, bằng 106,6%" measure no fine
_BREAKDOWN_OPENS = re.compile(r"\(\s*(?:trong đó|trong số đó|gồm|bao gồm)\b", re.IGNORECASE)
# an item that opens with a word of its own, not a number or a change ("; xi măng đạt …", "; mặt hàng …")
_ITEM_LABEL = re.compile(r"(?!(?:tăng|giảm|đạt|chiếm|bằng|trong đó)\b)[^\W\d_]")


_OPEN_BRACKET = re.compile(r"\(([^()]*)$")
_EARLIER_PERIOD = re.compile(r"(?<!\w)(?:cùng kỳ|kỳ trước|năm trước)(?!\w)", re.IGNORECASE)


def _restates_for_a_period(sentence: str, prev: Quantity, q: Quantity) -> bool:
    """"chiếm tỷ lệ 8,83% tổng dư nợ (năm 2019 là 3,15%)": a figure in a bracket after another,
    naming only a period, is the same measure in that period (the nearest measure word, "dư nợ",
    is the first figure's base, not the second's measure)."""
    opened = _OPEN_BRACKET.search(sentence, prev.end, q.start)
    if not opened:
        return False
    inside = opened.group(1)
    return bool(periods_in(inside) or _EARLIER_PERIOD.search(inside)) and not _MEASURE_RE.search(inside.lower())


# what a comparison is made with: "tăng 14% so với năm 2019", "tương đương với năm 2019",
# "cao hơn năm trước": a year there is the baseline's, not the period of a figure
# (within one clause, and never across a sentence's end: a decimal comma, "1,98%", does not end it)
_BASELINE = re.compile(r"(?:so với|so (?=cùng kỳ|kế hoạch|năm|tháng|quý|kỳ)|tương đương(?: với)?|ngang (?:bằng|với)|(?:cao|thấp|nhiều|ít|lớn|nhỏ) hơn)"
                       r"(?:[^,;.]|(?<=\d)[,.](?=\d))*$", re.IGNORECASE)


# a period planned, not reported: "triển khai nhiệm vụ năm 2016", "phương hướng … năm 2021"
_PLANNED = re.compile(r"(?:nhiệm vụ|phương hướng|kế hoạch|mục tiêu|định hướng)(?:\s+(?:công tác|trọng tâm|chủ yếu))?"
                      r"(?:\s+(?:của|cho|trong))?\s*$", re.IGNORECASE)


_IN_LATER_BRACKET = re.compile(r"\([^()]*$")
# a bracket opened right after a comparison's baseline: what it holds is the baseline's value
_BASELINE_RESTATED = re.compile(r"(?<!\w)so với[^(),;]*\(\s*(?:khoảng|hơn|gần|trên|dưới)?\s*$", re.IGNORECASE)


def _bracket_has_its_own_figure(sentence: str, start: int, period, periods) -> bool:
    """Whether `period` stands in a bracket opened after `start` that holds a number besides
    the periods written in it ("(năm 2019 là 3,15%)", not "(cuối tháng 3 và tháng 4/2020)")."""
    opened = _IN_LATER_BRACKET.search(sentence, start, period[0])
    if not opened:
        return False
    close = sentence.find(")", period[1])
    return _figure_besides_periods(sentence, opened.start(), close if close >= 0 else len(sentence), periods)


# a bracket holding only a year, right after a figure: "1,62 tỉ đô la Mỹ (2015)", "86,7% (năm 2015)"
_YEAR_BRACKET_AFTER = re.compile(r"\s*\(\s*(?:năm\s+)?((?:19|20)\d{2})\s*\)")


def _dates_a_later_figure(sentence: str, start: int, period) -> bool:
    """Whether `period` is a year bracketed right after another figure written after `start`."""
    opened = sentence.rfind("(", start, period[0])
    bracket = _YEAR_BRACKET_AFTER.match(sentence, opened) if opened > start else None
    return bracket is not None and bracket.end() >= period[1] \
        and bool(re.search(r"\d[\d.,]*\s*\S{0,12}\s*$", sentence[start:opened]))


def _figure_besides_periods(sentence: str, start: int, end: int, periods) -> bool:
    """Whether `sentence[start:end]` holds a number besides the periods written in it."""
    inside = list(sentence[start:end])
    for s, e, _ in periods:
        for i in range(max(s, start), min(e, end)):
            inside[i - start] = " "
    return any(c.isdigit() for c in inside)


def _period_for(sentence: str, q: Quantity, periods, prev: str, doc: Document) -> str:
    """The period a figure belongs to, with its year: a period its sentence names without one
    ("Chỉ số sản xuất công nghiệp 9 tháng đầu năm tăng 8,17%", "quý 1") is of the year the
    sentence before it, the paragraph or the record's title reports, else of the record's year."""
    period = _period_named(sentence, q, periods, prev, doc)
    if not period or years_in(period):
        return period
    now = _NOW.search(sentence, max(0, q.start - 300), q.start)
    # the same period named with its year before ("… tháng 1/2017 đạt …" then "trong tháng 1, …"), else
    # the year the context reports
    year = _year_of_the_same(period, sentence[:q.start], "" if now else prev, doc.title) or \
        _context_year(sentence[:q.start]) or (None if now else _context_year(prev)) or _context_year(doc.title)
    if not year:
        year = doc.metadata.get("year")
        if not isinstance(year, int):
            return period
        # a record of 29/4/2021 reporting "tháng 12" or "quý 3" speaks of the year before
        dated = re.match(r"(\d{4})-(\d{2})", str(doc.metadata.get("date", "")))
        first = _first_month(period)
        if dated and first and first > int(dated.group(2)) and int(dated.group(1)) == year:
            year -= 1           # (not when the year is the one the record's title names)
    return f"{period} {year}" if fold(period).lower().endswith("nam") else f"{period} năm {year}"


_MONTH_OR_QUARTER = re.compile(r"\b(?:tháng\s+(\d{1,2})|quý\s+(\d|I{1,3}|IV))\b", re.IGNORECASE)
_QUARTER_NUMBERS = {"1": 1, "2": 2, "3": 3, "4": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4}


# a sentence of the record's own time: what it counts is as of the record, not of the period
# the sentence before it named
# ("từ đầu năm đến nay" is the months so far, the report's own period, which the sentences before name)
# ("vượt kỷ lục từ trước đến nay" is ever, not now)
_NOW = re.compile(r"(?<!\w)(?:(?:cho |tính )?(?<!đầu năm )(?<!từ trước )(?<!xưa )(?:đến|tới) nay|hiện nay|hiện tại|hiện có)(?!\w)",
                  re.IGNORECASE)


def _year_of_the_same(period: str, *contexts: str) -> int | None:
    """The year of the last mention of `period` with a year ("tháng 1/2017", "quý I năm 2021") in
    the first of `contexts` that has one."""
    head = re.escape(period.strip())
    for context in contexts:
        # (not a comparison's base: "… giảm 24% so với tháng 1/2022" does not date this year's "tháng 1")
        same = [m for m in re.finditer(head + r"(?:/|\s+năm\s+)(\d{4})(?!\d)", context, re.IGNORECASE)
                if not _BASELINE.search(context[max(0, m.start() - 200):m.start()])]
        if same:
            return int(same[-1].group(1))
    return None


def _first_month(period: str) -> int | None:
    """The first month of a named month or quarter ("tháng 12" → 12, "quý 3" → 7)."""
    m = _MONTH_OR_QUARTER.search(period)
    if not m:
        return None
    if m.group(1):
        return int(m.group(1))
    return 3 * _QUARTER_NUMBERS[m.group(2).lower()] - 2


def _context_year(context: str) -> int | None:
    """The year a context reports (not a comparison's base, within its sentence, nor a year it
    plans: "… và triển khai nhiệm vụ năm 2016")."""
    def own_sentence(p0: int) -> str:
        before = context[max(0, p0 - 200):p0]
        return before[before.rfind(". ") + 1:]
    found = [p for p in periods_in(context) if years_in(p[2]) and not _BASELINE.search(own_sentence(p[0]))
             and not _since(context, p)]
    chosen = _reported(context, found)
    return max(years_in(chosen[-1][2])) if chosen else None


# "tốc độ tăng cao nhất kể từ năm 2015 trở về đây", "từ năm 2015 đến nay": a year counted from,
# not the one reported
_SINCE_BEFORE = re.compile(r"(?<!\w)kể từ\s*$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?<!\w)từ\s*$", re.IGNORECASE)
_UNTIL_NOW_AFTER = re.compile(r"\s*(?:trở về đây|trở lại đây|đến nay|tới nay)(?!\w)", re.IGNORECASE)


def _since(context: str, period, until_now: bool = False) -> bool:
    """A year counted from; with `until_now`, only one counted up to now ("từ năm 2021 đến nay"),
    since in a figure's own sentence "kể từ ngày 1/1/2024" may be when it takes effect."""
    before = context[max(0, period[0] - 12):period[0]]
    counted_from = bool(_SINCE_BEFORE.search(before) or _FROM_BEFORE.search(before))
    if until_now or not _SINCE_BEFORE.search(before):
        return counted_from and bool(_UNTIL_NOW_AFTER.match(context, period[1]))
    return True


def _reported(context: str, periods: list) -> list:
    """Of the periods a context names, those it reports, not those it plans ("Tổng kết công tác
    năm 2015 và triển khai nhiệm vụ năm 2016"); all of them when every one is planned."""
    return [p for p in periods if not _planned(context, p)] or periods


def _period_named(sentence: str, q: Quantity, periods, prev: str, doc: Document) -> str:
    """The period a figure belongs to: the nearest one before it that is not a comparison
    baseline ("… so với kế hoạch năm 2019"), else after it, else the paragraph's earlier
    sentences', else the title's, else the record's year."""
    restated = _BASELINE_RESTATED.search(sentence, max(0, q.start - 200), q.start)
    if restated:
        # "tăng 35,55% so với tổng kinh phí thực hiện năm 2017 (44.309 triệu đồng)": the
        # baseline's own value, of the period the baseline ends with
        said = [p for p in periods if restated.start() <= p[0] and p[1] <= restated.end()]
        if said and sentence[said[-1][1]:q.start].lstrip().startswith("("):
            return said[-1][2]
    own_year = _YEAR_BRACKET_AFTER.match(sentence, q.end)
    if own_year:
        return f"năm {own_year.group(1)}"   # "từ 1,62 tỉ đô la Mỹ (2015) lên …": the bracket dates its figure
    # (a year bracketed after a later figure is that figure's: "cấp điện cho 17.540 hộ, …, từ 86,7% (năm
    # 2015) lên 97,5% (năm 2020)" does not date the 17.540 hộ by 2015)
    periods = [p for p in periods if p[1] <= q.start or not _dates_a_later_figure(sentence, q.end, p)]
    after = [p for p in periods if p[0] >= q.end]
    if after and _LINKS_TO_PERIOD.fullmatch(sentence, q.end, after[0][0]):
        # "3% trong năm 2020 và 7,8% vào năm 2021": each figure's own year, a baseline's figure
        # too ("1,79% so với mức 1,98% cuối năm 2020")
        return after[0][2]
    periods = [p for p in periods if not _BASELINE.search(sentence[max(0, p[0] - 200):p[0]])
               and not _since(sentence, p, until_now=True)]      # "… 9,49% - mức cao nhất từ năm 2021 đến nay"
    # "8,83% tổng dư nợ (năm 2019 là 3,15%)": a period in a bracket opened after the figure,
    # beside a figure of its own, is that figure's ("… lượt khách (năm 2019)" is not)
    periods = [p for p in periods if p[1] <= q.start or not _bracket_has_its_own_figure(sentence, q.end, p, periods)]
    # "xoay quanh 4 vấn đề sau: Thứ nhất, … năm 2022 …": what a colon opens after the figure
    # lists its items, whose periods are theirs
    # (nor a group's after ";": "… đạt 3.397,5 nghìn tỷ đồng, tăng 20,3% so với năm 2016; giá trị … 6
    # tháng đầu năm 2018 …" is not of 2018)
    after = [p for p in periods if p[0] >= q.end and not re.search(r"[:;]", sentence[q.end:p[0]])]
    # (nor a period in an aside closed before the figure: "tăng 1,45% (do quý 3/2021 giảm 19,92% …)
    # trong đó, công nghiệp chế biến, chế tạo tăng 1,5%" is not of quý 3)
    before = [p for p in periods if p[1] <= q.start and not _in_an_aside_before(sentence, p, q.start, periods)]
    if before:
        if len(before) >= 2 and _JOINED.fullmatch(sentence, before[-2][1], before[-1][0]):
            return sentence[before[-2][0]:before[-1][1]]
        return before[-1][2]
    if after:
        return after[0][2]
    # an earlier sentence of the paragraph, then the record's title (news leads name the quarter);
    # not the sentence before when this one says it is of now ("Đến nay, thành phố đã hình
    # thành … 6 trung tâm thương mại" after "đến năm 1984, …")
    for context in ((doc.title,) if _NOW.search(sentence, max(0, q.start - 300), q.start) else (prev, doc.title)):
        # (a period in an earlier sentence's bracket is an aside's: "(tháng 6/2012 là 21,4%, … tháng
        # 11/2012 …)" does not date "Giá trị sản xuất công nghiệp ước đạt 140.660 tỷ đồng" after it)
        found = [p for p in periods_in(context) if not _BASELINE.search(context[max(0, p[0] - 200):p[0]])
                 and not _since(context, p) and context.rfind("(", 0, p[0]) <= context.rfind(")", 0, p[0])]
        if found:
            reported = _reported(context, found)
            if context is doc.title and reported == found and all(
                    _planned(context, p) or _TARGET_SET_AFTER.match(context, p[1]) for p in found):
                # a title that names only the year planned ("Sở Công Thương triển khai nhiệm vụ năm
                # 2026") dates no result: the year the record's lead reports does
                return _lead_reported(doc) or reported[-1][2]
            # a context naming a year and a span ("Kế hoạch khuyến công năm 2023 … theo chương trình
            # … giai đoạn 2021-2025") reports the year: the span frames it
            return (_within_a_year(reported) or reported)[-1][2]
    lead = None if _NOW.search(sentence, max(0, q.start - 300), q.start) else _lead_part_of_year(doc)
    if lead:
        return lead
    year = doc.metadata.get("year")
    return f"năm {year}" if year else ""


def _lead_part_of_year(doc: Document) -> str | None:
    """The one part of a year a news record's lead names before any figure, with no year of its
    own ("Trong 6 tháng đầu năm, Khánh Hòa đã …"): it frames the figures of later paragraphs that
    name no period ("Kim ngạch xuất khẩu đạt 1.266 triệu USD"), which would otherwise be the year's."""
    start = doc.body_start
    if doc.title and doc.text.startswith(doc.title, start):
        start += len(doc.title)         # the headline line: the lead is the paragraph after it
    start += len(doc.text[start:]) - len(doc.text[start:].lstrip())
    end = doc.text.find("\n", start)
    if end > 0 and date_line_day(doc.text[start:end]):
        start = end + 1                 # a saved page's date line ("09:40 10/04/2025") is no lead
        end = doc.text.find("\n", start)
    lead = doc.text[start:end if end > 0 else start + 600][:600]
    found = [p for p in periods_in(lead) if not _BASELINE.search(lead[max(0, p[0] - 200):p[0]])]
    # (one period, the lead's frame: before any figure it states; "… bán được 1,2 triệu smartphone
    # trong 17 tháng, trong đó phần lớn … đến từ 4 tháng đầu năm nay" is framed by no part of the year)
    if len(found) != 1 or years_in(found[0][2]) or re.search(r"\d", lead[:found[0][0]]):
        return None
    part = fold(found[0][2]).lower()
    if not (lexicon.QUARTER_FOLDED.search(part) or lexicon.MONTHS_FOLDED.search(part)):
        return None
    return found[0][2]


def _in_an_aside_before(sentence: str, period, start: int, periods) -> bool:
    """Whether `period` stands in a bracket that closes before `start` and holds a figure of its
    own ("(do quý 3/2021 giảm 19,92% so cùng kỳ)"; "(tính đến 31/12/2020)" dates what follows)."""
    opened = sentence.rfind("(", 0, period[0])
    if opened < 0 or sentence.rfind(")", 0, period[0]) > opened or ")" not in sentence[period[1]:start]:
        return False
    return _figure_besides_periods(sentence, opened, sentence.find(")", period[1]), periods)


def _within_a_year(periods: list) -> list:
    return [p for p in periods if len(years_in(p[2])) <= 1]


def _planned(context: str, period) -> bool:
    return bool(_PLANNED.search(context[max(0, period[0] - 60):period[0]]))


# a headline's year a target is set for, written before it: "Năm 2020, Điện lực Hà Tĩnh đặt mục tiêu
# đạt …" (in the body, "Năm 2021, ngân hàng đặt mục tiêu …" dates the targets that follow it)
_TARGET_SET_AFTER = re.compile(r"[^.;:\n]{0,60}?(?<!\w)(?:đặt mục tiêu|đặt ra mục tiêu|đề ra mục tiêu|phấn đấu)(?!\w)",
                               re.IGNORECASE)


def _lead_reported(doc: Document) -> str | None:
    """The period the record's first lines report ("… tổ chức hội nghị tổng kết công tác năm
    2025, triển khai nhiệm vụ năm 2026": năm 2025), if they report one."""
    lead = doc.text[doc.body_start:doc.body_start + 600]
    said = [p for p in periods_in(lead) if not _BASELINE.search(lead[max(0, p[0] - 200):p[0]]) and not _since(lead, p)]
    found = [p for p in said if years_in(p[2]) and not _planned(lead, p) and not _TARGET_SET_AFTER.match(lead, p[1])]
    if found:
        return found[0][2]
    # "… tổ chức hội nghị sơ kết quý I, triển khai nhiệm vụ quý II-2024": the part of the year
    # reviewed, written without its year before the part planned (which the title names)
    reviewed = [p for p in said if not _planned(lead, p)]
    if reviewed and any(_planned(lead, p) for p in said if p[0] > reviewed[0][1]):
        return reviewed[0][2]
    return None


# a change written as its sign in brackets, as statistics reports list branches: "ngành khai
# khoáng (+16,2%); … ngành cung cấp nước (-5,6%)"
_SIGN_IN_BRACKET = re.compile(r"\(\s*([+\-–−])\s*$")


def _relation_for(sentence: str, q: Quantity) -> str:
    # (read up to the number, its sign included: "giảm nhiều hơn (-13,01%)")
    at = q.start + 1 if sentence[q.start] in SIGNS else q.start
    m = _RELATION_BEFORE.search(sentence[max(0, at - 20):at])
    verb = m.group(1) if m else ""
    sign = None if verb else _SIGN_IN_BRACKET.search(sentence[max(0, at - 4):at])
    if sign:
        verb = "tăng" if sign.group(1) == "+" else "giảm"
    if not verb:
        m = _CHANGE_AT_LEVEL.search(sentence[max(0, at - 50):at])
        verb = m.group(1).lower() if m else ""
    after = sentence[q.end:q.end + 80]
    m2 = re.match(r"\s*(so với [^,;.]+|kế hoạch[^,;.]*)", after)
    tail = m2.group(1).strip() if m2 else ""
    return " … ".join(x for x in (verb, tail) if x)


# -- tables -----------------------------------------------------------------

_UNIT_IN_HEADER = re.compile(r"\(([^)]*)\)")


def _table_figures(doc: Document) -> list[Figure]:
    """Every numeric cell: entity from the row header, measure/unit from the column header."""
    from ..text.numbers import parse_number, parse_quantity
    out: list[Figure] = []
    for t in doc.tables:
        headers = {c.col: c.text for c in t.cells if c.row == 0}
        caption_unit = _UNIT_IN_HEADER.search(t.caption or "")
        for c in t.cells:
            if c.row == 0 or c.col == 0:
                continue
            header = headers.get(c.col, "")
            row_head = t.cell(c.row, 0)
            hu = _UNIT_IN_HEADER.search(header) or caption_unit
            unit_text = hu.group(1).strip() if hu else ""
            q = parse_quantity(c.text.strip())
            if q is None:
                try:
                    number = parse_number(c.text.strip())
                except ValueError:
                    continue
                scaled = parse_quantity(f"{c.text.strip()} {unit_text}") if unit_text else None
                value = scaled.value if scaled else number
                unit = scaled.unit if scaled else unit_text
                qualifier = None
            else:
                value, unit, qualifier = q.value, q.unit, q.qualifier
                if unit_text and not q.unit:
                    scaled = parse_quantity(f"{c.text.strip()} {unit_text}")
                    if scaled:
                        value, unit = scaled.value, scaled.unit
            lead = c.text[: len(c.text) - len(c.text.lstrip())]
            s = c.start + len(lead)
            e = c.start + len(c.text.rstrip())
            measure_header = _UNIT_IN_HEADER.sub("", header).strip()
            periods = periods_in(header) or periods_in(t.caption or "")
            years = sorted(years_in(header))
            period = periods[0][2] if periods else (f"năm {years[0]}" if years else "")
            out.append(Figure(
                doc=doc.path, value=value, unit=unit, text=doc.text[s:e], start=s, end=e,
                # cited with the header row, so the column's meaning is on screen and checkable
                sentence=doc.text[t.start:_row_end(t, c.row)], sentence_start=t.start,
                qualifier=qualifier, entity=row_head.text.strip() if row_head else "",
                measure=_measure_name(measure_header, t.caption), period=period, relation="",
                paragraph=0, table=t.index, row=c.row, col=c.col))
    return out


def _measure_name(header: str, caption: str) -> str:
    folded = fold(header)
    for m, mf in _MEASURES_FOLDED:
        if mf in folded:
            return header
    for m, mf in _MEASURES_FOLDED:
        if mf in fold(caption or ""):
            return f"{m} – {header}" if header else m
    return header


def _row_end(t, row: int) -> int:
    cells = [c for c in t.cells if c.row == row]
    return max(c.end for c in cells) if cells else t.end
