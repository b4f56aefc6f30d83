"""Rich renderables for an Answer: the answer first, then its sources, figures highlighted.

Used by `kcqa ask` (and reusable by the app), so both show the same thing.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from .models import Answer, Citation, Figure, Passage

OTHER_PERIODS_HEAD = "Hồ sơ cũng có số liệu này cho năm khác:"
UNRESOLVED_HEAD = "Chưa rõ câu hỏi nối tiếp"     # not "not in the records": the question was not understood


def highlighted(text: str, spans: list[tuple[int, int]], style: str) -> Text:
    t = Text(text)
    for s, e in spans:
        t.stylize(style, s, e)
    return t


def citation_label(c: Citation) -> str:
    """First line: where (record, page, paragraph or table cell, characters); second: what
    the record is (title, date, place). Meant to wrap, never to be cut."""
    where = [c.doc]
    if c.page:
        ocr = c.page in ((c.metadata or {}).get("ocr_pages") or ())
        where.append(f"trang {c.page}" + (" (OCR)" if ocr else ""))
    if c.table is not None:
        where.append(f"bảng {c.table + 1}, hàng {c.row}, cột {c.col}")
    elif c.paragraph:
        where.append(f"đoạn {c.paragraph}")
    where.append(f"ký tự {c.start}–{c.end}")
    meta = c.metadata or {}
    title = str(meta.get("title") or "")
    date = str(meta.get("date") or "")
    about = " · ".join(x for x in (title, "" if date and date in title else date, str(meta.get("place") or "")) if x)
    return " · ".join(where) + (f"\n{about}" if about else "")


RESOLVED_HEAD = "Hiểu là: "
PASSAGE_HEAD = "Trả lời (trích nguyên văn): "


def understood_lines(ans: Answer) -> list[str]:
    """How the question was understood: the follow-up resolved from the conversation, or
    the unaccented question with its marks restored."""
    if ans.resolved_question and ans.resolved_question != ans.question:
        return [f"{RESOLVED_HEAD}{ans.resolved_question}"]
    if ans.restored_question:
        return [f"(Hiểu câu hỏi là: {ans.restored_question})"]
    return []


def answer_head(ans: Answer) -> Text:
    """'Trả lời: …' with the figure itself in reverse video; a passage answer says it quotes."""
    body = Text(ans.text)
    if ans.value and ans.value.text and ans.value.text in ans.text and ans.kind != "passage":
        i = ans.text.index(ans.value.text)
        body.stylize("bold reverse", i, i + len(ans.value.text))
    head = PASSAGE_HEAD if ans.kind == "passage" else "Trả lời: "
    out = Text(head, style="bold green") + body
    if ans.confidence is not None:
        out.append(f"  (độ tin cậy {round(ans.confidence * 100)}%)", style="dim")
    return out


def answer_renderables(ans: Answer, passages: bool = True) -> list:
    out: list = []
    for line in understood_lines(ans):
        out.append(Text(line, style="dim italic"))
    if ans.status == "answered":
        out.append(answer_head(ans))
        for c in ans.citations:
            spans = [c.highlight] if c.highlight else []
            label = Text(citation_label(c), style="dim")
            out.append(Panel(Group(label, highlighted(c.text.strip(), _shift(c.highlight, c.text), "bold black on yellow")),
                             title="Nguồn", title_align="left", border_style="green"))
        if ans.others:
            out.append(Text("Các số liệu khác cũng khớp:", style="bold"))
            for text, c in ans.others:
                out.append(Text(f"  • {text}  [{citation_label(c).splitlines()[0]}]"))
        if ans.other_periods:
            out.append(Text(OTHER_PERIODS_HEAD, style="bold"))
            for text, c in ans.other_periods:
                out.append(Text(f"  • {text}  [{citation_label(c).splitlines()[0]}]"))
    else:
        head = UNRESOLVED_HEAD if ans.unresolved else "Không tìm thấy"
        out.append(Text(f"{head}: ", style="bold red") + Text(ans.text))
    for note in ans.notes:
        out.append(Text(f"Lưu ý: {note}", style="yellow"))
    if passages and ans.passages:
        label = "Các đoạn liên quan nhất (không phải câu trả lời):" if ans.status != "answered" else "Đoạn trích:"
        out.append(Text(label, style="bold"))
        for i, p in enumerate(ans.passages, 1):
            out.append(passage_renderable(i, p))
    return out


def _shift(span: tuple[int, int] | None, text: str) -> list[tuple[int, int]]:
    """The highlight span, moved to match `text.strip()`."""
    if not span:
        return []
    lead = len(text) - len(text.lstrip())
    return [(span[0] - lead, span[1] - lead)]


def passage_label(p: Passage) -> str:
    """Where a retrieved passage is. No score: a fused rank score means nothing to a reader."""
    c = p.chunk
    return f"{Path(c.doc).name} · đoạn {c.paragraph} · ký tự {c.start}–{c.end}"


def passage_renderable(i: int, p: Passage) -> Group:
    c = p.chunk
    head = Text(f"{i}. {passage_label(p)}", style="cyan")
    text = c.text if len(c.text) <= 600 else c.text[:600] + "…"
    return Group(head, highlighted(text, [(s, e) for s, e in p.matched if e <= len(text)], "bold underline"))


def is_figure_of_something(f: Figure) -> bool:
    """A row of a figures list must say what it measures or whom it is about."""
    return bool((f.entity or "").strip() or (f.measure or "").strip())


def record_label(path: str, docs: dict, with_file: bool = True) -> str:
    """'Title (năm 2020) · file.txt': two years of the same conference stay apart.
    `docs` is Store.doc_metadata(): {path: (title, metadata)}."""
    title, meta = docs.get(path, ("", {}))
    year = (meta or {}).get("year") or ""
    name = Path(path).name
    head = title or name
    if year and str(year) not in head:
        head += f" (năm {year})"
    return head if head == name or not with_file else f"{head} · {name}"
