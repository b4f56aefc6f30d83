"""Dense vectors in Chroma: an embedded PersistentClient by default, a `chroma run` server
with --chroma-url. We always pass vectors we computed ourselves: Chroma never embeds, so it
never loads a model (its default would try to download one) and never re-creates ours."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

COLLECTION = "kcqa-chunks"


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


class VectorStore:
    def __init__(self, index_dir: Path, chroma_url: str | None = None):
        import chromadb
        from chromadb.config import Settings

        settings = Settings(anonymized_telemetry=False, allow_reset=False)
        self.url = chroma_url
        self.index_dir = index_dir
        self.where = chroma_url or str(index_dir / "chroma")
        try:
            if chroma_url:
                u = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
                self.client = chromadb.HttpClient(host=u.hostname or "localhost", port=u.port or 8000,
                                                  ssl=u.scheme == "https", settings=settings)
                self.client.heartbeat()
            else:
                self.client = chromadb.PersistentClient(path=str(index_dir / "chroma"), settings=settings)
        except Exception as exc:  # chromadb raises many kinds; all mean "no vector store"
            where = chroma_url or str(index_dir / "chroma")
            raise VectorStoreError(f"Không kết nối được kho vector Chroma ({where}): {exc}".splitlines()[0]) from exc
        self._col = None

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

    def reopen(self) -> "VectorStore":
        """A fresh client on the same store (see close())."""
        if self.url:
            return self
        self.close()
        return VectorStore(self.index_dir, None)

    @property
    def backend(self) -> str:
        return f"máy chủ Chroma {self.url}" if self.url else "Chroma cục bộ"

    def collection(self, name: str = COLLECTION):
        if self._col is None:
            self._col = self.client.get_or_create_collection(
                name, metadata={"hnsw:space": "cosine"}, embedding_function=None)
        return self._col

    @_guarded
    def reset(self) -> None:
        """Drop all vectors (the model changed, so they are not comparable any more)."""
        try:
            self.client.delete_collection(COLLECTION)
        except Exception:
            pass
        self._col = None

    @_guarded
    def add(self, ids: list[str], vectors: np.ndarray, docs: list[str]) -> None:
        col = self.collection()
        for i in range(0, len(ids), 1000):
            col.upsert(ids=ids[i:i + 1000], embeddings=vectors[i:i + 1000].tolist(),
                       metadatas=[{"doc": d} for d in docs[i:i + 1000]])

    @_guarded
    def delete(self, ids: list[str]) -> None:
        col = self.collection()
        for i in range(0, len(ids), 1000):
            col.delete(ids=ids[i:i + 1000])

    @_guarded
    def ids(self) -> set[str]:
        return set(self.collection().get(include=[])["ids"])

    @_guarded
    def query(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        col = self.collection()
        n = col.count()
        if n == 0:
            return []
        res = col.query(query_embeddings=[vector.tolist()], n_results=min(k, n), include=["distances"])
        return [(i, 1.0 - d) for i, d in zip(res["ids"][0], res["distances"][0])]
