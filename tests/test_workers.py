"""Chroma served by a forked worker for the chat app (workers.py): the same neighbours and
answers as Chroma in-process, what another process indexed is seen after a reload, and a
worker that fails or dies leaves the engine to open Chroma itself."""

from __future__ import annotations

import os
import shutil

import pytest

from kcqa.workers import ForkedWorker

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")

QUESTION = "Quảng Nam được bố trí bao nhiêu kinh phí?"


def _fresh(code: str) -> str:
    """Run `code` in a new interpreter: a worker forks only from a process with one thread,
    and the test session has others by the time these run (the engine fixtures' and the
    app tests' threads)."""
    import subprocess
    import sys
    import textwrap

    prelude = "import os\nfrom kcqa.workers import ForkedWorker, WorkerError\n"
    done = subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)], capture_output=True, text=True,
                          env=dict(os.environ, KCQA_PREFETCH="1"), timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_a_worker_serves_its_objects_methods_and_reports_their_errors():
    _fresh("""
        class Echo:
            def twice(self, x):
                return 2 * x

            def fail(self):
                raise ValueError("hỏng\\nchi tiết")

        worker = ForkedWorker(lambda: (Echo(), {"kind": "echo"}))
        assert worker.open() == {"kind": "echo"}          # open() lets it begin
        assert worker.call("twice", 21) == 42
        try:
            worker.call("fail")
            raise AssertionError("no error")
        except WorkerError as exc:
            assert str(exc) == "hỏng", str(exc)              # one line of the child's message
        assert worker.call("twice", "a") == "aa"          # still serving after an error
        worker.stop()
        assert not worker.started
    """)


def test_a_worker_that_cannot_build_its_object_leaves_it_to_the_caller():
    out = _fresh("""
        def broken():
            print("this must not reach the terminal")
            raise RuntimeError("chroma missing")
        assert ForkedWorker(broken).open() is None
    """)
    assert "must not" not in out


def test_beside_other_threads_it_does_not_fork():
    """Forking beside running threads can leave a lock held forever in the child."""
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        worker = ForkedWorker(lambda: ({}, {}))
        assert not worker.started and worker.open() is None
    finally:
        stop.set()
        thread.join()


def test_switched_off_it_does_not_fork(monkeypatch):
    monkeypatch.setenv("KCQA_PREFETCH", "0")
    worker = ForkedWorker(lambda: (Echo(), {}))
    assert not worker.started and worker.open() is None


# The app forks its worker before Chroma is loaded (Chroma's native threads make a later fork
# unsafe, and the engine refuses it), so these run in a fresh process, as `kcqa` does.
PROBE = r"""
import json, os, signal, sys
from pathlib import Path
from kcqa.config import Config
from kcqa.engine import Engine
from kcqa.workers import RemoteVectors

index, cache, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
cfg = Config(index_dir=index, knowledge=[Path(a) for a in sys.argv[4:5]], cache_dir=cache)
engine = Engine(cfg)
engine.start_vector_worker()
out = {"started": engine._vector_worker is not None}
engine.warm_up()
out["remote"] = isinstance(engine.searcher.vectors, RemoteVectors)
question = "Quảng Nam được bố trí bao nhiêu kinh phí?"
if mode == "kill":
    os.kill(engine.searcher.vectors._worker._pid, signal.SIGKILL)
if mode == "reindex":
    docs = Path(sys.argv[4])
    (docs / "bao-cao-moi.txt").write_text(
        "Hội nghị xúc tiến thương mại tỉnh Kon Tum năm 2024 có 312 doanh nghiệp tham dự, "
        "ký kết 27 biên bản ghi nhớ hợp tác.\n", encoding="utf-8")
    Engine(cfg).index([docs])                   # another engine, another Chroma client
    engine.reload()
    question = "Bao nhiêu doanh nghiệp dự hội nghị xúc tiến thương mại Kon Tum?"
searcher = engine.searcher
out["neighbours"] = out["docs"] = None
if searcher.vectors is not None:
    vec = searcher.embedder.encode_query(question)
    out["neighbours"] = [[k, round(s, 5)] for k, s in searcher.vectors.query(vec, 10)]
    owners = searcher.store.chunk_ids_for(k for k, _ in searcher.vectors.query(vec, 3))
    out["docs"] = sorted({c.doc for c in searcher.store.chunks([i for ids in owners.values() for i in ids])})
ans = engine.ask(question)
out.update(text=ans.text, status=ans.status, confidence=ans.confidence,
           passages=[p.chunk.id for p in ans.passages], warnings=engine.warnings,
           local=searcher.vectors._local is not None if out["remote"] else None)
engine.close()
print(json.dumps(out, ensure_ascii=False))
"""


def probe(index, cache, mode="ask", docs=None, worker=True) -> dict:
    import json
    import subprocess
    import sys

    env = dict(os.environ, KCQA_PREFETCH="1" if worker else "0")
    args = [sys.executable, "-c", PROBE, str(index), str(cache), mode] + ([str(docs)] if docs else [])
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_served_vectors_answer_as_chroma_in_process(seed_engine):
    cfg = seed_engine.cfg
    served = probe(cfg.index_dir, cfg.cache_dir)
    local = probe(cfg.index_dir, cfg.cache_dir, worker=False)
    assert served["remote"] and not local["remote"]
    assert served["neighbours"] == local["neighbours"]
    for key in ("text", "status", "confidence", "passages", "warnings"):
        assert served[key] == local[key], key
    assert served["text"] and not served["warnings"]


@pytest.mark.slow
def test_a_dead_worker_is_replaced_by_chroma_in_process(seed_engine):
    cfg = seed_engine.cfg
    killed = probe(cfg.index_dir, cfg.cache_dir, mode="kill")
    served = probe(cfg.index_dir, cfg.cache_dir)
    assert killed["local"] is True
    assert killed["neighbours"] == served["neighbours"]
    assert killed["text"] == served["text"] and not killed["warnings"]


@pytest.mark.slow
def test_a_worker_that_cannot_open_chroma_gives_the_usual_fallback(seed_engine, tmp_path):
    """A damaged vector store: with or without the worker, the same warning and BM25."""
    index = tmp_path / "index"
    shutil.copytree(seed_engine.cfg.index_dir, index)
    for f in (index / "chroma").iterdir():
        if f.is_file():
            f.write_bytes(b"not a database")
    served = probe(index, seed_engine.cfg.cache_dir)
    local = probe(index, seed_engine.cfg.cache_dir, worker=False)
    assert served["started"] and not local["started"]
    assert not served["remote"] and served["neighbours"] is None
    assert served["warnings"] and served["warnings"] == local["warnings"]
    assert served["text"] == local["text"]


@pytest.mark.slow
def test_after_another_process_indexed_the_worker_sees_the_new_vectors(tmp_path, model_cache):
    """The app reloads when the index changes on disk; Chroma in the worker must then
    return the new record's passages (it holds its own client, see VectorStore.close)."""
    from conftest import KNOWLEDGE

    docs = tmp_path / "docs"
    shutil.copytree(KNOWLEDGE, docs)
    from kcqa.config import Config
    from kcqa.engine import Engine
    Engine(Config(index_dir=tmp_path / "index", knowledge=[docs], cache_dir=model_cache)).index([docs])
    got = probe(tmp_path / "index", model_cache, mode="reindex", docs=docs)
    assert got["remote"] and got["local"] is False
    assert any("bao-cao-moi" in d for d in got["docs"])
