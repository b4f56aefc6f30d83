"""One turn of the conversation: the question, then the answer and its citation under it.

A turn exists as soon as the question is submitted (so a question typed while the
model loads is visible and queued); the answer fills it in when it arrives.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from ...models import Answer
from ...render import citation_label, highlighted
from .. import texts

FIGURE_STYLE = "bold black on yellow"
NEAR_PASSAGES = 2
NEAR_CHARS = 220


def answer_line(ans: Answer) -> Text:
    """'Trả lời: …' with the figure itself in reverse video."""
    body = Text(ans.text)
    if ans.value and ans.value.text and ans.value.text in ans.text:
        i = ans.text.index(ans.value.text)
        body.stylize("bold reverse", i, i + len(ans.value.text))
    return Text("Trả lời: ", style="bold green") + body


class Turn(Vertical):
    """A question with its answer; clicking it selects it for the sources panel."""

    class Selected(Message):
        def __init__(self, turn: "Turn") -> None:
            super().__init__()
            self.turn = turn

    def __init__(self, question: str, **kwargs) -> None:
        super().__init__(classes="turn", **kwargs)
        self.question = question
        self.answer: Answer | None = None
        self.failed = False
        # Created here, not in compose: the status may change before the turn is mounted.
        self._status = Static(texts.WAITING, classes="status")

    def compose(self):
        yield Static(Text("Bạn: ", style="bold") + Text(self.question), classes="question")
        yield self._status

    @property
    def done(self) -> bool:
        return self.answer is not None or self.failed

    @property
    def status_text(self) -> str:
        return str(self._status.content)

    def show_status(self, message: str, error: bool = False) -> None:
        self._status.update(message)
        self._status.set_class(error, "-error")
        self.failed = error

    def show_answer(self, ans: Answer) -> None:
        self.answer = ans
        self._status.remove()
        self.mount_all(list(self._answer_widgets(ans)))

    def _answer_widgets(self, ans: Answer):
        if ans.restored_question:
            yield Static(f"(Hiểu câu hỏi là: {ans.restored_question})", classes="restored")
        if ans.status == "answered":
            yield Static(answer_line(ans), classes="answer")
            for c in ans.citations:
                cite = Static(highlighted(c.text.strip(), _shift(c.highlight, c.text), FIGURE_STYLE),
                              classes="citation")
                cite.border_title = "Nguồn"
                cite.border_subtitle = citation_label(c).split("\n")[0]
                yield cite
            if ans.others:
                lines = [f"• {text}  [{citation_label(c).splitlines()[0]}]" for text, c in ans.others]
                yield Static("Các số liệu khác cũng khớp:\n" + "\n".join(lines), classes="others")
        else:
            yield Static(Text(f"{texts.NOT_FOUND_HEAD}: ", style="bold") + Text(ans.text), classes="notfound")
        for note in ans.notes:
            yield Static(f"Lưu ý: {note}", classes="note")
        if ans.status != "answered" and ans.passages:
            near = [texts.NOT_THE_ANSWER]
            for p in ans.passages[:NEAR_PASSAGES]:
                t = " ".join(p.chunk.text.split())
                near.append(f"– {t[:NEAR_CHARS]}{'…' if len(t) > NEAR_CHARS else ''}")
            yield Static("\n".join(near), classes="near")

    def on_click(self) -> None:
        self.post_message(self.Selected(self))


def _shift(span: tuple[int, int] | None, text: str) -> list[tuple[int, int]]:
    """The highlight span, moved to match `text.strip()`."""
    if not span:
        return []
    lead = len(text) - len(text.lstrip())
    return [(span[0] - lead, span[1] - lead)]
