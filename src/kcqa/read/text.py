"""Plain text and Markdown records, with optional front matter and header lines.

Front matter (`---` … `---` with `key: value` lines) and the `# key = value`
header lines of corpus dumps become metadata; the body keeps its original offsets.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..models import Document
from . import decode_text_converting, register

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_HASH_HEADER = re.compile(r"\A(?:#[ \t]*[\w-]+[ \t]*=[^\n]*\n)+")
_MD_TITLE = re.compile(r"^#{1,2}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


@register(".txt", ".md", ".markdown", ".text")
def load_text(path: Path, raw: bytes) -> Document:
    text, converted_from = decode_text_converting(path, raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict = {"converted_from": converted_from} if converted_from else {}
    body = 0
    m = _FRONT.match(text)
    if m:
        for line in m.group(1).splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                meta[k.strip().lower()] = v.strip().strip('"').strip("'")
        body = m.end()
    else:
        m = _HASH_HEADER.match(text)
        if m:
            for line in m.group(0).splitlines():
                k, v = line.lstrip("#").split("=", 1)
                meta[k.strip().lower()] = v.strip()
            body = m.end()
    title = meta.get("title", "")
    if not title:
        title = _guess_title(text, body, path.suffix.lower())
    return Document(path=str(path), text=text, title=title, metadata=meta, body_start=body)


_MARKUP = re.compile(r"[*_\\#`]+")


def _guess_title(text: str, body: int, suffix: str) -> str:
    if suffix in (".md", ".markdown"):
        m = _MD_TITLE.search(text, body)
        if m and m.start() - body < 400:
            return m.group(1).strip()
    # Legal documents: the title is the first block of upper-case lines outside the
    # header table ("NGHỊ QUYẾT" / "VỀ VIỆC SẮP XẾP …").
    caps: list[str] = []
    for line in text[body:body + 4000].split("\n"):
        raw = line.strip()
        clean = " ".join(_MARKUP.sub(" ", raw).split())
        if raw.startswith(("|", "+", "-", "Số", "*Hà")) or "  " in line.strip():
            if caps:
                break
            continue
        letters = [c for c in clean if c.isalpha()]
        if (len(letters) >= 4 and all(c.isupper() for c in letters)) or (caps and clean.isdigit()):
            caps.append(clean)
        elif caps and clean:
            break
    if caps:
        return " ".join(caps)
    first = text[body:].lstrip("\n").split("\n", 1)[0].strip()
    # A short first line without a final full stop reads as a headline.
    if 0 < len(first) <= 160 and not first.endswith((".", "…", ":", ";")):
        return first
    return ""
