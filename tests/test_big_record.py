"""A big record: committed to Chroma in batches so a killed run resumes where it stopped,
searchable only once complete; its space given back when it is deleted; the size limit
refused before a byte is read.

A small real model (tiny_model: 1 layer, 32 dimensions) keeps the embedding of a
thousand passages within a test's time; the behaviour tested is kcqa's, not the model's.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import KNOWLEDGE, tiny_model

from kcqa.index.build import BATCH_CHUNKS

PARAGRAPHS = 1200


def big_record(path: Path, n: int = PARAGRAPHS) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(f"Đơn vị số {i} của tỉnh báo cáo doanh thu năm 2020 đạt {i * 3 + 7} tỷ đồng, tăng {i % 17 + 1}% "
                    f"so với cùng kỳ; lợi nhuận đạt {i % 9 + 1} tỷ đồng và nộp ngân sách {i % 5 + 1} tỷ đồng. "
                    f"Kế hoạch năm sau của đơn vị {i} là mở rộng sản xuất thêm {i % 7 + 2} xưởng.\n\n")


def kcqa(*args: str) -> list[str]:
    return [sys.executable, "-m", "kcqa.cli", *args]


def env_for(index: Path, cache: Path, model: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("KCQA_DEBUG", "KCQA_CHROMA_URL")}
    env.update(KCQA_INDEX=str(index), KCQA_CACHE=str(cache), KCQA_MODEL=str(model))
    return env


def chroma_vectors(index: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{index / 'chroma' / 'chroma.sqlite3'}?mode=ro", uri=True, timeout=1)
        n = db.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0]
        db.close()
        return n
    except sqlite3.Error:
        return 0


def documents(index: Path) -> list[str]:
    db = sqlite3.connect(f"file:{index / 'kcqa.sqlite'}?mode=ro", uri=True)
    try:
        return sorted(Path(p).name for p, in db.execute("SELECT path FROM documents"))
    finally:
        db.close()


def size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


@pytest.fixture(scope="module")
def tiny(tmp_path_factory, seed_engine):
    if seed_engine.searcher.embedder is None:
        pytest.skip("no embedding model available")
    return tiny_model(tmp_path_factory.mktemp("tiny"), seed_engine.searcher.embedder.path)


@pytest.mark.slow
def test_a_killed_big_record_resumes_where_it_stopped_and_gives_its_space_back(tmp_path, model_cache, tiny):
    corpus = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, corpus)
    index = tmp_path / "index"
    env = env_for(index, model_cache, tiny)
    first = subprocess.run(kcqa("index", str(corpus)), env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    small = size(index)
    base = chroma_vectors(index)

    big = corpus / "lớn.txt"
    big_record(big)
    proc = subprocess.Popen(kcqa("index", str(corpus)), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 600
    while proc.poll() is None and time.time() < deadline and chroma_vectors(index) < base + 2 * BATCH_CHUNKS:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    kept = chroma_vectors(index) - base
    assert kept >= 2 * BATCH_CHUNKS
    assert "lớn.txt" not in documents(index)          # not searchable until complete

    rerun = subprocess.run(kcqa("index", str(corpus)), env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    total = int(rerun.stdout.split("(tổng ")[1].split()[0]) - int(first.stdout.split("(tổng ")[1].split()[0])
    embedded = int(rerun.stdout.split(" đoạn được nhúng")[0].rsplit("· ", 1)[1])
    assert total >= PARAGRAPHS * 0.9
    assert embedded == total - kept, rerun.stdout       # only what the killed run had not committed
    assert f"{kept} đoạn dùng lại vector cũ" in rerun.stdout
    assert "lớn.txt" in documents(index)
    grown = size(index)

    big.unlink()
    gone = subprocess.run(kcqa("index", str(corpus)), env=env, capture_output=True, text=True)
    assert gone.returncode == 0 and "1 đã xóa" in gone.stdout, gone.stderr
    assert "giải phóng" in gone.stdout
    after = size(index)
    print(f"index: {small} B, with the big record {grown} B, after deleting it {after} B")
    assert after - small < 0.05 * (grown - small), (small, grown, after)   # FTS5 merged, Chroma rewritten
    ask = subprocess.run(kcqa("ask", "--json", "Đơn vị số 17 báo cáo doanh thu bao nhiêu?"), env=env,
                         capture_output=True, text=True)
    assert ask.returncode == 0 and "lớn.txt" not in ask.stdout


def test_the_size_limit_refuses_at_once_and_names_the_limit(tmp_path, model_cache):
    """A sparse 60 MB file: refusing it must not read it (reading would take the time)."""
    from kcqa.config import Config
    from kcqa.engine import Engine
    from kcqa.read import MAX_CHARS
    corpus = tmp_path / "k"
    shutil.copytree(KNOWLEDGE, corpus)
    huge = corpus / "khổng lồ.txt"
    with open(huge, "wb") as f:
        f.truncate(60 * 1024 * 1024)
    rep = Engine(Config(index_dir=tmp_path / "index", knowledge=[corpus], cache_dir=model_cache)).index()
    reasons = dict(rep.failed)
    assert list(reasons) == [str(huge)]
    assert "quá lớn" in reasons[str(huge)] and f"giới hạn {MAX_CHARS / 1e6:.0f} triệu ký tự" in reasons[str(huge)]
    assert rep.new == 1
