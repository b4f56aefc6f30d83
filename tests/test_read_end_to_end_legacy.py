"""End to end with the real engine: the sample record as an old office keeps it (a text
file in each pre-Unicode encoding, Word files typed in .VnTime / VNI-Times, a Word 97–2003
.doc, a scanned PDF) is indexed and answers the sample question with a correct citation.

Each record has its own index, so the citation can only come from that record."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

try:
    from record_builders import (DOC_FIXTURE_DIR, DOC_FIXTURES, encode_legacy, make_doc_records, make_legacy_docx,
                                 make_scanned_text_pdf, sample_paragraphs, soffice_command, unicode_font)
except ModuleNotFoundError:   # tests/ imported as a package
    from tests.record_builders import (DOC_FIXTURE_DIR, DOC_FIXTURES, encode_legacy, make_doc_records,
                                       make_legacy_docx, make_scanned_text_pdf, sample_paragraphs,
                                       soffice_command, unicode_font)
try:
    from conftest import KNOWLEDGE, make_engine
except ModuleNotFoundError:
    from tests.conftest import KNOWLEDGE, make_engine

from kcqa.read import legacy, ocr
from kcqa.read.doc import antiword_command

pytestmark = pytest.mark.slow

QUESTION = "Quảng Nam được bố trí bao nhiêu kinh phí?"
ANSWER = "6,94 tỷ đồng"
CITED = "Quảng Nam (6,94 tỷ đồng)"
NAME = "hoi-nghi-khuyen-cong-mien-trung-tay-nguyen-2020"

RECORDS = [f"txt-{e}" for e in legacy.ENCODINGS] + ["docx-TCVN3", "docx-VNI", "doc", "doc-TCVN3", "scan"]


def _sample_text() -> str:
    return (KNOWLEDGE / f"{NAME}.txt").read_text(encoding="utf-8")


def build_record(kind: str, folder: Path) -> tuple[Path, str | None]:
    """The record of this kind in `folder`; returns its path and the expected converted_from."""
    if kind.startswith("txt-"):
        encoding = kind[4:]
        text = _sample_text().replace("…", "...") if encoding == legacy.VISCII else _sample_text()
        path = folder / f"{NAME}.txt"
        path.write_bytes(encode_legacy(text, encoding))
        return path, encoding
    if kind.startswith("docx-"):
        pytest.importorskip("docx")
        encoding = kind[5:]
        return make_legacy_docx(folder / f"{NAME}.docx", sample_paragraphs(), encoding), encoding
    if kind.startswith("doc"):
        if antiword_command() is None:
            pytest.skip("antiword not installed")
        encoding = kind[4:] or None
        name = next(n for n, e in DOC_FIXTURES.items() if e == encoding)
        if soffice_command():
            make_doc_records(folder)
            for n in DOC_FIXTURES:
                if n != name:
                    (folder / n).unlink()
        else:
            shutil.copy(DOC_FIXTURE_DIR / name, folder / name)
        return folder / name, encoding
    if ocr.missing() or unicode_font() is None:
        pytest.skip(f"OCR tools or a Vietnamese font missing: {ocr.missing()}")
    path = folder / f"{NAME}-ban-scan.pdf"
    make_scanned_text_pdf(path, [sample_paragraphs()[:3], sample_paragraphs()[3:]])
    return path, None


@pytest.mark.parametrize("kind", RECORDS)
def test_old_record_is_indexed_and_answers_with_its_citation(kind, tmp_path, model_cache):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path, converted_from = build_record(kind, corpus)
    engine = make_engine(tmp_path / "index", [corpus], model_cache)
    engine.cfg.min_confidence = 0.0    # reading is under test here, not the threshold
    assert not engine.report.failed, engine.report.failed
    assert engine.report.new == 1
    (doc_path,) = engine.searcher.doc_meta
    meta = engine.searcher.doc_meta[doc_path][1]
    assert meta.get("converted_from") == converted_from

    ans = engine.ask(QUESTION)
    assert ans.status == "answered" and ans.value.text == ANSWER, ans.text
    cit = ans.citations[0]
    assert cit.doc == path.name
    assert CITED in " ".join(cit.text.split()), cit.text
    doc = engine.document(doc_path)
    assert " ".join(doc.text[cit.start:cit.end].split()) == " ".join(cit.text.split())
    if kind == "scan":
        assert cit.page == 1 and cit.metadata.get("ocr_pages") == [1, 2], (cit.page, cit.metadata)
    else:
        assert "ocr_pages" not in cit.metadata
