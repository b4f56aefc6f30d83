"""Embedding speed per runtime: a cold process embedding one question, passages/s, and a
warm question's latency with one thread and with every core, idle or beside a busy process.

    .venv/bin/python bench/embed_speed.py                   # st and onnx (q4), idle
    .venv/bin/python bench/embed_speed.py --busy            # the same beside a CPU-bound process
    .venv/bin/python bench/embed_speed.py --runtimes onnx,onnx-int8 --passages 500

Each measurement is a child process of its own; its peak RSS is the child's VmHWM (read by
the child itself: Linux carries ru_maxrss over fork+exec, so a parent's peak would show
in every child's). The model must already be set up in the cache (`kcqa index` does it; for the
ONNX export the first run of this script does it too, untimed). Passages are the first N
passages (kcqa's own chunking) of the sample and the news articles in ../shared/data/.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "vn_news_dantri_unc"
QUESTION = "Quảng Nam được bố trí bao nhiêu kinh phí?"
RESULT = "SPEED-RESULT "
QUESTIONS = [QUESTION, "Doanh thu của Vingroup trong quý 1/2021 đạt bao nhiêu?",
             "Sau khi sắp xếp, thành phố Đà Nẵng có bao nhiêu đơn vị hành chính cấp xã?",
             "Hội nghị khuyến công được tổ chức ở đâu?", "Quang Nam duoc bo tri bao nhieu kinh phi"]


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child_export(a: dict) -> dict:
    from kcqa.embed import load_embedder

    load_embedder(None, Path(a["cache"]), runtime=a["runtime"])
    return {}


def child_cold(a: dict) -> dict:
    t0 = time.perf_counter()
    from kcqa.embed import load_embedder

    e = load_embedder(None, Path(a["cache"]), runtime=a["runtime"], allow_export=False)
    t1 = time.perf_counter()
    e.encode_query(QUESTION)
    t2 = time.perf_counter()
    return {"load_s": t1 - t0, "first_query_s": t2 - t1, "torch_imported": "torch" in sys.modules,
            "peak_rss_mb": peak_rss_mb()}


def passages(n: int) -> list[str]:
    from kcqa.extract.chunking import chunk_document, embedding_text
    from kcqa.read import UnreadableFile, iter_record_paths, read_document

    texts: list[str] = []
    for root in (REPO / "knowledge", NEWS):
        if not root.exists():
            continue
        for path, _ in iter_record_paths([root]):
            try:
                texts += [embedding_text(c) for c in chunk_document(read_document(path))]
            except UnreadableFile:
                continue
            if len(texts) >= n:
                return texts[:n]
    return texts


def child_throughput(a: dict) -> dict:
    from kcqa.embed import load_embedder

    texts = passages(a["passages"])
    e = load_embedder(None, Path(a["cache"]), runtime=a["runtime"], threads=a.get("threads"))
    e.encode_passages(texts[:8])                       # sessions / thread pools up
    t = time.perf_counter()
    e.encode_passages(texts)
    secs = time.perf_counter() - t
    out = {"passages": len(texts), "seconds": secs, "passages_per_s": len(texts) / secs,
           "chars_mean": sum(map(len, texts)) / len(texts)}
    for threads in sorted({1, e.batch_threads}):   # a warm question's latency per thread count
        e.query_threads = threads
        e.encode_query(QUESTION)
        times = []
        for _ in range(a["repeat"]):
            for q in QUESTIONS:
                t = time.perf_counter()
                e.encode_query(q)
                times.append(time.perf_counter() - t)
        times.sort()
        out[f"query_ms_p50_threads{threads}"] = 1000 * statistics.median(times)
        out[f"query_ms_p95_threads{threads}"] = 1000 * times[max(0, int(0.95 * len(times)) - 1)]
    out["peak_rss_mb"] = peak_rss_mb()
    return out


CHILDREN = {"export": child_export, "cold": child_cold, "throughput": child_throughput}


def run_child(phase: str, args: dict, env: dict) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "_child", phase, json.dumps(args)]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{phase} failed:\n{stderr[-3000:]}")
    line = next(l for l in reversed(stdout.splitlines()) if l.startswith(RESULT))
    return {**json.loads(line[len(RESULT):]), "wall_s": wall}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        print(RESULT + json.dumps(CHILDREN[sys.argv[2]](json.loads(sys.argv[3]))), flush=True)
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runtimes", default="st,onnx")
    ap.add_argument("--passages", type=int, default=200)
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=4, help="rounds of the 5 warm questions")
    ap.add_argument("--threads", type=int, help="batch threads (default: every core)")
    ap.add_argument("--busy", action="store_true", help="run a CPU-bound process beside every measurement")
    ap.add_argument("--cache", type=Path, help="model cache (default: $KCQA_CACHE or ~/.cache/kcqa)")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    from kcqa.config import Config

    cache = args.cache or Config().cache_dir
    env = {k: v for k, v in os.environ.items() if not k.startswith("KCQA_")}
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")
    runtimes = [r.strip() for r in args.runtimes.split(",") if r.strip()]
    for runtime in runtimes:
        if runtime.startswith("onnx"):     # the one-time export, untimed, in a child of its own
            run_child("export", {"cache": str(cache), "runtime": runtime}, env)
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if args.busy else None
    rows = {}
    try:
        for runtime in runtimes:
            a = {"cache": str(cache), "runtime": runtime, "passages": args.passages,
                 "threads": args.threads, "repeat": args.repeat}
            colds = [run_child("cold", a, env) for _ in range(args.cold_runs)]
            tp = run_child("throughput", a, env)
            rows[runtime] = {"cold": colds, "throughput": tp}
            print(f"{runtime}: {json.dumps(rows[runtime])}", file=sys.stderr, flush=True)
    finally:
        if busy is not None:
            busy.kill()
            busy.wait()
    print(f"Load average {os.getloadavg()[0]:.1f}; {'beside a busy process' if args.busy else 'no extra load'}; "
          f"{os.cpu_count()} CPUs.\n")
    print("| runtime | cold: load + 1 question (wall, median) | cold RSS | passages/s | RSS (batch) "
          "| warm question p50: 1 thread / all |")
    print("|---|---|---|---|---|---|")
    for runtime, r in rows.items():
        walls = sorted(c["wall_s"] for c in r["cold"])
        tp = r["throughput"]
        keys = sorted(k for k in tp if k.startswith("query_ms_p50_threads"))
        lat = " / ".join(f"{tp[k]:.0f} ms ({k.rsplit('threads', 1)[1]})" for k in keys)
        torch = any(c["torch_imported"] for c in r["cold"])
        print(f"| {runtime} | {statistics.median(walls):.2f} s (torch {'imported' if torch else 'not imported'}) "
              f"| {max(c['peak_rss_mb'] for c in r['cold']):.0f} MB | {tp['passages_per_s']:.1f} ({tp['passages']}) "
              f"| {tp['peak_rss_mb']:.0f} MB | {lat} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
