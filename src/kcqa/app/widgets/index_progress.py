"""The reindex strip: a bar while documents are read and embedded, then the counts.

It sits above the question box so the conversation stays usable during a reindex.
"""

from __future__ import annotations

from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from .. import texts


class IndexProgress(Horizontal):
    def compose(self):
        yield Label("Lập chỉ mục", id="index-title")
        yield ProgressBar(total=None, show_eta=False, id="index-bar")
        yield Label("", id="index-detail")

    def start(self) -> None:
        self.add_class("-active")
        self.remove_class("-done")
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.query_one("#index-detail", Label).update(texts.REINDEX_START)

    def advance(self, done: int, total: int, embedded: int, path: str) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#index-detail", Label).update(texts.progress_line(done, total, embedded, path))

    def finish(self, message: str) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        self.add_class("-done")
        self.query_one("#index-detail", Label).update(message)

    def hide(self) -> None:
        self.remove_class("-active")

    @property
    def detail(self) -> str:
        return str(self.query_one("#index-detail", Label).content)
