"""Rendering structured documents (Word, HTML) as lines of text with exact table spans.

Each table row becomes one line, cells joined by " | ", and every cell remembers where
its text stands, so a figure read from a cell can be cited to the character.
"""

from __future__ import annotations

from ..models import Table, TableCell

CELL_SEPARATOR = " | "


class LineBuilder:
    """Accumulates lines and the tables met on the way."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.tables: list[Table] = []
        self.last_line = ""

    def emit(self, s: str) -> int:
        """Append one line; return where it starts."""
        if self.parts:
            self.parts.append("\n")
            self.pos += 1
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        self.last_line = s
        return start

    def table(self, rows: list[list[tuple[int, int, str]]], caption: str) -> None:
        """Rows of (column, column span, text); a merged cell is one text, one cell per grid column."""
        if not rows:
            return
        cells: list[TableCell] = []
        t_start = t_end = -1
        for r, row in enumerate(rows):
            rendered = CELL_SEPARATOR.join(text for _, _, text in row)
            line_start = self.emit(rendered)
            if t_start < 0:
                t_start = line_start
            t_end = line_start + len(rendered)
            offset = line_start
            for c, span, text in row:
                for k in range(span):
                    cells.append(TableCell(row=r, col=c + k, text=text, start=offset, end=offset + len(text)))
                offset += len(text) + len(CELL_SEPARATOR)
        self.tables.append(Table(index=len(self.tables), caption=caption, cells=cells, start=t_start, end=t_end))

    def text(self) -> str:
        return "".join(self.parts)
