"""SQLite beside the vectors: manifest of documents, passages, figures, vocabulary, and the
lexical (FTS5) index of the passages.

SQLite is the source of truth. A document's rows (passages, their FTS5 entries, figures)
change in one transaction, so a run killed at any point leaves either the old or the new
version of each document.

Each passage carries `vhash`, the key of its vector in Chroma: a hash of the vectors'
identity (model, runtime, dimension) and the exact text embedded. Passages with the same
text share one vector, so a moved record or an unchanged paragraph is never re-embedded.
The invariant `kcqa index` checks at the end of each run: the set of `vhash` values in
SQLite equals the set of ids in Chroma (every passage has its vector, no vector is orphaned).

The schema is versioned with `PRAGMA user_version`; `migrate()` upgrades an older index step
by step in place. Readers open the file read-only (`mode=ro`), so a shared index folder
without write permission still answers; an index too old to have FTS5 or vector hashes is
read the old way until `kcqa index` upgrades it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections import Counter
from pathlib import Path
from typing import Iterable
from urllib.parse import quote

from ..models import Chunk, Document, Figure, Table, TableCell
from ..text.vietnamese import fold, syllables

SCHEMA_VERSION = 2

# Folded tokens are letters, digit groups such as 6,94 / 1.402 / 1/2, and bigrams a_b:
# unicode61 must keep those characters inside a token.
FTS_TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '_.,/'"

CHUNKS_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS chunks (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, paragraph INTEGER, start INTEGER,
    "end" INTEGER, text TEXT, context TEXT, tokens TEXT, vhash TEXT);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc);
CREATE INDEX IF NOT EXISTS chunks_vhash ON chunks(vhash);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    tokens, content='chunks', content_rowid='n', tokenize="{FTS_TOKENIZER}");
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_vocab USING fts5vocab(chunks_fts, 'row');
CREATE TRIGGER IF NOT EXISTS chunks_fts_insert AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts(rowid, tokens) VALUES (new.n, new.tokens);
END;
CREATE TRIGGER IF NOT EXISTS chunks_fts_delete AFTER DELETE ON chunks BEGIN
    INSERT INTO chunks_fts(chunks_fts, rowid, tokens) VALUES ('delete', old.n, old.tokens);
END;
CREATE TRIGGER IF NOT EXISTS chunks_fts_update AFTER UPDATE OF tokens ON chunks BEGIN
    INSERT INTO chunks_fts(chunks_fts, rowid, tokens) VALUES ('delete', old.n, old.tokens);
    INSERT INTO chunks_fts(rowid, tokens) VALUES (new.n, new.tokens);
END;
"""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY, hash TEXT NOT NULL, title TEXT, metadata TEXT, text TEXT,
    tables TEXT, pages TEXT, indexed_at REAL, n_chunks INTEGER, n_figures INTEGER);
CREATE TABLE IF NOT EXISTS figures (
    id INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, value REAL, value_max REAL, unit TEXT,
    text TEXT, start INTEGER, "end" INTEGER, sentence TEXT, sentence_start INTEGER, qualifier TEXT,
    entity TEXT, entity_folded TEXT, measure TEXT, period TEXT, relation TEXT, paragraph INTEGER,
    "table" INTEGER, "row" INTEGER, col INTEGER);
CREATE INDEX IF NOT EXISTS figures_doc ON figures(doc);
CREATE INDEX IF NOT EXISTS figures_entity ON figures(entity_folded);
CREATE TABLE IF NOT EXISTS vocab (key TEXT NOT NULL, form TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (key, form));
""" + CHUNKS_SCHEMA


# Version 1 (main before this change: no user_version; chunks keyed by text id, tokens as
# JSON, BM25 rebuilt in memory by every process) → 2: an integer key for FTS5, tokens as
# text, the FTS5 index, and `vhash`. Version-1 vectors in Chroma are keyed by passage id, so
# `vhash` starts as that id: the vectors stay valid, and `kcqa index` re-keys them by
# content without re-embedding (see build.rekey_vectors).
_V1_TO_V2 = """
ALTER TABLE chunks RENAME TO chunks_v1;
DROP INDEX IF EXISTS chunks_doc;
""" + CHUNKS_SCHEMA + """
INSERT INTO chunks (id, doc, paragraph, start, "end", text, context, tokens, vhash)
    SELECT id, doc, paragraph, start, "end", text, context,
           (SELECT group_concat(value, ' ') FROM json_each(chunks_v1.tokens)), id
    FROM chunks_v1 ORDER BY rowid;
DROP TABLE chunks_v1;
"""

# Step k upgrades version k to k + 1 (SQL), run in one transaction with the version bump.
MIGRATIONS = {1: _V1_TO_V2}


class IndexTooNew(Exception):
    def __init__(self, path: Path, version: int):
        super().__init__(f"Chỉ mục {path} do một phiên bản kcqa mới hơn tạo (lược đồ {version}, bản này đọc "
                         f"tới {SCHEMA_VERSION}); hãy cập nhật kcqa hoặc lập chỉ mục ở thư mục khác.")


class IndexUnreadable(Exception):
    def __init__(self, path: Path, reason: str):
        super().__init__(f"Không mở được chỉ mục {path}: {reason}")

VOCAB_MAX_N = 3


def _version(db: sqlite3.Connection) -> int:
    """0 for an empty file, 1 for an index made before versioning, else user_version."""
    v = db.execute("PRAGMA user_version").fetchone()[0]
    if v:
        return v
    has_docs = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='documents'").fetchone()
    return 1 if has_docs else 0


class Store:
    """The SQLite file. `readonly=True` (every reader) opens it with `mode=ro`, never writes,
    never migrates: a shared folder without write permission answers all the same."""

    def __init__(self, index_dir: Path, readonly: bool = False):
        self.path = index_dir / "kcqa.sqlite"
        self.readonly = readonly
        try:
            if readonly:
                self.db = _open_readonly(self.path)
            else:
                index_dir.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.version = _version(self.db)
        except sqlite3.DatabaseError as exc:
            raise IndexUnreadable(self.path, _sqlite_reason(exc)) from exc
        if self.version > SCHEMA_VERSION:
            self.db.close()
            raise IndexTooNew(index_dir, self.version)
        self.migrated: list[int] = []
        if readonly:
            if self.version == 0:
                self.db.close()
                raise IndexUnreadable(self.path, "không phải chỉ mục kcqa (không có bảng tài liệu)")
        elif self.version == 0:
            self._script(SCHEMA)
            self.version = SCHEMA_VERSION
        else:
            self.migrated = self.migrate()

    @property
    def has_fts(self) -> bool:
        return self.version >= 2

    @property
    def vector_key(self) -> str:
        """The column whose value is a passage's id in Chroma."""
        return "vhash" if self.version >= 2 else "id"

    def _script(self, sql: str) -> None:
        """Run DDL and the version bump as one transaction (executescript would commit
        statement by statement)."""
        try:
            self.db.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version={SCHEMA_VERSION};\nCOMMIT;")
        except sqlite3.Error:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    def migrate(self) -> list[int]:
        """Upgrade step by step to SCHEMA_VERSION; returns the versions passed through."""
        steps = []
        while self.version < SCHEMA_VERSION:
            sql = MIGRATIONS[self.version]
            try:
                self.db.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version={self.version + 1};\nCOMMIT;")
            except sqlite3.Error:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
            steps.append(self.version)
            self.version += 1
        return steps

    def close(self) -> None:
        if not self.readonly:
            # Leave the file in rollback-journal mode when no one else has it open, so a copy
            # or a read-only share opens without the -wal/-shm files WAL needs beside it.
            try:
                self.db.execute("PRAGMA busy_timeout=0")
                self.db.execute("PRAGMA journal_mode=DELETE")
            except sqlite3.Error:
                pass
        self.db.close()

    def optimize_lexical(self) -> None:
        """Merge the FTS5 index into one segment. FTS5 deletes only mark rows: after a big
        record was removed its index data stayed (measured: 0.9 MB of `chunks_fts_data` for
        7 passages), and VACUUM cannot free pages that are still in use."""
        if self.has_fts:
            with self.db:
                self.db.execute("INSERT INTO chunks_fts(chunks_fts) VALUES('optimize')")

    def vacuum(self) -> int:
        """Give the space of deleted rows back to the file system; returns bytes freed."""
        before = _size(self.path)
        self.db.execute("VACUUM")
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return max(0, before - _size(self.path))

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
                         figures: list[Figure], tokens: list[list[str]], vhashes: list[str]) -> None:
        """Swap in a document's new rows (passages and their FTS5 entries via triggers,
        figures, vocabulary) in one transaction."""
        with self.db:
            self._delete(doc.path)
            self.db.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)",
                (doc.path, digest, doc.title, json.dumps({**doc.metadata, "_body_start": doc.body_start},
                                                         ensure_ascii=False), doc.text,
                 json.dumps([_table_json(t) for t in doc.tables], ensure_ascii=False),
                 json.dumps(doc.pages), time.time(), len(chunks), len(figures)))
            self.db.executemany(
                'INSERT INTO chunks (id, doc, paragraph, start, "end", text, context, tokens, vhash)'
                ' VALUES (?,?,?,?,?,?,?,?,?)',
                [(c.id, c.doc, c.paragraph, c.start, c.end, c.text, c.context, " ".join(t), h)
                 for c, t, h in zip(chunks, tokens, vhashes)])
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
        meta = json.loads(row[1] or "{}")
        self._vocab(body[int(meta.get("_body_start", 0)):], -1)
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

    def vocab_forms(self, keys: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
        """{folded n-gram: [(a written form, how often the records write it), …]}, most frequent first."""
        keys = list(keys)
        out: dict[str, list[tuple[str, int]]] = {}
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            q = ",".join("?" * len(part))
            for key, form, n in self.db.execute(
                    f"SELECT key, form, n FROM vocab WHERE key IN ({q}) ORDER BY key, n DESC", part):
                out.setdefault(key, []).append((form, n))
        return out

    # -- vectors' keys ------------------------------------------------------
    def vector_keys(self) -> set[str]:
        """Every key a vector must exist for (the invariant's left side)."""
        return {r[0] for r in self.db.execute(f"SELECT DISTINCT {self.vector_key} FROM chunks")}

    def doc_vector_keys(self, *paths: str) -> set[str]:
        """The vector keys of these records' passages."""
        out: set[str] = set()
        for part in _parts(list(paths)):
            out |= {r[0] for r in self.db.execute(
                f"SELECT {self.vector_key} FROM chunks WHERE doc IN ({_qs(part)})", part)}
        return out

    def unreferenced(self, keys: Iterable[str]) -> list[str]:
        """The keys among `keys` that no passage uses any more."""
        keys = list(keys)
        used: set[str] = set()
        for part in _parts(keys):
            used |= {r[0] for r in self.db.execute(
                f"SELECT {self.vector_key} FROM chunks WHERE {self.vector_key} IN ({_qs(part)})", part)}
        return [k for k in keys if k not in used]

    def chunk_ids_for(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """Vector key → the passages that share it (same text in several places)."""
        out: dict[str, list[str]] = {}
        for part in _parts(list(keys)):
            for key, cid in self.db.execute(
                    f"SELECT {self.vector_key}, id FROM chunks WHERE {self.vector_key} IN ({_qs(part)})", part):
                out.setdefault(key, []).append(cid)
        return out

    def chunks_with_keys(self, keys: Iterable[str]) -> dict[str, Chunk]:
        """One passage per vector key (for re-embedding a missing vector)."""
        out: dict[str, Chunk] = {}
        for part in _parts(list(keys)):
            for row in self.db.execute(
                    f'SELECT vhash, id, doc, paragraph, start, "end", text, context FROM chunks'
                    f' WHERE vhash IN ({_qs(part)})', part):
                out.setdefault(row[0], Chunk(*row[1:]))
        return out

    def set_vector_keys(self, pairs: list[tuple[str, str]]) -> None:
        """(chunk id, new vhash) in one transaction."""
        with self.db:
            self.db.executemany("UPDATE chunks SET vhash=? WHERE id=?", [(h, i) for i, h in pairs])

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
            for part in _parts(ids):
                rows += self.db.execute(f"SELECT {cols} FROM chunks WHERE id IN ({_qs(part)})", part).fetchall()
        return [Chunk(*r) for r in rows]

    def doc_chunks(self, path: str) -> list[Chunk]:
        return [Chunk(*r) for r in self.db.execute(
            'SELECT id, doc, paragraph, start, "end", text, context FROM chunks WHERE doc=? ORDER BY start',
            (path,))]

    def chunk_tokens(self) -> list[tuple[str, list[str]]]:
        """Every passage's tokens (for the in-memory BM25 of a version-1 index read-only)."""
        rows = self.db.execute("SELECT id, tokens FROM chunks ORDER BY rowid")
        if self.version < 2:
            return [(i, json.loads(t)) for i, t in rows]
        return [(i, (t or "").split()) for i, t in rows]

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


def _open_readonly(path: Path) -> sqlite3.Connection:
    """`mode=ro` never writes the file. A WAL-mode file in a folder nobody may write cannot
    create its -shm beside it; such a folder cannot have a writer either, so it is opened
    `immutable=1` (no locking) as SQLite documents for read-only media."""
    if not path.is_file():
        raise sqlite3.OperationalError("unable to open database file")
    uri = f"file:{quote(str(path.resolve()))}"
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30, check_same_thread=False)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        db.close()
        if os.access(path.parent, os.W_OK):
            raise
        db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db


def _sqlite_reason(exc: sqlite3.DatabaseError) -> str:
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text:
        return "tệp không phải cơ sở dữ liệu SQLite của kcqa hoặc đã hỏng"
    if "readonly" in text or "read-only" in text:
        return "thư mục chỉ mục chỉ cho phép đọc"
    if "unable to open" in text:
        return "không mở được tệp (thiếu tệp hoặc không có quyền)"
    if "locked" in text or "busy" in text:
        return "tệp đang bị khóa bởi tiến trình khác"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _parts(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _qs(part: list) -> str:
    return ",".join("?" * len(part))


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())


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
