"""kcqa.numbers: the Vietnamese number, unit and qualifier reader."""

from __future__ import annotations

import json
import math
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kcqa.text.numbers import (
    COUNT_NOUNS,
    Quantity,
    find_quantities,
    format_vi,
    parse_number,
    parse_quantity,
    same_number,
)

SHARED = Path(__file__).parents[1] / ".." / "shared"
SEED_DIR = SHARED / "seed"
NEWS = SHARED / "data" / "vn_news_dantri_unc"
RESOLUTIONS = SHARED / "data" / "vn_resolutions_2025"
SEED_QUESTIONS = SHARED / "eval" / "seed_questions.jsonl"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def seed_text() -> str:
    files = sorted(need(SEED_DIR).glob("*.txt"))
    if not files:
        pytest.skip("no seed record")
    return files[0].read_text(encoding="utf-8")


def one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def texts(text: str) -> list[str]:
    return [q.text for q in find_quantities(text)]


# --------------------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    "s, value",
    [
        ("64,47", 64.47),
        ("1.402", 1402.0),
        ("17.786.419", 17786419.0),
        ("1,5", 1.5),
        ("1,250", 1.25),  # a single comma is always decimal
        ("1.250.000,5", 1250000.5),
        ("1,250,000", 1250000.0),  # English thousands, unambiguous with two groups
        ("1,250,000.5", 1250000.5),
        ("1.5", 1.5),  # a dot not followed by three digits is a decimal point
        ("3.14159", 3.14159),
        ("0.500", 0.5),  # leading zero: decimal
        ("01", 1.0),
        ("308", 308.0),
        (" 95,27 ", 95.27),
    ],
)
def test_parse_number(s, value):
    assert parse_number(s) == pytest.approx(value)


@pytest.mark.parametrize("s", ["", "abc", "1..2", "1.23.4", "1,2,3", "12a", "1.000,5,5", "-", ",5"])
def test_parse_number_rejects(s):
    with pytest.raises(ValueError):
        parse_number(s)


# --------------------------------------------------------------------------- money, percent, scales


def test_seed_sentence_money_and_qualifier():
    q = one("một số địa phương bố trí: Lâm Đồng (hơn 10 tỷ đồng), bảo đảm")
    assert q.text == "hơn 10 tỷ đồng"
    assert q.value == 1e10 and q.unit == "đồng" and q.kind == "money"
    assert q.qualifier == "hơn" and q.scale_word == "tỷ" and q.value_max is None
    text = "Lâm Đồng (hơn 10 tỷ đồng)"
    q = one(text)
    assert text[q.number_start : q.number_end] == "10"
    assert text[q.start : q.end] == q.text


def test_decimal_comma_with_scale():
    q = one("Quảng Nam (6,94 tỷ đồng)")
    assert (q.text, q.value, q.unit, q.qualifier) == ("6,94 tỷ đồng", 6.94e9, "đồng", None)


def test_percent():
    q = one("đạt 95,27% so với kế hoạch năm")
    assert (q.text, q.value, q.unit, q.kind) == ("95,27%", 95.27, "%", "percent")
    assert one("tăng 12 phần trăm").unit == "%"
    assert one("tăng 0,5 điểm phần trăm").unit == "điểm phần trăm"


def test_comparative_hon_is_not_a_bound():
    # "cao hơn 2,56%" means higher *by* 2.56 %, not "more than".
    q = one("cao hơn 2,56% so với kế hoạch năm 2019")
    assert q.text == "2,56%" and q.qualifier is None
    assert one("tăng hơn 10%").qualifier == "hơn"


@pytest.mark.parametrize(
    "text, value, scale",
    [
        ("1.402 tỷ đồng", 1.402e12, "tỷ"),
        ("1.250 triệu đồng", 1.25e9, "triệu"),
        ("13,5 nghìn tỷ đồng", 1.35e13, "nghìn tỷ"),
        ("2 triệu tỷ đồng", 2e15, "triệu tỷ"),
        ("5 ngàn đồng", 5e3, "ngàn"),
        ("7 tỉ đồng", 7e9, "tỉ"),
        ("500.000 đồng", 5e5, None),
    ],
)
def test_scales(text, value, scale):
    q = one(text)
    assert q.value == pytest.approx(value) and q.scale_word == scale and q.unit == "đồng"


def test_scale_without_unit_is_a_bare_count():
    q = one("tổng vốn 1.250 triệu")
    assert (q.value, q.unit, q.kind, q.scale_word) == (1.25e9, "", "count", "triệu")


@pytest.mark.parametrize(
    "text, unit, value",
    [
        ("50 tr.đ", "đồng", 5e7),
        ("50 tr đ", "đồng", 5e7),
        ("50 trđ", "đồng", 5e7),
        ("5 tỷ đ", "đồng", 5e9),
        ("5 tỷđ", "đồng", 5e9),
        ("7 ng.đ", "đồng", 7e3),
        ("19.600.000đ", "đồng", 1.96e7),
        ("10 VNĐ", "đồng", 10),
        ("10 VND", "đồng", 10),
        ("3 tỷ USD", "USD", 3e9),
        ("500.000 đô la Mỹ", "USD", 5e5),
        ("25.000 đôla Singapore", "đô la Singapore", 2.5e4),
        ("42 tỷ won", "won", 4.2e10),
    ],
)
def test_money_units_and_abbreviations(text, unit, value):
    q = one(text)
    assert q.unit == unit and q.kind == "money" and q.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("2,5 triệu tấn", "tấn"),
        ("30 kg", "kg"),
        ("240 ha", "ha"),
        ("5 km", "km"),
        ("100 m2", "m²"),
        ("100 m²", "m²"),
        ("1.000 m3", "m³"),
        ("3 tỷ kWh", "kWh"),
        ("500 MW", "MW"),
        ("1.600 mm", "mm"),
        ("103 mã lực", "mã lực"),
    ],
)
def test_measures(text, unit):
    q = one(text)
    assert q.unit == unit and q.kind == "measure"


# --------------------------------------------------------------------------- counts


def test_two_counts_in_a_phrase():
    found = find_quantities("tặng bằng khen cho 6 tập thể và 5 cá nhân có thành tích")
    assert [(q.text, q.value, q.unit, q.kind) for q in found] == [
        ("6 tập thể", 6, "tập thể", "count"),
        ("5 cá nhân", 5, "cá nhân", "count"),
    ]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("ngành Công Thương 15 tỉnh, thành phố miền Trung", 15, "tỉnh, thành phố"),
        ("15 tỉnh/thành phố", 15, "tỉnh, thành phố"),
        ("có 200 doanh nghiệp tham gia", 200, "doanh nghiệp"),
        ("tạo việc làm cho 1.000 lao động", 1000, "lao động"),
        ("khoảng 120 người", 120, "người"),
        ("có 94 đơn vị hành chính cấp xã", 94, "đơn vị hành chính cấp xã"),
        ("gồm 23 phường", 23, "phường"),
        ("70 xã", 70, "xã"),
        ("01 đặc khu", 1, "đặc khu"),
        ("09 phường", 9, "phường"),
        ("68 triệu cổ phiếu", 6.8e7, "cổ phiếu"),
        ("5 điểm bán", 5, "điểm bán"),
        ("30 HTX", 30, "HTX"),
    ],
)
def test_counts(text, value, unit):
    q = one(text)
    assert (q.value, q.unit, q.kind) == (value, unit, "count")


def test_counts_across_a_hard_wrapped_line():
    found = find_quantities("trong đó có 23 phường, 68 xã, 01 đặc\nkhu hình thành sau sắp xếp")
    assert [(q.value, q.unit) for q in found] == [(23, "phường"), (68, "xã"), (1, "đặc khu")]
    assert one("tổng kinh phí 64,47 tỷ\nđồng").value == pytest.approx(64.47e9)


@pytest.mark.parametrize(
    "text",
    [
        "tại Quận 1 người dân",  # a designator, not a count
        "năm 2020 doanh nghiệp phải",
        "Top 1.000 thương hiệu",
        "lần thứ 5 người",
        "sau 1975 ngành cà phê",  # a year
        "GDP năm 2020 và 2021 lần lượt đạt",  # "lần lượt" = respectively
        "tăng trưởng 2 con số",  # double-digit
        "iPhone 12 phiên bản",  # a model name
        "# date = 20210428\nPhiên giao dịch",  # a new line starts a new sentence
        "1 Giải đặc biệt",
        "3 triệu chứng",  # symptoms, not millions
        "2 đồng chí",  # comrades, not money
    ],
)
def test_not_counts(text):
    assert find_quantities(text) == []


def test_total_count_after_tong_so():
    assert one("tổng số 45 doanh nghiệp").value == 45


@pytest.mark.parametrize("text,value", [
    ("trong số 711.988 người được hỏi", 711988),          # "among", not "No."
    ("Thành phố có dân số 1.345.596 người vào năm 2010", 1345596),
    ("số 12.843 hộ gia đình", 12843),                    # no label is written with thousands
])
def test_a_count_after_so_that_is_not_a_label(text, value):
    assert one(text).value == value


@pytest.mark.parametrize("text", ["tuyến số 2 người", "nhà số 5 hộ dân"])
def test_so_before_a_small_number_still_designates(text):
    assert find_quantities(text) == []


# --------------------------------------------------------------------------- not figures


@pytest.mark.parametrize(
    "text",
    [
        "theo quy định tại Nghị định số 45/2012/NĐ-CP.",
        "năm 2019",
        "Năm 2020, tổng kế hoạch",
        "ngày 15/6/2025",
        "quý I/2021",
        "Trong 6 tháng đầu năm 2020",
        "Nghị quyết số 1659/NQ-UBTVQH15",
        "Tờ trình số 382/TTr-CP",
        "Tờ trình số382/TTr-CP",
        "hội nghị lần thứ XII năm 2021",
        "93\\. Sắp xếp toàn bộ diện tích",
        "93. Sắp xếp toàn bộ diện tích",
        "Hotline: 0905 123 456",
        "liên hệ 0912.345.678",
        "lúc 14h30 ngày",
        "lúc 3:08 chiều",
        "giai đoạn 2021-2025",
        "COVID-19",
        "UBTVQH15",
    ],
)
def test_not_figures(text):
    assert find_quantities(text) == []


# --------------------------------------------------------------------------- qualifiers


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("gần 2.000 tỷ đồng", "gần"),
        ("trên 50 tỷ đồng", "trên"),
        ("khoảng 20 triệu đồng", "khoảng"),
        ("dưới 40 tuổi", "dưới"),
        ("lên tới 77 triệu USD", "tới"),
        ("lên đến 105.000 đồng", "đến"),
        ("gần như 100%", "gần như"),
        ("xấp xỉ 3 tỷ đồng", "xấp xỉ"),
        ("ước 12 tỷ đồng", "ước"),
        ("chưa tới 10 người", "chưa tới"),
        ("Hơn 10 tỷ đồng", "Hơn"),  # as written
    ],
)
def test_qualifiers(text, qualifier):
    q = one(text)
    assert q.qualifier == qualifier
    assert q.text.startswith(qualifier) and text.endswith(q.text)


def test_prepositions_are_not_qualifiers():
    assert one("Liên quan đến 5 dự án thành phần").qualifier is None
    found = find_quantities("26 mã trên 30 mã của rổ VN30")
    assert [q.qualifier for q in found] == [None, None]


def test_tro_len():
    q = one("hỗ trợ dự án từ 5 tỷ đồng trở lên")
    assert (q.text, q.value, q.qualifier) == ("từ 5 tỷ đồng trở lên", 5e9, "trở lên")


# --------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    "text, value, value_max, unit, span",
    [
        ("từ 5 đến 7 tỷ đồng", 5e9, 7e9, "đồng", "từ 5 đến 7 tỷ đồng"),
        ("khoảng 5-7 tỷ đồng", 5e9, 7e9, "đồng", "khoảng 5-7 tỷ đồng"),
        ("giảm 5 - 7%", 5, 7, "%", "5 - 7%"),
        ("từ 500 triệu đến 1 tỷ đồng", 5e8, 1e9, "đồng", "từ 500 triệu đến 1 tỷ đồng"),
        ("giá từ 3.000.000đ đến 25.000.000đ", 3e6, 2.5e7, "đồng", "từ 3.000.000đ đến 25.000.000đ"),
        ("khoảng 250-280.000 đồng/kg", 2.5e5, 2.8e5, "đồng", "khoảng 250-280.000 đồng/kg"),
        ("từ 4.000 đồng/kg đến 5.000 đồng/kg", 4e3, 5e3, "đồng", "từ 4.000 đồng/kg đến 5.000 đồng/kg"),
        ("lãi suất 0,2-0,7%", 0.2, 0.7, "%", "0,2-0,7%"),
        ("6 - 10 lao động", 6, 10, "lao động", "6 - 10 lao động"),
    ],
)
def test_ranges(text, value, value_max, unit, span):
    q = one(text)
    assert q.value == pytest.approx(value) and q.value_max == pytest.approx(value_max)
    assert q.unit == unit and q.text == span


def test_from_to_that_is_not_a_range():
    found = find_quantities("lãi suất giảm từ 7% đến 5%")
    assert [(q.text, q.value, q.value_max, q.qualifier) for q in found] == [
        ("7%", 7, None, None),
        ("5%", 5, None, None),
    ]


# --------------------------------------------------------------------------- glitches, NFD


def test_missing_spaces():
    assert [(q.text, q.value) for q in find_quantities("đạt868 tỷ đồng, tăng5%")] == [
        ("868 tỷ đồng", 868e9),
        ("5%", 5),
    ]
    q = one("mới đạt hơn 5.800tỷđồng, trong đó")
    assert (q.text, q.value, q.qualifier) == ("hơn 5.800tỷđồng", 5.8e12, "hơn")


def test_glitches_in_the_real_article():
    text = need(NEWS / "news_business_230.txt").read_text(encoding="utf-8")
    found = {q.text: q for q in find_quantities(text)}
    assert found["868 tỷ đồng"].value == 868e9
    assert found["5%"].value == 5
    i = text.index("đạt868 tỷ đồng")
    assert any(q.start == i + 3 and q.end == i + len("đạt868 tỷ đồng") for q in found.values())


def test_nfd_input_keeps_offsets_into_the_given_string():
    text = unicodedata.normalize("NFD", "Lâm Đồng (hơn 10 tỷ đồng), Quảng Nam (6,94 tỷ đồng)")
    found = find_quantities(text)
    assert [q.value for q in found] == [1e10, 6.94e9]
    for q in found:
        assert q.text == text[q.start : q.end]
        assert unicodedata.normalize("NFC", q.text) in ("hơn 10 tỷ đồng", "6,94 tỷ đồng")
    assert found[0].qualifier == "hơn"


# --------------------------------------------------------------------------- the seed record


def test_seed_record():
    text = seed_text()
    found = find_quantities(text)
    by_text = {q.text: q for q in found}
    assert by_text["hơn 10 tỷ đồng"].value == 1e10 and by_text["hơn 10 tỷ đồng"].qualifier == "hơn"
    assert by_text["6,94 tỷ đồng"].value == 6.94e9
    assert by_text["95,27%"].value == 95.27
    assert by_text["64,47 tỷ đồng"].value == pytest.approx(64.47e9)
    counts = [(q.value, q.unit) for q in found if q.kind == "count"]
    assert (6, "tập thể") in counts and (5, "cá nhân") in counts
    assert (15, "tỉnh, thành phố") in counts
    for q in found:
        assert q.text == text[q.start : q.end]
        assert "2012" not in q.text and "2019" not in q.text  # decree number, years
    assert not any(q.unit == "tháng" or "6 tháng" in q.text for q in found)


def test_seed_questions_figures_are_read():
    """Every figure the seed questions expect is a Quantity with that value and qualifier."""
    text = seed_text()
    found = find_quantities(text)
    for line in need(SEED_QUESTIONS).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        ans = item.get("answer") or {}
        if item["kind"] != "figure" or "value" not in ans:
            continue
        matches = [q for q in found if q.text == ans["text"] or q.text.endswith(" " + ans["text"])]
        assert matches, item["id"]
        q = matches[0]
        assert q.value == pytest.approx(ans["value"], rel=1e-9), item["id"]
        assert q.unit == ans["unit"], item["id"]
        assert q.qualifier == ans.get("qualifier"), item["id"]


def test_resolution_totals():
    text = need(RESOLUTIONS / "1659_NQ-UBTVQH15_da-nang.md").read_text(encoding="utf-8")
    found = [(q.value, q.unit) for q in find_quantities(text)]
    for want in [(94, "đơn vị hành chính cấp xã"), (23, "phường"), (70, "xã"), (1, "đặc khu")]:
        assert want in found
    # no clause numbers, decree numbers or dates
    assert all(q.kind == "count" for q in find_quantities(text))


# --------------------------------------------------------------------------- the news corpus


def test_all_news_articles():
    files = sorted(need(NEWS).glob("news_*.txt"))
    assert len(files) >= 199
    total = 0
    t0 = time.perf_counter()
    for f in files:
        text = f.read_text(encoding="utf-8")
        found = find_quantities(text)
        total += len(found)
        last_end, prev = 0, None
        for q in found:
            assert q.text == text[q.start : q.end]
            assert q.start <= q.number_start < q.number_end <= q.end
            # in order, non-overlapping; but for the whole of a part, read inside it ("đóng cửa 2 trên 5 cơ sở")
            assert q.start >= last_end or (prev.end == q.end and prev.value <= q.value)
            last_end, prev = q.end, q
            assert q.kind in ("money", "percent", "measure", "count")
            assert math.isfinite(q.value) and q.value >= 0
            assert q.value_max is None or q.value_max >= q.value
    elapsed = time.perf_counter() - t0
    assert total > 3000
    assert elapsed < 5  # about 0.3 s here; generous for slow CI machines


# --------------------------------------------------------------------------- parse_quantity


def test_parse_quantity():
    q = parse_quantity("hơn 10 tỷ đồng")
    assert (q.value, q.unit, q.qualifier, q.start, q.end) == (1e10, "đồng", "hơn", 0, 14)
    assert parse_quantity("  95,27%. ").value == 95.27
    bare = parse_quantity("308")
    assert (bare.value, bare.unit, bare.kind) == (308, "", "count")
    assert parse_quantity("khoảng 5-7").value_max == 7
    assert parse_quantity("10 tỷ đồng và 5%") is None
    assert parse_quantity("Nghị định số 45/2012/NĐ-CP") is None
    assert parse_quantity("") is None
    assert parse_quantity("năm 2019") is None


# --------------------------------------------------------------------------- format_vi, same_number


@pytest.mark.parametrize(
    "args, text",
    [
        ((6.94e9, "đồng", "tỷ"), "6,94 tỷ đồng"),
        ((1402e9, "đồng", "tỷ"), "1.402 tỷ đồng"),
        ((95.27, "%"), "95,27%"),
        ((6, "tập thể"), "6 tập thể"),
        ((17786419, ""), "17.786.419"),
        ((1.35e13, "đồng", "nghìn tỷ"), "13,5 nghìn tỷ đồng"),
        ((1250000.5, "đồng"), "1.250.000,5 đồng"),
        ((2.5, "%", None, 2), "2,50%"),
        ((0.0, "%"), "0%"),
        ((1e9, "", "tỷ"), "1 tỷ"),
    ],
)
def test_format_vi(args, text):
    assert format_vi(*args) == text


def test_format_vi_rejects_unknown_scale():
    with pytest.raises(ValueError):
        format_vi(1, "đồng", "bazillion")


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("6,94", "6,940", True),
        ("1.402", "1402", True),
        ("17.786.419", "17786419", True),
        ("6,94", "6,95", False),
        ("6,94 tỷ", "6.940 triệu", True),
        ("10 tỷ đồng", "10 tỷ USD", False),
        ("abc", "1", False),
    ],
)
def test_same_number(a, b, same):
    assert same_number(a, b) is same


# --------------------------------------------------------------------------- round trips (hypothesis)

SCALES = ["nghìn", "ngàn", "triệu", "tỷ", "tỉ", "nghìn tỷ", "triệu tỷ"]
EXP = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9, "nghìn tỷ": 12, "triệu tỷ": 15}
# Count nouns that are their own canonical form (a few spellings map to another one).
NOUNS = [n for n in COUNT_NOUNS if parse_quantity(f"2 {n}") and parse_quantity(f"2 {n}").unit == n]

decimal_numbers = st.builds(lambda i, d: i / 10**d, st.integers(0, 10**9), st.integers(0, 3))


def check_round_trip(text: str, value: float, unit: str, kind: str, tol: float) -> None:
    q = parse_quantity(text)
    assert q is not None, text
    assert (q.unit, q.kind) == (unit, kind), text
    assert math.isclose(q.value, value, rel_tol=1e-9, abs_tol=tol), (text, q.value, value)
    sentence = f"Theo báo cáo, kinh phí đạt {text} so với kế hoạch."
    found = find_quantities(sentence)
    assert len(found) == 1 and found[0].text == text, (sentence, found)
    assert math.isclose(found[0].value, value, rel_tol=1e-9, abs_tol=tol)
    hon = find_quantities(f"đạt hơn {text}.")
    assert len(hon) == 1 and hon[0].qualifier == "hơn" and hon[0].text == f"hơn {text}"


@settings(max_examples=300, deadline=None)
@given(x=decimal_numbers, scale=st.sampled_from(SCALES), unit=st.sampled_from(["đồng", "USD"]))
def test_round_trip_money_with_scale(x, scale, unit):
    value = x * 10 ** EXP[scale]
    text = format_vi(value, unit, scale)
    assert scale in text
    check_round_trip(text, value, unit, "money", tol=1e-6 * 10 ** EXP[scale])


@settings(max_examples=200, deadline=None)
@given(value=st.floats(0, 1e12, allow_nan=False, allow_infinity=False))
def test_round_trip_money_without_scale(value):
    check_round_trip(format_vi(value, "đồng"), value, "đồng", "money", tol=1e-6)


@settings(max_examples=200, deadline=None)
@given(value=st.one_of(decimal_numbers.filter(lambda v: v <= 1e6), st.floats(0, 1000, allow_nan=False)))
def test_round_trip_percent(value):
    text = format_vi(value, "%")
    assert text.endswith("%")
    check_round_trip(text, value, "%", "percent", tol=1e-6)


@settings(max_examples=200, deadline=None)
@given(n=st.integers(0, 10**8), noun=st.sampled_from(NOUNS))
def test_round_trip_counts(n, noun):
    check_round_trip(format_vi(n, noun), n, noun, "count", tol=0)


@settings(max_examples=100, deadline=None)
@given(x=decimal_numbers, scale=st.sampled_from(["nghìn", "triệu", "tỷ"]), noun=st.sampled_from(["người", "cổ phiếu"]))
def test_round_trip_counts_with_scale(x, scale, noun):
    value = x * 10 ** EXP[scale]
    check_round_trip(format_vi(value, noun, scale), value, noun, "count", tol=1e-6 * 10 ** EXP[scale])


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_any_text_is_safe(text):
    for q in find_quantities(text):
        assert q.text == text[q.start : q.end]
        assert q.kind in ("money", "percent", "measure", "count")


@pytest.mark.parametrize(
    "text, span, per",
    [
        ("giá xăng RON95 là 19.161 đồng/lít, dầu", "19.161 đồng/lít", "lít"),
        ("lãi suất tối đa 4,5%/năm.", "tối đa 4,5%/năm", "năm"),
        ("học phí 80 triệu đồng/4 năm", "80 triệu đồng/4 năm", "4 năm"),
        ("giá bán lẻ điện 1.864,44 đồng/kWh", "1.864,44 đồng/kWh", "kWh"),
        ("tăng trần 2.000 đồng/cổ phiếu", "2.000 đồng/cổ phiếu", "cổ phiếu"),
    ],
)
def test_rates_keep_what_they_are_counted_per(text, span, per):
    """A price is per something: the answer must say "đồng/lít", not a bare "đồng"."""
    q = one(text)
    assert (q.text, q.per) == (span, per) and q.unit in ("đồng", "%")


def test_a_year_after_a_slash_is_not_a_rate():
    assert one("kế hoạch 10 tỷ đồng/năm 2020").text == "10 tỷ đồng"


@pytest.mark.parametrize("text, span, value", [
    ("Có 12/15 địa phương đạt kế hoạch.", "12/15 địa phương", 12),
    ("đã nghiệm thu 5/5 hạng mục công trình", "5/5 hạng mục", 5),
    ("14/19 tỉnh, thành phố hoàn thành", "14/19 tỉnh, thành phố", 14),
    # dot thousands on both sides: it had been no figure at all, and "3.185 hộ" answered
    ("tổng số hộ dân được sử dụng điện đạt 14.693/14.750 hộ", "14.693/14.750 hộ", 14693),
])
def test_so_many_of_a_whole_is_a_count(text, span, value):
    """"12/15 địa phương": the count is 12, and the whole stays in what is shown."""
    q = one(text)
    assert (q.text, q.value, q.kind) == (span, value, "count")


@pytest.mark.parametrize("text, part, whole", [
    ("Có 23 trong tổng số 25 sản phẩm chủ lực tăng", ("23 trong tổng số 25 sản phẩm", 23), ("25 sản phẩm", 25)),
    ("có 5 trên tổng số 12 dự án hoàn thành", ("5 trên tổng số 12 dự án", 5), ("12 dự án", 12)),
    # a bare "trên" right after the part is "out of": the whole bounded by nothing ("trên 5 cơ sở" had been "over 5")
    ("kiểm tra phát hiện 2 trên 5 cơ sở vi phạm", ("2 trên 5 cơ sở", 2), ("5 cơ sở", 5)),
])
def test_so_many_of_a_whole_is_the_part_and_the_whole(text, part, whole):
    """"23 trong tổng số 25 sản phẩm": the part (23, the whole kept in what is shown) and the whole
    (25), which a total asked is answered with ("tổng cộng bao nhiêu sản phẩm …?")."""
    assert [(q.text, q.value, q.kind) for q in find_quantities(text)] == [part + ("count",), whole + ("count",)]


def test_over_a_figure_after_a_year_or_a_larger_number_is_a_bound():
    """"năm 2023 trên 5.000 doanh nghiệp", "12 trên 5 cơ sở": no part of a whole."""
    assert [(q.text, q.qualifier) for q in find_quantities("Năm 2023 trên 5.000 doanh nghiệp tham gia")] \
        == [("trên 5.000 doanh nghiệp", "trên")]
    assert ("trên 5 cơ sở", "trên") in [(q.text, q.qualifier) for q in find_quantities("lần 12 trên 5 cơ sở")]


def test_an_estimate_over_a_figure_keeps_its_bound():
    """"ước tính trên 29,7 tỷ đồng" is over 29,7 tỷ (estimated); "tính trên" alone is "counted on"."""
    assert one("tổng giá trị hàng hóa vi phạm ước tính trên 29,7 tỷ đồng").qualifier == "trên"
    assert one("thuế được tính trên 20 tỷ đồng doanh thu").qualifier is None


@pytest.mark.parametrize("text", ["ngày 1/5 tỉnh Quảng Nam khai mạc", "Sáng 1/5 tỉnh tổ chức lễ",
                                  "Quyết định 1/2 dự án", "có 15/12 địa phương", "đạt 9.000/8.000 hộ"])
def test_dates_and_numbers_are_not_ratios(text):
    assert not [q for q in find_quantities(text) if "/" in q.text]


def test_prizes_are_counted_by_their_rank():
    """"2 giải nhất, 4 giải nhì, 6 giải ba": each count names its prize, so "bao nhiêu giải nhì?"
    is not a choice between three bare "giải"."""
    from kcqa.text.numbers import find_quantities
    got = {q.text: q.unit for q in find_quantities("Hội đồng đã bình chọn 2 giải nhất, 4 giải nhì, 6 giải ba và 8 "
                                                   "giải khuyến khích; trao 3 giải thưởng.")}
    assert got == {"2 giải nhất": "giải nhất", "4 giải nhì": "giải nhì", "6 giải ba": "giải ba",
                   "8 giải khuyến khích": "giải khuyến khích", "3 giải thưởng": "giải thưởng"}


def test_a_count_after_a_country_is_a_figure_and_after_a_model_name_is_not():
    assert [q.text for q in find_quantities("Thái Lan dẫn đầu, Campuchia 4 lần, Việt Nam 1 lần.")] == ["4 lần", "1 lần"]
    assert not find_quantities("Vinamilk Star 5 lần") and not find_quantities("mua iPhone 12 chiếc")


def test_energy_in_any_case_and_pieces_are_units():
    """Industry reports write "2.341 triệu Kwh" and "100 triệu KWh" as often as "kWh", and
    count bricks and tablets in "viên" (71.024 nghìn viên); both were bare numbers, so a
    question about electricity produced had no figure of its own to weigh. "viên chức" and
    "thành viên" stay the people they count."""
    from kcqa.text.numbers import parse_quantity
    for text, unit, value in (("2.341 triệu Kwh", "kWh", 2.341e9), ("100 triệu KWh", "kWh", 1e8),
                              ("71.024 nghìn viên", "viên", 71.024e6), ("5 viên chức", "viên chức", 5),
                              ("3 thành viên", "thành viên", 3)):
        q = parse_quantity(text)
        assert (q.unit, q.value) == (unit, value), text


def test_a_figure_written_as_scaled_parts_is_read_whole():
    """"4 ngàn 400 tấn thịt heo", "1 tỷ 200 triệu đồng": news writes a figure as parts, the larger
    with no unit of its own; read as two, "400 tấn" had answered for 4.400 tấn. A scale with its own
    unit is a figure of its own ("5 tỷ đồng và 300 người")."""
    from kcqa.text.numbers import find_quantities
    assert [(q.text, q.value, q.unit) for q in find_quantities("gồm 560 tấn thịt trâu, bò; 4 ngàn 400 tấn thịt heo")] \
        == [("560 tấn", 560, "tấn"), ("4 ngàn 400 tấn", 4400, "tấn")]
    assert [(q.text, q.value) for q in find_quantities("với tổng vốn 1 tỷ 200 triệu đồng")] == \
        [("1 tỷ 200 triệu đồng", 1.2e9)]
    assert [q.text for q in find_quantities("có 5 tỷ đồng và 300 người")] == ["5 tỷ đồng", "300 người"]


def test_a_dimension_over_a_length_is_a_bound_and_a_difference_compared_is_not():
    """"Tuyến biên giới dài hơn 277 km" is a length of over 277 km: read as "longer by", the figure
    lost its "hơn" and was stated as exactly 277 km. Compared with something, or of a rate, "hơn"
    after an adjective is still the difference ("dài hơn 5 km so với thiết kế", "cao hơn 2,56%")."""
    from kcqa.text.numbers import find_quantities
    assert [(x.text, x.qualifier) for x in find_quantities("Tuyến biên giới dài hơn 277 km với 3 cửa khẩu.")] \
        == [("hơn 277 km", "hơn")]
    assert [x.qualifier for x in find_quantities("Tuyến đường dài hơn 5 km so với thiết kế.")] == [None]
    assert [x.qualifier for x in find_quantities("Doanh thu cao hơn 2,56% năm trước.")] == [None]


def test_a_count_after_a_slash_and_a_word_is_a_count_of_its_own():
    """"937 người đạt yêu cầu/975 người dự kiểm tra": a slash after a word opens the second count
    (it had been no figure, so "bao nhiêu người dự kiểm tra?" was answered with the 937 who
    passed); after a digit or a code the slash still writes a date, a ratio or a number."""
    from kcqa.text.numbers import find_quantities
    assert [x.text for x in find_quantities("cấp giấy cho 937 người đạt yêu cầu/975 người dự kiểm tra.")] \
        == ["937 người", "975 người"]
    assert [x.text for x in find_quantities("Quý I/2021 đạt 5 tỷ đồng, ngày 12/3/2021 có 5 người.")] \
        == ["5 tỷ đồng", "5 người"]
    assert find_quantities("Quyết định số 12/QĐ-UBND") == []


def test_a_sign_written_on_the_number_is_part_of_the_figure():
    """"GRDP quý II tiếp tục giảm nhiều hơn (-13,01%)": the record writes the sign, and kcqa said
    "13,01%", a figure not in the record. A sign after "(" or a word is the number's; a dash
    opening a line is a bullet, and between two figures a range."""
    from kcqa.text.numbers import find_quantities
    assert [(x.text, x.value) for x in find_quantities("quý II tiếp tục giảm nhiều hơn (-13,01%) so với")] \
        == [("-13,01%", -13.01)]
    assert [(x.text, x.value) for x in find_quantities("tăng so với tháng cùng kỳ (+21.13%)")] \
        == [("+21.13%", 21.13)]
    assert [x.text for x in find_quantities("Khu vực dịch vụ tăng +3,63%, công nghiệp -13,24%.")] \
        == ["+3,63%", "-13,24%"]
    assert [(x.text, x.value) for x in find_quantities("-15 doanh nghiệp\n- 5% còn lại")] \
        == [("15 doanh nghiệp", 15.0), ("5%", 5.0)]
    assert [(x.text, x.value, x.value_max) for x in find_quantities("tăng từ 5 -7%")] == [("từ 5 -7%", 5.0, 7.0)]
