"""kcqa.places: the 63 → 34 province gazetteer, its data file and its generator."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from importlib import resources
from pathlib import Path

import pytest

from kcqa.text.places import Place, all_places, find_places, fold, lookup, merger_note

ROOT = Path(__file__).parents[1]
SHARED = ROOT / ".." / "shared"
SEED_DIR = SHARED / "seed"
NEWS = SHARED / "data" / "vn_news_dantri_unc"
PROVINCES = SHARED / "data" / "vn_provinces_2025"
DATA_FILE = Path(str(resources.files("kcqa").joinpath("data/provinces.json")))


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def names(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], p.name) for a, b, p in find_places(text)]


def only(places: list[Place], era: str) -> Place:
    [p] = [p for p in places if p.era == era]
    return p


# --------------------------------------------------------------------------- the data


def test_63_old_and_34_new():
    places = all_places()
    assert sum(p.era in ("old", "both") for p in places) == 63
    assert sum(p.era in ("new", "both") for p in places) == 34
    assert sum(p.era == "both" for p in places) == 11
    assert all(p.kind in ("tỉnh", "thành phố") for p in places)
    for p in places:
        if p.era == "old":
            assert p.merged_into and p.absorbed == ()
            assert any(q.name == p.merged_into and q.era == "new" for q in places)
        elif p.era == "new":
            assert p.merged_into is None and len(p.absorbed) >= 2
        else:
            assert p.merged_into is None and p.absorbed == (p.name,)
    # every old unit appears in exactly one new unit's absorbed list (or is unchanged)
    absorbed = [n for p in places if p.era in ("new", "both") for n in p.absorbed]
    assert sorted(absorbed) == sorted(p.name for p in places if p.era in ("old", "both"))


def test_data_file_header_has_the_licence():
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    header = data["header"]
    assert header["license"] == "MIT"
    assert "dvhcvn" in header["attribution"] and "Permission is hereby granted" in header["license_text"]
    assert header["counts"] == {"old": 63, "new": 34, "unchanged": 11}


def test_merger_relations():
    quang_nam = only(lookup("Quảng Nam"), "old")
    assert quang_nam.merged_into == "Đà Nẵng" and quang_nam.kind == "tỉnh"
    da_nang = only(lookup("Đà Nẵng"), "new")
    assert da_nang.absorbed == ("Đà Nẵng", "Quảng Nam") and da_nang.kind == "thành phố"
    assert only(lookup("Đà Nẵng"), "old").merged_into == "Đà Nẵng"
    lam_dong = only(lookup("Lâm Đồng"), "new")
    assert set(lam_dong.absorbed) == {"Lâm Đồng", "Đắk Nông", "Bình Thuận"}
    hcm = only(lookup("TP.HCM"), "new")
    assert hcm.name == "Hồ Chí Minh" and set(hcm.absorbed) == {"Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"}
    [ha_noi] = lookup("Hà Nội")
    assert ha_noi.era == "both" and ha_noi.merged_into is None
    [hoa_binh] = lookup("Hoà Bình")
    assert hoa_binh.name == "Hòa Bình" and hoa_binh.merged_into == "Phú Thọ"


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    "form, name",
    [
        ("Quảng Nam", "Quảng Nam"),
        ("Quang Nam", "Quảng Nam"),
        ("quang nam", "Quảng Nam"),
        ("Q.Nam", "Quảng Nam"),
        ("tỉnh Quảng Nam", "Quảng Nam"),
        ("TP.HCM", "Hồ Chí Minh"),
        ("TPHCM", "Hồ Chí Minh"),
        ("TP HCM", "Hồ Chí Minh"),
        ("HCM", "Hồ Chí Minh"),
        ("TP.HN", "Hà Nội"),
        ("HN", "Hà Nội"),  # "EVN HN", "UBND TP HN"
        ("Sài Gòn", "Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        ("tp. đà nẵng", "Đà Nẵng"),
        ("TP Đà Nẵng", "Đà Nẵng"),
        ("thành phố Đà Nẵng", "Đà Nẵng"),
        ("tỉnh Đà Nẵng", "Đà Nẵng"),  # a type word that does not fit is ignored
        ("tỉnh Khánh Hòa", "Khánh Hòa"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("Khanh Hoa", "Khánh Hòa"),
        ("Huế", "Huế"),
        ("Thừa Thiên Huế", "Huế"),
        ("Thừa Thiên - Huế", "Huế"),
        ("tỉnh Thừa Thiên Huế", "Huế"),
        ("Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("BR-VT", "Bà Rịa - Vũng Tàu"),
        ("Đắk Lắk", "Đắk Lắk"),
        ("Đắc Lắc", "Đắk Lắk"),
        ("Dak Lak", "Đắk Lắk"),
        ("Đắk Nông", "Đắk Nông"),
        ("  Bình Định  ", "Bình Định"),
    ],
)
def test_lookup(form, name):
    found = lookup(form)
    assert found and {p.name for p in found} == {name}
    assert found[0].era in ("new", "both") or all(p.era == "old" for p in found)  # today's unit first


@pytest.mark.parametrize("form", ["Nam", "Hà", "Việt Nam", "miền Nam", "", "Quảng", "xyz"])
def test_lookup_nothing(form):
    assert lookup(form) == []


def test_fold():
    assert fold("Quảng Nam") == "quang nam"
    assert fold("Đà Nẵng") == "da nang"
    assert fold(unicodedata.normalize("NFD", "Khánh Hoà")) == "khanh hoa"


# --------------------------------------------------------------------------- find_places


def test_seed_record_places():
    files = sorted(need(SEED_DIR).glob("*.txt"))
    if not files:
        pytest.skip("no seed record")
    text = files[0].read_text(encoding="utf-8")
    found = find_places(text)
    spans = {(a, b) for a, b, _ in found}
    for name in ("Lâm Đồng", "Quảng Nam", "Quảng Bình", "Ninh Thuận"):
        i = text.index(name)
        assert (i, i + len(name)) in spans, name
    for a, b, p in found:
        assert text[a:b] == p.name
    assert not any(p.name == "Hà Nam" for _, _, p in found)


@pytest.mark.parametrize(
    "text",
    [
        "các tỉnh miền Nam",
        "kinh tế Việt Nam tăng trưởng",
        "Việt Nam định hướng phát triển",
        "Hà và Nam đi học",
        "vì hòa bình và hữu nghị",
        "các nền kinh tế khu vực Thái Bình Dương",
        "tư tưởng Hồ Chí Minh",
        "Chủ tịch Hồ Chí Minh",
        "bám sát diễn biến tình hình",
        "cao bằng nhau",
        "Phó Thủ tướng Trương Hòa Bình phát biểu",
        "cổ phiếu của Hoàng Anh Gia Lai",
        "HCM tăng 5%; SSI, HCM, VCI",
        "Ngân hàng TMCP Sài Gòn Thương Tín",
        "# url = https://dantri.com.vn/kinh-doanh/gia-dat-ha-noi-tang-20201001.htm",
    ],
)
def test_no_false_positives(text):
    assert find_places(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Quảng Nam (6,94 tỷ đồng)", [("Quảng Nam", "Quảng Nam")]),
        ("Quang Nam duoc bo tri bao nhieu kinh phi?", [("Quang Nam", "Quảng Nam")]),
        ("quảng nam được bố trí bao nhiêu", [("quảng nam", "Quảng Nam")]),
        ("các tỉnh Quảng Nam, Quảng Ngãi", [("tỉnh Quảng Nam", "Quảng Nam"), ("Quảng Ngãi", "Quảng Ngãi")]),
        ("tại TP.HCM, TPHCM và TP. Hồ Chí Minh", [("TP.HCM", "Hồ Chí Minh"), ("TPHCM", "Hồ Chí Minh"),
                                                 ("TP. Hồ Chí Minh", "Hồ Chí Minh")]),
        ("tỉnh Thừa Thiên - Huế", [("tỉnh Thừa Thiên - Huế", "Huế")]),
        ("Đồng Hới/Huế/Đà Nẵng", [("Huế", "Huế"), ("Đà Nẵng", "Đà Nẵng")]),
        ("tỉnh Bà Rịa- Vũng Tàu và BR-VT", [("tỉnh Bà Rịa- Vũng Tàu", "Bà Rịa - Vũng Tàu"),
                                            ("BR-VT", "Bà Rịa - Vũng Tàu")]),
        ("Khánh Hoà và Khánh Hòa", [("Khánh Hoà", "Khánh Hòa"), ("Khánh Hòa", "Khánh Hòa")]),
        ("tỉnh Hòa Bình", [("tỉnh Hòa Bình", "Hòa Bình")]),
        ("các tỉnh Hòa Bình, Ninh Bình", [("tỉnh Hòa Bình", "Hòa Bình"), ("Ninh Bình", "Ninh Bình")]),
        ("Thái Bình Dương và Bình Dương", [("Bình Dương", "Bình Dương")]),
        ("Bình Định, Đắk Lắk, Dak Lak", [("Bình Định", "Bình Định"), ("Đắk Lắk", "Đắk Lắk"), ("Dak Lak", "Đắk Lắk")]),
        ("Quảng\nNam", [("Quảng\nNam", "Quảng Nam")]),
    ],
)
def test_find_places(text, expected):
    assert names(text) == expected


def test_find_places_prefers_todays_unit():
    [(_, _, p)] = find_places("Đà Nẵng")
    assert p.era == "new" and "Quảng Nam" in p.absorbed
    [(_, _, q)] = find_places("Quảng Nam")
    assert q.era == "old"


def test_find_places_nfd_offsets():
    text = unicodedata.normalize("NFD", "Lâm Đồng (hơn 10 tỷ đồng), Quảng Nam")
    found = find_places(text)
    assert [p.name for _, _, p in found] == ["Lâm Đồng", "Quảng Nam"]
    for a, b, p in found:
        assert unicodedata.normalize("NFC", text[a:b]) == p.name


def test_find_places_over_the_news():
    files = sorted(need(NEWS).glob("news_*.txt"))
    total = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        last = 0
        for a, b, p in find_places(text):
            assert last <= a < b and isinstance(p, Place)
            last = b
            total += 1
    assert total > 800


# --------------------------------------------------------------------------- merger_note


def test_merger_note_new_unit_old_records():
    note = merger_note("Đà Nẵng", {"Quảng Nam", "Lâm Đồng"})
    assert note == (
        "Từ 1/7/2025, tỉnh Quảng Nam đã hợp nhất vào thành phố Đà Nẵng; "
        "hồ sơ trước thời điểm đó ghi tên Quảng Nam."
    )
    assert merger_note("tp. Đà Nẵng", {"Sở Công Thương Quảng Nam"}) == note  # entity strings work too
    note = merger_note("Lâm Đồng", {"Bình Thuận", "Đắk Nông", "Lâm Đồng"})
    assert note.startswith("Từ 1/7/2025, tỉnh Bình Thuận và tỉnh Đắk Nông đã hợp nhất vào tỉnh Lâm Đồng")


def test_merger_note_old_unit_new_records():
    note = merger_note("Quang Nam", {"Đà Nẵng"})
    assert note.startswith("Từ 1/7/2025, tỉnh Quảng Nam đã hợp nhất vào thành phố Đà Nẵng;")
    assert "Đà Nẵng" in note.split(";")[1]


@pytest.mark.parametrize(
    "name, corpus",
    [
        ("Quảng Nam", {"Quảng Nam", "Lâm Đồng"}),  # the records use the asked name
        ("Hà Nội", {"Hà Nội", "Quảng Nam"}),  # unchanged
        ("Đà Nẵng", {"Lâm Đồng"}),  # nothing related
        ("Bình Thuận", {"Đắk Nông"}),  # a sibling is not the answer
        ("Atlantis", {"Quảng Nam"}),
    ],
)
def test_merger_note_none(name, corpus):
    assert merger_note(name, corpus) is None


# --------------------------------------------------------------------------- the generator


def test_generator_is_deterministic_and_the_file_is_current(tmp_path):
    need(PROVINCES / "provinces_63_to_34.csv")
    script = ROOT / "scripts" / "build_places.py"
    outs = []
    for i in range(2):
        out = tmp_path / f"provinces{i}.json"
        subprocess.run([sys.executable, str(script), "--out", str(out)], check=True, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert outs[0] == DATA_FILE.read_bytes(), "run scripts/build_places.py to update src/kcqa/data/provinces.json"
    check = subprocess.run([sys.executable, str(script), "--check"], capture_output=True)
    assert check.returncode == 0


def test_a_district_named_like_a_province_is_not_the_province():
    from kcqa.text.places import find_places
    assert not find_places("huyện Quảng Ninh 07/41 sản phẩm") and not find_places("thị xã Quảng Trị có")
    assert [p.name for _, _, p in find_places("tỉnh Quảng Ninh và Quảng Trị")] == ["Quảng Ninh", "Quảng Trị"]


def test_a_file_or_folder_named_for_a_province_names_it():
    """Staff file a province's reports under its name, and the report itself seldom names it
    ("Sở Công Thương tổ chức hội nghị …"): the name is read however the file writes it."""
    from kcqa.text.places import places_in_file_name

    def named(path):
        return {p.name for p in places_in_file_name(path)}
    assert named("ct-kontum-9t2019.txt") == {"Kon Tum"}
    assert named("BaoCao_ThaiNguyen_2020.docx") == {"Thái Nguyên"}
    assert named("quang-nam/bao-cao-6-thang.pdf") == {"Quảng Nam"}
    assert named("Báo cáo Quảng Bình 2020.docx") == {"Quảng Bình"}
    assert not named("hoi-nghi-khuyen-cong-mien-trung-tay-nguyen-2020.txt")
    assert not named("news_business_086.md") and not named("kc-phiabac-2020.txt")
    assert named("/home/thanhhoa/ho-so/kc-2020.txt") == set()


def test_a_records_web_address_names_its_province_by_its_host():
    """A page saved from a province's portal or newspaper is that province's ("thaibinh.gov.vn",
    "congthuongthainguyen.gov.vn", "baogialai.com.vn"); a national paper's host names none, and
    the path (an article's slug) is not read."""
    from kcqa.text.places import places_in_address
    names = lambda text: {p.name for p in places_in_address(text)}    # noqa: E731
    assert names("Nguồn: https://thaibinh.gov.vn/tintuc/Pages/x.aspx\n\nGiá trị sản xuất …") == {"Thái Bình"}
    assert names("Nguồn: http://beta.congthuongthainguyen.gov.vn/vn/bao-cao") == {"Thái Nguyên"}
    assert names("Nguồn: https://baogialai.com.vn/x-post1.html") == {"Gia Lai"}
    assert names("Nguồn: https://m.baomoi.com/gia-lai-kim-ngach-xuat-khau.epi") == set()
    assert names("Theo https://vnexpress.net/ha-noi-tang-truong-4-phan-tram") == set()
    assert names("Sở Công Thương tỉnh báo cáo kết quả năm 2019.") == set()


def test_hn_in_running_text_is_ha_noi_but_not_inside_a_ticker():
    from kcqa.text.places import find_places
    text = "Năm 2012, EVN HN đạt mức tăng trưởng điện thương phẩm 11,29%; cổ phiếu sàn HNX tăng."
    assert [(text[s:e], p.name) for s, e, p in find_places(text)] == [("HN", "Hà Nội")]


def test_a_province_opening_a_question_in_sentence_case_is_the_province():
    """Users capitalise a question's first letter only ("Bắc ninh tăng bao nhiêu?"): that capital
    is the sentence's, so the name counts as typed in lower case; a capital mid-name still
    keeps "Việt Nam định hướng" from being Nam Định, and "Hòa bình" opening a question is peace."""
    assert [p.name for _, _, p in find_places("Bắc ninh tăng bao nhiêu?")] == ["Bắc Ninh"]
    assert [p.name for _, _, p in find_places("Lâm đồng 6 tháng đầu năm 2018 có bao nhiêu siêu thị?")] == ["Lâm Đồng"]
    assert find_places("Xuất khẩu của Việt Nam định hướng") == []
    assert find_places("Hòa bình là gì?") == []
