"""Hybrid retrieval: restore diacritics, then dense (e5) and lexical (BM25) rankings fused
by reciprocal rank fusion.

Measured on the sample: dense search alone finds nothing for unaccented questions, folded
BM25 finds most; restoring the marks from the records' own vocabulary lets dense search
understand them too.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..index.lexical import BM25, STOPWORDS, LexicalIndex
from ..index.store import Store
from ..models import Passage
from ..text.lexicon import day_of_date
from ..text.vietnamese import DiacriticRestorer, fold, has_diacritics, mostly_plain, syllables
from .features import mentions

RRF_K = 60
KEEP_FUSED = 3      # passages kept from the fused ranking before the frame's terms reorder it


@dataclass
class SearchResult:
    passages: list[Passage]
    restored: str | None     # the question with its diacritics restored, when that changed it
    mode: str                # "hybrid" | "lexical"


class Searcher:
    def __init__(self, store: Store, vectors=None, embedder=None, prefetched: dict | None = None):
        self.store = store
        self.vectors = vectors
        self.embedder = embedder
        self.prefetched = dict(prefetched or {})     # {text: vector} embedded ahead (embed/prefetch.py)
        self._bm25: LexicalIndex | BM25 | None = None
        self._chunk_ids: set[str] | None = None
        self._meta = None
        self.warnings: list[str] = []

    def refresh(self) -> None:
        """Forget cached structures after the index changed."""
        self._bm25 = None
        self._chunk_ids = None
        self._meta = None

    @property
    def bm25(self) -> LexicalIndex | BM25:
        """The FTS5 index on disk; only an index from before FTS5, opened read-only (so not
        upgraded), is ranked by a BM25 built in memory."""
        if self._bm25 is None:
            self._bm25 = LexicalIndex(self.store.db) if self.store.has_fts else BM25(self.store.chunk_tokens())
        return self._bm25

    @property
    def chunk_ids(self) -> set[str]:
        if self._chunk_ids is None:
            self._chunk_ids = self.store.chunk_ids()
        return self._chunk_ids

    @property
    def doc_meta(self) -> dict:
        if self._meta is None:
            self._meta = self.store.doc_metadata()
        return self._meta

    def restore(self, question: str) -> str | None:
        if not mostly_plain(question):       # marked questions are left as typed
            return None
        # restored from the question wholly without marks, then given back the syllables typed with
        # theirs: a syllable typed with its marks is no key of the restorer's, so it gave its neighbour
        # no context ("Hà Nội đạt bao nhiêu" had become "đạt báo nhiêu", measured on a rewritten turn)
        folded = fold(question)
        plain = "".join(p.upper() if c.isupper() else p for c, p in zip(question, folded)) \
            if len(folded) == len(question) else question            # (fold lowers: the capitals kept)
        table = self.store.vocab_forms(DiacriticRestorer.keys_for(plain))
        restored = DiacriticRestorer(table).restore(plain)
        if plain is not question and len(restored) == len(question):
            chars = list(restored)
            for a, b, syllable in syllables(question):
                if has_diacritics(syllable):
                    chars[a:b] = question[a:b]
            restored = "".join(chars)
        return restored if restored != question else None

    def search(self, question: str, k: int = 5, docs: set[str] | None = None,
               must: list[str] | None = None) -> SearchResult:
        """`must`: folded terms from the question's frame (a province, a company, a year) that
        an answering passage or its record should mention; passages that mention more of them
        come first, the fused rank orders the rest."""
        restored = self.restore(question)
        q = restored or question
        depth = max(50, k * 10)
        # `docs` narrows both rankings themselves, not only their top `depth` (a conversation's
        # record may have no passage among the 50 best of the whole index)
        bm25 = self.bm25
        among = None
        if docs is not None and isinstance(bm25, LexicalIndex):
            lexical = bm25.search(q, depth, docs)
            among = sorted(self.store.doc_vector_keys(*docs))
        else:
            lexical = bm25.search(q, depth)
        dense: list[tuple[str, float]] = []
        if self.vectors is not None and self.embedder is not None:
            from ..embed import ModelUnavailable
            from ..index.vectors import VectorStoreError
            try:
                vec = self.prefetched.pop(q, None)
                if vec is None:
                    vec = self.embedder.encode_query(q)
                hits = self.vectors.query(vec, depth, among)
                # vector ids are content keys: one vector may stand for several passages
                owners = self.store.chunk_ids_for(k for k, _ in hits)
                dense = [(cid, s) for k, s in hits for cid in owners.get(k, ())]
            except (VectorStoreError, ModelUnavailable) as exc:
                # e.g. a full disk keeps Chroma from compacting: answer from BM25 rather than fail
                self.warnings.append(f"{exc} — dùng tìm kiếm từ khóa (BM25).")
        fused: dict[str, float] = {}
        for ranking in (dense, lexical):
            for rank, (cid, _) in enumerate(ranking):
                fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
        order = sorted(fused, key=lambda c: -fused[c])
        chunks = {c.id: c for c in self.store.chunks(order[: depth])}
        best_fused = order[:KEEP_FUSED]
        if must:
            def satisfied(cid: str) -> int:
                c = chunks.get(cid)
                if c is None:
                    return 0
                title, meta = self.doc_meta.get(c.doc, ("", {}))
                text = fold(f"{c.text} {c.context} {title} {_day_of(meta)}")
                return sum(1 for t in must if mentions(text, t))      # whole words: "năm 2018." mentions 2018
            order = sorted(order[:depth], key=lambda c: (-satisfied(c), -fused[c]))
        def usable(cid: str) -> bool:
            c = chunks.get(cid)
            return c is not None and (docs is None or c.doc in docs)

        picked = [cid for cid in order if usable(cid)][:k]
        # the best-ranked passages stay, at their own rank, whatever they mention: a record can
        # name its subject in other words ("mẫu xe này") or its day in its date line only, and
        # the frame's slots are checked on every figure taken from them anyway
        have = set(picked)
        for i, cid in enumerate(best_fused):
            if usable(cid) and cid not in have:
                picked.insert(i, cid)
        out: list[Passage] = []
        for cid in picked[:k]:
            c = chunks[cid]
            title, meta = self.doc_meta.get(c.doc, ("", {}))
            out.append(Passage(chunk=c, score=fused[cid], title=title, metadata=meta,
                               matched=matched_spans(c.text, q)))
        return SearchResult(out, restored, "hybrid" if dense else "lexical")


def _day_of(meta: dict) -> str:
    """The record's date as a question names a day ("2021-04-28" → "28/4"); empty without one."""
    day = day_of_date(str(meta.get("date") or ""))
    return f"{day[0]}/{day[1]}" if day else ""


def matched_spans(text: str, question: str) -> list[tuple[int, int]]:
    """Spans of the passage's syllables that the question also has (diacritic-insensitive)."""
    wanted = {fold(s) for _, _, s in syllables(question)} - STOPWORDS
    return [(s, e) for s, e, w in syllables(text) if fold(w) in wanted]
