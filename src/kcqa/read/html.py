"""Web pages (.html, .htm): the article body as lines, tables as in the DOCX loader.

Parser: beautifulsoup4 with the stdlib "html.parser" (no lxml/html5lib needed).

What is kept: the article body, chosen as the largest <article> (by paragraph text),
else <main>, else the element holding the most <p> text, else <body>. Inside it,
scripts, styles, forms, nav, aside, footer, site headers (a <header> outside the
article) and blocks whose class/id says menu, breadcrumb, share, related… go.
Block elements (p, headings, li, div, …) and <br> end a line; whitespace inside
a line is collapsed; empty lines are dropped.

Tables are rendered one line per row, cells joined by " | ", with `Table`/`TableCell`
filled exactly as the DOCX loader does (colspan: written once, one TableCell per
grid column sharing the span; rowspan: the text repeated in the rows below). The
<caption> is written as a line before the rows and becomes `Table.caption`; without
one, a line right before the table starting "Bảng"/"Biểu" is the caption. A table
used for page layout (nested tables, cells full of paragraphs) is read as ordinary
blocks instead.

Title: the <h1> of the article, else <title> (site name after " | " or " - " cut),
else any <h1>. Date: <meta name="date"> / property "article:published_time" (and a
few common variants, then <time datetime>), as an ISO date.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from ..models import Document
from ..text.vietnamese import nfc
from .layout import LineBuilder
from . import UnreadableFile, decode_text, register

_DROP_TAGS = {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
              "form", "button", "select", "textarea", "input", "label", "nav", "aside", "footer",
              "dialog", "menu", "head", "link", "meta"}
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:menu|nav|navbar|navigation|breadcrumbs?|sidebar|share|sharing|social|related|"
    r"comments?|advert|ads|banner|cookie|popup|modal|toolbar|pagination|pager|subscribe|newsletter|"
    r"footer|site-header|topbar|print-link)(?:$|[\s_-])", re.IGNORECASE)
_BLOCK = {"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
          "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "figure", "figcaption", "address",
          "center", "hr", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "details", "summary",
          "body", "html", "table", "pre"}
_WS = re.compile(r"\s+")
_CAPTION_TEXT = re.compile(r"^(bảng|biểu|table)\b", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SITE_TAIL = re.compile(r"\.(?:vn|com|net|org|gov)\b|^(?:báo|cổng|trang|tạp chí|bộ|sở|cục|tin tức|tin)\b",
                        re.IGNORECASE)
_DATE_META = ("date", "article:published_time", "dc.date", "dc.date.issued", "dcterms.date",
              "pubdate", "publishdate", "publish-date", "datepublished", "og:published_time")


@register(".html", ".htm", ".xhtml")
def load_html(path: Path, raw: bytes) -> Document:
    markup, converted_from = _decode(path, raw)
    soup = BeautifulSoup(markup, "html.parser")
    page_title = _title_tag(soup)
    meta = _metadata(soup)
    if converted_from:
        meta["converted_from"] = converted_from
    _strip_boilerplate(soup)
    root = _choose_root(soup)
    r = _Renderer()
    r.walk(root)
    text = r.text()
    title = ""
    h1 = root.find("h1") if isinstance(root, Tag) else None
    if h1 is not None:
        title = _clean(h1.get_text(" "))
    if not title:
        title = page_title
    if not title:
        any_h1 = soup.find("h1")
        title = _clean(any_h1.get_text(" ")) if any_h1 is not None else ""
    return Document(path=str(path), text=text, title=title, metadata=meta, tables=r.tables)


# ------------------------------------------------------------------ decoding

def _decode(path: Path, raw: bytes) -> tuple[str, str | None]:
    """The declared charset (BOM, then <meta charset>), else UTF-8, else a pre-Unicode
    Vietnamese encoding (legacy.py); NFC, and the legacy encoding converted from."""
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(path, raw), None
    m = _META_CHARSET.search(raw[:8192])
    declared = m.group(1).decode("ascii", "ignore").lower() if m else ""
    if declared:
        try:
            text = raw.decode(declared)
            # A page labelled Latin-1/Windows-1252 is very often UTF-8 in fact.
            if declared.replace("_", "-") in {"iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252",
                                               "us-ascii", "ascii"}:
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    # Old Vietnamese sites typed in VNI/TCVN3 fonts declared a Western charset.
                    from .legacy import detect_bytes
                    found = detect_bytes(raw)
                    if found:
                        return found
            return nfc(text), ("Windows-1258" if declared.replace("_", "-") in {"windows-1258", "cp1258"} else None)
        except (LookupError, UnicodeDecodeError):
            pass            # unknown or wrong label: fall through to UTF-8
    try:
        return nfc(raw.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    from .legacy import detect_bytes
    found = detect_bytes(raw)
    if found is None:
        raise UnreadableFile(path, "không nhận ra bảng mã của trang HTML (không phải UTF-8 hay bảng mã tiếng Việt cũ)")
    return found


# ------------------------------------------------------------------ metadata, title

def _title_tag(soup: BeautifulSoup) -> str:
    t = soup.find("title")
    if t is None:
        return ""
    title = _clean(t.get_text(" "))
    for sep in (" | ", " :: ", " – ", " — ", " - "):
        if sep in title:
            head, tail = title.rsplit(sep, 1)
            # "Headline | Site name"; a plain hyphen only before a site-like tail, since
            # headlines have their own ("miền Trung - Tây Nguyên").
            if len(head) > len(tail) and (sep != " - " or _SITE_TAIL.search(tail)):
                return head.strip()
            # "Site name - Headline"
            head, tail = title.split(sep, 1)
            if len(head) < len(tail) and _SITE_TAIL.search(head):
                return tail.strip()
    return title


def _metadata(soup: BeautifulSoup) -> dict:
    meta: dict = {}
    found: dict[str, str] = {}
    for m in soup.find_all("meta"):
        key = (m.get("name") or m.get("property") or m.get("itemprop") or "").strip().lower()
        content = (m.get("content") or "").strip()
        if key in _DATE_META and content and key not in found:
            found[key] = content
    date = next((found[k] for k in _DATE_META if k in found), "")
    if not date:
        t = soup.find("time", attrs={"datetime": True})
        date = t["datetime"].strip() if t is not None else ""
    iso = _iso_date(date)
    if iso:
        meta["date"] = iso
    return meta


def _iso_date(value: str) -> str:
    value = value.strip()
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if m:
        y, mo, d = m.groups()
        return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    m = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)     # Vietnamese day/month/year
    if m:
        d, mo, y = m.groups()
        if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
            return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    m = re.match(r"^(\d{4})$", value)
    return m.group(1) if m else (value if value and re.search(r"\d{4}", value) else "")


# ------------------------------------------------------------------ choosing the body

def _strip_boilerplate(soup: BeautifulSoup) -> None:
    for el in soup.find_all(string=lambda s: isinstance(s, (Comment, Doctype, Declaration, ProcessingInstruction))):
        el.extract()
    for el in soup.find_all(list(_DROP_TAGS)):
        if el.name == "head" or el.parent is not None:
            el.decompose()
    for el in soup.find_all("header"):
        if el.find_parent(["article", "main"]) is None:
            el.decompose()          # the site's header; an article's own header holds its headline
    total = _p_text_len(soup)
    for el in soup.find_all(True):
        if getattr(el, "decomposed", False) or el.name in ("html", "body", "article", "main"):
            continue
        role = (el.get("role") or "").lower()
        ident = " ".join([el.get("id") or ""] + list(el.get("class") or []))
        if role in _DROP_ROLES or (ident.strip() and _BOILERPLATE.search(ident)):
            # A wrapper named "page-with-sidebar" may hold the article itself: keep it
            # (its sidebar child goes on its own).
            if el.find(["article", "main", "h1"]) is None and _p_text_len(el) * 2 < total:
                el.decompose()


def _choose_root(soup: BeautifulSoup) -> Tag:
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=_p_text_len)
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main is not None:
        return main
    score: dict[int, tuple[Tag, int]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if isinstance(parent, Tag):
            tag, n = score.get(id(parent), (parent, 0))
            score[id(parent)] = (tag, n + len(p.get_text(" ", strip=True)))
    if score:
        best, n = max(score.values(), key=lambda x: x[1])
        if n >= 200:
            return best
    return soup.body or soup


def _p_text_len(el: Tag) -> int:
    return sum(len(p.get_text(" ", strip=True)) for p in el.find_all("p")) + 1


def _clean(s: str) -> str:
    return nfc(_WS.sub(" ", s)).strip()


# ------------------------------------------------------------------ rendering

class _Renderer(LineBuilder):
    def __init__(self) -> None:
        super().__init__()
        self.buf: list[str] = []

    def flush(self) -> None:
        if self.buf:
            line = _clean("".join(self.buf))
            self.buf = []
            if line:
                self.emit(line)

    def text(self) -> str:
        self.flush()
        return super().text()

    # walking
    def walk(self, node) -> None:
        if isinstance(node, NavigableString):
            if not isinstance(node, (Comment, Doctype, Declaration, ProcessingInstruction)):
                self.buf.append(str(node))
            return
        if not isinstance(node, Tag):
            return
        name = node.name
        if name == "br":
            self.flush()
            return
        if name == "table" and _is_data_table(node):
            self.flush()
            self.html_table(node)
            return
        if name == "pre":
            self.flush()
            for line in node.get_text().split("\n"):
                line = _clean(line)
                if line:
                    self.emit(line)
            return
        block = name in _BLOCK
        if block:
            self.flush()
        for child in node.children:
            self.walk(child)
        if block:
            self.flush()

    def html_table(self, tbl: Tag) -> None:
        cap_el = tbl.find("caption")
        caption = ""
        if cap_el is not None and _owner_table(cap_el) is tbl:
            caption = _clean(cap_el.get_text(" "))
            if caption:
                self.emit(caption)
        elif self.last_line and len(self.last_line) <= 300 and _CAPTION_TEXT.match(self.last_line):
            caption = self.last_line
        super().table(_table_rows(tbl), caption)


def _owner_table(el: Tag) -> Tag | None:
    return el.find_parent("table")


def _own_rows(tbl: Tag) -> list[Tag]:
    return [tr for tr in tbl.find_all("tr") if _owner_table(tr) is tbl]


def _is_data_table(tbl: Tag) -> bool:
    """A table of data, not one used to lay out the page."""
    if (tbl.get("role") or "").lower() in ("presentation", "none"):
        return False
    if any(_owner_table(t) is tbl for t in tbl.find_all("table")):
        return False            # nested tables: layout
    rows = _own_rows(tbl)
    if not rows:
        return False
    for cell in tbl.find_all(["td", "th"]):
        blocks = cell.find_all(["p", "div", "li", "h1", "h2", "h3"])
        if len(blocks) >= 2 and len(cell.get_text(" ", strip=True)) > 300:
            return False
    return True


def _span(cell: Tag, attr: str) -> int:
    try:
        return max(1, min(int(str(cell.get(attr, "1")).strip() or "1"), 100))
    except ValueError:
        return 1


def _table_rows(tbl: Tag) -> list[list[tuple[int, int, str]]]:
    """Rows of (grid column, colspan, text); a rowspan repeats its text in the rows below."""
    rows: list[list[tuple[int, int, str]]] = []
    pending: dict[int, tuple[int, int, str]] = {}     # grid col -> (rows left, colspan, text)
    for tr in _own_rows(tbl):
        row: list[tuple[int, int, str]] = []
        col = 0

        def take_pending() -> None:
            nonlocal col
            while col in pending:
                left, span, text = pending[col]
                row.append((col, span, text))
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = (left - 1, span, text)
                col += span

        for cell in tr.find_all(["td", "th"], recursive=False):
            take_pending()
            span = _span(cell, "colspan")
            rspan = _span(cell, "rowspan")
            text = _clean(cell.get_text(" "))
            row.append((col, span, text))
            if rspan > 1:
                pending[col] = (rspan - 1, span, text)
            col += span
        take_pending()
        if any(text for _, _, text in row):
            rows.append(row)
    return rows
