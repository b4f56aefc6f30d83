"""A shared index: read-only folders answer, only `kcqa index` needs write access, and a
wrong --index or a missing knowledge/ folder is one clear Vietnamese line.

Tests run as root, for whom chmod stops no write; a tmpfs remounted read-only does (the
kernel refuses every write with EROFS, root included). So the read-only tests build an
index on a tmpfs, remount it read-only and ask in fresh processes; they skip where
mounting is not allowed.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import KNOWLEDGE, ROOT, SEED_QUESTIONS, load_jsonl

QUESTION = "Quảng Nam được bố trí bao nhiêu kinh phí?"


def kcqa(*args: str) -> list[str]:
    return [sys.executable, "-m", "kcqa.cli", *args]


def env_for(index: Path | None, cache: Path | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("KCQA_DEBUG", "KCQA_CHROMA_URL", "KCQA_MODEL",
                                                           "KCQA_INDEX", "KCQA_KNOWLEDGE")}
    if index is not None:
        env["KCQA_INDEX"] = str(index)
    if cache is not None:
        env["KCQA_CACHE"] = str(cache)
    return env


def run(args, env, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=600, **kw)


def one_error_line(p: subprocess.CompletedProcess, *needles: str) -> str:
    assert p.returncode != 0, p.stdout + p.stderr
    err = [line for line in p.stderr.splitlines() if line.strip()]
    assert len(err) == 1 and err[0].startswith("Lỗi:"), p.stderr
    assert "Errno" not in err[0] and "Traceback" not in p.stderr
    for needle in needles:
        assert needle in err[0], err[0]
    return err[0]


# -- wrong --index, missing index, missing knowledge/ (no model needed) ---------------------------

def test_index_pointing_at_a_file_is_one_line(tmp_path):
    readme = ROOT / "README.md"
    for args in (["--index", str(readme), "ask", QUESTION], ["--index", str(readme), "figures"],
                 ["--index", str(readme), "index", str(KNOWLEDGE)]):
        one_error_line(run(kcqa(*args), env_for(None)), "là một tệp")


def test_a_missing_index_is_one_line(tmp_path):
    index = tmp_path / "không-có"
    for args in (["ask", QUESTION], ["figures"]):
        one_error_line(run(kcqa(*args), env_for(index)), "Chưa có chỉ mục", "kcqa index")
    assert not index.exists()        # asking creates nothing


def test_index_without_a_path_and_without_knowledge_says_what_it_would_do(tmp_path):
    elsewhere = tmp_path / "thư mục khác"
    elsewhere.mkdir()
    p = run(kcqa("index"), env_for(None), cwd=elsewhere)
    line = one_error_line(p, "knowledge", "kcqa index THƯ_MỤC")
    assert str(elsewhere / "index") in line
    assert list(elsewhere.iterdir()) == []       # no empty index made


# -- a read-only index folder ------------------------------------------------------------------

@contextlib.contextmanager
def tmpfs(folder: Path, size: str = "200m"):
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    m = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                       capture_output=True, text=True)
    if m.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {m.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def remount(folder: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True)


def seed_questions() -> list[str]:
    return [q["question"] for q in load_jsonl(SEED_QUESTIONS)]


def answers(index: Path, cache: Path, questions: list[str]) -> tuple[list[dict], str]:
    p = run(kcqa("ask", "--json", "-"), env_for(index, cache), input="\n".join(questions) + "\n")
    assert p.returncode == 0, p.stderr
    assert "Traceback" not in p.stderr and "Lỗi" not in p.stderr, p.stderr
    got = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    return [{"answer": a.get("answer"), "citations": a.get("citations")} for a in got], p.stderr


@pytest.mark.slow
@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_a_read_only_index_answers_and_lists_figures(tmp_path, model_cache, journal):
    """`delete`: the file as `kcqa index` leaves it. `wal`: a file left in WAL mode (a writer
    that could not switch back), which SQLite cannot open `mode=ro` where it may not create
    the -shm file: read `immutable=1`."""
    questions = seed_questions()
    with tmpfs(tmp_path / "share") as share:
        index = share / "index"
        p = run(kcqa("index", str(KNOWLEDGE)), env_for(index, model_cache))
        assert p.returncode == 0, p.stderr
        if journal == "wal":
            db = sqlite3.connect(str(index / "kcqa.sqlite"))
            assert db.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
            db.close()
        want, _ = answers(index, model_cache, questions)
        seed_score = run(kcqa("eval", str(SEED_QUESTIONS)), env_for(index, model_cache)).stdout
        figures = run(kcqa("figures", "--csv"), env_for(index, model_cache)).stdout
        files = sorted((str(f.relative_to(index)), f.stat().st_size) for f in index.rglob("*") if f.is_file())

        remount(share, "ro")
        with pytest.raises(OSError):
            (index / "probe").write_text("x")            # really read-only, root included
        got, notes = answers(index, model_cache, questions)
        assert got == want
        scored = run(kcqa("eval", str(SEED_QUESTIONS)), env_for(index, model_cache))
        assert scored.returncode == 0 and scored.stdout == seed_score, scored.stderr
        # issue 12: the read-only copy answers every seed question at the shipped threshold
        shipped = {k: v for k, v in env_for(index, model_cache).items() if k != "KCQA_MIN_CONFIDENCE"}
        n = len(questions)
        assert f"Độ chính xác: {n}/{n} " in run(kcqa("eval", str(SEED_QUESTIONS)), shipped).stdout
        assert "từ khóa" not in notes                     # vectors were read too (hybrid search)
        ro_figures = run(kcqa("figures", "--csv"), env_for(index, model_cache))
        assert ro_figures.returncode == 0 and ro_figures.stdout == figures
        one_error_line(run(kcqa("index", str(KNOWLEDGE)), env_for(index, model_cache)),
                       "không có quyền ghi", "chỉ `kcqa index` cần quyền ghi")
        assert sorted((str(f.relative_to(index)), f.stat().st_size)
                      for f in index.rglob("*") if f.is_file()) == files
        remount(share, "rw")
