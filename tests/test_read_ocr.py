"""Scanned PDFs: pages with no text layer are read by Tesseract (vie), marked as OCR, and
keep their page; without the tools, one Vietnamese line says what to install.

The scans are made here: the sample record's paragraphs typeset with DejaVu Sans on A4
images at 300 dpi (blurred, JPEG), put in a PDF with no text layer."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

try:
    from record_builders import (char_accuracy, make_pdf, make_scanned_pdf, make_scanned_text_pdf,
                                 sample_paragraphs, unicode_font)
except ModuleNotFoundError:   # tests/ imported as a package
    from tests.record_builders import (char_accuracy, make_pdf, make_scanned_pdf, make_scanned_text_pdf,
                                       sample_paragraphs, unicode_font)

from kcqa.read import UnreadableFile, ocr, read_document

pytest.importorskip("pypdf")
pytest.importorskip("fpdf")

OCR_MISSING = ocr.missing()
needs_ocr = pytest.mark.skipif(OCR_MISSING is not None, reason=f"OCR tools missing: {OCR_MISSING}")
needs_font = pytest.mark.skipif(unicode_font() is None, reason="no TrueType font with Vietnamese glyphs")

# The floor for character accuracy on these clean 300 dpi scans (measured: 0.996 and 1.000).
MIN_ACCURACY = 0.97


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """A two-page scan of the sample record, read once: (document, source text per page)."""
    if OCR_MISSING or unicode_font() is None:
        pytest.skip("OCR tools or a Vietnamese font missing")
    paragraphs = sample_paragraphs()
    path = tmp_path_factory.mktemp("scan") / "bao-cao-hoi-nghi-2020-ban-scan.pdf"
    sources = make_scanned_text_pdf(path, [paragraphs[:3], paragraphs[3:]])
    return read_document(path), sources


@needs_ocr
@needs_font
def test_scanned_pages_are_read_with_accuracy(scanned):
    doc, sources = scanned
    assert doc.metadata["ocr_pages"] == [1, 2]
    assert len(doc.pages) == 2
    assert unicodedata.is_normalized("NFC", doc.text)
    accuracies = [char_accuracy(doc.text[s:e], src) for (s, e), src in zip(doc.pages, sources)]
    print(f"OCR character accuracy per page: {[round(a, 4) for a in accuracies]}")
    assert min(accuracies) >= MIN_ACCURACY, accuracies


@needs_ocr
@needs_font
def test_ocr_text_keeps_its_page(scanned):
    doc, _ = scanned
    key = "Quảng Nam (6,94 tỷ đồng)"
    at = doc.text.find(key)
    assert at >= 0, doc.text[:500]
    assert doc.page_at(at) == 1
    last = sample_paragraphs()[-1]
    assert doc.page_at(doc.text.find(" ".join(last.split()[:4]))) == 2


@needs_ocr
@needs_font
def test_only_the_scanned_page_of_a_mixed_pdf_is_ocr(tmp_path):
    """Page 1 has a text layer, page 2 is a scanned annex: only page 2 is OCR'd."""
    import pypdf

    paragraphs = sample_paragraphs()
    text_pdf = make_pdf(tmp_path / "text.pdf", paragraphs[:1], None, two_pages=False, title=None)
    scan_pdf = tmp_path / "scan.pdf"
    make_scanned_text_pdf(scan_pdf, [paragraphs[-2:]])
    writer = pypdf.PdfWriter()
    for src in (text_pdf, scan_pdf):
        for page in pypdf.PdfReader(str(src)).pages:
            writer.add_page(page)
    mixed = tmp_path / "bao-cao-kem-phu-luc-scan.pdf"
    with open(mixed, "wb") as fh:
        writer.write(fh)
    doc = read_document(mixed)
    assert doc.metadata["ocr_pages"] == [2]
    assert doc.page_at(doc.text.find(paragraphs[0][:40])) == 1
    s, e = doc.pages[1]
    assert char_accuracy(doc.text[s:e], "\n".join(paragraphs[-2:])) >= MIN_ACCURACY


@needs_ocr
@needs_font
def test_page_scanned_sideways_is_read(tmp_path):
    paragraphs = sample_paragraphs()[:2]
    path = tmp_path / "xoay-ngang.pdf"
    (source,) = make_scanned_text_pdf(path, [paragraphs], rotate=90)
    doc = read_document(path)
    assert doc.metadata["ocr_pages"] == [1]
    accuracy = char_accuracy(doc.text, source)
    print(f"OCR character accuracy, page turned 90°: {accuracy:.4f}")
    assert accuracy >= MIN_ACCURACY


def test_scan_without_ocr_tools_says_what_to_install(tmp_path, monkeypatch):
    path = make_scanned_pdf(tmp_path / "ban-scan.pdf", pages=1)
    monkeypatch.setenv("PATH", str(tmp_path))          # no tesseract, no pdftoppm
    with pytest.raises(UnreadableFile) as e:
        read_document(path)
    reason = e.value.reason
    assert "scan" in reason and "tesseract-ocr-vie" in reason and "\n" not in str(e.value)


@needs_ocr
def test_scan_with_no_letters_is_refused(tmp_path):
    path = make_scanned_pdf(tmp_path / "ban-scan.pdf", pages=1)     # grey bars, no letters
    with pytest.raises(UnreadableFile) as e:
        read_document(path)
    assert "scan" in e.value.reason and "OCR" in e.value.reason


def test_fake_pdf_prints_no_library_english(tmp_path, caplog):
    """pypdf logs "invalid pdf header" / "EOF marker not found" in English; they must not
    reach the user (only kcqa's Vietnamese line), unless KCQA_DEBUG is set."""
    import logging
    fake = tmp_path / "bao-cao.pdf"
    fake.write_bytes("Báo cáo hội nghị khuyến công, không phải PDF".encode("utf-8"))
    cut = tmp_path / "cat-ngang.pdf"
    cut.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n")
    with caplog.at_level(logging.DEBUG):
        for path in (fake, cut):
            with pytest.raises(UnreadableFile) as e:
                read_document(path)
            assert "PDF" in e.value.reason and "\n" not in str(e.value)
    leaked = [r.getMessage() for r in caplog.records if r.name.startswith("pypdf")]
    assert not leaked, leaked
