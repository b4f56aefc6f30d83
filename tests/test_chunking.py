
from kcqa.extract.chunking import MAX_CHARS, chunk_document
from kcqa.read import read_document

from conftest import KNOWLEDGE, NEWS, RESOLUTIONS


def _records():
    yield from KNOWLEDGE.glob("*.txt")
    if NEWS.exists():
        yield from sorted(NEWS.glob("*.txt"))[:50]
    if RESOLUTIONS.exists():
        yield from RESOLUTIONS.glob("*.md")


def test_chunks_point_at_exact_characters_and_fit_the_model():
    n = 0
    for path in _records():
        doc = read_document(path)
        chunks = chunk_document(doc)
        assert chunks, path
        for c in chunks:
            assert doc.text[c.start:c.end] == c.text
            assert len(c.text) <= MAX_CHARS
            assert c.start >= doc.body_start
            n += 1
        # no character of the body is lost between chunks except whitespace
        covered = "".join(c.text for c in chunks)
        assert len("".join(covered.split())) == len("".join(doc.text[doc.body_start:].split()))
    assert n > 5


def test_sample_list_sentence_stays_in_one_chunk():
    doc = read_document(next(KNOWLEDGE.glob("*.txt")))
    texts = [c.text for c in chunk_document(doc)]
    assert any("Lâm Đồng (hơn 10 tỷ đồng), Quảng Nam (6,94 tỷ đồng)" in t for t in texts)
