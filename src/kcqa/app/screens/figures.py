"""Every figure extracted from the records, to browse, filter and sort.

Filtering and sorting happen on the list in memory (diacritic-insensitive, so
"quang nam" finds "Quảng Nam"); the value column sorts by the number, not the text.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from ...models import Figure
from ...render import is_figure_of_something, record_label
from ...text.vietnamese import fold
from .. import texts
from ..widgets.sources import Source

COLUMNS = [("entity", "Đối tượng"), ("measure", "Chỉ tiêu"), ("period", "Kỳ"),
           ("text", "Số liệu (như trong hồ sơ)"), ("doc", "Hồ sơ")]

def cell(f: Figure, key: str, records: dict[str, str] | None = None) -> str:
    """The text of one column. The record column shows its title and year (`records`, read
    when the figures load), so two years of the same conference are told apart."""
    if key == "doc":
        return (records or {}).get(f.doc) or Path(f.doc).name
    return str(getattr(f, key) or "")


def record_labels(engine, paths: set[str]) -> dict[str, str]:
    try:
        docs = engine.store.doc_metadata()
    except Exception:       # an engine without a store (snapshots) or an unreadable one
        docs = {}
    return {path: record_label(path, docs, with_file=False) for path in paths}


def sort_key(key: str, records: dict[str, str] | None = None):
    if key == "text":
        return lambda f: (f.unit, f.value)
    return lambda f: fold(cell(f, key, records))


class FiguresScreen(Screen):
    AUTO_FOCUS = "#figure-filter"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Quay lại"),
        Binding("ctrl+o", "cycle_sort", "Sắp xếp"),
        Binding("ctrl+l", "focus_filter", "Ô lọc"),
    ]

    def __init__(self) -> None:
        super().__init__(id="figures")
        self.figures: list[Figure] = []
        self.records: dict[str, str] = {}          # record path -> "title (năm …)"
        self.shown: list[Figure] = []
        self.sort_by: str | None = None
        self.reverse = False

    def compose(self):
        yield Static("Bảng số liệu", id="figures-title")
        yield Input(placeholder=texts.FILTER_PLACEHOLDER, id="figure-filter")
        yield DataTable(id="figure-table", cursor_type="row", zebra_stripes=True)
        yield Static("Đang tải số liệu…", id="figure-count")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.app.steady:
            self.query_one(Input).cursor_blink = False
        self._load()

    @work(thread=True, exit_on_error=False)
    def _load(self) -> None:
        with self.app.working():
            try:
                rows = [f for f in self.app.engine.figures() if is_figure_of_something(f)]
                records = record_labels(self.app.engine, {f.doc for f in rows})
            except Exception as exc:
                self.app.ui(self._failed, exc)
                return
            self.app.ui(self._loaded, rows, records)

    def _failed(self, exc: BaseException) -> None:
        self.query_one("#figure-count", Static).update(f"Không đọc được số liệu: {texts.one_line(exc)}")

    def _loaded(self, rows: list[Figure], records: dict[str, str]) -> None:
        self.records = records
        self.figures = rows
        self.render_rows()

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def render_rows(self) -> None:
        query = fold(self.query_one(Input).value.strip())
        rows = [f for f in self.figures
                if not query or query in fold(" ".join(cell(f, k, self.records) for k, _ in COLUMNS))]
        if self.sort_by:
            rows.sort(key=sort_key(self.sort_by, self.records), reverse=self.reverse)
        self.shown = rows
        table = self.table
        table.clear(columns=True)
        for key, label in COLUMNS:
            mark = (" ▼" if self.reverse else " ▲") if key == self.sort_by else ""
            table.add_column(label + mark, key=key)
        table.add_rows([[cell(f, k, self.records) for k, _ in COLUMNS] for f in rows])
        self.query_one("#figure-count", Static).update(
            f"{len(rows)} / {len(self.figures)} số liệu · Enter: mở hồ sơ · bấm tiêu đề cột để sắp xếp")

    @on(Input.Changed, "#figure-filter")
    def filter_changed(self) -> None:
        self.render_rows()

    @on(Input.Submitted, "#figure-filter")
    def filter_done(self) -> None:
        self.table.focus()

    @on(DataTable.HeaderSelected)
    def header_clicked(self, event: DataTable.HeaderSelected) -> None:
        self.sort(str(event.column_key.value))

    def sort(self, key: str) -> None:
        if self.sort_by == key:
            self.reverse = not self.reverse
        else:
            self.sort_by, self.reverse = key, False
        self.render_rows()

    def action_cycle_sort(self) -> None:
        keys = [k for k, _ in COLUMNS]
        if self.sort_by is None:
            self.sort(keys[0])
        elif not self.reverse:
            self.sort(self.sort_by)
        else:
            self.sort(keys[(keys.index(self.sort_by) + 1) % len(keys)])

    def action_focus_filter(self) -> None:
        self.query_one(Input).focus()

    @on(DataTable.RowSelected)
    def open_row(self, event: DataTable.RowSelected) -> None:
        f = self.shown[event.cursor_row]
        end = f.sentence_start + len(f.sentence) if f.sentence else f.end
        label = f"{Path(f.doc).name} · {f.entity or '—'} · {f.text}"
        from .reader import ReaderScreen
        self.app.push_screen(ReaderScreen(Source(f.doc, f.sentence_start if f.sentence else f.start, end,
                                                 f.paragraph, [(f.start, f.end)], label)))
