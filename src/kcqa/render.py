"""Rich renderables for an Answer: the answer first, then its sources, figures highlighted.

Used by `kcqa ask` (and reusable by the app), so both show the same thing.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from .models import Answer, Citation, Passage


def highlighted(text: str, spans: list[tuple[int, int]], style: str) -> Text:
    t = Text(text)
    for s, e in spans:
        t.stylize(style, s, e)
    return t


def citation_label(c: Citation) -> str:
    where = [c.doc]
    if c.page:
        where.append(f"trang {c.page}")
    if c.table is not None:
        where.append(f"bảng {c.table + 1}, hàng {c.row}, cột {c.col}")
    elif c.paragraph:
        where.append(f"đoạn {c.paragraph}")
    where.append(f"ký tự {c.start}–{c.end}")
    meta = c.metadata or {}
    about = " · ".join(str(x) for x in (meta.get("title"), meta.get("date"), meta.get("place")) if x)
    return " · ".join(where) + (f"\n{about}" if about else "")


def answer_renderables(ans: Answer) -> list:
    out: list = []
    if ans.restored_question:
        out.append(Text(f"(Hiểu câu hỏi là: {ans.restored_question})", style="dim italic"))
    if ans.status == "answered":
        head = Text("Trả lời: ", style="bold green")
        body = Text(ans.text)
        if ans.value and ans.value.text in ans.text:
            i = ans.text.index(ans.value.text)
            body.stylize("bold reverse", i, i + len(ans.value.text))
        out.append(head + body)
        for c in ans.citations:
            spans = [c.highlight] if c.highlight else []
            label = citation_label(c).split("\n")
            out.append(Panel(highlighted(c.text, spans, "bold black on yellow"),
                             title="Nguồn" + (f": {label[1]}" if len(label) > 1 else ""), title_align="left",
                             subtitle=label[0], subtitle_align="left", border_style="green"))
        if ans.others:
            out.append(Text("Các số liệu khác cũng khớp:", style="bold"))
            for text, c in ans.others:
                out.append(Text(f"  • {text}  [{citation_label(c).splitlines()[0]}]"))
    else:
        out.append(Text("Không tìm thấy: ", style="bold red") + Text(ans.text))
    for note in ans.notes:
        out.append(Text(f"Lưu ý: {note}", style="yellow"))
    if ans.passages:
        label = "Các đoạn liên quan nhất (không phải câu trả lời):" if ans.status != "answered" else "Đoạn trích:"
        out.append(Text(label, style="bold"))
        for i, p in enumerate(ans.passages, 1):
            out.append(passage_renderable(i, p))
    return out


def passage_renderable(i: int, p: Passage) -> Group:
    c = p.chunk
    head = Text(f"{i}. {Path(c.doc).name} · đoạn {c.paragraph} · ký tự {c.start}–{c.end} · điểm {p.score:.4f}",
                style="cyan")
    text = c.text if len(c.text) <= 600 else c.text[:600] + "…"
    return Group(head, highlighted(text, [(s, e) for s, e in p.matched if e <= len(text)], "bold underline"))
