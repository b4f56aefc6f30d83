"""A one-shot question embedded in a forked child while the parent opens Chroma
(embed/prefetch.py): the same vector and the same answer, the model never loaded in the
parent, and every failure of the child leaves the parent to embed as before."""

from __future__ import annotations

import os

import numpy as np
import pytest

from kcqa.embed.prefetch import QueryPrefetch

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")

QUESTION = "Quảng Nam được bố trí bao nhiêu kinh phí?"


def test_the_childs_vectors_come_back():
    got = QueryPrefetch(lambda: {"câu hỏi": np.arange(4, dtype=np.float64)}).vectors()
    assert list(got) == ["câu hỏi"] and got["câu hỏi"].dtype == np.float32
    assert got["câu hỏi"].tolist() == [0.0, 1.0, 2.0, 3.0]


def test_a_failing_child_gives_nothing_and_says_nothing(capfd):
    def broken():
        print("this must not reach the user")
        raise RuntimeError("model missing")
    assert QueryPrefetch(broken).vectors() == {}
    out, err = capfd.readouterr()
    assert "must not" not in out + err


def test_switched_off_it_does_not_fork(monkeypatch):
    monkeypatch.setenv("KCQA_PREFETCH", "0")
    assert QueryPrefetch(lambda: os._exit(3)).vectors() == {}


@pytest.mark.slow
def test_prefetched_question_answers_as_before_without_loading_the_model(seed_engine):
    from kcqa.ask.answer import searched_text
    from kcqa.engine import Engine

    plain = Engine(seed_engine.cfg)
    expected = plain.ask(QUESTION)
    reference = plain.searcher.embedder

    engine = Engine(seed_engine.cfg)
    engine.prefetch(QUESTION)
    searcher = engine.searcher
    text = searched_text(searcher, QUESTION)
    assert set(searcher.prefetched) == {text}
    assert np.allclose(searcher.prefetched[text], reference.encode_query(text), atol=1e-5)
    got = engine.ask(QUESTION)
    assert (got.status, got.text, got.confidence) == (expected.status, expected.text, expected.confidence)
    assert [p.chunk.id for p in got.passages] == [p.chunk.id for p in expected.passages]
    assert searcher.embedder._embedder is None            # the parent never loaded the model
    # a second question is not prefetched: the model loads then, and answers as before
    again = engine.ask("Địa phương nào bố trí kinh phí cao nhất?")
    assert again.text == plain.ask("Địa phương nào bố trí kinh phí cao nhất?").text
    assert searcher.embedder._embedder is not None
    engine.close()
    plain.close()
