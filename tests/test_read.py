"""Reading records: encodings, NFC, metadata, and bad input reported, never fatal."""

import os
import unicodedata
from pathlib import Path

import pytest

from kcqa.read import UnreadableFile, iter_record_paths, read_document

TEXT = "Quảng Nam được bố trí 6,94 tỷ đồng cho hoạt động khuyến công năm 2020."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),                 # with BOM
    TEXT.encode("utf-16-le"),              # without BOM
    unicodedata.normalize("NFD", TEXT).encode("utf-8"),
], ids=["utf8", "utf8-bom", "utf16", "utf16le-nobom", "nfd"])
def test_encodings_become_the_same_nfc_text(tmp_path, data):
    doc = read_document(write(tmp_path, "r.txt", data))
    assert doc.text.strip() == TEXT
    assert unicodedata.is_normalized("NFC", doc.text)


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "rỗng"),
    ("blank.txt", b"  \n\n ", "rỗng"),
    ("binary.txt", bytes(range(256)) * 20, "nhị phân"),
    ("truncated.txt", TEXT.encode("utf-8")[:-3] + b"\xe1\xba", "UTF-8 bị hỏng"),
    ("latin1.txt", "Qu\xe1ng Nam".encode("latin-1"), "UTF-8"),
    ("image.png", b"\x89PNG\r\n", "không hỗ trợ"),
])
def test_bad_files_raise_one_clear_reason(tmp_path, name, data, reason):
    with pytest.raises(UnreadableFile) as exc:
        read_document(write(tmp_path, name, data))
    assert reason in exc.value.reason
    assert name in str(exc.value)
    assert "\n" not in str(exc.value)


def test_front_matter_and_sidecar_metadata(tmp_path):
    p = write(tmp_path, "hn.md", ("---\ntitle: Hội nghị khuyến công 2021\ndate: 2021-07-01\nplace: Ninh Thuận\n---\n"
                                  + TEXT + "\n").encode())
    doc = read_document(p)
    assert doc.title == "Hội nghị khuyến công 2021"
    assert doc.metadata["place"] == "Ninh Thuận" and doc.metadata["year"] == 2021
    assert doc.text[doc.body_start:].startswith("Quảng Nam")
    (tmp_path / "hn.md.meta.json").write_text('{"number": "XII", "title": "Khác"}', encoding="utf-8")
    doc = read_document(p)
    assert doc.metadata["number"] == "XII" and doc.title == "Khác"


def test_corpus_header_lines_are_metadata_not_text(tmp_path):
    p = write(tmp_path, "news.txt", ("# doc_id = x\n# url = http://example.invalid/a\n# date = 20210501\n"
                                     + TEXT + "\n").encode())
    doc = read_document(p)
    assert doc.metadata["date"] == "2021-05-01" and doc.metadata["year"] == 2021
    assert doc.text[doc.body_start:].startswith("Quảng Nam")


def test_a_cited_documents_date_is_not_the_records_own(tmp_path):
    """A report that cites a law early was dated by it, and its undated figures took its year
    (a 2023 inspection's counts became "năm 2007"); a place-date line beside the record's own
    number is still its date."""
    cited = write(tmp_path, "kiem-tra.txt", (
        "Kiểm tra hoạt động hóa chất\n\nĐoàn kiểm tra làm việc với 12 doanh nghiệp. Các doanh nghiệp chấp "
        "hành Luật Hóa chất ngày 21 tháng 11 năm 2007, Nghị định số 113/2017/NĐ-CP ngày 09/10/2017.\n").encode())
    doc = read_document(cited)
    assert "date" not in doc.metadata and doc.metadata.get("year") != 2007
    own = write(tmp_path, "nq.txt", ("Số 60-NQ/TW      Hà Nội, ngày 12 tháng 4 năm 2025\n\nNGHỊ QUYẾT\n\n"
                                     "Theo Quyết định số 5/QĐ ngày 1 tháng 2 năm 2024, …\n").encode())
    assert read_document(own).metadata["date"] == "2025-04-12"


def test_a_pages_date_line_dates_it_but_does_not_make_its_facts_that_years(tmp_path):
    """A saved page's line "Thứ Tư, 15/01/2020 - 09:58" under its title is when it was published:
    its date (a question about "tháng 1/2020" may be answered from it), but not the year of its
    facts (a review of 2019 published in 2020 is 2019's, as its title says); a sentence that
    opens with a day is no date line."""
    page = write(tmp_path, "tong-ket.txt", ("Tổng kết ngành Công Thương năm 2019\nThứ Tư, 15/01/2020 - 09:58\n"
                                           "Năm 2019, giá trị sản xuất công nghiệp tăng 9,5%.\n").encode())
    doc = read_document(page)
    assert doc.metadata["date"] == "2020-01-15" and doc.metadata["year"] == 2019
    news = write(tmp_path, "tin.txt", ("Tin ngành\nNgày 12/3/2024, Sở Công Thương tổ chức hội nghị.\n").encode())
    assert "date" not in read_document(news).metadata


def test_vietnamese_file_names_spaces_and_symlink_loops(tmp_path):
    d = tmp_path / "hồ sơ"
    d.mkdir()
    write(d, "Hội nghị 2020 (bản cuối).txt", TEXT.encode())
    write(d, "~$i nghị 2020.doc", b"\x0bWord owner file")   # Word's lock file beside an open record
    os.symlink(d, d / "loop")              # a folder that contains itself
    found = [p for p, _ in iter_record_paths([tmp_path])]
    assert [p.name for p in found] == ["Hội nghị 2020 (bản cuối).txt"]
    assert read_document(found[0]).text.strip() == TEXT


def test_one_megabyte_line_is_read(tmp_path):
    line = ("Doanh thu đạt 5 tỷ đồng " * 50000)[:1_000_000]
    doc = read_document(write(tmp_path, "long.txt", line.encode()))
    assert len(doc.text) == len(line)


def test_markdown_soft_line_breaks_are_spaces_and_blocks_keep_theirs(tmp_path):
    # Converted legal texts wrap at 70 columns, cutting names ("tỉnh Quảng\nTrị"):
    # inside a paragraph a newline reads as a space, as CommonMark renders it.
    md = ("# Nghị quyết\n\n"
          "9\\. Hợp nhất tỉnh Quảng Bình và tỉnh Quảng Trị, lấy tên là tỉnh Quảng\n"
          "Trị, trung tâm đặt tại tỉnh Quảng Bình hiện nay.\n\n"
          "- Mục một\n- Mục hai\n"
          "Dòng có ngắt cứng\\\nDòng sau\n\n"
          "| A | B |\n| 1 | 2 |\n\n"
          "  ------ ------\n  cột     cột\n")
    path = write(tmp_path, "nq.md", md.encode("utf-8"))
    doc = read_document(path)
    assert len(doc.text) == len(md)                       # offsets unchanged
    assert "lấy tên là tỉnh Quảng Trị, trung tâm" in doc.text
    assert "- Mục một\n- Mục hai" in doc.text             # list items stay lines
    assert "Mục hai Dòng có ngắt cứng\\\nDòng sau" in doc.text   # lazy continuation joins; a hard break stays
    assert "| A | B |\n| 1 | 2 |" in doc.text and "------ ------\n  cột" in doc.text
    plain = read_document(write(tmp_path, "nq.txt", md.encode("utf-8")))
    assert "tỉnh Quảng\nTrị" in plain.text                # plain text has no such rule


def test_a_byline_in_capitals_after_the_text_is_not_the_title(tmp_path):
    """A news item's author ("XUÂN NGÔ") closes it in capitals; its headline is its first line
    (the byline had been taken for the title, so the title's "6 tháng" period was lost). A legal
    text's title in capitals, before any prose, is still its title."""
    p = write(tmp_path, "phu-yen.txt", ("Phú Yên: Tổng giá trị sản xuất công nghiệp 6 tháng đạt 9.576 tỉ đồng\n"
                                        "Theo Sở Công thương, tình hình sản xuất công nghiệp trong 6 tháng đầu năm bị "
                                        "ảnh hưởng nghiêm trọng.\nXUÂN NGÔ\n").encode())
    assert read_document(p).title.startswith("Phú Yên: Tổng giá trị")
    legal = write(tmp_path, "nq.txt", "NGHỊ QUYẾT\nVỀ VIỆC SẮP XẾP ĐƠN VỊ HÀNH CHÍNH\n\nCăn cứ Hiến pháp nước Cộng hòa "
                                      "xã hội chủ nghĩa Việt Nam.\n".encode())
    assert read_document(legal).title == "NGHỊ QUYẾT VỀ VIỆC SẮP XẾP ĐƠN VỊ HÀNH CHÍNH"


def test_a_saved_pages_source_date_and_caption_are_not_its_title(tmp_path):
    """A page copied from a newspaper opens with where and when it was taken and perhaps a
    photo's caption; its headline follows, and the headline's period ("9 tháng năm 2022") is
    what its undated figures belong to (the source line had been the title, so a 9-month
    figure got the year alone and a question for "9 tháng" found nothing)."""
    page = ("Nguồn: https://baothanhhoa.vn/kinh-te/9-thang-nam-2022/169101.htm\n\n"
            "Thứ Tư, 26/10/2022, 08:15 (GMT+7)\n\n"
            "Quang cảnh hội nghị. Ảnh: T.T\n\n"
            "9 tháng năm 2022 tổng mức bán lẻ hàng hóa trên địa bàn Phú Thọ tăng mạnh\n\n"
            "Các ngành dịch vụ phát triển nhanh, tổng mức bán lẻ hàng hóa ước đạt 27.805 tỷ đồng, tăng 14,7% so với "
            "cùng kỳ.\n")
    doc = read_document(write(tmp_path, "ban-le.md", page.encode("utf-8")))
    assert doc.title == "9 tháng năm 2022 tổng mức bán lẻ hàng hóa trên địa bàn Phú Thọ tăng mạnh"
    from kcqa.extract.figures import extract_figures
    figure = next(f for f in extract_figures(doc) if f.text.endswith("27.805 tỷ đồng"))
    assert figure.period == "9 tháng năm 2022"


def test_a_photo_credit_ends_its_caption_and_a_headless_page_is_titled_by_its_lead(tmp_path):
    """A caption ends with its credit ("… Mai Sơn. Ảnh: BSL"): the next line starts a paragraph
    (read as one, "BSL" became the subject of the retail figure after it, and the province's
    question set it aside). A page with no headline is titled by its lead sentence, which
    comes after its source line, not by that line ("Nguồn: http://…" had been the title)."""
    page = ("Nguồn: https://kinhtedothi.vn/son-la.html\n\n"
            "Ca sản xuất của công nhân Công ty cổ phần Xi măng Mai Sơn. Ảnh: BSL\n"
            "6 tháng đầu năm, tổng mức bán lẻ hàng hóa toàn tỉnh ước đạt 20.200 tỷ đồng, tăng 12,5%.\n")
    doc = read_document(write(tmp_path, "son-la.md", page.encode("utf-8")))
    assert "Ảnh: BSL\n6 tháng" in doc.text
    from kcqa.extract.figures import extract_figures
    figure = next(f for f in extract_figures(doc) if f.text.endswith("20.200 tỷ đồng"))
    assert figure.entity != "BSL"
    headless = ("Nguồn: http://khuyencongonline.gov.vn/tin-tuc/dong-thap-thang-112022/\n\n"
                "Theo báo cáo của Sở Công Thương tỉnh Đồng Tháp, tháng 11/2022 sản xuất ổn định.\n\n"
                "Sản lượng điện thương phẩm trong tháng ước đạt 258,8 triệu kWh.\n")
    doc = read_document(write(tmp_path, "x.txt", headless.encode("utf-8")))
    assert doc.title.startswith("Theo báo cáo của Sở Công Thương tỉnh Đồng Tháp")
    # a credit of initials ("Ảnh: K.L") ends its caption too: "K.L" had been the subject of the
    # count after it, and Quảng Nam's question set that count aside
    initials = ("# Quảng Nam trao giải năm 2024\n\n"
                "Sản phẩm bánh dừa được Ban giám khảo chấm giải A. Ảnh: K.L\n"
                "Theo đó, 2 sản phẩm CNNT dự kiến được trao giải A năm 2024.\n")
    doc = read_document(write(tmp_path, "quang-nam.md", initials.encode("utf-8")))
    assert "Ảnh: K.L\nTheo đó" in doc.text
    figure = next(f for f in extract_figures(doc) if f.text == "2 sản phẩm")
    assert figure.entity != "K.L"
