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
from .legacy import TCVN3, font_encoding, from_font_text, is_upper_font, syllable_score
from . import UnreadableFile, register

import docx as _docx                      # python-docx; ImportError = loader unavailable
from docx.oxml.ns import qn

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TR, _TC, _T = qn("w:tr"), qn("w:tc"), qn("w:t")
_TAB, _BR, _CR, _NBH = qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
_SOFT_HYPHEN = qn("w:softHyphen")
_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_TCPR, _GRIDSPAN, _VMERGE = qn("w:tcPr"), qn("w:gridSpan"), qn("w:vMerge")
_TRPR, _GRIDBEFORE = qn("w:trPr"), qn("w:gridBefore")
_R, _RPR, _RFONTS, _RSTYLE = qn("w:r"), qn("w:rPr"), qn("w:rFonts"), qn("w:rStyle")
_STYLE, _STYLE_ID, _BASED_ON = qn("w:style"), qn("w:styleId"), qn("w:basedOn")
_DOC_DEFAULTS, _RPR_DEFAULT = qn("w:docDefaults"), qn("w:rPrDefault")
_FONT_ATTRS = (qn("w:ascii"), qn("w:hAnsi"))
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
    fonts = _Fonts(d)
    builder = _Builder()
    heading_title = ""
    prev_para: tuple[str, str] | None = None     # (text, style name) of the block just before
    for el in _blocks(body):
        if el.tag == _P:
            text = _para_text(el, fonts)
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
            builder.table(_table_rows(el, fonts), caption)
            prev_para = None
    text = builder.text()
    meta, title = _core_properties(d)
    if fonts.converted:
        # "TCVN3", or "TCVN3, VNI" when a record mixes fonts; the index report shows it.
        meta["converted_from"] = ", ".join(sorted(fonts.converted))
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


def _para_text(p, fonts: "_Fonts | None" = None) -> str:
    out: list[tuple[str, str | None]] = []        # (text, font name) pieces
    para_font = fonts.paragraph_font(p) if fonts else None

    def walk(el, font: str | None) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _T:
                out.append((child.text or "", font))
            elif tag == _TAB:
                out.append(("\t", None))
            elif tag in (_BR, _CR):
                out.append(("\n", None))
            elif tag == _NBH:
                out.append(("-", None))
            elif tag == _SOFT_HYPHEN:
                # TCVN3 puts "ư" on 0xAD, the soft hyphen: LibreOffice saves it as w:softHyphen.
                if font_encoding(font) == TCVN3:
                    out.append(("\u00ad", font))
            elif tag == _R:
                walk(child, (fonts.run_font(child) if fonts else None) or para_font)
            elif tag != _PPR:
                walk(child, font)

    walk(p, para_font)
    text = "".join(_convert_legacy(out, fonts)).replace("\r", "\n").replace("\x0b", "\n")
    # A soft line break stays a line break; the lines around it are trimmed.
    return nfc("\n".join(part.strip() for part in text.split("\n") if part.strip()))


def _convert_legacy(pieces: list[tuple[str, str | None]], fonts: "_Fonts | None") -> list[str]:
    """Text set in a TCVN3 or VNI font (.VnTime, VNI-Times) to Unicode. Neighbouring runs in
    the same font are converted together, so a VNI letter split over two runs stays whole."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        text, font = pieces[i]
        encoding = font_encoding(font)
        if encoding is None:
            out.append(text)
            i += 1
            continue
        j = i
        group: list[str] = []
        while j < len(pieces) and pieces[j][1] == font:
            group.append(pieces[j][0])
            j += 1
        joined = "".join(group)
        converted = from_font_text(joined, encoding, upper=is_upper_font(font))
        # A record retyped in Unicode often keeps its old font name: convert only when the
        # result reads as more Vietnamese than the text as it stands.
        if converted != joined and syllable_score(converted)[0] > syllable_score(joined)[0]:
            if fonts is not None:
                fonts.converted.add(encoding)
            out.append(converted)
        else:
            out.append(joined)
        i = j
    return out


class _Fonts:
    """The font of each run: its own w:rFonts, else its character style, else the
    paragraph style (through basedOn), else the document default."""

    def __init__(self, d) -> None:
        self.converted: set[str] = set()
        self._style_font: dict[str, str | None] = {}
        self._styles: dict[str, object] = {}
        self._default: str | None = None
        try:
            root = d.styles.element
        except Exception:
            return
        for st in root.iterchildren(_STYLE):
            sid = st.get(_STYLE_ID)
            if sid:
                self._styles[sid] = st
        defaults = root.find(_DOC_DEFAULTS)
        if defaults is not None:
            rpr_default = defaults.find(_RPR_DEFAULT)
            if rpr_default is not None:
                self._default = _rpr_font(rpr_default.find(_RPR))

    def style_font(self, sid: str | None, depth: int = 0) -> str | None:
        if not sid or depth > 20:
            return None
        if sid not in self._style_font:
            st = self._styles.get(sid)
            font = None
            if st is not None:
                font = _rpr_font(st.find(_RPR))
                if font is None:
                    based = st.find(_BASED_ON)
                    if based is not None:
                        font = self.style_font(based.get(_VAL), depth + 1)
            self._style_font[sid] = font
        return self._style_font[sid]

    def paragraph_font(self, p) -> str | None:
        return self.style_font(_style_id(p) or "Normal") or self._default

    def run_font(self, r) -> str | None:
        rpr = r.find(_RPR)
        if rpr is None:
            return None
        font = _rpr_font(rpr)
        if font is None:
            rs = rpr.find(_RSTYLE)
            if rs is not None:
                font = self.style_font(rs.get(_VAL))
        return font


def _rpr_font(rpr) -> str | None:
    if rpr is None:
        return None
    rf = rpr.find(_RFONTS)
    if rf is None:
        return None
    for attr in _FONT_ATTRS:
        v = rf.get(attr)
        if v:
            return v
    return None


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


def _cell_text(tc, fonts: "_Fonts | None" = None) -> str:
    """All the text of a cell on one line (paragraphs, nested tables flattened)."""
    parts = []
    for p in tc.iter(_P):
        if any(anc.tag in _SKIP for anc in p.iterancestors()):
            continue
        t = _para_text(p, fonts)
        if t:
            parts.append(t)
    return nfc(_WS.sub(" ", " ".join(parts)).strip())


def _table_rows(tbl, fonts: "_Fonts | None" = None) -> list[list[tuple[int, int, str]]]:
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
            text = above.get(col, "") if vmerge_continue else _cell_text(tc, fonts)
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
