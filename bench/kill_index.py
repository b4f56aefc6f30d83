"""Kill `kcqa index` with SIGKILL at random points, rerun it, and check what a fresh process
finds: every passage's vector key has exactly one vector in Chroma, no vector lacks a
passage, and answers equal those of an index built cleanly from the same records.

    PYTHONPATH=src python bench/kill_index.py --kills 20 [--seed N] [--work DIR]

tests/test_crash.py runs the same with a handful of kills.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KNOWLEDGE = ROOT / "knowledge"
NEWS = SHARED / "data" / "vn_news_dantri_unc"
SEED_QUESTIONS = SHARED / "eval" / "seed_questions.jsonl"

CHECK = r"""
import json, sys
from pathlib import Path
from kcqa.index.store import Store
from kcqa.index.vectors import VectorStore
index = Path(sys.argv[1])
store = Store(index, readonly=True)
keys = store.vector_keys()
vectors = VectorStore(index).ids()
per_doc = dict(store.db.execute("SELECT doc, COUNT(*) FROM chunks GROUP BY doc"))
docs = {p: n for p, _t, _m, _at, n, _f in store.documents()}
null_keys = store.db.execute("SELECT COUNT(*) FROM chunks WHERE vhash IS NULL").fetchone()[0]
fts = store.db.execute("SELECT COUNT(*) FROM chunks_fts").fetchone()[0]
print(json.dumps({
    "documents": len(docs), "passages": sum(per_doc.values()), "keys": len(keys), "vectors": len(vectors),
    "missing": len(keys - vectors), "orphans": len(vectors - keys), "null_keys": null_keys,
    "fts_rows": fts, "bad_counts": sorted(p for p, n in docs.items() if per_doc.get(p, 0) != n),
    "stray_chunks": sorted(d for d in per_doc if d not in docs),
}))
"""


def env_for(index: Path, cache: Path | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("KCQA_DEBUG", "KCQA_CHROMA_URL", "KCQA_MODEL")}
    env["KCQA_INDEX"] = str(index)
    if cache:
        env["KCQA_CACHE"] = str(cache)
    src = str(ROOT / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def kcqa(*args: str) -> list[str]:
    return [sys.executable, "-m", "kcqa.cli", *args]


def committed_documents(index: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{index / 'kcqa.sqlite'}?mode=ro", uri=True, timeout=1)
        n = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        db.close()
        return n
    except sqlite3.Error:
        return 0


def killed_run(corpus: Path, index: Path, env: dict, delay: float | None, after_docs: int | None = None,
               limit: float = 600) -> str:
    """Start `kcqa index`, SIGKILL it after `delay` seconds or once SQLite has `after_docs`
    more documents than before; returns what happened."""
    before = committed_documents(index)
    proc = subprocess.Popen(kcqa("index", str(corpus)), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    t0 = time.time()
    while proc.poll() is None and time.time() - t0 < limit:
        if delay is not None and time.time() - t0 >= delay:
            break
        if after_docs is not None and committed_documents(index) >= before + after_docs:
            break
        time.sleep(0.1)
    if proc.poll() is not None:
        return f"finished before the kill ({time.time() - t0:.1f} s)"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return f"killed after {time.time() - t0:.1f} s, {committed_documents(index) - before} documents committed"


def full_run(corpus: Path, index: Path, env: dict) -> str:
    p = subprocess.run(kcqa("index", str(corpus)), env=env, capture_output=True, text=True, timeout=1200)
    if p.returncode != 0:
        raise RuntimeError(f"kcqa index failed: {p.stderr}")
    return p.stdout + p.stderr


def inspect(index: Path, env: dict) -> dict:
    p = subprocess.run([sys.executable, "-c", CHECK, str(index)], env=env, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    return json.loads(p.stdout)


def healthy(state: dict) -> bool:
    return (state["missing"] == 0 and state["orphans"] == 0 and state["null_keys"] == 0
            and state["fts_rows"] == state["passages"] and not state["bad_counts"] and not state["stray_chunks"])


def answers(index: Path, env: dict, questions: list[str]) -> list[tuple]:
    """(answer text, cited record names) per question, asked in a fresh process."""
    p = subprocess.run(kcqa("ask", "--json", "-"), env=env, input="\n".join(questions) + "\n",
                       capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    out = []
    for line in p.stdout.splitlines():
        if line.strip():
            a = json.loads(line)
            cites = tuple(Path(c.get("doc") or c.get("path") or "").name for c in a.get("citations") or [])
            out.append(((a.get("answer") or {}).get("text"), cites))
    return out


def questions() -> list[str]:
    qs = [json.loads(line)["question"] for line in SEED_QUESTIONS.read_text(encoding="utf-8").splitlines()
          if line.strip()] if SEED_QUESTIONS.exists() else []
    return qs or ["Quảng Nam được bố trí bao nhiêu kinh phí?"]


def mutate(corpus: Path, pool: list[Path], rng: random.Random) -> None:
    """Between kills the records change as they do in an office: some arrive, one is edited,
    one is deleted."""
    for f in [pool.pop() for _ in range(min(3, len(pool)))]:
        shutil.copy(f, corpus / f.name)
    present = sorted(p for p in corpus.glob("news_*.txt"))
    if len(present) > 2:
        edited = rng.choice(present)
        paras = edited.read_text(encoding="utf-8").split("\n\n")
        i = rng.randrange(len(paras))
        paras[i] = paras[i] + " Số liệu được cập nhật ngày 1 tháng 12."
        edited.write_text("\n\n".join(paras), encoding="utf-8")
        rng.choice([p for p in present if p != edited]).unlink()


def trials(work: Path, kills: int, seed: int, cache: Path | None, articles: int = 12,
           log=print) -> dict:
    """The experiment; returns its results (and raises nothing on a failed check: the
    caller asserts)."""
    rng = random.Random(seed)
    corpus = work / "knowledge"
    shutil.copytree(KNOWLEDGE, corpus)
    news = sorted(NEWS.glob("*.txt"))
    rng.shuffle(news)
    for f in news[:articles]:
        shutil.copy(f, corpus / f.name)
    pool = news[articles:]
    index = work / "index"
    env = env_for(index, cache)
    results = []
    last_run = 30.0
    for trial in range(kills):
        if trial == 0:
            # the case that lost vectors: the very first run killed after a few records committed
            what = killed_run(corpus, index, env, None, after_docs=rng.randint(1, 4))
        else:
            mutate(corpus, pool, rng)
            if trial % 2:
                # anywhere in a run as long as the last one (loading the model is part of it)
                what = killed_run(corpus, index, env, rng.uniform(0.5, last_run))
            else:
                # while records are being written
                what = killed_run(corpus, index, env, None, after_docs=rng.randint(1, 2))
        after_kill = inspect(index, env) if (index / "kcqa.sqlite").exists() else None
        t0 = time.time()
        rerun = full_run(corpus, index, env)
        last_run = time.time() - t0
        state = inspect(index, env)
        results.append({"trial": trial, "kill": what, "after_kill": after_kill, "after_rerun": state,
                        "healthy": healthy(state), "rerun": rerun.strip().splitlines()})
        log(json.dumps(results[-1], ensure_ascii=False))
    clean = work / "clean-index"
    full_run(corpus, clean, env_for(clean, cache))
    qs = questions()
    got, want = answers(index, env, qs), answers(clean, env_for(clean, cache), qs)
    same = [g == w for g, w in zip(got, want)]
    log(f"answers equal to a clean index: {sum(same)}/{len(same)}")
    return {"trials": results, "answers_equal": same, "got": got, "want": want,
            "clean": inspect(clean, env_for(clean, cache))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--work", type=Path)
    ap.add_argument("--cache", type=Path, default=os.environ.get("KCQA_CACHE"))
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kcqa-kill-"))
    print(f"seed {args.seed}, work {work}")
    out = trials(work, args.kills, args.seed, args.cache)
    bad = [t["trial"] for t in out["trials"] if not t["healthy"]]
    print(f"{args.kills} kills: {args.kills - len(bad)} healthy after the rerun; answers equal "
          f"{sum(out['answers_equal'])}/{len(out['answers_equal'])}")
    return 1 if bad or not all(out["answers_equal"]) else 0


if __name__ == "__main__":
    sys.exit(main())
