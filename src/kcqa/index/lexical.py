"""BM25 over diacritic-folded syllables and syllable bigrams.

Folding makes "Quang Nam" match "Quảng Nam"; bigrams make the two-syllable words of
Vietnamese ("kinh phí", "kế hoạch") count for more than their common syllables.
The tokens are stored per passage in SQLite, so loading needs no re-tokenising.
"""

from __future__ import annotations

import math
from collections import Counter

from ..text.vietnamese import tokens

K1 = 1.2
B = 0.75

# Function words that match everywhere and only add noise (folded).
STOPWORDS = frozenset(
    "la va cua co cac nhung duoc trong cho voi tai tu den da se bao nhieu nao gi ai khong nay do thi ma "
    "mot theo ve nhu de o hay hoac".split())


def query_tokens(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in STOPWORDS]


class BM25:
    def __init__(self, docs: list[tuple[str, list[str]]]):
        self.ids = [i for i, _ in docs]
        self.tf = [Counter(t) for _, t in docs]
        self.len = [len(t) for _, t in docs]
        self.avg = (sum(self.len) / len(self.len)) if self.len else 0.0
        df: Counter = Counter()
        for tf in self.tf:
            df.update(tf.keys())
        n = len(docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.postings: dict[str, list[int]] = {}
        for j, tf in enumerate(self.tf):
            for t in tf:
                self.postings.setdefault(t, []).append(j)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        q = query_tokens(query)
        scores: dict[int, float] = {}
        for t in set(q):
            idf = self.idf.get(t)
            if idf is None:
                continue
            for j in self.postings[t]:
                f = self.tf[j][t]
                norm = f * (K1 + 1) / (f + K1 * (1 - B + B * self.len[j] / (self.avg or 1)))
                scores[j] = scores.get(j, 0.0) + idf * norm
        best = sorted(scores.items(), key=lambda x: -x[1])[:k]
        return [(self.ids[j], s) for j, s in best]
