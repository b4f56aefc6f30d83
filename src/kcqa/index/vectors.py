"""Dense vectors in Chroma: an embedded PersistentClient by default, a `chroma run` server
with --chroma-url. We always pass vectors we computed ourselves: Chroma never embeds, so it
never loads a model (its default would try to download one) and never re-creates ours.

Vector ids are content keys (store.py `vhash`), not passage ids: one vector per distinct
embedded text. What Chroma 1.5 does with disk space (measured, 20,000 vectors of 384
dimensions): deleting vectors frees nothing (the HNSW files keep their size),
`delete_collection` leaves the collection's segment folder on disk, and its SQLite file
only shrinks with VACUUM (all `chroma vacuum` does). So `compact()` copies the live vectors
into a fresh collection, drops the old one, removes segment folders Chroma no longer lists
and VACUUMs Chroma's SQLite file.

A PersistentClient writes its SQLite file even to read, so an index folder without write
permission is read from a private temporary copy of `chroma/` (see `_readonly_copy`).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

COLLECTION = "kcqa-chunks"
NEXT = "kcqa-chunks-next"      # a compaction's copy, renamed to COLLECTION once complete


class VectorStoreError(Exception):
    pass


def _guarded(method):
    """Any client error becomes one VectorStoreError that names the store (a server that went
    away mid-run otherwise surfaces as a bare transport error in English)."""
    import functools

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except VectorStoreError:
            raise
        except Exception as exc:
            detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise VectorStoreError(f"Kho vector Chroma ({self.where}) gặp lỗi: {detail}") from exc
    return wrapper


def _import_chromadb():
    """``import chromadb`` without the ``overrides`` package's checks.

    Chroma marks ~200 methods with ``@override``, which at class creation finds the base
    classes by disassembling the caller's frame and compares signatures: 0.3 s of the 1.2 s
    that importing and opening Chroma costs (measured, 4 runs each). Those checks guard
    Chroma's own development, not its behaviour, so while Chroma's modules are first
    imported the decorator only marks the method (what ``EnforceOverrides`` reads) and is
    restored afterwards for everyone else."""
    import sys

    if "chromadb" in sys.modules:
        import chromadb
        return chromadb
    import overrides

    def mark_only(method=None, **_options):
        if method is None:
            return mark_only
        method.__override__ = True
        return method

    saved = overrides.override, overrides.overrides
    overrides.override = overrides.overrides = mark_only
    try:
        import chromadb
        try:
            import chromadb.api.rust  # noqa: F401 - the embedded client's classes, imported at first use
        except ImportError:           # another Chroma layout: its first use imports what it needs
            pass
    finally:
        overrides.override, overrides.overrides = saved
    return chromadb


SEARCH_BREADTH = 400      # how deep the HNSW graph is searched for any k (see VectorStore.query)
EXACT_LIMIT = 20_000      # up to this many vectors (30 MB), every query is searched exactly


class VectorStore:
    def __init__(self, index_dir: Path, chroma_url: str | None = None, readonly: bool = False):
        chromadb = _import_chromadb()
        from chromadb.config import Settings

        settings = Settings(anonymized_telemetry=False, allow_reset=False)
        self.url = chroma_url
        self.index_dir = index_dir
        self.where = chroma_url or str(index_dir / "chroma")
        self.path = index_dir / "chroma"
        self._copy: str | None = None
        if readonly and not chroma_url and self.path.is_dir() and not _writable(self.path):
            self._copy = _readonly_copy(self.path)
            self.path = Path(self._copy) / "chroma"
        try:
            if chroma_url:
                u = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
                self.client = chromadb.HttpClient(host=u.hostname or "localhost", port=u.port or 8000,
                                                  ssl=u.scheme == "https", settings=settings)
                self.client.heartbeat()
            else:
                self.client = chromadb.PersistentClient(path=str(self.path), settings=settings)
        except Exception as exc:  # chromadb raises many kinds; all mean "no vector store"
            where = chroma_url or str(index_dir / "chroma")
            raise VectorStoreError(f"Không kết nối được kho vector Chroma ({where}): {exc}".splitlines()[0]) from exc
        self._col = None
        self._matrix: tuple[list[str], np.ndarray] | None = None    # every vector, for exact search

    def close(self) -> None:
        """Release the client. Chroma keeps one system per index path per process, with the
        vector index held in memory: it never sees vectors another process wrote until the
        last client of that path is closed and a new one opened (measured: collection.count()
        sees the new rows, query() does not return them). Closing is how a long-lived reader
        (the app) picks up a `kcqa index` run in a shell."""
        close = getattr(self.client, "close", None)
        if close is not None and not self.url:
            try:
                close()
            except Exception:
                pass
        self._col = None
        if self._copy:
            shutil.rmtree(self._copy, ignore_errors=True)
            self._copy = None

    @property
    def is_copy(self) -> bool:
        return self._copy is not None

    def reopen(self) -> "VectorStore":
        """A fresh client on the same store (see close())."""
        if self.url:
            return self
        readonly = self.is_copy
        self.close()
        return VectorStore(self.index_dir, None, readonly=readonly)

    @property
    def backend(self) -> str:
        return f"máy chủ Chroma {self.url}" if self.url else "Chroma cục bộ"

    def collection(self):
        if self._col is None:
            names = {c.name for c in self.client.list_collections()}
            if NEXT in names:
                if COLLECTION in names:      # a compaction was interrupted while copying
                    self.client.delete_collection(NEXT)
                else:                        # ... or after dropping the old copy: finish it
                    self.client.get_collection(NEXT, embedding_function=None).modify(name=COLLECTION)
            self._col = self.client.get_or_create_collection(
                COLLECTION, metadata={"hnsw:space": "cosine"}, embedding_function=None)
        return self._col

    @_guarded
    def reset(self) -> None:
        """Drop all vectors (the model changed, so they are not comparable any more)."""
        try:
            self.client.delete_collection(COLLECTION)
        except Exception:
            pass
        self._col = self._matrix = None

    @_guarded
    def add(self, ids: list[str], vectors: np.ndarray) -> None:
        self._matrix = None
        col = self.collection()
        for i in range(0, len(ids), 1000):
            col.upsert(ids=ids[i:i + 1000], embeddings=np.asarray(vectors[i:i + 1000], dtype=np.float32))

    @_guarded
    def existing(self, ids: list[str]) -> set[str]:
        """Which of these ids already have a vector."""
        col = self.collection()
        out: set[str] = set()
        for i in range(0, len(ids), 500):
            out |= set(col.get(ids=ids[i:i + 500], include=[])["ids"])
        return out

    @_guarded
    def embeddings(self, ids: list[str]) -> dict[str, np.ndarray]:
        col = self.collection()
        out: dict[str, np.ndarray] = {}
        for i in range(0, len(ids), 500):
            got = col.get(ids=ids[i:i + 500], include=["embeddings"])
            out.update(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32)))
        return out

    @_guarded
    def compact(self) -> int:
        """Rewrite the collection without the space of deleted vectors; returns bytes freed
        (see the module docstring for why this is needed). Local store only."""
        if self.url:
            return 0
        before = _du(self.path)
        col = self.collection()
        names = {c.name for c in self.client.list_collections()}
        if NEXT in names:
            self.client.delete_collection(NEXT)
        fresh = self.client.create_collection(NEXT, metadata={"hnsw:space": "cosine"}, embedding_function=None)
        offset = 0
        while True:
            got = col.get(include=["embeddings"], limit=1000, offset=offset)
            if not got["ids"]:
                break
            fresh.add(ids=got["ids"], embeddings=np.asarray(got["embeddings"], dtype=np.float32))
            offset += len(got["ids"])
        self.client.delete_collection(COLLECTION)
        fresh.modify(name=COLLECTION)
        self._col = None
        self.close()
        self.clean_files()
        return max(0, before - _du(self.path))

    def clean_files(self) -> None:
        """With no client open: remove segment folders Chroma's catalogue no longer lists,
        and VACUUM its SQLite file when a quarter of it is free pages (a busy reader just
        means: not this time)."""
        db_path = self.path / "chroma.sqlite3"
        if not db_path.exists():
            return
        try:
            db = sqlite3.connect(str(db_path), timeout=1)
            live = {r[0] for r in db.execute("SELECT id FROM segments")}
            for entry in self.path.iterdir():
                if entry.is_dir() and _looks_like_uuid(entry.name) and entry.name not in live:
                    shutil.rmtree(entry, ignore_errors=True)
            free, pages = (db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("freelist_count", "page_count"))
            if pages and free > 0.25 * pages:
                db.execute("VACUUM")
            db.close()
        except sqlite3.Error:
            pass

    @_guarded
    def delete(self, ids: list[str]) -> None:
        self._matrix = None
        col = self.collection()
        for i in range(0, len(ids), 1000):
            col.delete(ids=ids[i:i + 1000])

    @_guarded
    def ids(self) -> set[str]:
        return set(self.collection().get(include=[])["ids"])

    @_guarded
    def query(self, vector: np.ndarray, k: int, among: list[str] | None = None) -> list[tuple[str, float]]:
        """The `k` nearest vectors; with `among`, only those keys (Chroma searches them exactly).

        The whole index is searched SEARCH_BREADTH deep and cut to `k`: Chroma's HNSW graph
        (16 neighbours, ef_search 100) missed the nearest passage of 1 question in 40 and
        kept 97 % of the true 50 nearest, differently from one process to the next (the
        same question answered or not found, run to run). e5's vectors lie close together
        (cosines 0.79-0.83 for the 50 best), which makes the graph hard to walk. 400 deep:
        the nearest always and 99.7 % of the 50 nearest, 4.3 ms a query instead of 2.2
        (40 questions against an exact search over the 262 records' 3,195 vectors). Setting
        the collection's ef_search instead did not reach an index already loaded."""
        col = self.collection()
        n = col.count()
        if n == 0 or among is not None and not among:
            return []
        if among is None and n <= EXACT_LIMIT:
            return self._exact(col, n, vector, k)
        breadth = min(k, n) if among is not None else min(max(k, SEARCH_BREADTH), n)
        res = col.query(query_embeddings=[vector.tolist()], n_results=breadth, include=["distances"],
                        ids=list(among) if among is not None else None)
        return [(i, 1.0 - d) for i, d in zip(res["ids"][0][:k], res["distances"][0][:k])]


    def _exact(self, col, n: int, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        """Cosine against every vector, read from Chroma once per client (57 ms for 3,194).

        Why not the HNSW graph, even SEARCH_BREADTH deep: the vectors an index run added last
        wait in Chroma's log until 1,000 have gathered (`hnsw:sync_threshold`), and every
        process that opens the store inserts them into its own in-memory graph, with random
        levels of its own. So the graph differs from one process to the next, and with e5's
        close vectors the nearest passage was missing in about one process in twelve: the
        same question, run in four processes at once, answered in two and not found in two
        (eval index, 123 vectors in the log; measured). An exact search has no such chance."""
        if self._matrix is None or len(self._matrix[0]) != n:
            got = col.get(include=["embeddings"])
            mat = np.asarray(got["embeddings"], dtype=np.float32)
            norms = np.linalg.norm(mat, axis=1, keepdims=True)
            self._matrix = (list(got["ids"]), mat / np.where(norms == 0, 1, norms))
        ids, mat = self._matrix
        q = np.asarray(vector, dtype=np.float32)
        sims = mat @ (q / (np.linalg.norm(q) or 1.0))
        k = min(k, len(ids))
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.lexsort((top, -sims[top]))]          # best first; ties by position, deterministic
        return [(ids[i], float(sims[i])) for i in top]


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path / "chroma.sqlite3", os.W_OK)


def _readonly_copy(path: Path) -> str:
    """Chroma cannot open a store it may not write: read a private copy (the vectors of a
    3,000-passage index are about 20 MB; the copy is removed on close)."""
    tmp = tempfile.mkdtemp(prefix="kcqa-chroma-ro-")
    shutil.copytree(path, Path(tmp) / "chroma")
    return tmp


def _looks_like_uuid(name: str) -> bool:
    return len(name) == 36 and name.count("-") == 4


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0
