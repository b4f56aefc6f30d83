"""The record itself, opened at the cited span, so a figure can be checked in context.

The text is cut into three blocks (before, the lines holding the span, after) so a
long PDF costs three widgets, and the middle one can be scrolled to exactly.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...models import Document
from .. import texts
from ..widgets.answer_view import FIGURE_STYLE
from ..widgets.sources import Source

SPAN_STYLE = "on #2e4a62"


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start of the line holding `start`, end of the line holding `end - 1`."""
    lo = text.rfind("\n", 0, max(0, start)) + 1
    hi = text.find("\n", max(start, end - 1))
    return lo, len(text) if hi < 0 else hi


class ReaderScreen(Screen):
    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Quay lại"),
        Binding("n", "to_span", "Về đoạn trích"),
    ]

    def __init__(self, source: Source) -> None:
        super().__init__(id="reader")
        self.source = source
        self.document: Document | None = None

    def compose(self):
        yield Static(Text(self.source.label or self.source.path, style="bold"), id="reader-title")
        with VerticalScroll(id="reader-body"):
            yield Static("Đang mở hồ sơ…", id="reader-wait")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exit_on_error=False)
    def _load(self) -> None:
        with self.app.working():
            try:
                doc = self.app.engine.document(self.source.path)
            except Exception as exc:
                self.app.ui(self._show_error, texts.one_line(exc))
                return
            self.app.ui(self._show, doc)

    def _show_error(self, message: str) -> None:
        self.query_one("#reader-wait", Static).update(f"Không mở được hồ sơ: {message}")

    def _show(self, doc: Document | None) -> None:
        if doc is None:
            self.query_one("#reader-wait", Static).update(texts.DOC_NOT_FOUND)
            return
        self.document = doc
        src = self.source
        head = Text(doc.title or doc.name, style="bold")
        head.append(f"\n{doc.name} · đoạn {src.paragraph} · ký tự {src.start}–{src.end}", style="dim")
        self.query_one("#reader-title", Static).update(head)
        text = doc.text
        lo, hi = line_bounds(text, src.start, src.end)
        body = self.query_one("#reader-body", VerticalScroll)
        self.query_one("#reader-wait").remove()
        hit = Static(self._styled(text, lo, hi), id="hit")
        blocks = [Static(Text(text[:lo].rstrip("\n")), id="before") if lo > 0 else None, hit,
                  Static(Text(text[hi:].lstrip("\n")), id="after") if hi < len(text) else None]
        body.mount_all([b for b in blocks if b is not None])
        self.call_after_refresh(self.action_to_span)

    def _styled(self, text: str, lo: int, hi: int) -> Text:
        t = Text(text[lo:hi])
        src = self.source
        t.stylize(SPAN_STYLE, max(0, src.start - lo), max(0, src.end - lo))
        for s, e in src.marks:
            if e > lo and s < hi:
                t.stylize(FIGURE_STYLE, max(0, s - lo), min(hi, e) - lo)
        return t

    def action_to_span(self) -> None:
        for hit in self.query("#hit"):
            self.query_one("#reader-body", VerticalScroll).scroll_to_widget(hit, top=True, animate=False)

    @property
    def passage_text(self) -> str:
        """The plain text of the highlighted block (for tests and copying)."""
        hits = self.query("#hit")
        return str(hits.first().content) if hits else ""
