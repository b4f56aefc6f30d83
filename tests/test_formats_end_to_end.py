"""End to end over the file formats, with the real engine and the real model.

1. The seed questions answered alike from the sample record as `.txt` (knowledge/) and as
   `.docx`, `.pdf` and `.html` renderings of it (record_builders: the sample's paragraphs
   plus the budget table by province): judged correct in every format, the same figure
   or name in every format, and PDF citations carry the right page.
2. The budget table (BUDGET_TABLE) in a `.docx` and in a `.pdf` where it crosses the page
   break: every data cell is the answer to a question naming the province, the column's
   measure and its year, cited by table/row/col; `engine.figures()` lists the cells in
   đồng, scaled by the header's "(triệu đồng)".
3. Two records of different years in one corpus: `ask(…, year=Y)` (`kcqa ask --year Y`)
   answers from that record only, and a question naming the year gets that record's figure.

Each index is built once per module (embedding is the slow part).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

try:
    from record_builders import (BUDGET_TABLE, CAPTION, make_docx, make_html, make_pdf, sample_paragraphs,
                                 unicode_font)
except ModuleNotFoundError:   # tests/ imported as a package
    from tests.record_builders import (BUDGET_TABLE, CAPTION, make_docx, make_html, make_pdf,
                                       sample_paragraphs, unicode_font)
try:
    from conftest import KNOWLEDGE, SEED_QUESTIONS, make_engine
except ModuleNotFoundError:
    from tests.conftest import KNOWLEDGE, SEED_QUESTIONS, make_engine

from kcqa.evaluate import judge
from kcqa.text.numbers import parse_number
from kcqa.text.vietnamese import nfc

pytest.importorskip("docx")
pytest.importorskip("pypdf")
pytest.importorskip("bs4")
pytest.importorskip("fpdf")

pytestmark = pytest.mark.slow

FORMATS = ["txt", "docx", "pdf", "html"]
HAS_FONT = unicode_font() is not None
SEED = ([json.loads(l) for l in SEED_QUESTIONS.read_text(encoding="utf-8").splitlines() if l.strip()]
        if SEED_QUESTIONS.exists() else [])
PROVINCES = [row[0] for row in BUDGET_TABLE[1:]]
# make_pdf's default split: the header and the first half of the rows end page 1.
PDF_ROWS_ON_PAGE_1 = (len(BUDGET_TABLE) - 1 + 1) // 2


# ------------------------------------------------------------------ fixtures

@pytest.fixture(scope="module")
def records(tmp_path_factory) -> dict[str, Path]:
    """One corpus folder per format, each holding the sample record in that format."""
    root = tmp_path_factory.mktemp("formats")
    paragraphs = sample_paragraphs()
    out: dict[str, Path] = {}
    for fmt in FORMATS:
        folder = root / fmt
        folder.mkdir()
        if fmt == "txt":
            for p in KNOWLEDGE.iterdir():           # the record and its .meta.json sidecar
                if p.is_file():
                    shutil.copy(p, folder / p.name)
        elif fmt == "docx":
            make_docx(folder / "hoi-nghi-khuyen-cong-2020.docx", paragraphs, BUDGET_TABLE)
        elif fmt == "pdf":
            if not HAS_FONT:
                continue
            make_pdf(folder / "hoi-nghi-khuyen-cong-2020.pdf", paragraphs, BUDGET_TABLE)   # table crosses the page break
        else:
            make_html(folder / "hoi-nghi-khuyen-cong-2020.html", paragraphs, BUDGET_TABLE)
        out[fmt] = folder
    return out


@pytest.fixture(scope="module")
def engines(records, tmp_path_factory, model_cache) -> dict:
    """One engine (own index) per format, built once for the module."""
    out = {}
    for fmt, folder in records.items():
        engine = make_engine(tmp_path_factory.mktemp(f"index-{fmt}"), [folder], model_cache)
        # ranking only: a format must not change which figure wins (the threshold is
        # calibrated and tested in test_ask / test_answer, and table records score lower)
        engine.cfg.min_confidence = 0.0
        assert not engine.report.failed, engine.report.failed
        assert engine.report.new == 1
        out[fmt] = engine
    return out


def engine_for(engines: dict, fmt: str):
    if fmt not in engines:
        pytest.skip(f"no {fmt} record (no TrueType font with Vietnamese glyphs)")
    return engines[fmt]


@pytest.fixture(scope="module")
def answers(engines):
    """ask() memoised per (format, question), so several tests can look at one answer."""
    cache: dict[tuple[str, str], dict] = {}

    def get(fmt: str, question: str) -> dict:
        key = (fmt, question)
        if key not in cache:
            cache[key] = engine_for(engines, fmt).ask(nfc(question)).to_json()
        return cache[key]
    return get


def only_doc(engine) -> str:
    (path,) = engine.searcher.doc_meta
    return path


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", nfc(s))


@pytest.fixture(scope="module")
def pdf_pages(records) -> list[str]:
    """The PDF's page texts as pypdf gives them, whitespace removed (an independent check)."""
    import pypdf
    if "pdf" not in records:
        pytest.skip("no TrueType font with Vietnamese glyphs")
    (path,) = records["pdf"].glob("*.pdf")
    return [_squash(p.extract_text() or "") for p in pypdf.PdfReader(str(path)).pages]


# ------------------------------------------------------------------ 1. seed questions in every format

seed_params = [pytest.param(item, id=item.get("id", str(i))) for i, item in enumerate(SEED)] or \
    [pytest.param(None, marks=pytest.mark.skip(reason=f"{SEED_QUESTIONS} not available"))]


def _same(out: dict) -> tuple:
    a = out.get("answer") or {}
    value = a.get("value")
    return (out["status"], a.get("text"), None if value is None else round(value, 6), a.get("unit"),
            a.get("qualifier"))


@pytest.mark.parametrize("item", seed_params)
def test_seed_question_is_answered_alike_in_every_format(item, answers, engines):
    results = {}
    problems = []
    for fmt in FORMATS:
        if fmt not in engines:
            continue
        out = answers(fmt, item["question"])
        ok, why = judge(item, out)
        if not ok:
            problems.append(f"{fmt}: {why} — {out['message']}")
        results[fmt] = _same(out)
    # every format answers alike, right or (where the ranker's best is wrong even in plain
    # text: seed-18) wrong alike
    assert not problems or len(problems) == len(results), "\n".join(problems)
    assert len(set(results.values())) == 1, results


pdf_page_params = seed_params


@pytest.mark.parametrize("item", pdf_page_params)
def test_pdf_citations_carry_the_page(item, answers, engines, pdf_pages):
    if item["kind"] == "unanswerable":
        out = answers("pdf", item["question"])
        assert out["status"] == "not_found" and not out["citations"]
        return
    out = answers("pdf", item["question"])
    assert out["citations"], out["message"]
    for c in out["citations"]:
        assert c["page"] in range(1, len(pdf_pages) + 1), c
        head = _squash(c["text"])[:30]
        assert head in pdf_pages[c["page"] - 1], (c["page"], c["text"][:80])
    for fmt in ("txt", "docx", "html"):
        assert all(c["page"] is None for c in answers(fmt, item["question"])["citations"])


# ------------------------------------------------------------------ 2. the budget table, cell by cell

def cell_question(province: str, header: str) -> str:
    """The question a staff member would type for one cell: province, measure, year."""
    year = re.search(r"(?:19|20)\d{2}", header).group()
    months = re.search(r"(\d+) tháng", header)
    if header.lower().startswith("thực hiện") and months:
        return f"Tỉnh {province} đã thực hiện bao nhiêu kinh phí trong {months.group(1)} tháng năm {year}?"
    return f"Tỉnh {province} được bố trí bao nhiêu kinh phí năm {year}?"


# Cells whose fact the record's prose also states ("… bố trí nguồn ngân sách … là: Lâm Đồng (hơn
# 10 tỷ đồng), Quảng Nam (6,94 tỷ đồng), Quảng Bình (3,94 tỷ đồng)"): the answer cites that sentence,
# the record's own wording with its qualifier, rather than the bare cell (ask.rank_figures._corroborate).
PROSE_TWINS = {("Lâm Đồng", 2): "hơn 10 tỷ đồng", ("Quảng Nam", 2): "6,94 tỷ đồng", ("Quảng Bình", 2): "3,94 tỷ đồng"}

cell_params = [
    pytest.param(fmt, r, c, id=f"{fmt}-{BUDGET_TABLE[r][0]}-{BUDGET_TABLE[0][c].split(' (')[0]}")
    for fmt in ("docx", "pdf") for r in range(1, len(BUDGET_TABLE)) for c in range(1, len(BUDGET_TABLE[0]))
]


@pytest.mark.parametrize("fmt,row,col", cell_params)
def test_every_table_cell_answers_its_question(fmt, row, col, answers, engines):
    engine_for(engines, fmt)
    province, header, cell = BUDGET_TABLE[row][0], BUDGET_TABLE[0][col], BUDGET_TABLE[row][col]
    q = cell_question(province, header)
    out = answers(fmt, q)
    assert out["status"] == "answered", (q, out["message"])
    got = out["answer"]
    cit = out["citations"][0]
    twin = PROSE_TWINS.get((province, col))
    if twin:
        assert got["text"] == twin and cit["table"] is None, (q, got["text"], out["message"], cit["text"])
        assert f"{province} ({twin})" in cit["text"]
        return
    assert got["text"] == cell, (q, got["text"], out["message"], cit["text"])
    assert (cit["table"], cit["row"], cit["col"]) == (0, row, col), (q, cit["table"], cit["row"], cit["col"])
    assert province in cit["text"] and cell in cit["text"], cit["text"]
    assert cit["text"][cit["highlight"][0]:cit["highlight"][1]] == cell
    assert got["unit"] == "đồng"
    assert got["value"] == pytest.approx(parse_number(cell) * 1e6)
    if fmt == "pdf":
        assert cit["page"] == (1 if row <= PDF_ROWS_ON_PAGE_1 else 2), cit


def test_table_answer_says_the_unit_of_the_header(answers, engines):
    out = answers("docx", cell_question("Quảng Nam", BUDGET_TABLE[0][1]))
    assert out["answer"] and out["answer"]["text"] == "6.520", out["message"]
    assert "triệu đồng" in out["message"], out["message"]


def test_pdf_table_across_the_page_break_is_one_table(engines):
    engine = engine_for(engines, "pdf")
    doc = engine.document(only_doc(engine))
    assert len(doc.tables) == 1 and len(doc.pages) == 2
    t = doc.tables[0]
    assert t.page == 1 and t.caption == CAPTION and t.n_rows == len(BUDGET_TABLE)
    for r, row in enumerate(BUDGET_TABLE):
        for c, value in enumerate(row):
            cell = t.cell(r, c)
            assert cell is not None and cell.text == value and doc.text[cell.start:cell.end] == value
            if r:
                assert doc.page_at(cell.start) == (1 if r <= PDF_ROWS_ON_PAGE_1 else 2), (r, c)


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_figures_lists_the_table_cells_in_dong(fmt, engines):
    engine = engine_for(engines, fmt)
    row = PROVINCES.index("Quảng Nam") + 1
    cells = sorted((f for f in engine.figures(entity="Quảng Nam") if f.table is not None), key=lambda f: f.col)
    assert [(f.row, f.col, f.text) for f in cells] == [(row, c, BUDGET_TABLE[row][c])
                                                       for c in range(1, len(BUDGET_TABLE[0]))]
    for f in cells:
        header = BUDGET_TABLE[0][f.col]
        assert f.entity == "Quảng Nam"
        assert f.unit == "đồng"
        assert f.value == pytest.approx(parse_number(f.text) * 1e6)          # "(triệu đồng)"
        assert re.search(r"(?:19|20)\d{2}", header).group() in f.period
        assert "Quảng Nam" in f.sentence and f.text in f.sentence
    # the prose figure of the same record is listed too
    assert any(f.table is None and f.text == "6,94 tỷ đồng" for f in engine.figures(entity="Quảng Nam"))


# ------------------------------------------------------------------ 3. two records, two years

RECORD_2019 = """---
title: Hội nghị khuyến công các tỉnh, thành phố khu vực miền Trung - Tây Nguyên năm 2019
date: 2019-08-15
region: miền Trung - Tây Nguyên
number: X
---
# Hội nghị khuyến công các tỉnh, thành phố khu vực miền Trung - Tây Nguyên năm 2019

Ngày 15 tháng 8 năm 2019, tại thành phố Tam Kỳ, Sở Công Thương Quảng Nam phối hợp với Cục Công Thương địa phương tổ chức Hội nghị khuyến công các tỉnh, thành phố khu vực miền Trung - Tây Nguyên lần thứ X.

Theo báo cáo của Cục Công Thương địa phương, năm 2018, tổng kinh phí khuyến công thực hiện của 15 tỉnh, thành phố khu vực miền Trung - Tây Nguyên là 60,05 tỷ đồng, đạt 93,12% so với kế hoạch năm. Năm 2019, tổng kế hoạch kinh phí khuyến công được duyệt của 15 tỉnh, thành phố là 67,68 tỷ đồng; một số địa phương bố trí nguồn ngân sách cao cho hoạt động khuyến công là: Lâm Đồng (9,87 tỷ đồng), Quảng Nam (6,52 tỷ đồng), Quảng Bình (3,71 tỷ đồng). Trong 6 tháng đầu năm 2019, kinh phí toàn vùng đã thực hiện đạt 17,62 tỷ đồng, đạt 26,03% kế hoạch năm.

Các đơn vị đã tập trung hỗ trợ đào tạo nghề, xây dựng mô hình trình diễn kỹ thuật, chuyển giao máy móc thiết bị tiên tiến cho các cơ sở công nghiệp nông thôn theo Nghị định số 45/2012/NĐ-CP.

Dịp này, 5 tập thể và 4 cá nhân được trao tặng bằng khen của Bộ trưởng Bộ Công Thương. Sở Công Thương Quảng Nam đã trao cờ cho Sở Công Thương Quảng Bình, đơn vị đăng cai hội nghị lần thứ XI, năm 2020.
"""
NAME_2019 = "hoi-nghi-khuyen-cong-mien-trung-tay-nguyen-2019.md"
NAME_2020 = "hoi-nghi-khuyen-cong-mien-trung-tay-nguyen-2020.txt"


@pytest.fixture(scope="module")
def years(tmp_path_factory, model_cache):
    """The sample (2020, date from its sidecar) beside a 2019 record (date in front matter)."""
    corpus = tmp_path_factory.mktemp("two-years")
    for p in KNOWLEDGE.iterdir():
        if p.is_file():
            shutil.copy(p, corpus / p.name)
    (corpus / NAME_2019).write_text(RECORD_2019, encoding="utf-8")
    index = tmp_path_factory.mktemp("two-years-index")
    engine = make_engine(index, [corpus], model_cache)
    assert not engine.report.failed and engine.report.new == 2
    return engine, index


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def test_the_two_records_have_their_years(years):
    engine, _ = years
    got = {_name(p): m.get("year") for p, (_, m) in engine.searcher.doc_meta.items()}
    assert got == {NAME_2019: 2019, NAME_2020: 2020}


@pytest.mark.parametrize("year,expected,name", [
    (2019, "6,52 tỷ đồng", NAME_2019),
    (2020, "6,94 tỷ đồng", NAME_2020),
])
def test_year_filter_restricts_to_that_record(years, year, expected, name):
    engine, _ = years
    ans = engine.ask("Quảng Nam được bố trí bao nhiêu kinh phí?", year=year)
    assert ans.status == "answered" and ans.value.text == expected, ans.text
    assert ans.citations and {c.doc for c in ans.citations} == {name}
    assert ans.passages and {_name(p.chunk.doc) for p in ans.passages} == {name}
    assert all(_name(c.path) == name for _, c in ans.others)


def test_year_filter_finds_what_only_that_record_says(years):
    engine, _ = years
    q = "Tổng kinh phí khuyến công thực hiện năm 2018 là bao nhiêu?"
    ans = engine.ask(q, year=2019)
    assert ans.status == "answered" and ans.value.text == "60,05 tỷ đồng", ans.text
    assert ans.citations[0].doc == NAME_2019
    # The 2020 record gives only a growth rate against 2018, not the amount.
    assert engine.ask(q, year=2020).status == "not_found"


@pytest.mark.parametrize("question,expected,name", [
    ("Quảng Nam được bố trí bao nhiêu kinh phí năm 2019?", "6,52 tỷ đồng", NAME_2019),
    ("Quảng Nam được bố trí bao nhiêu kinh phí năm 2020?", "6,94 tỷ đồng", NAME_2020),
    ("Lâm Đồng được bố trí bao nhiêu kinh phí năm 2019?", "9,87 tỷ đồng", NAME_2019),
    ("Lâm Đồng được bố trí bao nhiêu kinh phí năm 2020?", "hơn 10 tỷ đồng", NAME_2020),
    ("Tổng kế hoạch kinh phí khuyến công năm 2019 được duyệt là bao nhiêu?", "67,68 tỷ đồng", NAME_2019),
    ("Tổng kế hoạch kinh phí khuyến công năm 2020 được duyệt là bao nhiêu?", "69,41 tỷ đồng", NAME_2020),
    ("Tổng kinh phí khuyến công thực hiện năm 2018 là bao nhiêu?", "60,05 tỷ đồng", NAME_2019),
])
def test_question_naming_the_year_gets_that_records_figure(years, question, expected, name, monkeypatch):
    """Which figure is chosen, whatever the operating point: the ranker's best must be the
    named year's record's. (Stated or not is the calibration's business, tested elsewhere:
    "Tổng kế hoạch … năm 2019" comes out at 0.50, right at the tests' usual 0.5, with the
    models of both the previous and this version.)"""
    engine, _ = years
    monkeypatch.setattr(engine.cfg, "min_confidence", 0.0)
    ans = engine.ask(question)
    assert ans.status == "answered" and ans.value.text == expected, ans.text
    assert ans.citations[0].doc == name
    assert expected in ans.citations[0].text


def test_cli_ask_with_year(years, model_cache, monkeypatch, capsys):
    from kcqa.cli import main
    _, index = years
    monkeypatch.setenv("KCQA_CACHE", str(model_cache))
    code = main(["ask", "--index", str(index), "--json", "--year", "2019", "Quảng Nam được bố trí bao nhiêu kinh phí?"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["status"] == "answered" and out["answer"]["text"] == "6,52 tỷ đồng"
    assert {c["doc"] for c in out["citations"]} == {NAME_2019}
