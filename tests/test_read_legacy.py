"""Records in the pre-Unicode Vietnamese encodings (TCVN3, VNI, VISCII, Windows-1258),
as files and as Word text in legacy fonts, read to the same NFC text as the UTF-8 record."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

try:
    from record_builders import encode_legacy, make_legacy_docx, sample_paragraphs
except ModuleNotFoundError:   # tests/ imported as a package
    from tests.record_builders import encode_legacy, make_legacy_docx, sample_paragraphs

from kcqa.read import UnreadableFile, legacy, read_document

# Byte sequences written from the published tables (TCVN 5712:1993 VN3, VNI-Windows,
# VISCII as in RFC 1456), independent of kcqa's generated table.
KNOWN = {
    "TCVN3": [(b"H\xe9i ngh\xde khuy\xd5n c\xabng", "Hội nghị khuyến công"),
              (b"Qu\xb6ng Nam", "Quảng Nam"), (b"t\xfb \xae\xe5ng", "tỷ đồng")],
    "VNI": [(b"Ho\xe4i ngh\xf2 khuye\xe1n co\xe2ng", "Hội nghị khuyến công"),
            (b"Qua\xfbng Nam", "Quảng Nam"), (b"ty\xfb \xf1o\xe0ng", "tỷ đồng"),
            (b"\xd1\xd6\xd4\xd8NG", "ĐƯỜNG")],
    "VISCII": [(b"H\xb5i ngh\xb8 khuy\xaan c\xf4ng", "Hội nghị khuyến công"),
               (b"Qu\xe4ng Nam", "Quảng Nam"), (b"t\xd6 \xf0\xb0ng", "tỷ đồng"),
               (b"\xd0\xbf\x96NG", "ĐƯỜNG")],
    # cp1258: precomposed where the code page has the letter, else base + combining tone.
    "Windows-1258": [(b"H\xf4\xf2i nghi\xf2 khuy\xea\xecn c\xf4ng", "Hội nghị khuyến công"),
                     (b"Qua\xd2ng Nam", "Quảng Nam"), (b"ty\xd2 \xf0\xf4\xccng", "tỷ đồng")],
}

ALPHABET = "".join(unicodedata.normalize("NFC", b + t) for b in "aăâeêioôơuưy"
                   for t in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")) + "đ"


@pytest.mark.parametrize("encoding", sorted(KNOWN))
def test_known_words_decode_to_nfc(encoding):
    for raw, expected in KNOWN[encoding]:
        got = legacy.decode(raw, encoding)
        assert got == expected and unicodedata.is_normalized("NFC", got), (raw, got)


@pytest.mark.parametrize("encoding", legacy.ENCODINGS)
def test_round_trip_over_the_whole_alphabet(encoding):
    for text in (ALPHABET, ALPHABET.upper()):
        if encoding == legacy.TCVN3 and text.isupper():
            # TCVN3 has capitals for the base letters only; toned capitals come back lower.
            text = "ĂÂÊÔƠƯĐ"
        assert legacy.decode(encode_legacy(text, encoding), encoding) == text


def test_syllable_checker():
    for good in ["Hội", "nghị", "khuyến", "công", "Quảng", "tỷ", "đồng", "giữa", "quyền", "nghiêng", "ươn"]:
        assert legacy.is_syllable(good), good
    for bad in ["Héi", "nghÞ", "khuyÕn", "cđng", "café", "Hoäi", "aáà", "bcd"]:
        assert not legacy.is_syllable(bad), bad


def record_text() -> str:
    # VISCII spends 0x80-0x9F on letters, so its files have no “…”: "..." for all.
    head = "SỞ CÔNG THƯƠNG QUẢNG NAM\nHỘI NGHỊ KHUYẾN CÔNG NĂM 2020\n"
    return head + "\n".join(sample_paragraphs()).replace("…", "...") + "\n"


@pytest.mark.parametrize("encoding", legacy.ENCODINGS)
def test_text_file_in_legacy_encoding_reads_as_the_unicode_record(tmp_path, encoding):
    text = record_text()
    path = tmp_path / f"hoi-nghi-{encoding.lower()}.txt"
    path.write_bytes(encode_legacy(text, encoding))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")              # really not UTF-8
    doc = read_document(path)
    assert doc.text == text
    assert unicodedata.is_normalized("NFC", doc.text)
    assert doc.metadata["converted_from"] == encoding


def test_utf8_is_never_converted(tmp_path):
    # Text that would read as something else in a legacy table stays exactly as written.
    text = "Héi nghÞ c¸c tØnh — mojibake kept as typed; Hội nghị khuyến công 2020.\n"
    path = tmp_path / "utf8.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert doc.text == text and "converted_from" not in doc.metadata


@pytest.mark.parametrize("data", [
    "Qu\xe1ng Nam".encode("latin-1"),                                  # too little to tell
    "Le café résumé était très élégant à côté de la fenêtre".encode("latin-1"),   # not Vietnamese
])
def test_not_vietnamese_is_refused_with_advice(tmp_path, data):
    path = tmp_path / "la.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableFile) as exc:
        read_document(path)
    reason = exc.value.reason
    assert "UTF-8" in reason and "TCVN3" in reason and "\n" not in reason


@pytest.mark.parametrize("head", [b"", b'<meta charset="iso-8859-1">', b'<meta charset="windows-1252">'])
def test_legacy_html_without_a_label_or_with_a_western_one(tmp_path, head):
    text = "Hội nghị khuyến công các tỉnh miền Trung: Quảng Nam được bố trí 6,94 tỷ đồng."
    path = tmp_path / "tin.html"
    path.write_bytes(b"<html><head>" + head + b"</head><body><article><p>" + encode_legacy(text, legacy.VNI)
                     + b"</p></article></body></html>")
    doc = read_document(path)
    assert text in doc.text and doc.metadata["converted_from"] == "VNI"


def test_western_html_stays_western(tmp_path):
    text = "Le café était très élégant à côté de la fenêtre, près de la forêt."
    path = tmp_path / "fr.html"
    path.write_bytes(b'<html><head><meta charset="iso-8859-1"></head><body><p>' + text.encode("latin-1")
                     + b"</p></body></html>")
    doc = read_document(path)
    assert text in doc.text and "converted_from" not in doc.metadata


@pytest.mark.parametrize("encoding", ["TCVN3", "VNI"])
def test_docx_runs_in_legacy_fonts(tmp_path, encoding):
    pytest.importorskip("docx")
    paragraphs = sample_paragraphs()
    mixed = "Bà Rịa - Vũng Tàu và các tỉnh đã gõ bằng Unicode."
    doc = read_document(make_legacy_docx(tmp_path / "r.docx", paragraphs, encoding, unicode_paragraph=mixed))
    lines = doc.text.split("\n")
    assert lines[0] == "HỘI NGHỊ KHUYẾN CÔNG CÁC TỈNH, THÀNH PHỐ KHU VỰC MIỀN TRUNG - TÂY NGUYÊN NĂM 2020"
    assert lines[1:] == paragraphs + [mixed]
    assert doc.metadata["converted_from"] == encoding


def test_docx_tcvn3_u_horn_saved_as_soft_hyphen_element(tmp_path):
    pytest.importorskip("docx")
    paragraphs = sample_paragraphs()
    doc = read_document(make_legacy_docx(tmp_path / "lo.docx", paragraphs, "TCVN3", soft_hyphen_elements=True))
    assert doc.text.split("\n")[1:] == paragraphs
    assert "Thương" in doc.text


def test_docx_unicode_text_in_an_old_font_name_is_left_alone(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    text = "Các tỉnh đã bố trí kinh phí cho hoạt động khuyến công"
    d.add_paragraph().add_run(text).font.name = ".VnTime"     # retyped in Unicode, font kept
    d.save(str(tmp_path / "u.docx"))
    doc = read_document(tmp_path / "u.docx")
    assert doc.text == text and "converted_from" not in doc.metadata


def test_docx_legacy_font_from_the_paragraph_style_and_in_table_cells(tmp_path):
    """Records converted from .doc often set .VnTime once, in the Normal style, not on runs."""
    docx = pytest.importorskip("docx")
    try:
        from record_builders import legacy_surface
    except ModuleNotFoundError:
        from tests.record_builders import legacy_surface
    d = docx.Document()
    d.styles["Normal"].font.name = ".VnTime"
    para = "Năm 2020, tổng kế hoạch kinh phí khuyến công được duyệt của 15 tỉnh, thành phố là 69,41 tỷ đồng."
    d.add_paragraph(legacy_surface(para, "TCVN3"))
    t = d.add_table(rows=2, cols=2)
    for r, row in enumerate([["Tỉnh, thành phố", "Kế hoạch 2020 (triệu đồng)"], ["Quảng Nam", "6.940"]]):
        for c, value in enumerate(row):
            t.cell(r, c).text = legacy_surface(value, "TCVN3")
    d.save(str(tmp_path / "style.docx"))
    doc = read_document(tmp_path / "style.docx")
    assert doc.text.split("\n")[0] == para
    assert doc.tables[0].cell(1, 0).text == "Quảng Nam" and doc.tables[0].cell(0, 1).text == "Kế hoạch 2020 (triệu đồng)"
    assert doc.metadata["converted_from"] == "TCVN3"
