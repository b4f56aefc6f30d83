"""SQLite beside the vectors: manifest of documents, passages, figures, vocabulary.

SQLite is the source of truth. A document's rows change in one transaction, so a run
killed at any point leaves either the old or the new version of each document; vectors
in Chroma that SQLite does not know are ignored by search and collected on the next run.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from pathlib import Path
from typing import Iterable

from ..models import Chunk, Document, Figure, Table, TableCell
from ..text.vietnamese import fold, syllables

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY, hash TEXT NOT NULL, title TEXT, metadata TEXT, text TEXT,
    tables TEXT, pages TEXT, indexed_at REAL, n_chunks INTEGER, n_figures INTEGER);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, doc TEXT NOT NULL, paragraph INTEGER, start INTEGER, "end" INTEGER,
    text TEXT, context TEXT, tokens TEXT);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc);
CREATE TABLE IF NOT EXISTS figures (
    id INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, value REAL, value_max REAL, unit TEXT,
    text TEXT, start INTEGER, "end" INTEGER, sentence TEXT, sentence_start INTEGER, qualifier TEXT,
    entity TEXT, entity_folded TEXT, measure TEXT, period TEXT, relation TEXT, paragraph INTEGER,
    "table" INTEGER, "row" INTEGER, col INTEGER);
CREATE INDEX IF NOT EXISTS figures_doc ON figures(doc);
CREATE INDEX IF NOT EXISTS figures_entity ON figures(entity_folded);
CREATE TABLE IF NOT EXISTS vocab (key TEXT NOT NULL, form TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (key, form));
"""

VOCAB_MAX_N = 3


class Store:
    def __init__(self, index_dir: Path):
        self.path = index_dir / "kcqa.sqlite"
        index_dir.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    # -- meta -------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- documents ----------------------------------------------------------
    def manifest(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT path, hash FROM documents"))

    def replace_document(self, doc: Document, digest: str, chunks: list[Chunk],
                         figures: list[Figure], tokens: list[list[str]]) -> None:
        """Swap in a document's new rows (chunks, figures, vocabulary) in one transaction."""
        with self.db:
            self._delete(doc.path)
            self.db.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)",
                (doc.path, digest, doc.title, json.dumps({**doc.metadata, "_body_start": doc.body_start},
                                                         ensure_ascii=False), doc.text,
                 json.dumps([_table_json(t) for t in doc.tables], ensure_ascii=False),
                 json.dumps(doc.pages), time.time(), len(chunks), len(figures)))
            self.db.executemany(
                'INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?)',
                [(c.id, c.doc, c.paragraph, c.start, c.end, c.text, c.context, json.dumps(t))
                 for c, t in zip(chunks, tokens)])
            self._insert_figures(figures)
            self._vocab(doc.text[doc.body_start:], +1)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('last_indexed', ?)", (str(time.time()),))

    def _insert_figures(self, figures: list[Figure]) -> None:
        self.db.executemany(
                'INSERT INTO figures (doc, value, value_max, unit, text, start, "end", sentence, sentence_start,'
                ' qualifier, entity, entity_folded, measure, period, relation, paragraph, "table", "row", col)'
                ' VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
                [(f.doc, f.value, f.value_max, f.unit, f.text, f.start, f.end, f.sentence, f.sentence_start,
                  f.qualifier, f.entity, fold(f.entity), f.measure, f.period, f.relation, f.paragraph,
                  f.table, f.row, f.col) for f in figures])

    def remove_document(self, path: str) -> None:
        with self.db:
            self._delete(path)

    def _delete(self, path: str) -> None:
        row = self.db.execute("SELECT text, metadata FROM documents WHERE path=?", (path,)).fetchone()
        if row is None:
            return
        body = row[0]
        self._vocab(body, -1)
        self.db.execute("DELETE FROM chunks WHERE doc=?", (path,))
        self.db.execute("DELETE FROM figures WHERE doc=?", (path,))
        self.db.execute("DELETE FROM documents WHERE path=?", (path,))

    def _vocab(self, text: str, sign: int) -> None:
        """Keep counts of accented forms per folded n-gram, for restoring diacritics."""
        counts: Counter = Counter()
        words = [s.lower() for _, _, s in syllables(text) if not s[0].isdigit()]
        for n in range(1, VOCAB_MAX_N + 1):
            for i in range(len(words) - n + 1):
                counts[" ".join(words[i:i + n])] += 1
        rows = [(fold(form), form, sign * k) for form, k in counts.items()]
        self.db.executemany(
            "INSERT INTO vocab VALUES (?,?,?) ON CONFLICT(key, form) DO UPDATE SET n = n + excluded.n", rows)
        if sign < 0:
            self.db.execute("DELETE FROM vocab WHERE n <= 0")

    def vocab_forms(self, keys: Iterable[str]) -> dict[str, str]:
        keys = list(keys)
        out: dict[str, str] = {}
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            q = ",".join("?" * len(part))
            for key, form, n in self.db.execute(
                    f"SELECT key, form, n FROM vocab WHERE key IN ({q}) ORDER BY key, n DESC", part):
                out.setdefault(key, form)
        return out

    # -- reading ------------------------------------------------------------
    def chunk_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM chunks")}

    def chunks(self, ids: Iterable[str] | None = None) -> list[Chunk]:
        cols = 'id, doc, paragraph, start, "end", text, context'
        if ids is None:
            rows = self.db.execute(f"SELECT {cols} FROM chunks ORDER BY doc, start").fetchall()
        else:
            ids = list(ids)
            rows = []
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                rows += self.db.execute(f"SELECT {cols} FROM chunks WHERE id IN ({','.join('?' * len(part))})",
                                        part).fetchall()
        return [Chunk(*r) for r in rows]

    def chunk_tokens(self) -> list[tuple[str, list[str]]]:
        return [(i, json.loads(t)) for i, t in self.db.execute("SELECT id, tokens FROM chunks ORDER BY rowid")]

    def document(self, path: str) -> Document | None:
        row = self.db.execute(
            "SELECT path, text, title, metadata, pages, tables FROM documents WHERE path=?", (path,)).fetchone()
        if row is None:
            return None
        meta = json.loads(row[3] or "{}")
        body = int(meta.pop("_body_start", 0))
        return Document(path=row[0], text=row[1], title=row[2] or "", metadata=meta, body_start=body,
                        pages=[tuple(p) for p in json.loads(row[4] or "[]")],
                        tables=[_table_from_json(t) for t in json.loads(row[5] or "[]")])

    def replace_figures(self, path: str, figures: list[Figure]) -> None:
        """Swap a document's figures only (the extractor improved; text and vectors did not change)."""
        with self.db:
            self.db.execute("DELETE FROM figures WHERE doc=?", (path,))
            self._insert_figures(figures)
            self.db.execute("UPDATE documents SET n_figures=? WHERE path=?", (len(figures), path))

    def documents(self) -> list[tuple[str, str, dict, float, int, int]]:
        return [(p, t, _public(m), at, nc, nf) for p, t, m, at, nc, nf in self.db.execute(
            "SELECT path, title, metadata, indexed_at, n_chunks, n_figures FROM documents ORDER BY path")]

    def doc_metadata(self) -> dict[str, tuple[str, dict]]:
        return {p: (t, _public(m)) for p, t, m in self.db.execute("SELECT path, title, metadata FROM documents")}

    def figures(self, where: str = "", params: tuple = ()) -> list[Figure]:
        sql = ('SELECT doc, value, unit, text, start, "end", sentence, sentence_start, qualifier, entity, measure,'
               ' period, relation, value_max, paragraph, "table", "row", col, id FROM figures')
        if where:
            sql += " WHERE " + where
        return [Figure(*r) for r in self.db.execute(sql + " ORDER BY doc, start", params)]

    def counts(self) -> dict[str, int]:
        one = lambda q: self.db.execute(q).fetchone()[0]  # noqa: E731
        return {"documents": one("SELECT COUNT(*) FROM documents"), "passages": one("SELECT COUNT(*) FROM chunks"),
                "figures": one("SELECT COUNT(*) FROM figures")}


def _table_json(t: Table) -> dict:
    return {"index": t.index, "caption": t.caption, "start": t.start, "end": t.end, "page": t.page,
            "cells": [[c.row, c.col, c.text, c.start, c.end] for c in t.cells]}


def _table_from_json(d: dict) -> Table:
    return Table(index=d["index"], caption=d["caption"], start=d["start"], end=d["end"], page=d.get("page"),
                 cells=[TableCell(*c) for c in d["cells"]])


def _public(meta_json: str | None) -> dict:
    meta = json.loads(meta_json or "{}")
    meta.pop("_body_start", None)
    return meta
