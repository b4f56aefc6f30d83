"""A conversation: the turns so far, each with the question, the frame understood and the answer.

Both surfaces hand the same object to `Engine.ask(question, conversation)`; follow-ups
("Còn Quảng Bình thì sao?") are resolved from the frames of earlier turns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Turn:
    question: str                       # as typed
    resolved_question: str | None       # as understood, when a follow-up was rewritten
    frame: dict[str, Any]               # the question frame, as plain JSON (see ask.frame)
    answer: dict[str, Any]              # Answer.to_json()
    created: float = 0.0


@dataclass
class Conversation:
    """In memory; `kcqa.chats` stores and reloads them (SQLite beside nothing the index owns)."""

    id: str = ""
    title: str = ""
    turns: list[Turn] = field(default_factory=list)

    def last_frame(self) -> dict[str, Any] | None:
        return self.turns[-1].frame if self.turns else None

    def records_in_play(self) -> set[str]:
        """The records the latest answered turn cites: what the conversation is about now.
        A follow-up is first answered from these ("tỷ lệ nợ xấu năm 2020 bao nhiêu?" after
        two questions on one bank's report means that bank's), then from every record."""
        for turn in reversed(self.turns):
            if (turn.answer or {}).get("status") == "answered":
                return {c["path"] for c in turn.answer.get("citations") or [] if c.get("path")}
        return set()

    def add(self, turn: Turn) -> None:
        self.turns.append(turn)
        if not self.title:
            self.title = turn.question[:80]
