"""PDF records: the text layer, page by page, with tables found in it.

Library: pypdf. It is pure Python (no native dependency to build or ship, so the
package installs the same everywhere offline), actively maintained, and its text
extraction handles the ToUnicode maps that Vietnamese fonts need. Pages without a
text layer but with an image (scans) are read by OCR (ocr.py: pdftoppm + Tesseract
`vie`); `metadata["ocr_pages"]` lists them (1-based) so citations can say "OCR". Without
the OCR tools, a record that is all scan is refused with what to install.

The text: pages joined by "\\n", `Document.pages` holds each page's (start, end).
Each page keeps one line per text line, except that a line pypdf split inside a
paragraph is joined to the next (with one space) when that is safe: the line is
about as long as a full line of the document, does not end a sentence (. ! ? …),
ends with ":" or ";" only if the next line goes on in lowercase, and the next line
is not a new list item or a table caption. Runs of spaces inside prose lines
(justified text) become one space; table rows are kept exactly.

Tables: consecutive lines whose cells are separated by " | " (or by runs of 2+
spaces, then with numbers in the rows, since prose rarely has them) and that all
have the same number of columns >= 2 form a table. A third, stricter shape is what
pypdf makes of a table drawn with ruled cells (Word exported to PDF): a label then
>= 2 numbers, single-spaced ("Lâm Đồng 9.870 10.250 2.931,5"), the same count of
numbers on >= 2 consecutive lines; its header (often wrapped over several lines)
cannot be told from prose, so such rows are numbered from 1 and row 0 stays empty.
A table that ends one page and
continues at the top of the next with the same number of columns is ONE table;
a header row repeated on the next page stays in the text but is not a second row.
`Table.page` is the page where the table starts.
"""

from __future__ import annotations

import io
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..models import Document, Table, TableCell
from ..text.vietnamese import nfc
from . import UnreadableFile, register

import pypdf                              # ImportError = loader unavailable
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

# pypdf reports damage ("invalid pdf header", "EOF marker not found") through logging, in
# English; the user gets kcqa's one Vietnamese line instead. KCQA_DEBUG=1 shows them.
if not os.environ.get("KCQA_DEBUG"):
    logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)

# ------------------------------------------------------------------ table detection

# An inner separator needs blanks on both sides (" | "), so `a|b` in code or a hex dump's
# `|ascii|` column is not a table; an outer pipe at either end of the row is dropped.
_PIPE_SPLIT = re.compile(r"[ \t]+\|(?=[ \t])")
_SPACE_SPLIT = re.compile(r"(?:[ \t\u00a0]{2,}|\t)")
_NUMERIC = re.compile(r"^[-+−]?(?:\d[\d.,\u00a0\u202f]*\d|\d)\s*%?$|^[-–—x]$")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*-)?\s*$", re.IGNORECASE)
_MD_RULE = re.compile(r"^[\s|:\-–—+=]+$")
_CAPTION = re.compile(r"^(bảng|biểu|table)\b", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-–—•●▪◦+*]\s|\(?[a-zđ0-9]{1,3}[.)]\s)", re.IGNORECASE)
_HARD_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_SOFT_END = re.compile(r"[:;]$")
_GLUED_HYPHEN = re.compile(r"[^\W\d_]-$")
_MULTISPACE = re.compile(r"[ \t\u00a0]{2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _pipe_cells(line: str) -> list[tuple[int, int]] | None:
    """Cell spans (within the line) of a `a | b | c` row, outer pipes allowed; None if not a row."""
    if "|" not in line:
        return None
    lo, hi = 0, len(line)
    while lo < hi and line[lo] in " \t":
        lo += 1
    while hi > lo and line[hi - 1] in " \t":
        hi -= 1
    if lo < hi and line[lo] == "|":
        lo += 1
    if hi > lo and line[hi - 1] == "|":
        hi -= 1
    spans: list[tuple[int, int]] = []
    pos = lo
    for m in _PIPE_SPLIT.finditer(line, lo, hi):
        spans.append(_trim(line, pos, m.start()))
        pos = m.end()
    spans.append(_trim(line, pos, hi))
    if len(spans) < 2 or all(s == e for s, e in spans) or \
            any("|" in line[s:e] for s, e in spans):     # a stray pipe inside a cell: not a clean row
        return None
    return spans


def _space_cells(line: str) -> list[tuple[int, int]] | None:
    stripped = line.strip()
    if not stripped:
        return None
    lo = line.index(stripped[0])
    hi = lo + len(stripped)
    spans: list[tuple[int, int]] = []
    pos = lo
    for m in _SPACE_SPLIT.finditer(line, lo, hi):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, hi))
    return spans if len(spans) >= 2 else None


_TOKEN = re.compile(r"\S+")
_NUMBER_TOKEN = re.compile(r"^[-+−]?\d[\d.,]*%?$")


def _number_run_cells(line: str) -> list[tuple[int, int]] | None:
    """`Lâm Đồng 9.870 10.250 2.931,5`: a label then >= 2 numbers, single spaces (what pypdf
    makes of a table drawn with ruled cells). The label must hold a letter."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(line)]
    k = 0
    while k < len(tokens) and _NUMBER_TOKEN.match(line[tokens[-1 - k][0]:tokens[-1 - k][1]]):
        k += 1
    if k < 2 or k == len(tokens):
        return None
    label = (tokens[0][0], tokens[-1 - k][1])
    if not any(ch.isalpha() for ch in line[label[0]:label[1]]) or _BULLET.match(line.strip()):
        return None
    return [label] + tokens[len(tokens) - k:]


def _trim(line: str, s: int, e: int) -> tuple[int, int]:
    while s < e and line[s].isspace():
        s += 1
    while e > s and line[e - 1].isspace():
        e -= 1
    return s, e


@dataclass
class _Block:
    """A run of table rows on one page: line indexes and the cell spans of each row."""

    kind: str                      # "pipe" | "space" | "numbers"
    ncols: int
    rows: list[tuple[int, list[tuple[int, int]]]] = field(default_factory=list)  # (line index, spans)
    skipped: list[int] = field(default_factory=list)    # markdown rule lines inside the block

    @property
    def first(self) -> int:
        return self.rows[0][0]

    @property
    def last(self) -> int:
        return max([self.rows[-1][0]] + self.skipped)


def _find_blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    i, n = 0, len(lines)
    while i < n:
        spans = _pipe_cells(lines[i])
        if spans:
            b = _Block("pipe", len(spans), [(i, spans)])
            j = i + 1
            while j < n:
                if _MD_RULE.match(lines[j]) and "|" in lines[j] and j + 1 < n:
                    b.skipped.append(j)
                    j += 1
                    continue
                s = _pipe_cells(lines[j])
                if not s or len(s) != b.ncols:
                    break
                b.rows.append((j, s))
                j += 1
            blocks.append(b)
            i = j
            continue
        spans = _space_cells(lines[i])
        if spans:
            b = _Block("space", len(spans), [(i, spans)])
            j = i + 1
            while j < n:
                s = _space_cells(lines[j])
                if not s or len(s) != b.ncols or _pipe_cells(lines[j]):
                    break
                b.rows.append((j, s))
                j += 1
            if _numeric_enough(lines, b):
                blocks.append(b)
                i = j
                continue
        spans = _number_run_cells(lines[i])
        if spans:
            b = _Block("numbers", len(spans), [(i, spans)])
            j = i + 1
            while j < n:
                s = _number_run_cells(lines[j])
                if not s or len(s) != b.ncols:
                    break
                b.rows.append((j, s))
                j += 1
            blocks.append(b)
            i = j
            continue
        i += 1
    return blocks


def _numeric_enough(lines: list[str], b: _Block) -> bool:
    """Rows split on runs of spaces are a table only if every row but the header has a number:
    justified prose, a letterhead in two columns, a signature block do not."""
    if b.ncols > 15:
        return False
    with_number = sum(1 for li, spans in b.rows
                      if any(_NUMERIC.match(lines[li][s:e]) for s, e in spans))
    return with_number >= max(1, len(b.rows) - 1)


# ------------------------------------------------------------------ the loader

@register(".pdf")
def load_pdf(path: Path, raw: bytes) -> Document:
    reader = _open(path, raw)
    pages_lines: list[list[str]] = []
    failed = 0
    for page in reader.pages:
        try:
            text = page.extract_text() or ""
        except (DependencyError, FileNotDecryptedError) as exc:
            raise UnreadableFile(path, "PDF được mã hoá, không giải mã được") from exc
        except Exception:
            failed += 1
            text = ""
        pages_lines.append(_clean_lines(text))
    if reader.pages and failed == len(reader.pages):
        raise UnreadableFile(path, "tệp PDF hỏng hoặc không đọc được")
    ocr_pages = _ocr_scanned_pages(path, raw, reader, pages_lines)
    letters = sum(1 for lines in pages_lines for line in lines for ch in line if ch.isalnum())
    if letters < 20:
        if ocr_pages:
            raise UnreadableFile(path, "PDF là bản scan và OCR không nhận ra chữ nào (ảnh mờ hoặc không có chữ)")
        raise UnreadableFile(path, "PDF không có lớp văn bản (bản scan) — cần OCR")

    blocks = [_find_blocks(lines) for lines in pages_lines]
    tables = _link_tables(pages_lines, blocks)
    table_line = {(p, li) for t in tables for p, li, _ in t.rows} | \
                 {(p, li) for t in tables for p, li in t.other_lines}
    full_line = _full_line_length(pages_lines, table_line)

    parts: list[str] = []
    pos = 0
    page_spans: list[tuple[int, int]] = []
    line_start: dict[tuple[int, int], int] = {}
    out_lines: list[tuple[int, int, str]] = []       # (page, first line index, text) of each output line
    for p, lines in enumerate(pages_lines):
        if p:
            parts.append("\n")
            pos += 1
        page_start = pos
        out: list[tuple[int, str]] = []             # (line index, text)
        for li, line in enumerate(lines):
            if (p, li) in table_line:
                out.append((li, line))
                continue
            if not line.strip():
                out.append((li, ""))                # a break: nothing is joined across it
                continue
            prose = _MULTISPACE.sub(" ", line).strip()
            if out and out[-1][1] and (p, out[-1][0]) not in table_line and \
                    _joins(out[-1][1], prose, full_line):
                prev = out[-1][1]
                # "miền Trung-" + "Tây Nguyên": a hyphen glued to a letter is kept, no space added.
                glue = "" if _GLUED_HYPHEN.search(prev) else " "
                out[-1] = (out[-1][0], prev + glue + prose)
            else:
                out.append((li, prose))
        first = True
        for li, text in out:
            if not text:
                continue
            if not first:
                parts.append("\n")
                pos += 1
            first = False
            line_start[(p, li)] = pos
            out_lines.append((p, li, text))
            parts.append(text)
            pos += len(text)
        page_spans.append((page_start, pos))
    text = "".join(parts)

    doc_tables: list[Table] = []
    for t in tables:
        cells: list[TableCell] = []
        # Row 0 is the header row; rows found as "label + numbers" have none, so they start at 1.
        first_row = 1 if t.kind == "numbers" else 0
        for r, (p, li, spans) in enumerate(t.rows, start=first_row):
            base = line_start[(p, li)]
            line = pages_lines[p][li]
            for c, (s, e) in enumerate(spans):
                cells.append(TableCell(row=r, col=c, text=line[s:e], start=base + s, end=base + e))
        p0, li0, _ = t.rows[0]
        last_p, last_li = max([(p, li) for p, li, _ in t.rows] + t.other_lines)
        start = line_start[(p0, li0)]
        end = line_start[(last_p, last_li)] + len(pages_lines[last_p][last_li])
        doc_tables.append(Table(index=len(doc_tables), caption=_caption_before(out_lines, p0, li0),
                                cells=cells, start=start, end=end, page=p0 + 1))

    meta, title = _info(reader)
    if failed:
        meta["pages_unreadable"] = failed
    if ocr_pages:
        # 1-based pages whose text was read by OCR from the page image (citations say so).
        meta["ocr_pages"] = [p + 1 for p in ocr_pages]
    return Document(path=str(path), text=text, title=title, metadata=meta, pages=page_spans,
                    tables=doc_tables)


# A page with fewer letters than this in its text layer is treated as a scan.
_SCAN_LETTERS = 20


def _ocr_scanned_pages(path: Path, raw: bytes, reader: "pypdf.PdfReader", pages_lines: list[list[str]]) -> list[int]:
    """Pages with (almost) no text layer but an image are read by OCR, in place; returns
    their 0-based numbers. Without the OCR tools a record that is all scan is refused with
    what to install; one with some text pages keeps those."""
    scanned = [p for p, lines in enumerate(pages_lines)
               if sum(ch.isalnum() for line in lines for ch in line) < _SCAN_LETTERS and _has_image(reader, p)]
    if not scanned:
        return []
    from . import ocr
    why = ocr.missing()
    if why:
        if len(scanned) == len(pages_lines):
            raise UnreadableFile(path, f"PDF không có lớp văn bản (bản scan), {why}")
        return []
    try:
        texts = ocr.read_pages(raw, scanned)
    except ocr.OcrFailed as exc:
        raise UnreadableFile(path, f"PDF là bản scan, OCR lỗi: {exc.reason}") from exc
    for p, text in texts.items():
        pages_lines[p] = _clean_lines(text)
    return scanned


def _has_image(reader: "pypdf.PdfReader", p: int) -> bool:
    try:
        resources = reader.pages[p].get("/Resources") or {}
        xobjects = resources.get_object().get("/XObject") if hasattr(resources, "get_object") else None
        if not xobjects:
            return False
        xobjects = xobjects.get_object()
        return any(xobjects[name].get_object().get("/Subtype") in ("/Image", "/Form") for name in xobjects)
    except Exception:
        return True          # cannot tell: let OCR decide


def _open(path: Path, raw: bytes) -> "pypdf.PdfReader":
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw), strict=False)
    except Exception as exc:
        if "encrypt" in str(exc).lower() or isinstance(exc, DependencyError):
            raise UnreadableFile(path, "PDF được mã hoá, không giải mã được") from exc
        raise UnreadableFile(path, "tệp PDF hỏng hoặc không đọc được") from exc
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")       # many PDFs are "encrypted" only to restrict printing
        except DependencyError as exc:
            raise UnreadableFile(path, "PDF được mã hoá (AES), thiếu thư viện giải mã cryptography") from exc
        except Exception as exc:
            raise UnreadableFile(path, "PDF được mã hoá, không giải mã được") from exc
        if not ok:
            raise UnreadableFile(path, "PDF được bảo vệ bằng mật khẩu")
    try:
        _ = len(reader.pages)
    except FileNotDecryptedError as exc:
        raise UnreadableFile(path, "PDF được bảo vệ bằng mật khẩu") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise UnreadableFile(path, "tệp PDF hỏng hoặc không đọc được") from exc
    return reader


def _clean_lines(text: str) -> list[str]:
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return [line.rstrip() for line in text.split("\n")]


@dataclass
class _Table:
    ncols: int
    kind: str
    rows: list[tuple[int, int, list[tuple[int, int]]]]           # (page, line, spans)
    other_lines: list[tuple[int, int]] = field(default_factory=list)  # repeated header, rule lines


def _link_tables(pages_lines: list[list[str]], blocks: list[list[_Block]]) -> list[_Table]:
    """Page blocks to tables; a block at the top of a page continues the table that ended
    the previous page when the column count matches. Lone rows that continue nothing go."""
    tables: list[_Table] = []
    open_table: _Table | None = None      # a table that ended its page (only page numbers after it)
    for p, page_blocks in enumerate(blocks):
        lines = pages_lines[p]
        for bi, b in enumerate(page_blocks):
            at_top = all(not lines[k].strip() or _PAGE_NUMBER.match(lines[k]) for k in range(b.first))
            at_end = all(not lines[k].strip() or _PAGE_NUMBER.match(lines[k]) for k in range(b.last + 1, len(lines)))
            rows = [(p, li, spans) for li, spans in b.rows]
            other = [(p, li) for li in b.skipped]
            if bi == 0 and at_top and open_table is not None and open_table.ncols == b.ncols \
                    and (open_table.kind == "numbers") == (b.kind == "numbers"):
                header = [_cell_texts(pages_lines, *open_table.rows[0])]
                if _cell_texts(pages_lines, *rows[0]) == header[0]:
                    other.append(rows[0][:2])
                    rows = rows[1:]
                open_table.rows.extend(rows)
                open_table.other_lines.extend(other)
                t = open_table
            else:
                t = _Table(b.ncols, b.kind, rows, other)
                if len(rows) >= 2 or at_end:
                    tables.append(t)
            open_table = t if at_end else None
        if not page_blocks:
            open_table = None if any(line.strip() and not _PAGE_NUMBER.match(line) for line in lines) else open_table
    # A single row that neither continued nor was continued is not a table.
    return [t for t in tables if len(t.rows) >= 2]


def _cell_texts(pages_lines, p: int, li: int, spans) -> list[str]:
    line = pages_lines[p][li]
    return [line[s:e].casefold() for s, e in spans]


def _full_line_length(pages_lines: list[list[str]], table_line: set[tuple[int, int]]) -> int:
    """The length of a full line of prose: the 90th percentile of the longer lines."""
    lengths = sorted(len(_MULTISPACE.sub(" ", line).strip())
                     for p, lines in enumerate(pages_lines) for li, line in enumerate(lines)
                     if (p, li) not in table_line and len(line.strip()) >= 20)
    if not lengths:
        return 80
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def _joins(prev: str, nxt: str, full_line: int) -> bool:
    """Is `nxt` the continuation of the same paragraph that pypdf cut after `prev`?"""
    if len(prev) < max(40, 0.7 * full_line):
        return False                          # a short line ends its paragraph (or is a heading)
    if _HARD_END.search(prev):
        return False
    if _CAPTION.match(nxt) or _PAGE_NUMBER.match(nxt):
        return False
    if _BULLET.match(nxt) and (_BULLET.match(prev) or not nxt.startswith(("-", "–"))):
        return False                          # a new list item; "X\n- Y" after a plain line is a dash
    first = nxt[0]
    if _SOFT_END.search(prev):
        return first.islower() or first.isdigit()
    return True


def _caption_before(out_lines: list[tuple[int, int, str]], p: int, li: int) -> str:
    for k, (pp, ll, text) in enumerate(out_lines):
        if (pp, ll) == (p, li):
            if k and len(out_lines[k - 1][2]) <= 300 and _CAPTION.match(out_lines[k - 1][2]):
                return out_lines[k - 1][2]
            return ""
    return ""


def _info(reader: "pypdf.PdfReader") -> tuple[dict, str]:
    """Title from the document info, when it is a real title; the creation date as `created`.

    The creation date is NOT used as the record's `date`: PDFs are often exported or
    scanned long after the event, so the year in the name or text is more reliable."""
    meta: dict = {}
    title = ""
    try:
        info = reader.metadata
    except Exception:
        info = None
    if not info:
        return meta, title
    try:
        t = nfc(str(info.title or "")).strip()
    except Exception:
        t = ""
    t = re.sub(r"^Microsoft (?:Word|PowerPoint|Excel) - ", "", t)
    t = re.sub(r"\.(?:docx?|pdf|odt|rtf)$", "", t, flags=re.IGNORECASE).strip()
    if t and t.lower() not in {"untitled", "untitled document", "document", "pdf", "title"} and len(t) > 3:
        title = re.sub(r"\s+", " ", t)
    try:
        created = info.creation_date
    except Exception:
        created = None
    if created is not None:
        meta["created"] = created.date().isoformat()
    try:
        author = nfc(str(info.author or "")).strip()
        if author:
            meta["author"] = author
    except Exception:
        pass
    return meta, title
