"""Word 97–2003 (.doc) records read through antiword: text, table, legacy fonts, and one
Vietnamese line when antiword is missing or the file is bad.

The .doc files are written by LibreOffice from .docx records (record_builders.make_doc_records)
when `soffice` is on the machine, else the copies made once by scripts/make_doc_fixtures.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

try:
    from record_builders import (BUDGET_TABLE, CAPTION, DOC_FIXTURE_DIR, DOC_FIXTURES, TITLE, make_doc_records,
                                 make_docx, sample_paragraphs, soffice_command)
except ModuleNotFoundError:   # tests/ imported as a package
    from tests.record_builders import (BUDGET_TABLE, CAPTION, DOC_FIXTURE_DIR, DOC_FIXTURES, TITLE,
                                       make_doc_records, make_docx, sample_paragraphs, soffice_command)

from kcqa.read import UnreadableFile, read_document
from kcqa.read.doc import antiword_command

needs_antiword = pytest.mark.skipif(antiword_command() is None, reason="antiword not installed (apt-get install antiword)")
UNICODE_DOC = next(n for n, e in DOC_FIXTURES.items() if e is None)
LEGACY_DOCS = {e: n for n, e in DOC_FIXTURES.items() if e}


@pytest.fixture(scope="module")
def doc_records(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("doc")
    if soffice_command():
        make_doc_records(folder)
    else:
        for name in DOC_FIXTURES:
            shutil.copy(DOC_FIXTURE_DIR / name, folder / name)
    return folder


@needs_antiword
def test_doc_text_and_table(doc_records):
    doc = read_document(doc_records / UNICODE_DOC)
    paragraphs = sample_paragraphs()
    lines = doc.text.split("\n")
    assert lines[0] == TITLE and doc.title == TITLE
    # the paragraphs, in order, each one line; the table rows sit between them
    prose = [line for line in lines[1:] if " | " not in line]
    assert prose == paragraphs[:2] + [CAPTION] + paragraphs[2:]
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.caption == CAPTION and t.n_rows == len(BUDGET_TABLE)
    for r, row in enumerate(BUDGET_TABLE):
        for c, value in enumerate(row):
            cell = t.cell(r, c)
            assert cell.text == value and doc.text[cell.start:cell.end] == value, (r, c)
    assert "converted_from" not in doc.metadata and doc.metadata["year"] == 2020


@needs_antiword
@pytest.mark.parametrize("encoding", ["VNI", "TCVN3"])
def test_doc_typed_in_legacy_font_is_converted(doc_records, encoding):
    doc = read_document(doc_records / LEGACY_DOCS[encoding])
    lines = doc.text.split("\n")
    # The title was set in capitals by its font (.VnTimeH); antiword keeps no fonts, so a
    # TCVN3 title typed in lowercase codes comes back lowercase.
    assert lines[0] == (TITLE.upper() if encoding == "VNI" else TITLE.lower())
    assert lines[1:] == sample_paragraphs()
    assert doc.metadata["converted_from"] == encoding


def test_doc_without_antiword_says_what_to_install(doc_records, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))          # no antiword on the PATH
    with pytest.raises(UnreadableFile) as exc:
        read_document(doc_records / UNICODE_DOC)
    reason = exc.value.reason
    assert "apt-get install antiword" in reason and ".doc" in reason and "\n" not in str(exc.value)


@needs_antiword
def test_bad_doc_files_give_one_vietnamese_line(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    cases = {
        "hong.doc": (ole + b"\x00garbage" * 200, "hỏng"),
        "khong-phai.doc": (b"Just some bytes, not Word at all" * 20, "hỏng"),
        "rtf.doc": (rb"{\rtf1\ansi Hoi nghi}", "RTF"),
    }
    for name, (data, word) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(UnreadableFile) as exc:
            read_document(tmp_path / name)
        assert word in exc.value.reason and "\n" not in str(exc.value), (name, exc.value.reason)
        assert not any(w in exc.value.reason for w in ("antiword:", "Error", "error", "not a")), exc.value.reason


def test_docx_saved_as_doc_is_read(tmp_path):
    pytest.importorskip("docx")
    p = make_docx(tmp_path / "r.docx", sample_paragraphs(), BUDGET_TABLE)
    renamed = tmp_path / "doi-ten.doc"
    p.rename(renamed)
    doc = read_document(renamed)
    assert len(doc.tables) == 1 and sample_paragraphs()[0] in doc.text
