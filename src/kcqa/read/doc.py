"""Word 97–2003 (.doc) records, converted to text by antiword.

Tool: antiword (Debian package `antiword`, 0.9 MB with its mapping files). It reads the
binary Word format directly, writes UTF-8 (`-m UTF-8.txt`) with one paragraph per line
(`-w 0`), and draws tables as `|cell|cell|` rows. LibreOffice headless would also keep
fonts and merged cells, but it is ~260 MB installed and takes seconds per file to start,
too much for an offline office PC and CI; antiword is the small, long-stable converter.
Where antiword is missing the record is skipped with one line saying what to install.

Tables: antiword wraps a long cell over several physical rows of the same table, the
continuation rows having an empty first cell; those are joined back into one row.
Records typed in the TCVN3/VNI fonts: antiword gives the fonts' bytes as Windows-1252
characters ("Héi nghÞ"); each line that reads as clearly more Vietnamese once decoded is
converted (legacy.repair_lines) and `metadata["converted_from"]` names the encoding.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..models import Document
from ..text.vietnamese import nfc
from .layout import LineBuilder
from .legacy import repair_lines
from . import UnreadableFile, register

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
INSTALL_HINT = "cần chương trình antiword để đọc tệp Word 97–2003 (.doc): cài bằng `apt-get install antiword`" \
               " (hoặc lưu lại tệp dưới dạng .docx)"
TIMEOUT_S = 120

_CAPTION = re.compile(r"^(bảng|biểu|table)\b", re.IGNORECASE)
_WS = re.compile(r"\s+")


def antiword_command() -> str | None:
    return shutil.which("antiword")


@register(".doc")
def load_doc(path: Path, raw: bytes) -> Document:
    if raw.startswith(b"PK\x03\x04"):             # a .docx saved with the old name
        from .docx import load_docx
        return load_docx(path, raw)
    if raw.lstrip().startswith(b"{\\rtf"):
        raise UnreadableFile(path, "tệp .doc này thực ra là RTF: hãy mở bằng Word và lưu lại dưới dạng .docx")
    if not raw.startswith(OLE_MAGIC):
        raise UnreadableFile(path, "tệp .doc hỏng hoặc không phải văn bản Word 97–2003")
    text = _antiword(path, raw)
    text, converted_from = repair_lines(text)
    doc = _build(path, text)
    if converted_from:
        doc.metadata["converted_from"] = converted_from
    return doc


def _antiword(path: Path, raw: bytes) -> str:
    exe = antiword_command()
    if exe is None:
        raise UnreadableFile(path, INSTALL_HINT)
    # antiword takes a path; a copy under a plain name keeps odd file names out of its way.
    with tempfile.TemporaryDirectory(prefix="kcqa-doc-") as tmp:
        src = Path(tmp) / "record.doc"
        src.write_bytes(raw)
        try:
            run = subprocess.run([exe, "-m", "UTF-8.txt", "-w", "0", str(src)], capture_output=True,
                                 timeout=TIMEOUT_S, env={**os.environ, "LC_ALL": "C.UTF-8"})
        except subprocess.TimeoutExpired as exc:
            raise UnreadableFile(path, f"đọc tệp .doc quá {TIMEOUT_S} giây, bỏ qua") from exc
        except OSError as exc:
            raise UnreadableFile(path, INSTALL_HINT) from exc
    err = run.stderr.decode("utf-8", "replace")
    if os.environ.get("KCQA_DEBUG") and err.strip():
        import sys
        print(f"antiword ({path}): {err.strip()}", file=sys.stderr)
    if run.returncode != 0 or not run.stdout.strip():
        if "encrypt" in err.lower():
            raise UnreadableFile(path, "tệp .doc được bảo vệ bằng mật khẩu")
        raise UnreadableFile(path, "tệp .doc hỏng hoặc không phải văn bản Word 97–2003")
    return nfc(run.stdout.decode("utf-8", "replace")).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")


def _is_table_line(line: str) -> bool:
    s = line.strip()
    return len(s) >= 2 and s.startswith("|") and s.endswith("|") and s.count("|") >= 3


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip()[1:-1].split("|")]


def _build(path: Path, text: str) -> Document:
    builder = LineBuilder()
    lines = text.split("\n")
    prev_para = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_table_line(line):
            rows: list[list[str]] = []
            while i < len(lines) and _is_table_line(lines[i]):
                cells = _cells(lines[i])
                if rows and len(cells) == len(rows[-1]) and not cells[0] and any(cells):
                    rows[-1] = [_WS.sub(" ", f"{a} {b}").strip() for a, b in zip(rows[-1], cells)]
                elif any(cells):
                    rows.append(cells)
                i += 1
            caption = prev_para if prev_para and len(prev_para) <= 300 and _CAPTION.match(prev_para) else ""
            builder.table([[(c, 1, t) for c, t in enumerate(row)] for row in rows], caption)
            prev_para = ""
            continue
        para = _WS.sub(" ", line).strip()
        if para:
            builder.emit(para)
            prev_para = para
        i += 1
    text = builder.text()
    # antiword gives no document properties: a short first line without a full stop is the title.
    first = text.split("\n", 1)[0].strip()
    title = first if 0 < len(first) <= 200 and not first.endswith((".", "…", ":", ";")) else ""
    return Document(path=str(path), text=text, title=title, tables=builder.tables)
