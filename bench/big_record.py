"""A big record with the real model: killed half-way, rerun, then deleted.

Builds a ~6 MB text record from the shared news articles (every sentence of every copy
marked with its copy number, so no passage repeats another and none is reused by
content), indexes it beside the sample, kills the run with SIGKILL once about half of
its passages have vectors in Chroma, reruns, and deletes it. Reports what the rerun embedded and reused, each run's time and the index
size before, with and after the record.

    .venv/bin/python bench/big_record.py                 # 6 MB, a temporary folder
    .venv/bin/python bench/big_record.py --mb 1 --keep DIR
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "vn_news_dantri_unc"


def kcqa(*args: str) -> list[str]:
    return [sys.executable, "-m", "kcqa.cli", *args]


def chroma_vectors(index: Path) -> int:
    """Vectors Chroma holds: its compacted rows plus its write-ahead log (measured: the
    `embeddings` table alone lagged 617 vectors behind at the end of a run)."""
    try:
        db = sqlite3.connect(f"file:{index / 'chroma' / 'chroma.sqlite3'}?mode=ro", uri=True, timeout=1)
        try:
            return sum(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                       for t in ("embeddings", "embeddings_queue"))
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def write_record(path: Path, megabytes: float) -> int:
    paragraphs = []
    for article in sorted(NEWS.glob("*.txt")):
        paragraphs += [p.strip() for p in article.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80]
    written, copy = 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while written < megabytes * 1e6:
            copy += 1
            for n, p in enumerate(paragraphs):
                marked = re.sub(r"([.;!?])\s+", rf"\1 (bản {copy}) ", p)
                line = f"Bản {copy}, đoạn {n}: {marked}\n\n"
                f.write(line)
                written += len(line.encode("utf-8"))
                if written >= megabytes * 1e6:
                    break
    return written


def run(cmd: list[str], env: dict) -> tuple[subprocess.CompletedProcess, float]:
    t = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)}: {done.stderr.strip()[-500:]}")
    return done, time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=6.0)
    ap.add_argument("--keep", type=Path, help="work here and keep it (default: a temporary folder)")
    args = ap.parse_args()
    if not NEWS.is_dir():
        sys.exit(f"cần {NEWS}")
    work = args.keep or Path(tempfile.mkdtemp(prefix="kcqa-big-"))
    corpus, index = work / "knowledge", work / "index"
    shutil.copytree(REPO / "knowledge", corpus, dirs_exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("KCQA_DEBUG", "KCQA_CHROMA_URL", "KCQA_INDEX")}
    env.update(KCQA_INDEX=str(index), PYTHONPATH=str(REPO / "src"))
    out: dict = {"mb": args.mb}

    first, out["sample_index_s"] = run(kcqa("index", str(corpus)), env)
    base, out["index_mb_before"] = chroma_vectors(index), size_mb(index)
    big = corpus / "hồ sơ lớn.txt"
    out["record_bytes"] = write_record(big, args.mb)

    # a first full pass would tell the total; estimate it from the chunker instead
    sys.path.insert(0, str(REPO / "src"))
    from kcqa.extract.chunking import chunk_document, embedding_text
    from kcqa.read import read_document
    chunks = chunk_document(read_document(big))
    out["passages"] = len(chunks)
    out["distinct_texts"] = total = len({embedding_text(c) for c in chunks})

    t = time.perf_counter()
    proc = subprocess.Popen(kcqa("index", str(corpus)), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    while proc.poll() is None and chroma_vectors(index) < base + total // 2:
        time.sleep(0.5)
    if proc.poll() is not None:
        sys.exit("the run ended before half of the record was embedded")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    out["killed_after_s"] = time.perf_counter() - t
    out["kept_vectors"] = chroma_vectors(index) - base

    rerun, out["rerun_s"] = run(kcqa("index", str(corpus)), env)
    m = re.search(r"(\d+) đoạn được nhúng", rerun.stdout)
    out["rerun_embedded"] = int(m.group(1)) if m else None
    m = re.search(r"(\d+) đoạn dùng lại vector cũ", rerun.stdout)
    out["rerun_reused"] = int(m.group(1)) if m else None
    out["rerun_output"] = rerun.stdout.strip().splitlines()[-3:]
    out["index_mb_with"] = size_mb(index)

    big.unlink()
    gone, out["delete_s"] = run(kcqa("index", str(corpus)), env)
    out["delete_output"] = gone.stdout.strip().splitlines()[-2:]
    out["index_mb_after"] = size_mb(index)
    print(json.dumps(out, ensure_ascii=False, indent=2))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
