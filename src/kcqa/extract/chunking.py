"""Splitting a record into passages with exact spans, sized for a 512-token model.

A chunk is one paragraph, or a run of its sentences when the paragraph is long;
very short paragraphs (headings, list lines) join their neighbours. Spans index the
document's NFC text, so `doc.text[chunk.start:chunk.end] == chunk.text` always.
"""

from __future__ import annotations

import hashlib

from ..models import Chunk, Document
from ..text.vietnamese import paragraphs, sentences

# ~1.4 XLM-R tokens per Vietnamese syllable, ~4.5 chars per syllable: 1,000 chars ≈ 310
# tokens, leaving room for the title context and the "passage: " prompt within 512.
MAX_CHARS = 1000
MIN_CHARS = 160


def chunk_document(doc: Document) -> list[Chunk]:
    pieces: list[tuple[int, int, int]] = []   # (paragraph no, start, end)
    for n, (ps, pe) in enumerate(paragraphs(doc.text, doc.body_start), start=1):
        if pe - ps <= MAX_CHARS:
            pieces.append((n, ps, pe))
            continue
        cur_s = cur_e = None
        for ss, se in sentences(doc.text, ps, pe):
            for a, b in _hard_split(ss, se):
                if cur_s is not None and b - cur_s > MAX_CHARS:
                    pieces.append((n, cur_s, cur_e))
                    cur_s = None
                if cur_s is None:
                    cur_s = a
                cur_e = b
        if cur_s is not None:
            pieces.append((n, cur_s, cur_e))
    merged: list[tuple[int, int, int]] = []
    for n, s, e in pieces:
        if merged and (e - s < MIN_CHARS or merged[-1][2] - merged[-1][1] < MIN_CHARS) \
                and e - merged[-1][1] <= MAX_CHARS:
            merged[-1] = (merged[-1][0], merged[-1][1], e)
        else:
            merged.append((n, s, e))
    context = doc.title
    out = []
    for i, (n, s, e) in enumerate(merged):
        text = doc.text[s:e]
        cid = hashlib.sha1(f"{doc.path}\0{s}\0{text}".encode()).hexdigest()[:20]
        out.append(Chunk(id=cid, doc=doc.path, paragraph=n, start=s, end=e, text=text, context=context))
    return out


def _hard_split(s: int, e: int) -> list[tuple[int, int]]:
    """A 'sentence' longer than a chunk (a 1 MB line) is cut at spaces."""
    if e - s <= MAX_CHARS:
        return [(s, e)]
    return [(a, min(a + MAX_CHARS, e)) for a in range(s, e, MAX_CHARS)]


def embedding_text(chunk: Chunk) -> str:
    """What the model sees: the title as context, then the passage (never folded)."""
    if chunk.context and chunk.context not in chunk.text:
        return f"{chunk.context}. {chunk.text}"
    return chunk.text
