"""Plain text and Markdown records, with optional front matter and header lines.

Front matter (`---` … `---` with `key: value` lines) and the `# key = value`
header lines of corpus dumps become metadata; the body keeps its original offsets.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..models import Document
from . import decode_text_converting, register
from ..text.vietnamese import PHOTO_CREDIT

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
    if path.suffix.lower() in (".md", ".markdown"):
        text = soften_line_breaks(text, body)
    return Document(path=str(path), text=text, title=title, metadata=meta, body_start=body)


# A line that starts a block of its own (heading, quote, table, list item, numbered
# clause as pandoc escapes it, code fence, rule) is never the tail of a wrapped line.
_BLOCK_START = re.compile(r"[#>|+]|[-*+][ \t]|\d+(?:[.)]|\\\.)(?:[ \t]|$)|```|~~~|[-=_*]{3,}[ \t]*$")


def soften_line_breaks(text: str, start: int = 0) -> str:
    """Markdown's soft line breaks become the spaces they stand for.

    Converted legal texts are wrapped at 70 columns, so a name or a figure is often
    cut by a newline ("tỉnh Quảng\nTrị"); CommonMark reads such a newline inside a
    paragraph as a space, and so must an answer quoting it. Same length, so every
    offset stays valid. Indented lines (tables, header blocks), hard breaks (a line
    ending in a backslash or two spaces), block starts and the line after a photo's
    credit ("… Ảnh: BSL": a caption, not the start of the next paragraph) keep their newline.
    """
    chars = list(text)
    lines = text[start:].split("\n")
    pos = start
    for line, following in zip(lines, lines[1:]):
        pos += len(line)
        if (line.strip() and following.strip()
                and not line[:1].isspace() and not following[:1].isspace()
                and not line.endswith(("\\", "  ")) and not line.startswith(("|", "+"))
                and not _BLOCK_START.match(following) and not PHOTO_CREDIT.search(line)):
            chars[pos] = " "
        pos += 1
    return "".join(chars)


_MARKUP = re.compile(r"[*_\\#`]+")


# A page saved from the web opens with where and when it was taken ("Nguồn: https://…",
# "Thứ Tư, 25/11/2020, 10:01 (GMT+7)") and may open with a photo's caption ("Quang cảnh hội
# nghị. Ảnh: V.T"): not its headline, which follows
_PREAMBLE_LINE = re.compile(r"[ \t]*(?:[^\n]*\(?Ảnh[ \t]*:[^\n]*|(?:(?:nguồn|source|link|url)[ \t]*:[ \t]*)?(?:https?://|www\.)\S*"
                            r"|(?:(?:thứ[ \t]+\w+|chủ[ \t]+nhật)[ \t]*,?[ \t]*)?(?:ngày[ \t]+)?\d{1,2}/\d{1,2}/\d{4}"
                            r"[ \t,|-]*(?:\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*(?:\(GMT[+-]\d{1,2}\))?)?[ \t]*\n", re.IGNORECASE)


def after_preamble(text: str, body: int) -> int:
    while (m := _PREAMBLE_LINE.match(text, body)) and m.end() > body:
        body = m.end()
    return body


def _guess_title(text: str, body: int, suffix: str) -> str:
    body = after_preamble(text, body)
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
        elif len(letters) >= 40:
            break       # prose came first: a line in capitals after it is a byline ("XUÂN NGÔ"), not the title
    if caps:
        return " ".join(caps)
    first = text[body:].lstrip("\n").split("\n", 1)[0].strip()
    # A short first line without a final full stop reads as a headline.
    if 0 < len(first) <= 160 and not first.endswith((".", "…", ":", ";")):
        return first
    return ""
