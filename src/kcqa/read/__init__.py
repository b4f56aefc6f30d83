"""Reading records: one loader per file type behind a small registry.

A loader turns bytes into a `Document` whose text is NFC and whose offsets are
what citations point at. Unreadable input raises `UnreadableFile` with a reason
in Vietnamese; the indexer reports it in one line and goes on.

Loaders: text.py (.txt, .md), docx.py, doc.py (Word 97–2003 through antiword), pdf.py
(text layer; scanned pages through ocr.py), html.py. Records in the pre-Unicode
Vietnamese encodings are converted by legacy.py. Metadata a loader may set for the
index report and the citations: `converted_from` ("TCVN3", "VNI", "VISCII",
"Windows-1258"; "TCVN3, VNI" when a Word file mixes fonts) and `ocr_pages` (1-based
pages of a PDF whose text was read by OCR).
"""

from __future__ import annotations

import errno
import json
import os
import re
from pathlib import Path
from typing import Callable, Iterator

from ..models import Document
from ..text.vietnamese import nfc
from ..text import lexicon

Loader = Callable[[Path, bytes], Document]
# Bump when a loader reads the same bytes differently: the indexer reads every record
# again (passages whose text is unchanged keep their vectors). 2: Markdown soft breaks. 3: a saved
# page's source, date and caption lines are not its title. 4: a line ending in a photo credit ends
# its paragraph; a saved page's lead sentence (its title when it has no headline) is after its source line.
# 5: a date written after a cited document's name ("Luật Hóa chất ngày …") is not the record's date.
# 6: "(TP. Thái Nguyên)" ends no sentence (a bracket before the abbreviation). 7: a saved page's date
# line is its date (not the year of its facts).
# 8: a photo credit of initials ("Ảnh: K.L") ends its paragraph too.
READER_VERSION = "8"
_LOADERS: dict[str, Loader] = {}
_PLUGINS_LOADED = False

MAX_BYTES = 200 * 1024 * 1024   # a record larger than this is surely not a record
# Text beyond this would take too long to embed on a 2-core machine (~7 passages/s: 5 M
# characters is about 5,000 passages, ~12 minutes); refuse it with a reason instead.
MAX_CHARS = int(float(os.environ.get("KCQA_MAX_MB", "5")) * 1_000_000)


class UnreadableFile(Exception):
    """A file that cannot be read as a record; `reason` is a short Vietnamese phrase."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


_OS_REASONS = {
    errno.EACCES: "không có quyền đọc tệp", errno.EPERM: "không có quyền đọc tệp",
    errno.ENOENT: "tệp không còn ở đó (đã bị xoá hoặc đổi tên)", errno.EISDIR: "đây là thư mục, không phải tệp",
    errno.EIO: "lỗi đọc đĩa", errno.ENAMETOOLONG: "tên hoặc đường dẫn tệp quá dài",
    errno.ELOOP: "liên kết tượng trưng vòng lặp", errno.ETIMEDOUT: "ổ mạng không trả lời",
    errno.EHOSTDOWN: "ổ mạng không trả lời", errno.ESTALE: "ổ mạng đã ngắt kết nối",
}


def os_reason(exc: OSError) -> str:
    """An OSError as a Vietnamese phrase; the system's English text stays out of it."""
    reason = _OS_REASONS.get(exc.errno or -1)
    if reason:
        return reason
    return f"không đọc được tệp (lỗi hệ thống số {exc.errno})" if exc.errno else "không đọc được tệp"


def register(*extensions: str) -> Callable[[Loader], Loader]:
    def deco(fn: Loader) -> Loader:
        for ext in extensions:
            _LOADERS[ext.lower()] = fn
        return fn
    return deco


def supported_extensions() -> list[str]:
    _load_plugins()
    return sorted(_LOADERS)


def _load_plugins() -> None:
    # Import loader modules lazily: heavy parsers (PDF, DOCX) stay off the ask path.
    global _PLUGINS_LOADED
    if _PLUGINS_LOADED:
        return
    _PLUGINS_LOADED = True
    from . import text  # noqa: F401
    for optional in ("docx", "doc", "pdf", "html"):
        try:
            __import__(f"{__name__}.{optional}")
        except ImportError:   # a loader whose library is missing is simply unavailable
            pass


def is_record(path: Path) -> bool:
    _load_plugins()
    # "~$báo cáo.doc": the owner file Word leaves beside an open document, not a record.
    return path.suffix.lower() in _LOADERS and not path.name.startswith((".", "~$")) \
        and not path.name.endswith(".meta.json")


def read_document(path: Path, display_path: str | None = None) -> Document:
    """Read one record; raises UnreadableFile with the reason."""
    _load_plugins()
    loader = _LOADERS.get(path.suffix.lower())
    if loader is None:
        raise UnreadableFile(path, f"không hỗ trợ loại tệp {path.suffix or '(không có đuôi)'}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableFile(path, f"tệp quá lớn ({size // (1024 * 1024)} MB)")
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(path, os_reason(exc)) from exc
    if not raw.strip():
        raise UnreadableFile(path, "tệp rỗng")
    if len(raw) > MAX_CHARS * 4 and path.suffix.lower() in (".txt", ".md", ".markdown", ".text", ".html", ".htm"):
        raise UnreadableFile(path, f"tệp quá lớn ({len(raw) / 1e6:.0f} MB; giới hạn {MAX_CHARS / 1e6:.0f} triệu ký tự,"
                                   " đổi bằng KCQA_MAX_MB)")
    doc = loader(path, raw)
    doc.path = display_path or str(path)
    if len(doc.text) > MAX_CHARS:
        raise UnreadableFile(path, f"văn bản quá dài ({len(doc.text) / 1e6:.1f} triệu ký tự; giới hạn "
                                   f"{MAX_CHARS / 1e6:.0f} triệu, đổi bằng KCQA_MAX_MB)")
    if not doc.text[doc.body_start:].strip():
        raise UnreadableFile(path, "không có nội dung văn bản")
    doc.metadata = {**doc.metadata, **infer_metadata(doc), **read_sidecar(path)}
    if doc.metadata.get("title"):
        doc.title = str(doc.metadata["title"])
    if not doc.title:
        doc.title = lead_sentence(doc) or title_from_filename(path)
    return doc


def iter_record_paths(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """Every record below the given folders/files, sorted, each once (symlink loops are cut)."""
    seen: set[Path] = set()
    for root in paths:
        if root.is_file():
            yield root, str(root)
            continue
        if not root.is_dir():
            raise UnreadableFile(root, "không tìm thấy tệp hoặc thư mục")
        for p in sorted(_walk(root, set())):
            real = p.resolve()
            if real in seen:
                continue
            seen.add(real)
            if is_record(p):
                yield p, str(p)


def _walk(folder: Path, visiting: set[Path]) -> Iterator[Path]:
    real = folder.resolve()
    if real in visiting:
        return
    visiting = visiting | {real}
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return
    for p in entries:
        if p.name.startswith("."):
            continue
        try:
            if p.is_dir():
                yield from _walk(p, visiting)
            elif p.is_file():
                yield p
        except OSError:
            continue


def decode_text(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 (BOM) to NFC; binary and broken input refused."""
    return decode_text_converting(path, raw)[0]


def decode_text_converting(path: Path, raw: bytes) -> tuple[str, str | None]:
    """Like `decode_text`, and bytes that are not UTF-8 are tried as the pre-Unicode
    Vietnamese encodings (legacy.py). Returns the NFC text and the encoding it was
    converted from (None for Unicode input): a UTF-8 file is never converted."""
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableFile(path, f"UTF-16 hỏng ở byte {exc.start}") from exc
    else:
        if b"\x00" in raw[:4096]:
            # UTF-16 without BOM shows as every other byte NUL in Vietnamese/ASCII text.
            sample = raw[:4096]
            if sample[1::2].count(0) > len(sample) // 4:
                try:
                    return nfc(raw.decode("utf-16-le")), None
                except UnicodeDecodeError:
                    pass
            raise UnreadableFile(path, "tệp nhị phân, không phải văn bản")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if _mostly_utf8(raw):
                raise UnreadableFile(path, f"tệp UTF-8 bị hỏng (byte lỗi ở vị trí {exc.start})") from exc
            from .legacy import detect_bytes
            found = None if _looks_binary(raw[:8192].decode("latin-1")) else detect_bytes(raw)
            if found is None:
                raise UnreadableFile(path, f"không phải UTF-8 (byte lỗi ở vị trí {exc.start}) và không nhận ra bảng mã"
                                           " tiếng Việt cũ (TCVN3, VNI, VISCII, Windows-1258); hãy lưu lại tệp"
                                           " dưới dạng Unicode UTF-8") from exc
            return found
    if _looks_binary(text):
        raise UnreadableFile(path, "tệp nhị phân, không phải văn bản")
    return nfc(text), None


def _mostly_utf8(raw: bytes) -> bool:
    """UTF-8 with a few broken bytes (a cut or damaged file), not a legacy encoding: most
    non-ASCII characters decode. Legacy Vietnamese bytes almost never form UTF-8 sequences."""
    text = raw[:1 << 20].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good > 4 * bad


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad > len(sample) * 0.01


def read_sidecar(path: Path) -> dict:
    """Optional metadata beside a record: `report.docx.meta.json` or `report.meta.json`."""
    for side in (path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json")):
        if side.is_file():
            try:
                data = json.loads(side.read_text(encoding="utf-8"))
                return {k: nfc(v) if isinstance(v, str) else v for k, v in data.items()} if isinstance(data, dict) else {}
            except (OSError, ValueError):
                return {}
    return {}


_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")
_ROMAN = re.compile(r"lần thứ ([IVXLC]+|\d+)", re.IGNORECASE)


_DATE_VI = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# "Luật Hóa chất ngày 21 tháng 11 năm 2007", "Quyết định số 1126/QĐ-SCT ngày …": another document's date
_CITED_BEFORE = re.compile(r"(?:\b(?:%s)\b|\bsố\s+\S+/\S*)[^.;,\n]{0,80}$" % "|".join(lexicon.DOCUMENT_TYPES + ("Kế hoạch",)),
                           re.IGNORECASE)


def _own_date(head: str) -> tuple[int, int, int] | None:
    """The record's own date: the first "ngày … tháng … năm …" that is not the date of a document
    it cites ("Hà Nội, ngày 12 tháng 4 năm 2025" beside "Số 60-NQ/TW" is its own). Until
    reader 5 the first date of any kind was taken: a report citing "Luật Hóa chất ngày 21
    tháng 11 năm 2007" was dated 2007, and so were its figures without a period of their own."""
    for m in _DATE_VI.finditer(head):
        if _CITED_BEFORE.search(head, max(0, m.start() - 120), m.start()):
            continue
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= day <= 31 and 1 <= month <= 12:
            return day, month, year
    return None


# a web page's date line, one of its first lines and nothing but a day, a weekday and a time:
# "15/01/2020 - 09:58", "Thứ Tư, 22/9/2021| 10:05", "Cập nhật lúc 15:38, Thứ Tư, 25/03/2020 (GMT+7)"
_LINE_DAY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_LINE_REST = re.compile(r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ nhật|cập nhật(?:\s+lúc)?|ngày đăng|đăng lúc|"
                        r"ngày|lúc|\d{1,2}:\d{2}(?::\d{2})?|am|pm|gmt\s*\+\s*7|[\s,|:\-–()\[\]])*", re.IGNORECASE)


def _date_line(head: str) -> tuple[int, int, int] | None:
    """The date of a page whose first lines include a line that only dates it."""
    for line in head.split("\n")[:5]:
        day = date_line_day(line)
        if day:
            return day
    return None


def date_line_day(line: str) -> tuple[int, int, int] | None:
    """(day, month, year) when `line` says nothing but a day, a weekday and a time."""
    m = _LINE_DAY.search(line)
    if m and len(line) <= 80 and _LINE_REST.fullmatch(line[:m.start()]) and _LINE_REST.fullmatch(line[m.end():]):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= day <= 31 and 1 <= month <= 12:
            return day, month, year
    return None
_DOC_NUMBER = re.compile(r"Số:\s*([\w./-]+/[\w./-]+)")


def infer_metadata(doc: Document) -> dict:
    """Date, year and numbers guessed from the text; a sidecar or front matter wins."""
    meta: dict = {}
    head = doc.text[doc.body_start:doc.body_start + 3000]
    date = str(doc.metadata.get("date", ""))
    m = _DATE_COMPACT.match(date)
    if m:
        meta["date"] = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    published = None
    if not m and not date:
        found = _own_date(head)
        published = None if found else _date_line(doc.text[:doc.body_start + 600])
        found = found or published
        if found:
            day, month, year = found
            meta["date"] = f"{year}-{month:02d}-{day:02d}"
    date = meta.get("date") or date
    if _YEAR.search(date or "") and not published:
        meta["year"] = int(_YEAR.search(date).group(1))
    else:
        # (a page's date line says when it was published, not what year its facts are of: a review
        # of 2021 is published in 2022, a history page in 2014)
        years = _YEAR.findall(doc.path.rsplit("/", 1)[-1]) or _YEAR.findall(doc.title)
        if years:
            meta["year"] = int(years[-1])
    m = _DOC_NUMBER.search(head)
    if m:
        meta["doc_number"] = m.group(1)
    m = _ROMAN.search(doc.title + " " + head)
    if m:
        meta["number_mentioned"] = m.group(1)
    return meta


def lead_sentence(doc: Document) -> str:
    """News items often have no headline in the file: their lead sentence names the subject
    (after a saved page's source and date lines, which name nothing)."""
    from ..text.vietnamese import sentences
    from .text import after_preamble
    start = after_preamble(doc.text, doc.body_start)
    spans = sentences(doc.text, start, min(len(doc.text), start + 600))
    if spans:
        s, e = spans[0]
        if e - s <= 220:
            return " ".join(doc.text[s:e].split())
    return ""


def title_from_filename(path: Path) -> str:
    return re.sub(r"[-_]+", " ", path.stem).strip()
