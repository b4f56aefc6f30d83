"""BM25 over diacritic-folded syllables and syllable bigrams.

Folding makes "Quang Nam" match "Quảng Nam"; bigrams make the two-syllable words of
Vietnamese ("kinh phí", "kế hoạch") count for more than their common syllables.

`LexicalIndex` is the on-disk index: SQLite FTS5 over the stored tokens, maintained by
triggers in the same transaction as the passages (see store.py), ranked by FTS5's own
bm25(); a process opens it and answers at once. `BM25` builds the same ranking in memory
and is kept only for indexes made before FTS5 (schema 1) opened read-only, which cannot be
upgraded in place.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import Iterator

from ..text.vietnamese import tokens

K1 = 1.2
B = 0.75

# Function words that match everywhere and only add noise (folded).
STOPWORDS = frozenset(
    "la va cua co cac nhung duoc trong cho voi tai tu den da se bao nhieu nao gi ai khong nay do thi ma "
    "mot theo ve nhu de o hay hoac".split())


def query_tokens(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in STOPWORDS]


def idf(n_docs: int, df: int) -> float:
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))


class VocabIdf(Mapping):
    """word → idf, read lazily from the FTS5 vocabulary (fts5vocab 'row': documents per
    term); each word costs one indexed lookup the first time it is asked for. Iterating
    walks the whole vocabulary; the largest idf (that of the rarest word) is one query."""

    def __init__(self, db):
        self.db = db
        self.n = db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        self._cache: dict[str, float | None] = {}
        self._max: float | None = None

    def __getitem__(self, word: str) -> float:
        if word not in self._cache:
            row = self.db.execute("SELECT doc FROM chunks_vocab WHERE term=?", (word,)).fetchone()
            self._cache[word] = idf(self.n, row[0]) if row else None
        value = self._cache[word]
        if value is None:
            raise KeyError(word)
        return value

    def __iter__(self) -> Iterator[str]:
        return (t for t, in self.db.execute("SELECT term FROM chunks_vocab"))

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM chunks_vocab").fetchone()[0]

    def values(self):
        """Only the largest idf is ever needed (answer.py: max(idf.values())); computing it
        from the smallest document frequency avoids materialising the vocabulary."""
        if self._max is None:
            # a word found in one passage only is nearly always there, and found at once
            rare = self.db.execute("SELECT doc FROM chunks_vocab WHERE doc = 1 LIMIT 1").fetchone()
            row = rare or self.db.execute("SELECT MIN(doc) FROM chunks_vocab").fetchone()
            self._max = idf(self.n, row[0]) if row and row[0] else None
        return [] if self._max is None else [self._max]


class LexicalIndex:
    """FTS5 search with the interface the answer code uses: `.idf` and `.search()`."""

    def __init__(self, db):
        self.db = db
        self.idf = VocabIdf(db)

    def search(self, query: str, k: int, docs: set[str] | None = None) -> list[tuple[str, float]]:
        """The `k` best passages; with `docs`, the best of those records' passages only."""
        q = list(dict.fromkeys(query_tokens(query)))
        if not q or docs is not None and not docs:
            return []
        match = " OR ".join('"' + t.replace('"', '""') + '"' for t in q)
        if docs is None:
            rows = self.db.execute(
                "SELECT c.id, f.s FROM (SELECT rowid, -rank AS s FROM chunks_fts WHERE chunks_fts MATCH ?"
                " ORDER BY rank LIMIT ?) f JOIN chunks c ON c.n = f.rowid ORDER BY f.s DESC, c.n",
                (match, k)).fetchall()
        else:
            paths = sorted(docs)
            rows = self.db.execute(
                "SELECT c.id, -f.rank AS s FROM chunks_fts f JOIN chunks c ON c.n = f.rowid"
                f" WHERE chunks_fts MATCH ? AND c.doc IN ({','.join('?' * len(paths))})"
                " ORDER BY f.rank, c.n LIMIT ?", (match, *paths, k)).fetchall()
        return [(i, s) for i, s in rows]


class BM25:
    """In-memory BM25 (schema-1 indexes read-only)."""

    def __init__(self, docs: list[tuple[str, list[str]]]):
        self.ids = [i for i, _ in docs]
        self.tf = [Counter(t) for _, t in docs]
        self.len = [len(t) for _, t in docs]
        self.avg = (sum(self.len) / len(self.len)) if self.len else 0.0
        df: Counter = Counter()
        for tf in self.tf:
            df.update(tf.keys())
        n = len(docs)
        self.idf = {t: idf(n, f) for t, f in df.items()}
        self.postings: dict[str, list[int]] = {}
        for j, tf in enumerate(self.tf):
            for t in tf:
                self.postings.setdefault(t, []).append(j)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        q = query_tokens(query)
        scores: dict[int, float] = {}
        for t in set(q):
            w = self.idf.get(t)
            if w is None:
                continue
            for j in self.postings[t]:
                f = self.tf[j][t]
                norm = f * (K1 + 1) / (f + K1 * (1 - B + B * self.len[j] / (self.avg or 1)))
                scores[j] = scores.get(j, 0.0) + w * norm
        best = sorted(scores.items(), key=lambda x: -x[1])[:k]
        return [(self.ids[j], s) for j, s in best]
