"""The scrolling history of turns, plus the notices that belong inside it (welcome,
missing index) so they scroll away with the conversation instead of taking a fixed row."""

from __future__ import annotations

from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from .. import texts
from .answer_view import Turn


class MissingIndex(Vertical):
    """Shown when there is no index yet: says so and offers to build one."""

    def __init__(self, message: str) -> None:
        super().__init__(id="missing")
        self.message = message

    def compose(self):
        yield Static(self.message, id="missing-text")
        yield Button("Lập chỉ mục ngay (Ctrl+R)", id="build-index", variant="primary")


class Conversation(VerticalScroll):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.selected: Turn | None = None

    def compose(self):
        yield Static(texts.WELCOME, id="welcome")

    @property
    def turns(self) -> list[Turn]:
        return list(self.query(Turn))

    def add_turn(self, question: str, answer=None, changed: bool = False) -> Turn:
        turn = Turn(question, answer, changed)
        self.mount(turn)
        self.call_after_refresh(self.scroll_end, animate=False)
        return turn

    async def clear_turns(self) -> None:
        self.selected = None
        await self.remove_children(Turn)

    def select(self, turn: Turn | None) -> None:
        if self.selected is not None:
            self.selected.remove_class("-selected")
        self.selected = turn
        if turn is not None:
            turn.add_class("-selected")

    def step(self, delta: int) -> Turn | None:
        """Select the previous (-1) or next (+1) answered turn; returns it."""
        answered = [t for t in self.turns if t.answer is not None]
        if not answered:
            return None
        i = answered.index(self.selected) if self.selected in answered else len(answered)
        turn = answered[max(0, min(len(answered) - 1, i + delta))]
        self.select(turn)
        self.scroll_to_widget(turn, animate=False)
        return turn

    def show_missing(self, message: str) -> None:
        if not self.query("#missing"):
            self.mount(MissingIndex(message), after="#welcome")

    def hide_missing(self) -> None:
        for w in self.query("#missing"):
            w.remove()
