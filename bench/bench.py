"""kcqa benchmark: indexing throughput, reindexing, answer latency, start-up, memory, disk.

    .venv/bin/python bench/bench.py                    # sizes 0.25 and 1 (× the 199 news articles)
    .venv/bin/python bench/bench.py --sizes 0.1        # a quick check that it works
    .venv/bin/python bench/bench.py --sizes 1,10,100   # the full measurement: many hours on 2 cores
    .venv/bin/python bench/bench.py --runtime st       # the sentence-transformers runtime (default: onnx)

A size is a multiple of the 199 articles of ../shared/data/vn_news_dantri_unc/ (sizes above
1 add renamed copies, each embedded for real) plus the bundled sample record, so the seed
questions have their answer in the corpus. Embedding runs at ~7 passages/s on a 2-core
machine and every size is embedded twice (the pipeline, then bare SentenceTransformer.encode
on the same passages): size 1 costs ~15 minutes, size 10 ~2.5 hours, size 100 ~a day.

Every phase runs in a child process of its own; its peak RSS is that child's ru_maxrss
(os.wait4). One table is printed (Markdown) and everything is written to
bench/results/bench-<date>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
NEWS = SHARED / "data" / "vn_news_dantri_unc"
KNOWLEDGE = REPO / "knowledge"
QUESTION_FILES = [REPO / "tests" / "data" / "news_questions.jsonl", SHARED / "eval" / "seed_questions.jsonl"]
COLD_QUESTION = "Quảng Nam được bố trí bao nhiêu kinh phí?"
RESULT = "BENCH-RESULT "


# -- child phases (run as `bench.py _child PHASE JSON`) ----------------------------------------

def child_index(a: dict) -> dict:
    """Index the corpus from empty with the library, the model loaded first (timed apart)."""
    from kcqa.config import Config
    from kcqa.embed import Embedder, load_embedder
    from kcqa.index.build import build_index

    cfg = Config(index_dir=Path(a["index"]), knowledge=[Path(a["corpus"])], cache_dir=Path(a["cache"]))
    t0 = time.perf_counter()
    # cached per process: build_index reuses it (a first ONNX export happens here, in model_load_s)
    load_embedder(cfg.model, cfg.cache_dir, cfg.runtime, cfg.threads, query_threads=cfg.query_threads)
    load_s = time.perf_counter() - t0

    encode_s = 0.0
    real = Embedder.encode_passages

    def timed(self, *args, **kw):
        nonlocal encode_s
        t = time.perf_counter()
        try:
            return real(self, *args, **kw)
        finally:
            encode_s += time.perf_counter() - t
    Embedder.encode_passages = timed

    t1 = time.perf_counter()
    report = build_index(cfg, [Path(a["corpus"])])
    index_s = time.perf_counter() - t1
    return {"model_load_s": load_s, "index_s": index_s, "encode_s": encode_s,
            "documents": report.new, "failed": len(report.failed), "passages": report.chunks_embedded,
            "passages_total": report.chunks_total, "figures": report.figures}


def child_bare(a: dict) -> dict:
    """The same passages through the bare runtime, nothing else: SentenceTransformer.encode,
    or for onnx the embedder's own batches (tokenizer + session + pooling)."""
    from kcqa.extract.chunking import chunk_document, embedding_text
    from kcqa.config import Config
    from kcqa.embed import SENTENCE_TRANSFORMERS, load_embedder
    from kcqa.index.build import doc_key
    from kcqa.read import UnreadableFile, iter_record_paths, read_document

    cfg = Config(cache_dir=Path(a["cache"]))
    embedder = load_embedder(cfg.model, cfg.cache_dir, cfg.runtime, cfg.threads, query_threads=cfg.query_threads)
    texts = []
    for path, _ in iter_record_paths([Path(a["corpus"])]):
        try:
            doc = read_document(path, display_path=doc_key(path))
        except UnreadableFile:
            continue
        texts += [embedding_text(c) for c in chunk_document(doc)]
    if embedder.runtime != SENTENCE_TRANSFORMERS:
        t = time.perf_counter()
        vecs = embedder.encode_passages(texts, batch_size=32)
        return {"passages": len(texts), "bare_s": time.perf_counter() - t, "dimension": int(vecs.shape[1]),
                "torch_threads": None, "torch_interop_threads": None, "runtime": embedder.runtime,
                "threads": embedder.batch_threads}
    import torch

    model = embedder.model
    torch.set_num_threads(embedder.batch_threads)
    prompts = dict(getattr(model, "prompts", None) or {})
    prompt = prompts.get("passage") or prompts.get("document") or None
    t = time.perf_counter()
    vecs = model.encode(texts, prompt=prompt, batch_size=32, show_progress_bar=False,
                        convert_to_numpy=True, normalize_embeddings=True)
    bare_s = time.perf_counter() - t
    return {"passages": len(texts), "bare_s": bare_s, "dimension": int(vecs.shape[1]),
            "torch_threads": torch.get_num_threads(), "torch_interop_threads": torch.get_num_interop_threads(),
            "runtime": embedder.runtime, "threads": embedder.batch_threads}


def child_ask(a: dict) -> dict:
    """Warm answer latency: one engine, a first question (loads everything), then N timed."""
    from kcqa.config import Config
    from kcqa.engine import Engine

    engine = Engine(Config(index_dir=Path(a["index"]), cache_dir=Path(a["cache"])))
    t = time.perf_counter()
    engine.ask(COLD_QUESTION)
    first_s = time.perf_counter() - t
    times, answered = [], 0
    for q in a["questions"]:
        t = time.perf_counter()
        ans = engine.ask(q)
        times.append(time.perf_counter() - t)
        answered += ans.status == "answered"
    times.sort()
    return {"first_s": first_s, "n": len(times), "answered": answered,
            "p50_ms": 1000 * pct(times, 50), "p95_ms": 1000 * pct(times, 95),
            "mean_ms": 1000 * statistics.fmean(times), "max_ms": 1000 * times[-1]}


CHILDREN = {"index": child_index, "bare": child_bare, "ask": child_ask}


# -- parent -------------------------------------------------------------------------------------

def pct(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, math.ceil(p / 100 * len(sorted_values)) - 1))
    return sorted_values[k]


class Child:
    """A finished child process: exit code, output, wall time and peak RSS (MB)."""

    def __init__(self, cmd: list[str], env: dict, stdin: str | None = None, cwd: Path = REPO):
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            t = time.perf_counter()
            proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=err, text=True,
                                    stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL)
            if stdin is not None:
                proc.stdin.write(stdin)
                proc.stdin.close()
            _, status, usage = os.wait4(proc.pid, 0)
            self.wall = time.perf_counter() - t
            proc.returncode = self.returncode = os.waitstatus_to_exitcode(status)
            self.rss_mb = usage.ru_maxrss / 1024          # Linux: kilobytes
            self.cpu_s = usage.ru_utime + usage.ru_stime
            out.seek(0)
            err.seek(0)
            self.stdout, self.stderr = out.read(), err.read()

    def check(self, what: str) -> "Child":
        if self.returncode != 0:
            sys.exit(f"{what} failed (exit {self.returncode}):\n{self.stderr[-3000:]}")
        return self

    def result(self) -> dict:
        for line in reversed(self.stdout.splitlines()):
            if line.startswith(RESULT):
                return json.loads(line[len(RESULT):])
        raise SystemExit(f"no result from child:\n{self.stdout[-2000:]}\n{self.stderr[-3000:]}")


def child(phase: str, args: dict, env: dict) -> tuple[dict, Child]:
    c = Child([sys.executable, str(Path(__file__).resolve()), "_child", phase, json.dumps(args)], env)
    c.check(phase)
    return c.result(), c


def kcqa_cmd(*args: str) -> list[str]:
    exe = Path(sys.executable).with_name("kcqa")
    return [str(exe), *args] if exe.exists() else [sys.executable, "-m", "kcqa.cli", *args]


def make_corpus(folder: Path, size: float, articles: list[Path]) -> int:
    """size × the articles (renamed copies beyond 1×) plus the sample record; returns the article count."""
    folder.mkdir(parents=True)
    n = max(1, round(size * len(articles)))
    for i in range(n):
        src = articles[i % len(articles)]
        copy = i // len(articles)
        name = src.name if copy == 0 else f"{src.stem}-copy{copy:03d}{src.suffix}"
        shutil.copyfile(src, folder / name)
    for f in KNOWLEDGE.iterdir():
        if f.is_file() and not f.name.startswith("."):
            shutil.copyfile(f, folder / f.name)
    return n


def questions(n: int) -> list[str]:
    from kcqa.text.vietnamese import fold
    base = []
    for f in QUESTION_FILES:
        if f.exists():
            base += [json.loads(line)["question"] for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not base:
        base = [COLD_QUESTION]
    out, rnd = [], 0
    while len(out) < n:      # then the same questions without diacritics, then lower-cased, …
        variant = [lambda q: q, fold, str.lower, lambda q: fold(q).lower()][rnd % 4]
        out += [variant(q) for q in base]
        rnd += 1
    return out[:n]


def disk_usage(folder: Path) -> tuple[int, int]:
    """(bytes on disk, apparent bytes) of everything below folder."""
    used = apparent = 0
    for p in folder.rglob("*"):
        if p.is_file() and not p.is_symlink():
            st = p.stat()
            used += st.st_blocks * 512
            apparent += st.st_size
    return used, apparent


def seconds_reported(stdout: str) -> float | None:
    m = re.search(r"([\d.]+) giây", stdout)
    return float(m.group(1)) if m else None


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram_gb = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass

    def version(pkg: str) -> str:
        try:
            return metadata.version(pkg)
        except metadata.PackageNotFoundError:
            return "-"
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = os.cpu_count()
    return {"nproc": affinity, "cpu_count": os.cpu_count(), "cpu": cpu, "ram_gb": ram_gb,
            "python": platform.python_version(), "platform": platform.platform(),
            "torch": version("torch"), "sentence_transformers": version("sentence-transformers"),
            "onnxruntime": version("onnxruntime"),
            "chromadb": version("chromadb"), "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS"),
            "loadavg_start": os.getloadavg()}


def startup(env: dict, runs: int) -> dict:
    helps = sorted(Child(kcqa_cmd("--help"), env).check("kcqa --help").wall for _ in range(runs))
    probe = Child([sys.executable, "-c", "import sys, kcqa.cli; "
                   "print(sorted(m for m in ('torch', 'sentence_transformers', 'chromadb', 'transformers') "
                   "if m in sys.modules))"], env).check("import kcqa.cli")
    return {"help_s_median": statistics.median(helps), "help_s_all": helps,
            "heavy_after_import_cli": json.loads(probe.stdout.strip().replace("'", '"')),
            "import_cli_rss_mb": probe.rss_mb}


def first_paint(index: Path, env: dict, runs: int) -> dict | None:
    script = REPO / "bench" / "first_paint.py"
    if not script.exists():
        return None
    c = Child([sys.executable, str(script), "--index", str(index), "--runs", str(runs)], env)
    out = {"exit": c.returncode, "output": c.stdout.strip().splitlines()[-1:] or [c.stderr.strip()[-300:]]}
    m = re.search(r"(\w+): first paint median ([\d.]+)s · loaded median ([\d.]+|—)", c.stdout)
    if m:
        out.update(mode=m.group(1), paint_s=float(m.group(2)),
                   ready_s=float(m.group(3)) if m.group(3) != "—" else None)
    return out


def bench_size(size: float, work: Path, env: dict, cache: Path, articles: list[Path], args) -> dict:
    tag = f"{size:g}x"
    corpus, index = work / f"corpus-{tag}", work / f"index-{tag}"
    n_articles = make_corpus(corpus, size, articles)
    row: dict = {"size": size, "articles": n_articles}
    log(f"[{tag}] index from empty: {n_articles} articles + the sample …")
    r, c = child("index", {"index": str(index), "corpus": str(corpus), "cache": str(cache)}, env)
    row["index"] = {**r, "wall_s": c.wall, "rss_mb": c.rss_mb, "cpu_s": c.cpu_s}
    row["docs_per_s"] = r["documents"] / r["index_s"]
    row["passages_per_s"] = r["passages"] / r["index_s"]
    used, apparent = disk_usage(index)
    row["disk_mb"], row["disk_apparent_mb"] = used / 2**20, apparent / 2**20
    log(f"[{tag}]   {r['documents']} docs, {r['passages']} passages in {r['index_s']:.0f} s")

    if not args.no_bare:
        log(f"[{tag}] bare SentenceTransformer.encode on the same passages …")
        b, c = child("bare", {"corpus": str(corpus), "cache": str(cache)}, env)
        row["bare"] = {**b, "wall_s": c.wall, "rss_mb": c.rss_mb}
        row["pipeline_over_bare"] = r["index_s"] / b["bare_s"]
        row["encode_over_bare"] = r["encode_s"] / b["bare_s"]
        log(f"[{tag}]   {b['passages']} passages in {b['bare_s']:.0f} s")

    log(f"[{tag}] reindex, nothing changed …")
    c = Child(kcqa_cmd("index", "--index", str(index), str(corpus)), env).check("no-change reindex")
    row["reindex_nochange"] = {"wall_s": c.wall, "reported_s": seconds_reported(c.stdout), "rss_mb": c.rss_mb,
                               "output": c.stdout.strip().splitlines()[:1]}
    victim = sorted(corpus.glob("news_*.txt"))[0]
    with open(victim, "a", encoding="utf-8") as f:
        f.write(f"\nBản cập nhật lúc {dt.datetime.now():%H:%M:%S}: doanh thu đạt 7 tỷ đồng.\n")
    log(f"[{tag}] reindex, one document changed …")
    c = Child(kcqa_cmd("index", "--index", str(index), str(corpus)), env).check("one-change reindex")
    row["reindex_onechange"] = {"wall_s": c.wall, "reported_s": seconds_reported(c.stdout), "rss_mb": c.rss_mb,
                                "output": c.stdout.strip().splitlines()[:1]}

    log(f"[{tag}] {args.questions} questions, warm …")
    a, c = child("ask", {"index": str(index), "cache": str(cache), "questions": questions(args.questions)}, env)
    row["ask_warm"] = {**a, "rss_mb": c.rss_mb}

    log(f"[{tag}] cold `kcqa ask` × {args.cold_runs} …")
    colds = [Child(kcqa_cmd("ask", "--index", str(index), COLD_QUESTION), env).check("cold ask")
             for _ in range(args.cold_runs)]
    walls = sorted(c.wall for c in colds)
    row["ask_cold"] = {"wall_s_median": statistics.median(walls), "wall_s_all": walls,
                       "rss_mb": max(c.rss_mb for c in colds),
                       "answer_ok": all("6,94 tỷ đồng" in c.stdout for c in colds)}
    row["index_dir"] = str(index)
    return row


def log(msg: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)


def f(x, spec: str = ".1f", none: str = "—") -> str:
    return none if x is None else format(x, spec)


def table(res: dict) -> str:
    m = res["machine"]
    threads = next((r["bare"]["threads"] for r in res["sizes"] if "bare" in r), None)
    out = [f"Machine: {m['nproc']} CPUs ({m['cpu'] or 'unknown CPU'}), {f(m['ram_gb'], '.0f')} GB RAM, "
           f"Python {m['python']}, runtime {res['args']['runtime']} ({threads if threads is not None else '?'} "
           f"batch threads), torch {m['torch']}, onnxruntime {m['onnxruntime']}, "
           f"sentence-transformers {m['sentence_transformers']}, chromadb {m['chromadb']}; "
           f"load average {m['loadavg_start'][0]:.1f} at start, {res['loadavg_end'][0]:.1f} at end. "
           f"{res['date']}.", ""]
    out += ["| size | docs | passages | index from empty | docs/s | passages/s | bare encode | pipeline / bare "
            "| no-change reindex | 1 doc changed | ask p50 / p95 (warm) | cold `kcqa ask` | index on disk "
            "| peak RSS: index / bare / ask / cold |",
            "|---" * 14 + "|"]
    for r in res["sizes"]:
        ix, b = r["index"], r.get("bare", {})
        out.append(
            f"| {r['size']:g}× | {ix['documents']} | {ix['passages']} | {ix['index_s']:.0f} s "
            f"(+{ix['model_load_s']:.0f} s model) | {r['docs_per_s']:.2f} | {r['passages_per_s']:.1f} "
            f"| {f(b.get('bare_s'), '.0f')} s | {f(r.get('pipeline_over_bare'), '.2f')} "
            f"(encode alone {f(r.get('encode_over_bare'), '.2f')}) "
            f"| {r['reindex_nochange']['wall_s']:.1f} s | {r['reindex_onechange']['wall_s']:.1f} s "
            f"| {r['ask_warm']['p50_ms']:.0f} / {r['ask_warm']['p95_ms']:.0f} ms "
            f"| {r['ask_cold']['wall_s_median']:.1f} s | {r['disk_mb']:.1f} MB "
            f"| {ix['rss_mb']:.0f} / {f(b.get('rss_mb'), '.0f')} / {r['ask_warm']['rss_mb']:.0f} "
            f"/ {r['ask_cold']['rss_mb']:.0f} MB |")
    s = res["startup"]
    heavy = s["heavy_after_import_cli"]
    out += ["", f"`kcqa --help`: {s['help_s_median']:.2f} s (median of {len(s['help_s_all'])}); "
                f"after `import kcqa.cli`: {'torch NOT imported' if 'torch' not in heavy else 'torch IMPORTED'}"
                f" (heavy modules loaded: {', '.join(heavy) or 'none'}; RSS {s['import_cli_rss_mb']:.0f} MB)."]
    fp = res.get("first_paint")
    if fp is None:
        out.append("First paint: skipped (bench/first_paint.py absent).")
    elif "paint_s" in fp:
        out.append(f"First paint of the app ({fp['mode']}, median of {res['args']['paint_runs']}): "
                   f"{fp['paint_s']:.2f} s; ready (model and index loaded): {f(fp['ready_s'], '.2f')} s.")
    else:
        out.append(f"First paint: bench/first_paint.py failed (exit {fp['exit']}): {fp['output']}")
    return "\n".join(out)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        res = CHILDREN[sys.argv[2]](json.loads(sys.argv[3]))
        print(RESULT + json.dumps(res), flush=True)
        return 0

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="0.25,1",
                    help="multiples of the 199 news articles, comma-separated (default 0.25,1; "
                         "1,10,100 reproduces the full measurement, hours)")
    ap.add_argument("--questions", type=int, default=100, help="warm questions per size (default 100)")
    ap.add_argument("--cold-runs", type=int, default=3, help="cold `kcqa ask` runs per size (default 3)")
    ap.add_argument("--help-runs", type=int, default=5, help="`kcqa --help` runs (default 5)")
    ap.add_argument("--paint-runs", type=int, default=3, help="first_paint.py runs (default 3)")
    ap.add_argument("--no-bare", action="store_true", help="skip the bare SentenceTransformer.encode comparison")
    ap.add_argument("--runtime", default=os.environ.get("KCQA_RUNTIME") or "onnx",
                    help="embedding runtime: onnx (int8, default) or st (sentence-transformers fp32); "
                         "also $KCQA_RUNTIME")
    ap.add_argument("--threads", type=int, help="batch threads (default: every core); also $KCQA_THREADS")
    ap.add_argument("--no-paint", action="store_true", help="skip bench/first_paint.py")
    ap.add_argument("--news", type=Path, default=NEWS, help="folder of the news articles")
    ap.add_argument("--cache", type=Path, help="model cache (default: $KCQA_CACHE or ~/.cache/kcqa)")
    ap.add_argument("--workdir", type=Path, help="where corpora and indexes go (default: a temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep the corpora and indexes")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results", help="folder for the JSON result")
    args = ap.parse_args()

    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    articles = sorted(args.news.glob("news_*.txt"))
    if not articles:
        sys.exit(f"no news_*.txt in {args.news}")
    sys.path.insert(0, str(REPO / "src"))
    from kcqa.config import Config
    cache = args.cache or Config().cache_dir
    env = {k: v for k, v in os.environ.items() if not k.startswith("KCQA_")}
    env.update(KCQA_CACHE=str(cache), PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
               KCQA_RUNTIME=args.runtime)
    threads = args.threads or os.environ.get("KCQA_THREADS")
    if threads:
        env["KCQA_THREADS"] = str(threads)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="kcqa-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    res: dict = {"date": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
                 "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
                 "articles_available": len(articles), "sizes": []}
    try:
        log("start-up: kcqa --help, import kcqa.cli …")
        res["startup"] = startup(env, args.help_runs)
        for size in sizes:
            res["sizes"].append(bench_size(size, work, env, cache, articles, args))
        if not args.no_paint and res["sizes"]:
            log("first paint …")
            res["first_paint"] = first_paint(Path(res["sizes"][-1]["index_dir"]), env, args.paint_runs)
        else:
            res["first_paint"] = None
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    res["loadavg_end"] = os.getloadavg()

    args.out.mkdir(parents=True, exist_ok=True)
    stem = f"bench-{dt.date.today().isoformat()}"
    target, i = args.out / f"{stem}.json", 2
    while target.exists():
        target, i = args.out / f"{stem}-{i}.json", i + 1
    target.write_text(json.dumps(res, ensure_ascii=False, indent=2), encoding="utf-8")
    print(table(res))
    print(f"\n(JSON: {target})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
