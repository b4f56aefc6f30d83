"""DOCX, PDF and HTML records built with the libraries' own writers, read back
through `kcqa.read.read_document` (the registry), text and tables checked."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

try:
    from record_builders import (BUDGET_TABLE, CAPTION, FOOTER_TEXT, ASIDE_TEXT, KEY_SENTENCE, NAV_TEXT,
                                 TITLE, make_docx, make_html, make_pdf, make_pdf_ruled_table, make_scanned_pdf,
                                 sample_paragraphs, unicode_font)
except ModuleNotFoundError:   # tests/ imported as a package
    from tests.record_builders import (BUDGET_TABLE, CAPTION, FOOTER_TEXT, ASIDE_TEXT, KEY_SENTENCE,
                                       NAV_TEXT, TITLE, make_docx, make_html, make_pdf, make_pdf_ruled_table,
                                       make_scanned_pdf, sample_paragraphs, unicode_font)

from kcqa.models import Document, Table
from kcqa.read import UnreadableFile, read_document

pytest.importorskip("docx")
pytest.importorskip("pypdf")
pytest.importorskip("bs4")
fpdf = pytest.importorskip("fpdf")

needs_font = pytest.mark.skipif(unicode_font() is None, reason="no TrueType font with Vietnamese glyphs")

PROVINCES = [row[0] for row in BUDGET_TABLE[1:]]


def sentences(paragraphs: list[str]) -> list[str]:
    out = []
    for p in paragraphs:
        out += [s for s in re.split(r"(?<=[.…])\s+", p) if s.strip()]
    return out


def check_cells(doc: Document) -> None:
    for t in doc.tables:
        assert t.cells
        for c in t.cells:
            assert doc.text[c.start:c.end] == c.text, (t.index, c)
        assert all(t.start <= c.start <= c.end <= t.end for c in t.cells)   # the rows' lines


def check_budget_table(doc: Document) -> Table:
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.index == 0
    assert t.caption == CAPTION
    assert t.n_rows == len(BUDGET_TABLE) == 9
    header = [t.cell(0, c).text for c in range(4)]
    assert header == BUDGET_TABLE[0]
    col = next(c for c, h in enumerate(header) if h.startswith("Kế hoạch 2020"))
    row = next(r for r in range(t.n_rows) if t.cell(r, 0).text == "Quảng Nam")
    assert t.cell(row, col).text == "6.940"
    assert [t.cell(r, 0).text for r in range(1, 9)] == PROVINCES
    assert t.cell(7, 3).text == "1.234,5"                       # Gia Lai, 6 tháng
    check_cells(doc)
    return t


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    return sample_paragraphs()


# ------------------------------------------------------------------ DOCX

def test_docx_text_tables_and_properties(tmp_path, paragraphs):
    path = make_docx(tmp_path / "hoi-nghi.docx", paragraphs, BUDGET_TABLE)
    doc = read_document(path)
    assert KEY_SENTENCE in doc.text
    for s in sentences(paragraphs):
        assert s in doc.text
    t = check_budget_table(doc)
    # The caption stays a normal line right before the rows; the rows come after paragraph 2.
    assert doc.text[:t.start].endswith(CAPTION + "\n")
    assert doc.text.index("Lâm Đồng (hơn 10 tỷ") < t.start < doc.text.index("Từ kinh phí khuyến công")
    assert doc.text.splitlines()[doc.text[:t.start].count("\n") + 2] == "Quảng Nam | 6.520 | 6.940 | 1.984,2"
    assert doc.title == TITLE
    assert doc.metadata["date"] == "2020-07-10"
    assert doc.metadata["year"] == 2020


def test_docx_title_from_heading_and_no_template_date(tmp_path, paragraphs):
    import docx

    d = docx.Document()                       # python-docx's template: created 2013, no title
    d.add_heading("Báo cáo tổng kết công tác khuyến công năm 2020", level=1)
    for p in paragraphs[:2]:
        d.add_paragraph(p)
    d.add_paragraph("")                       # empty paragraphs leave no blank lines
    path = tmp_path / "bao-cao.docx"
    d.save(str(path))
    doc = read_document(path)
    assert doc.title == "Báo cáo tổng kết công tác khuyến công năm 2020"
    assert "date" not in doc.metadata         # the template's 2013 date says nothing
    assert "\n\n" not in doc.text
    assert doc.tables == []


def test_docx_merged_cells(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Bảng 2. Kinh phí theo vùng")
    t = d.add_table(rows=4, cols=3)
    rows = [["Vùng", "Kinh phí (triệu đồng)", ""],
            ["", "Kế hoạch", "Thực hiện"],
            ["Tây Nguyên", "12.500", "3.610,2"],
            ["", "9.800", "2.450"]]
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v:
                t.cell(r, c).text = v
    t.cell(0, 1).merge(t.cell(0, 2))          # horizontal: header spanning two columns
    t.cell(0, 0).merge(t.cell(1, 0))          # vertical: "Vùng" over two header rows
    t.cell(2, 0).merge(t.cell(3, 0))          # vertical: "Tây Nguyên" over two data rows
    path = tmp_path / "merged.docx"
    d.save(str(path))
    doc = read_document(path)
    check_cells(doc)
    (tab,) = doc.tables
    assert tab.caption == "Bảng 2. Kinh phí theo vùng"
    # Horizontal merge: written once on the line, one cell per grid column, same span.
    a, b = tab.cell(0, 1), tab.cell(0, 2)
    assert a.text == b.text == "Kinh phí (triệu đồng)"
    assert (a.start, a.end) == (b.start, b.end)
    assert doc.text.count("Kinh phí (triệu đồng)") == 1
    # Vertical merge: the text is repeated on each row's line, each with its own span.
    assert tab.cell(1, 0).text == "Vùng"
    assert tab.cell(3, 0).text == "Tây Nguyên"
    assert tab.cell(3, 0).start != tab.cell(2, 0).start
    assert "Tây Nguyên | 9.800 | 2.450" in doc.text
    assert tab.cell(2, 2).text == "3.610,2"


@pytest.mark.parametrize("content", [
    b"PK\x03\x04 this is not really a zip archive" * 20,
    b"\x00\x01\x02 random bytes \xff\xfe" * 50,
    "zip-without-document",
    "truncated",
])
def test_docx_corrupt_is_unreadable(tmp_path, paragraphs, content):
    path = tmp_path / "hong.docx"
    if content == "zip-without-document":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "xin chào")
    elif content == "truncated":
        good = make_docx(tmp_path / "good.docx", paragraphs, BUDGET_TABLE).read_bytes()
        path.write_bytes(good[: len(good) // 2])
    else:
        path.write_bytes(content)
    with pytest.raises(UnreadableFile) as e:
        read_document(path)
    assert e.value.reason == "tệp DOCX hỏng hoặc không đọc được"


# ------------------------------------------------------------------ PDF

@needs_font
@pytest.mark.parametrize("repeat_header", [True, False])
@pytest.mark.parametrize("separator", [" | ", "    "])
def test_pdf_text_and_table_across_page_break(tmp_path, paragraphs, repeat_header, separator):
    path = make_pdf(tmp_path / "hoi-nghi.pdf", paragraphs, BUDGET_TABLE, two_pages=True,
                    repeat_header=repeat_header, separator=separator)
    doc = read_document(path)
    assert KEY_SENTENCE in doc.text
    for s in sentences(paragraphs):           # lines cut by the PDF are joined back
        assert s in doc.text
    assert len(doc.pages) == 2
    assert doc.pages[0][0] == 0 and doc.pages[-1][1] == len(doc.text)
    assert doc.pages[1][0] == doc.pages[0][1] + 1
    t = check_budget_table(doc)               # ONE table, 8 + 1 rows
    assert t.page == 1
    for r in range(t.n_rows):
        expected = 1 if r <= 4 else 2         # make_pdf puts 4 of the 8 provinces on page 1
        assert doc.page_at(t.cell(r, 0).start) == expected, t.cell(r, 0)
        assert doc.page_at(t.cell(r, 3).start) == expected
    assert doc.page_at(t.start) == 1 and doc.page_at(t.end - 1) == 2
    if repeat_header:                         # the repeated header is text, not a row
        assert doc.text.count(BUDGET_TABLE[0][1]) == 2
    assert doc.title == TITLE
    assert "date" not in doc.metadata         # a PDF's creation date is not the record's date
    assert doc.metadata["created"] == "2020-07-10"


@needs_font
def test_pdf_one_page_table_and_uneven_split(tmp_path, paragraphs):
    path = make_pdf(tmp_path / "mot-trang.pdf", paragraphs[:3], BUDGET_TABLE, two_pages=False)
    doc = read_document(path)
    t = check_budget_table(doc)
    assert t.page == 1 and len(doc.pages) == 1
    # Only the last row spills onto page 2, without a repeated header.
    path = make_pdf(tmp_path / "le.pdf", paragraphs[:3], BUDGET_TABLE, rows_on_first_page=7,
                    repeat_header=False)
    doc = read_document(path)
    t = check_budget_table(doc)
    assert doc.page_at(t.cell(8, 0).start) == 2 and t.cell(8, 0).text == "Kon Tum"


@needs_font
def test_pdf_table_drawn_with_cells(tmp_path):
    """A ruled table (like Word exported to PDF): pypdf gives `label n n n` rows; the
    wrapped header cannot be told from prose, so the data rows are numbered from 1."""
    path = make_pdf_ruled_table(tmp_path / "bang-ke.pdf", sample_paragraphs()[1:2], BUDGET_TABLE)
    doc = read_document(path)
    check_cells(doc)
    (t,) = doc.tables
    assert t.cell(0, 0) is None
    assert [t.cell(r, 0).text for r in range(1, 9)] == PROVINCES
    assert t.cell(2, 2).text == "6.940"
    assert t.cell(7, 3).text == "1.234,5"
    assert KEY_SENTENCE in doc.text


@needs_font
def test_pdf_paragraph_lines_and_lists_stay_apart(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("Body", "", str(unicode_font()))
    pdf.set_font("Body", size=11)
    pdf.add_page()
    lines = ["I. KẾT QUẢ THỰC HIỆN", "Các nội dung chính:", "- Đào tạo nghề", "- Nâng cao năng lực quản lý",
             "- Hỗ trợ xây dựng mô hình trình diễn kỹ thuật", "Hà Nội, ngày 10 tháng 7 năm 2020"]
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, sample_paragraphs()[1], new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "danh-sach.pdf"
    pdf.output(str(path))
    doc = read_document(path)
    out = doc.text.split("\n")
    assert out[: len(lines)] == lines
    assert out[len(lines)] == sample_paragraphs()[1]      # the wrapped paragraph is one line again
    assert doc.tables == []


@needs_font
def test_pdf_wrapped_lines_hyphen_and_empty_cells(tmp_path):
    """Lines written one by one, as a PDF's text layer cuts them."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("Body", "", str(unicode_font()))
    pdf.set_font("Body", size=10)
    pdf.add_page()
    lines = [
        "Năm 2020, tổng kế hoạch kinh phí khuyến công được duyệt của 15 tỉnh, thành phố khu vực miền Trung-",
        "Tây Nguyên là 69,41 tỷ đồng, cao hơn 2,56% so với kế hoạch năm 2019 và bảo đảm đúng quy định hiện hành;",
        "một số địa phương bố trí nguồn ngân sách cao cho hoạt động khuyến công.",
        "Bảng 4. Kinh phí chưa giải ngân",
        "| Tỉnh | Kế hoạch 2020 | Ghi chú |",
        "| Kon Tum | 1.950 |  |",
        "| Gia Lai |  | chưa báo cáo |",
    ]
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "dong.pdf"
    pdf.output(str(path))
    doc = read_document(path)
    assert ("khu vực miền Trung-Tây Nguyên là 69,41 tỷ đồng, cao hơn 2,56% so với kế hoạch năm 2019 "
            "và bảo đảm đúng quy định hiện hành; một số địa phương") in doc.text
    check_cells(doc)
    (t,) = doc.tables
    assert t.caption == "Bảng 4. Kinh phí chưa giải ngân"
    assert t.n_rows == 3
    assert t.cell(1, 2).text == "" and t.cell(2, 1).text == ""
    assert t.cell(2, 2).text == "chưa báo cáo"


def test_pdf_scanned_is_unreadable_without_ocr_tools(tmp_path, monkeypatch):
    path = make_scanned_pdf(tmp_path / "ban-scan.pdf", pages=2)
    monkeypatch.setenv("PATH", str(tmp_path))      # no tesseract (test_read_ocr.py reads scans)
    with pytest.raises(UnreadableFile) as e:
        read_document(path)
    assert "scan" in e.value.reason
    assert "OCR" in e.value.reason


@needs_font
def test_pdf_corrupt_and_password(tmp_path, paragraphs):
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage" * 30)
    with pytest.raises(UnreadableFile) as e:
        read_document(bad)
    assert "hỏng" in e.value.reason

    good = make_pdf(tmp_path / "tot.pdf", paragraphs, BUDGET_TABLE).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good[: len(good) // 3])
    with pytest.raises(UnreadableFile) as e:
        read_document(cut)
    assert "hỏng" in e.value.reason

    from fpdf.enums import EncryptionMethod
    from fpdf import FPDF

    def encrypted(name: str, user_password: str | None) -> Path:
        pdf = FPDF()
        pdf.add_font("Body", "", str(unicode_font()))
        pdf.set_font("Body", size=11)
        kwargs = {"user_password": user_password} if user_password else {}
        pdf.set_encryption(owner_password="chu-so-huu", encryption_method=EncryptionMethod.RC4, **kwargs)
        pdf.add_page()
        pdf.multi_cell(0, 6, paragraphs[1])
        p = tmp_path / name
        pdf.output(str(p))
        return p

    with pytest.raises(UnreadableFile) as e:
        read_document(encrypted("mat-khau.pdf", "bi-mat"))
    assert "mật khẩu" in e.value.reason
    # Encrypted only to restrict printing/copying (empty user password): readable.
    doc = read_document(encrypted("han-che.pdf", None))
    assert KEY_SENTENCE in doc.text


# ------------------------------------------------------------------ HTML

def test_html_article_text_table_and_metadata(tmp_path, paragraphs):
    path = make_html(tmp_path / "hoi-nghi.html", paragraphs, BUDGET_TABLE)
    doc = read_document(path)
    assert KEY_SENTENCE in doc.text
    for s in sentences(paragraphs):
        assert s in doc.text
    for junk in (NAV_TEXT, FOOTER_TEXT, ASIDE_TEXT, "Trang chủ", "Tìm kiếm", "dataLayer",
                 "trong script", "font-family", "Giới thiệu"):
        assert junk not in doc.text
    t = check_budget_table(doc)
    assert doc.text[:t.start].endswith(CAPTION + "\n")
    assert doc.title == TITLE
    assert doc.text.startswith(TITLE + "\n")
    assert doc.metadata["date"] == "2020-07-10"
    assert doc.metadata["year"] == 2020


def test_html_without_article_and_with_spans(tmp_path):
    rows = "".join(f"<tr><td>{p}</td><td>{a}</td><td>{b}</td></tr>" for p, a, b, _ in BUDGET_TABLE[2:4])
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Tin tức - Kinh phí khuyến công miền Trung - Tây Nguyên</title></head><body>
<div id="top-menu"><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></div>
<div class="page-with-sidebar"><div class="content">
<h2>Kinh phí khuyến công</h2>
<p>{KEY_SENTENCE}.</p><p>Dòng thứ nhất<br>Dòng thứ hai &amp; ba&nbsp;nữa</p>
<p>Bảng 3. Kinh phí theo tỉnh</p>
<table><tr><th rowspan="2">Tỉnh</th><th colspan="2">Kế hoạch (triệu đồng)</th></tr>
<tr><th>2019</th><th>2020</th></tr>{rows}</table>
</div><div class="sidebar"><p>Tin đọc nhiều</p></div></div>
<div class="footer">Bản quyền</div></body></html>"""
    path = tmp_path / "trang.htm"
    path.write_bytes(page.encode("utf-8"))    # labelled windows-1252, really UTF-8
    doc = read_document(path)
    check_cells(doc)
    assert KEY_SENTENCE in doc.text
    assert "Dòng thứ nhất\nDòng thứ hai & ba nữa" in doc.text
    for junk in ("Trang chủ", "Tin đọc nhiều", "Bản quyền"):
        assert junk not in doc.text
    assert doc.title == "Kinh phí khuyến công miền Trung - Tây Nguyên"
    (t,) = doc.tables
    assert t.caption == "Bảng 3. Kinh phí theo tỉnh"
    assert t.cell(0, 1).text == t.cell(0, 2).text == "Kế hoạch (triệu đồng)"
    assert t.cell(1, 0).text == "Tỉnh"        # rowspan repeated on the second header row
    assert t.cell(1, 2).text == "2020"
    assert t.cell(2, 0).text == "Quảng Nam" and t.cell(2, 2).text == "6.940"
    assert t.n_rows == 4


def test_html_nfc_and_decomposed_input(tmp_path):
    import unicodedata

    text = unicodedata.normalize("NFD", KEY_SENTENCE)
    page = f"<html><body><main><h1>Tin</h1><p>{text}</p></main></body></html>"
    path = tmp_path / "nfd.html"
    path.write_bytes(page.encode("utf-8"))
    doc = read_document(path)
    assert KEY_SENTENCE in doc.text
