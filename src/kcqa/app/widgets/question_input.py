"""The question box: a plain Input plus shell-like history on ↑/↓.

People re-ask with small changes (another province, another year), so the last
questions must be one key away.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

from ..texts import INPUT_PLACEHOLDER


class QuestionInput(Input):
    BINDINGS = [
        Binding("up", "history(-1)", "Câu đã hỏi trước", show=False),
        Binding("down", "history(1)", "Câu đã hỏi sau", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder=INPUT_PLACEHOLDER, **kwargs)
        self.history: list[str] = []
        self._pos = 0          # == len(history) means "the line being typed"
        self._draft = ""

    def remember(self, question: str) -> None:
        if not self.history or self.history[-1] != question:
            self.history.append(question)
        self._pos = len(self.history)
        self._draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._pos == len(self.history):
            self._draft = self.value
        self._pos = max(0, min(len(self.history), self._pos + step))
        self.value = self.history[self._pos] if self._pos < len(self.history) else self._draft
        self.cursor_position = len(self.value)
