"""Build realistic records (DOCX, PDF, HTML) with the libraries' own writers.

Shared by the format tests and by any other test that needs a record on disk in
a given format. The content is the bundled sample record plus a budget table by
province, with numbers written the Vietnamese way ("6.940", "1.234,5").

    paragraphs = sample_paragraphs()
    make_docx(tmp_path / "r.docx", paragraphs, BUDGET_TABLE)
    make_pdf(tmp_path / "r.pdf", paragraphs, BUDGET_TABLE)      # needs unicode_font()
    make_html(tmp_path / "r.html", paragraphs, BUDGET_TABLE)
"""

from __future__ import annotations

import datetime as dt
import html as _html
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "knowledge" / "hoi-nghi-khuyen-cong-mien-trung-tay-nguyen-2020.txt"

TITLE = "Hội nghị khuyến công các tỉnh, thành phố khu vực miền Trung - Tây Nguyên năm 2020"
CAPTION = "Bảng 1. Kinh phí khuyến công của một số tỉnh, thành phố khu vực miền Trung - Tây Nguyên"
DATE = dt.datetime(2020, 7, 10, 8, 30, tzinfo=dt.timezone.utc)

# Row 0 is the header; column 0 the province. Millions of đồng, Vietnamese number format.
BUDGET_TABLE: list[list[str]] = [
    ["Tỉnh, thành phố", "Kế hoạch 2019 (triệu đồng)", "Kế hoạch 2020 (triệu đồng)",
     "Thực hiện 6 tháng 2020 (triệu đồng)"],
    ["Lâm Đồng", "9.870", "10.250", "2.931,5"],
    ["Quảng Nam", "6.520", "6.940", "1.984,2"],
    ["Quảng Bình", "3.710", "3.940", "1.126,8"],
    ["Ninh Thuận", "2.650", "2.810", "803,6"],
    ["Bình Định", "3.050", "3.180", "909,4"],
    ["Phú Yên", "2.380", "2.470", "706,3"],
    ["Gia Lai", "2.590", "2.760", "1.234,5"],
    ["Kon Tum", "1.840", "1.950", "557,7"],
]

# The figure sentence every format must keep intact.
KEY_SENTENCE = "Lâm Đồng (hơn 10 tỷ đồng), Quảng Nam (6,94 tỷ đồng)"

# Index in the paragraph list after which the table is placed (after the budget paragraph).
TABLE_AFTER = 2


def sample_paragraphs() -> list[str]:
    """The sample record's paragraphs (one per line), as they are on disk."""
    return [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


# ---------------------------------------------------------------------------- DOCX

def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None, *,
              title: str | None = TITLE, caption: str | None = CAPTION,
              table_after: int = TABLE_AFTER, created: dt.datetime | None = DATE) -> Path:
    """A Word file: Heading 1 title, the paragraphs, the table (with a caption
    paragraph right before it) after paragraph `table_after`."""
    import docx

    d = docx.Document()
    if title:
        d.add_heading(title, level=1)
        d.core_properties.title = title
    if created:
        d.core_properties.created = created
    d.core_properties.author = "Cục Công Thương địa phương"
    for i, para in enumerate(paragraphs):
        d.add_paragraph(para)
        if table and i + 1 == table_after:
            _docx_table(d, table, caption)
    if table and table_after >= len(paragraphs):
        _docx_table(d, table, caption)
    d.save(str(path))
    return path


def _docx_table(d, table: list[list[str]], caption: str | None) -> None:
    if caption:
        try:
            d.add_paragraph(caption, style="Caption")
        except KeyError:   # a template without a Caption style
            d.add_paragraph(caption)
    t = d.add_table(rows=len(table), cols=len(table[0]))
    t.style = "Table Grid"
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            t.cell(r, c).text = value


# ---------------------------------------------------------------------------- PDF

_FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/liberation/LiberationSans-Regular.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
    "C:/Windows/Fonts/arial.ttf",
]
_VIETNAMESE_PROBE = "ĐđƯưƠơẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"


@lru_cache(maxsize=1)
def unicode_font() -> Path | None:
    """A TrueType font on this machine with every Vietnamese glyph, or None.

    fpdf2 bundles only the PDF core fonts (Latin-1), so a system font is needed:
    DejaVu Sans, Noto Sans or Liberation Sans, first one found with the glyphs."""
    candidates = [Path(p) for p in _FONT_CANDIDATES]
    for root in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"):
        if root.is_dir():
            for pattern in ("DejaVuSans.ttf", "NotoSans-Regular.ttf", "LiberationSans-Regular.ttf"):
                candidates += sorted(root.rglob(pattern))
    for p in candidates:
        if p.is_file() and _has_glyphs(p):
            return p
    return None


def _has_glyphs(path: Path) -> bool:
    try:
        from fontTools.ttLib import TTFont
        cmap = TTFont(str(path), lazy=True).getBestCmap()
    except Exception:
        return False
    return all(ord(ch) in cmap for ch in _VIETNAMESE_PROBE)


def _new_pdf():
    from fpdf import FPDF

    font = unicode_font()
    if font is None:
        raise RuntimeError("no TrueType font with Vietnamese glyphs on this machine")
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("Body", "", str(font))
    pdf.set_font("Body", size=11)
    return pdf


def make_pdf(path: Path, paragraphs: list[str], table: list[list[str]] | None,
             two_pages: bool = True, *, title: str | None = TITLE, caption: str | None = CAPTION,
             table_after: int = TABLE_AFTER, repeat_header: bool = True,
             rows_on_first_page: int | None = None, separator: str = " | ",
             created: dt.datetime | None = DATE) -> Path:
    """A PDF with a text layer. Paragraphs wrap (multi_cell), the table is written
    one text line per row, cells joined by `separator` (" | " or a run of spaces).

    With `two_pages` the table crosses the page break: the header and the first
    rows end page 1; page 2 starts with the rest (header repeated when
    `repeat_header`), then the remaining paragraphs."""
    pdf = _new_pdf()
    if created:
        pdf.set_creation_date(created)
    if title:
        pdf.set_title(title)
    pdf.add_page()
    width = pdf.epw
    if title:
        pdf.set_font("Body", size=14)
        pdf.multi_cell(width, 8, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Body", size=11)
        pdf.ln(2)

    def para(text: str) -> None:
        pdf.multi_cell(width, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    def row(cells: list[str]) -> None:
        pdf.cell(width, 6, separator.join(cells), new_x="LMARGIN", new_y="NEXT")

    before, after = paragraphs[:table_after], paragraphs[table_after:]
    for p in before:
        para(p)
    if table:
        if caption:
            para(caption)
        header, body = table[0], table[1:]
        split = rows_on_first_page if rows_on_first_page is not None else (len(body) + 1) // 2
        row(header)
        for r in (body[:split] if two_pages else body):
            row(r)
        if two_pages:
            pdf.add_page()
            if repeat_header:
                row(header)
            for r in body[split:]:
                row(r)
        pdf.ln(2)
    for p in after:
        para(p)
    pdf.output(str(path))
    return path


def make_pdf_ruled_table(path: Path, paragraphs: list[str], table: list[list[str]], *,
                         caption: str | None = CAPTION) -> Path:
    """A table drawn with ruled cells (fpdf2's table(), like Word exported to PDF), after
    the paragraphs. pypdf reads its rows as `Lâm Đồng 9.870 10.250 2.931,5`."""
    pdf = _new_pdf()
    pdf.add_page()
    for p in paragraphs:
        pdf.multi_cell(pdf.epw, 6, p, new_x="LMARGIN", new_y="NEXT")
    if caption:
        pdf.multi_cell(pdf.epw, 6, caption, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(first_row_as_headings=False) as t:
        for r in table:
            row = t.row()
            for value in r:
                row.cell(value)
    pdf.output(str(path))
    return path


def make_scanned_pdf(path: Path, pages: int = 1) -> Path:
    """A 'scan': pages holding only a drawn frame and a raster image, no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    img = Image.new("L", (600, 800), 250)
    draw = ImageDraw.Draw(img)
    for y in range(60, 760, 24):            # grey bars where the lines of text were
        draw.rectangle((50, y, 550 - (y * 7) % 120, y + 10), fill=60)
    pdf = FPDF(format="A4")
    for _ in range(pages):
        pdf.add_page()
        pdf.rect(10, 10, 190, 277)
        pdf.image(img, x=15, y=15, w=180)
    pdf.output(str(path))
    return path


# ---------------------------------------------------------------------------- HTML

NAV_TEXT = "Trang chủ Giới thiệu Tin tức Liên hệ"
FOOTER_TEXT = "Bản quyền thuộc Bộ Công Thương. Địa chỉ: 54 Hai Bà Trưng, Hoàn Kiếm, Hà Nội"
ASIDE_TEXT = "Tin liên quan: Hội nghị khuyến công khu vực phía Bắc"


def make_html(path: Path, paragraphs: list[str], table: list[list[str]] | None, *,
              title: str | None = TITLE, caption: str | None = CAPTION,
              table_after: int = TABLE_AFTER, date: str = "2020-07-10T08:30:00+07:00",
              encoding: str = "utf-8") -> Path:
    """A news-site page: header with a menu, nav, the article (h1, paragraphs,
    the table with <caption>), an aside, a footer and scripts around it."""
    e = _html.escape
    body: list[str] = []
    for i, p in enumerate(paragraphs):
        body.append(f"      <p>{e(p)}</p>")
        if table and i + 1 == table_after:
            body.append(_html_table(table, caption))
    if table and table_after >= len(paragraphs):
        body.append(_html_table(table, caption))
    page = f"""<!DOCTYPE html>
<html lang="vi">
<head>
  <meta charset="{encoding}">
  <title>{e(title or "")} | Cục Công Thương địa phương</title>
  <meta name="date" content="{e(date)}">
  <meta property="article:published_time" content="{e(date)}">
  <style>body {{ font-family: sans-serif; }} .menu li {{ display: inline; }}</style>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body>
  <header class="site-header">
    <div class="logo">Cục Công Thương địa phương</div>
    <ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li></ul>
  </header>
  <nav><a href="/">{e(NAV_TEXT)}</a></nav>
  <div class="container">
    <article class="news-detail">
      <h1>{e(title or "")}</h1>
      <div class="meta"><time datetime="{e(date)}">10/07/2020</time></div>
{chr(10).join(body)}
    </article>
    <aside class="sidebar"><p>{e(ASIDE_TEXT)}</p></aside>
  </div>
  <form action="/tim-kiem"><input name="q" placeholder="Tìm kiếm"><button>Tìm</button></form>
  <footer><p>{e(FOOTER_TEXT)}</p></footer>
  <script>console.log("Lâm Đồng trong script không phải nội dung");</script>
</body>
</html>
"""
    path.write_bytes(page.encode(encoding))
    return path


def _html_table(table: list[list[str]], caption: str | None) -> str:
    e = _html.escape
    cap = f"<caption>{e(caption)}</caption>" if caption else ""
    head = "".join(f"<th>{e(c)}</th>" for c in table[0])
    rows = "\n".join("          <tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in table[1:])
    return (f"      <table class=\"table\">{cap}\n        <thead><tr>{head}</tr></thead>\n"
            f"        <tbody>\n{rows}\n        </tbody>\n      </table>")


# ---------------------------------------------------------------------------- legacy encodings

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_legacy(text: str, encoding: str) -> bytes:
    """`text` as a pre-Unicode office would have saved it. TCVN3, VNI and VISCII by the
    reverse of kcqa's generated tables; Windows-1258 with Python's codec, tones as
    combining marks after the base letter (how Windows writes the letters cp1258 lacks).
    TCVN3 has no uppercase toned letters: those are written with the lowercase codes, as
    the .VnTimeH fonts expect."""
    import unicodedata
    from kcqa.read import legacy

    if encoding == legacy.CP1258:
        out = bytearray()
        for ch in unicodedata.normalize("NFC", text):
            try:
                out += ch.encode("cp1258")
                continue
            except UnicodeEncodeError:
                pass
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += base.encode("cp1258") + "".join(c for c in parts if c in _TONES).encode("cp1258")
        return bytes(out)
    reverse = {v: k for k, v in legacy._tables()[encoding].items() if len(v) == 1 and v.isalpha()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in reverse:
            out += reverse[ch]
        elif encoding == legacy.TCVN3 and ch.lower() in reverse:
            out += reverse[ch.lower()]
        elif encoding == legacy.VISCII:
            out += ch.encode("ascii")          # VISCII spends 0x80-0x9F on letters: no “…”
        else:
            out += ch.encode("cp1252")
    return bytes(out)


def legacy_surface(text: str, encoding: str) -> str:
    """What Word stores for `text` typed in a legacy font: the font's bytes read as Windows-1252."""
    raw = encode_legacy(text, encoding)
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)


LEGACY_FONTS = {"TCVN3": (".VnTime", ".VnTimeH"), "VNI": ("VNI-Times", "VNI-Times")}


def make_legacy_docx(path: Path, paragraphs: list[str], encoding: str, *, title: str | None = TITLE,
                     unicode_paragraph: str | None = None, soft_hyphen_elements: bool = False) -> Path:
    """A Word file typed with a pre-Unicode keyboard: every run in `.VnTime` (TCVN3) or
    `VNI-Times` (VNI), the title in capitals in `.VnTimeH` (TCVN3) as such records had it.
    `unicode_paragraph` is added as real Unicode text in Times New Roman (a mixed record).
    With `soft_hyphen_elements`, TCVN3's "ư" (byte 0xAD, the soft hyphen) is written as
    <w:softHyphen/>, as LibreOffice saves such files."""
    import docx

    body_font, caps_font = LEGACY_FONTS[encoding]
    d = docx.Document()
    if title:
        run = d.add_paragraph().add_run(legacy_surface(title.upper() if encoding != "TCVN3" else title.lower(),
                                                       encoding))
        run.font.name = caps_font
        run.bold = True
    for para in paragraphs:
        p = d.add_paragraph()
        # Two runs per paragraph, split mid-text as Word does after an edit (in VNI the cut
        # may fall between a letter and its mark).
        surface = legacy_surface(para, encoding)
        cut = len(surface) // 2
        for piece in (surface[:cut], surface[cut:]):
            run = p.add_run()
            run.font.name = body_font
            if soft_hyphen_elements:
                from docx.oxml import OxmlElement
                for k, part in enumerate(piece.split("\u00ad")):
                    if k:
                        run._r.append(OxmlElement("w:softHyphen"))
                    if part:
                        t = OxmlElement("w:t")
                        t.text = part
                        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                        run._r.append(t)
            else:
                run.text = piece
    if unicode_paragraph:
        d.add_paragraph().add_run(unicode_paragraph).font.name = "Times New Roman"
    d.save(str(path))
    return path


# ---------------------------------------------------------------------------- Word 97–2003 (.doc)

# name -> legacy encoding of its text (None: Unicode)
DOC_FIXTURES = {"hoi-nghi-khuyen-cong-2020.doc": None, "hoi-nghi-khuyen-cong-2020-vni.doc": "VNI",
                "hoi-nghi-khuyen-cong-2020-tcvn3.doc": "TCVN3"}
DOC_FIXTURE_DIR = REPO / "tests" / "data" / "doc"


def soffice_command() -> str | None:
    import shutil
    return shutil.which("soffice") or shutil.which("libreoffice")


def make_doc_records(folder: Path) -> list[Path]:
    """The .doc records, written by LibreOffice headless from .docx files built here:
    the sample record with the budget table (Unicode), and the same paragraphs typed in
    the VNI-Times font, and in the .VnTime font. Needs `soffice`.

    TCVN3 puts "ư" on byte 0xAD, the soft hyphen. Word keeps it as that character (U+00AD
    in the text stream, which antiword passes through); LibreOffice writes it as Word's
    optional hyphen 0x1F, which every reader drops. The TCVN3 file gets its U+00AD back,
    as Word would have saved it: each UTF-16 0x1F between two text characters."""
    import subprocess
    import tempfile

    exe = soffice_command()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is needed to write .doc files")
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        for name, encoding in DOC_FIXTURES.items():
            src = tmpdir / (Path(name).stem + ".docx")
            if encoding is None:
                make_docx(src, sample_paragraphs(), BUDGET_TABLE)
            else:
                make_legacy_docx(src, sample_paragraphs(), encoding)
            subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{tmpdir}/profile",
                            "--convert-to", "doc:MS Word 97", "--outdir", str(folder), str(src)],
                           check=True, capture_output=True, timeout=300)
            if encoding == "TCVN3":
                import re
                doc = folder / name
                doc.write_bytes(re.sub(rb"(?<=[ -~\x80-\xff]\x00)\x1f\x00(?=[ -~\x80-\xff]\x00)", b"\xad\x00",
                                       doc.read_bytes()))
            out.append(folder / name)
    return out


# ---------------------------------------------------------------------------- scanned PDF with text

SCAN_DPI = 300


def make_scanned_text_pdf(path: Path, pages_paragraphs: list[list[str]], *, font_px: int = 44,
                          jpeg_quality: int = 70, rotate: int = 0) -> list[str]:
    """A signed report as a scanner makes it: each page an A4 greyscale image at 300 dpi of
    the paragraphs typeset in a font with Vietnamese glyphs (DejaVu Sans), slightly blurred
    and JPEG-compressed, and no text layer. Returns each page's source text (the paragraphs
    joined by newlines) to measure OCR against. `rotate` (90, 180, 270) turns the page
    images, as a page fed into the scanner sideways."""
    import io

    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    font_path = unicode_font()
    if font_path is None:
        raise RuntimeError("no TrueType font with Vietnamese glyphs on this machine")
    font = ImageFont.truetype(str(font_path), font_px)
    width, height = int(8.27 * SCAN_DPI), int(11.69 * SCAN_DPI)
    margin = int(0.9 * SCAN_DPI)
    line_h = int(font_px * 1.45)
    pdf = FPDF(format="A4")
    sources = []
    for paragraphs in pages_paragraphs:
        img = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(img)
        y = margin
        for para in paragraphs:
            line = ""
            for word in para.split():
                trial = f"{line} {word}".strip()
                if draw.textlength(trial, font=font) > width - 2 * margin and line:
                    draw.text((margin, y), line, font=font, fill=20)
                    y += line_h
                    line = word
                else:
                    line = trial
            if line:
                draw.text((margin, y), line, font=font, fill=20)
                y += line_h
            y += line_h // 2
            if y > height - margin:
                raise ValueError("the paragraphs do not fit on one page")
        img = img.filter(ImageFilter.GaussianBlur(0.8))
        if rotate:
            img = img.rotate(rotate, expand=True)
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=jpeg_quality)
        buf.seek(0)
        landscape = rotate in (90, 270)
        pdf.add_page(orientation="L" if landscape else "P")
        pdf.image(buf, x=0, y=0, w=297 if landscape else 210, h=210 if landscape else 297)
        sources.append("\n".join(paragraphs))
    pdf.output(str(path))
    return sources


def char_accuracy(got: str, expected: str) -> float:
    """1 - (edit distance / length of the expected text), whitespace runs counted as one space."""
    a, b = " ".join(got.split()), " ".join(expected.split())
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return max(0.0, 1 - prev[-1] / max(1, len(b)))
