"""Do the quantised ONNX runtimes keep retrieval where fp32 sentence-transformers has it?

    .venv/bin/python bench/compare_runtimes.py                      # st, onnx-q4, onnx-int8
    .venv/bin/python bench/compare_runtimes.py --variants per_channel,fp32_embeddings

For each runtime (sentence-transformers fp32, onnx-q4, onnx-int8) it indexes, into a temporary
--workdir, (a) the bundled sample (knowledge/) for ../shared/eval/seed_questions.jsonl and
(b) knowledge/ + ../shared/data/vn_news_dantri_unc + ../shared/data/vn_resolutions_2025 for
tests/data/news_questions.jsonl + gov_questions.jsonl, through the real `build_index`, then:

* R@1 / R@3: the question's `cite` is inside the first / one of the first 3 passages, for
  the hybrid search users get (`Searcher.search`: BM25 + dense, fused) and for the dense
  ranking alone (exact cosine over every passage, numpy), which shows the runtime's effect
  undiluted. Questions as written and without diacritics; unanswerable ones have no cite.
* answer accuracy: `kcqa eval`'s judge over the same question files (all kinds).
* cosine of each ONNX runtime's vectors against fp32 for every passage of (b) and every question.

--variants adds other int8 recipes (see VARIANTS), each exported into the workdir's
own cache and scored on the dense ranking and the cosine only (the hybrid search and the
answers would need a full index each). --variants-only skips the runtimes and scores the
variants against the fp32 index an earlier run left in --workdir.
Results: a Markdown table on stdout and bench/results/compare-<date>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
KNOWLEDGE = REPO / "knowledge"
SEED = SHARED / "eval" / "seed_questions.jsonl"
NEWS = SHARED / "data" / "vn_news_dantri_unc"
RESOLUTIONS = SHARED / "data" / "vn_resolutions_2025"
CORPUS_QUESTIONS = [REPO / "tests" / "data" / "news_questions.jsonl", REPO / "tests" / "data" / "gov_questions.jsonl"]

# Recipes tried against the default (kcqa.embed.onnx.RECIPE). Names are node-name substrings.
VARIANTS = {
    "per_channel": {"per_channel": True},
    "per_channel_reduce_range": {"per_channel": True, "reduce_range": True},
    "fp32_embeddings": {"exclude": ["word_embeddings"]},
    "matmul_only": {"op_types": ["MatMul"]},
    "uint8": {"weight_type": "QUInt8"},
    "fp32_last_layer": {"exclude": ["layer.11/"]},
    "fp32_ffn_out": {"exclude": ["output/dense/MatMul"]},
}


def log(msg: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)


def load_questions(paths: list[Path]) -> list[dict]:
    out = []
    for p in paths:
        if p.exists():
            out += [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def build(index: Path, sources: list[Path], cache: Path, runtime: str):
    from kcqa.config import Config
    from kcqa.engine import Engine

    cfg = Config(index_dir=index, knowledge=sources, cache_dir=cache, runtime=runtime)
    engine = Engine(cfg)
    t = time.perf_counter()
    report = engine.index(sources)
    return engine, report, time.perf_counter() - t


def passages(engine) -> tuple[list[str], list, list[str]]:
    """(ids, chunks, the texts the model embeds), in a fixed order."""
    from kcqa.extract.chunking import embedding_text

    chunks = sorted(engine.store.chunks(), key=lambda c: c.id)
    return [c.id for c in chunks], chunks, [embedding_text(c) for c in chunks]


def stored_vectors(engine, ids: list[str]) -> np.ndarray:
    col = engine.searcher.vectors.collection()
    got: dict[str, np.ndarray] = {}
    for i in range(0, len(ids), 500):
        res = col.get(ids=ids[i:i + 500], include=["embeddings"])
        got.update(zip(res["ids"], np.asarray(res["embeddings"], dtype=np.float32)))
    return np.stack([got[i] for i in ids])


def spellings(items: list[dict]) -> list[tuple[dict, str, str]]:
    from kcqa.text.vietnamese import nfc, strip_diacritics

    out = []
    for it in items:
        if it.get("cite"):
            q = nfc(it["question"])
            out += [(it, "as_written", q), (it, "unaccented", strip_diacritics(q))]
    return out


def recall(hits: list[list[str]], cites: list[str]) -> dict:
    from kcqa.text.vietnamese import nfc

    r1 = sum(bool(h) and nfc(c) in h[0] for h, c in zip(hits, cites))
    r3 = sum(any(nfc(c) in t for t in h[:3]) for h, c in zip(hits, cites))
    n = len(cites)
    return {"n": n, "r1": r1, "r3": r3, "R@1": r1 / n if n else None, "R@3": r3 / n if n else None}


def hybrid_recall(engine, items: list[dict]) -> dict:
    qs = spellings(items)
    hits = [[p.chunk.text for p in engine.searcher.search(q, k=3).passages] for _, _, q in qs]
    return recall(hits, [it["cite"] for it, _, _ in qs])


def dense_recall(embedder, chunks: list, matrix: np.ndarray, items: list[dict], restore) -> dict:
    """Exact cosine ranking over every passage (vectors are unit-norm)."""
    qs = spellings(items)
    hits = []
    for _, _, q in qs:
        v = embedder.encode_query(restore(q) or q)
        top = np.argsort(-(matrix @ v))[:3]
        hits.append([chunks[i].text for i in top])
    return recall(hits, [it["cite"] for it, _, _ in qs])


def answers(engine, paths: list[Path]) -> dict:
    from kcqa.evaluate import evaluate_file

    total = correct = 0
    for p in paths:
        if p.exists():
            r = evaluate_file(engine, p, echo=False)
            total, correct = total + r.total, correct + r.correct
    return {"n": total, "correct": correct, "accuracy": correct / total if total else None}


def cosines(a: np.ndarray, b: np.ndarray) -> dict:
    c = np.sum(a * b, axis=1)
    return {"mean": float(c.mean()), "min": float(c.min()), "p5": float(np.percentile(c, 5))}


def neighbours_overlap(a: np.ndarray, b: np.ndarray, k: int = 10, n: int = 300) -> float:
    """Mean overlap of each of the first n passages' k nearest neighbours under a and b."""
    n = min(n, len(a))
    sa, sb = a[:n] @ a.T, b[:n] @ b.T
    ta, tb = np.argsort(-sa, axis=1)[:, 1:k + 1], np.argsort(-sb, axis=1)[:, 1:k + 1]
    return float(np.mean([len(set(x) & set(y)) / k for x, y in zip(ta, tb)]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="model cache (default: $KCQA_CACHE or ~/.cache/kcqa)")
    ap.add_argument("--workdir", type=Path, help="indexes go here (default: a temporary folder, removed)")
    ap.add_argument("--variants", default="", help=f"extra int8 recipes, comma-separated: {', '.join(VARIANTS)}")
    ap.add_argument("--variants-only", action="store_true",
                    help="skip the two runtimes; score --variants against the fp32 index already in --workdir")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = ap.parse_args()
    if not NEWS.exists():
        sys.exit(f"{NEWS} is missing: the corpus questions need it")
    sys.path.insert(0, str(REPO / "src"))
    from kcqa.config import Config
    from kcqa.embed import load_embedder
    from kcqa.embed.onnx import MODEL_FILE, RECIPE, load_onnx

    cache = args.cache or Config().cache_dir
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kcqa-compare-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    if not corpus.exists():
        shutil.copytree(KNOWLEDGE, corpus / "knowledge")
        shutil.copytree(NEWS, corpus / "news")
        if RESOLUTIONS.exists():
            shutil.copytree(RESOLUTIONS, corpus / "resolutions")
    seed_items, corpus_items = load_questions([SEED]), load_questions(CORPUS_QUESTIONS)
    res: dict = {"date": dt.datetime.now().isoformat(timespec="seconds"), "loadavg_start": os.getloadavg(),
                 "runtimes": {}, "variants": {}}
    vectors: dict[str, np.ndarray] = {}
    queries: dict[str, np.ndarray] = {}
    all_q = [it["question"] for it in seed_items + corpus_items]
    try:
        for runtime in () if args.variants_only else ("st", "onnx-q4", "onnx-int8"):
            row: dict = {}
            log(f"[{runtime}] index the sample …")
            seed, rep, secs = build(work / f"seed-{runtime}", [KNOWLEDGE], cache, runtime)
            row["seed_index_s"] = secs
            row["seed_model"] = seed.store.get_meta("model")
            row["seed_hybrid"] = hybrid_recall(seed, seed_items)
            row["seed_answers"] = answers(seed, [SEED])
            log(f"[{runtime}] index the corpus …")
            big, rep, secs = build(work / f"corpus-{runtime}", [corpus], cache, runtime)
            row.update(corpus_index_s=secs, corpus_passages=rep.chunks_embedded,
                       passages_per_s=rep.chunks_embedded / secs if secs else None)
            row["corpus_hybrid"] = hybrid_recall(big, corpus_items)
            row["corpus_answers"] = answers(big, CORPUS_QUESTIONS)
            ids, chunks, texts = passages(big)
            matrix = stored_vectors(big, ids)
            embedder = big.searcher.embedder
            row["corpus_dense"] = dense_recall(embedder, chunks, matrix, corpus_items, big.searcher.restore)
            seed_ids, seed_chunks, _ = passages(seed)
            row["seed_dense"] = dense_recall(seed.searcher.embedder, seed_chunks, stored_vectors(seed, seed_ids),
                                             seed_items, seed.searcher.restore)
            vectors[runtime] = matrix
            queries[runtime] = np.stack([embedder.encode_query(q) for q in all_q])
            res["runtimes"][runtime] = row
            log(f"[{runtime}] {json.dumps(row, ensure_ascii=False)}")
        for runtime in [r for r in vectors if r != "st"]:
            res[f"{runtime}_vs_fp32"] = {"passages_cos": cosines(vectors[runtime], vectors["st"]),
                                          "queries_cos": cosines(queries[runtime], queries["st"]),
                                          "top10_overlap": neighbours_overlap(vectors[runtime], vectors["st"])}

        names = [v for v in args.variants.split(",") if v.strip()]
        if names:
            st = load_embedder(None, cache, runtime="st")
            big = Engine_reopen(work / "corpus-st", cache)
            ids, chunks, texts = passages(big)
            if args.variants_only:
                vectors["st"] = stored_vectors(big, ids)
                queries["st"] = np.stack([st.encode_query(q) for q in all_q])
                res["variants"]["fp32 (reference)"] = {
                    "recipe": {}, "model_mb": 0, "passages_per_s": float("nan"),
                    "passages_cos": cosines(vectors["st"], vectors["st"]),
                    "queries_cos": cosines(queries["st"], queries["st"]),
                    "corpus_dense": dense_recall(st, chunks, vectors["st"], corpus_items, big.searcher.restore),
                    "check": {}}
        for name in names:
            recipe = {**RECIPE, **VARIANTS[name.strip()]}
            log(f"[variant {name}] export and embed {len(texts)} passages …")
            emb = load_onnx(st.name, st.path, work / "variant-cache" / name, 2, 1, True, recipe)
            t = time.perf_counter()
            matrix = emb.encode_passages(texts)
            secs = time.perf_counter() - t
            q = np.stack([emb.encode_query(x) for x in all_q])
            size = (emb.export / MODEL_FILE).stat().st_size / 2**20
            res["variants"][name] = {
                "recipe": recipe, "model_mb": size, "passages_per_s": len(texts) / secs,
                "passages_cos": cosines(matrix, vectors["st"]), "queries_cos": cosines(q, queries["st"]),
                "corpus_dense": dense_recall(emb, chunks, matrix, corpus_items, big.searcher.restore),
                "check": emb.manifest["check"]}
            log(f"[variant {name}] {json.dumps(res['variants'][name], ensure_ascii=False)}")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    res["loadavg_end"] = os.getloadavg()
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"compare-{dt.datetime.now():%Y-%m-%dT%H%M%S}.json"
    target.write_text(json.dumps(res, ensure_ascii=False, indent=2), encoding="utf-8")
    print(table(res))
    print(f"\n(JSON: {target})")
    return 0


def Engine_reopen(index: Path, cache: Path):
    from kcqa.config import Config
    from kcqa.engine import Engine

    return Engine(Config(index_dir=index, cache_dir=cache))


def pct(x) -> str:
    return "—" if x is None else f"{100 * x:.1f}"


def table(res: dict) -> str:
    out = ["| runtime | sample hybrid R@1 / R@3 | sample dense R@1 / R@3 | sample answers "
           "| corpus hybrid R@1 / R@3 | corpus dense R@1 / R@3 | corpus answers | passages/s (indexing) |",
           "|---" * 8 + "|"]
    for name, r in res["runtimes"].items():
        out.append(
            f"| {name} | {pct(r['seed_hybrid']['R@1'])} / {pct(r['seed_hybrid']['R@3'])} "
            f"| {pct(r['seed_dense']['R@1'])} / {pct(r['seed_dense']['R@3'])} "
            f"| {pct(r['seed_answers']['accuracy'])} ({r['seed_answers']['correct']}/{r['seed_answers']['n']}) "
            f"| {pct(r['corpus_hybrid']['R@1'])} / {pct(r['corpus_hybrid']['R@3'])} "
            f"| {pct(r['corpus_dense']['R@1'])} / {pct(r['corpus_dense']['R@3'])} "
            f"| {pct(r['corpus_answers']['accuracy'])} ({r['corpus_answers']['correct']}/{r['corpus_answers']['n']}) "
            f"| {r['passages_per_s']:.1f} |")
    r = next(iter(res["runtimes"].values()), None)
    out += [] if r is None else ["", f"Questions with a cite, each as written and without diacritics: sample "
                f"{r['seed_hybrid']['n']}, corpus {r['corpus_hybrid']['n']}.",
            f"Load average {res['loadavg_start'][0]:.1f} at start, {res['loadavg_end'][0]:.1f} at end."]
    for key, c in res.items():
        if key.endswith("_vs_fp32"):
            out.append(f"{key[:-8]} vs fp32 cosine: passages mean {c['passages_cos']['mean']:.4f} "
                       f"(min {c['passages_cos']['min']:.4f}), questions mean {c['queries_cos']['mean']:.4f} "
                       f"(min {c['queries_cos']['min']:.4f}); top-10 neighbours overlap {c['top10_overlap']:.2f}.")
    if res["variants"]:
        out += ["", "| int8 recipe | model MB | corpus dense R@1 / R@3 | passage cos mean / min | question cos mean "
                    "| passages/s |", "|---" * 6 + "|"]
        for name, v in res["variants"].items():
            out.append(f"| {name} | {v['model_mb']:.0f} | {pct(v['corpus_dense']['R@1'])} / {pct(v['corpus_dense']['R@3'])} "
                       f"| {v['passages_cos']['mean']:.4f} / {v['passages_cos']['min']:.4f} "
                       f"| {v['queries_cos']['mean']:.4f} | {v['passages_per_s']:.1f} |")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
