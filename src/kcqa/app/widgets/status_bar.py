"""One line saying what the answers are drawn from: counts, model, freshness, backend.

The state (loading, ready, indexing…) comes first because it decides whether a
question is answered now or queued. The time can be hidden so screenshots stay stable.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from ..texts import format_time


class StatusBar(Static):
    state: reactive[str] = reactive("", layout=False)

    def __init__(self, show_time: bool = True, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.show_time = show_time
        self.stats = None

    def set_stats(self, stats) -> None:
        self.stats = stats
        self._paint()

    def watch_state(self, _old: str, _new: str) -> None:
        self._paint()

    def _paint(self) -> None:
        t = Text()
        if self.state:
            t.append(f" {self.state} ", style="bold reverse")
            t.append(" ")
        s = self.stats
        if s is not None:
            model = s.model.rsplit(":", 1)[-1].rsplit("/", 1)[-1] if s.model and not s.model.startswith("(") else s.model
            parts = [f"{s.documents} hồ sơ", f"{s.passages} đoạn", f"{s.figures} số liệu", model]
            if self.show_time:
                parts.append(f"cập nhật {format_time(s.last_indexed)}")
            parts.append(s.backend)
            t.append(" · ".join(parts))
        self.update(t)
