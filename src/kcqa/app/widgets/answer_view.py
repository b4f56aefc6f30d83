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
from ...render import OTHER_PERIODS_HEAD, UNRESOLVED_HEAD, answer_head, citation_label, highlighted, understood_lines
from .. import texts

FIGURE_STYLE = "bold black on yellow"
NEAR_PASSAGES = 2
NEAR_CHARS = 220


def answer_line(ans: Answer) -> Text:
    """'Trả lời: …' with the figure itself in reverse video (the same line `kcqa ask` prints)."""
    return answer_head(ans)


class Turn(Vertical):
    """A question with its answer; clicking it selects it for the sources panel."""

    class Selected(Message):
        def __init__(self, turn: "Turn") -> None:
            super().__init__()
            self.turn = turn

    def __init__(self, question: str, answer: Answer | None = None, changed: bool = False, **kwargs) -> None:
        """`answer` given: a kept turn shown again (`changed`: a record it cites has changed since)."""
        super().__init__(classes="turn", **kwargs)
        self.question = question
        self.answer: Answer | None = answer
        self.failed = False
        self.changed = changed
        self.notes: list[str] = []
        # Created here, not in compose: the status may change before the turn is mounted.
        self._status = Static(texts.WAITING, classes="status")

    def compose(self):
        yield Static(Text("Bạn: ", style="bold") + Text(self.question), classes="question")
        if self.answer is not None:
            yield from self._answer_widgets(self.answer, self.changed)
        else:
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

    def show_answer(self, ans: Answer, changed: bool = False) -> None:
        """`changed`: the answer was kept from an earlier session and a record it cites has
        changed since; it is shown as it was, marked."""
        self.answer = ans
        self.changed = changed
        self._status.remove()
        self.mount_all(list(self._answer_widgets(ans, changed)))

    def _answer_widgets(self, ans: Answer, changed: bool = False):
        for line in understood_lines(ans):
            resolved = line.startswith("Hiểu là")
            yield Static(line, classes="resolved" if resolved else "restored")
        if changed:
            yield Static(texts.CHANGED_RECORD, classes="changed")
        if ans.status == "answered":
            yield Static(answer_line(ans), classes="answer")
            for c in ans.citations:
                cite = Static(highlighted(c.text.strip(), _shift(c.highlight, c.text), FIGURE_STYLE),
                              classes="citation")
                cite.border_title = "Nguồn"
                yield Static(citation_label(c).split("\n")[0], classes="citation-where")
                yield cite
            if ans.others:
                lines = [f"• {text}  [{citation_label(c).splitlines()[0]}]" for text, c in ans.others]
                yield Static("Các số liệu khác cũng khớp:\n" + "\n".join(lines), classes="others")
            if ans.other_periods:
                lines = [f"• {text}  [{citation_label(c).splitlines()[0]}]" for text, c in ans.other_periods]
                yield Static(OTHER_PERIODS_HEAD + "\n" + "\n".join(lines), classes="others")
        else:
            head = UNRESOLVED_HEAD if ans.unresolved else texts.NOT_FOUND_HEAD
            yield Static(Text(f"{head}: ", style="bold") + Text(ans.text), classes="notfound")
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
