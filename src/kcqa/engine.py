"""One object both surfaces (CLI and app) talk to: index, ask, figures, stats.

Heavy parts (model, Chroma) load on first use, so commands that do not need them stay fast.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .models import Answer, Document, Figure


class IndexMissing(Exception):
    def __init__(self, index_dir: Path):
        super().__init__(f"Chưa có chỉ mục ở {index_dir}. Hãy chạy: kcqa index")


@dataclass
class Stats:
    documents: int
    passages: int
    figures: int
    model: str
    last_indexed: float | None
    backend: str
    index_dir: str


class Engine:
    def __init__(self, cfg: Config | None = None):
        self.cfg = cfg or Config()
        self._store = None
        self._searcher = None
        self._prefetch = None
        self._vector_worker = None               # a forked worker opening Chroma (workers.py), until used
        self._lock = threading.RLock()          # model/searcher loading and answering
        self._store_lock = threading.RLock()    # opening SQLite: never waits for the model
        self.warnings: list[str] = []

    # -- loading ------------------------------------------------------------
    def exists(self) -> bool:
        return (self.cfg.index_dir / "kcqa.sqlite").exists()

    @property
    def store(self):
        from .index.store import Store
        with self._store_lock:
            if self._store is None:
                if not self.exists():
                    raise IndexMissing(self.cfg.index_dir)
                self._store = Store(self.cfg.index_dir, readonly=True)   # only `kcqa index` writes
            return self._store

    @property
    def searcher(self):
        """Load the model and vectors once; fall back to lexical search when they cannot load."""
        from .ask.retrieve import Searcher
        with self._lock:
            if self._searcher is None:
                store = self.store
                vectors = embedder = None
                prefetched = {}
                model = store.get_meta("model_name") or ""
                if model:
                    from .embed import LazyEmbedder, ModelUnavailable
                    from .index.vectors import VectorStoreError
                    try:
                        if self._vector_worker is not None:
                            # a forked worker opens Chroma meanwhile (workers.py): the embedder first,
                            # with its tokenizer and query session built by one pass (0.2-0.6 s that
                            # otherwise came after the wait for the worker)
                            embedder = self._load_embedder()
                            embedder.encode_query("khởi động")
                            vectors = self._open_vectors()
                        else:
                            # Chroma first: importing it is what a prefetch (embed/prefetch.py) overlaps
                            vectors = self._open_vectors()
                            prefetched = self._prefetch.vectors() if self._prefetch is not None else {}
                            embedder = LazyEmbedder(self._load_embedder) if prefetched else self._load_embedder()
                    except ModelUnavailable as exc:
                        self.warnings.append(f"{exc} — dùng tìm kiếm từ khóa (BM25).")
                        if vectors is not None:
                            vectors.close()
                        self._stop_vector_worker()
                        vectors = embedder = None
                    except VectorStoreError as exc:
                        if not os.access(self.cfg.index_dir, os.W_OK):
                            self.warnings.append("Thư mục chỉ mục chỉ cho phép đọc và không mở được kho vector: "
                                                 "chỉ dùng tìm kiếm từ khóa.")
                        else:
                            self.warnings.append(f"{exc} — dùng tìm kiếm từ khóa (BM25).")
                        vectors = embedder = None
                else:
                    self._stop_vector_worker()
                    self.warnings.append("Chỉ mục không có vector (mô hình nhúng không khả dụng khi lập chỉ mục): "
                                         "dùng tìm kiếm từ khóa (BM25).")
                self._searcher = Searcher(store, vectors, embedder, prefetched)
            return self._searcher

    def _open_vectors(self):
        """The vector store: served by a forked worker when one was started, else Chroma in
        this process (which is also what a worker that failed leaves us to do, so its error
        is raised here and worded as always)."""
        from .index.vectors import VectorStore

        def local():
            return VectorStore(self.cfg.index_dir, self.cfg.chroma_url, readonly=True)

        worker, self._vector_worker = self._vector_worker, None
        info = worker.open() if worker is not None else None
        if info is not None:
            from .workers import RemoteVectors
            return RemoteVectors(worker, info, local)
        return local()

    def start_vector_worker(self) -> None:
        """For the chat app: fork a child that imports and opens Chroma (workers.py) while this
        process draws the screen and loads the question embedder. Call before any thread
        starts; nothing happens without fork, an index or its vectors."""
        import sys

        from .workers import ForkedWorker, ServedVectors
        cfg = self.cfg
        if self._searcher is not None or self._vector_worker is not None or not self.exists() or \
                not (cfg.chroma_url or (cfg.index_dir / "chroma").is_dir()):
            return
        if "chromadb" in sys.modules:
            # Chroma's native core keeps threads of its own: a child forked after it was loaded
            # can wait forever on a lock one of them held (seen: a futex wait in the child)
            return

        def vectors():
            from .index.vectors import VectorStore
            store = VectorStore(cfg.index_dir, cfg.chroma_url, readonly=True)
            store.collection()
            return ServedVectors(store), {"is_copy": store.is_copy, "backend": store.backend}

        worker = ForkedWorker(vectors)
        self._vector_worker = worker if worker.started else None

    def _stop_vector_worker(self) -> None:
        worker, self._vector_worker = self._vector_worker, None
        if worker is not None:
            worker.stop()

    def _load_embedder(self):
        """The model the index was built with, on its runtime (query and passage vectors must
        match); no ONNX export here (it needs torch): `kcqa index` makes it."""
        from .embed import load_embedder, runtime_of_index
        store = self.store
        return load_embedder(store.get_meta("model_name") or "", self.cfg.cache_dir,
                             runtime=runtime_of_index(store.get_meta("model") or ""),
                             threads=self.cfg.threads, query_threads=self.cfg.query_threads,
                             allow_export=False)

    def prefetch(self, question: str) -> None:
        """Start embedding a one-shot question in a child process while this one opens
        Chroma (embed/prefetch.py). Call before anything else touches the index."""
        from .embed.prefetch import QueryPrefetch
        if self._searcher is None and self.exists():
            cfg = self.cfg
            self._prefetch = QueryPrefetch(lambda: Engine(cfg)._query_vectors(question))

    def _query_vectors(self, question: str) -> dict:
        """{the text searching ``question`` embeds: its vector} (in the prefetch's child)."""
        from .ask.answer import searched_text
        from .ask.retrieve import Searcher
        if not self.store.get_meta("model_name"):
            return {}                              # an index without vectors: nothing to embed
        text = searched_text(Searcher(self.store), question)
        return {text: self._load_embedder().encode_query(text)}

    def warm_up(self) -> None:
        """Open what the first question needs before the app says it is ready: the lexical
        index, the answering modules (0.2 s of imports and regular expressions), the
        question embedder's ONNX session with one pass through it, and one vector query
        (Chroma loads its HNSW index on the first). With a vector worker, the imports and
        the embedder load here while the worker opens Chroma."""
        if self._vector_worker is not None:
            self._vector_worker.begin()          # Chroma opens in the worker from now on
        self.store  # noqa: B018
        from .ask import answer  # noqa: F401
        searcher = self.searcher
        searcher.bm25  # noqa: B018
        if searcher.embedder is not None:
            from .embed import ModelUnavailable
            from .index.vectors import VectorStoreError
            try:
                vec = searcher.embedder.encode_query("khởi động")
                if searcher.vectors is not None:
                    searcher.vectors.query(vec, 1)
            except ModelUnavailable as exc:
                self.warnings.append(f"{exc} — dùng tìm kiếm từ khóa (BM25).")
                searcher.embedder = None
            except VectorStoreError:
                pass                     # the first question reports it, and falls back to BM25

    def close(self) -> None:
        """Release the vector store (and its private copy, for a read-only index) and the store."""
        with self._lock:
            self._stop_vector_worker()
            if self._searcher is not None and self._searcher.vectors is not None:
                self._searcher.vectors.close()
            self._searcher = None
            if self._store is not None:
                self._store.close()
                self._store = None

    def reload(self) -> None:
        """After a reindex: drop caches so the next question sees the new index; when the
        model changed (or vectors appeared or vanished), rebuild the searcher."""
        with self._lock:
            if self._searcher is not None:
                e = self._searcher.embedder
                built_with = f"{e.identity}:{e.dimension}" if e else ""
                if self._store is not None and (self._store.get_meta("model") or "") != built_with:
                    if self._searcher.vectors is not None:
                        self._searcher.vectors.close()
                    self._searcher = None
                else:
                    self._searcher.refresh()
                    self._reopen_vectors()
            if self._store is not None and self._searcher is None:
                self._store.close()
                self._store = None

    def _reopen_vectors(self) -> None:
        """Chroma's in-process vector index never sees what another process (a `kcqa index`
        in a shell) wrote until its client is closed and reopened: see VectorStore.close()."""
        from .index.vectors import VectorStoreError
        searcher = self._searcher
        if searcher.vectors is None:
            return
        try:
            searcher.vectors = searcher.vectors.reopen()
        except VectorStoreError as exc:
            self.warnings.append(f"{exc} — dùng tìm kiếm từ khóa (BM25).")
            searcher.vectors = None

    # -- actions ------------------------------------------------------------
    def index(self, paths: list[Path] | None = None, progress=None, lock_wait: float = 0.0):
        from .index.build import build_index
        report = build_index(self.cfg, paths, progress, lock_wait=lock_wait)
        self.reload()
        return report

    def ask(self, question: str, conversation=None, k: int = 5, year: int | None = None,
            doc: str | None = None) -> Answer:
        """Answer one turn; with a `Conversation`, a follow-up is resolved from its earlier
        turns into a standalone question, and this turn is appended to it."""
        import time

        from .ask.answer import answer_question
        from .ask.conversation import Turn
        from .ask.turn import answer_turn
        with self._lock:
            if conversation is None:
                ans = answer_question(self, question, k=k, year=year, doc=doc)
                ans.question = question
            else:
                typed = self.searcher.restore(question) or question
                ans = answer_turn(self, question, typed, conversation, k=k, year=year, doc=doc)
            self.warnings += self.searcher.warnings
            self.searcher.warnings.clear()
            if conversation is not None:
                frame = ans.frame.to_json() if ans.frame is not None else {}
                conversation.add(Turn(question=question, resolved_question=ans.resolved_question, frame=frame,
                                      answer=ans.to_json(), created=time.time()))
            return ans

    def figures(self, entity: str | None = None, measure: str | None = None,
                period: str | None = None, doc: str | None = None) -> list[Figure]:
        from .text.vietnamese import fold
        where, params = [], []
        if entity:
            where.append("entity_folded LIKE ?")
            params.append(f"%{fold(entity)}%")
        rows = self.store.figures(" AND ".join(where), tuple(params))
        if measure:
            rows = [f for f in rows if fold(measure) in fold(f.measure)]
        if period:
            rows = [f for f in rows if fold(period) in fold(f.period)]
        if doc:
            rows = [f for f in rows if fold(doc) in fold(f.doc)]
        return rows

    def document(self, path: str) -> Document | None:
        return self.store.document(path)

    def stats(self) -> Stats:
        c = self.store.counts()
        last = self.store.get_meta("last_indexed")
        backend = f"máy chủ Chroma {self.cfg.chroma_url}" if self.cfg.chroma_url else "Chroma cục bộ"
        return Stats(c["documents"], c["passages"], c["figures"], self.store.get_meta("model_name") or "(không có — BM25)",
                     float(last) if last else None, backend, str(self.cfg.index_dir))
