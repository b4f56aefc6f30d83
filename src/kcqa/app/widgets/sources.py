"""The sources of the selected answer: what it cites, then what retrieval found.

Each entry keeps the absolute span in its document, so Enter can open the reader
exactly there; the user checks the figure against the record, not against us.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...models import Answer
from ...render import highlighted, passage_label
from .. import texts
from .answer_view import FIGURE_STYLE

MATCH_STYLE = "bold underline"
PASSAGE_CHARS = 420


@dataclass
class Source:
    """A span of a document to open in the reader, with the spans to emphasise."""

    path: str
    start: int
    end: int
    paragraph: int = 0
    marks: list[tuple[int, int]] = field(default_factory=list)   # absolute offsets
    label: str = ""


def sources_of(ans: Answer) -> list[tuple[Source, Text]]:
    """Citations first, then retrieved passages, each with the text to list."""
    out: list[tuple[Source, Text]] = []
    for c in ans.citations:
        marks = [(c.start + c.highlight[0], c.start + c.highlight[1])] if c.highlight else []
        head = f"{c.doc} · đoạn {c.paragraph} · ký tự {c.start}–{c.end}"
        body = highlighted(c.text, [c.highlight] if c.highlight else [], FIGURE_STYLE)
        out.append((Source(c.path, c.start, c.end, c.paragraph, marks, head), _entry(head, body)))
    for i, p in enumerate(ans.passages, 1):
        ch = p.chunk
        head = f"{i}. {passage_label(p)}"     # no score: a fused rank means nothing to a reader
        text = ch.text if len(ch.text) <= PASSAGE_CHARS else ch.text[:PASSAGE_CHARS] + "…"
        spans = [(s, e) for s, e in p.matched if e <= len(text)]
        marks = [(ch.start + s, ch.start + e) for s, e in p.matched]
        out.append((Source(ch.doc, ch.start, ch.end, ch.paragraph, marks, head),
                    _entry(head, highlighted(text, spans, MATCH_STYLE))))
    return out


def _entry(head: str, body: Text) -> Text:
    return Text(head, style="cyan") + Text("\n") + body


class SourcesPanel(Vertical):
    class Open(Message):
        """The user chose a source (Enter or click): open it in the reader."""

        def __init__(self, source: Source) -> None:
            super().__init__()
            self.source = source

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.sources: list[Source] = []

    def compose(self):
        yield Static(texts.NO_SOURCES, id="sources-title")
        yield OptionList(id="source-list")

    def show(self, ans: Answer | None) -> None:
        title = self.query_one("#sources-title", Static)
        options = self.query_one("#source-list", OptionList)
        options.clear_options()
        self.sources = []
        if ans is None:
            title.update(texts.NO_SOURCES)
            return
        title.update(Text("Nguồn của: ", style="bold") + Text(ans.question))
        entries = sources_of(ans)
        n_cited = len(ans.citations)
        items: list[Option | None] = []
        if n_cited:
            head = texts.CITED_PASSAGE if ans.kind == "passage" else texts.CITED
            items.append(Option(Text(head, style="bold green"), disabled=True))
        for i, (source, text) in enumerate(entries):
            if i == n_cited and ans.passages:
                head = texts.RETRIEVED if ans.status == "answered" else texts.RETRIEVED_NOT_ANSWER
                items.append(Option(Text(head, style="bold" if ans.status == "answered" else "bold yellow"),
                                    disabled=True))
            self.sources.append(source)
            items.append(Option(text, id=f"src-{i}"))
        options.add_options(items)
        first = next((i for i, o in enumerate(items) if o is not None and not o.disabled), None)
        options.highlighted = first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.startswith("src-"):
            self.post_message(self.Open(self.sources[int(event.option.id[4:])]))
