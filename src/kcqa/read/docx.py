"""Word (.docx) records with python-docx: paragraphs and tables in document order.

The text is one line per paragraph (empty paragraphs dropped) and one line per
table row, cells joined by " | ". A paragraph right before a table that reads as
a caption ("Bảng 1. …", "Biểu …" or styled Caption) stays a normal line and also
becomes `Table.caption`. `Table.start`/`end` cover the row lines only.

Merged cells, the choice made here:
* horizontal merge (w:gridSpan): the cell is written ONCE in the row line, and one
  `TableCell` is emitted for every grid column it covers, all with the same text
  and the same span; so `table.cell(r, c)` answers for every column and a figure
  is never written twice on one line.
* vertical merge (w:vMerge continue): the continuation rows repeat the text of the
  top cell in their own line (each with its own span), as python-docx's
  `row.cells` does; a row line then reads as a complete fact ("Quảng Nam | …").
Rows whose cells are all empty are skipped (they get no row number).

The body is read from the XML (w:p, w:tbl, and w:sdt content controls) rather than
through `Paragraph.text`, so that text in tracked insertions, smart tags and
content controls is kept, deleted text and field codes are not.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from ..models import Document
from ..text.vietnamese import nfc
from .layout import LineBuilder
from . import UnreadableFile, register

import docx as _docx                      # python-docx; ImportError = loader unavailable
from docx.oxml.ns import qn

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TR, _TC, _T = qn("w:tr"), qn("w:tc"), qn("w:t")
_TAB, _BR, _CR, _NBH = qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_TCPR, _GRIDSPAN, _VMERGE = qn("w:tcPr"), qn("w:gridSpan"), qn("w:vMerge")
_TRPR, _GRIDBEFORE = qn("w:trPr"), qn("w:gridBefore")
# Subtrees whose text is not part of the paragraph's own line: text boxes (their own
# paragraphs; in mc:AlternateContent they would come twice), deleted runs, field codes.
_SKIP = {qn("w:txbxContent"), qn("w:del"), qn("w:instrText"), qn("w:delText"),
         "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}

_CAPTION_TEXT = re.compile(r"^(bảng|biểu|table)\b", re.IGNORECASE)
_CAPTION_STYLES = {"caption", "chú thích"}
_HEADING_STYLE = re.compile(r"^(heading\s*\d|title|tiêu đề)", re.IGNORECASE)
_WS = re.compile(r"\s+")
# python-docx's own blank template carries these; they say nothing about the record.
_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15)
_TEMPLATE_TITLES = {"word document"}


@register(".docx")   # .docm/.dotx: python-docx refuses their content types
def load_docx(path: Path, raw: bytes) -> Document:
    try:
        d = _docx.Document(io.BytesIO(raw))
        body = d.element.body
    except Exception as exc:   # zip, XML or package errors: all mean the same to the user
        raise UnreadableFile(path, "tệp DOCX hỏng hoặc không đọc được") from exc
    styles = _style_names(d)
    builder = _Builder()
    heading_title = ""
    prev_para: tuple[str, str] | None = None     # (text, style name) of the block just before
    for el in _blocks(body):
        if el.tag == _P:
            text = _para_text(el)
            style = styles.get(_style_id(el), "")
            if not text.strip():
                continue                          # an empty paragraph does not break caption adjacency
            builder.line(text)
            if not heading_title and _HEADING_STYLE.match(style):
                heading_title = _WS.sub(" ", text).strip()
            prev_para = (text, style)
        else:
            caption = ""
            if prev_para and len(prev_para[0]) <= 300 and (
                    _CAPTION_TEXT.match(prev_para[0].strip()) or prev_para[1].lower() in _CAPTION_STYLES):
                caption = _WS.sub(" ", prev_para[0]).strip()
            builder.table(_table_rows(el), caption)
            prev_para = None
    text = builder.text()
    meta, title = _core_properties(d)
    return Document(path=str(path), text=text, title=title or heading_title, metadata=meta,
                    tables=builder.tables)


def _blocks(parent):
    """Body-level w:p and w:tbl in order, looking inside content controls (w:sdt)."""
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)


def _para_text(p) -> str:
    out: list[str] = []

    def walk(el) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _T:
                out.append(child.text or "")
            elif tag == _TAB:
                out.append("\t")
            elif tag in (_BR, _CR):
                out.append("\n")
            elif tag == _NBH:
                out.append("-")
            elif tag != _PPR:
                walk(child)

    walk(p)
    text = "".join(out).replace("\r", "\n").replace("\x0b", "\n")
    # A soft line break stays a line break; the lines around it are trimmed.
    return nfc("\n".join(part.strip() for part in text.split("\n") if part.strip()))


def _style_id(p) -> str:
    ppr = p.find(_PPR)
    if ppr is None:
        return ""
    ps = ppr.find(_PSTYLE)
    return ps.get(_VAL, "") if ps is not None else ""


def _style_names(d) -> dict[str, str]:
    names: dict[str, str] = {}
    try:
        for s in d.styles:
            try:
                names[s.style_id] = s.name or s.style_id
            except Exception:
                continue
    except Exception:
        pass
    return names


def _cell_text(tc) -> str:
    """All the text of a cell on one line (paragraphs, nested tables flattened)."""
    parts = []
    for p in tc.iter(_P):
        if any(anc.tag in _SKIP for anc in p.iterancestors()):
            continue
        t = _para_text(p)
        if t:
            parts.append(t)
    return nfc(_WS.sub(" ", " ".join(parts)).strip())


def _table_rows(tbl) -> list[list[tuple[int, int, str]]]:
    """Rows of (grid column, span, text), vertical merges resolved to the top cell's text."""
    rows: list[list[tuple[int, int, str]]] = []
    above: dict[int, str] = {}       # grid column -> text of the cell occupying it in the row above
    for tr in tbl.iterchildren(_TR):
        col = 0
        trpr = tr.find(_TRPR)
        if trpr is not None and trpr.find(_GRIDBEFORE) is not None:
            try:
                col = int(trpr.find(_GRIDBEFORE).get(_VAL, "0"))
            except ValueError:
                col = 0
        row: list[tuple[int, int, str]] = []
        for tc in _row_cells(tr):
            span = 1
            vmerge_continue = False
            tcpr = tc.find(_TCPR)
            if tcpr is not None:
                gs = tcpr.find(_GRIDSPAN)
                if gs is not None:
                    try:
                        span = max(1, int(gs.get(_VAL, "1")))
                    except ValueError:
                        span = 1
                vm = tcpr.find(_VMERGE)
                if vm is not None and vm.get(_VAL, "continue") == "continue":
                    vmerge_continue = True
            text = above.get(col, "") if vmerge_continue else _cell_text(tc)
            row.append((col, span, text))
            col += span
        above = {}
        for c, span, text in row:
            for k in range(span):
                above[c + k] = text
        if any(text for _, _, text in row):
            rows.append(row)
    return rows


def _row_cells(tr):
    for child in tr.iterchildren():
        if child.tag == _TC:
            yield child
        elif child.tag == _SDT:        # a content control wrapping cells
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from content.iterchildren(_TC)


class _Builder(LineBuilder):
    """Accumulates lines and remembers the exact spans of the table cells."""

    def line(self, text: str) -> None:
        self.emit(text)



def _core_properties(d) -> tuple[dict, str]:
    meta: dict = {}
    title = ""
    try:
        cp = d.core_properties
    except Exception:
        return meta, title
    try:
        t = _WS.sub(" ", nfc(cp.title or "")).strip()
        if t and t.lower() not in _TEMPLATE_TITLES:
            title = t
    except Exception:
        pass
    try:
        created = cp.created
    except Exception:          # a malformed date in docProps/core.xml
        created = None
    if isinstance(created, dt.datetime) and created.replace(tzinfo=None) != _TEMPLATE_CREATED:
        meta["date"] = created.date().isoformat()
    for key, attr in (("author", "author"), ("subject", "subject"), ("keywords", "keywords")):
        try:
            v = _WS.sub(" ", nfc(getattr(cp, attr) or "")).strip()
        except Exception:
            v = ""
        if v and v != "python-docx":
            meta[key] = v
    return meta, title
