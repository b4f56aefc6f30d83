"""Reindexing touches only what changed; interruptions and concurrent runs lose nothing."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kcqa.config import Config
from kcqa.engine import Engine
from kcqa.index.lock import IndexBusy, writer_lock

from conftest import KNOWLEDGE, NEWS, need, tiny_model

SENTENCE = "Quảng Nam được bố trí 6,94 tỷ đồng."


def engine_for(tmp_path: Path, corpus: Path, cache: Path) -> Engine:
    return Engine(Config(index_dir=tmp_path / "index", knowledge=[corpus], cache_dir=cache))


def test_incremental_reindex_counts(tmp_path, model_cache):
    corpus = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, corpus)
    (corpus / "b.txt").write_text("Lâm Đồng bố trí hơn 10 tỷ đồng cho khuyến công năm 2020.\n", encoding="utf-8")
    (corpus / "c.txt").write_text("Ninh Thuận đăng cai hội nghị năm 2021.\n", encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    eng = engine_for(tmp_path, corpus, model_cache)

    first = eng.index()
    assert (first.new, first.changed, first.removed, first.unchanged) == (3, 0, 0, 0)
    assert [Path(p).name for p, _ in first.failed] == ["broken.txt"]
    assert first.chunks_embedded == first.chunks_total > 0

    second = eng.index()
    assert (second.new, second.changed, second.removed, second.unchanged) == (0, 0, 0, 3)
    assert second.chunks_embedded == 0

    (corpus / "b.txt").write_text("Lâm Đồng bố trí 12 tỷ đồng cho khuyến công năm 2021.\n", encoding="utf-8")
    (corpus / "c.txt").unlink()
    third = eng.index()
    assert (third.new, third.changed, third.removed, third.unchanged) == (0, 1, 1, 1)
    assert third.chunks_embedded == 1
    # the removed document is gone from every store
    assert eng.stats().documents == 3 - 1
    assert not [f for f in eng.figures() if "Ninh Thuận" in f.sentence]
    hits = eng.searcher.search("Ninh Thuận đăng cai", k=10).passages
    assert all(Path(p.chunk.doc).name != "c.txt" for p in hits)
    assert eng.searcher.vectors is None or len(eng.searcher.vectors.ids()) == eng.stats().passages


def test_second_writer_is_refused_with_a_clear_message(tmp_path, model_cache):
    corpus = tmp_path / "k"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SENTENCE, encoding="utf-8")
    eng = engine_for(tmp_path, corpus, model_cache)
    held = writer_lock(eng.cfg.index_dir)
    try:
        with pytest.raises(IndexBusy) as exc:
            eng.index()
        assert "đang được một tiến trình khác" in str(exc.value)
    finally:
        held.release()
    assert eng.index().new == 1


def _kcqa(*args, env=None):
    return [sys.executable, "-m", "kcqa.cli", *args]


@pytest.mark.slow
def test_kill_9_during_indexing_leaves_a_usable_index_and_the_next_run_finishes(tmp_path, model_cache):
    need(NEWS)
    corpus = tmp_path / "k"
    shutil.copytree(KNOWLEDGE, corpus)
    index = tmp_path / "index"
    env = {**os.environ, "KCQA_CACHE": str(model_cache), "KCQA_INDEX": str(index)}
    # a first complete index of the sample
    subprocess.run(_kcqa("index", str(corpus)), env=env, check=True, capture_output=True)
    before = subprocess.run(_kcqa("ask", "--json", "Quảng Nam được bố trí bao nhiêu kinh phí?"),
                            env=env, check=True, capture_output=True, text=True).stdout
    assert "6,94 tỷ đồng" in before
    for f in sorted(NEWS.glob("*.txt"))[:30]:
        shutil.copy(f, corpus / f.name)
    for delay in (4.0, 7.0):
        proc = subprocess.Popen(_kcqa("index", str(corpus)), env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = subprocess.run(_kcqa("ask", "--json", "Quảng Nam được bố trí bao nhiêu kinh phí?"),
                               env=env, capture_output=True, text=True)
        assert after.returncode == 0, after.stderr
        assert "6,94 tỷ đồng" in after.stdout
    done = subprocess.run(_kcqa("index", str(corpus)), env=env, check=True, capture_output=True, text=True)
    assert "0 lỗi" in done.stdout
    eng = Engine(Config(index_dir=index, cache_dir=model_cache))
    stats = eng.stats()
    assert stats.documents == 31
    ids = eng.store.chunk_ids()
    assert len(ids) == stats.passages
    if eng.searcher.vectors is not None:
        assert eng.searcher.vectors.ids() == ids          # no duplicates, no orphans
    again = subprocess.run(_kcqa("index", str(corpus)), env=env, check=True, capture_output=True, text=True)
    assert "0 đoạn được nhúng" in again.stdout


def test_changing_the_model_reembeds_everything_with_a_message(tmp_path, model_cache, seed_engine):
    corpus = tmp_path / "k"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SENTENCE, encoding="utf-8")
    eng = engine_for(tmp_path, corpus, model_cache)
    eng.index()
    if seed_engine.searcher.embedder is None:
        pytest.skip("no embedding model available")
    tiny = tiny_model(tmp_path, seed_engine.searcher.embedder.path)
    eng2 = Engine(Config(index_dir=eng.cfg.index_dir, knowledge=[corpus], cache_dir=model_cache, model=str(tiny)))
    rep = eng2.index()
    assert rep.chunks_embedded == 1 and rep.changed == 1
    assert any("nhúng lại toàn bộ" in w for w in rep.warnings)
    assert eng2.searcher.embedder.dimension == 32
    assert eng2.ask("Quảng Nam được bố trí bao nhiêu kinh phí?").value.text == "6,94 tỷ đồng"
